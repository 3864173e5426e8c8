//! Every error leaves the server as `application/problem+json` (RFC 9457) with a message a person
//! can act on and, for bad input, the field to blame.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use forno_app::AppError;
use serde::Serialize;
use utoipa::ToSchema;

/// An RFC 9457 problem document.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Problem {
    /// A URI naming the kind of problem.
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    /// What went wrong and what to do, for a person.
    pub detail: String,
    /// The request field to blame, as a JSON path (`lines[0].size`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

#[derive(Debug, Clone)]
pub struct ApiError {
    pub status: StatusCode,
    pub problem: Box<Problem>,
    pub retry_after: Option<u64>,
}

impl ApiError {
    pub fn new(status: StatusCode, kind: &str, title: &str, detail: impl Into<String>) -> Self {
        ApiError {
            status,
            problem: Box::new(Problem {
                kind: format!("https://forno.local/problems/{kind}"),
                title: title.to_owned(),
                status: status.as_u16(),
                detail: detail.into(),
                field: None,
            }),
            retry_after: None,
        }
    }

    pub fn with_field(mut self, field: impl Into<String>) -> Self {
        self.problem.field = Some(field.into());
        self
    }

    /// Names the field inside a part of a larger request: `name` becomes `shop.name`.
    pub fn within(mut self, part: &str) -> Self {
        if let Some(field) = self.problem.field.take() {
            self.problem.field = Some(format!("{part}.{field}"));
        }
        self
    }

    pub fn bad_request(detail: impl Into<String>) -> Self {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            "bad-request",
            "Bad request",
            detail,
        )
    }

    pub fn invalid(field: &str, detail: impl Into<String>) -> Self {
        ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation",
            "Invalid input",
            detail,
        )
        .with_field(field)
    }

    pub fn unauthorized(detail: impl Into<String>) -> Self {
        ApiError::new(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "Not logged in",
            detail,
        )
    }

    pub fn not_found(detail: impl Into<String>) -> Self {
        ApiError::new(StatusCode::NOT_FOUND, "not-found", "Not found", detail)
    }

    pub fn rate_limited(retry_after: u64) -> Self {
        let mut e = ApiError::new(
            StatusCode::TOO_MANY_REQUESTS,
            "rate-limited",
            "Too many requests",
            format!(
                "Too many requests from your address; wait {retry_after} seconds and try again."
            ),
        );
        e.retry_after = Some(retry_after);
        e
    }
}

impl From<AppError> for ApiError {
    fn from(e: AppError) -> Self {
        let detail = e.to_string();
        match e {
            AppError::Validation(v) => {
                let mut err = ApiError::new(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "validation",
                    "Invalid input",
                    v.message,
                );
                err.problem.field = v.field;
                err
            }
            AppError::NotFound(_) => ApiError::not_found(detail),
            AppError::Transition(_) => ApiError::new(
                StatusCode::CONFLICT,
                "invalid-transition",
                "Status change not allowed",
                detail,
            ),
            AppError::Conflict(_) => {
                ApiError::new(StatusCode::CONFLICT, "conflict", "Conflict", detail)
            }
            AppError::ShopPaused => ApiError::new(
                StatusCode::CONFLICT,
                "shop-paused",
                "Online orders paused",
                detail,
            ),
            AppError::Unauthorized(_) => ApiError::unauthorized(detail),
            AppError::Forbidden(_) => {
                ApiError::new(StatusCode::FORBIDDEN, "forbidden", "Not allowed", detail)
            }
            AppError::Locked { until } => {
                let mut err = ApiError::new(
                    StatusCode::LOCKED,
                    "account-locked",
                    "Account locked",
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
                    "Storage problem",
                    "The shop's database could not save or read this. Nothing was changed; try again in a moment, and restart Forno if it keeps happening.",
                )
            }
            AppError::Config(message) => {
                tracing::error!(%message, "configuration error");
                ApiError::new(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "internal",
                    "Internal error",
                    message,
                )
            }
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = serde_json::to_vec(&self.problem).unwrap_or_default();
        let mut response = (self.status, body).into_response();
        let headers = response.headers_mut();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        );
        if let Some(seconds) = self.retry_after {
            headers.insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        response
    }
}

pub type ApiResult<T> = Result<T, ApiError>;
