//! The outbox's worker runtime: one loop per handler claims due jobs of its kinds, runs them
//! outside any transaction, and records how each run ended.
//!
//! A run is bounded by the handler's lease; the row's lease is a little longer, so a live worker
//! always records its result before anyone may take the job over. A run that ends without a
//! result (the process died, the run hung past its lease) is "interrupted": a handler whose
//! effect may safely happen twice ([`Effect::AtLeastOnce`], an email with a stable Message-ID)
//! gets it again; one whose effect must not be repeated blindly ([`Effect::AskAPerson`], a
//! ticket that may be half printed) leaves it `needs_attention` for a person to decide.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use forno_store::outbox::{self, Claim, Finish, Job};
use forno_store::{Connection, Store, StoreError};

use crate::events::PublishedEvent;
use tokio::sync::{Notify, watch};
use tokio::task::{JoinHandle, JoinSet};

use super::backoff::Backoff;

/// What a run answers on success: stored with the job (a provider's message id, a receipt).
pub type Outcome = serde_json::Value;

/// The future a handler's run returns.
pub type RunFuture<'a> = Pin<Box<dyn Future<Output = Result<Outcome, JobError>> + Send + 'a>>;

/// Why a run failed, and whether trying again may help.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum JobError {
    /// Worth another attempt later (offline, timeout, a 5xx): retried with backoff until the
    /// job's attempts are used up.
    #[error("{0}")]
    Retry(String),
    /// Trying again cannot help (a refused address, a printer that does not exist).
    #[error("{0}")]
    Permanent(String),
    /// The effect may or may not have happened (the link broke off half way through a ticket):
    /// an `AskAPerson` job becomes `needs_attention`; an `AtLeastOnce` job is retried.
    #[error("{0}")]
    Uncertain(String),
}

/// What an interrupted run means for a handler's kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// Doing it twice is fine (the idempotency key makes the outside ignore a repeat): an
    /// interrupted run simply runs again.
    AtLeastOnce,
    /// Doing it twice is visible (a second ticket, a second drawer kick): an interrupted run is
    /// left `needs_attention` for a person.
    AskAPerson,
}

/// Does the work of some kinds of job.
pub trait JobHandler: Send + Sync + 'static {
    /// The job kinds this handler runs; one handler per kind.
    fn kinds(&self) -> Vec<String>;
    /// What an interrupted run means.
    fn effect(&self) -> Effect;
    /// How long one run may take before it counts as interrupted.
    fn lease(&self) -> Duration {
        Duration::from_secs(60)
    }
    /// How many of its jobs may run at once.
    fn concurrency(&self) -> usize {
        1
    }
    /// How long to wait before retrying a failed run.
    fn backoff(&self) -> Backoff {
        Backoff::default()
    }
    /// Does the job's effect. Runs outside any transaction; may take its time (up to the lease).
    /// Send `job.idempotency_key` along so the outside recognises a repeat.
    fn run<'a>(&'a self, job: &'a Job) -> RunFuture<'a>;
    /// Called inside the transaction that changed one of its jobs (claimed, finished, settled
    /// after an interruption), with the job as it is now: to write what must follow the change
    /// in the same commit (an event for the staff stream). Returns the events to publish.
    fn on_change(
        &self,
        _conn: &Connection,
        _job: &Job,
        _now: DateTime<Utc>,
    ) -> Result<Vec<PublishedEvent>, StoreError> {
        Ok(Vec::new())
    }
    /// Publishes what `on_change` returned, after the commit.
    fn publish(&self, _events: &[PublishedEvent]) {}
}

/// Wakes the workers right after a commit that enqueued jobs, so they need not poll for them.
#[derive(Clone, Default)]
pub struct OutboxWaker(Arc<Notify>);

impl OutboxWaker {
    pub fn wake(&self) {
        self.0.notify_waiters();
    }
}

/// The longest a worker sleeps without looking: jobs become due at known times and the worker
/// wakes for those; this only bounds how late anything unforeseen is noticed.
const POLL: Duration = Duration::from_secs(10);
/// The row's lease outlasts the run's time limit by this much, so a worker that stops a run at
/// its limit still holds the job while it records the result.
const LEASE_MARGIN: Duration = Duration::from_secs(5);

