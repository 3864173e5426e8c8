//! The WebSocket hub: one protocol for every live screen.
//!
//! A client connects, says `{"type":"hello","after":SEQ}`, and gets `welcome`, then every event
//! after SEQ from the event log, then live events, with no gap and no duplicate at the hand-over:
//! the connection subscribes to the live feed *before* reading the log, and drops live events the
//! replay already sent. A client too far behind the retention horizon gets a snapshot instead.
//!
//! Each event is rendered to JSON once per audience by the hub's fan-out task, not once per
//! client, from the typed event (`dto::events`: customers never get what is not theirs, nor an
//! event that cannot be rendered for them). Every connection has its own bounded queue
//! (`client_queue`): a client that cannot keep up is closed with code 4000 `resync` within
//! seconds and never slows the others, the order path or the server's memory.
//!
//! `connection` runs one socket: hello, catch-up from the log, then live events.

mod client_queue;
mod connection;
pub mod print_agent;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use axum::extract::State;
use axum::extract::ws::rejection::WebSocketUpgradeRejection;
use axum::extract::ws::{Utf8Bytes, WebSocketUpgrade};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use forno_app::{PublishedEvent, Shop};
use forno_domain::{Permission, msg};
use tokio::sync::broadcast;

use crate::auth::token_from_headers;
use crate::dto::{Audience, EventDto};
use crate::error::{ApiError, ApiResult};
use crate::extract::Path;
use crate::state::AppState;
use connection::serve;

/// Live events kept for connections that have not taken them yet: each connection moves them
/// into its own queue at once, except while it replays the log after its hello.
const FEED_CAPACITY: usize = 1024;
const REPLAY_PAGE: i64 = 500;

/// An event rendered once for each audience.
#[derive(Debug)]
pub struct RenderedEvent {
    pub seq: i64,
    pub order_id: Option<i64>,
    /// `None` for an event staff are not sent.
    pub staff: Option<Utf8Bytes>,
    /// `None` for events customers never see (and for one that cannot be rendered for them).
    pub customer: Option<Utf8Bytes>,
    /// `menu.updated` and `shop.updated` for the ordering page's feed; `None` for every other
    /// event.
    pub menu: Option<Utf8Bytes>,
}

/// The text frame of an event for `audience`, if that audience may see it.
fn render(event: &PublishedEvent, audience: Audience) -> Option<Utf8Bytes> {
    let dto = EventDto::render(event, audience)?;
    // An EventDto is plain data; it always serialises.
    Some(Utf8Bytes::from(
        serde_json::to_string(&dto).expect("an event serialises"),
    ))
}

impl RenderedEvent {
    fn new(event: &PublishedEvent) -> RenderedEvent {
        RenderedEvent {
            seq: event.seq,
            order_id: event.order_id,
            staff: render(event, Audience::Staff),
            customer: event
                .order_id
                .and_then(|_| render(event, Audience::Customer)),
            menu: EventDto::render_for_ordering_page(event).map(|dto| {
                Utf8Bytes::from(serde_json::to_string(&dto).expect("an event serialises"))
            }),
        }
    }
}

/// Counts connections and fans rendered events out to them.
pub struct Hub {
    limit: usize,
    staff: AtomicUsize,
    customer: AtomicUsize,
    feed: broadcast::Sender<Arc<RenderedEvent>>,
    /// Flips to true when the server stops, so open sockets close at once instead of holding
    /// the graceful shutdown open.
    stopping: tokio::sync::watch::Sender<bool>,
    /// Bumped when credentials end while the server runs (a device unpaired, a person stopped,
    /// a PIN reset, a logout): every staff socket checks its credentials again at once and
    /// closes with 4001 when they no longer hold. Sockets also check at every ping, which
    /// catches what another process ended (`forno staff reset-pin`).
    credentials_ended: tokio::sync::watch::Sender<u64>,
}

/// Holds a connection slot; gives it back when dropped.
pub struct Slot {
    hub: Arc<Hub>,
    audience: Audience,
}

impl Drop for Slot {
    fn drop(&mut self) {
        self.hub
            .counter(self.audience)
            .fetch_sub(1, Ordering::SeqCst);
    }
}

impl Hub {
    pub fn new(limit: usize) -> Hub {
        let (feed, _) = broadcast::channel(FEED_CAPACITY);
        Hub {
            limit,
            staff: AtomicUsize::new(0),
            customer: AtomicUsize::new(0),
            feed,
            stopping: tokio::sync::watch::Sender::new(false),
            credentials_ended: tokio::sync::watch::Sender::new(0),
        }
    }

    /// Some credentials just ended: the open staff sockets whose credentials no longer hold
    /// close with 4001 now rather than at their next ping.
    pub fn credentials_ended(&self) {
        self.credentials_ended.send_modify(|n| *n += 1);
    }

