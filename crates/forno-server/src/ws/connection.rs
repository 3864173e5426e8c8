//! One live connection: read the hello, catch up from the log (or send a snapshot), then pass
//! live events on, all through the client's bounded queue.

use std::time::Duration;

use axum::extract::ws::{CloseFrame, Message, Utf8Bytes, WebSocket};
use chrono::Utc;
use forno_app::AppError;
use futures_util::{SinkExt, StreamExt};
use serde::Deserialize;
use tokio::sync::{broadcast, watch};
use tokio::time::Instant;

use super::client_queue::{ClientQueue, Lagging};
use super::{REPLAY_PAGE, RenderedEvent, Slot, Viewer, render};
use crate::dto::{Audience, CustomerOrderDto, OrderDto};
use crate::state::AppState;

const HELLO_TIMEOUT: Duration = Duration::from_secs(10);
const PING_EVERY: Duration = Duration::from_secs(15);
/// A peer that has said nothing (not even a pong) for this long is gone.
const PEER_TIMEOUT: Duration = Duration::from_secs(45);
/// Writes stay within what the socket buffer holds, so one that takes this long means the
/// socket is full anyway: the client is not reading.
const SEND_TIMEOUT: Duration = Duration::from_secs(5);
/// How long a close frame may take to go out.
const CLOSE_TIMEOUT: Duration = Duration::from_secs(1);
/// How long a client cut for being slow gets to read what was on its way and answer the close
/// (a tablet that froze for a while still learns why it was cut when it wakes up).
const LINGER: Duration = Duration::from_secs(30);
const CLOSE_RESYNC: u16 = 4000;
const CLOSE_UNAUTHORIZED: u16 = 4001;

#[derive(Debug, Deserialize)]
struct Hello {
    #[serde(rename = "type")]
    kind: String,
    after: Option<i64>,
    token: Option<String>,
}

/// Why a connection ended, for the log.
#[derive(Debug)]
enum End {
    ClientLeft,
    Unauthorized,
    /// The client fell behind; it is closed with 4000 `resync`.
    TooSlow(Lagging),
    /// A write did not get into the socket in time.
    SendBlocked,
    /// The connection fell more than the hub's feed behind (while it replayed the log).
    MissedLiveEvents,
    PeerSilent,
    NoHello,
    ServerStopping,
    Failed,
}

type Sink = futures_util::stream::SplitSink<WebSocket, Message>;
type Stream = futures_util::stream::SplitStream<WebSocket>;

/// The socket, and what is queued for it.
struct Client {
    sink: Sink,
    stream: Stream,
    queue: ClientQueue,
    last_heard: Instant,
}

fn control(value: serde_json::Value) -> Utf8Bytes {
    Utf8Bytes::from(value.to_string())
}

fn close(code: u16, reason: &'static str) -> Message {
    Message::Close(Some(CloseFrame {
        code,
        reason: Utf8Bytes::from_static(reason),
    }))
}

async fn sleep_until(deadline: Option<Instant>) {
    match deadline {
        Some(deadline) => tokio::time::sleep_until(deadline).await,
        None => std::future::pending().await,
    }
}

impl Client {
    /// Writes as much of the queue as the window allows, each message followed by a ping that
    /// carries the byte count so far (the client's pong says it read that far).
    async fn write_ready(&mut self) -> Result<(), End> {
        while let Some((text, mark)) = self.queue.next_to_write(Instant::now()) {
            let sink = &mut self.sink;
            let write = async {
                sink.feed(Message::Text(text)).await?;
                sink.send(Message::Ping(mark.to_be_bytes().to_vec().into()))
                    .await
            };
            match tokio::time::timeout(SEND_TIMEOUT, write).await {
                Ok(Ok(())) => {}
                Ok(Err(_)) => return Err(End::Failed),
                Err(_) => return Err(End::SendBlocked),
            }
        }
        Ok(())
    }

    /// Queues a live message; a client that this puts past its bounds is lagging.
    fn push(&mut self, text: Utf8Bytes) -> Result<(), End> {
        self.queue.push(text).map_err(End::TooSlow)
    }

    /// Sends `text` after everything queued before it, however big it is (the welcome, the
    /// replay, a snapshot), waiting while the client reads; a client that stops reading is
    /// lagging after `STALL_AFTER`.
    async fn send_paced(&mut self, text: Utf8Bytes) -> Result<(), End> {
        self.queue.push_unbounded(text);
        loop {
            self.write_ready().await?;
            if self.queue.is_empty() {
                return Ok(());
            }
            let stall = self.queue.stall_deadline();
            tokio::select! {
                message = self.stream.next() => self.heard(message)?,
                _ = sleep_until(stall) => self.queue.check_stalled(Instant::now()).map_err(End::TooSlow)?,
            }
        }
    }

