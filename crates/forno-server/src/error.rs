//! Every error leaves the server as `application/problem+json` (RFC 9457) with a message a person
//! can act on, in the reader's language, and, for bad input, the field or parameter to blame.
//!
//! An `ApiError` keeps both languages until the answer leaves: `into_response` writes the Dutch
//! body (the shop's language) and puts the error itself in the response's extensions, and the
//! `language` middleware, which knows the request's `Accept-Language`, writes it again in the
//! reader's language.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use forno_app::AppError;
use forno_domain::{Lang, Message, msg};
use serde::Serialize;
use utoipa::ToSchema;

/// An RFC 9457 problem document, as sent.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Problem {
    /// A URI naming the kind of problem.
    #[serde(rename = "type")]
    pub kind: String,
    /// The kind of problem in a few words, in the reader's language.
    pub title: String,
    pub status: u16,
    /// What went wrong and what to do, for a person, in the reader's language (`Accept-Language`:
    /// Dutch or English; Dutch when neither is asked for).
    pub detail: String,
    /// The request field to blame, as a JSON path into the body (`lines[0].size`), or the name
    /// of the path or query parameter (`id`, `offset`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

/// An error on its way out, in both languages.
#[derive(Debug, Clone)]
pub struct ApiError {
    pub status: StatusCode,
    said: Box<Said>,
    pub retry_after: Option<u64>,
}

#[derive(Debug, Clone)]
struct Said {
    kind: &'static str,
    title: Message,
    detail: Message,
    field: Option<String>,
}

impl ApiError {
    pub fn new(status: StatusCode, kind: &'static str, title: Message, detail: Message) -> Self {
        ApiError {
            status,
            said: Box::new(Said {
                kind,
                title,
                detail,
                field: None,
            }),
            retry_after: None,
        }
    }

    pub fn with_field(mut self, field: impl Into<String>) -> Self {
        self.said.field = Some(field.into());
        self
    }

    /// Names the field inside a part of a larger request: `name` becomes `shop.name`.
    pub fn within(mut self, part: &str) -> Self {
        if let Some(field) = self.said.field.take() {
            self.said.field = Some(format!("{part}.{field}"));
        }
        self
    }

    pub fn field(&self) -> Option<&str> {
        self.said.field.as_deref()
    }

    pub fn detail(&self) -> &Message {
        &self.said.detail
    }

    pub fn bad_request(detail: Message) -> Self {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            "bad-request",
            msg!(nl: "Ongeldig verzoek", en: "Bad request"),
            detail,
        )
    }

    pub fn invalid(field: &str, detail: Message) -> Self {
        ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation",
            msg!(nl: "Ongeldige invoer", en: "Invalid input"),
            detail,
        )
        .with_field(field)
    }

    pub fn unauthorized(detail: Message) -> Self {
        ApiError::new(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            msg!(nl: "Niet ingelogd", en: "Not logged in"),
            detail,
        )
    }

    pub fn not_found(detail: Message) -> Self {
        ApiError::new(
            StatusCode::NOT_FOUND,
            "not-found",
            msg!(nl: "Niet gevonden", en: "Not found"),
            detail,
        )
    }

    pub fn rate_limited(retry_after: u64) -> Self {
        let mut e = ApiError::new(
            StatusCode::TOO_MANY_REQUESTS,
            "rate-limited",
            msg!(nl: "Te veel verzoeken", en: "Too many requests"),
            msg!(
                nl: "Te veel verzoeken vanaf jouw adres; wacht {retry_after} seconden en probeer het opnieuw.",
                en: "Too many requests from your address; wait {retry_after} seconds and try again."
            ),
        );
        e.retry_after = Some(retry_after);
        e
    }

    /// The problem document in `lang`.
    pub fn render(&self, lang: Lang) -> Problem {
        Problem {
            kind: format!("https://forno.local/problems/{}", self.said.kind),
            title: self.said.title.get(lang).to_owned(),
            status: self.status.as_u16(),
            detail: self.said.detail.get(lang).to_owned(),
            field: self.said.field.clone(),
        }
    }

    /// The problem document in `lang` as JSON bytes.
    pub fn body(&self, lang: Lang) -> Vec<u8> {
        serde_json::to_vec(&self.render(lang)).unwrap_or_default()
    }
}

impl From<AppError> for ApiError {
    fn from(e: AppError) -> Self {
        let detail = e.message();
        match e {
            AppError::Validation(v) => {
                let mut err = ApiError::new(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "validation",
                    msg!(nl: "Ongeldige invoer", en: "Invalid input"),
                    detail,
                );
                err.said.field = v.field;
                err
            }
            AppError::NotFound(_) => ApiError::not_found(detail),
            AppError::Transition(_) => ApiError::new(
                StatusCode::CONFLICT,
                "invalid-transition",
                msg!(nl: "Statuswijziging niet toegestaan", en: "Status change not allowed"),
                detail,
            ),
            AppError::Conflict(_) => ApiError::new(
                StatusCode::CONFLICT,
                "conflict",
                msg!(nl: "Conflict", en: "Conflict"),
                detail,
            ),
            AppError::ShopPaused => ApiError::new(
                StatusCode::CONFLICT,
                "shop-paused",
                msg!(nl: "Online bestellen gepauzeerd", en: "Online orders paused"),
                detail,
            ),
            AppError::Unauthorized(_) => ApiError::unauthorized(detail),
            AppError::Forbidden(_) => ApiError::new(
                StatusCode::FORBIDDEN,
                "forbidden",
                msg!(nl: "Niet toegestaan", en: "Not allowed"),
                detail,
            ),
            AppError::NotForYou(v) => {
                let mut err = ApiError::new(
                    StatusCode::FORBIDDEN,
                    "forbidden",
                    msg!(nl: "Niet toegestaan", en: "Not allowed"),
                    detail,
                );
                err.said.field = v.field;
                err
            }
            AppError::Locked { until } => {
                let mut err = ApiError::new(
                    StatusCode::LOCKED,
                    "account-locked",
                    msg!(nl: "Account geblokkeerd", en: "Account locked"),
                    detail,
                );
                err.retry_after = Some((until - chrono::Utc::now()).num_seconds().max(1) as u64);
                err
            }
            AppError::Store(store) => {
                tracing::error!(error = %store, "store error");
                ApiError::new(
                    StatusCode::SERVICE_UNAVAILABLE,
                    "storage",
                    msg!(nl: "Probleem met de opslag", en: "Storage problem"),
                    detail,
                )
            }
            AppError::Config(message) => {
                tracing::error!(%message, "configuration error");
                ApiError::new(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "internal",
                    msg!(nl: "Interne fout", en: "Internal error"),
                    detail,
                )
            }
        }
    }
}

/// Written in Dutch here; the `language` middleware writes it again in the reader's language.
impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut response = (self.status, self.body(Lang::default())).into_response();
        let headers = response.headers_mut();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        );
        if let Some(seconds) = self.retry_after {
            headers.insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        response.extensions_mut().insert(self);
        response
    }
}

pub type ApiResult<T> = Result<T, ApiError>;
