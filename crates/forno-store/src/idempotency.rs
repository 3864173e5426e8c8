//! Idempotency keys for any create: a retried request with the same key finds what the first one
//! created instead of creating it again. A key lives in a scope (the kind of create it guards:
//! "order", later "payment", "refund"), so the same key may guard one create of each kind.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, params};

use crate::StoreError;

/// What a key's first request created, and the hash of that request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Remembered {
    pub request_hash: String,
    /// The kind of resource created ("order", ...).
    pub resource_kind: String,
    pub resource_id: i64,
}

/// The create a key already made in `scope`, if any.
pub fn find(conn: &Connection, scope: &str, key: &str) -> Result<Option<Remembered>, StoreError> {
    Ok(conn
        .query_row(
            "SELECT request_hash, resource_kind, resource_id FROM idempotency_keys
             WHERE scope = ?1 AND key = ?2",
            params![scope, key],
            |r| {
                Ok(Remembered {
                    request_hash: r.get(0)?,
                    resource_kind: r.get(1)?,
                    resource_id: r.get(2)?,
                })
            },
        )
        .optional()?)
}

/// Remembers that the request with `request_hash` under `key` created this resource.
pub fn remember(
    conn: &Connection,
    scope: &str,
    key: &str,
    request_hash: &str,
    resource_kind: &str,
    resource_id: i64,
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO idempotency_keys (scope, key, request_hash, resource_kind, resource_id, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![scope, key, request_hash, resource_kind, resource_id, crate::timestamp(at)],
    )?;
    Ok(())
}

/// Forgets the keys made before `before` (a retry comes within minutes, not weeks); returns how
/// many. What they created stays, of course.
pub fn forget_before(conn: &Connection, before: DateTime<Utc>) -> Result<usize, StoreError> {
    Ok(conn.execute(
        "DELETE FROM idempotency_keys WHERE created_at < ?1",
        params![crate::timestamp(before)],
    )?)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A database as the foundation schema left it, with a key that created order 7.
    fn foundation_database(path: &std::path::Path) {
        let conn = Connection::open(path).unwrap();
        // The order itself does not matter here, only the key that points at it.
        conn.execute_batch("PRAGMA foreign_keys = OFF;").unwrap();
        conn.execute_batch(include_str!("../../../migrations/0001_foundation.sql"))
            .unwrap();
        conn.execute_batch(
            "CREATE TABLE schema_migrations (
                 version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);
             INSERT INTO schema_migrations VALUES (1, 'foundation', '2026-11-01T10:00:00Z');
             INSERT INTO idempotency_keys (key, request_hash, order_id, created_at)
             VALUES ('phone-retry-1', 'abc123', 7, '2026-11-01T10:05:00.000Z');",
        )
        .unwrap();
    }

    #[test]
    fn keys_of_orders_placed_before_the_upgrade_still_find_their_order() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("forno.sqlite");
        foundation_database(&path);
        let store = crate::Store::open(&path, &dir.path().join("backups")).unwrap();
        let found = store
            .read(|conn| find(conn, "order", "phone-retry-1"))
            .unwrap();
        assert_eq!(
            found,
            Some(Remembered {
                request_hash: "abc123".into(),
                resource_kind: "order".into(),
                resource_id: 7,
            })
        );
        assert_eq!(
            store
                .read(|conn| find(conn, "payment", "phone-retry-1"))
                .unwrap(),
            None,
            "a key is per scope"
        );
        store.close();
        let backups = std::fs::read_dir(dir.path().join("backups"))
            .unwrap()
            .count();
        assert_eq!(backups, 1, "the database is backed up before migrating");
    }

    #[tokio::test]
    async fn one_key_guards_one_create_per_scope() {
        let dir = tempfile::tempdir().unwrap();
        let store = crate::Store::open(&dir.path().join("forno.sqlite"), dir.path()).unwrap();
        let at = chrono::Utc::now();
        store
            .write(
                move |conn| {
                    remember(conn, "order", "k1", "h1", "order", 1, at)?;
                    remember(conn, "payment", "k1", "h2", "payment", 9, at)
                },
                |_| {},
            )
            .await
            .unwrap();
        let again = store
            .write(
                move |conn| remember(conn, "order", "k1", "h3", "order", 2, at),
                |_| {},
            )
            .await;
        assert!(again.is_err(), "a key remembered twice in one scope");
        let payment = store.read(|conn| find(conn, "payment", "k1")).unwrap();
        assert_eq!(payment.map(|r| r.resource_id), Some(9));
        store.close();
    }

    #[tokio::test]
    async fn old_keys_are_forgotten_and_recent_ones_kept() {
        let dir = tempfile::tempdir().unwrap();
        let store = crate::Store::open(&dir.path().join("forno.sqlite"), dir.path()).unwrap();
        let now = chrono::Utc::now();
        let old = now - chrono::Duration::days(8);
        let forgotten = store
            .write(
                move |conn| {
                    remember(conn, "order", "old", "h1", "order", 1, old)?;
                    remember(conn, "order", "new", "h2", "order", 2, now)?;
                    forget_before(conn, now - chrono::Duration::days(7))
                },
                |_| {},
            )
            .await
            .unwrap();
        assert_eq!(forgotten, 1);
        assert_eq!(store.read(|conn| find(conn, "order", "old")).unwrap(), None);
        assert!(
            store
                .read(|conn| find(conn, "order", "new"))
                .unwrap()
                .is_some()
        );
        store.close();
    }
}