    /// Takes what the client said: pongs move its queue on; a close or an error ends it.
    fn heard(&mut self, message: Option<Result<Message, axum::Error>>) -> Result<(), End> {
        match message {
            Some(Ok(Message::Close(_))) | None | Some(Err(_)) => Err(End::ClientLeft),
            Some(Ok(message)) => {
                self.last_heard = Instant::now();
                if let Message::Pong(payload) = message {
                    self.queue.pong(&payload);
                }
                Ok(())
            }
        }
    }

    /// Sends the close frame that goes with `end`, if any, then gives the connection slot back.
    ///
    /// A client cut for being slow first gets what was already on its way (a window at most),
    /// then the close frame. The socket stays open (but no longer counts as a connection) until
    /// the client answers the close or `LINGER` ends: closing it earlier would make the pongs
    /// the client sends while it reads the rest arrive at a closed socket, and the kernel would
    /// reset the connection, throwing away the close frame.
    async fn close(mut self, end: &End, slot: Slot, stopping: &mut watch::Receiver<bool>) {
        let frame = match end {
            End::Unauthorized => close(CLOSE_UNAUTHORIZED, "unauthorized"),
            End::TooSlow(_) | End::SendBlocked | End::MissedLiveEvents => {
                close(CLOSE_RESYNC, "resync")
            }
            End::ServerStopping => close(1001, "server stopping"),
            End::NoHello => close(1008, "send hello first"),
            End::ClientLeft | End::PeerSilent | End::Failed => return,
        };
        let lagging = matches!(
            end,
            End::TooSlow(_) | End::SendBlocked | End::MissedLiveEvents
        );
        self.queue = ClientQueue::default();
        let sent = tokio::time::timeout(CLOSE_TIMEOUT, self.sink.send(frame)).await;
        drop(slot);
        if !lagging || !matches!(sent, Ok(Ok(()))) {
            return;
        }
        let answered = async {
            while let Some(Ok(message)) = self.stream.next().await {
                if matches!(message, Message::Close(_)) {
                    break;
                }
            }
        };
        tokio::select! {
            _ = tokio::time::timeout(LINGER, answered) => {}
            _ = stopping.wait_for(|stopping| *stopping) => {}
        }
    }
}

pub(super) async fn serve(
    state: AppState,
    socket: WebSocket,
    viewer: Viewer,
    checked_token: Option<String>,
    slot: Slot,
) {
    let mut stopping = state.hub.stopping.subscribe();
    let (sink, stream) = socket.split();
    let mut client = Client {
        sink,
        stream,
        queue: ClientQueue::default(),
        last_heard: Instant::now(),
    };
    let end = run_connection(&state, &mut client, &viewer, checked_token).await;
    match &end {
        End::TooSlow(why) => {
            tracing::info!(
                ?why,
                "a live screen fell behind; closing it with 4000 resync"
            );
        }
        End::SendBlocked | End::MissedLiveEvents => {
            tracing::info!(
                ?end,
                "a live screen fell behind; closing it with 4000 resync"
            );
        }
        _ => tracing::debug!(?end, "live connection ended"),
    }
    client.close(&end, slot, &mut stopping).await;
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
    client: &mut Client,
    viewer: &Viewer,
    checked_token: Option<String>,
) -> End {
    let hello = match read_hello(&mut client.stream).await {
        Ok(hello) => hello,
        Err(end) => return end,
    };
    // The staff socket's token: checked with the request already, or now, from the hello. It is
    // kept to check again while the socket is open.
    let token = match (checked_token, hello.token) {
        (Some(token), _) => Some(token),
        (None, Some(token)) if matches!(viewer, Viewer::Staff) => state
            .shop
            .authorize_token(&token, super::FOLLOW_ORDERS, Utc::now())
            .await
            .ok()
            .map(|_| token),
        (None, _) => None,
    };
    if matches!(viewer, Viewer::Staff) && token.is_none() {
        return End::Unauthorized;
    }

    // Subscribe before reading the log: nothing committed from here on can be missed.
    let mut feed = state.hub.feed.subscribe();
    let last_queued = match catch_up(state, client, viewer, hello.after).await {
        Ok(seq) => seq,
        Err(end) => return end,
    };
    match live(
        state,
        client,
        viewer,
        token.as_deref(),
        &mut feed,
        last_queued,
    )
    .await
    {
        Ok(never) => match never {},
        Err(end) => end,
    }
}

/// Whether a staff socket's token still holds: `Unauthorized` when its session ended (the person
/// stopped, a PIN reset, a logout, a device unpaired) or its role may no longer follow orders.
/// A database that cannot answer for a moment keeps the socket open.
async fn still_valid(state: &AppState, token: &str) -> Result<(), End> {
    match state
        .shop
        .authorize_token(token, super::FOLLOW_ORDERS, Utc::now())
        .await
    {
        Ok(_) => Ok(()),
        Err(AppError::Unauthorized(_) | AppError::Forbidden(_)) => Err(End::Unauthorized),
        Err(error) => {
            tracing::warn!(%error, "could not check a live screen's session; checking again later");
            Ok(())
        }
    }
}

