//! Orders, their lines and their status history, mapped to and from `forno_domain::Order`.

use chrono::{DateTime, NaiveDate, Utc};
use forno_domain::pricing::{PricedHalf, ZoneRef};
use forno_domain::{
    Address, Channel, Contact, Fulfilment, Order, OrderStatus, PricedLine, PricedOrder, StatusEntry,
};
use rusqlite::{Connection, OptionalExtension, params, params_from_iter, types::Value};
use serde::{Deserialize, Serialize};

use crate::{StoreError, parse_timestamp, timestamp, vat_code, vat_from_code};

/// What the place-order use case writes.
pub struct NewOrder<'a> {
    pub business_date: NaiveDate,
    pub tracking_token: &'a str,
    pub channel: Channel,
    pub fulfilment: &'a Fulfilment,
    pub requested_time: Option<DateTime<Utc>>,
    pub estimated_ready_at: DateTime<Utc>,
    pub contact: Option<&'a Contact>,
    pub customer_id: Option<i64>,
    pub note: Option<&'a str>,
    pub priced: &'a PricedOrder,
    pub placed_by_staff_id: Option<i64>,
    pub at: DateTime<Utc>,
}

#[derive(Serialize, Deserialize)]
struct LineDetails {
    extras: Vec<String>,
    removed_ingredients: Vec<String>,
    second_half: Option<PricedHalf>,
}

/// Inserts the order, its lines and its first history entry; returns the new id.
pub fn insert(conn: &Connection, order: &NewOrder<'_>) -> Result<i64, StoreError> {
    let date = order.business_date.to_string();
    let day_number: i64 = conn.query_row(
        "SELECT COALESCE(MAX(day_number), 0) + 1 FROM orders WHERE business_date = ?1",
        [&date],
        |r| r.get(0),
    )?;
    let address = match order.fulfilment {
        Fulfilment::Delivery { address } => Some(serde_json::to_string(address)?),
        Fulfilment::Pickup => None,
    };
    let at = timestamp(order.at);
    conn.execute(
        "INSERT INTO orders (business_date, day_number, tracking_token, status, channel, fulfilment,
            address, zone_id, zone_name, requested_time, estimated_ready_at, contact_name,
            contact_phone, contact_email, customer_id, note, subtotal_cents, delivery_fee_cents,
            total_cents, placed_by_staff_id, placed_at, updated_at)
         VALUES (?1, ?2, ?3, 'placed', ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
                 ?18, ?19, ?20, ?20)",
        params![
            date,
            day_number,
            order.tracking_token,
            order.channel.as_str(),
            order.fulfilment.kind(),
            address,
            order.priced.zone.as_ref().map(|z| z.id),
            order.priced.zone.as_ref().map(|z| &z.name),
            order.requested_time.map(timestamp),
            timestamp(order.estimated_ready_at),
            order.contact.map(|c| &c.name),
            order.contact.map(|c| &c.phone),
            order.contact.and_then(|c| c.email.as_ref()),
            order.customer_id,
            order.note,
            order.priced.subtotal,
            order.priced.delivery_fee,
            order.priced.total,
            order.placed_by_staff_id,
            at,
        ],
    )?;
    let id = conn.last_insert_rowid();
    let mut line_stmt = conn.prepare_cached(
        "INSERT INTO order_lines (order_id, position, item_id, item_name, size_code, size_name,
            quantity, unit_price_cents, total_cents, vat_rate, vat_cents, details, note)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    )?;
    for (position, line) in order.priced.lines.iter().enumerate() {
        let details = LineDetails {
            extras: line.extras.clone(),
            removed_ingredients: line.removed_ingredients.clone(),
            second_half: line.second_half.clone(),
        };
        line_stmt.execute(params![
            id,
            position as i64,
            line.item_id,
            line.item_name,
            line.size_code,
            line.size_name,
            line.quantity,
            line.unit_price,
            line.total,
            vat_code(line.vat_rate),
            line.vat,
            serde_json::to_string(&details)?,
            line.note,
        ])?;
    }
    add_history(
        conn,
        id,
        OrderStatus::Placed,
        order.at,
        order.placed_by_staff_id,
        None,
    )?;
    Ok(id)
}

