//! Forno's HTTP and WebSocket server (axum): the public router for customers' phones, the staff
//! router behind a session, the WebSocket hub, problem+json errors, the OpenAPI document and the
//! built UI.
//!
//! Architecture Invariant: this is the only crate that knows HTTP and the wire format. Handlers
//! parse input into domain commands, call ONE forno-app use case and convert the answer into the
//! wire types of `dto`; they hold no business rules.
//!
//! Architecture Invariant: no handler decides who may call it. `routes` names, per route, the
//! actions its caller needs; the route's layer asks forno-app before the request is read, and
//! the use case checks again, both by forno-domain's one table. Every route is in `routes`, so
//! every route is in the OpenAPI document.
//!
//! Architecture Invariant: nothing on the public router returns staff data (names, PINs,
//! sessions, internal reasons).

mod addresses;
mod auth;
mod compression;
mod customers;
mod devices;
mod dto;
mod error;
mod extract;
mod kitchen;
mod language;
mod menu_editor;
mod notify;
mod openapi;
mod outbox;
mod payments;
mod people;
mod printing;
mod public;
mod rate_limit;
mod routes;
mod setup;
mod staff;
mod state;
mod ui;
mod ws;

use std::net::SocketAddr;
use std::time::Instant;

use axum::extract::{DefaultBodyLimit, OriginalUri, Request};
use axum::http::{HeaderValue, header};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::serve::ListenerExt;
use axum::{Extension, Router};
use forno_app::Shop;
use forno_domain::msg;
use tokio::sync::oneshot;

pub use addresses::ShopAddresses;
pub use error::{ApiError, Problem};
pub use state::AppState;

#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    #[error(
        "Another program is already using {0}. Close it (or another Forno), or choose another address: `listen` in forno.toml or the FORNO_LISTEN environment variable."
    )]
    AddressInUse(SocketAddr),
    #[error("Cannot listen on {addr}: {reason}")]
    Listen { addr: SocketAddr, reason: String },
}

/// The full router for a shop.
pub fn router(state: AppState) -> Router {
    let max_body = state.shop.config().max_body_bytes;
    let ui_source = match &state.shop.config().ui_dir {
        Some(dir) => ui::UiSource::Folder(dir.clone()),
        None if cfg!(debug_assertions) => {
            ui::UiSource::Folder(concat!(env!("CARGO_MANIFEST_DIR"), "/../../ui/dist").into())
        }
        None => ui::UiSource::Embedded,
    };
    tracing::debug!(pages = %ui_source, "serving the shop's pages");
    let test_routes = if state.shop.config().test_jobs {
        routes::TestRoutes::On
    } else {
        routes::TestRoutes::Off
    };
    let (routes, _) = routes::all_with(test_routes).split_for_parts();
    // A method an address does not take is axum's own 405 (with `Allow`), which `language`
    // writes as a problem naming the methods that work.
    let shop = routes
        .fallback(move |uri, headers: axum::http::HeaderMap| {
            ui::serve(ui_source.clone(), uri, headers)
        })
        // The staff routes' authorisation (`auth::authorize_route`) is built with the routes,
        // before any shop exists (so `forno openapi` needs none); it finds the shop here.
        .layer(Extension(state.clone()))
        .layer(DefaultBodyLimit::max(max_body))
        .with_state(state);
    // These wrap the whole router rather than each route, so that they also see axum's own
    // answers as they leave (a 405 gets its `Allow` header outside the route's layers).
    Router::new()
        .fallback_service(shop)
        .layer(middleware::from_fn(language::speak_the_readers_language))
        .layer(middleware::from_fn(compression::gzip_json))
        .layer(middleware::from_fn(log_and_harden))
}

/// The API's answer to a path it does not have.
pub(crate) async fn no_such_endpoint(method: axum::http::Method, uri: OriginalUri) -> ApiError {
    let path = redact(uri.path());
    ApiError::not_found(msg!(
        nl: "De API heeft geen {method} {path}; zie /api/v1/openapi.json voor wat er wel is.",
        en: "There is no API endpoint {method} {path}; see /api/v1/openapi.json."
    ))
}

/// The OpenAPI document of every route, without starting a server (`forno openapi`).
pub fn openapi_document() -> utoipa::openapi::OpenApi {
    openapi::document()
}

