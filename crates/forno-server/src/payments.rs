//! Money at the counter: `POST /orders/{id}/payments` records cash (with change) or card ("card
//! paid" by hand), several payments covering an order bit by bit; `POST /orders/{id}/discounts`
//! gives a discount and `POST /orders/{id}/voids` voids one line. The rules live in the domain.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use chrono::Utc;
use forno_app::LineVoidRequest;
use forno_domain::{PaymentMethod, PaymentRequest, msg};

use crate::auth::Staff;
use crate::dto::{DiscountBody, LineVoidBody, OrderDto, PaymentBody, RecordedPaymentDto};
use crate::error::{ApiError, ApiResult};
use crate::extract::{JsonBody, Path};
use crate::state::AppState;

#[utoipa::path(post, path = "/orders/{id}/payments", tag = "staff", params(("id" = i64, Path)), request_body = PaymentBody,
    description = "Records one payment for an order: `cash` (with `tendered_cents`, what the customer handed over; the answer has the change) or `card` (confirmed by hand). Several payments may cover one order; the order's `payment_state` follows from them.",
    responses((status = 201, body = RecordedPaymentDto),
        (status = 403, description = "The caller's role may not take payments"),
        (status = 404, description = "There is no such order"),
        (status = 422, description = "An amount of 0 or less, more than is still open, less cash handed over than the amount, or an order that is cancelled or rejected; nothing is written")))]
pub async fn record_payment(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    JsonBody(body): JsonBody<PaymentBody>,
) -> ApiResult<(StatusCode, Json<RecordedPaymentDto>)> {
    let method = PaymentMethod::parse(&body.method)
        .filter(|m| *m != PaymentMethod::Online)
        .ok_or_else(|| {
            let method = &body.method;
            ApiError::invalid(
                "method",
                msg!(
                    nl: "\"{method}\" kan hier niet; kies cash (contant) of card (pin). Online betalingen komen van de betaalprovider.",
                    en: "\"{method}\" is not possible here; choose cash or card. Online payments come from the payment provider."
                ),
            )
        })?;
    let request = PaymentRequest {
        method,
        amount: body.amount_cents,
        tendered: body.tendered_cents,
    };
    let recorded = state
        .shop
        .record_payment(&staff.actor, id, request, Utc::now())
        .await?;
    Ok((
        StatusCode::CREATED,
        Json(RecordedPaymentDto::from(&recorded)),
    ))
}

#[utoipa::path(post, path = "/orders/{id}/discounts", tag = "staff", params(("id" = i64, Path)), request_body = DiscountBody,
    description = "Gives a discount on an open order: a percentage or an amount, on the order or one line, with a reason. Owners and managers may; a cashier needs `approval` (a manager's or owner's name and PIN). The discount is split over the VAT rates in proportion and taken off `total_cents`; the audit log keeps who gave and who approved it.",
    responses((status = 201, body = OrderDto),
        (status = 403, description = "A cashier without a manager's or owner's approval"),
        (status = 404, description = "There is no such order"),
        (status = 409, description = "The order is no longer open"),
        (status = 422, description = "No reason, a value out of range, more than is left to discount or still to pay, or an approval whose name and PIN do not match; nothing is written")))]
pub async fn give_discount(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    JsonBody(body): JsonBody<DiscountBody>,
) -> ApiResult<(StatusCode, Json<OrderDto>)> {
    let (request, approval) = body.into_request()?;
    let order = state
        .shop
        .give_discount(&staff.actor, id, request, approval, Utc::now())
        .await?;
    Ok((StatusCode::CREATED, Json(OrderDto::from(&order))))
}

#[utoipa::path(post, path = "/orders/{id}/voids", tag = "staff", params(("id" = i64, Path)), request_body = LineVoidBody,
    description = "Voids one line of an open order, with a reason: the line stays in `lines` (listed in `voids`, struck through on every screen) and comes off `subtotal_cents`, `total_cents` and the VAT, with any discount on that line. Once the kitchen has the order, owners and managers may; a cashier needs `approval` (a manager's or owner's name and PIN). When the order was paid already, `owed_back_cents` says what the customer gets back. The audit log keeps who voided and who approved it.",
    responses((status = 201, body = OrderDto),
        (status = 403, description = "A cashier without a manager's or owner's approval, for an order the kitchen has"),
        (status = 404, description = "There is no such order"),
        (status = 409, description = "The order is no longer open"),
        (status = 422, description = "No reason, no such line, a line voided already, the order's last line, or an approval whose name and PIN do not match; nothing is written")))]
pub async fn void_line(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    JsonBody(body): JsonBody<LineVoidBody>,
) -> ApiResult<(StatusCode, Json<OrderDto>)> {
    let request = LineVoidRequest {
        line: body.line,
        reason: body.reason,
    };
    let order = state
        .shop
        .void_line(
            &staff.actor,
            id,
            request,
            body.approval.map(Into::into),
            Utc::now(),
        )
        .await?;
    Ok((StatusCode::CREATED, Json(OrderDto::from(&order))))
}
