//! Staff members, their sessions and paired devices. PINs are stored as argon2 hashes and
//! session/device tokens as SHA-256 hashes; neither secret is ever stored or logged.

use chrono::{DateTime, Utc};
use forno_domain::Role;
use rusqlite::{Connection, OptionalExtension, params};

use crate::{StoreError, parse_timestamp, timestamp};

#[derive(Debug, Clone)]
pub struct StaffMember {
    pub id: i64,
    pub name: String,
    pub role: Role,
    pub pin_hash: String,
    pub failed_pin_attempts: i64,
    pub locked_until: Option<DateTime<Utc>>,
    pub active: bool,
}

fn from_row(r: &rusqlite::Row<'_>) -> Result<StaffMember, StoreError> {
    let role: String = r.get(2)?;
    Ok(StaffMember {
        id: r.get(0)?,
        name: r.get(1)?,
        role: Role::parse(&role)
            .ok_or_else(|| StoreError::Corrupt(format!("unknown role {role:?}")))?,
        pin_hash: r.get(3)?,
        failed_pin_attempts: r.get(4)?,
        locked_until: r
            .get::<_, Option<String>>(5)?
            .map(|t| parse_timestamp(&t))
            .transpose()?,
        active: r.get(6)?,
    })
}

const COLUMNS: &str = "id, name, role, pin_hash, failed_pin_attempts, locked_until, active";

pub fn by_name(conn: &Connection, name: &str) -> Result<Option<StaffMember>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM staff WHERE name = ?1 COLLATE NOCASE"
    ))?;
    let mut rows = stmt.query([name.trim()])?;
    rows.next()?.map(from_row).transpose()
}

/// Active staff who work the counter (everyone but the kitchen), by name: the counter's login
/// tiles. Names and roles only.
pub fn at_the_counter(conn: &Connection) -> Result<Vec<(i64, String, Role)>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, name, role FROM staff WHERE active = 1 AND role != 'kitchen'
         ORDER BY name COLLATE NOCASE",
    )?;
    let mut rows = stmt.query([])?;
    let mut staff = Vec::new();
    while let Some(r) = rows.next()? {
        let role: String = r.get(2)?;
        staff.push((
            r.get(0)?,
            r.get(1)?,
            Role::parse(&role)
                .ok_or_else(|| StoreError::Corrupt(format!("unknown role {role:?}")))?,
        ));
    }
    Ok(staff)
}

pub fn by_id(conn: &Connection, id: i64) -> Result<Option<StaffMember>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {COLUMNS} FROM staff WHERE id = ?1"))?;
    let mut rows = stmt.query([id])?;
    rows.next()?.map(from_row).transpose()
}

pub fn insert(
    conn: &Connection,
    name: &str,
    role: Role,
    pin_hash: &str,
    at: DateTime<Utc>,
) -> Result<i64, StoreError> {
    conn.execute(
        "INSERT INTO staff (name, role, pin_hash, created_at) VALUES (?1, ?2, ?3, ?4)",
        params![name, role.as_str(), pin_hash, timestamp(at)],
    )?;
    Ok(conn.last_insert_rowid())
}

pub fn count(conn: &Connection) -> Result<i64, StoreError> {
    Ok(conn.query_row("SELECT COUNT(*) FROM staff", [], |r| r.get(0))?)
}

/// Whether the shop has an owner who can log in (a shop without one still needs its setup).
pub fn has_active_owner(conn: &Connection) -> Result<bool, StoreError> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM staff WHERE role = 'owner' AND active = 1)",
        [],
        |r| r.get(0),
    )?)
}

/// Records a wrong PIN; locks the account until `lock_until` when `lock` is set.
pub fn record_failed_pin(
    conn: &Connection,
    id: i64,
    lock_until: Option<DateTime<Utc>>,
) -> Result<(), StoreError> {
    conn.execute(
        "UPDATE staff SET failed_pin_attempts = CASE WHEN ?2 IS NULL THEN failed_pin_attempts + 1 ELSE 0 END,
                          locked_until = COALESCE(?2, locked_until)
         WHERE id = ?1",
        params![id, lock_until.map(timestamp)],
    )?;
    Ok(())
}

