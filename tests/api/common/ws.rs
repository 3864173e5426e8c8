//! WebSocket clients speaking Forno's real-time protocol (docs/api.md "Real-time").

use std::time::{Duration, Instant};

use futures_util::{SinkExt, StreamExt};
use serde_json::{Value, json};
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::net::TcpStream;
use tokio::sync::watch;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::http::HeaderValue;
use tokio_tungstenite::tungstenite::{self, Message};
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream};

pub type Ws = WebSocketStream<MaybeTlsStream<TcpStream>>;

/// What a client sees on its socket.
#[derive(Debug, Clone)]
pub enum Incoming {
    Welcome {
        head_seq: u64,
    },
    Event(Value),
    Snapshot(Value),
    /// The server closed the socket (with a close code, if it sent a close frame) or the
    /// connection died.
    Closed {
        code: Option<u16>,
        reason: String,
    },
    /// Any other message (a `pong` answer, a type this test does not look at).
    Other,
}

/// Why a WebSocket handshake failed: the HTTP status if the server answered one.
#[derive(Debug)]
pub struct Refused {
    pub status: Option<u16>,
    pub error: String,
}

fn refused(e: tungstenite::Error) -> Refused {
    let status = match &e {
        tungstenite::Error::Http(resp) => Some(resp.status().as_u16()),
        _ => None,
    };
    Refused {
        status,
        error: e.to_string(),
    }
}

/// Connects to the staff stream with `Authorization: Bearer <token>`.
pub async fn connect_staff(url: &str, token: &str) -> Result<Ws, Refused> {
    let mut req = url.into_client_request().expect("a valid ws url");
    req.headers_mut().insert(
        "Authorization",
        HeaderValue::from_str(&format!("Bearer {token}")).unwrap(),
    );
    tokio_tungstenite::connect_async(req)
        .await
        .map(|(ws, _)| ws)
        .map_err(refused)
}

/// Connects to the staff stream over a socket with a tiny receive buffer, so that a client
/// that stops reading makes the server's queue for it grow quickly.
pub async fn connect_staff_small_buffer(
    url: &str,
    port: u16,
    token: &str,
) -> Result<WebSocketStream<TcpStream>, Refused> {
    let stream = connect_tcp(port, 4096).await?;
    connect_staff_over(stream, url, token).await
}

/// A loopback TCP connection with the given receive buffer.
pub async fn connect_tcp(port: u16, recv_buffer: u32) -> Result<TcpStream, Refused> {
    let socket = tokio::net::TcpSocket::new_v4().unwrap();
    socket.set_recv_buffer_size(recv_buffer).unwrap();
    socket
        .connect(([127, 0, 0, 1], port).into())
        .await
        .map_err(|e| Refused {
            status: None,
            error: e.to_string(),
        })
}

/// Connects to the staff stream over `stream` (e.g. one that reads slowly).
pub async fn connect_staff_over<S>(
    stream: S,
    url: &str,
    token: &str,
) -> Result<WebSocketStream<S>, Refused>
where
    S: AsyncRead + AsyncWrite + Unpin,
{
    let mut req = url.into_client_request().expect("a valid ws url");
    req.headers_mut().insert(
        "Authorization",
        HeaderValue::from_str(&format!("Bearer {token}")).unwrap(),
    );
    tokio_tungstenite::client_async(req, stream)
        .await
        .map(|(ws, _)| ws)
        .map_err(refused)
}

pub async fn connect_customer(url: &str) -> Result<Ws, Refused> {
    tokio_tungstenite::connect_async(url)
        .await
        .map(|(ws, _)| ws)
        .map_err(refused)
}

/// `{"type":"hello","after":SEQ}`; `None` means "live only".
pub async fn hello<S>(ws: &mut WebSocketStream<S>, after: Option<u64>)
where
    S: AsyncRead + AsyncWrite + Unpin,
{
    let msg = json!({ "type": "hello", "after": after }).to_string();
    ws.send(Message::text(msg)).await.expect("send hello");
}