/// Passes live events on until the connection ends.
async fn live(
    state: &AppState,
    client: &mut Client,
    viewer: &Viewer,
    token: Option<&str>,
    feed: &mut broadcast::Receiver<std::sync::Arc<RenderedEvent>>,
    mut last_queued: i64,
) -> Result<std::convert::Infallible, End> {
    let mut stopping = state.hub.stopping.subscribe();
    if *stopping.borrow_and_update() {
        return Err(End::ServerStopping);
    }
    let mut credentials_ended = state.hub.credentials_ended.subscribe();
    credentials_ended.borrow_and_update();
    // Credentials may have ended while the socket caught up.
    if let Some(token) = token {
        still_valid(state, token).await?;
    }
    let mut ping = tokio::time::interval(PING_EVERY);
    ping.tick().await;
    loop {
        client.write_ready().await?;
        let stall = client.queue.stall_deadline();
        tokio::select! {
            event = feed.recv() => match event {
                Ok(event) => {
                    if event.seq <= last_queued {
                        continue; // already sent by the replay
                    }
                    if event.seq > last_queued + 1 && matches!(viewer, Viewer::Staff) {
                        // Should not happen (the feed fills its own gaps), but never skip.
                        replay(state, client, viewer, last_queued, event.seq - 1).await?;
                    }
                    if let Some(text) = viewer.sees(&event) {
                        client.push(text)?;
                    }
                    last_queued = event.seq;
                }
                Err(broadcast::error::RecvError::Lagged(_)) => return Err(End::MissedLiveEvents),
                Err(broadcast::error::RecvError::Closed) => return Err(End::ServerStopping),
            },
            message = client.stream.next() => client.heard(message)?,
            _ = sleep_until(stall) => {
                client.queue.check_stalled(Instant::now()).map_err(End::TooSlow)?;
            }
            _ = stopping.changed() => return Err(End::ServerStopping),
            Ok(()) = credentials_ended.changed() => {
                if let Some(token) = token {
                    still_valid(state, token).await?;
                }
            }
            _ = ping.tick() => {
                if client.last_heard.elapsed() > PEER_TIMEOUT {
                    return Err(End::PeerSilent);
                }
                if let Some(token) = token {
                    still_valid(state, token).await?;
                }
                // The ping frame after it (see `write_ready`) asks for the pong.
                client.push(control(serde_json::json!({ "type": "ping", "at": Utc::now() })))?;
            }
        }
    }
}

/// Sends `welcome`, then either the events after `after` or a snapshot. Returns the seq the
/// client is now current at.
async fn catch_up(
    state: &AppState,
    client: &mut Client,
    viewer: &Viewer,
    after: Option<i64>,
) -> Result<i64, End> {
    let page = state
        .shop
        .events_after(i64::MAX, 0)
        .await
        .map_err(|_| End::Failed)?;
    client
        .send_paced(control(
            serde_json::json!({ "type": "welcome", "head_seq": page.head_seq }),
        ))
        .await?;
    let only = match viewer {
        Viewer::Staff => None,
        Viewer::Customer { order_id } => Some(*order_id),
        // Its page fetches the menu after `welcome`: nothing to catch up.
        Viewer::MenuReader => return Ok(page.head_seq),
    };
    let behind_horizon = after.is_some_and(|a| a + 1 < page.oldest_seq && a < page.head_seq);
    // Customers joining fresh get their order's current state; so does anyone past the horizon.
    let wants_snapshot = behind_horizon
        || (after.is_none() && only.is_some())
        || after.is_some_and(|a| a > page.head_seq);
    match after {
        Some(after) if !wants_snapshot => replay(state, client, viewer, after, i64::MAX).await,
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
            client
                .send_paced(control(serde_json::json!({
                    "type": "snapshot", "seq": snapshot.head_seq, "data": data
                })))
                .await?;
            Ok(snapshot.head_seq)
        }
    }
}

/// Sends the logged events in `(after, until]` the viewer may see; returns the last seq covered.
async fn replay(
    state: &AppState,
    client: &mut Client,
    viewer: &Viewer,
    after: i64,
    until: i64,
) -> Result<i64, End> {
    let mut cursor = after;
    match viewer {
        // Never replayed (see `catch_up`): the page fetches the menu itself.
        Viewer::MenuReader => Ok(until.max(after)),
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
                if let Some(text) = render(event, Audience::Customer) {
                    client.send_paced(text).await?;
                }
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
                if let Some(text) = render(event, Audience::Staff) {
                    client.send_paced(text).await?;
                }
                cursor = event.seq;
            }
            if batch.len() < REPLAY_PAGE as usize {
                return Ok(cursor);
            }
        },
    }
}