const INTERRUPTED_ASK: &str = "The run was interrupted (Forno stopped, or it took too long), so it may or may not have happened: check (is the ticket there?), then run it again or mark it done.";
const INTERRUPTED_FAILED: &str =
    "Every attempt was interrupted (Forno stopped, or it took too long); not trying again.";

/// The running outbox workers: one loop per handler.
pub struct Workers {
    stop: watch::Sender<bool>,
    loops: Vec<JoinHandle<()>>,
}

impl Workers {
    /// Starts one loop per handler on the current tokio runtime.
    ///
    /// # Panics
    /// When two handlers claim the same kind: a job must have exactly one way to run.
    pub fn start(store: Store, waker: OutboxWaker, handlers: Vec<Arc<dyn JobHandler>>) -> Workers {
        let mut seen = std::collections::HashSet::new();
        for handler in &handlers {
            for kind in handler.kinds() {
                assert!(seen.insert(kind.clone()), "two job handlers for {kind:?}");
            }
        }
        let (stop, stopping) = watch::channel(false);
        let loops = handlers
            .into_iter()
            .map(|handler| {
                tokio::spawn(work(
                    store.clone(),
                    waker.clone(),
                    handler,
                    stopping.clone(),
                ))
            })
            .collect();
        Workers { stop, loops }
    }

    /// Stops claiming and waits up to `grace` for the runs in progress to finish. Runs still
    /// going after that are dropped; their jobs count as interrupted at the next start.
    pub async fn shutdown(self, grace: Duration) {
        let _ = self.stop.send(true);
        super::join_within(self.loops, grace, "outbox worker").await;
    }
}

/// One handler's loop.
async fn work(
    store: Store,
    waker: OutboxWaker,
    handler: Arc<dyn JobHandler>,
    mut stopping: watch::Receiver<bool>,
) {
    let kinds = handler.kinds();
    let (rerun, ask) = match handler.effect() {
        Effect::AtLeastOnce => (kinds.clone(), Vec::new()),
        Effect::AskAPerson => (Vec::new(), kinds.clone()),
    };
    let limit = handler.concurrency().max(1);
    let lease = handler.lease();
    let mut running = JoinSet::new();
    loop {
        // Registered before looking, so a wake-up between the look and the wait is not lost.
        let woken = waker.0.notified();
        tokio::pin!(woken);
        woken.as_mut().enable();
        if *stopping.borrow() {
            break;
        }
        let free = limit.saturating_sub(running.len());
        let mut wait = POLL;
        if free > 0 {
            let (kinds, rerun, ask) = (kinds.clone(), rerun.clone(), ask.clone());
            let now = Utc::now();
            let until = now + lease + LEASE_MARGIN;
            let (hook, publisher) = (handler.clone(), handler.clone());
            let looked = store
                .write(
                    move |conn| -> Result<_, StoreError> {
                        let settled = outbox::settle_interrupted(
                            conn,
                            &ask,
                            &rerun,
                            INTERRUPTED_ASK,
                            INTERRUPTED_FAILED,
                            now,
                        )?;
                        let claimed = outbox::claim(
                            conn,
                            &Claim {
                                kinds: &kinds,
                                rerun_kinds: &rerun,
                                now,
                                until,
                                limit: free,
                            },
                        )?;
                        let next = outbox::next_due(conn, &kinds)?;
                        let mut events = Vec::new();
                        for job in settled.iter().chain(&claimed) {
                            events.extend(hook.on_change(conn, job, now)?);
                        }
                        Ok((settled, claimed, next, events))
                    },
                    move |(_, _, _, events)| publisher.publish(events),
                )
                .await;
            match looked {
                Ok((settled, claimed, next, _)) => {
                    for job in settled {
                        tracing::warn!(job = job.id, kind = %job.kind, state = job.state.as_str(), attempts = job.attempts, "job interrupted");
                    }
                    let full = claimed.len() == free;
                    for job in claimed {
                        running.spawn(run(store.clone(), handler.clone(), job));
                    }
                    if !full && let Some(next) = next {
                        let until_due = (next - Utc::now()).to_std().unwrap_or_default();
                        wait = wait.min(until_due.max(Duration::from_millis(5)));
                    }
                }
                Err(StoreError::WriterGone) => break,
                Err(e) => tracing::error!(error = %e, "cannot look for jobs; trying again soon"),
            }
        }
        tokio::select! {
            _ = &mut woken => {}
            _ = tokio::time::sleep(wait) => {}
            Some(joined) = running.join_next(), if !running.is_empty() => {
                if let Err(e) = joined && e.is_panic() {
                    tracing::error!(kinds = ?kinds, "a job's run panicked; the job counts as interrupted when its lease ends");
                }
            }
            // A dropped `Workers` (never shut down) stops its loops too.
            changed = stopping.changed() => if changed.is_err() { break },
        }
    }
    // Stopping: let the runs in progress finish (the caller bounds how long).
    while running.join_next().await.is_some() {}
}

