//! The outbox: one durable row per side effect (a ticket to print, an email, an SMS, a payment
//! to check), written in the same transaction as the change that causes it, so the effect
//! happens if and only if the change committed.
//!
//! A worker claims due jobs with one `UPDATE … RETURNING` that sets a lease (`claimed_until`)
//! and counts the attempt; it does the IO outside any transaction and then records the result
//! with the attempt number as a fence, so a run whose lease was taken over cannot overwrite the
//! newer run's result. What an expired lease means (run again, or ask a person) is the caller's
//! decision per kind; this module only carries it out.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, params};
use serde_json::Value;

use crate::StoreError;

/// Where a job is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum JobState {
    /// Waiting to run from `next_attempt_at` on (new, or a retry).
    Queued,
    /// A worker holds it until `claimed_until`.
    InProgress,
    Done,
    /// Will not run again: a permanent error, or `max_attempts` used up.
    Failed,
    /// A run that may have had its effect was interrupted: a person decides.
    NeedsAttention,
}

impl JobState {
    pub const ALL: [JobState; 5] = [
        JobState::Queued,
        JobState::InProgress,
        JobState::Done,
        JobState::Failed,
        JobState::NeedsAttention,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            JobState::Queued => "queued",
            JobState::InProgress => "in_progress",
            JobState::Done => "done",
            JobState::Failed => "failed",
            JobState::NeedsAttention => "needs_attention",
        }
    }

    pub fn parse(s: &str) -> Option<JobState> {
        JobState::ALL.into_iter().find(|state| state.as_str() == s)
    }
}

/// A job to write, inside the transaction of the change that causes it.
#[derive(Debug, Clone, PartialEq)]
pub struct NewJob {
    pub kind: String,
    /// Where the effect goes (a printer, an email address); free text, may be empty.
    pub target: String,
    pub payload: Value,
    /// The order the job belongs to, if any.
    pub order_id: Option<i64>,
    /// Runs to try before the job is `failed`; at least 1.
    pub max_attempts: u32,
    /// Not before this time (usually now).
    pub due_at: DateTime<Utc>,
}

/// A job as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct Job {
    pub id: i64,
    pub kind: String,
    pub target: String,
    pub payload: Value,
    pub state: JobState,
    /// Runs started so far, this one included while `InProgress`.
    pub attempts: u32,
    pub max_attempts: u32,
    pub next_attempt_at: DateTime<Utc>,
    pub claimed_until: Option<DateTime<Utc>>,
    pub last_error: Option<String>,
    pub outcome: Option<Value>,
    /// The same on every attempt, unique across databases (it carries a random part, so a
    /// restored backup that hands out the same id again still sends a new key).
    pub idempotency_key: String,
    pub order_id: Option<i64>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// How many jobs are in each state.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct JobCounts {
    pub queued: i64,
    pub in_progress: i64,
    pub done: i64,
    pub failed: i64,
    pub needs_attention: i64,
}

/// Which jobs a worker takes, when, and for how long.
#[derive(Debug, Clone)]
pub struct Claim<'a> {
    /// The kinds the worker handles: their queued jobs are taken once due.
    pub kinds: &'a [String],
    /// Of those, the kinds whose interrupted runs (lease expired) simply run again, while
    /// attempts remain. The others' interrupted runs are left to [`settle_interrupted`].
    pub rerun_kinds: &'a [String],
    pub now: DateTime<Utc>,
    /// The lease: the worker holds the jobs until then.
    pub until: DateTime<Utc>,
    pub limit: usize,
}

/// How a run ended.
#[derive(Debug, Clone, PartialEq)]
pub enum Finish {
    Done {
        outcome: Value,
    },
    /// Queue it again, due at `at`.
    Retry {
        error: String,
        at: DateTime<Utc>,
    },
    Failed {
        error: String,
    },
    NeedsAttention {
        error: String,
    },
}

