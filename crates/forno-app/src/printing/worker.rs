//! The print worker (`print` jobs) and the printer watch (status of troubled printers).

use std::time::Duration;

use chrono::{DateTime, Utc};
use forno_print::layout::SlipKind;
use forno_print::transport::{self, Timeouts};
use forno_print::{Connection as Link, Document, PrinterState, SendError, encode, layout, profile};
use forno_store::outbox::{Job, JobState};
use forno_store::{Connection, StoreError};
use serde_json::json;
use tokio::sync::watch;

use super::agents::{AgentAnswer, AgentJob};
use super::{Layout, PRINT_KIND, job_event, payload_of, printer_event, render};
use crate::events::{PublishedEvent, publish};
use crate::workers::{Backoff, Effect, JobError, JobHandler, RunFuture};
use crate::{AppError, Shop};

/// Sends `print` jobs. Printing twice is visible, so an interrupted job asks a person.
pub struct PrintHandler {
    shop: Shop,
}

impl PrintHandler {
    pub fn new(shop: Shop) -> PrintHandler {
        PrintHandler { shop }
    }
}

/// What a job needs, read in one go.
struct Prepared {
    printer: forno_store::printers::PrinterRow,
    bytes: Vec<u8>,
}

fn now_local(shop: &Shop, at: DateTime<Utc>) -> String {
    at.with_timezone(&shop.settings().tz())
        .format("%d-%m-%Y %H:%M")
        .to_string()
}

impl PrintHandler {
    async fn prepare(&self, job: &Job) -> Result<Prepared, JobError> {
        let payload = payload_of(job)
            .ok_or_else(|| JobError::Permanent("the print job's payload is unreadable".into()))?;
        let (id, order_id, target) = (job.id, job.order_id, job.target.clone());
        let read = self
            .shop
            .read(move |conn| {
                let printer = forno_store::printers::get(conn, payload.printer_id)?;
                let earlier = forno_store::outbox::earlier_pending(conn, PRINT_KIND, &target, id)?;
                let order = match order_id {
                    Some(order_id) => forno_store::orders::get(conn, order_id)?,
                    None => None,
                };
                Ok((printer, earlier, order))
            })
            .await
            .map_err(|e: AppError| JobError::Retry(e.to_string()))?;
        let (printer, earlier, order) = read;
        let printer = printer.ok_or_else(|| {
            JobError::Permanent("the printer was removed; move the job to another printer".into())
        })?;
        if earlier {
            return Err(JobError::Retry(
                "waiting for an earlier ticket on this printer".into(),
            ));
        }
        if !printer.enabled {
            return Err(JobError::Retry(
                "the printer is switched off in the settings".into(),
            ));
        }
        let profile = profile::by_id(&printer.profile).ok_or_else(|| {
            JobError::Permanent(format!("unknown printer profile {}", printer.profile))
        })?;
        let settings = self.shop.settings();
        let order = || {
            order
                .as_ref()
                .ok_or_else(|| JobError::Permanent("the job's order does not exist".into()))
        };
        let slip = |kind| -> Result<Document, JobError> {
            Ok(layout::kitchen_slip(
                &render::kitchen_slip(
                    order()?,
                    &settings,
                    kind,
                    payload.copy,
                    payload.station.as_deref(),
                    payload.lines.as_deref().unwrap_or_default(),
                ),
                profile.columns,
            ))
        };
        let doc: Document = match payload.layout {
            Layout::Test => layout::test_page(
                &printer.name,
                &profile.name,
                profile.columns,
                &now_local(&self.shop, Utc::now()),
            ),
            Layout::Drawer => layout::drawer_kick(profile.columns),
            Layout::Kitchen => layout::kitchen_ticket(
                &render::ticket(
                    order()?,
                    &settings,
                    payload.copy,
                    payload.station.as_deref(),
                    payload.lines.as_deref(),
                ),
                profile.columns,
            ),
            Layout::KitchenVoid => slip(SlipKind::LineVoided)?,
            Layout::KitchenCancel => slip(SlipKind::OrderCancelled)?,
            Layout::Receipt => layout::receipt(
                &render::receipt(
                    order()?,
                    &settings,
                    self.shop.config().public_url(),
                    payload.copy,
                ),
                profile.columns,
            ),
        };
        Ok(Prepared {
            bytes: encode::encode(&doc, &profile),
            printer,
        })
    }
}

