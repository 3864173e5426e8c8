//! The reader's language, and the last word on every error answer.
//!
//! `Accept-Language` decides whether a problem's `title` and `detail` are Dutch or English
//! (q-values honoured; Dutch, the shop's language, when the header asks for neither). The
//! middleware writes every `ApiError` in that language, and turns any other error answer of the
//! API (axum's own 405, a WebSocket upgrade refused) into a problem document too, so that no
//! client ever gets a `text/plain` error from `/api`.

use axum::body::Body;
use axum::extract::Request;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;
use forno_domain::{Lang, msg};

use crate::error::ApiError;

/// The language to answer in, from an `Accept-Language` header: the nl or en range with the
/// highest q-value (the first one listed on a tie); `*` or nothing we speak means Dutch.
pub fn preferred(accept_language: Option<&str>) -> Lang {
    let mut best: Option<(f32, Lang)> = None;
    for range in accept_language.unwrap_or_default().split(',') {
        let mut parts = range.split(';').map(str::trim);
        let tag = parts.next().unwrap_or_default();
        let quality = parts
            .filter_map(|p| p.strip_prefix("q=").or_else(|| p.strip_prefix("Q=")))
            .map(|q| q.parse::<f32>().ok().filter(|q| (0.0..=1.0).contains(q)))
            .next()
            .unwrap_or(Some(1.0));
        let Some(quality) = quality.filter(|q| *q > 0.0) else {
            continue;
        };
        let lang = match tag {
            "*" => Some(Lang::default()),
            tag => Lang::parse(tag),
        };
        if let Some(lang) = lang
            && best.is_none_or(|(q, _)| quality > q)
        {
            best = Some((quality, lang));
        }
    }
    best.map_or(Lang::default(), |(_, lang)| lang)
}

pub(crate) fn lang_of(headers: &HeaderMap) -> Lang {
    preferred(
        headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok()),
    )
}

/// Writes every error answer as a problem document in the reader's language.
pub async fn speak_the_readers_language(request: Request, next: Next) -> Response {
    let lang = lang_of(request.headers());
    let method = request.method().clone();
    let path = request.uri().path().to_owned();
    let response = next.run(request).await;
    let error = match response.extensions().get::<ApiError>() {
        Some(error) => error.clone(),
        None if is_api(&path) && is_bare_error(&response) => bare(&response, &method, &path),
        None => return response,
    };
    let (mut parts, _) = response.into_parts();
    parts.extensions.remove::<ApiError>();
    let headers = &mut parts.headers;
    headers.remove(header::CONTENT_LENGTH);
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/problem+json"),
    );
    headers.insert(
        header::CONTENT_LANGUAGE,
        HeaderValue::from_static(lang.code()),
    );
    headers.append(header::VARY, HeaderValue::from_static("accept-language"));
    Response::from_parts(parts, Body::from(error.body(lang)))
}

fn is_api(path: &str) -> bool {
    path.starts_with("/api/") || path == "/healthz"
}

fn is_bare_error(response: &Response) -> bool {
    let problem = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| t.starts_with("application/problem+json"));
    response.status().as_u16() >= 400 && !problem
}

/// A problem for an error answer that was not made by an `ApiError` (axum's own answers).
fn bare(response: &Response, method: &Method, path: &str) -> ApiError {
    let status = response.status();
    let code = status.as_u16();
    if status == StatusCode::METHOD_NOT_ALLOWED {
        let allowed = response
            .headers()
            .get(header::ALLOW)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .replace(',', ", ");
        return ApiError::new(
            status,
            "method-not-allowed",
            msg!(nl: "Methode niet toegestaan", en: "Method not allowed"),
            msg!(
                nl: "{path} werkt niet met {method}; gebruik {allowed}.",
                en: "{path} does not take {method}; use {allowed}."
            ),
        );
    }
    if path.starts_with("/api/v1/ws") {
        return ApiError::new(
            status,
            "websocket-only",
            msg!(nl: "Alleen WebSocket", en: "WebSocket only"),
            msg!(
                nl: "{path} is een WebSocket: maak verbinding met een WebSocket-client (zie docs/api.md, Real-time).",
                en: "{path} is a WebSocket: connect with a WebSocket client (see docs/api.md, Real-time)."
            ),
        );
    }
    let detail = if status.is_server_error() {
        msg!(
            nl: "Er ging iets mis in de server ({code}); probeer het zo nog eens.",
            en: "Something went wrong in the server ({code}); try again in a moment."
        )
    } else {
        msg!(
            nl: "De server kan dit verzoek niet verwerken ({code}); controleer het en probeer het opnieuw (zie /api/v1/openapi.json).",
            en: "The server cannot handle this request ({code}); check it and try again (see /api/v1/openapi.json)."
        )
    };
    ApiError::new(
        status,
        "http",
        msg!(nl: "Verzoek niet verwerkt", en: "Request not handled"),
        detail,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_picks_the_best_language_we_speak() {
        for (header, lang) in [
            (None, Lang::Nl),
            (Some(""), Lang::Nl),
            (Some("en"), Lang::En),
            (Some("nl"), Lang::Nl),
            (Some("nl-NL,en;q=0.5"), Lang::Nl),
            (Some("en-GB,en;q=0.9,nl;q=0.8"), Lang::En),
            (Some("nl;q=0.4, en;q=0.6"), Lang::En),
            (Some("de-DE,de;q=0.9,en;q=0.3"), Lang::En),
            (Some("de, fr"), Lang::Nl),
            (Some("en;q=0, *"), Lang::Nl),
            (Some("en;q=0"), Lang::Nl),
            (Some("fr, *;q=0.5, en;q=0.4"), Lang::Nl),
            (Some("EN-us"), Lang::En),
            (Some("en;q=bogus, nl;q=0.1"), Lang::Nl),
            (Some("en, nl"), Lang::En),
        ] {
            assert_eq!(preferred(header), lang, "{header:?}");
        }
    }
}
