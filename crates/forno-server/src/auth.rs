//! Staff authentication: the session cookie or a bearer token, turned into an `Actor`.

use axum::Json;
use axum::extract::{FromRequestParts, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use forno_app::Actor;
use forno_domain::msg;

use crate::dto::{LoginBody, LoginDto, StaffDto};
use crate::error::{ApiError, ApiResult, Problem};
use crate::extract::JsonBody;
use crate::state::AppState;

pub const SESSION_COOKIE: &str = "forno_session";

/// The token a request carries: `Authorization: Bearer …` first, then the session cookie.
pub fn token_from_headers(headers: &HeaderMap) -> Option<String> {
    if let Some(token) = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
    {
        return Some(token.trim().to_owned());
    }
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == SESSION_COOKIE)
        .map(|(_, value)| value.to_owned())
}

/// A logged-in staff member or paired device. Rejects with 401 when there is none.
pub struct Staff {
    pub actor: Actor,
    pub token: String,
}

impl FromRequestParts<AppState> for Staff {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let token = token_from_headers(&parts.headers).ok_or_else(|| {
            ApiError::unauthorized(msg!(
                nl: "Log eerst in met je naam en pincode.",
                en: "Log in with your name and PIN first."
            ))
        })?;
        let actor = state.shop.authenticate(&token, Utc::now()).await?;
        Ok(Staff { actor, token })
    }
}

#[utoipa::path(post, path = "/api/v1/auth/login", tag = "staff", request_body = LoginBody,
    responses((status = 200, body = LoginDto), (status = 401, body = Problem), (status = 423, body = Problem)))]
pub async fn login(
    State(state): State<AppState>,
    JsonBody(body): JsonBody<LoginBody>,
) -> ApiResult<Response> {
    if body.name.trim().is_empty() {
        return Err(ApiError::invalid(
            "name",
            msg!(nl: "Vul je naam in.", en: "Fill in your name."),
        ));
    }
    if body.pin.is_empty() || body.pin.len() > 32 {
        return Err(ApiError::invalid(
            "pin",
            msg!(nl: "Vul je pincode in.", en: "Fill in your PIN."),
        ));
    }
    let session = state.shop.login(&body.name, &body.pin, Utc::now()).await?;
    session_response(
        StatusCode::OK,
        &session.actor,
        session.token,
        session.expires_at,
    )
}

/// A new session's answer: the staff member, the token (for devices without cookies) and the
/// session cookie, which lives as long as the session.
pub fn session_response(
    status: StatusCode,
    actor: &Actor,
    token: String,
    expires_at: DateTime<Utc>,
) -> ApiResult<Response> {
    let max_age = (expires_at - Utc::now()).num_seconds().max(0);
    let cookie =
        format!("{SESSION_COOKIE}={token}; HttpOnly; SameSite=Strict; Path=/; Max-Age={max_age}");
    let body = LoginDto {
        staff: StaffDto::from(actor),
        token,
        expires_at,
    };
    let mut response = (status, Json(body)).into_response();
    response.headers_mut().insert(
        header::SET_COOKIE,
        HeaderValue::from_str(&cookie).map_err(|_| {
            ApiError::bad_request(msg!(
                nl: "De sessie kon niet worden gemaakt; log opnieuw in.",
                en: "The session could not be made; log in again."
            ))
        })?,
    );
    Ok(response)
}

#[utoipa::path(post, path = "/api/v1/auth/logout", tag = "staff", responses((status = 204)))]
pub async fn logout(State(state): State<AppState>, staff: Staff) -> ApiResult<Response> {
    state.shop.logout(&staff.token).await?;
    let mut response = axum::http::StatusCode::NO_CONTENT.into_response();
    response.headers_mut().insert(
        header::SET_COOKIE,
        HeaderValue::from_static("forno_session=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0"),
    );
    Ok(response)
}

#[utoipa::path(get, path = "/api/v1/auth/me", tag = "staff", responses((status = 200, body = StaffDto), (status = 401, body = Problem)))]
pub async fn me(staff: Staff) -> Json<StaffDto> {
    Json(StaffDto::from(&staff.actor))
}
