//! Paired devices: the owner makes a pairing code (shown as a QR code), a kitchen screen or a
//! counter tablet opens its link and gets its own token as a cookie; the owner lists and unpairs.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::{Duration, Utc};
use forno_domain::{Role, msg};

use crate::addresses::ClientAddr;
use crate::auth::{Staff, session_response};
use crate::dto::{DeviceDto, LoginDto, PairBody, PairingCodeBody, PairingCodeDto};
use crate::error::{ApiError, ApiResult};
use crate::extract::{JsonBody, Path};
use crate::state::AppState;

/// How long a paired device's cookie lasts; browsers keep a cookie at most 400 days.
const DEVICE_COOKIE_DAYS: i64 = 400;

#[utoipa::path(post, path = "/devices/pairing-codes", tag = "staff", request_body = PairingCodeBody,
    responses((status = 201, body = PairingCodeDto),
        (status = 422, description = "Devices are paired as `kitchen`, `cashier` or `printer`")))]
pub async fn new_pairing_code(
    State(state): State<AppState>,
    staff: Staff,
    JsonBody(body): JsonBody<PairingCodeBody>,
) -> ApiResult<Response> {
    let role = Role::parse(&body.role).ok_or_else(|| {
        let role = &body.role;
        ApiError::invalid(
            "role",
            msg!(
                nl: "\"{role}\" is geen rol voor een apparaat; gebruik kitchen, cashier of printer.",
                en: "\"{role}\" is not a device role; use kitchen, cashier or printer."
            ),
        )
    })?;
    let code = state.shop.start_pairing(&staff.actor, role, Utc::now())?;
    let url = state.addresses.lan_url(&format!("pair/{}", code.code));
    Ok((StatusCode::CREATED, Json(PairingCodeDto::new(&code, url))).into_response())
}

#[utoipa::path(post, path = "/devices/pair", tag = "setup", request_body = PairBody,
    description = "Pairs this device with a pairing code: sets its session cookie (and returns the token) for the code's role.",
    responses((status = 201, body = LoginDto, description = "Paired; the cookie lasts 400 days"),
        (status = 404, description = "The code is wrong, used or expired"),
        (status = 422, description = "The device needs a name of 1 to 40 characters"),
        (status = 429, description = "Too many tries from this address; see Retry-After")))]
pub async fn pair(
    State(state): State<AppState>,
    client: ClientAddr,
    JsonBody(body): JsonBody<PairBody>,
) -> ApiResult<Response> {
    // Guessing codes costs a request each; the same per-address limit as quotes.
    state
        .quote_limit
        .check(client.ip)
        .map_err(ApiError::rate_limited)?;
    let paired = state
        .shop
        .pair_device(&body.code, &body.name, Utc::now())
        .await?;
    session_response(
        StatusCode::CREATED,
        &paired.actor,
        paired.token,
        Utc::now() + Duration::days(DEVICE_COOKIE_DAYS),
    )
}

#[utoipa::path(get, path = "/devices", tag = "staff",
    responses((status = 200, body = Vec<DeviceDto>)))]
pub async fn list(State(state): State<AppState>, staff: Staff) -> ApiResult<Json<Vec<DeviceDto>>> {
    let devices = state.shop.devices(&staff.actor).await?;
    Ok(Json(devices.iter().map(DeviceDto::from).collect()))
}

#[utoipa::path(delete, path = "/devices/{id}", tag = "staff", params(("id" = i64, Path)),
    responses((status = 204, description = "Unpaired: the device's token no longer works"),
        (status = 404, description = "There is no such paired device")))]
pub async fn unpair(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
) -> ApiResult<StatusCode> {
    state
        .shop
        .unpair_device(&staff.actor, id, Utc::now())
        .await?;
    state.hub.credentials_ended();
    Ok(StatusCode::NO_CONTENT)
}