/// One run of one job, and its result recorded.
async fn run(store: Store, handler: Arc<dyn JobHandler>, job: Job) {
    let started = std::time::Instant::now();
    let lease = handler.lease();
    let result = tokio::time::timeout(lease, handler.run(&job)).await;
    let now = Utc::now();
    let retry_or_fail = |error: String| {
        if job.attempts < job.max_attempts {
            let wait = handler.backoff().delay(job.attempts, rand::random::<f64>());
            Finish::Retry {
                error,
                at: now + wait,
            }
        } else {
            Finish::Failed {
                error: format!("{error} (gave up after {} attempts)", job.attempts),
            }
        }
    };
    let finish = match result {
        Ok(Ok(outcome)) => Finish::Done { outcome },
        Ok(Err(JobError::Retry(error))) => retry_or_fail(error),
        Ok(Err(JobError::Permanent(error))) => Finish::Failed { error },
        Ok(Err(JobError::Uncertain(error))) => match handler.effect() {
            Effect::AtLeastOnce => retry_or_fail(error),
            Effect::AskAPerson => Finish::NeedsAttention {
                error: format!("{error}. {INTERRUPTED_ASK}"),
            },
        },
        Err(_) => {
            let error = format!("did not finish within {} s", lease.as_secs_f64());
            match handler.effect() {
                Effect::AtLeastOnce => retry_or_fail(error),
                Effect::AskAPerson => Finish::NeedsAttention {
                    error: format!("{error}. {INTERRUPTED_ASK}"),
                },
            }
        }
    };
    let ms = started.elapsed().as_millis() as u64;
    match &finish {
        Finish::Done { .. } => {
            tracing::info!(job = job.id, kind = %job.kind, attempt = job.attempts, ms, "job done")
        }
        Finish::Retry { error, at } => {
            tracing::warn!(job = job.id, kind = %job.kind, attempt = job.attempts, ms, %error, retry_at = %at, "job failed; will retry")
        }
        Finish::Failed { error } => {
            tracing::error!(job = job.id, kind = %job.kind, attempt = job.attempts, ms, %error, "job failed")
        }
        Finish::NeedsAttention { error } => {
            tracing::error!(job = job.id, kind = %job.kind, attempt = job.attempts, ms, %error, "job needs attention")
        }
    }
    let (id, attempt) = (job.id, job.attempts);
    let (hook, publisher) = (handler.clone(), handler.clone());
    match store
        .write(
            move |conn| -> Result<(bool, Vec<PublishedEvent>), StoreError> {
                if !outbox::finish(conn, id, attempt, &finish, now)? {
                    return Ok((false, Vec::new()));
                }
                let events = match outbox::get(conn, id)? {
                    Some(job) => hook.on_change(conn, &job, now)?,
                    None => Vec::new(),
                };
                Ok((true, events))
            },
            move |(_, events)| publisher.publish(events),
        )
        .await
        .map(|(recorded, _)| recorded)
    {
        Ok(true) => {}
        Ok(false) => {
            tracing::warn!(
                job = id,
                attempt,
                "the job was taken over before this run ended"
            )
        }
        // The job stays in progress; the next start counts the run as interrupted.
        Err(e) => tracing::error!(job = id, error = %e, "cannot record how the job ended"),
    }
}
