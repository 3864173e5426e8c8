//! Idempotency keys: a retried "place order" with the same key returns the first order.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, params};

use crate::StoreError;

/// The order a key already created, with the hash of the request that created it.
pub fn find(conn: &Connection, key: &str) -> Result<Option<(String, i64)>, StoreError> {
    Ok(conn
        .query_row(
            "SELECT request_hash, order_id FROM idempotency_keys WHERE key = ?1",
            [key],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?)
}

pub fn remember(
    conn: &Connection,
    key: &str,
    request_hash: &str,
    order_id: i64,
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO idempotency_keys (key, request_hash, order_id, created_at) VALUES (?1, ?2, ?3, ?4)",
        params![key, request_hash, order_id, crate::timestamp(at)],
    )?;
    Ok(())
}