impl PrintHandler {
    /// Hands the job to the printer's agent and waits for its answer.
    async fn through_agent(
        &self,
        job: &Job,
        printer: &forno_store::printers::PrinterRow,
        bytes: Vec<u8>,
    ) -> Result<serde_json::Value, JobError> {
        let agent = printer.address.clone();
        let not_connected = || JobError::Retry(format!("the print agent {agent} is not connected"));
        let Some(tx) = self.shop.print_agents().sender(&agent) else {
            set_printer_state(&self.shop, printer.id, PrinterState::AgentAway).await;
            return Err(not_connected());
        };
        let (answer, answered) = tokio::sync::oneshot::channel();
        let size = bytes.len();
        if tx
            .send(AgentJob {
                job_id: job.id,
                bytes,
                answer,
            })
            .await
            .is_err()
        {
            set_printer_state(&self.shop, printer.id, PrinterState::AgentAway).await;
            return Err(not_connected());
        }
        match tokio::time::timeout(AGENT_ANSWER, answered).await {
            Ok(Ok(AgentAnswer::Printed)) => {
                set_printer_state(&self.shop, printer.id, PrinterState::Online).await;
                Ok(json!({ "bytes": size, "via_agent": agent }))
            }
            Ok(Ok(AgentAnswer::Failed(e))) => {
                Err(JobError::Retry(format!("the print agent {agent}: {e}")))
            }
            Ok(Ok(AgentAnswer::Uncertain(e))) => {
                Err(JobError::Uncertain(format!("the print agent {agent}: {e}")))
            }
            Ok(Err(_)) => Err(JobError::Uncertain(format!(
                "the print agent {agent} went away while printing"
            ))),
            Err(_) => Err(JobError::Uncertain(format!(
                "no answer from the print agent {agent} within {} s",
                AGENT_ANSWER.as_secs()
            ))),
        }
    }
}

/// How long the worker waits for an agent's answer (within the job's lease).
const AGENT_ANSWER: Duration = Duration::from_secs(25);

impl JobHandler for PrintHandler {
    fn kinds(&self) -> Vec<String> {
        vec![PRINT_KIND.to_owned()]
    }

    fn effect(&self) -> Effect {
        Effect::AskAPerson
    }

    fn lease(&self) -> Duration {
        Duration::from_secs(30)
    }

    fn concurrency(&self) -> usize {
        // Several printers at once; one printer's jobs still go out in order (`prepare`).
        4
    }

    fn backoff(&self) -> Backoff {
        Backoff {
            first: Duration::from_millis(500),
            max: Duration::from_secs(15),
        }
    }

    fn run<'a>(&'a self, job: &'a Job) -> RunFuture<'a> {
        Box::pin(async move {
            let prepared = self.prepare(job).await?;
            let printer = &prepared.printer;
            let link = Link::parse(&printer.connection, &printer.address)
                .map_err(|(_, en)| JobError::Permanent(en.to_owned()))?;
            if matches!(link, Link::Agent { .. }) {
                return self.through_agent(job, printer, prepared.bytes).await;
            }
            let profile = profile::by_id(&printer.profile).expect("checked in prepare");
            let ask = profile.status && link.two_way();
            let result = transport::send(&link, &prepared.bytes, ask, Timeouts::default()).await;
            let state = match &result {
                Ok(state) => *state,
                Err(SendError::NotReady(state)) => *state,
                Err(SendError::Unreachable(_) | SendError::Interrupted(_)) => PrinterState::Offline,
                Err(SendError::Unsupported(_)) => PrinterState::Error,
            };
            set_printer_state(&self.shop, printer.id, state).await;
            match result {
                Ok(state) => Ok(json!({
                    "bytes": prepared.bytes.len(),
                    "printer_state": state.as_str(),
                })),
                Err(SendError::NotReady(state)) => Err(JobError::Retry(format!(
                    "printer {}: {}",
                    printer.name,
                    state.words().1
                ))),
                Err(SendError::Unreachable(e)) => Err(JobError::Retry(format!(
                    "printer {} not reachable: {e}",
                    printer.name
                ))),
                Err(SendError::Interrupted(e)) => Err(JobError::Uncertain(format!(
                    "sending to printer {} broke off half way ({e}); part of the ticket may have printed",
                    printer.name
                ))),
                Err(SendError::Unsupported(e)) => Err(JobError::Permanent(e)),
            }
        })
    }