/// One log line per request (tracking tokens redacted) and headers every response carries.
async fn log_and_harden(request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().clone();
    let path = redact(request.uri().path());
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    // Tracking links carry a token: never leak it to other sites through the Referer.
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    tracing::info!(%method, path, status = response.status().as_u16(), ms = started.elapsed().as_millis() as u64, "request");
    response
}

fn redact(path: &str) -> String {
    match path.find("/track/") {
        Some(i) => format!("{}/track/…", &path[..i]),
        None => path.to_owned(),
    }
}

/// A server running on its own task.
pub struct RunningServer {
    addr: SocketAddr,
    addresses: ShopAddresses,
    hub: std::sync::Arc<ws::Hub>,
    stop: Option<oneshot::Sender<()>>,
    task: tokio::task::JoinHandle<()>,
}

impl RunningServer {
    pub fn local_addr(&self) -> SocketAddr {
        self.addr
    }

    /// Where this computer and the other devices in the shop reach the server.
    pub fn addresses(&self) -> ShopAddresses {
        self.addresses
    }

    /// Stops accepting, lets requests in flight finish, and returns.
    pub async fn shutdown(mut self) {
        self.hub.stop();
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        let _ = tokio::time::timeout(std::time::Duration::from_secs(10), &mut self.task).await;
    }
}

/// The kernel send buffer of every connection. A fixed size (instead of the kernel's autotuning,
/// which lets it grow to megabytes) keeps what is queued for a slow live screen where the hub can
/// see and bound it (`ws::client_queue`), and always leaves room for a close frame behind the
/// little the hub writes ahead. It is plenty for pages and the API on a shop's network.
const SEND_BUFFER: u32 = 256 * 1024;

/// A listening socket on `listen`. Accepted connections inherit its send buffer size.
fn bind(listen: SocketAddr) -> Result<tokio::net::TcpListener, ServerError> {
    let failed = |e: std::io::Error| {
        if e.kind() == std::io::ErrorKind::AddrInUse {
            ServerError::AddressInUse(listen)
        } else {
            ServerError::Listen {
                addr: listen,
                reason: e.to_string(),
            }
        }
    };
    let socket = if listen.is_ipv4() {
        tokio::net::TcpSocket::new_v4()
    } else {
        tokio::net::TcpSocket::new_v6()
    }
    .map_err(failed)?;
    // As `TcpListener::bind` does: a restarted server may listen again at once on Unix (on
    // Windows the same flag would let two servers share the port).
    #[cfg(unix)]
    socket.set_reuseaddr(true).map_err(failed)?;
    if let Err(e) = socket.set_send_buffer_size(SEND_BUFFER) {
        tracing::warn!(error = %e, "could not set the send buffer size; slow live screens may be cut without a close frame");
    }
    socket.bind(listen).map_err(failed)?;
    socket.listen(1024).map_err(failed)
}

/// Binds `listen` and serves the shop until `shutdown`. Also starts the live feed; the shop's
/// background work is the shell's to start (`Shop::start_background`).
pub async fn start(shop: Shop, listen: SocketAddr) -> Result<RunningServer, ServerError> {
    let listener = bind(listen)?;
    let addr = listener.local_addr().map_err(|e| ServerError::Listen {
        addr: listen,
        reason: e.to_string(),
    })?;
    let state = AppState::new(shop.clone(), ShopAddresses::of(addr));
    let hub = state.hub.clone();
    let addresses = state.addresses;
    tokio::spawn(state.hub.clone().run_fan_out(shop.clone()));
    // Small writes (a live event, a ping) must leave at once, not wait for Nagle's algorithm to
    // batch them behind the peer's delayed ACK (~40 ms).
    let listener = listener.tap_io(|tcp| {
        if let Err(e) = tcp.set_nodelay(true) {
            tracing::warn!(error = %e, "could not disable Nagle's algorithm on a connection");
        }
    });
    let app = router(state).into_make_service_with_connect_info::<SocketAddr>();
    let (stop_tx, stop_rx) = oneshot::channel::<()>();
    let task = tokio::spawn(async move {
        let served = axum::serve(listener, app)
            .with_graceful_shutdown(async {
                let _ = stop_rx.await;
            })
            .await;
        if let Err(e) = served {
            tracing::error!(error = %e, "the server stopped with an error");
        }
    });
    Ok(RunningServer {
        addr,
        addresses,
        hub,
        stop: Some(stop_tx),
        task,
    })
}
