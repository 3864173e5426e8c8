//! The staff router: orders, the event log, menu and settings, behind a staff session.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use chrono::{NaiveDate, Utc};
use forno_app::OrderFilter;
use forno_domain::{Channel, Fulfilment, OrderStatus, StatusChange, msg};
use serde::Deserialize;
use utoipa::IntoParams;

use crate::auth::Staff;
use crate::dto::{
    Audience, EventDto, EventPageDto, ItemBody, MenuDto, OrderDto, OrderListDto, PauseBody,
    PrepTimeBody, SettingsDto, SoldOutBody, StatusChangeBody,
};
use crate::error::{ApiError, ApiResult};
use crate::extract::{JsonBody, Path, Query};
use crate::state::AppState;

#[derive(Debug, Deserialize, IntoParams)]
pub struct OrderQuery {
    /// Comma-separated statuses: `placed,accepted`.
    pub status: Option<String>,
    /// Comma-separated channels: `web,counter,phone`.
    pub channel: Option<String>,
    /// `pickup` or `delivery`; absent: both.
    pub fulfilment: Option<String>,
    /// First business date, `YYYY-MM-DD`.
    pub from: Option<String>,
    /// Last business date, `YYYY-MM-DD`.
    pub to: Option<String>,
    /// Order number, customer name, phone or address.
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
                ApiError::bad_request(msg!(
                    nl: "\"{s}\" is geen geldige waarde voor `{field}`; gebruik een van: {known}.",
                    en: "\"{s}\" is not a {field}; use one of {known}."
                ))
                .with_field(field)
            })
        })
        .collect()
}

fn parse_date(raw: Option<&str>, field: &str) -> ApiResult<Option<NaiveDate>> {
    raw.map(|d| {
        d.parse().map_err(|_| {
            ApiError::bad_request(msg!(
                nl: "\"{d}\" is geen datum zoals 2026-11-25.",
                en: "\"{d}\" is not a date like 2026-11-25."
            ))
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
            fulfilment: match self.fulfilment.as_deref().map(str::trim) {
                None | Some("") => None,
                Some(kind) => Some(
                    Fulfilment::KINDS
                        .into_iter()
                        .find(|k| *k == kind)
                        .ok_or_else(|| {
                            ApiError::bad_request(msg!(
                                nl: "\"{kind}\" is geen geldige waarde voor `fulfilment`; gebruik pickup of delivery.",
                                en: "\"{kind}\" is not a fulfilment; use pickup or delivery."
                            ))
                            .with_field("fulfilment")
                        })?,
                ),
            },
            from: parse_date(self.from.as_deref(), "from")?,
            to: parse_date(self.to.as_deref(), "to")?,
            search: self.q,
            limit: self.limit.unwrap_or(50).clamp(1, 500),
            offset: self.offset.unwrap_or(0).max(0),
        })
    }
}

#[utoipa::path(get, path = "/orders", tag = "staff", params(OrderQuery),
    responses((status = 200, body = OrderListDto)))]
pub async fn list_orders(
    State(state): State<AppState>,
    staff: Staff,
    Query(query): Query<OrderQuery>,
) -> ApiResult<Json<OrderListDto>> {
    let (orders, total) = state
        .shop
        .orders(&staff.actor, query.into_filter()?)
        .await?;
    Ok(Json(OrderListDto {
        orders: orders.iter().map(OrderDto::from).collect(),
        total,
    }))
}

#[utoipa::path(get, path = "/orders/{id}", tag = "staff", params(("id" = i64, Path)),
    responses((status = 200, body = OrderDto), (status = 404, description = "There is no such order")))]
pub async fn get_order(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
) -> ApiResult<Json<OrderDto>> {
    Ok(Json(OrderDto::from(
        &state.shop.order(&staff.actor, id).await?,
    )))
}

#[utoipa::path(post, path = "/orders/{id}/status", tag = "staff", params(("id" = i64, Path)), request_body = StatusChangeBody,
    description = "Moves an order to another status. Which action the caller needs depends on the status asked for: `accept_orders` (accepted, rejected), `prepare_orders` (preparing, ready), `hand_over_orders` (out_for_delivery, completed), `cancel_orders` (cancelled); `may_set_statuses` in GET /auth/me lists them per role.",
    responses((status = 200, body = OrderDto),
        (status = 403, description = "The caller's role may not move an order to this status"),
        (status = 404, description = "There is no such order"),
        (status = 409, description = "The order's status does not allow this move; the answer names the next step"),
        (status = 422, description = "Unknown status, a cancellation without a reason, or a prep time outside 1–240 minutes")))]
