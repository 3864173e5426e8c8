//! Forno's HTTP and WebSocket server (axum): the public router for customers' phones, the staff
//! router behind a session, the WebSocket hub, problem+json errors, the OpenAPI document and the
//! built UI.
//!
//! Architecture Invariant: this is the only crate that knows HTTP and the wire format. Handlers
//! parse input into domain commands, call ONE forno-app use case and convert the answer into the
//! wire types of `dto`; they hold no business rules.
//!
//! Architecture Invariant: nothing on the public router returns staff data (names, PINs,
//! sessions, internal reasons).

mod addresses;
mod auth;
mod devices;
mod dto;
mod error;
mod extract;
mod openapi;
mod public;
mod rate_limit;
mod setup;
mod staff;
mod state;
mod ui;
mod ws;

use std::net::SocketAddr;
use std::time::Instant;

use axum::extract::{DefaultBodyLimit, Request};
use axum::http::{HeaderValue, header};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::{delete, get, post, put};
use axum::serve::ListenerExt;
use axum::{Json, Router};
use forno_app::Shop;
use tokio::sync::oneshot;
use utoipa::OpenApi;

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
    let api = Router::new()
        // public
        .route("/healthz", get(public::healthz))
        .route("/shop", get(public::shop))
        .route("/menu", get(public::menu))
        .route("/quote", post(public::quote))
        .route("/orders", post(public::place_order).get(staff::list_orders))
        .route("/orders/track/{token}", get(public::track))
        .route("/ws/track/{token}", get(ws::customer_stream))
        .route("/setup", get(setup::status).post(setup::complete))
        .route("/devices/pair", post(devices::pair))
        // staff
        .route("/auth/login", post(auth::login))
        .route("/auth/logout", post(auth::logout))
        .route("/auth/me", get(auth::me))
        .route("/orders/{id}", get(staff::get_order))
        .route("/orders/{id}/status", post(staff::change_status))
        .route("/events", get(staff::events))
        .route(
            "/settings",
            get(staff::get_settings).put(staff::put_settings),
        )
        .route("/settings/pause", post(staff::pause))
        .route("/menu/admin", get(staff::menu_admin))
        .route("/menu/items/{id}", put(staff::put_item))
        .route("/menu/items/{id}/sold-out", post(staff::sold_out))
        .route("/audit", get(staff::audit))
        .route("/devices", get(devices::list))
        .route("/devices/{id}", delete(devices::unpair))
        .route("/devices/pairing-codes", post(devices::new_pairing_code))
        .route("/ws", get(ws::staff_stream))
        .route(
            "/openapi.json",
            get(|| async { Json(openapi::ApiDoc::openapi()) }),
        )
        .fallback(|| async {
            ApiError::not_found("There is no such API endpoint; see /api/v1/openapi.json.")
        });

    Router::new()
        .nest("/api/v1", api)
        .route("/healthz", get(public::healthz))
        .fallback(move |uri| ui::serve(ui_source.clone(), uri))
        .layer(DefaultBodyLimit::max(max_body))
        .layer(middleware::from_fn(log_and_harden))
        .with_state(state)
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

/// Binds `listen` and serves the shop until `shutdown`. Also starts the live feed and the
/// hourly upkeep.
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
    tokio::spawn(shop.clone().run_upkeep());
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
