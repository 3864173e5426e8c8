//! Test job kinds, so that Forno's own tests can drive the outbox through a real server: they run
//! only with `FORNO_TEST_JOBS=1` and are enqueued only through `POST /api/v1/test/jobs`, which
//! exists only then. Nothing in the shop enqueues them.
//!
//! Both kinds append what they do to `test-jobs.log` in the data dir (a file, so a test can read
//! it after killing the server): `run ID KEY ATTEMPT UNIX_MS` when a run starts and
//! `done ID KEY UNIX_MS` when it ends well. The payload steers them: `sleep_ms` (how long a run
//! takes), `fail_attempts` (the first N attempts fail, retryably), `fail_permanently`.

use std::io::Write;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use forno_domain::{Permission, ValidationError, msg};
use forno_store::outbox::{Job, NewJob};
use serde_json::{Value, json};

use super::{Backoff, Effect, JobError, JobHandler, RunFuture};
use crate::{Actor, AppError, Config, Shop};

/// `test.echo` may run twice (at least once); `test.print` stands for a printer: an interrupted
/// run needs a person.
pub const TEST_JOB_KINDS: [&str; 2] = ["test.echo", "test.print"];

const LOG_FILE: &str = "test-jobs.log";

/// A test job to enqueue.
#[derive(Debug, Clone, Default)]
pub struct TestJob {
    pub kind: String,
    pub target: String,
    pub payload: Value,
    pub order_id: Option<i64>,
    pub max_attempts: Option<u32>,
}

pub(super) fn handlers(config: &Config) -> Vec<Arc<dyn JobHandler>> {
    let log = config.data_dir.join(LOG_FILE);
    vec![
        Arc::new(TestHandler {
            kind: "test.echo",
            effect: Effect::AtLeastOnce,
            concurrency: 4,
            log: log.clone(),
        }),
        Arc::new(TestHandler {
            kind: "test.print",
            effect: Effect::AskAPerson,
            concurrency: 1,
            log,
        }),
    ]
}

struct TestHandler {
    kind: &'static str,
    effect: Effect,
    concurrency: usize,
    log: PathBuf,
}

impl TestHandler {
    async fn append(&self, line: String) -> Result<(), JobError> {
        let log = self.log.clone();
        tokio::task::spawn_blocking(move || {
            let mut file = std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(&log)?;
            file.write_all(format!("{line}\n").as_bytes())
        })
        .await
        .map_err(|e| JobError::Retry(e.to_string()))?
        .map_err(|e| JobError::Retry(format!("cannot write {LOG_FILE}: {e}")))
    }
}

fn unix_ms(at: DateTime<Utc>) -> i64 {
    at.timestamp_millis()
}

impl JobHandler for TestHandler {
    fn kinds(&self) -> Vec<String> {
        vec![self.kind.to_owned()]
    }

    fn effect(&self) -> Effect {
        self.effect
    }

    fn lease(&self) -> Duration {
        Duration::from_secs(30)
    }

    fn concurrency(&self) -> usize {
        self.concurrency
    }

    fn backoff(&self) -> Backoff {
        Backoff {
            first: Duration::from_millis(400),
            max: Duration::from_secs(5),
        }
    }

    fn run<'a>(&'a self, job: &'a Job) -> RunFuture<'a> {
        Box::pin(async move {
            let (id, key, attempt) = (job.id, &job.idempotency_key, job.attempts);
            self.append(format!("run {id} {key} {attempt} {}", unix_ms(Utc::now())))
                .await?;
            let sleep_ms = job.payload["sleep_ms"].as_u64().unwrap_or(0);
            tokio::time::sleep(Duration::from_millis(sleep_ms)).await;
            if job.payload["fail_permanently"].as_bool() == Some(true) {
                return Err(JobError::Permanent(
                    "The test job was told to fail for good.".into(),
                ));
            }
            let fail_attempts = job.payload["fail_attempts"].as_u64().unwrap_or(0);
            if u64::from(attempt) <= fail_attempts {
                return Err(JobError::Retry(format!(
                    "The test job was told to fail its first {fail_attempts} attempts; this was attempt {attempt}."
                )));
            }
            self.append(format!("done {id} {key} {}", unix_ms(Utc::now())))
                .await?;
            Ok(json!({ "echo": job.payload.get("text"), "attempt": attempt }))
        })
    }
}

impl Shop {
    /// Enqueues test jobs (only with `FORNO_TEST_JOBS=1`), in one transaction, for a role that
    /// may see the outbox.
    pub async fn enqueue_test_jobs(
        &self,
        actor: &Actor,
        jobs: Vec<TestJob>,
        now: DateTime<Utc>,
    ) -> Result<Vec<Job>, AppError> {
        if !self.config().test_jobs {
            return Err(AppError::not_found(msg!(
                nl: "Testtaken staan uit; start Forno met FORNO_TEST_JOBS=1 om ze te gebruiken.",
                en: "Test jobs are off; start Forno with FORNO_TEST_JOBS=1 to use them."
            )));
        }
        actor.require(Permission::ViewOutbox)?;
        let mut new_jobs = Vec::with_capacity(jobs.len());
        for (i, job) in jobs.into_iter().enumerate() {
            if !TEST_JOB_KINDS.contains(&job.kind.as_str()) {
                return Err(ValidationError::field(format!("jobs[{i}].kind"), {
                    let kinds = TEST_JOB_KINDS.join(", ");
                    msg!(nl: "Gebruik een van {kinds}.", en: "Use one of {kinds}.")
                })
                .into());
            }
            let max_attempts = job.max_attempts.unwrap_or(5);
            if !(1..=20).contains(&max_attempts) {
                return Err(ValidationError::field(
                    format!("jobs[{i}].max_attempts"),
                    msg!(
                        nl: "Geef tussen 1 en 20 pogingen op.",
                        en: "Give between 1 and 20 attempts."
                    ),
                )
                .into());
            }
            new_jobs.push(NewJob {
                kind: job.kind,
                target: job.target,
                payload: job.payload,
                order_id: job.order_id,
                max_attempts,
                due_at: now,
            });
        }
        let waker = self.outbox_waker();
        self.store()
            .write(
                move |conn| -> Result<Vec<Job>, AppError> {
                    let mut written = Vec::with_capacity(new_jobs.len());
                    for (i, job) in new_jobs.iter().enumerate() {
                        if let Some(order_id) = job.order_id
                            && forno_store::orders::get(conn, order_id)?.is_none()
                        {
                            return Err(ValidationError::field(
                                format!("jobs[{i}].order_id"),
                                msg!(
                                    nl: "Bestelling {order_id} bestaat niet.",
                                    en: "There is no order {order_id}."
                                ),
                            )
                            .into());
                        }
                        written.push(forno_store::outbox::enqueue(conn, job, now)?);
                    }
                    Ok(written)
                },
                move |_| waker.wake(),
            )
            .await
    }
}