/// Which jobs to list, newest first.
#[derive(Debug, Clone, Default)]
pub struct JobFilter {
    /// Any of these states (all when empty).
    pub states: Vec<JobState>,
    /// Any of these kinds (all when empty).
    pub kinds: Vec<String>,
    pub order_id: Option<i64>,
    pub limit: i64,
    pub offset: i64,
}

const COLUMNS: &str = "id, kind, target, payload, state, attempts, max_attempts, next_attempt_at, \
     claimed_until, last_error, outcome, idempotency_key, order_id, created_at, updated_at";

fn timestamp_at(r: &rusqlite::Row<'_>, idx: usize) -> rusqlite::Result<DateTime<Utc>> {
    let text: String = r.get(idx)?;
    crate::parse_timestamp(&text).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(idx, rusqlite::types::Type::Text, Box::new(e))
    })
}

fn json_at(r: &rusqlite::Row<'_>, idx: usize) -> rusqlite::Result<Value> {
    let text: String = r.get(idx)?;
    serde_json::from_str(&text).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(idx, rusqlite::types::Type::Text, Box::new(e))
    })
}

fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Job> {
    let state: String = r.get(4)?;
    Ok(Job {
        id: r.get(0)?,
        kind: r.get(1)?,
        target: r.get(2)?,
        payload: json_at(r, 3)?,
        state: JobState::parse(&state).ok_or_else(|| {
            rusqlite::Error::FromSqlConversionFailure(
                4,
                rusqlite::types::Type::Text,
                format!("unknown job state {state:?}").into(),
            )
        })?,
        attempts: r.get(5)?,
        max_attempts: r.get(6)?,
        next_attempt_at: timestamp_at(r, 7)?,
        claimed_until: match r.get::<_, Option<String>>(8)? {
            Some(_) => Some(timestamp_at(r, 8)?),
            None => None,
        },
        last_error: r.get(9)?,
        outcome: match r.get::<_, Option<String>>(10)? {
            Some(_) => Some(json_at(r, 10)?),
            None => None,
        },
        idempotency_key: r.get(11)?,
        order_id: r.get(12)?,
        created_at: timestamp_at(r, 13)?,
        updated_at: timestamp_at(r, 14)?,
    })
}

/// A list of kinds as a JSON array, for `kind IN (SELECT value FROM json_each(?))`: one cached
/// statement whatever the number of kinds.
fn json_list<T: AsRef<str>>(items: &[T]) -> String {
    Value::Array(
        items
            .iter()
            .map(|item| Value::String(item.as_ref().to_owned()))
            .collect(),
    )
    .to_string()
}

/// Writes a job inside the caller's transaction and returns it with its id and idempotency key.
pub fn enqueue(conn: &Connection, job: &NewJob, now: DateTime<Utc>) -> Result<Job, StoreError> {
    conn.execute(
        "INSERT INTO outbox (kind, target, payload, max_attempts, next_attempt_at, idempotency_key,
                             order_id, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, 'new-' || lower(hex(randomblob(16))), ?6, ?7, ?7)",
        params![
            job.kind,
            job.target,
            job.payload.to_string(),
            job.max_attempts,
            crate::timestamp(job.due_at),
            job.order_id,
            crate::timestamp(now),
        ],
    )?;
    let id = conn.last_insert_rowid();
    let mut stmt = conn.prepare_cached(&format!(
        "UPDATE outbox SET idempotency_key = 'forno-' || kind || '-' || id || '-' || lower(hex(randomblob(4)))
         WHERE id = ?1 RETURNING {COLUMNS}"
    ))?;
    Ok(stmt.query_row([id], from_row)?)
}