    /// Closes every live connection with 1001 "server stopping".
    pub fn stop(&self) {
        self.stopping.send_replace(true);
    }

    fn counter(&self, audience: Audience) -> &AtomicUsize {
        match audience {
            Audience::Staff => &self.staff,
            Audience::Customer => &self.customer,
        }
    }

    pub fn counts(&self) -> (usize, usize) {
        (
            self.staff.load(Ordering::SeqCst),
            self.customer.load(Ordering::SeqCst),
        )
    }

    pub fn limit(&self) -> usize {
        self.limit
    }

    fn try_acquire(self: &Arc<Self>, audience: Audience) -> Option<Slot> {
        let (staff, customer) = self.counts();
        if staff + customer >= self.limit {
            return None;
        }
        self.counter(audience).fetch_add(1, Ordering::SeqCst);
        Some(Slot {
            hub: self.clone(),
            audience,
        })
    }

    /// Renders every committed event once and passes it on, in seq order. If this task itself
    /// falls behind the bus, it fills the hole from the event log so no event is skipped.
    pub async fn run_fan_out(self: Arc<Self>, shop: Shop) {
        let mut bus = shop.subscribe();
        let mut last_seq = None::<i64>;
        loop {
            match bus.recv().await {
                Ok(event) => {
                    if let Some(last) = last_seq
                        && event.seq > last + 1
                    {
                        self.fill_gap(&shop, last, event.seq).await;
                    }
                    last_seq = Some(event.seq);
                    let _ = self.feed.send(Arc::new(RenderedEvent::new(&event)));
                }
                Err(broadcast::error::RecvError::Lagged(missed)) => {
                    tracing::warn!(
                        missed,
                        "live feed fell behind the bus; filling from the event log"
                    );
                }
                Err(broadcast::error::RecvError::Closed) => return,
            }
        }
    }

    async fn fill_gap(&self, shop: &Shop, after: i64, before: i64) {
        let mut cursor = after;
        while cursor + 1 < before {
            let Ok(page) = shop
                .events_after(cursor, (before - cursor - 1).min(REPLAY_PAGE))
                .await
            else {
                return;
            };
            if page.events.is_empty() {
                return;
            }
            for event in page.events.iter().filter(|e| e.seq < before) {
                cursor = event.seq;
                let _ = self.feed.send(Arc::new(RenderedEvent::new(event)));
            }
        }
    }
}

/// Who a connection serves.
pub(super) enum Viewer {
    Staff,
    Customer {
        order_id: i64,
    },
    /// The ordering page: only `menu.updated` and `shop.updated`, so it fetches the shop and
    /// menu again. No replay and no snapshot: after a (re)connect the page fetches them anyway.
    MenuReader,
}

impl Viewer {
    fn audience(&self) -> Audience {
        match self {
            Viewer::Staff => Audience::Staff,
            Viewer::Customer { .. } | Viewer::MenuReader => Audience::Customer,
        }
    }

    fn sees(&self, event: &RenderedEvent) -> Option<Utf8Bytes> {
        match self {
            Viewer::Staff => event.staff.clone(),
            Viewer::MenuReader => event.menu.clone(),
            Viewer::Customer { order_id } if event.order_id == Some(*order_id) => {
                event.customer.clone()
            }
            Viewer::Customer { .. } => None,
        }
    }
}

fn too_many() -> ApiError {
    ApiError::new(
        axum::http::StatusCode::SERVICE_UNAVAILABLE,
        "too-many-connections",
        msg!(nl: "Te veel live verbindingen", en: "Too many live connections"),
        msg!(
            nl: "De server van de zaak heeft te veel live schermen open; sluit er een paar en probeer het opnieuw.",
            en: "The shop's server has too many live screens open; close some and try again."
        ),
    )
}

/// The staff stream needs this action (forno-app decides, when the credentials arrive).
pub(super) const FOLLOW_ORDERS: &[Permission] = &[Permission::ViewOrders];

/// A plain HTTP request to a socket address is a problem document like every other error.
fn upgrade_or_explain(
    upgrade: Result<WebSocketUpgrade, WebSocketUpgradeRejection>,
) -> ApiResult<WebSocketUpgrade> {
    upgrade.map_err(|rejection| {
        ApiError::new(
            rejection.status(),
            "websocket-expected",
            msg!(nl: "Open dit adres als WebSocket", en: "Open this address as a WebSocket"),
            msg!(
                nl: "Dit adres is een live verbinding: maak verbinding met een WebSocket-client (ws://…), niet met gewoon HTTP ({rejection}).",
                en: "This address is a live feed: connect with a WebSocket client (ws://…), not plain HTTP ({rejection})."
            ),
        )
    })
}

