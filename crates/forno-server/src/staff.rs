//! The staff router: orders, the event log, menu and settings, behind a staff session.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::{NaiveDate, Utc};
use forno_app::OrderFilter;
use forno_domain::{Channel, OrderStatus, StatusChange};
use serde::Deserialize;
use utoipa::IntoParams;

use crate::auth::Staff;
use crate::dto::{
    Audience, EventDto, EventPageDto, ItemBody, MenuDto, OrderDto, OrderListDto, OrderRequestBody,
    PauseBody, SettingsDto, SoldOutBody, StatusChangeBody,
};
use crate::error::{ApiError, ApiResult, Problem};
use crate::extract::JsonBody;
use crate::state::AppState;

#[derive(Debug, Deserialize, IntoParams)]
pub struct OrderQuery {
    /// Comma-separated statuses: `placed,accepted`.
    pub status: Option<String>,
    /// Comma-separated channels: `web,counter,phone`.
    pub channel: Option<String>,
    /// First business date, `YYYY-MM-DD`.
    pub from: Option<String>,
    /// Last business date, `YYYY-MM-DD`.
    pub to: Option<String>,
    /// Order number, customer name or phone.
    pub q: Option<String>,
    pub limit: Option<i64>,
    pub offset: Option<i64>,
}

fn parse_list<T>(
    raw: Option<&str>,
    field: &str,
    parse: impl Fn(&str) -> Option<T>,
    known: &str,
) -> ApiResult<Vec<T>> {
    raw.unwrap_or("")
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| {
            parse(s).ok_or_else(|| {
                ApiError::bad_request(format!("\"{s}\" is not a {field}; use one of {known}."))
                    .with_field(field)
            })
        })
        .collect()
}

fn parse_date(raw: Option<&str>, field: &str) -> ApiResult<Option<NaiveDate>> {
    raw.map(|d| {
        d.parse().map_err(|_| {
            ApiError::bad_request(format!("\"{d}\" is not a date like 2026-11-25."))
                .with_field(field)
        })
    })
    .transpose()
}

impl OrderQuery {
    fn into_filter(self) -> ApiResult<OrderFilter> {
        let statuses = OrderStatus::ALL.map(|s| s.as_str()).join(", ");
        Ok(OrderFilter {
            statuses: parse_list(
                self.status.as_deref(),
                "status",
                OrderStatus::parse,
                &statuses,
            )?,
            channels: parse_list(
                self.channel.as_deref(),
                "channel",
                Channel::parse,
                "web, counter, phone",
            )?,
            from: parse_date(self.from.as_deref(), "from")?,
            to: parse_date(self.to.as_deref(), "to")?,
            search: self.q,
            limit: self.limit.unwrap_or(50).clamp(1, 500),
            offset: self.offset.unwrap_or(0).max(0),
        })
    }
}

#[utoipa::path(get, path = "/api/v1/orders", tag = "staff", params(OrderQuery),
    responses((status = 200, body = OrderListDto), (status = 401, body = Problem)))]
pub async fn list_orders(
    State(state): State<AppState>,
    staff: Staff,
    Query(query): Query<OrderQuery>,
) -> ApiResult<Json<OrderListDto>> {
    staff.actor.require(forno_domain::Permission::ViewOrders)?;
    let (orders, total) = state.shop.orders(query.into_filter()?).await?;
    Ok(Json(OrderListDto {
        orders: orders.iter().map(OrderDto::from).collect(),
        total,
    }))
}

#[utoipa::path(get, path = "/api/v1/orders/{id}", tag = "staff", params(("id" = i64, Path)),
    responses((status = 200, body = OrderDto), (status = 404, body = Problem)))]
pub async fn get_order(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
) -> ApiResult<Json<OrderDto>> {
    staff.actor.require(forno_domain::Permission::ViewOrders)?;
    Ok(Json(OrderDto::from(&state.shop.order(id).await?)))
}

/// A counter or phone order, placed by staff through `POST /api/v1/orders` with a session.
pub async fn place_counter_order(
    state: &AppState,
    actor: &forno_app::Actor,
    key: Option<String>,
    body: OrderRequestBody,
) -> ApiResult<Response> {
    actor.require(forno_domain::Permission::TakeOrders)?;
    let request = body.into_request(true)?;
    let placed = state
        .shop
        .place_order(request, key, Some(actor), Utc::now())
        .await?;
    let status = if placed.created {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((status, Json(OrderDto::from(&placed.order))).into_response())
}

#[utoipa::path(post, path = "/api/v1/orders/{id}/status", tag = "staff", params(("id" = i64, Path)), request_body = StatusChangeBody,
    responses((status = 200, body = OrderDto), (status = 403, body = Problem), (status = 409, body = Problem)))]
