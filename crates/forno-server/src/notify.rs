//! Notifications: their settings (`/settings/notifications`, the test mail), an order's
//! messages with "send again", and whether mail goes out (`/mail/status`).

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use chrono::Utc;

use crate::auth::Staff;
use crate::dto::{
    MailStatusDto, NotifySettingsBody, NotifySettingsDto, OrderMessageDto, TestMailBody,
    TestMailDto,
};
use crate::error::ApiResult;
use crate::extract::{JsonBody, Path};
use crate::state::AppState;

#[utoipa::path(get, path = "/settings/notifications", tag = "staff", operation_id = "get_notification_settings",
    description = "The mail server, status mails, SMS and the owner's alert. The SMTP password and the SMS key are never returned, only whether they are set.",
    responses((status = 200, body = NotifySettingsDto)))]
pub async fn get_settings(
    State(state): State<AppState>,
    staff: Staff,
) -> ApiResult<Json<NotifySettingsDto>> {
    let view = state.shop.notify_settings(&staff.actor).await?;
    Ok(Json(NotifySettingsDto::from(&view)))
}

#[utoipa::path(put, path = "/settings/notifications", tag = "staff", operation_id = "put_notification_settings",
    request_body = NotifySettingsBody,
    description = "Saves the notification settings. A secret left out stays as saved.",
    responses((status = 200, body = NotifySettingsDto),
        (status = 422, description = "A setting is not valid; `field` names it (`mail.host`, `mail.port`, …)")))]
pub async fn put_settings(
    State(state): State<AppState>,
    staff: Staff,
    JsonBody(body): JsonBody<NotifySettingsBody>,
) -> ApiResult<Json<NotifySettingsDto>> {
    let view = state
        .shop
        .update_notify_settings(&staff.actor, body.into(), Utc::now())
        .await?;
    Ok(Json(NotifySettingsDto::from(&view)))
}

#[utoipa::path(post, path = "/settings/notifications/test-mail", tag = "staff", operation_id = "send_test_mail",
    request_body = TestMailBody,
    description = "Sends a test mail with the saved mail server, in the reader's language, and says how it went (`sent: false` with the reason when the server could not take it).",
    responses((status = 200, body = TestMailDto),
        (status = 409, description = "No mail server is saved yet"),
        (status = 422, description = "`to` is not an email address")))]
pub async fn test_mail(
    State(state): State<AppState>,
    staff: Staff,
    headers: HeaderMap,
    JsonBody(body): JsonBody<TestMailBody>,
) -> ApiResult<Json<TestMailDto>> {
    let lang = crate::language::lang_of(&headers);
    let sent = state
        .shop
        .send_test_mail(&staff.actor, &body.to, lang)
        .await?;
    Ok(Json(match sent {
        Ok(answer) => TestMailDto {
            sent: true,
            detail: answer,
        },
        Err(why) => TestMailDto {
            sent: false,
            detail: why,
        },
    }))
}

#[utoipa::path(get, path = "/orders/{id}/messages", tag = "staff", operation_id = "order_messages", params(("id" = i64, Path)),
    description = "Every mail and SMS about the order, newest first: queued, sending, sent or failed with the reason.",
    responses((status = 200, body = Vec<OrderMessageDto>), (status = 404, description = "No such order")))]
pub async fn order_messages(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
) -> ApiResult<Json<Vec<OrderMessageDto>>> {
    let messages = state.shop.order_messages(&staff.actor, id).await?;
    Ok(Json(messages.iter().map(OrderMessageDto::from).collect()))
}

#[utoipa::path(post, path = "/messages/{id}/resend", tag = "staff", operation_id = "resend_message", params(("id" = i64, Path)),
    description = "Sends a message again: a failed one as the same message (the same Message-ID), a sent one as a new one.",
    responses((status = 202, body = OrderMessageDto), (status = 404, description = "No such message"),
        (status = 409, description = "The message is still on its way")))]
pub async fn resend(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
) -> ApiResult<(StatusCode, Json<OrderMessageDto>)> {
    let message = state
        .shop
        .resend_message(&staff.actor, id, Utc::now())
        .await?;
    Ok((StatusCode::ACCEPTED, Json(OrderMessageDto::from(&message))))
}

#[utoipa::path(get, path = "/mail/status", tag = "staff", operation_id = "mail_status",
    description = "Whether mail goes out now: set up, failing (with the reason, since when), how many wait and how many failed.",
    responses((status = 200, body = MailStatusDto)))]
pub async fn mail_status(
    State(state): State<AppState>,
    staff: Staff,
) -> ApiResult<Json<MailStatusDto>> {
    let status = state.shop.mail_status(&staff.actor).await?;
    Ok(Json(MailStatusDto::from(&status)))
}
