//! Serves the built UI (`ui/dist`): embedded in release builds, read from disk in debug builds or
//! from the configured `ui_dir`.
//!
//! A release build always embeds the current `ui/dist` or does not build at all: `build.rs`
//! refuses without it and recompiles this crate whenever its contents change.

use std::collections::HashMap;
use std::io::Write;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock};

use axum::body::Body;
use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use rust_embed::RustEmbed;

#[derive(RustEmbed)]
#[folder = "$CARGO_MANIFEST_DIR/../../ui/dist"]
// Missing only in debug builds, which never read the embedded copy (build.rs refuses release
// builds without `ui/dist`).
#[allow_missing = true]
struct BuiltUi;

/// A fingerprint of the embedded `ui/dist` (build.rs). Naming it here makes rustc rebuild this
/// crate, and rust-embed re-read the folder, whenever the pages change.
const EMBEDDED_FINGERPRINT: &str = env!("FORNO_UI_FINGERPRINT");

/// Where the UI comes from.
#[derive(Clone)]
pub enum UiSource {
    Embedded,
    Folder(PathBuf),
}

impl std::fmt::Display for UiSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            UiSource::Embedded => write!(f, "built in (ui/dist {EMBEDDED_FINGERPRINT})"),
            UiSource::Folder(dir) => write!(f, "from {}", dir.display()),
        }
    }
}

impl UiSource {
    fn load(&self, path: &str) -> Option<Vec<u8>> {
        match self {
            UiSource::Embedded => BuiltUi::get(path).map(|f| f.data.into_owned()),
            UiSource::Folder(dir) => {
                let candidate = dir.join(path);
                // Never serve outside the folder.
                if path.split('/').any(|part| part == "..") {
                    return None;
                }
                std::fs::read(candidate).ok()
            }
        }
    }
}

/// The page a path shows: `/` → index.html, `/staff` → staff.html, `/track/{token}` → track.html,
/// `/assets/x.js` → that file.
fn page_for(path: &str) -> Vec<String> {
    let path = path.trim_start_matches('/');
    if path.is_empty() {
        return vec!["index.html".into()];
    }
    let first = path.split('/').next().unwrap_or_default();
    if first == "track" {
        return vec!["track.html".into()];
    }
    vec![path.to_owned(), format!("{first}.html")]
}

/// Whether a file is text worth compressing (scripts, styles, pages, JSON, SVG).
fn compressible(path: &str) -> bool {
    [
        ".js",
        ".css",
        ".html",
        ".json",
        ".svg",
        ".webmanifest",
        ".map",
    ]
    .iter()
    .any(|ext| path.ends_with(ext))
}

pub(crate) fn accepts_gzip(request: &HeaderMap) -> bool {
    request
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|coding| {
            let mut parts = coding.trim().split(';');
            let name = parts.next().unwrap_or_default().trim();
            let refused = parts.any(|p| p.trim().replace(' ', "") == "q=0");
            (name.eq_ignore_ascii_case("gzip") || name == "*") && !refused
        })
}

pub(crate) fn gzip(bytes: &[u8]) -> Option<Vec<u8>> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes).ok()?;
    encoder.finish().ok()
}

/// The gzipped copies of the embedded files, made once each (they never change while running).
fn gzipped_embedded(path: &str, bytes: &[u8]) -> Option<Arc<[u8]>> {
    static CACHE: OnceLock<Mutex<HashMap<String, Arc<[u8]>>>> = OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    if let Some(hit) = cache.lock().ok()?.get(path) {
        return Some(hit.clone());
    }
    let packed: Arc<[u8]> = gzip(bytes)?.into();
    cache.lock().ok()?.insert(path.to_owned(), packed.clone());
    Some(packed)
}

/// A page or asset, gzipped for a browser that accepts it: on a phone on 4G the bytes are the
/// time (the ordering page's budget, tests/e2e/order-budget.spec.ts).
pub async fn serve(source: UiSource, uri: Uri, request: HeaderMap) -> Response {
    for candidate in page_for(uri.path()) {
        if let Some(bytes) = source.load(&candidate) {
            let mime = mime_guess::from_path(&candidate).first_or_octet_stream();
            let packed = if compressible(&candidate) && bytes.len() > 512 && accepts_gzip(&request)
            {
                match &source {
                    UiSource::Embedded => gzipped_embedded(&candidate, &bytes).map(|b| b.to_vec()),
                    UiSource::Folder(_) => gzip(&bytes),
                }
            } else {
                None
            };
            let gzipped = packed.is_some();
            let mut response = Response::new(Body::from(packed.unwrap_or(bytes)));
            let headers = response.headers_mut();
            if let Ok(value) = HeaderValue::from_str(mime.as_ref()) {
                headers.insert(header::CONTENT_TYPE, value);
            }
            if compressible(&candidate) {
                headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
            }
            if gzipped {
                headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
            }
            // Hashed assets never change; pages must always be fresh.
            let cache = if candidate.starts_with("assets/") {
                "public, max-age=31536000, immutable"
            } else {
                "no-cache"
            };
            headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
            return response;
        }
    }
    let hint = "This page is not here. The shop's pages are at / (ordering), /staff and /track/….";
    (
        StatusCode::NOT_FOUND,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        hint,
    )
        .into_response()
}