pub fn record_good_pin(conn: &Connection, id: i64) -> Result<(), StoreError> {
    conn.execute(
        "UPDATE staff SET failed_pin_attempts = 0, locked_until = NULL WHERE id = ?1",
        [id],
    )?;
    Ok(())
}

pub fn insert_session(
    conn: &Connection,
    token_hash: &str,
    staff_id: i64,
    at: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO sessions (token_hash, staff_id, created_at, expires_at) VALUES (?1, ?2, ?3, ?4)",
        params![token_hash, staff_id, timestamp(at), timestamp(expires_at)],
    )?;
    Ok(())
}

/// The staff member behind a live session token hash.
pub fn by_session(
    conn: &Connection,
    token_hash: &str,
    now: DateTime<Utc>,
) -> Result<Option<StaffMember>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {} FROM staff s JOIN sessions x ON x.staff_id = s.id
         WHERE x.token_hash = ?1 AND x.expires_at > ?2 AND s.active = 1",
        COLUMNS
            .split(", ")
            .map(|c| format!("s.{c}"))
            .collect::<Vec<_>>()
            .join(", ")
    ))?;
    let mut rows = stmt.query(params![token_hash, timestamp(now)])?;
    rows.next()?.map(from_row).transpose()
}

pub fn delete_session(conn: &Connection, token_hash: &str) -> Result<(), StoreError> {
    conn.execute("DELETE FROM sessions WHERE token_hash = ?1", [token_hash])?;
    Ok(())
}

pub fn delete_expired_sessions(conn: &Connection, now: DateTime<Utc>) -> Result<usize, StoreError> {
    Ok(conn.execute(
        "DELETE FROM sessions WHERE expires_at <= ?1",
        [timestamp(now)],
    )?)
}

/// A paired device (kitchen screen, print agent) with its own long-lived token.
#[derive(Debug, Clone)]
pub struct Device {
    pub id: i64,
    pub name: String,
    pub kind: String,
    pub role: Role,
    pub paired_at: DateTime<Utc>,
}

const DEVICE_COLUMNS: &str = "id, name, kind, role, paired_at";

fn device_from_row(r: &rusqlite::Row<'_>) -> Result<Device, StoreError> {
    let role: String = r.get(3)?;
    Ok(Device {
        id: r.get(0)?,
        name: r.get(1)?,
        kind: r.get(2)?,
        role: Role::parse(&role)
            .ok_or_else(|| StoreError::Corrupt(format!("unknown role {role:?}")))?,
        paired_at: parse_timestamp(&r.get::<_, String>(4)?)?,
    })
}

/// The devices paired and not revoked, oldest first.
pub fn active_devices(conn: &Connection) -> Result<Vec<Device>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {DEVICE_COLUMNS} FROM devices WHERE revoked_at IS NULL ORDER BY id"
    ))?;
    let mut rows = stmt.query([])?;
    let mut devices = Vec::new();
    while let Some(row) = rows.next()? {
        devices.push(device_from_row(row)?);
    }
    Ok(devices)
}

/// Revokes a device's token; returns the device, or `None` if there is no such active device.
pub fn revoke_device(
    conn: &Connection,
    id: i64,
    at: DateTime<Utc>,
) -> Result<Option<Device>, StoreError> {
    let device = conn
        .query_row(
            &format!("SELECT {DEVICE_COLUMNS} FROM devices WHERE id = ?1 AND revoked_at IS NULL"),
            [id],
            |r| Ok(device_from_row(r)),
        )
        .optional()?
        .transpose()?;
    if device.is_some() {
        conn.execute(
            "UPDATE devices SET revoked_at = ?2 WHERE id = ?1",
            params![id, timestamp(at)],
        )?;
    }
    Ok(device)
}

