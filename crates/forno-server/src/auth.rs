//! Staff authentication and authorisation: the session cookie or a bearer token, turned into an
//! `Actor` that forno-app has allowed to do what the route needs.

use axum::Json;
use axum::extract::{FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use forno_app::{Actor, AppError, Orderer};
use forno_domain::msg;

use crate::dto::{CounterTileDto, LoginBody, LoginDto, StaffDto};
use crate::error::{ApiError, ApiResult};
use crate::extract::JsonBody;
use crate::routes::Need;
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

/// The staff member or paired device a staff route was authorised for (by `authorize_route`,
/// before the handler's other extractors read the path, query or body).
#[derive(Clone)]
pub struct Staff {
    pub actor: Actor,
    pub token: String,
}

/// The layer of every staff route (`routes`): authenticates the request and asks forno-app
/// whether its actor may do what the route needs, before anything else of the request is read.
/// A kitchen login sending a half-filled menu item hears 403, not what is wrong with the form.
pub async fn authorize_route(need: Need, mut request: Request, next: Next) -> Response {
    let Some(state) = request.extensions().get::<AppState>().cloned() else {
        return ApiError::from(AppError::Config(
            "the router was built without its state; serve it through forno_server::router".into(),
        ))
        .into_response();
    };
    let Some(token) = token_from_headers(request.headers()) else {
        return ApiError::unauthorized(msg!(
            nl: "Log eerst in met je naam en pincode.",
            en: "Log in with your name and PIN first."
        ))
        .into_response();
    };
    let now = Utc::now();
    let actor = match need {
        Need::SignedIn => state.shop.authenticate(&token, now).await,
        Need::AnyOf(actions) => state.shop.authorize_token(&token, actions, now).await,
    };
    match actor {
        Ok(actor) => {
            request.extensions_mut().insert(Staff { actor, token });
            next.run(request).await
        }
        Err(e) => ApiError::from(e).into_response(),
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Staff {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        // Only a route declared for staff in `routes` has its caller authorised; a handler
        // that asks for `Staff` on any other route is a wiring mistake, refused, never let in.
        parts.extensions.get::<Staff>().cloned().ok_or_else(|| {
            ApiError::from(AppError::Config(
                "this route does not declare who may call it; add it to forno-server's routes table as a staff route".into(),
            ))
        })
    }
}

/// Staff credentials on an operation that customers use too (`POST /orders`): checked before the
/// body is read, and handed to the use case, which decides what they allow.
pub enum Credentials {
    /// None at all: a customer.
    None,
    Staff(Actor),
    /// Credentials that name no session or device (expired, logged out, forged).
    Stale,
}

impl Credentials {
    pub fn orderer(&self) -> Orderer<'_> {
        match self {
            Credentials::None => Orderer::Customer,
            Credentials::Staff(actor) => Orderer::Staff(actor),
            Credentials::Stale => Orderer::StaleCredentials,
        }
    }
}

impl FromRequestParts<AppState> for Credentials {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let Some(token) = token_from_headers(&parts.headers) else {
            return Ok(Credentials::None);
        };
        match state.shop.authenticate(&token, Utc::now()).await {
            Ok(actor) => Ok(Credentials::Staff(actor)),
            Err(AppError::Unauthorized(_)) => Ok(Credentials::Stale),
            Err(e) => Err(e.into()),
        }
    }
}

#[utoipa::path(post, path = "/auth/login", tag = "staff", request_body = LoginBody,
    responses((status = 200, body = LoginDto, description = "Logged in; the session cookie is set"),
        (status = 401, description = "The name and PIN do not match"),
        (status = 422, description = "The name or the PIN is empty"),
        (status = 423, description = "Too many wrong PINs: the account is locked for a while; see Retry-After")))]
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

#[utoipa::path(post, path = "/auth/logout", tag = "staff",
    responses((status = 204, description = "The session has ended; the cookie is cleared")))]
pub async fn logout(State(state): State<AppState>, staff: Staff) -> ApiResult<Response> {
    state.shop.logout(&staff.token).await?;
    state.hub.credentials_ended();
    let mut response = axum::http::StatusCode::NO_CONTENT.into_response();
    response.headers_mut().insert(
        header::SET_COOKIE,
        HeaderValue::from_static("forno_session=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0"),
    );
    Ok(response)
}

#[utoipa::path(get, path = "/auth/counter-staff", tag = "staff",
    description = "The counter's login tiles: the names (and roles) of everyone who may log in at the counter, kitchen excepted. Only from the computer Forno runs on (the desktop app's counter window); elsewhere staff type their name.",
    responses((status = 200, body = Vec<CounterTileDto>),
        (status = 403, description = "Not from the computer Forno runs on")))]
pub async fn counter_staff(
    State(state): State<AppState>,
    client: crate::addresses::ClientAddr,
) -> ApiResult<Json<Vec<CounterTileDto>>> {
    if !client.this_computer {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "counter-staff-elsewhere",
            msg!(
                nl: "Namen alleen op de kassa zelf",
                en: "Names only on the counter itself"
            ),
            msg!(
                nl: "De lijst met namen staat alleen op de computer waarop Forno draait; typ hier je naam en pincode.",
                en: "The list of names is only shown on the computer Forno runs on; type your name and PIN here."
            ),
        ));
    }
    let staff = state.shop.counter_staff().await?;
    Ok(Json(
        staff
            .into_iter()
            .map(|(id, name, role)| CounterTileDto {
                id,
                name,
                role: role.as_str().to_owned(),
            })
            .collect(),
    ))
}

#[utoipa::path(get, path = "/auth/me", tag = "staff",
    description = "Who is logged in, every action their role may do (`permissions`, the same table every staff operation's `x-forno-actions` is checked against) and the statuses they may move an order to.",
    responses((status = 200, body = StaffDto)))]
pub async fn me(staff: Staff) -> Json<StaffDto> {
    Json(StaffDto::from(&staff.actor))
}
