//! The audit log: who did what with money (cancellations, discounts, refunds, price changes).

use chrono::{DateTime, Utc};
use rusqlite::{Connection, params};
use serde::Serialize;

use crate::StoreError;

#[derive(Debug, Clone, Serialize)]
pub struct AuditEntry {
    pub id: i64,
    pub at: String,
    pub staff_id: Option<i64>,
    pub action: String,
    pub order_id: Option<i64>,
    pub detail: serde_json::Value,
}

pub fn record(
    conn: &Connection,
    at: DateTime<Utc>,
    staff_id: Option<i64>,
    action: &str,
    order_id: Option<i64>,
    detail: &serde_json::Value,
) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO audit_log (at, staff_id, action, order_id, detail) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![crate::timestamp(at), staff_id, action, order_id, detail.to_string()],
    )?;
    Ok(())
}

pub fn recent(conn: &Connection, limit: i64) -> Result<Vec<AuditEntry>, StoreError> {
    let mut stmt = conn.prepare(
        "SELECT id, at, staff_id, action, order_id, detail FROM audit_log ORDER BY id DESC LIMIT ?1",
    )?;
    let rows = stmt.query_map([limit], |r| {
        Ok(AuditEntry {
            id: r.get(0)?,
            at: r.get(1)?,
            staff_id: r.get(2)?,
            action: r.get(3)?,
            order_id: r.get(4)?,
            detail: serde_json::from_str(&r.get::<_, String>(5)?).unwrap_or_default(),
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}