/// `GET /api/v1/ws`: the staff stream. Authenticates by cookie, bearer header, or the token in
/// the hello message.
#[utoipa::path(get, path = "/ws", tag = "staff",
    description = "The staff's live feed (a WebSocket; see docs/api.md for its messages). Credentials come with the request (cookie or bearer token) or in the first message, `{\"type\":\"hello\",\"token\":\"…\"}`; a socket without valid credentials is closed with 4001 `unauthorized`.",
    responses((status = 101, description = "Switched to the WebSocket protocol"),
        (status = 400, description = "Not a WebSocket handshake"),
        (status = 426, description = "The connection cannot be upgraded to a WebSocket"),
        (status = 503, description = "Too many live connections")))]
pub async fn staff_stream(
    State(state): State<AppState>,
    headers: HeaderMap,
    upgrade: Result<WebSocketUpgrade, WebSocketUpgradeRejection>,
) -> ApiResult<Response> {
    let checked_token = match token_from_headers(&headers) {
        Some(token) => {
            state
                .shop
                .authorize_token(&token, FOLLOW_ORDERS, Utc::now())
                .await?;
            Some(token)
        }
        None => None,
    };
    let upgrade = upgrade_or_explain(upgrade)?;
    let slot = state
        .hub
        .try_acquire(Audience::Staff)
        .ok_or_else(too_many)?;
    Ok(small_buffers(upgrade)
        .on_upgrade(move |socket| async move {
            serve(state, socket, Viewer::Staff, checked_token, slot).await;
        })
        .into_response())
}

/// `GET /api/v1/ws/track/{token}`: one customer's order. Unknown tokens get a 404 and no socket.
#[utoipa::path(get, path = "/ws/track/{token}", tag = "public",
    description = "One customer's live order (a WebSocket; see docs/api.md for its messages).",
    params(("token" = String, Path, description = "The order's tracking token")),
    responses((status = 101, description = "Switched to the WebSocket protocol"),
        (status = 404, description = "No order has this tracking token"),
        (status = 426, description = "The connection cannot be upgraded to a WebSocket"),
        (status = 503, description = "Too many live connections")))]
pub async fn customer_stream(
    State(state): State<AppState>,
    Path(token): Path<String>,
    upgrade: Result<WebSocketUpgrade, WebSocketUpgradeRejection>,
) -> ApiResult<Response> {
    let order_id = state
        .shop
        .order_id_for_token(&token)
        .await?
        .ok_or_else(|| {
            ApiError::not_found(msg!(
                nl: "We kunnen geen bestelling vinden bij deze link.",
                en: "We cannot find an order for this tracking link."
            ))
        })?;
    let upgrade = upgrade_or_explain(upgrade)?;
    let slot = state
        .hub
        .try_acquire(Audience::Customer)
        .ok_or_else(too_many)?;
    Ok(small_buffers(upgrade)
        .on_upgrade(move |socket| async move {
            serve(state, socket, Viewer::Customer { order_id }, None, slot).await;
        })
        .into_response())
}

/// `GET /api/v1/ws/menu`: the menu's changes, for the ordering page.
#[utoipa::path(get, path = "/ws/menu", tag = "public",
    description = "The menu's changes, for the ordering page (a WebSocket; see docs/api.md): after `welcome`, one `menu.updated` per change to the menu (an item edited, sold out, archived, a new photo, categories) and one `shop.updated` per pause or prep-time change. Fetch `/shop` and `/menu` again on each, and after every (re)connect.",
    responses((status = 101, description = "Switched to the WebSocket protocol"),
        (status = 400, description = "Not a WebSocket handshake"),
        (status = 426, description = "The connection cannot be upgraded to a WebSocket"),
        (status = 503, description = "Too many live connections")))]
pub async fn menu_stream(
    State(state): State<AppState>,
    upgrade: Result<WebSocketUpgrade, WebSocketUpgradeRejection>,
) -> ApiResult<Response> {
    let upgrade = upgrade_or_explain(upgrade)?;
    let slot = state
        .hub
        .try_acquire(Audience::Customer)
        .ok_or_else(too_many)?;
    Ok(small_buffers(upgrade)
        .on_upgrade(move |socket| async move {
            serve(state, socket, Viewer::MenuReader, None, slot).await;
        })
        .into_response())
}

/// Clients send only a hello and pongs, and events are a few KiB: small buffers keep a thousand
/// idle tracking sockets cheap (the defaults reserve 128 KiB each way per socket).
fn small_buffers(upgrade: WebSocketUpgrade) -> WebSocketUpgrade {
    upgrade
        .read_buffer_size(4 * 1024)
        .write_buffer_size(0)
        .max_message_size(64 * 1024)
}
