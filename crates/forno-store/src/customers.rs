//! Customers, recognised by phone number (digits only) or email.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, params};

use crate::StoreError;

/// Finds the customer by phone or email, updates name and counters, or creates them.
pub fn record_order(
    conn: &Connection,
    name: &str,
    phone: &str,
    email: Option<&str>,
    at: DateTime<Utc>,
) -> Result<Option<i64>, StoreError> {
    let phone_digits: String = phone.chars().filter(|c| c.is_ascii_digit()).collect();
    let phone_key = (!phone_digits.is_empty()).then_some(phone_digits);
    let email_key = email.map(str::trim).filter(|e| !e.is_empty());
    if phone_key.is_none() && email_key.is_none() {
        return Ok(None);
    }
    let existing: Option<i64> = conn
        .query_row(
            "SELECT id FROM customers WHERE phone = ?1 OR (?2 IS NOT NULL AND email = ?2) ORDER BY id LIMIT 1",
            params![phone_key, email_key],
            |r| r.get(0),
        )
        .optional()?;
    let at = crate::timestamp(at);
    match existing {
        Some(id) => {
            conn.execute(
                "UPDATE customers SET name = ?2, last_order_at = ?3, order_count = order_count + 1,
                    email = COALESCE(email, (SELECT ?4 WHERE NOT EXISTS (SELECT 1 FROM customers WHERE email = ?4)))
                 WHERE id = ?1",
                params![id, name, at, email_key],
            )?;
            Ok(Some(id))
        }
        None => {
            conn.execute(
                "INSERT INTO customers (name, phone, email, first_order_at, last_order_at, order_count)
                 VALUES (?1, ?2, (SELECT ?3 WHERE NOT EXISTS (SELECT 1 FROM customers WHERE email = ?3)), ?4, ?4, 1)",
                params![name, phone_key, email_key, at],
            )?;
            Ok(Some(conn.last_insert_rowid()))
        }
    }
}
