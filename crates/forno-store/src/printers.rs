//! Printers (how each is reached, its profile, its state as last seen) and the print rules.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, params};

use crate::StoreError;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrinterRow {
    pub id: i64,
    pub name: String,
    pub profile: String,
    /// `tcp`, `serial`, `usb`, `cups` or `agent`.
    pub connection: String,
    pub address: String,
    pub enabled: bool,
    /// As last seen: `online`, `paper_out`, `offline`, ...
    pub state: String,
    pub state_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A printer to add or the new values of one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrinterFields {
    pub name: String,
    pub profile: String,
    pub connection: String,
    pub address: String,
    pub enabled: bool,
}

/// One rule: `trigger` prints `layout` on `printer_id` (None: the first enabled printer). A
/// kitchen rule may name a `station` (its code): then it prints only that station's ticket.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrintRule {
    pub id: i64,
    pub trigger: String,
    pub layout: String,
    pub printer_id: Option<i64>,
    pub station: Option<String>,
    pub enabled: bool,
}

/// A rule as the owner sets it (the whole list is replaced at once).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleFields {
    pub trigger: String,
    pub layout: String,
    pub printer_id: Option<i64>,
    pub station: Option<String>,
    pub enabled: bool,
}

/// Where a rule prints: its layout, the station it is limited to, and the printer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub layout: String,
    pub station: Option<String>,
    pub printer: PrinterRow,
}

const COLUMNS: &str =
    "id, name, profile, connection, address, enabled, state, state_at, created_at, updated_at";

fn ts(r: &rusqlite::Row<'_>, idx: usize) -> rusqlite::Result<DateTime<Utc>> {
    let text: String = r.get(idx)?;
    crate::parse_timestamp(&text).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(idx, rusqlite::types::Type::Text, Box::new(e))
    })
}

fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<PrinterRow> {
    Ok(PrinterRow {
        id: r.get(0)?,
        name: r.get(1)?,
        profile: r.get(2)?,
        connection: r.get(3)?,
        address: r.get(4)?,
        enabled: r.get(5)?,
        state: r.get(6)?,
        state_at: match r.get::<_, Option<String>>(7)? {
            Some(_) => Some(ts(r, 7)?),
            None => None,
        },
        created_at: ts(r, 8)?,
        updated_at: ts(r, 9)?,
    })
}

pub fn list(conn: &Connection) -> Result<Vec<PrinterRow>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {COLUMNS} FROM printers ORDER BY id"))?;
    let rows = stmt.query_map([], from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn get(conn: &Connection, id: i64) -> Result<Option<PrinterRow>, StoreError> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM printers WHERE id = ?1"),
            [id],
            from_row,
        )
        .optional()?)
}

pub fn by_name(conn: &Connection, name: &str) -> Result<Option<PrinterRow>, StoreError> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM printers WHERE name = ?1"),
            [name],
            from_row,
        )
        .optional()?)
}

pub fn insert(
    conn: &Connection,
    fields: &PrinterFields,
    now: DateTime<Utc>,
) -> Result<PrinterRow, StoreError> {
    let mut stmt = conn.prepare_cached(&format!(
        "INSERT INTO printers (name, profile, connection, address, enabled, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6) RETURNING {COLUMNS}"
    ))?;
    Ok(stmt.query_row(
        params![
            fields.name,
            fields.profile,
            fields.connection,
            fields.address,
            fields.enabled,
            crate::timestamp(now)
        ],
        from_row,
    )?)
}

/// Changes a printer; its state goes back to `unknown` when how it is reached changed.
pub fn update(
    conn: &Connection,
    id: i64,
    fields: &PrinterFields,
    now: DateTime<Utc>,
) -> Result<Option<PrinterRow>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!(
        "UPDATE printers
            SET state = CASE WHEN connection = ?4 AND address = ?5 THEN state ELSE 'unknown' END,
                name = ?2, profile = ?3, connection = ?4, address = ?5, enabled = ?6,
                updated_at = ?7
          WHERE id = ?1 RETURNING {COLUMNS}"
    ))?;
    Ok(stmt
        .query_row(
            params![
                id,
                fields.name,
                fields.profile,
                fields.connection,
                fields.address,
                fields.enabled,
                crate::timestamp(now)
            ],
            from_row,
        )
        .optional()?)
}

pub fn delete(conn: &Connection, id: i64) -> Result<bool, StoreError> {
    Ok(conn.execute("DELETE FROM printers WHERE id = ?1", [id])? == 1)
}

/// Records the state a printer reported; true when it changed.
pub fn set_state(
    conn: &Connection,
    id: i64,
    state: &str,
    now: DateTime<Utc>,
) -> Result<bool, StoreError> {
    Ok(conn.execute(
        "UPDATE printers SET state = ?2, state_at = ?3 WHERE id = ?1 AND state <> ?2",
        params![id, state, crate::timestamp(now)],
    )? == 1)
}

pub fn rules(conn: &Connection) -> Result<Vec<PrintRule>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, trigger, layout, printer_id, station, enabled FROM print_rules ORDER BY id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(PrintRule {
            id: r.get(0)?,
            trigger: r.get(1)?,
            layout: r.get(2)?,
            printer_id: r.get(3)?,
            station: r.get(4)?,
            enabled: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Replaces every rule by `rules` (in this order).
pub fn replace_rules(conn: &Connection, rules: &[RuleFields]) -> Result<(), StoreError> {
    conn.execute("DELETE FROM print_rules", [])?;
    let mut stmt = conn.prepare_cached(
        "INSERT INTO print_rules (trigger, layout, printer_id, station, enabled)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for rule in rules {
        stmt.execute(params![
            rule.trigger,
            rule.layout,
            rule.printer_id,
            rule.station,
            rule.enabled
        ])?;
    }
    Ok(())
}

/// Where `trigger` prints: each enabled rule's printer, or for a rule without one the first
/// enabled printer. Disabled printers are skipped.
pub fn targets(conn: &Connection, trigger: &str) -> Result<Vec<Target>, StoreError> {
    let printers = list(conn)?;
    let first = printers.iter().find(|p| p.enabled);
    let mut out = Vec::new();
    for rule in rules(conn)?
        .into_iter()
        .filter(|r| r.enabled && r.trigger == trigger)
    {
        let printer = match rule.printer_id {
            Some(id) => printers.iter().find(|p| p.id == id && p.enabled),
            None => first,
        };
        if let Some(printer) = printer {
            out.push(Target {
                layout: rule.layout,
                station: rule.station,
                printer: printer.clone(),
            });
        }
    }
    Ok(out)
}
