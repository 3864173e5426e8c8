//! The audit log: who did what with money or trust (cancellations, rejections, discounts,
//! payments, the drawer, price and settings changes, staff and PIN changes, logins and
//! lock-outs, devices). Append-only: `record` is the one way in, and migration 0008's triggers
//! refuse any change or removal of an entry. Each use case calls `record` inside its own write,
//! so an entry exists exactly when the action committed.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, params};
use serde::Serialize;

use crate::StoreError;

#[derive(Debug, Clone, Serialize)]
pub struct AuditEntry {
    pub id: i64,
    pub at: String,
    pub staff_id: Option<i64>,
    /// The name of `staff_id` as it is now (names can change; `detail` keeps the name at the time
    /// where it matters).
    pub staff_name: Option<String>,
    pub action: String,
    pub order_id: Option<i64>,
    pub detail: serde_json::Value,
}

/// Adds one entry. `staff_id` is the person who did it (`None` for the shop itself, a paired
/// device or a tool on the shop's computer: `detail` then says who).
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

/// Which entries to read: every part is optional; entries come newest first, `limit` at a time,
/// from before the entry `before` (the paging cursor).
#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    pub staff_id: Option<i64>,
    /// An action (`order.cancelled`), or a family of them ending in a dot (`staff.`).
    pub action: Option<String>,
    pub from: Option<DateTime<Utc>>,
    /// Exclusive.
    pub until: Option<DateTime<Utc>>,
    pub before: Option<i64>,
    pub limit: i64,
}

pub fn find(conn: &Connection, filter: &AuditFilter) -> Result<Vec<AuditEntry>, StoreError> {
    let (action, family) = match filter.action.as_deref() {
        Some(a) if a.ends_with('.') => (None, Some(format!("{}%", a.replace('%', "")))),
        Some(a) => (Some(a.to_owned()), None),
        None => (None, None),
    };
    let mut stmt = conn.prepare_cached(
        "SELECT a.id, a.at, a.staff_id, s.name, a.action, a.order_id, a.detail
         FROM audit_log a LEFT JOIN staff s ON s.id = a.staff_id
         WHERE (?1 IS NULL OR a.staff_id = ?1)
           AND (?2 IS NULL OR a.action = ?2)
           AND (?3 IS NULL OR a.action LIKE ?3)
           AND (?4 IS NULL OR a.at >= ?4)
           AND (?5 IS NULL OR a.at < ?5)
           AND (?6 IS NULL OR a.id < ?6)
         ORDER BY a.id DESC LIMIT ?7",
    )?;
    let rows = stmt.query_map(
        params![
            filter.staff_id,
            action,
            family,
            filter.from.map(crate::timestamp),
            filter.until.map(crate::timestamp),
            filter.before,
            filter.limit,
        ],
        |r| {
            Ok(AuditEntry {
                id: r.get(0)?,
                at: r.get(1)?,
                staff_id: r.get(2)?,
                staff_name: r.get(3)?,
                action: r.get(4)?,
                order_id: r.get(5)?,
                detail: serde_json::from_str(&r.get::<_, String>(6)?).unwrap_or_default(),
            })
        },
    )?;
    Ok(rows.collect::<Result<_, _>>()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_are_never_changed_or_removed_and_read_back_filtered() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("forno.sqlite");
        let store = crate::Store::open(&path, dir.path()).unwrap();
        let at = |s: &str| crate::parse_timestamp(s).unwrap();
        crate::write_from_tool(&path, |conn| -> Result<(), StoreError> {
            record(
                conn,
                at("2026-11-24T10:00:00Z"),
                None,
                "shop.paused",
                None,
                &serde_json::json!({}),
            )?;
            record(
                conn,
                at("2026-11-25T10:00:00Z"),
                None,
                "staff.pin_reset",
                None,
                &serde_json::json!({"staff": "Marco"}),
            )?;
            record(
                conn,
                at("2026-11-25T11:00:00Z"),
                None,
                "staff.added",
                None,
                &serde_json::json!({}),
            )
        })
        .unwrap();
        let changed = crate::write_from_tool(&path, |conn| -> Result<usize, StoreError> {
            Ok(conn.execute("UPDATE audit_log SET action = 'nothing'", [])?)
        });
        assert!(changed.is_err(), "an entry was changed");
        let removed = crate::write_from_tool(&path, |conn| -> Result<usize, StoreError> {
            Ok(conn.execute("DELETE FROM audit_log", [])?)
        });
        assert!(removed.is_err(), "an entry was removed");

        let find_with = |filter: AuditFilter| {
            store
                .read(|conn| {
                    find(
                        conn,
                        &AuditFilter {
                            limit: 10,
                            ..filter
                        },
                    )
                })
                .unwrap()
                .into_iter()
                .map(|e| e.action)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            find_with(AuditFilter::default()),
            ["staff.added", "staff.pin_reset", "shop.paused"]
        );
        let staff = find_with(AuditFilter {
            action: Some("staff.".into()),
            ..AuditFilter::default()
        });
        assert_eq!(staff, ["staff.added", "staff.pin_reset"]);
        let day = find_with(AuditFilter {
            from: Some(at("2026-11-25T00:00:00Z")),
            until: Some(at("2026-11-25T10:30:00Z")),
            ..AuditFilter::default()
        });
        assert_eq!(day, ["staff.pin_reset"]);
        store.close();
    }
}
