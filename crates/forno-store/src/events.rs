//! The event log: one row per change, numbered by a gap-free `seq`. Live screens resume from the
//! last seq they saw; the oldest rows are pruned after a retention period.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, params};
use serde::{Deserialize, Serialize};

use crate::StoreError;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredEvent {
    pub seq: i64,
    pub kind: String,
    pub at: DateTime<Utc>,
    pub order_id: Option<i64>,
    pub data: serde_json::Value,
}

/// Appends an event inside the caller's transaction and returns it as stored: with its seq, and
/// with `at` at the stored precision (milliseconds), so that an event published live is the
/// same as the one read back from the log later.
pub fn append(
    conn: &Connection,
    kind: &str,
    at: DateTime<Utc>,
    order_id: Option<i64>,
    data: serde_json::Value,
) -> Result<StoredEvent, StoreError> {
    let at = crate::timestamp(at);
    conn.execute(
        "INSERT INTO events (type, at, order_id, data) VALUES (?1, ?2, ?3, ?4)",
        params![kind, at, order_id, data.to_string()],
    )?;
    Ok(StoredEvent {
        seq: conn.last_insert_rowid(),
        kind: kind.to_owned(),
        at: crate::parse_timestamp(&at)?,
        order_id,
        data,
    })
}

fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<StoredEvent> {
    let at: String = r.get(2)?;
    let data: String = r.get(4)?;
    Ok(StoredEvent {
        seq: r.get(0)?,
        kind: r.get(1)?,
        at: DateTime::parse_from_rfc3339(&at)
            .map(|t| t.with_timezone(&Utc))
            .unwrap_or_default(),
        order_id: r.get(3)?,
        data: serde_json::from_str(&data).unwrap_or_default(),
    })
}

/// Events after `after`, oldest first, at most `limit`.
pub fn after(conn: &Connection, after: i64, limit: i64) -> Result<Vec<StoredEvent>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT seq, type, at, order_id, data FROM events WHERE seq > ?1 ORDER BY seq LIMIT ?2",
    )?;
    let rows = stmt.query_map(params![after, limit], from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// One order's events after `after`, oldest first.
pub fn for_order_after(
    conn: &Connection,
    order_id: i64,
    after: i64,
) -> Result<Vec<StoredEvent>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT seq, type, at, order_id, data FROM events WHERE order_id = ?1 AND seq > ?2 ORDER BY seq",
    )?;
    let rows = stmt.query_map(params![order_id, after], from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The latest seq (0 when there are no events) and the oldest seq still kept.
pub fn bounds(conn: &Connection) -> Result<(i64, i64), StoreError> {
    let head: i64 = conn.query_row(
        "SELECT COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'events'), 0)",
        [],
        |r| r.get(0),
    )?;
    let oldest: i64 = conn.query_row(
        "SELECT COALESCE(MIN(seq), ?1 + 1) FROM events",
        [head],
        |r| r.get(0),
    )?;
    Ok((head, oldest))
}

/// Deletes events older than `before`, always keeping the newest one so the sequence continues.
pub fn prune_before(conn: &Connection, before: DateTime<Utc>) -> Result<usize, StoreError> {
    Ok(conn.execute(
        "DELETE FROM events WHERE at < ?1 AND seq < (SELECT MAX(seq) FROM events)",
        [crate::timestamp(before)],
    )?)
}