pub fn insert_device(
    conn: &Connection,
    name: &str,
    kind: &str,
    role: Role,
    token_hash: &str,
    at: DateTime<Utc>,
) -> Result<i64, StoreError> {
    conn.execute(
        "INSERT INTO devices (name, kind, role, token_hash, paired_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![name, kind, role.as_str(), token_hash, timestamp(at)],
    )?;
    Ok(conn.last_insert_rowid())
}

pub fn device_by_token(conn: &Connection, token_hash: &str) -> Result<Option<Device>, StoreError> {
    conn.query_row(
        &format!(
            "SELECT {DEVICE_COLUMNS} FROM devices WHERE token_hash = ?1 AND revoked_at IS NULL"
        ),
        [token_hash],
        |r| Ok(device_from_row(r)),
    )
    .optional()?
    .transpose()
}

/// Every staff account, active ones first, then by name. With `created_at` for the staff page.
pub fn all(conn: &Connection) -> Result<Vec<(StaffMember, DateTime<Utc>)>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS}, created_at FROM staff ORDER BY active DESC, name COLLATE NOCASE"
    ))?;
    let mut rows = stmt.query([])?;
    let mut staff = Vec::new();
    while let Some(r) = rows.next()? {
        staff.push((from_row(r)?, parse_timestamp(&r.get::<_, String>(7)?)?));
    }
    Ok(staff)
}

/// How many active owners there are, leaving `except` out (the one being changed).
pub fn active_owners_except(conn: &Connection, except: i64) -> Result<usize, StoreError> {
    let n: i64 = conn.query_row(
        "SELECT COUNT(*) FROM staff WHERE role = 'owner' AND active = 1 AND id != ?1",
        [except],
        |r| r.get(0),
    )?;
    Ok(n as usize)
}

/// Whether another account (not `except`) already has this name (names ignore case).
pub fn name_taken(conn: &Connection, name: &str, except: Option<i64>) -> Result<bool, StoreError> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM staff WHERE name = ?1 COLLATE NOCASE AND id != COALESCE(?2, -1))",
        params![name, except],
        |r| r.get(0),
    )?)
}

/// Changes a staff member's name, role and whether the account is active. Stopping an account
/// ends its sessions in the same transaction, so its open screens stop working at once.
pub fn update(
    conn: &Connection,
    id: i64,
    name: &str,
    role: Role,
    active: bool,
) -> Result<(), StoreError> {
    conn.execute(
        "UPDATE staff SET name = ?2, role = ?3, active = ?4 WHERE id = ?1",
        params![id, name, role.as_str(), active],
    )?;
    if !active {
        end_sessions(conn, id)?;
    }
    Ok(())
}

/// Gives a staff member a new PIN hash and lifts a lock-out (a reset is also the way out of one).
pub fn set_pin_hash(conn: &Connection, id: i64, pin_hash: &str) -> Result<(), StoreError> {
    conn.execute(
        "UPDATE staff SET pin_hash = ?2, failed_pin_attempts = 0, locked_until = NULL WHERE id = ?1",
        params![id, pin_hash],
    )?;
    Ok(())
}

/// Ends every session of a staff member; returns how many there were.
pub fn end_sessions(conn: &Connection, staff_id: i64) -> Result<usize, StoreError> {
    Ok(conn.execute("DELETE FROM sessions WHERE staff_id = ?1", [staff_id])?)
}

/// Ends a staff member's sessions except the one with `keep` as its token hash.
pub fn end_other_sessions(
    conn: &Connection,
    staff_id: i64,
    keep: &str,
) -> Result<usize, StoreError> {
    Ok(conn.execute(
        "DELETE FROM sessions WHERE staff_id = ?1 AND token_hash != ?2",
        params![staff_id, keep],
    )?)
}

/// When an account was made.
pub fn created_at(conn: &Connection, id: i64) -> Result<DateTime<Utc>, StoreError> {
    let at: String = conn.query_row("SELECT created_at FROM staff WHERE id = ?1", [id], |r| {
        r.get(0)
    })?;
    parse_timestamp(&at)
}
