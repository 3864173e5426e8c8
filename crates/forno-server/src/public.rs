//! The public router: what a customer's phone may ask. No staff data ever leaves through here.

use std::net::SocketAddr;

use axum::Json;
use axum::extract::{ConnectInfo, Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};

use crate::auth::token_from_headers;
use chrono::Utc;
use serde::Deserialize;
use utoipa::IntoParams;

use crate::dto::{
    CustomerOrderDto, HealthDto, MenuDto, OrderRequestBody, PlacedOrderDto, QuoteDto, ShopDto,
    WsCountsDto,
};
use crate::error::{ApiError, ApiResult, Problem};
use crate::extract::JsonBody;
use crate::state::AppState;

#[utoipa::path(get, path = "/api/v1/healthz", tag = "public", responses((status = 200, body = HealthDto)))]
pub async fn healthz(State(state): State<AppState>) -> ApiResult<Json<HealthDto>> {
    let health = state.shop.health().await?;
    let (staff, customer) = state.hub.counts();
    Ok(Json(HealthDto {
        status: "ok".into(),
        version: env!("CARGO_PKG_VERSION").into(),
        event_seq: health.head_seq,
        ws_connections: WsCountsDto {
            staff,
            customer,
            limit: state.hub.limit(),
        },
        outbox: health.outbox.into(),
    }))
}

#[utoipa::path(get, path = "/api/v1/shop", tag = "public", responses((status = 200, body = ShopDto)))]
pub async fn shop(State(state): State<AppState>) -> Json<ShopDto> {
    let settings = state.shop.settings();
    Json(ShopDto::new(&settings, state.shop.status(Utc::now())))
}

#[derive(Debug, Deserialize, IntoParams)]
pub struct MenuQuery {
    /// `nl` (default) or `en`.
    pub lang: Option<String>,
}

#[utoipa::path(get, path = "/api/v1/menu", tag = "public", params(MenuQuery), responses((status = 200, body = MenuDto)))]
pub async fn menu(State(state): State<AppState>, Query(query): Query<MenuQuery>) -> Json<MenuDto> {
    let lang = match query.lang.as_deref() {
        Some("en") => "en",
        _ => "nl",
    };
    Json(MenuDto::new(&state.shop.menu(), lang))
}

#[utoipa::path(post, path = "/api/v1/quote", tag = "public", request_body = OrderRequestBody,
    responses((status = 200, body = QuoteDto), (status = 422, body = Problem), (status = 429, body = Problem)))]
pub async fn quote(
    State(state): State<AppState>,
    ConnectInfo(client): ConnectInfo<SocketAddr>,
    JsonBody(body): JsonBody<OrderRequestBody>,
) -> ApiResult<Json<QuoteDto>> {
    state
        .quote_limit
        .check(client.ip())
        .map_err(ApiError::rate_limited)?;
    let request = body.into_request(false)?;
    let quote = state.shop.quote(&request, Utc::now())?;
    Ok(Json(QuoteDto::from(&quote)))
}

/// Reads an `Idempotency-Key` header: 1 to 255 visible ASCII characters.
pub fn idempotency_key(headers: &HeaderMap) -> ApiResult<Option<String>> {
    let Some(value) = headers.get("idempotency-key") else {
        return Ok(None);
    };
    let key = value
        .to_str()
        .ok()
        .map(str::trim)
        .filter(|k| !k.is_empty() && k.len() <= 255 && k.bytes().all(|b| b.is_ascii_graphic()));
    match key {
        Some(key) => Ok(Some(key.to_owned())),
        None => Err(ApiError::bad_request(
            "The Idempotency-Key header must be 1 to 255 visible ASCII characters, e.g. a UUID.",
        )
        .with_field("Idempotency-Key")),
    }
}

#[utoipa::path(post, path = "/api/v1/orders", tag = "public", request_body = OrderRequestBody,
    description = "A customer's web order (201 PlacedOrderDto), or, with `channel` set to `counter` or `phone` and a staff session or bearer token, a counter or phone order (201 OrderDto). Without credentials `channel` is ignored.",
    params(("Idempotency-Key" = Option<String>, Header, description = "Retries with the same key return the same order")),
    responses((status = 201, body = PlacedOrderDto), (status = 200, body = PlacedOrderDto, description = "Repeated Idempotency-Key"),
        (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 409, body = Problem), (status = 422, body = Problem), (status = 429, body = Problem)))]
pub async fn place_order(
    State(state): State<AppState>,
    ConnectInfo(client): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    JsonBody(body): JsonBody<OrderRequestBody>,
) -> ApiResult<Response> {
    let key = idempotency_key(&headers)?;
    // A counter or phone order is staff work: it needs the `channel` AND credentials (a forged
    // or expired session is a 401). Without credentials the channel is ignored, like any price a
    // client sends, and the order is a customer's web order; a stale staff cookie in a
    // customer's browser never blocks one.
    let staff_channel = body.channel.as_deref().is_some_and(|c| c != "web");
    if let Some(token) = token_from_headers(&headers).filter(|_| staff_channel) {
        let actor = state.shop.authenticate(&token, Utc::now()).await?;
        return crate::staff::place_counter_order(&state, &actor, key, body).await;
    }
    state
        .order_limit
        .check(client.ip())
        .map_err(ApiError::rate_limited)?;
    let request = body.into_request(false)?;
    let placed = state
        .shop
        .place_order(request, key, None, Utc::now())
        .await?;
    let status = if placed.created {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((status, Json(PlacedOrderDto::from(&placed.order))).into_response())
}

#[utoipa::path(get, path = "/api/v1/orders/track/{token}", tag = "public",
    params(("token" = String, Path, description = "The order's tracking token")),
    responses((status = 200, body = CustomerOrderDto), (status = 404, body = Problem)))]
pub async fn track(
    State(state): State<AppState>,
    Path(token): Path<String>,
) -> ApiResult<Json<CustomerOrderDto>> {
    let order = state.shop.track(&token).await?;
    Ok(Json(CustomerOrderDto::from(&order)))
}