    fn on_change(
        &self,
        conn: &Connection,
        job: &Job,
        now: DateTime<Utc>,
    ) -> Result<Vec<PublishedEvent>, StoreError> {
        if job.state == JobState::Done && super::job_state(job) == "printed" {
            // The printer works: its waiting tickets go now, in order.
            forno_store::outbox::due_now(conn, PRINT_KIND, &job.target, now)?;
        }
        Ok(vec![job_event(conn, job, now)?])
    }

    fn publish(&self, events: &[PublishedEvent]) {
        publish(&self.shop.bus(), events);
    }
}

/// Records the state a printer reported and, when it changed, tells the staff stream. A printer
/// that can print again gets its waiting tickets at once.
pub(super) async fn set_printer_state(shop: &Shop, printer_id: i64, state: PrinterState) {
    let bus = shop.bus();
    let waker = shop.outbox_waker();
    let now = Utc::now();
    let written = shop
        .store()
        .write(
            move |conn| -> Result<Vec<PublishedEvent>, StoreError> {
                if !forno_store::printers::set_state(conn, printer_id, state.as_str(), now)? {
                    return Ok(Vec::new());
                }
                if state.can_print() {
                    forno_store::outbox::due_now(conn, PRINT_KIND, &printer_id.to_string(), now)?;
                }
                match forno_store::printers::get(conn, printer_id)? {
                    Some(row) => Ok(vec![printer_event(conn, &row, false, now)?]),
                    None => Ok(Vec::new()),
                }
            },
            move |events| {
                if !events.is_empty() {
                    publish(&bus, events);
                    waker.wake();
                }
            },
        )
        .await;
    if let Err(e) = written {
        tracing::error!(printer = printer_id, error = %e, "cannot record the printer's state");
    }
}

/// How often a troubled printer is asked how it is.
const WATCH_EVERY: Duration = Duration::from_secs(3);

/// Asks two-way printers that are not ready (or have tickets waiting) for their status every few
/// seconds, so "paper out" clears on the screens as soon as the roll is in, and the waiting
/// tickets go out then.
pub(crate) async fn watch_printers(shop: Shop, mut stopping: watch::Receiver<bool>) {
    loop {
        tokio::select! {
            _ = tokio::time::sleep(WATCH_EVERY) => {}
            _ = stopping.changed() => {}
        }
        if *stopping.borrow() || stopping.has_changed().is_err() {
            break;
        }
        let printers = match shop
            .read(|conn| {
                let mut out = Vec::new();
                for row in forno_store::printers::list(conn)? {
                    let (waiting, _) =
                        forno_store::outbox::open_counts(conn, PRINT_KIND, &row.id.to_string())?;
                    out.push((row, waiting));
                }
                Ok(out)
            })
            .await
        {
            Ok(printers) => printers,
            Err(e) => {
                tracing::warn!(error = %e, "cannot read the printers");
                continue;
            }
        };
        for (row, waiting) in printers {
            let Ok(link) = Link::parse(&row.connection, &row.address) else {
                continue;
            };
            let asks = profile::by_id(&row.profile).is_some_and(|p| p.status);
            let state = PrinterState::parse(&row.state).unwrap_or(PrinterState::Unknown);
            if !row.enabled
                || !link.two_way()
                || !asks
                || (state == PrinterState::Online && waiting == 0)
            {
                continue;
            }
            let now_state = transport::query(
                &link,
                Timeouts {
                    connect: Duration::from_secs(1),
                    status: Duration::from_secs(1),
                    write: Duration::from_secs(1),
                },
            )
            .await;
            set_printer_state(&shop, row.id, now_state).await;
        }
    }
}
