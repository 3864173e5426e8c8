//! The WebSocket hub: one protocol for every live screen.
//!
//! A client connects, says `{"type":"hello","after":SEQ}`, and gets `welcome`, then every event
//! after SEQ from the event log, then live events, with no gap and no duplicate at the hand-over:
//! the connection subscribes to the live feed *before* reading the log, and drops live events the
//! replay already sent. A client too far behind the retention horizon gets a snapshot instead.
//!
//! Each event is rendered to JSON once per audience by the hub's fan-out task, not once per
//! client. Every connection has a bounded queue (the broadcast buffer); a client that cannot keep
//! up is closed with code 4000 `resync` and never slows the others or the order path.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use axum::extract::ws::{CloseFrame, Message, Utf8Bytes, WebSocket, WebSocketUpgrade};
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use forno_app::{Actor, PublishedEvent, Shop};
use futures_util::{SinkExt, StreamExt};
use serde::Deserialize;
use tokio::sync::broadcast;

use crate::auth::token_from_headers;
use crate::dto::{Audience, CustomerOrderDto, EventDto, OrderDto};
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;

/// Live events kept for connections that are momentarily behind.
const FEED_CAPACITY: usize = 1024;
const HELLO_TIMEOUT: Duration = Duration::from_secs(10);
const PING_EVERY: Duration = Duration::from_secs(15);
/// A peer that has said nothing (not even a pong) for this long is gone.
const PEER_TIMEOUT: Duration = Duration::from_secs(45);
/// A send that takes longer than this means the client is not reading.
const SEND_TIMEOUT: Duration = Duration::from_secs(5);
const REPLAY_PAGE: i64 = 500;
pub const CLOSE_RESYNC: u16 = 4000;
pub const CLOSE_UNAUTHORIZED: u16 = 4001;

/// An event rendered once for each audience.
#[derive(Debug)]
pub struct RenderedEvent {
    pub seq: i64,
    pub order_id: Option<i64>,
    pub staff: Utf8Bytes,
    /// `None` for events customers never see.
    pub customer: Option<Utf8Bytes>,
}

impl RenderedEvent {
    fn new(event: &PublishedEvent) -> RenderedEvent {
        let json = |audience| {
            Utf8Bytes::from(
                serde_json::to_string(&EventDto::render(event, audience)).unwrap_or_default(),
            )
        };
        RenderedEvent {
            seq: event.seq,
            order_id: event.order_id,
            staff: json(Audience::Staff),
            customer: event.order_id.map(|_| json(Audience::Customer)),
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
    /// Devices unpaired while the server runs: their open sockets close with 4001 at once.
    unpaired: tokio::sync::watch::Sender<Vec<i64>>,
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
            unpaired: tokio::sync::watch::Sender::new(Vec::new()),
        }
    }

