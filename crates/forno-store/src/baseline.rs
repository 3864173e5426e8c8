//! The benchmark's baseline: the same rows an order writes, inserted by a plain rusqlite loop with
//! the same durability settings, one transaction per order. `forno bench` compares the full HTTP
//! path against this in one run.

use std::path::Path;
use std::time::{Duration, Instant};

use rusqlite::types::Value;
use rusqlite::{Connection, params_from_iter};

use crate::StoreError;

/// The tables one placed order writes rows into, in insert order, with how a row is tied to
/// the order `?1`.
const ORDER_TABLES: [(&str, &str); 6] = [
    (
        "customers",
        "id = (SELECT customer_id FROM orders WHERE id = ?1)",
    ),
    ("orders", "id = ?1"),
    ("order_lines", "order_id = ?1"),
    ("order_status_history", "order_id = ?1"),
    ("events", "order_id = ?1"),
    ("idempotency_keys", "order_id = ?1"),
];

type Rows = Vec<(String, Vec<Vec<Value>>)>;

/// Reads every order's rows from `source` (a database that orders were placed into).
pub fn order_rows(source: &Path) -> Result<Vec<Rows>, StoreError> {
    let conn = Connection::open(source)?;
    let ids: Vec<i64> = conn
        .prepare("SELECT id FROM orders ORDER BY id")?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    let mut all = Vec::with_capacity(ids.len());
    for id in ids {
        let mut rows = Vec::new();
        for (table, tied) in ORDER_TABLES {
            let mut stmt = conn.prepare_cached(&format!("SELECT * FROM {table} WHERE {tied}"))?;
            let width = stmt.column_count();
            let found: Vec<Vec<Value>> = stmt
                .query_map([id], |r| (0..width).map(|i| r.get::<_, Value>(i)).collect())?
                .collect::<Result<_, _>>()?;
            rows.push((table.to_owned(), found));
        }
        all.push(rows);
    }
    Ok(all)
}

/// Inserts `orders` into a fresh copy of the schema at `target` (WAL, synchronous=FULL, one
/// transaction per order) and returns each order's commit time.
pub fn insert_loop(
    schema_from: &Path,
    target: &Path,
    orders: &[Rows],
) -> Result<Vec<Duration>, StoreError> {
    {
        let source = Connection::open(schema_from)?;
        let schema: Vec<String> = source
            .prepare(
                "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'",
            )?
            .query_map([], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        let dest = Connection::open(target)?;
        dest.pragma_update(None, "journal_mode", "WAL")?;
        for sql in schema {
            dest.execute_batch(&sql)?;
        }
    }
    let mut conn = Connection::open(target)?;
    conn.execute_batch("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;")?;
    let mut timings = Vec::with_capacity(orders.len());
    for order in orders {
        let started = Instant::now();
        let tx = conn.transaction()?;
        for (table, rows) in order {
            for row in rows {
                let marks = vec!["?"; row.len()].join(", ");
                tx.prepare_cached(&format!("INSERT INTO {table} VALUES ({marks})"))?
                    .execute(params_from_iter(row.iter()))?;
            }
        }
        tx.commit()?;
        timings.push(started.elapsed());
    }
    Ok(timings)
}