/// Claims up to `limit` jobs in ONE statement: queued jobs of the claim's kinds that are due,
/// and interrupted runs (lease expired) of its `rerun_kinds` with attempts left. Each gets the
/// lease and one more attempt. Oldest due first.
pub fn claim(conn: &Connection, claim: &Claim<'_>) -> Result<Vec<Job>, StoreError> {
    if claim.limit == 0 || claim.kinds.is_empty() {
        return Ok(Vec::new());
    }
    let mut stmt = conn.prepare_cached(&format!(
        "UPDATE outbox
            SET state = 'in_progress', attempts = attempts + 1, claimed_until = ?3, updated_at = ?2
          WHERE id IN (
                SELECT id FROM outbox
                 WHERE (state = 'queued' AND next_attempt_at <= ?2
                        AND kind IN (SELECT value FROM json_each(?1)))
                    OR (state = 'in_progress' AND claimed_until <= ?2 AND attempts < max_attempts
                        AND kind IN (SELECT value FROM json_each(?4)))
                 ORDER BY next_attempt_at, id
                 LIMIT ?5)
          RETURNING {COLUMNS}"
    ))?;
    let rows = stmt.query_map(
        params![
            json_list(claim.kinds),
            crate::timestamp(claim.now),
            crate::timestamp(claim.until),
            json_list(claim.rerun_kinds),
            claim.limit as i64,
        ],
        from_row,
    )?;
    let mut jobs: Vec<Job> = rows.collect::<Result<_, _>>()?;
    // RETURNING comes in no particular order.
    jobs.sort_by_key(|job| (job.next_attempt_at, job.id));
    Ok(jobs)
}

/// Settles interrupted runs (lease expired) that must not simply run again: those of
/// `ask_kinds` become `needs_attention` with `ask_reason`; those of `rerun_kinds` that used up
/// their attempts become `failed` with `failed_reason`. Returns the settled jobs.
pub fn settle_interrupted(
    conn: &Connection,
    ask_kinds: &[String],
    rerun_kinds: &[String],
    ask_reason: &str,
    failed_reason: &str,
    now: DateTime<Utc>,
) -> Result<Vec<Job>, StoreError> {
    if ask_kinds.is_empty() && rerun_kinds.is_empty() {
        return Ok(Vec::new());
    }
    let mut stmt = conn.prepare_cached(&format!(
        "UPDATE outbox
            SET state = CASE WHEN kind IN (SELECT value FROM json_each(?2))
                             THEN 'needs_attention' ELSE 'failed' END,
                last_error = CASE WHEN kind IN (SELECT value FROM json_each(?2))
                                  THEN ?4 ELSE ?5 END,
                claimed_until = NULL, updated_at = ?1
          WHERE state = 'in_progress' AND claimed_until <= ?1
            AND (kind IN (SELECT value FROM json_each(?2))
                 OR (kind IN (SELECT value FROM json_each(?3)) AND attempts >= max_attempts))
          RETURNING {COLUMNS}"
    ))?;
    let rows = stmt.query_map(
        params![
            crate::timestamp(now),
            json_list(ask_kinds),
            json_list(rerun_kinds),
            ask_reason,
            failed_reason,
        ],
        from_row,
    )?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Ends every lease at once. Called when the shop starts: the process that held them is gone
/// (the data dir's lock proves no other one runs), so their runs were interrupted.
pub fn expire_leases(conn: &Connection, now: DateTime<Utc>) -> Result<usize, StoreError> {
    Ok(conn.execute(
        "UPDATE outbox SET claimed_until = ?1 WHERE state = 'in_progress' AND claimed_until > ?1",
        [crate::timestamp(now)],
    )?)
}

/// Records how the run `attempt` of job `id` ended. False (and nothing written) when that run no
/// longer holds the job: its lease expired and the job was settled or claimed again.
pub fn finish(
    conn: &Connection,
    id: i64,
    attempt: u32,
    finish: &Finish,
    now: DateTime<Utc>,
) -> Result<bool, StoreError> {
    let (state, outcome, error, next_at) = match finish {
        Finish::Done { outcome } => (JobState::Done, Some(outcome.to_string()), None, None),
        Finish::Retry { error, at } => (
            JobState::Queued,
            None,
            Some(error.as_str()),
            Some(crate::timestamp(*at)),
        ),
        Finish::Failed { error } => (JobState::Failed, None, Some(error.as_str()), None),
        Finish::NeedsAttention { error } => {
            (JobState::NeedsAttention, None, Some(error.as_str()), None)
        }
    };
    let changed = conn.execute(
        "UPDATE outbox
            SET state = ?3, outcome = COALESCE(?4, outcome), last_error = COALESCE(?5, last_error),
                next_attempt_at = COALESCE(?6, next_attempt_at), claimed_until = NULL,
                updated_at = ?7
          WHERE id = ?1 AND attempts = ?2 AND state = 'in_progress'",
        params![
            id,
            attempt,
            state.as_str(),
            outcome,
            error,
            next_at,
            crate::timestamp(now)
        ],
    )?;
    Ok(changed == 1)
}

/// When the next job of these kinds becomes due (or the next lease among them ends), so a
/// worker can sleep until exactly then.
pub fn next_due(conn: &Connection, kinds: &[String]) -> Result<Option<DateTime<Utc>>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT MIN(at) FROM (
            SELECT MIN(next_attempt_at) AS at FROM outbox
             WHERE state = 'queued' AND kind IN (SELECT value FROM json_each(?1))
            UNION ALL
            SELECT MIN(claimed_until) FROM outbox
             WHERE state = 'in_progress' AND kind IN (SELECT value FROM json_each(?1)))",
    )?;
    let at: Option<String> = stmt.query_row([json_list(kinds)], |r| r.get(0))?;
    at.map(|at| crate::parse_timestamp(&at)).transpose()
}