pub async fn change_status(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    JsonBody(body): JsonBody<StatusChangeBody>,
) -> ApiResult<Json<OrderDto>> {
    let to = OrderStatus::parse(&body.status).ok_or_else(|| {
        ApiError::invalid(
            "status",
            format!(
                "\"{}\" is not a status; use one of {}.",
                body.status,
                OrderStatus::ALL.map(|s| s.as_str()).join(", ")
            ),
        )
    })?;
    let change = StatusChange {
        to,
        reason: body.reason,
        prep_time_minutes: body.prep_time_minutes,
    };
    let order = state
        .shop
        .change_status(id, change, &staff.actor, Utc::now())
        .await?;
    Ok(Json(OrderDto::from(&order)))
}

#[derive(Debug, Deserialize, IntoParams)]
pub struct EventQuery {
    /// Return events with a seq greater than this.
    pub after: Option<i64>,
    /// At most this many (default 500, max 1000; 0 returns only the bounds).
    pub limit: Option<i64>,
}

#[utoipa::path(get, path = "/api/v1/events", tag = "staff", params(EventQuery),
    responses((status = 200, body = EventPageDto), (status = 401, body = Problem)))]
pub async fn events(
    State(state): State<AppState>,
    staff: Staff,
    Query(query): Query<EventQuery>,
) -> ApiResult<Json<EventPageDto>> {
    staff.actor.require(forno_domain::Permission::ViewOrders)?;
    let after = query.after.unwrap_or(0).max(0);
    let limit = query.limit.unwrap_or(500).clamp(0, 1000);
    let page = state.shop.events_after(after, limit).await?;
    Ok(Json(EventPageDto {
        events: page
            .events
            .iter()
            .filter_map(|e| EventDto::render(e, Audience::Staff))
            .collect(),
        head_seq: page.head_seq,
        oldest_seq: page.oldest_seq,
    }))
}

#[utoipa::path(get, path = "/api/v1/settings", tag = "staff", responses((status = 200, body = SettingsDto)))]
pub async fn get_settings(State(state): State<AppState>, _staff: Staff) -> Json<SettingsDto> {
    Json(SettingsDto::from(&*state.shop.settings()))
}

#[utoipa::path(put, path = "/api/v1/settings", tag = "staff", request_body = SettingsDto,
    responses((status = 200, body = SettingsDto), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn put_settings(
    State(state): State<AppState>,
    staff: Staff,
    JsonBody(body): JsonBody<SettingsDto>,
) -> ApiResult<Json<SettingsDto>> {
    staff
        .actor
        .require(forno_domain::Permission::EditSettings)?;
    state
        .shop
        .update_settings(&staff.actor, body.into_settings()?, Utc::now())
        .await?;
    Ok(Json(SettingsDto::from(&*state.shop.settings())))
}

#[utoipa::path(post, path = "/api/v1/settings/pause", tag = "staff", request_body = PauseBody,
    responses((status = 200, body = SettingsDto), (status = 403, body = Problem)))]
pub async fn pause(
    State(state): State<AppState>,
    staff: Staff,
    JsonBody(body): JsonBody<PauseBody>,
) -> ApiResult<Json<SettingsDto>> {
    state
        .shop
        .set_paused(&staff.actor, body.paused, Utc::now())
        .await?;
    Ok(Json(SettingsDto::from(&*state.shop.settings())))
}

#[utoipa::path(get, path = "/api/v1/menu/admin", tag = "staff", responses((status = 200, body = MenuDto)))]
pub async fn menu_admin(State(state): State<AppState>, _staff: Staff) -> Json<MenuDto> {
    Json(MenuDto::new(&state.shop.menu(), "nl"))
}

#[utoipa::path(put, path = "/api/v1/menu/items/{id}", tag = "staff", params(("id" = i64, Path)), request_body = ItemBody,
    responses((status = 200, body = MenuDto), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn put_item(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    JsonBody(body): JsonBody<ItemBody>,
) -> ApiResult<Json<MenuDto>> {
    staff.actor.require(forno_domain::Permission::EditMenu)?;
    let item = body.into_item(id, &state.shop.menu())?;
    state
        .shop
        .update_item(&staff.actor, item, Utc::now())
        .await?;
    Ok(Json(MenuDto::new(&state.shop.menu(), "nl")))
}

#[utoipa::path(post, path = "/api/v1/menu/items/{id}/sold-out", tag = "staff", params(("id" = i64, Path)), request_body = SoldOutBody,
    responses((status = 204), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn sold_out(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    JsonBody(body): JsonBody<SoldOutBody>,
) -> ApiResult<StatusCode> {
    state
        .shop
        .set_sold_out(&staff.actor, id, body.sold_out, Utc::now())
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(get, path = "/api/v1/audit", tag = "staff", responses((status = 200, body = Vec<serde_json::Value>), (status = 403, body = Problem)))]
pub async fn audit(
    State(state): State<AppState>,
    staff: Staff,
) -> ApiResult<Json<Vec<forno_app::AuditEntry>>> {
    Ok(Json(state.shop.audit_log(&staff.actor, 200).await?))
}
