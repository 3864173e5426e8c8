//! Payment rows, mapped to and from `forno_domain::Payment`. The payment state of an order is
//! derived from them by the domain; nothing here sums or decides.

use chrono::{DateTime, Utc};
use forno_domain::{CheckedPayment, Payment, PaymentMethod, PaymentStatus};
use rusqlite::{Connection, params};

use crate::{StoreError, parse_timestamp, timestamp};

/// Writes one payment for `order_id`; returns its id.
pub fn insert(
    conn: &Connection,
    order_id: i64,
    payment: &CheckedPayment,
    staff_id: Option<i64>,
    at: DateTime<Utc>,
) -> Result<i64, StoreError> {
    conn.execute(
        "INSERT INTO payments (order_id, method, amount_cents, tendered_cents, change_cents,
             status, staff_id, at)
         VALUES (?1, ?2, ?3, ?4, ?5, 'received', ?6, ?7)",
        params![
            order_id,
            payment.method.as_str(),
            payment.amount,
            payment.tendered,
            payment.change,
            staff_id,
            timestamp(at),
        ],
    )?;
    let id = conn.last_insert_rowid();
    // The order changed (its payment state): screens keep the newest version by `updated_at`.
    conn.execute(
        "UPDATE orders SET updated_at = ?2 WHERE id = ?1",
        params![order_id, timestamp(at)],
    )?;
    Ok(id)
}

/// An order's payments, oldest first.
pub fn for_order(conn: &Connection, order_id: i64) -> Result<Vec<Payment>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT p.id, p.method, p.amount_cents, p.tendered_cents, p.change_cents, p.status,
                s.name, p.at
         FROM payments p LEFT JOIN staff s ON s.id = p.staff_id
         WHERE p.order_id = ?1 ORDER BY p.id",
    )?;
    let mut rows = stmt.query([order_id])?;
    let mut payments = Vec::new();
    while let Some(r) = rows.next()? {
        let method: String = r.get(1)?;
        let status: String = r.get(5)?;
        payments.push(Payment {
            id: r.get(0)?,
            method: PaymentMethod::parse(&method)
                .ok_or_else(|| StoreError::Corrupt(format!("unknown payment method {method:?}")))?,
            amount: r.get(2)?,
            tendered: r.get(3)?,
            change: r.get(4)?,
            status: PaymentStatus::parse(&status)
                .ok_or_else(|| StoreError::Corrupt(format!("unknown payment status {status:?}")))?,
            staff_name: r.get(6)?,
            at: parse_timestamp(&r.get::<_, String>(7)?)?,
        });
    }
    Ok(payments)
}

/// How many payment rows exist (for tests that prove nothing was written).
pub fn count(conn: &Connection) -> Result<i64, StoreError> {
    Ok(conn.query_row("SELECT COUNT(*) FROM payments", [], |r| r.get(0))?)
}