pub fn get(conn: &Connection, id: i64) -> Result<Option<Job>, StoreError> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM outbox WHERE id = ?1"),
            [id],
            from_row,
        )
        .optional()?)
}

/// A page of jobs matching `filter`, newest first, with the number of all that match.
pub fn list(conn: &Connection, filter: &JobFilter) -> Result<(Vec<Job>, i64), StoreError> {
    const WHERE: &str = "(?1 = '[]' OR state IN (SELECT value FROM json_each(?1)))
          AND (?2 = '[]' OR kind IN (SELECT value FROM json_each(?2)))
          AND (?3 IS NULL OR order_id = ?3)";
    let states: Vec<&str> = filter.states.iter().map(|s| s.as_str()).collect();
    let (states, kinds) = (json_list(&states), json_list(&filter.kinds));
    let total: i64 = conn.query_row(
        &format!("SELECT COUNT(*) FROM outbox WHERE {WHERE}"),
        params![states, kinds, filter.order_id],
        |r| r.get(0),
    )?;
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM outbox WHERE {WHERE} ORDER BY id DESC LIMIT ?4 OFFSET ?5"
    ))?;
    let rows = stmt.query_map(
        params![states, kinds, filter.order_id, filter.limit, filter.offset],
        from_row,
    )?;
    Ok((rows.collect::<Result<_, _>>()?, total))
}

pub fn counts(conn: &Connection) -> Result<JobCounts, StoreError> {
    let mut stmt = conn.prepare_cached("SELECT state, COUNT(*) FROM outbox GROUP BY state")?;
    let mut counts = JobCounts::default();
    let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?;
    for row in rows {
        let (state, n) = row?;
        match JobState::parse(&state) {
            Some(JobState::Queued) => counts.queued = n,
            Some(JobState::InProgress) => counts.in_progress = n,
            Some(JobState::Done) => counts.done = n,
            Some(JobState::Failed) => counts.failed = n,
            Some(JobState::NeedsAttention) => counts.needs_attention = n,
            None => return Err(StoreError::Corrupt(format!("unknown job state {state:?}"))),
        }
    }
    Ok(counts)
}