/// The next protocol message, answering pings on the way. `None` when nothing arrives within
/// `timeout`.
pub async fn next<S>(ws: &mut WebSocketStream<S>, timeout: Duration) -> Option<Incoming>
where
    S: AsyncRead + AsyncWrite + Unpin,
{
    let deadline = tokio::time::Instant::now() + timeout;
    loop {
        let msg = match tokio::time::timeout_at(deadline, ws.next()).await {
            Err(_) => return None,
            Ok(None) => {
                return Some(Incoming::Closed {
                    code: None,
                    reason: "stream ended".into(),
                });
            }
            Ok(Some(Err(e))) => {
                return Some(Incoming::Closed {
                    code: None,
                    reason: e.to_string(),
                });
            }
            Ok(Some(Ok(m))) => m,
        };
        match msg {
            Message::Text(text) => {
                let v: Value = serde_json::from_str(text.as_str())
                    .unwrap_or_else(|e| panic!("server sent non-JSON text ({e}): {text}"));
                match v["type"].as_str() {
                    Some("ping") => {
                        let _ = ws.send(Message::text(r#"{"type":"pong"}"#)).await;
                    }
                    Some("welcome") => {
                        return Some(Incoming::Welcome {
                            head_seq: v["head_seq"].as_u64().unwrap_or_else(|| {
                                panic!("welcome without a numeric head_seq: {v}")
                            }),
                        });
                    }
                    Some("snapshot") => return Some(Incoming::Snapshot(v)),
                    _ if v["seq"].is_u64() => return Some(Incoming::Event(v)),
                    _ => return Some(Incoming::Other),
                }
            }
            Message::Close(frame) => {
                return Some(Incoming::Closed {
                    code: frame.as_ref().map(|f| u16::from(f.code)),
                    reason: frame.map(|f| f.reason.to_string()).unwrap_or_default(),
                });
            }
            Message::Binary(_) | Message::Ping(_) | Message::Pong(_) | Message::Frame(_) => {}
        }
    }
}

/// The next event exactly as the server sent it (the text frame), answering pings and skipping
/// the welcome; `None` if the socket closes or nothing comes within `timeout`.
pub async fn next_event_text<S>(ws: &mut WebSocketStream<S>, timeout: Duration) -> Option<String>
where
    S: AsyncRead + AsyncWrite + Unpin,
{
    let deadline = tokio::time::Instant::now() + timeout;
    loop {
        let msg = match tokio::time::timeout_at(deadline, ws.next()).await {
            Ok(Some(Ok(msg))) => msg,
            _ => return None,
        };
        match msg {
            Message::Text(text) => {
                let v: Value = serde_json::from_str(text.as_str()).expect("JSON from the server");
                match v["type"].as_str() {
                    Some("ping") => {
                        let _ = ws.send(Message::text(r#"{"type":"pong"}"#)).await;
                    }
                    Some("welcome") => {}
                    _ if v["seq"].is_u64() => return Some(text.as_str().to_owned()),
                    _ => panic!("expected an event, got {text}"),
                }
            }
            Message::Close(_) => return None,
            _ => {}
        }
    }
}

/// Waits for the welcome that follows a hello.
pub async fn expect_welcome<S>(ws: &mut WebSocketStream<S>) -> u64
where
    S: AsyncRead + AsyncWrite + Unpin,
{
    match next(ws, Duration::from_secs(10)).await {
        Some(Incoming::Welcome { head_seq }) => head_seq,
        other => panic!("expected a welcome after hello, got {other:?}"),
    }
}

/// What one client saw.
#[derive(Debug, Default, Clone)]
pub struct Seen {
    pub connections: usize,
    pub events: Vec<(u64, String)>,
    pub received_at: Vec<Instant>,
    pub problems: Vec<String>,
}

impl Seen {
    pub fn last(&self) -> u64 {
        self.events.last().map_or(0, |(s, _)| *s)
    }

    pub fn seqs(&self) -> Vec<u64> {
        self.events.iter().map(|(s, _)| *s).collect()
    }

    /// Records an event, noting a gap or a duplicate.
    pub fn take(&mut self, event: &Value) {
        let seq = event["seq"].as_u64().unwrap();
        let expected = self.last() + 1;
        if seq != expected {
            self.problems.push(format!(
                "got seq {seq} after {} ({})",
                self.last(),
                if seq < expected { "duplicate" } else { "gap" }
            ));
        }
        self.events
            .push((seq, event["type"].as_str().unwrap_or("?").to_string()));
        self.received_at.push(Instant::now());
    }
}

/// Reads a staff stream until it has seen `target` (once the driver knows it) or `limit` ends.
pub async fn read_until_target<S>(
    mut socket: WebSocketStream<S>,
    mut target: watch::Receiver<u64>,
    limit: Duration,
) -> Seen
where
    S: AsyncRead + AsyncWrite + Unpin,
{
    let mut seen = Seen::default();
    let deadline = Instant::now() + limit;
    loop {
        let goal = *target.borrow_and_update();
        if goal > 0 && seen.last() >= goal {
            return seen;
        }
        if Instant::now() > deadline {
            seen.problems
                .push(format!("stopped at seq {} waiting for {goal}", seen.last()));
            return seen;
        }
        match next(&mut socket, Duration::from_millis(200)).await {
            None => {}
            Some(Incoming::Event(e)) => seen.take(&e),
            Some(Incoming::Closed { code, reason }) => {
                seen.problems
                    .push(format!("closed ({code:?} {reason}) at seq {}", seen.last()));
                return seen;
            }
            Some(other) => seen.problems.push(format!("unexpected message {other:?}")),
        }
    }
}
