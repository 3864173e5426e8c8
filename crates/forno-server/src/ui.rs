//! Serves the built UI (`ui/dist`): embedded in release builds, read from disk in debug builds or
//! from the configured `ui_dir`.
//!
//! A release build always embeds the current `ui/dist` or does not build at all: `build.rs`
//! refuses without it and recompiles this crate whenever its contents change.

use std::path::PathBuf;

use axum::body::Body;
use axum::http::{HeaderValue, StatusCode, Uri, header};
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

pub async fn serve(source: UiSource, uri: Uri) -> Response {
    for candidate in page_for(uri.path()) {
        if let Some(bytes) = source.load(&candidate) {
            let mime = mime_guess::from_path(&candidate).first_or_octet_stream();
            let mut response = Response::new(Body::from(bytes));
            let headers = response.headers_mut();
            if let Ok(value) = HeaderValue::from_str(mime.as_ref()) {
                headers.insert(header::CONTENT_TYPE, value);
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