    /// Closes the open sockets of a device that was just unpaired.
    pub fn device_unpaired(&self, device_id: i64) {
        self.unpaired.send_modify(|ids| ids.push(device_id));
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

#[derive(Debug, Deserialize)]
struct Hello {
    #[serde(rename = "type")]
    kind: String,
    after: Option<i64>,
    token: Option<String>,
}

/// Who a connection serves.
enum Viewer {
    Staff,
    Customer { order_id: i64 },
}

impl Viewer {
    fn audience(&self) -> Audience {
        match self {
            Viewer::Staff => Audience::Staff,
            Viewer::Customer { .. } => Audience::Customer,
        }
    }

    fn sees(&self, event: &RenderedEvent) -> Option<Utf8Bytes> {
        match self {
            Viewer::Staff => Some(event.staff.clone()),
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
        "Too many live connections",
        "The shop's server has too many live screens open; close some and try again.",
    )
}

/// `GET /api/v1/ws`: the staff stream. Authenticates by cookie, bearer header, or the token in
/// the hello message.
pub async fn staff_stream(
    State(state): State<AppState>,
    headers: HeaderMap,
    upgrade: WebSocketUpgrade,
) -> ApiResult<Response> {
    let actor = match token_from_headers(&headers) {
        Some(token) => Some(state.shop.authenticate(&token, Utc::now()).await?),
        None => None,
    };
    let slot = state
        .hub
        .try_acquire(Audience::Staff)
        .ok_or_else(too_many)?;
    Ok(small_buffers(upgrade)
        .on_upgrade(move |socket| async move {
            serve(state, socket, Viewer::Staff, actor, slot).await;
        })
        .into_response())
}

/// `GET /api/v1/ws/track/{token}`: one customer's order. Unknown tokens get a 404 and no socket.
pub async fn customer_stream(
    State(state): State<AppState>,
    Path(token): Path<String>,
    upgrade: WebSocketUpgrade,
) -> ApiResult<Response> {
    let order_id = state
        .shop
        .order_id_for_token(&token)
        .await?
        .ok_or_else(|| ApiError::not_found("We cannot find an order for this tracking link."))?;
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

/// Clients send only a hello and pongs, and events are a few KiB: small buffers keep a thousand
/// idle tracking sockets cheap (the defaults reserve 128 KiB each way per socket).
fn small_buffers(upgrade: WebSocketUpgrade) -> WebSocketUpgrade {
    upgrade
        .read_buffer_size(4 * 1024)
        .write_buffer_size(0)
        .max_message_size(64 * 1024)
}

fn control(value: serde_json::Value) -> Message {
    Message::Text(Utf8Bytes::from(value.to_string()))
}

fn close(code: u16, reason: &'static str) -> Message {
    Message::Close(Some(CloseFrame {
        code,
        reason: Utf8Bytes::from_static(reason),
    }))
}

/// Why a connection ended, for the log.
#[derive(Debug)]
enum End {
    ClientLeft,
    Unauthorized,
    TooSlow,
    PeerSilent,
    NoHello,
    ServerStopping,
    Failed,
}

async fn serve(
    state: AppState,
    socket: WebSocket,
    viewer: Viewer,
    actor: Option<Actor>,
    _slot: Slot,
) {
    let (mut sink, mut stream) = socket.split();
    let end = run_connection(&state, &mut sink, &mut stream, &viewer, actor).await;
    let frame = match end {
        End::Unauthorized => Some(close(CLOSE_UNAUTHORIZED, "unauthorized")),
        End::TooSlow => Some(close(CLOSE_RESYNC, "resync")),
        End::ServerStopping => Some(close(1001, "server stopping")),
        End::NoHello => Some(close(1008, "send hello first")),
        _ => None,
    };
    if let Some(frame) = frame {
        let _ = tokio::time::timeout(Duration::from_secs(1), sink.send(frame)).await;
    }
    tracing::debug!(?end, "live connection ended");
}

type Sink = futures_util::stream::SplitSink<WebSocket, Message>;
type Stream = futures_util::stream::SplitStream<WebSocket>;

async fn send(sink: &mut Sink, message: Message) -> Result<(), End> {
    match tokio::time::timeout(SEND_TIMEOUT, sink.send(message)).await {
        Ok(Ok(())) => Ok(()),
        Ok(Err(_)) => Err(End::Failed),
        Err(_) => Err(End::TooSlow),
    }
}

async fn read_hello(stream: &mut Stream) -> Result<Hello, End> {
    let deadline = tokio::time::sleep(HELLO_TIMEOUT);
    tokio::pin!(deadline);
    loop {
        tokio::select! {
            _ = &mut deadline => return Err(End::NoHello),
            message = stream.next() => match message {
                Some(Ok(Message::Text(text))) => {
                    return serde_json::from_str::<Hello>(&text)
                        .ok()
                        .filter(|h| h.kind == "hello")
                        .ok_or(End::NoHello);
                }
                Some(Ok(Message::Close(_))) | None | Some(Err(_)) => return Err(End::ClientLeft),
                Some(Ok(_)) => continue,
            }
        }
    }
}

async fn run_connection(
    state: &AppState,
    sink: &mut Sink,
    stream: &mut Stream,
    viewer: &Viewer,
    actor: Option<Actor>,
) -> End {
    let hello = match read_hello(stream).await {
        Ok(hello) => hello,
        Err(end) => return end,
    };
    let actor = match (actor, hello.token.as_deref()) {
        (Some(actor), _) => Some(actor),
        (None, Some(token)) if matches!(viewer, Viewer::Staff) => {
            state.shop.authenticate(token, Utc::now()).await.ok()
        }
        (None, _) => None,
    };
    if matches!(viewer, Viewer::Staff) && actor.is_none() {
        return End::Unauthorized;
    }
    let device_id = actor.and_then(|actor| actor.device_id);

    // Subscribe before reading the log: nothing committed from here on can be missed.
    let mut feed = state.hub.feed.subscribe();
    let mut last_sent = match catch_up(state, sink, viewer, hello.after).await {
        Ok(seq) => seq,
        Err(end) => return end,
    };

    let mut stopping = state.hub.stopping.subscribe();
    if *stopping.borrow_and_update() {
        return End::ServerStopping;
    }
    let mut unpaired = state.hub.unpaired.subscribe();
    let is_unpaired = |ids: &Vec<i64>| device_id.is_some_and(|device| ids.contains(&device));
    if is_unpaired(&unpaired.borrow_and_update()) {
        return End::Unauthorized;
    }
    let mut ping = tokio::time::interval(PING_EVERY);
    ping.tick().await;
    let mut last_heard = tokio::time::Instant::now();
    loop {
        tokio::select! {
            event = feed.recv() => match event {
                Ok(event) => {
                    if event.seq <= last_sent {
                        continue; // already sent by the replay
                    }
                    if event.seq > last_sent + 1 && matches!(viewer, Viewer::Staff) {
                        // Should not happen (the feed fills its own gaps), but never skip.
                        if let Err(end) = replay(state, sink, viewer, last_sent, event.seq - 1).await {
                            return end;
                        }
                    }
                    if let Some(text) = viewer.sees(&event)
                        && let Err(end) = send(sink, Message::Text(text)).await
                    {
                        return end;
                    }
                    last_sent = event.seq;
                }
                Err(broadcast::error::RecvError::Lagged(_)) => return End::TooSlow,
                Err(broadcast::error::RecvError::Closed) => return End::ServerStopping,
            },
            message = stream.next() => match message {
                Some(Ok(Message::Close(_))) | None | Some(Err(_)) => return End::ClientLeft,
                Some(Ok(_)) => last_heard = tokio::time::Instant::now(),
            },
            _ = stopping.changed() => return End::ServerStopping,
            Ok(()) = unpaired.changed() => {
                if is_unpaired(&unpaired.borrow_and_update()) {
                    return End::Unauthorized;
                }
            }
            _ = ping.tick() => {
                if last_heard.elapsed() > PEER_TIMEOUT {
                    return End::PeerSilent;
                }
                let beat = control(serde_json::json!({ "type": "ping", "at": Utc::now() }));
                if let Err(end) = send(sink, Message::Ping(Default::default())).await {
                    return end;
                }
                if let Err(end) = send(sink, beat).await {
                    return end;
                }
            }
        }
    }
}

/// Sends `welcome`, then either the events after `after` or a snapshot. Returns the seq the
/// client is now current at.
async fn catch_up(
    state: &AppState,
    sink: &mut Sink,
    viewer: &Viewer,
    after: Option<i64>,
) -> Result<i64, End> {
    let page = state
        .shop
        .events_after(i64::MAX, 0)
        .await
        .map_err(|_| End::Failed)?;
    send(
        sink,
        control(serde_json::json!({ "type": "welcome", "head_seq": page.head_seq })),
    )
    .await?;
    let behind_horizon = after.is_some_and(|a| a + 1 < page.oldest_seq && a < page.head_seq);
    let only = match viewer {
        Viewer::Staff => None,
        Viewer::Customer { order_id } => Some(*order_id),
    };
    // Customers joining fresh get their order's current state; so does anyone past the horizon.
    let wants_snapshot = behind_horizon
        || (after.is_none() && only.is_some())
        || after.is_some_and(|a| a > page.head_seq);
    match after {
        Some(after) if !wants_snapshot => replay(state, sink, viewer, after, i64::MAX).await,
        None if !wants_snapshot => Ok(page.head_seq),
        _ => {
            let snapshot = state.shop.snapshot(only).await.map_err(|_| End::Failed)?;
            let data = match viewer.audience() {
                Audience::Staff => serde_json::json!({
                    "orders": snapshot.orders.iter().map(OrderDto::from).collect::<Vec<_>>()
                }),
                Audience::Customer => serde_json::json!({
                    "order": snapshot.orders.first().map(CustomerOrderDto::from)
                }),
            };
            send(sink, control(serde_json::json!({ "type": "snapshot", "seq": snapshot.head_seq, "data": data }))).await?;
            Ok(snapshot.head_seq)
        }
    }
}

/// Sends the logged events in `(after, until]` the viewer may see; returns the last seq covered.
async fn replay(
    state: &AppState,
    sink: &mut Sink,
    viewer: &Viewer,
    after: i64,
    until: i64,
) -> Result<i64, End> {
    let mut cursor = after;
    match viewer {
        Viewer::Customer { order_id } => {
            // Read the head first: this order's events up to it come from the log, later ones
            // from the live feed the connection already subscribed to.
            let head = state
                .shop
                .events_after(i64::MAX, 0)
                .await
                .map_err(|_| End::Failed)?
                .head_seq;
            let events = state
                .shop
                .order_events_after(*order_id, after)
                .await
                .map_err(|_| End::Failed)?;
            for event in events.iter().filter(|e| e.seq <= until) {
                let text = serde_json::to_string(&EventDto::render(event, Audience::Customer))
                    .unwrap_or_default();
                send(sink, Message::Text(text.into())).await?;
                cursor = event.seq;
            }
            // The customer is current up to the head, even where the head is not theirs.
            Ok(cursor.max(head.min(until)))
        }
        Viewer::Staff => loop {
            let page = state
                .shop
                .events_after(cursor, REPLAY_PAGE)
                .await
                .map_err(|_| End::Failed)?;
            let batch: Vec<_> = page.events.iter().filter(|e| e.seq <= until).collect();
            for event in &batch {
                let text = serde_json::to_string(&EventDto::render(event, Audience::Staff))
                    .unwrap_or_default();
                send(sink, Message::Text(text.into())).await?;
                cursor = event.seq;
            }
            if batch.len() < REPLAY_PAGE as usize {
                return Ok(cursor);
            }
        },
    }
}
