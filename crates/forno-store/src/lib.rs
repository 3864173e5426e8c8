//! Forno's SQLite store: the schema (through the numbered files in `migrations/`), one
//! repository module per table group, the gap-free event log, the outbox of side effects, and
//! backups.
//!
//! Architecture Invariant: this is the only crate that writes SQL. Callers get typed records and
//! pass closures that run inside a transaction; they never see a SQL string.
//!
//! Architecture Invariant: there is exactly one writer connection, on a thread of its own. Every
//! write is a job on that thread; jobs that arrive together share one commit (group commit), each
//! inside its own savepoint, so one job's failure never undoes another's and a job is either
//! wholly committed or not at all. Readers use a small pool of read-only connections.
//!
//! Durability: WAL with `synchronous=FULL`, foreign keys on. A job's result is handed back only
//! after its commit is on disk.

pub mod audit;
pub mod baseline;
pub mod customers;
mod db;
pub mod discounts;
pub mod events;
pub mod idempotency;
pub mod line_voids;
pub mod menu;
pub mod notices;
pub mod orders;
pub mod outbox;
pub mod payments;
pub mod printers;
pub mod settings;
pub mod staff;

pub use db::{Store, StoreError, backup_database, restore_database, write_from_tool};
pub use rusqlite::Connection;

/// How every time is stored: RFC 3339 in UTC with milliseconds, so text order is time order.
pub fn timestamp(at: chrono::DateTime<chrono::Utc>) -> String {
    at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

/// Reads a stored timestamp back.
pub fn parse_timestamp(text: &str) -> Result<chrono::DateTime<chrono::Utc>, StoreError> {
    chrono::DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&chrono::Utc))
        .map_err(|e| StoreError::Corrupt(format!("bad timestamp {text:?}: {e}")))
}

/// How a VAT class is stored.
pub(crate) fn vat_code(rate: forno_domain::VatRate) -> &'static str {
    match rate {
        forno_domain::VatRate::Reduced => "reduced",
        forno_domain::VatRate::Standard => "standard",
    }
}

pub(crate) fn vat_from_code(code: &str) -> Result<forno_domain::VatRate, StoreError> {
    match code {
        "reduced" => Ok(forno_domain::VatRate::Reduced),
        "standard" => Ok(forno_domain::VatRate::Standard),
        other => Err(StoreError::Corrupt(format!("unknown VAT class {other:?}"))),
    }
}
