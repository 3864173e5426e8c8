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

/// A known customer as the counter finds them.
#[derive(Debug, Clone)]
pub struct CustomerRow {
    pub id: i64,
    pub name: String,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub order_count: i64,
    pub last_order_at: String,
}

/// Customers whose phone number contains `digits` (digits only), most recent first, at most
/// `limit`.
pub fn search_by_phone(
    conn: &Connection,
    digits: &str,
    limit: i64,
) -> Result<Vec<CustomerRow>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, name, phone, email, order_count, last_order_at FROM customers
         WHERE phone LIKE '%' || ?1 || '%' ORDER BY last_order_at DESC LIMIT ?2",
    )?;
    let rows = stmt.query_map(params![digits, limit], |r| {
        Ok(CustomerRow {
            id: r.get(0)?,
            name: r.get(1)?,
            phone: r.get(2)?,
            email: r.get(3)?,
            order_count: r.get(4)?,
            last_order_at: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The ids of a customer's latest orders, newest first.
pub fn latest_order_ids(
    conn: &Connection,
    customer_id: i64,
    limit: i64,
) -> Result<Vec<i64>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT id FROM orders WHERE customer_id = ?1 ORDER BY placed_at DESC, id DESC LIMIT ?2",
    )?;
    let rows = stmt.query_map(params![customer_id, limit], |r| r.get(0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}
