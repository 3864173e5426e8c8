//! The public router: what a customer's phone may ask. No staff data ever leaves through here.

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};

use crate::addresses::ClientAddr;
use crate::auth::Credentials;
use chrono::Utc;
use forno_app::CartDiscount;
use forno_domain::msg;
use serde::Deserialize;
use utoipa::IntoParams;

use crate::dto::{
    CustomerOrderDto, HealthDto, LinesBody, LinesQuoteDto, MenuDto, OrderRequestBody,
    PlacedOrderAnswer, PostcodeCheckDto, QuoteDto, ShopDto, WsCountsDto,
};
use crate::error::{ApiError, ApiResult};
use crate::extract::{JsonBody, Path, Query};
use crate::state::AppState;

#[utoipa::path(get, path = "/healthz", tag = "public", responses((status = 200, body = HealthDto)))]
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

/// The same health check outside `/api/v1`, where monitors look first.
#[utoipa::path(get, path = "/healthz", tag = "public", responses((status = 200, body = HealthDto)))]
pub async fn healthz_root(state: State<AppState>) -> ApiResult<Json<HealthDto>> {
    healthz(state).await
}

#[utoipa::path(get, path = "/shop", tag = "public", responses((status = 200, body = ShopDto)))]
pub async fn shop(State(state): State<AppState>) -> Json<ShopDto> {
    let settings = state.shop.settings();
    Json(ShopDto::new(&settings, state.shop.status(Utc::now())))
}

#[derive(Debug, Deserialize, IntoParams)]
pub struct MenuQuery {
    /// `nl` (default) or `en`.
    pub lang: Option<String>,
}

#[utoipa::path(get, path = "/menu", tag = "public", params(MenuQuery), responses((status = 200, body = MenuDto)))]
pub async fn menu(State(state): State<AppState>, Query(query): Query<MenuQuery>) -> Json<MenuDto> {
    let lang = match query.lang.as_deref() {
        Some("en") => "en",
        _ => "nl",
    };
    Json(MenuDto::new(&state.shop.menu(), lang))
}

#[utoipa::path(post, path = "/quote", tag = "public", request_body = OrderRequestBody,
    description = "Prices a cart without placing it. Without credentials it is quoted as a customer's web order; with a staff session or bearer token and `channel` set to `counter` or `phone` as that order (needs `take_orders`; a walk-in may stay anonymous), and without the per-address limit.",
    responses((status = 200, body = QuoteDto),
        (status = 409, description = "Online orders are paused"),
        (status = 422, description = "The order cannot be made as asked; `field` names what to change"),
        (status = 429, description = "Too many quotes from this address; see Retry-After")))]
pub async fn quote(
    State(state): State<AppState>,
    client: ClientAddr,
    credentials: Credentials,
    JsonBody(mut body): JsonBody<OrderRequestBody>,
) -> ApiResult<Json<QuoteDto>> {
    // Customers are limited per address; the counter re-quotes on every tap.
    if !matches!(credentials, Credentials::Staff(_)) {
        state
            .quote_limit
            .check(client.ip)
            .map_err(ApiError::rate_limited)?;
    }
    let discount = body.discount.take().map(|d| d.into_request()).transpose()?;
    let request = body.into_request()?;
    let quote = state.shop.quote_with_discount(
        request,
        discount.as_ref().map(|(d, _)| d),
        credentials.orderer(),
        Utc::now(),
    )?;
    Ok(Json(QuoteDto::from(&quote)))
}

#[utoipa::path(post, path = "/quote/lines", tag = "public", request_body = LinesBody,
    description = "Prices cart lines alone, before checkout: the ordering page's item dialog and cart. The same checks and prices as an order's lines (a sold-out item is a 422 naming `lines[i].item_id`); the delivery fee, the time and the contact come with `POST /quote`.",
    responses((status = 200, body = LinesQuoteDto),
        (status = 422, description = "A line cannot be made as asked; `field` names it"),
        (status = 429, description = "Too many quotes from this address; see Retry-After")))]
