//! What the notifications remember per order besides their outbox jobs: the language to write
//! to the customer in, and whether the owner was told the order waited unaccepted.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, params};

use crate::StoreError;

/// Remembers the customer's language (`nl` or `en`) for the order's messages.
pub fn set_language(conn: &Connection, order_id: i64, language: &str) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO order_notices (order_id, language) VALUES (?1, ?2)
         ON CONFLICT (order_id) DO UPDATE SET language = excluded.language",
        params![order_id, language],
    )?;
    Ok(())
}

/// The customer's language for the order, if it was recorded.
pub fn language(conn: &Connection, order_id: i64) -> Result<Option<String>, StoreError> {
    Ok(conn
        .query_row(
            "SELECT language FROM order_notices WHERE order_id = ?1",
            [order_id],
            |r| r.get(0),
        )
        .optional()?)
}

/// Web orders still waiting to be accepted that were placed before `placed_before` and that
/// the owner was not told about yet: their ids, oldest first.
pub fn waiting_unalerted(
    conn: &Connection,
    placed_before: DateTime<Utc>,
) -> Result<Vec<i64>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT o.id FROM orders o LEFT JOIN order_notices n ON n.order_id = o.id
          WHERE o.status = 'placed' AND o.channel = 'web' AND o.placed_at < ?1
            AND n.owner_alerted_at IS NULL
          ORDER BY o.placed_at, o.id",
    )?;
    let rows = stmt.query_map([crate::timestamp(placed_before)], |r| r.get(0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Records that the owner was told about these orders.
pub fn mark_alerted(
    conn: &Connection,
    order_ids: &[i64],
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let mut stmt = conn.prepare_cached(
        "INSERT INTO order_notices (order_id, language, owner_alerted_at) VALUES (?1, 'nl', ?2)
         ON CONFLICT (order_id) DO UPDATE SET owner_alerted_at = excluded.owner_alerted_at",
    )?;
    for id in order_ids {
        stmt.execute(params![id, crate::timestamp(now)])?;
    }
    Ok(())
}
