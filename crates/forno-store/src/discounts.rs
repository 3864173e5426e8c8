//! Discount rows, mapped to and from `forno_domain::AppliedDiscount`. Priced by the domain; the
//! order's stored total is lowered by the discount in the same transaction.

use chrono::{DateTime, Utc};
use forno_domain::{AppliedDiscount, DiscountShare, DiscountTarget, DiscountValue, PricedDiscount};
use rusqlite::{Connection, params};
use serde::{Deserialize, Serialize};

use crate::{StoreError, timestamp, vat_code, vat_from_code};

#[derive(Serialize, Deserialize)]
struct ShareRow {
    rate: String,
    amount_cents: i64,
    vat_cents: i64,
}

/// Who gave a discount and who approved it.
pub struct GivenBy {
    pub staff_id: Option<i64>,
    pub approved_by_staff_id: Option<i64>,
}

/// Writes a discount and lowers the order's total by its amount; returns its id.
pub fn insert(
    conn: &Connection,
    order_id: i64,
    discount: &PricedDiscount,
    reason: &str,
    by: &GivenBy,
    at: DateTime<Utc>,
) -> Result<i64, StoreError> {
    let (kind, value) = match discount.value {
        DiscountValue::Percent(p) => ("percent", p),
        DiscountValue::Amount(a) => ("amount", a),
    };
    let line = match discount.target {
        DiscountTarget::Order => None,
        DiscountTarget::Line(i) => Some(i as i64),
    };
    let shares: Vec<ShareRow> = discount
        .shares
        .iter()
        .map(|s| ShareRow {
            rate: vat_code(s.rate).to_owned(),
            amount_cents: s.amount,
            vat_cents: s.vat,
        })
        .collect();
    conn.execute(
        "INSERT INTO order_discounts (order_id, line_position, kind, value, amount_cents, shares,
             reason, staff_id, approved_by_staff_id, at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            order_id,
            line,
            kind,
            value,
            discount.amount,
            serde_json::to_string(&shares)?,
            reason,
            by.staff_id,
            by.approved_by_staff_id,
            timestamp(at),
        ],
    )?;
    let id = conn.last_insert_rowid();
    conn.execute(
        "UPDATE orders SET total_cents = total_cents - ?2, updated_at = ?3 WHERE id = ?1",
        params![order_id, discount.amount, timestamp(at)],
    )?;
    Ok(id)
}

/// An order's discounts, oldest first.
pub fn for_order(conn: &Connection, order_id: i64) -> Result<Vec<AppliedDiscount>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT d.id, d.line_position, d.kind, d.value, d.amount_cents, d.shares, d.reason,
                s.name, a.name
         FROM order_discounts d
         LEFT JOIN staff s ON s.id = d.staff_id
         LEFT JOIN staff a ON a.id = d.approved_by_staff_id
         WHERE d.order_id = ?1 ORDER BY d.id",
    )?;
    let mut rows = stmt.query([order_id])?;
    let mut found = Vec::new();
    while let Some(r) = rows.next()? {
        let kind: String = r.get(2)?;
        let value: i64 = r.get(3)?;
        let shares: Vec<ShareRow> = serde_json::from_str(&r.get::<_, String>(5)?)?;
        found.push(AppliedDiscount {
            id: r.get(0)?,
            priced: PricedDiscount {
                target: match r.get::<_, Option<i64>>(1)? {
                    None => DiscountTarget::Order,
                    Some(i) => DiscountTarget::Line(usize::try_from(i).unwrap_or(usize::MAX)),
                },
                value: match kind.as_str() {
                    "percent" => DiscountValue::Percent(value),
                    "amount" => DiscountValue::Amount(value),
                    other => {
                        return Err(StoreError::Corrupt(format!(
                            "unknown discount kind {other:?}"
                        )));
                    }
                },
                amount: r.get(4)?,
                shares: shares
                    .into_iter()
                    .map(|s| {
                        Ok(DiscountShare {
                            rate: vat_from_code(&s.rate)?,
                            amount: s.amount_cents,
                            vat: s.vat_cents,
                        })
                    })
                    .collect::<Result<_, StoreError>>()?,
            },
            reason: r.get(6)?,
            staff_name: r.get(7)?,
            approved_by: r.get(8)?,
        });
    }
    Ok(found)
}