pub async fn quote_lines(
    State(state): State<AppState>,
    client: ClientAddr,
    JsonBody(body): JsonBody<LinesBody>,
) -> ApiResult<Json<LinesQuoteDto>> {
    state
        .quote_limit
        .check(client.ip)
        .map_err(ApiError::rate_limited)?;
    let lines: Vec<_> = body.lines.into_iter().map(|l| l.into_line()).collect();
    let priced = state.shop.price_lines(&lines)?;
    Ok(Json(LinesQuoteDto::from(&priced)))
}

#[derive(Debug, Deserialize, IntoParams)]
pub struct PostcodeQuery {
    /// A Dutch postcode, with or without the space: "1017 GM", "1017gm".
    pub postcode: String,
}

#[utoipa::path(get, path = "/delivery-zones/check", tag = "public", params(PostcodeQuery),
    description = "Whether the shop delivers to a postcode, and in which zone (fee, minimum order, extra minutes): the checkout asks while the customer types.",
    responses((status = 200, body = PostcodeCheckDto),
        (status = 422, description = "Not a Dutch postcode; `field` is `postcode`")))]
pub async fn check_postcode(
    State(state): State<AppState>,
    Query(query): Query<PostcodeQuery>,
) -> ApiResult<Json<PostcodeCheckDto>> {
    let (postcode, zone) = state.shop.zone_for_postcode(&query.postcode)?;
    Ok(Json(PostcodeCheckDto::new(postcode, zone.as_ref())))
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
        None => Err(ApiError::bad_request(msg!(
            nl: "De Idempotency-Key-header moet 1 tot 255 zichtbare ASCII-tekens zijn, bijvoorbeeld een UUID.",
            en: "The Idempotency-Key header must be 1 to 255 visible ASCII characters, e.g. a UUID."
        ))
        .with_field("Idempotency-Key")),
    }
}

#[utoipa::path(post, path = "/orders", tag = "public", request_body = OrderRequestBody,
    description = "Places an order. Without credentials it is a customer's web order (`channel` is ignored) and the answer is a `PlacedOrderDto`. With a staff session or bearer token and `channel` set to `counter` or `phone` it is a counter or phone order (needs `take_orders`) and the answer is the staff view, an `OrderDto`. Expired or forged credentials are a 401 for a counter or phone order and ignored for a web order.",
    params(("Idempotency-Key" = Option<String>, Header, description = "Retries with the same key return the same order (1 to 255 visible ASCII characters)")),
    responses((status = 201, body = PlacedOrderAnswer, description = "The order was placed"),
        (status = 200, body = PlacedOrderAnswer, description = "An earlier call with this Idempotency-Key placed it"),
        (status = 409, description = "Online orders are paused, or the Idempotency-Key was used for another order"),
        (status = 422, description = "The order cannot be made as asked; `field` names what to change"),
        (status = 429, description = "Too many orders from this address; see Retry-After")))]
pub async fn place_order(
    State(state): State<AppState>,
    client: ClientAddr,
    credentials: Credentials,
    headers: HeaderMap,
    JsonBody(mut body): JsonBody<OrderRequestBody>,
) -> ApiResult<Response> {
    let key = idempotency_key(&headers)?;
    // Customers are limited per address; staff at the counter are not.
    if !matches!(credentials, Credentials::Staff(_)) {
        state
            .order_limit
            .check(client.ip)
            .map_err(ApiError::rate_limited)?;
    }
    let discount = body
        .discount
        .take()
        .map(|d| d.into_request())
        .transpose()?
        .map(|(request, approval)| CartDiscount { request, approval });
    let mut request = body.into_request()?;
    // The customer's messages are written in the language of their page.
    request.language = crate::language::lang_of(&headers);
    let placed = state
        .shop
        .place_order_with_discount(request, discount, key, credentials.orderer(), Utc::now())
        .await?;
    let status = if placed.created {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((status, Json(PlacedOrderAnswer::from(&placed.order))).into_response())
}

#[utoipa::path(get, path = "/orders/track/{token}", tag = "public",
    params(("token" = String, Path, description = "The order's tracking token")),
    responses((status = 200, body = CustomerOrderDto),
        (status = 404, description = "No order has this tracking token")))]
pub async fn track(
    State(state): State<AppState>,
    Path(token): Path<String>,
) -> ApiResult<Json<CustomerOrderDto>> {
    let order = state.shop.track(&token).await?;
    Ok(Json(CustomerOrderDto::from(&order)))
}
