//! Line void rows, mapped to and from `forno_domain::LineVoid`. Priced by the domain
//! (`Order::price_void`); the order's stored subtotal and total are lowered in the same
//! transaction, the line itself stays.

use chrono::{DateTime, Utc};
use forno_domain::{LineVoid, PricedVoid};
use rusqlite::{Connection, params};

use crate::discounts::GivenBy;
use crate::{StoreError, parse_timestamp, timestamp};

/// Writes a void and lowers the order's subtotal and total; returns its id.
pub fn insert(
    conn: &Connection,
    order_id: i64,
    void: &PricedVoid,
    reason: &str,
    by: &GivenBy,
    at: DateTime<Utc>,
) -> Result<i64, StoreError> {
    conn.execute(
        "INSERT INTO order_line_voids (order_id, line_position, amount_cents, reason, staff_id,
             approved_by_staff_id, at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            order_id,
            void.line as i64,
            void.total,
            reason,
            by.staff_id,
            by.approved_by_staff_id,
            timestamp(at),
        ],
    )?;
    let id = conn.last_insert_rowid();
    conn.execute(
        "UPDATE orders SET subtotal_cents = subtotal_cents - ?2, total_cents = total_cents - ?3,
             updated_at = ?4
         WHERE id = ?1",
        params![order_id, void.subtotal, void.total, timestamp(at)],
    )?;
    Ok(id)
}

/// An order's voided lines, oldest first.
pub fn for_order(conn: &Connection, order_id: i64) -> Result<Vec<LineVoid>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT v.id, v.line_position, v.amount_cents, v.reason, s.name, a.name, v.at
         FROM order_line_voids v
         LEFT JOIN staff s ON s.id = v.staff_id
         LEFT JOIN staff a ON a.id = v.approved_by_staff_id
         WHERE v.order_id = ?1 ORDER BY v.id",
    )?;
    let mut rows = stmt.query([order_id])?;
    let mut found = Vec::new();
    while let Some(r) = rows.next()? {
        found.push(LineVoid {
            id: r.get(0)?,
            line: usize::try_from(r.get::<_, i64>(1)?).unwrap_or(usize::MAX),
            amount: r.get(2)?,
            reason: r.get(3)?,
            staff_name: r.get(4)?,
            approved_by: r.get(5)?,
            at: parse_timestamp(&r.get::<_, String>(6)?)?,
        });
    }
    Ok(found)
}
