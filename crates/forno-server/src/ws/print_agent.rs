//! `GET /api/v1/print-agent`: a print agent's socket (a paired device with the role `printer`).
//!
//! Server → agent: `{"type":"job","job_id":N,"data":"<base64 of the ESC/POS bytes>"}`.
//! Agent → server: `{"type":"ack","job_id":N}` once printed, or
//! `{"type":"fail","job_id":N,"error":"…","uncertain":false}` (true when sending broke off
//! half way). A job sent and not answered when the socket ends may have printed: the print
//! worker leaves it for a person. Jobs not yet sent go back to waiting.

use std::collections::HashMap;
use std::time::Duration;

use axum::extract::State;
use axum::extract::ws::rejection::WebSocketUpgradeRejection;
use axum::extract::ws::{Message, WebSocket, WebSocketUpgrade};
use axum::response::{IntoResponse, Response};
use base64::Engine;
use forno_app::printing::{AgentAnswer, AgentConnection};
use serde::Deserialize;
use tokio::sync::oneshot;

use super::upgrade_or_explain;
use crate::auth::Staff;
use crate::error::ApiResult;
use crate::state::AppState;

#[utoipa::path(get, path = "/print-agent", tag = "staff", operation_id = "print_agent_socket",
    description = "A print agent's socket (role `printer`; see docs/api.md \"Print agent\"): jobs as base64 ESC/POS, answered with ack or fail.",
    responses((status = 101, description = "Switched to the WebSocket protocol"),
        (status = 400, description = "Not a WebSocket handshake"),
        (status = 426, description = "The connection cannot be upgraded to a WebSocket")))]
pub async fn connect(
    State(state): State<AppState>,
    staff: Staff,
    upgrade: Result<WebSocketUpgrade, WebSocketUpgradeRejection>,
) -> ApiResult<Response> {
    let upgrade = upgrade_or_explain(upgrade)?;
    let actor = staff.actor;
    Ok(upgrade
        .on_upgrade(move |socket| async move {
            match state.shop.print_agent_connected(&actor).await {
                Ok(connection) => serve(state, socket, connection).await,
                Err(e) => tracing::warn!(error = %e, "a print agent was refused"),
            }
        })
        .into_response())
}

#[derive(Deserialize)]
struct Answer {
    #[serde(rename = "type")]
    kind: String,
    job_id: i64,
    #[serde(default)]
    error: Option<String>,
    #[serde(default)]
    uncertain: bool,
}

async fn serve(state: AppState, mut socket: WebSocket, mut connection: AgentConnection) {
    let mut in_flight: HashMap<i64, oneshot::Sender<AgentAnswer>> = HashMap::new();
    let mut ping = tokio::time::interval(Duration::from_secs(10));
    loop {
        tokio::select! {
            job = connection.jobs.recv() => {
                let Some(job) = job else { break };
                let text = serde_json::json!({
                    "type": "job",
                    "job_id": job.job_id,
                    "data": base64::engine::general_purpose::STANDARD.encode(&job.bytes),
                })
                .to_string();
                if socket.send(Message::Text(text.into())).await.is_err() {
                    let _ = job.answer.send(AgentAnswer::Failed(
                        "the agent's connection broke before the job was sent".into(),
                    ));
                    break;
                }
                in_flight.insert(job.job_id, job.answer);
            }
            message = socket.recv() => match message {
                Some(Ok(Message::Text(text))) => {
                    let Ok(answer) = serde_json::from_str::<Answer>(text.as_str()) else {
                        tracing::warn!("a print agent sent something unreadable");
                        continue;
                    };
                    let Some(reply) = in_flight.remove(&answer.job_id) else { continue };
                    let error = answer.error.unwrap_or_else(|| "no reason given".into());
                    let _ = reply.send(match (answer.kind.as_str(), answer.uncertain) {
                        ("ack", _) => AgentAnswer::Printed,
                        (_, true) => AgentAnswer::Uncertain(error),
                        _ => AgentAnswer::Failed(error),
                    });
                }
                Some(Ok(Message::Close(_))) | Some(Err(_)) | None => break,
                Some(Ok(_)) => {}
            },
            _ = ping.tick() => {
                if socket.send(Message::Ping(Default::default())).await.is_err() {
                    break;
                }
            }
        }
    }
    // Jobs handed over but never sent did not print: they wait for the agent again. Jobs sent
    // and unanswered are dropped here, which the worker reads as "may have printed".
    connection.jobs.close();
    while let Ok(job) = connection.jobs.try_recv() {
        let _ = job.answer.send(AgentAnswer::Failed(
            "the print agent disconnected before the job was sent".into(),
        ));
    }
    drop(in_flight);
    state.shop.print_agent_gone(connection).await;
}
