//! Gzip for JSON answers a browser accepts it for. The menu and the shop's profile are the
//! ordering page's first data (tens of kilobytes of names in two languages and slots); on a
//! phone on 4G their bytes are the wait. Pages and scripts are compressed where they are served
//! (`ui`); live streams and small answers pass as they are.

use axum::body::{Body, to_bytes};
use axum::extract::Request;
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;

/// Smaller answers are not worth the CPU or the gzip header.
const MIN_BYTES: usize = 1024;
/// Larger answers are left alone rather than held in memory twice.
const MAX_BYTES: usize = 8 * 1024 * 1024;

pub async fn gzip_json(request: Request, next: Next) -> Response {
    let accepts = crate::ui::accepts_gzip(request.headers());
    let response = next.run(request).await;
    let is_json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    if !is_json || response.headers().contains_key(header::CONTENT_ENCODING) {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    parts
        .headers
        .append(header::VARY, HeaderValue::from_static("accept-encoding"));
    if !accepts {
        return Response::from_parts(parts, body);
    }
    let Ok(bytes) = to_bytes(body, MAX_BYTES).await else {
        // Too large to hold (or broken): this can only be an internal answer; say so plainly.
        parts.headers.remove(header::CONTENT_LENGTH);
        return Response::from_parts(parts, Body::empty());
    };
    if bytes.len() < MIN_BYTES {
        return Response::from_parts(parts, Body::from(bytes));
    }
    match crate::ui::gzip(&bytes) {
        Some(packed) => {
            parts.headers.remove(header::CONTENT_LENGTH);
            parts
                .headers
                .insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
            Response::from_parts(parts, Body::from(packed))
        }
        None => Response::from_parts(parts, Body::from(bytes)),
    }
}
