//! The print agent (`forno print-agent`): runs on a PC with a printer, keeps a WebSocket to the
//! shop's server (`/api/v1/print-agent`, its paired device token as bearer), prints each job it
//! gets on its local printer and answers `ack` or `fail`. It reconnects with backoff forever;
//! jobs that arrive while it is away wait in the shop's outbox and come when it is back.

use std::time::Duration;

use base64::Engine;
use futures_util::{SinkExt, StreamExt};
use serde::Deserialize;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::http::HeaderValue;

use crate::transport::{self, Connection, SendError, Timeouts};

/// What the agent needs to know.
#[derive(Debug, Clone)]
pub struct AgentConfig {
    /// `http://192.168.1.10:8080`, the shop's server.
    pub server: String,
    /// The token the agent got when it was paired (role `printer`).
    pub token: String,
    /// Its local printer.
    pub printer: Connection,
    /// Ask the printer for its status before each job (two-way links).
    pub ask_status: bool,
}

#[derive(Deserialize)]
struct JobMessage {
    #[serde(rename = "type")]
    kind: String,
    job_id: i64,
    data: String,
}

fn socket_url(server: &str) -> String {
    let base = server.trim_end_matches('/');
    let base = base
        .strip_prefix("https://")
        .map(|rest| format!("wss://{rest}"))
        .or_else(|| {
            base.strip_prefix("http://")
                .map(|rest| format!("ws://{rest}"))
        })
        .unwrap_or_else(|| base.to_owned());
    format!("{base}/api/v1/print-agent")
}

/// Runs until the process ends: connect, print, answer; on any break wait and connect again.
pub async fn run(config: AgentConfig) {
    let mut wait = Duration::from_millis(250);
    loop {
        match session(&config).await {
            Ok(()) => {
                tracing::warn!("the shop closed the connection; reconnecting");
                wait = Duration::from_millis(250);
            }
            Err(e) => tracing::warn!(error = %e, retry_in = ?wait, "print agent not connected"),
        }
        tokio::time::sleep(wait).await;
        wait = (wait * 2).min(Duration::from_secs(5));
    }
}

/// One connection: until the socket ends.
async fn session(config: &AgentConfig) -> Result<(), String> {
    let mut request = socket_url(&config.server)
        .into_client_request()
        .map_err(|e| e.to_string())?;
    let bearer = HeaderValue::from_str(&format!("Bearer {}", config.token))
        .map_err(|_| "the token holds characters a header cannot".to_owned())?;
    request.headers_mut().insert("Authorization", bearer);
    let (mut socket, _) = tokio_tungstenite::connect_async(request)
        .await
        .map_err(|e| format!("cannot connect to {}: {e}", config.server))?;
    tracing::info!(server = %config.server, "print agent connected");
    while let Some(message) = socket.next().await {
        let message = message.map_err(|e| e.to_string())?;
        let Message::Text(text) = message else {
            continue;
        };
        let Ok(job) = serde_json::from_str::<JobMessage>(text.as_str()) else {
            tracing::warn!("the shop sent something this agent does not read");
            continue;
        };
        if job.kind != "job" {
            continue;
        }
        let answer = match base64::engine::general_purpose::STANDARD.decode(job.data.as_bytes()) {
            Err(_) => serde_json::json!({ "type": "fail", "job_id": job.job_id,
                                          "error": "the job's data is not base64", "uncertain": false }),
            Ok(bytes) => {
                match transport::send(
                    &config.printer,
                    &bytes,
                    config.ask_status,
                    Timeouts::default(),
                )
                .await
                {
                    Ok(_) => serde_json::json!({ "type": "ack", "job_id": job.job_id }),
                    Err(e) => serde_json::json!({
                        "type": "fail", "job_id": job.job_id, "error": e.to_string(),
                        "uncertain": matches!(e, SendError::Interrupted(_)),
                    }),
                }
            }
        };
        tracing::info!(job = job.job_id, answer = %answer["type"], "print job");
        socket
            .send(Message::Text(answer.to_string().into()))
            .await
            .map_err(|e| e.to_string())?;
    }
    Ok(())
}