/// A person ends a job that is not running (queued, failed or waiting for them): it becomes
/// `done` with `{"cancelled_by": by}` as its outcome. None when there is no such job or it is
/// running or already done.
pub fn cancel(
    conn: &Connection,
    id: i64,
    by: &str,
    now: DateTime<Utc>,
) -> Result<Option<Job>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!(
        "UPDATE outbox
            SET state = 'done', outcome = json_object('cancelled_by', ?2), claimed_until = NULL,
                updated_at = ?3
          WHERE id = ?1 AND state IN ('queued', 'failed', 'needs_attention')
          RETURNING {COLUMNS}"
    ))?;
    Ok(stmt
        .query_row(params![id, by, crate::timestamp(now)], from_row)
        .optional()?)
}

/// A person sends a job that is not running (queued, failed or waiting for them) again, now,
/// optionally somewhere else (`target`, `payload`). It gets `extra_attempts` more attempts; the
/// count is never reset, so a result fenced by an old attempt number can never match.
pub fn requeue(
    conn: &Connection,
    id: i64,
    target: Option<&str>,
    payload: Option<&Value>,
    extra_attempts: u32,
    now: DateTime<Utc>,
) -> Result<Option<Job>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!(
        "UPDATE outbox
            SET state = 'queued', next_attempt_at = ?5, claimed_until = NULL, last_error = NULL,
                max_attempts = attempts + ?4, target = COALESCE(?2, target),
                payload = COALESCE(?3, payload), updated_at = ?5
          WHERE id = ?1 AND state IN ('queued', 'failed', 'needs_attention')
          RETURNING {COLUMNS}"
    ))?;
    Ok(stmt
        .query_row(
            params![
                id,
                target,
                payload.map(Value::to_string),
                extra_attempts,
                crate::timestamp(now)
            ],
            from_row,
        )
        .optional()?)
}

/// Makes the queued jobs of `kind` for `target` due now (a printer is back: its waiting tickets
/// go out at once, in order). Returns how many.
pub fn due_now(
    conn: &Connection,
    kind: &str,
    target: &str,
    now: DateTime<Utc>,
) -> Result<usize, StoreError> {
    Ok(conn.execute(
        "UPDATE outbox SET next_attempt_at = ?3
          WHERE kind = ?1 AND target = ?2 AND state = 'queued' AND next_attempt_at > ?3",
        params![kind, target, crate::timestamp(now)],
    )?)
}

/// Whether a job of `kind` for `target` older than `id` is still waiting or running: jobs for one
/// target go out in the order they were made.
pub fn earlier_pending(
    conn: &Connection,
    kind: &str,
    target: &str,
    id: i64,
) -> Result<bool, StoreError> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM outbox WHERE kind = ?1 AND target = ?2 AND id < ?3
                          AND state IN ('queued', 'in_progress'))",
        params![kind, target, id],
        |r| r.get(0),
    )?)
}

/// How many jobs of `kind` for `target` are waiting or running, and how many failed or need a
/// person.
pub fn open_counts(conn: &Connection, kind: &str, target: &str) -> Result<(i64, i64), StoreError> {
    Ok(conn.query_row(
        "SELECT COALESCE(SUM(state IN ('queued', 'in_progress')), 0),
                COALESCE(SUM(state IN ('failed', 'needs_attention')), 0)
           FROM outbox WHERE kind = ?1 AND target = ?2",
        params![kind, target],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?)
}

/// How many jobs of `kind` are waiting or running, and how many failed or need a person.
pub fn kind_counts(conn: &Connection, kind: &str) -> Result<(i64, i64), StoreError> {
    Ok(conn.query_row(
        "SELECT COALESCE(SUM(state IN ('queued', 'in_progress')), 0),
                COALESCE(SUM(state IN ('failed', 'needs_attention')), 0)
           FROM outbox WHERE kind = ?1",
        [kind],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?)
}

/// Deletes jobs that were done before `before`; failed jobs and those that need attention stay
/// until a person has seen them.
pub fn prune_done_before(conn: &Connection, before: DateTime<Utc>) -> Result<usize, StoreError> {
    Ok(conn.execute(
        "DELETE FROM outbox WHERE state = 'done' AND updated_at < ?1",
        [crate::timestamp(before)],
    )?)
}

#[cfg(test)]
mod tests;
