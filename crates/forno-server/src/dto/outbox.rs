//! The outbox on the wire: jobs for staff who look after printing, messages and payment checks,
//! and the counts in `/healthz`.

use chrono::{DateTime, Utc};
use forno_app::{Job, JobCounts};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// One outbox job.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct JobDto {
    pub id: i64,
    /// What the job does: `print.ticket`, `email.confirmation`, … (`test.*` only in tests).
    pub kind: String,
    /// Where the effect goes (a printer, an address); may be empty.
    pub target: String,
    /// `queued`, `in_progress`, `done`, `failed` or `needs_attention`.
    pub state: String,
    /// Runs started so far.
    pub attempts: u32,
    pub max_attempts: u32,
    /// When a queued job runs (next).
    pub next_attempt_at: DateTime<Utc>,
    /// Until when the run in progress holds the job.
    pub claimed_until: Option<DateTime<Utc>>,
    /// Why the last run failed, or why the job needs a person.
    pub last_error: Option<String>,
    /// What the effect answered, once done.
    #[schema(value_type = Option<Object>)]
    pub outcome: Option<serde_json::Value>,
    /// Sent with every attempt, so the outside recognises a repeat.
    pub idempotency_key: String,
    pub order_id: Option<i64>,
    #[schema(value_type = Object)]
    pub payload: serde_json::Value,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<&Job> for JobDto {
    fn from(job: &Job) -> Self {
        JobDto {
            id: job.id,
            kind: job.kind.clone(),
            target: job.target.clone(),
            state: job.state.as_str().to_owned(),
            attempts: job.attempts,
            max_attempts: job.max_attempts,
            next_attempt_at: job.next_attempt_at,
            claimed_until: job.claimed_until,
            last_error: job.last_error.clone(),
            outcome: job.outcome.clone(),
            idempotency_key: job.idempotency_key.clone(),
            order_id: job.order_id,
            payload: job.payload.clone(),
            created_at: job.created_at,
            updated_at: job.updated_at,
        }
    }
}

/// `GET /outbox`: a page of jobs, newest first, and how many match.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct JobListDto {
    pub jobs: Vec<JobDto>,
    pub total: i64,
}

/// Jobs per state, for `/healthz` (done jobs are not counted: they are history).
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct OutboxCountsDto {
    pub queued: i64,
    pub in_progress: i64,
    pub failed: i64,
    pub needs_attention: i64,
}

impl From<JobCounts> for OutboxCountsDto {
    fn from(counts: JobCounts) -> Self {
        OutboxCountsDto {
            queued: counts.queued,
            in_progress: counts.in_progress,
            failed: counts.failed,
            needs_attention: counts.needs_attention,
        }
    }
}

/// `POST /test/jobs` (only with `FORNO_TEST_JOBS=1`, for Forno's tests).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TestJobsBody {
    pub jobs: Vec<TestJobBody>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TestJobBody {
    pub kind: String,
    #[serde(default)]
    pub target: String,
    #[serde(default)]
    pub payload: serde_json::Value,
    pub order_id: Option<i64>,
    pub max_attempts: Option<u32>,
}