fn add_history(
    conn: &Connection,
    order_id: i64,
    status: OrderStatus,
    at: DateTime<Utc>,
    staff_id: Option<i64>,
    reason: Option<&str>,
) -> Result<(), StoreError> {
    conn.prepare_cached(
        "INSERT INTO order_status_history (order_id, status, at, staff_id, reason) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![order_id, status.as_str(), timestamp(at), staff_id, reason])?;
    Ok(())
}

/// Moves an order to `status` (the caller checked the transition) and records who and why.
#[allow(clippy::too_many_arguments)]
pub fn set_status(
    conn: &Connection,
    order_id: i64,
    status: OrderStatus,
    at: DateTime<Utc>,
    staff_id: Option<i64>,
    reason: Option<&str>,
    customer_message: Option<&str>,
    estimated_ready_at: Option<DateTime<Utc>>,
) -> Result<(), StoreError> {
    let cancel_reason = matches!(status, OrderStatus::Cancelled | OrderStatus::Rejected)
        .then_some(reason)
        .flatten();
    conn.execute(
        "UPDATE orders SET status = ?2, updated_at = ?3,
            cancel_reason = COALESCE(?4, cancel_reason),
            estimated_ready_at = COALESCE(?5, estimated_ready_at),
            customer_message = COALESCE(?6, customer_message)
         WHERE id = ?1",
        params![
            order_id,
            status.as_str(),
            timestamp(at),
            cancel_reason,
            estimated_ready_at.map(timestamp),
            customer_message,
        ],
    )?;
    add_history(conn, order_id, status, at, staff_id, reason)
}

const ORDER_COLUMNS: &str = "id, business_date, day_number, tracking_token, status, channel,
    fulfilment, address, zone_id, zone_name, requested_time, estimated_ready_at, contact_name,
    contact_phone, contact_email, customer_id, note, subtotal_cents, delivery_fee_cents,
    total_cents, cancel_reason, placed_at, updated_at, customer_message";

fn corrupt(what: &str, value: &str) -> StoreError {
    StoreError::Corrupt(format!("unknown {what} {value:?}"))
}

fn order_from_row(r: &rusqlite::Row<'_>) -> Result<Order, StoreError> {
    let status: String = r.get(4)?;
    let channel: String = r.get(5)?;
    let fulfilment = match r.get::<_, String>(6)?.as_str() {
        "delivery" => {
            let address: String = r.get(7)?;
            Fulfilment::Delivery {
                address: serde_json::from_str::<Address>(&address)?,
            }
        }
        _ => Fulfilment::Pickup,
    };
    let zone = match (r.get::<_, Option<i64>>(8)?, r.get::<_, Option<String>>(9)?) {
        // Only the zone's id and name are kept with the order; its delivery minutes are the
        // zone's (forno-app looks them up where it promises a time).
        (Some(id), Some(name)) => Some(ZoneRef {
            id,
            name,
            extra_minutes: 0,
        }),
        _ => None,
    };
    let contact = match r.get::<_, Option<String>>(12)? {
        Some(name) => Some(Contact {
            name,
            phone: r.get::<_, Option<String>>(13)?.unwrap_or_default(),
            email: r.get(14)?,
        }),
        None => None,
    };
    let date: String = r.get(1)?;
    Ok(Order {
        id: r.get(0)?,
        business_date: date.parse().map_err(|_| corrupt("date", &date))?,
        day_number: r.get(2)?,
        tracking_token: r.get(3)?,
        status: OrderStatus::parse(&status).ok_or_else(|| corrupt("status", &status))?,
        channel: Channel::parse(&channel).ok_or_else(|| corrupt("channel", &channel))?,
        fulfilment,
        zone,
        requested_time: r
            .get::<_, Option<String>>(10)?
            .map(|t| parse_timestamp(&t))
            .transpose()?,
        estimated_ready_at: parse_timestamp(&r.get::<_, String>(11)?)?,
        contact,
        customer_id: r.get(15)?,
        note: r.get(16)?,
        lines: Vec::new(),
        subtotal: r.get(17)?,
        delivery_fee: r.get(18)?,
        total: r.get(19)?,
        cancel_reason: r.get(20)?,
        customer_message: r.get(23)?,
        placed_at: parse_timestamp(&r.get::<_, String>(21)?)?,
        updated_at: parse_timestamp(&r.get::<_, String>(22)?)?,
        status_history: Vec::new(),
        payments: Vec::new(),
        discounts: Vec::new(),
        done_lines: Vec::new(),
        voids: Vec::new(),
    })
}

/// The order's lines and the positions of those marked done.
fn load_lines(
    conn: &Connection,
    order_id: i64,
) -> Result<(Vec<PricedLine>, Vec<usize>), StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT item_id, item_name, size_code, size_name, quantity, unit_price_cents, total_cents,
                vat_rate, vat_cents, details, note, done_at IS NOT NULL
         FROM order_lines WHERE order_id = ?1 ORDER BY position",
    )?;
    let mut rows = stmt.query([order_id])?;
    let mut lines = Vec::new();
    let mut done = Vec::new();
    while let Some(r) = rows.next()? {
        if r.get::<_, bool>(11)? {
            done.push(lines.len());
        }
        let details: LineDetails = serde_json::from_str(&r.get::<_, String>(9)?)?;
        let vat: String = r.get(7)?;
        lines.push(PricedLine {
            item_id: r.get(0)?,
            item_name: r.get(1)?,
            size_code: r.get(2)?,
            size_name: r.get(3)?,
            quantity: r.get(4)?,
            unit_price: r.get(5)?,
            total: r.get(6)?,
            vat_rate: vat_from_code(&vat)?,
            vat: r.get(8)?,
            extras: details.extras,
            removed_ingredients: details.removed_ingredients,
            second_half: details.second_half,
            note: r.get(10)?,
        });
    }
    Ok((lines, done))
}

