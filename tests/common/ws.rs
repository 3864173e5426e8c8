//! WebSocket clients speaking Forno's real-time protocol (docs/api.md "Real-time").

use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use serde_json::{Value, json};
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::net::TcpStream;
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
    Other(Value),
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
    let socket = tokio::net::TcpSocket::new_v4().unwrap();
    socket.set_recv_buffer_size(4096).unwrap();
    let stream = socket
        .connect(([127, 0, 0, 1], port).into())
        .await
        .map_err(|e| Refused {
            status: None,
            error: e.to_string(),
        })?;
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
                    _ => return Some(Incoming::Other(v)),
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
