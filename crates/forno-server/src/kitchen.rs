//! The kitchen's routes: stations, lines done, recall. Handlers call one use case each.

use axum::Json;
use axum::extract::State;
use chrono::Utc;

use crate::auth::Staff;
use crate::dto::{LinesDoneBody, OrderDto, StationsBody, StationsDto};
use crate::error::ApiResult;
use crate::extract::{JsonBody, Path};
use crate::state::AppState;

#[utoipa::path(get, path = "/kitchen/stations", tag = "kitchen",
    description = "The kitchen's stations and which station makes each menu item (by its category). Empty `stations`: the kitchen is one station.",
    responses((status = 200, body = StationsDto)))]
pub async fn get_stations(
    State(state): State<AppState>,
    staff: Staff,
) -> ApiResult<Json<StationsDto>> {
    let stations = state.shop.stations(&staff.actor).await?;
    Ok(Json(StationsDto::new(&stations, &state.shop.menu())))
}

#[utoipa::path(put, path = "/kitchen/stations", tag = "kitchen", request_body = StationsBody,
    description = "Replaces the stations. With stations in use an order may become `ready` only when every station has finished its lines.",
    responses((status = 200, body = StationsDto),
        (status = 422, description = "A station is not valid; `field` names it (`stations[1].code`, `stations[0].category_ids`, …)")))]
pub async fn put_stations(
    State(state): State<AppState>,
    staff: Staff,
    JsonBody(body): JsonBody<StationsBody>,
) -> ApiResult<Json<StationsDto>> {
    let stations = state
        .shop
        .set_stations(&staff.actor, body.into_stations(), Utc::now())
        .await?;
    Ok(Json(StationsDto::new(&stations, &state.shop.menu())))
}

#[utoipa::path(post, path = "/orders/{id}/lines/done", tag = "kitchen", params(("id" = i64, Path)), request_body = LinesDoneBody,
    description = "Marks lines of an open order done (or, with `done: false`, not done again). Every staff screen hears it as `order.line_done`; customers do not.",
    responses((status = 200, body = OrderDto),
        (status = 404, description = "There is no such order"),
        (status = 409, description = "The order is no longer open"),
        (status = 422, description = "No lines named, or a line the order does not have")))]
pub async fn lines_done(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    JsonBody(body): JsonBody<LinesDoneBody>,
) -> ApiResult<Json<OrderDto>> {
    let order = state
        .shop
        .set_lines_done(&staff.actor, id, body.lines, body.done, Utc::now())
        .await?;
    Ok(Json(OrderDto::from(&order)))
}

#[utoipa::path(post, path = "/orders/{id}/recall", tag = "kitchen", params(("id" = i64, Path)),
    description = "Takes the order's last step back (a bump, a move on the owner's board, a cancellation) within 5 minutes. The caller needs the action of the step being taken back; `undo` on the order says whether and until when.",
    responses((status = 200, body = OrderDto),
        (status = 403, description = "The caller's role may not take this step back"),
        (status = 404, description = "There is no such order"),
        (status = 409, description = "Nothing to take back, or the step is too long ago")))]
pub async fn recall(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
) -> ApiResult<Json<OrderDto>> {
    let order = state.shop.recall(&staff.actor, id, Utc::now()).await?;
    Ok(Json(OrderDto::from(&order)))
}