fn load_history(conn: &Connection, order_id: i64) -> Result<Vec<StatusEntry>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT h.status, h.at, s.name, h.reason FROM order_status_history h
         LEFT JOIN staff s ON s.id = h.staff_id WHERE h.order_id = ?1 ORDER BY h.id",
    )?;
    let mut rows = stmt.query([order_id])?;
    let mut history = Vec::new();
    while let Some(r) = rows.next()? {
        let status: String = r.get(0)?;
        history.push(StatusEntry {
            status: OrderStatus::parse(&status).ok_or_else(|| corrupt("status", &status))?,
            at: parse_timestamp(&r.get::<_, String>(1)?)?,
            staff_name: r.get(2)?,
            reason: r.get(3)?,
        });
    }
    Ok(history)
}

fn complete(conn: &Connection, mut order: Order) -> Result<Order, StoreError> {
    (order.lines, order.done_lines) = load_lines(conn, order.id)?;
    order.status_history = load_history(conn, order.id)?;
    order.payments = crate::payments::for_order(conn, order.id)?;
    order.discounts = crate::discounts::for_order(conn, order.id)?;
    order.voids = crate::line_voids::for_order(conn, order.id)?;
    Ok(order)
}

fn find_one(
    conn: &Connection,
    filter: &str,
    value: &dyn rusqlite::ToSql,
) -> Result<Option<Order>, StoreError> {
    let sql = format!("SELECT {ORDER_COLUMNS} FROM orders WHERE {filter}");
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut rows = stmt.query([value])?;
    match rows.next()? {
        Some(row) => {
            let order = order_from_row(row)?;
            Ok(Some(complete(conn, order)?))
        }
        None => Ok(None),
    }
}

pub fn get(conn: &Connection, id: i64) -> Result<Option<Order>, StoreError> {
    find_one(conn, "id = ?1", &id)
}

pub fn by_tracking_token(conn: &Connection, token: &str) -> Result<Option<Order>, StoreError> {
    find_one(conn, "tracking_token = ?1", &token)
}

pub fn id_by_tracking_token(conn: &Connection, token: &str) -> Result<Option<i64>, StoreError> {
    Ok(conn
        .query_row(
            "SELECT id FROM orders WHERE tracking_token = ?1",
            [token],
            |r| r.get(0),
        )
        .optional()?)
}

/// Which orders a list shows.
#[derive(Debug, Clone, Default)]
pub struct OrderFilter {
    pub statuses: Vec<OrderStatus>,
    pub channels: Vec<Channel>,
    /// `pickup` or `delivery` (`Fulfilment::kind`); none: both.
    pub fulfilment: Option<&'static str>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// Matches the order number ("17", "#017"), the customer's name, phone or address.
    pub search: Option<String>,
    pub limit: i64,
    pub offset: i64,
}

