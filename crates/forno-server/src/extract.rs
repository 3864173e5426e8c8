//! Extractors: JSON bodies whose errors name the field, and client addresses.

use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::StatusCode;
use serde::de::DeserializeOwned;

use crate::error::ApiError;

/// A JSON body. Malformed JSON or a wrong type is a 400 problem naming the field; a body over the
/// limit is a 413 problem.
pub struct JsonBody<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for JsonBody<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let content_type = req
            .headers()
            .get(axum::http::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_owned();
        let bytes = Bytes::from_request(req, state).await.map_err(|rejection| {
            if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
                ApiError::new(
                    StatusCode::PAYLOAD_TOO_LARGE,
                    "too-large",
                    "Request too large",
                    "The request body is too large; send a smaller order.",
                )
            } else {
                ApiError::bad_request(format!("Could not read the request body: {rejection}"))
            }
        })?;
        if !content_type.starts_with("application/json") {
            return Err(ApiError::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported-media-type",
                "Send JSON",
                "Send the body as JSON with Content-Type: application/json.",
            ));
        }
        let mut deserializer = serde_json::Deserializer::from_slice(&bytes);
        serde_path_to_error::deserialize(&mut deserializer)
            .map(JsonBody)
            .map_err(|e| {
                let path = e.path().to_string();
                explain(&path, e.into_inner())
            })
    }
}

/// Turns a serde error into a 400 a person can act on: plain words, the field as a JSON path.
fn explain(path: &str, error: serde_json::Error) -> ApiError {
    // A path with `?` is where the parser gave up mid-value; it names no real field.
    let at = Some(path)
        .filter(|p| !p.is_empty() && *p != "." && !p.contains('?'))
        .map(str::to_owned);
    let message = error.to_string();
    // serde appends " at line L column C"; a person needs the field, not the column.
    let message = message
        .rsplit_once(" at line ")
        .map_or(message.as_str(), |(m, _)| m)
        .to_owned();
    if error.is_syntax() || error.is_eof() {
        return ApiError::bad_request(format!(
            "The body is not valid JSON ({message}); send a JSON object."
        ));
    }
    if let Some(missing) = message
        .strip_prefix("missing field `")
        .and_then(|m| m.strip_suffix('`'))
    {
        let field = match &at {
            Some(parent) => format!("{parent}.{missing}"),
            None => missing.to_owned(),
        };
        return ApiError::bad_request(format!("`{field}` is missing; add it.")).with_field(field);
    }
    let field = at.clone().unwrap_or_else(|| "body".to_owned());
    let detail = match message.split_once(", expected ") {
        Some((got, expected)) => {
            let got = got
                .trim_start_matches("invalid type: ")
                .trim_start_matches("invalid value: ");
            format!("`{field}` must be {}, not {got}.", plain_type(expected))
        }
        None => format!("`{field}` is not valid: {message}."),
    };
    let err = ApiError::bad_request(detail);
    match at {
        Some(field) => err.with_field(field),
        None => err,
    }
}

/// serde's name for an expected type, in words.
fn plain_type(expected: &str) -> &str {
    match expected {
        "i8" | "i16" | "i32" | "i64" | "u8" | "u16" | "u32" | "u64" | "usize" | "isize" => {
            "a whole number"
        }
        "a string" => "text",
        "a boolean" => "true or false",
        "a sequence" => "a list",
        e if e.starts_with("struct ") || e == "a map" => "an object",
        e => e,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_errors_become_plain_words_with_the_field() {
        let err = serde_json::from_str::<i64>("\"two\"").unwrap_err();
        let e = explain("lines[0].quantity", err);
        assert_eq!(e.problem.field.as_deref(), Some("lines[0].quantity"));
        assert_eq!(
            e.problem.detail,
            "`lines[0].quantity` must be a whole number, not string \"two\"."
        );
        let err = serde_json::from_str::<serde_json::Value>("{\"a\": [").unwrap_err();
        let e = explain("lines[0].?", err);
        assert_eq!(e.problem.field, None);
        assert!(e.problem.detail.starts_with("The body is not valid JSON"));
    }
}