pub async fn change_status(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    JsonBody(body): JsonBody<StatusChangeBody>,
) -> ApiResult<Json<OrderDto>> {
    let to = OrderStatus::parse(&body.status).ok_or_else(|| {
        let (status, known) = (
            &body.status,
            OrderStatus::ALL.map(|s| s.as_str()).join(", "),
        );
        ApiError::invalid(
            "status",
            msg!(
                nl: "\"{status}\" is geen status; gebruik een van: {known}.",
                en: "\"{status}\" is not a status; use one of {known}."
            ),
        )
    })?;
    let change = StatusChange {
        to,
        reason: body.reason,
        prep_time_minutes: body.prep_time_minutes,
        customer_message: body.customer_message,
    };
    let order = state
        .shop
        .change_status(
            id,
            change,
            &staff.actor,
            body.approval.map(Into::into),
            Utc::now(),
        )
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

#[utoipa::path(get, path = "/events", tag = "staff", params(EventQuery),
    responses((status = 200, body = EventPageDto)))]
pub async fn events(
    State(state): State<AppState>,
    staff: Staff,
    Query(query): Query<EventQuery>,
) -> ApiResult<Json<EventPageDto>> {
    let after = query.after.unwrap_or(0).max(0);
    let limit = query.limit.unwrap_or(500).clamp(0, 1000);
    let page = state.shop.event_log(&staff.actor, after, limit).await?;
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

#[utoipa::path(get, path = "/settings", tag = "staff", responses((status = 200, body = SettingsDto)))]
pub async fn get_settings(
    State(state): State<AppState>,
    staff: Staff,
) -> ApiResult<Json<SettingsDto>> {
    Ok(Json(SettingsDto::from(
        &*state.shop.staff_settings(&staff.actor)?,
    )))
}

#[utoipa::path(put, path = "/settings", tag = "staff", request_body = SettingsDto,
    responses((status = 200, body = SettingsDto),
        (status = 422, description = "A setting is not valid; `field` names it (`zones[0].postcodes`, `hours.tue`, …)")))]
pub async fn put_settings(
    State(state): State<AppState>,
    staff: Staff,
    JsonBody(body): JsonBody<SettingsDto>,
) -> ApiResult<Json<SettingsDto>> {
    state
        .shop
        .update_settings(&staff.actor, body.into_settings()?, Utc::now())
        .await?;
    Ok(Json(SettingsDto::from(&*state.shop.settings())))
}

#[utoipa::path(post, path = "/settings/pause", tag = "staff", request_body = PauseBody,
    responses((status = 200, body = SettingsDto)))]
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

#[utoipa::path(post, path = "/settings/prep-time", tag = "staff", request_body = PrepTimeBody,
    description = "The counter's busy switch: sets the prep time of new orders (and so the time customers are promised), without the rest of the settings.",
    responses((status = 200, body = SettingsDto),
        (status = 422, description = "A prep time outside 1–240 minutes")))]
pub async fn prep_time(
    State(state): State<AppState>,
    staff: Staff,
    JsonBody(body): JsonBody<PrepTimeBody>,
) -> ApiResult<Json<SettingsDto>> {
    state
        .shop
        .set_prep_time(&staff.actor, body.prep_time_minutes, Utc::now())
        .await?;
    Ok(Json(SettingsDto::from(&*state.shop.settings())))
}

#[utoipa::path(get, path = "/menu/admin", tag = "staff", responses((status = 200, body = MenuDto)))]
pub async fn menu_admin(State(state): State<AppState>, staff: Staff) -> ApiResult<Json<MenuDto>> {
    Ok(Json(MenuDto::new(
        &*state.shop.staff_menu(&staff.actor)?,
        "nl",
    )))
}

#[utoipa::path(put, path = "/menu/items/{id}", tag = "staff", params(("id" = i64, Path)), request_body = ItemBody,
    responses((status = 200, body = MenuDto),
        (status = 404, description = "There is no such menu item"),
        (status = 422, description = "The item is not valid; `field` names what to change")))]
pub async fn put_item(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    JsonBody(body): JsonBody<ItemBody>,
) -> ApiResult<Json<MenuDto>> {
    let item = body.into_item(id, &state.shop.menu())?;
    state
        .shop
        .update_item(&staff.actor, item, Utc::now())
        .await?;
    Ok(Json(MenuDto::new(&state.shop.menu(), "nl")))
}

#[utoipa::path(post, path = "/menu/items/{id}/sold-out", tag = "staff", params(("id" = i64, Path)), request_body = SoldOutBody,
    responses((status = 204, description = "Marked"), (status = 404, description = "There is no such menu item")))]
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