/// Orders matching `filter`, newest first, with the total count for paging.
pub fn list(conn: &Connection, filter: &OrderFilter) -> Result<(Vec<Order>, i64), StoreError> {
    let mut clauses = Vec::new();
    let mut values: Vec<Value> = Vec::new();
    let placeholder = |values: &mut Vec<Value>, v: Value| {
        values.push(v);
        format!("?{}", values.len())
    };
    if !filter.statuses.is_empty() {
        let list: Vec<String> = filter
            .statuses
            .iter()
            .map(|s| placeholder(&mut values, Value::Text(s.as_str().into())))
            .collect();
        clauses.push(format!("status IN ({})", list.join(", ")));
    }
    if !filter.channels.is_empty() {
        let list: Vec<String> = filter
            .channels
            .iter()
            .map(|c| placeholder(&mut values, Value::Text(c.as_str().into())))
            .collect();
        clauses.push(format!("channel IN ({})", list.join(", ")));
    }
    if let Some(kind) = filter.fulfilment {
        let p = placeholder(&mut values, Value::Text(kind.into()));
        clauses.push(format!("fulfilment = {p}"));
    }
    if let Some(from) = filter.from {
        let p = placeholder(&mut values, Value::Text(from.to_string()));
        clauses.push(format!("business_date >= {p}"));
    }
    if let Some(to) = filter.to {
        let p = placeholder(&mut values, Value::Text(to.to_string()));
        clauses.push(format!("business_date <= {p}"));
    }
    if let Some(search) = filter
        .search
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        let number = search.trim_start_matches('#').parse::<i64>().ok();
        let digits: String = search.chars().filter(|c| c.is_ascii_digit()).collect();
        let mut any = Vec::new();
        if let Some(n) = number {
            any.push(format!(
                "day_number = {}",
                placeholder(&mut values, Value::Integer(n))
            ));
        }
        let like = format!("%{}%", search.replace(['%', '_'], "").to_lowercase());
        let like = placeholder(&mut values, Value::Text(like));
        any.push(format!("fold(contact_name) LIKE {like}"));
        any.push(format!("fold(address) LIKE {like}"));
        if digits.len() >= 4 {
            any.push(format!(
                "REPLACE(REPLACE(REPLACE(contact_phone, ' ', ''), '-', ''), '+', '') LIKE {}",
                placeholder(&mut values, Value::Text(format!("%{digits}%")))
            ));
        }
        clauses.push(format!("({})", any.join(" OR ")));
    }
    let filter_sql = if clauses.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", clauses.join(" AND "))
    };
    let total: i64 = conn.query_row(
        &format!("SELECT COUNT(*) FROM orders {filter_sql}"),
        params_from_iter(values.iter()),
        |r| r.get(0),
    )?;
    let limit_p = placeholder(&mut values, Value::Integer(filter.limit));
    let offset_p = placeholder(&mut values, Value::Integer(filter.offset));
    let sql = format!(
        "SELECT {ORDER_COLUMNS} FROM orders {filter_sql} ORDER BY placed_at DESC, id DESC LIMIT {limit_p} OFFSET {offset_p}"
    );
    let mut stmt = conn.prepare(&sql)?;
    let mut rows = stmt.query(params_from_iter(values.iter()))?;
    let mut orders = Vec::new();
    while let Some(row) = rows.next()? {
        orders.push(order_from_row(row)?);
    }
    drop(rows);
    let orders = orders
        .into_iter()
        .map(|o| complete(conn, o))
        .collect::<Result<Vec<_>, _>>()?;
    Ok((orders, total))
}

/// Orders still to be made or handed over, oldest first (a kitchen board or a snapshot).
pub fn open_orders(conn: &Connection) -> Result<Vec<Order>, StoreError> {
    let filter = OrderFilter {
        statuses: OrderStatus::ALL
            .into_iter()
            .filter(|s| s.is_open())
            .collect(),
        limit: 1000,
        ..OrderFilter::default()
    };
    let (mut orders, _) = list(conn, &filter)?;
    orders.reverse();
    Ok(orders)
}

/// Marks the lines at `positions` of an order done (at `at`) or not done again; returns how
/// many lines changed.
pub fn set_lines_done(
    conn: &Connection,
    order_id: i64,
    positions: &[usize],
    done: bool,
    at: DateTime<Utc>,
) -> Result<usize, StoreError> {
    let mut stmt = conn.prepare_cached(
        "UPDATE order_lines SET done_at = CASE WHEN ?3 THEN COALESCE(done_at, ?4) ELSE NULL END
         WHERE order_id = ?1 AND position = ?2 AND (done_at IS NULL) = ?3",
    )?;
    let mut changed = 0;
    for position in positions {
        changed += stmt.execute(params![order_id, *position as i64, done, timestamp(at)])?;
    }
    if changed > 0 {
        conn.execute(
            "UPDATE orders SET updated_at = ?2 WHERE id = ?1",
            params![order_id, timestamp(at)],
        )?;
    }
    Ok(changed)
}

/// Takes an order back to `status` (a recall or undo the caller checked) and records it; coming
/// back from a cancellation or rejection forgets its reason.
pub fn recall_status(
    conn: &Connection,
    order_id: i64,
    status: OrderStatus,
    at: DateTime<Utc>,
    staff_id: Option<i64>,
) -> Result<(), StoreError> {
    conn.execute(
        "UPDATE orders SET status = ?2, updated_at = ?3, cancel_reason = NULL WHERE id = ?1",
        params![order_id, status.as_str(), timestamp(at)],
    )?;
    add_history(conn, order_id, status, at, staff_id, None)
}

/// How many open web orders are waiting (for a tray badge).
pub fn count_open_web(conn: &Connection) -> Result<i64, StoreError> {
    Ok(conn.query_row(
        "SELECT COUNT(*) FROM orders WHERE channel = 'web' AND status IN ('placed', 'accepted', 'preparing', 'ready', 'out_for_delivery')",
        [],
        |r| r.get(0),
    )?)
}
