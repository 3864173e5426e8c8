//! What an event row's `data` holds: forno-app's own serde types, converted field by field from
//! and to the domain's `Order`, with the payload version in the JSON (`{"v":1, ...}`).
//!
//! The log is read back for years (screens resuming, backups restored), so this format only ever
//! grows in ways old rows survive:
//! - a new field gets a default (`Option`, or `#[serde(default)]`) so rows without it decode;
//! - anything else (a renamed or retyped field) is a new version: freeze the current types in a
//!   `v1` module, write `v: 2`, and decode `v: 1` rows by converting them up.
//!
//! The fixtures in `tests/fixtures/events-v0.json` are real rows from before this module (`v`
//! absent = 0); `tests/event_log.rs` decodes them. Version 0 and 1 have the same shape: version 1
//! only made it explicit and moved it out of the store's structs.

use chrono::{DateTime, NaiveDate, Utc};
use forno_domain::pricing::{PricedHalf, ZoneRef};
use forno_domain::{
    Address, AppliedDiscount, Channel, Contact, DiscountShare, DiscountTarget, DiscountValue,
    Fulfilment, LineVoid, Order, OrderStatus, Payment, PaymentMethod, PaymentStatus,
    PricedDiscount, PricedLine, StatusEntry, VatRate,
};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{Event, EventKind};

/// The version this build writes; it reads every version up to it.
pub const VERSION: u64 = 1;

/// The JSON stored for `event`.
pub fn encode(event: &Event) -> Value {
    let mut body = match event {
        Event::OrderPlaced { order } => to_value(OrderChange {
            order: order.into(),
            from: None,
            to: None,
        }),
        Event::OrderStatusChanged { order, from, to } => to_value(OrderChange {
            order: order.into(),
            from: Some(from.as_str().to_owned()),
            to: Some(to.as_str().to_owned()),
        }),
        Event::OrderCancelled { order, from } => to_value(OrderChange {
            order: order.into(),
            from: Some(from.as_str().to_owned()),
            to: Some(OrderStatus::Cancelled.as_str().to_owned()),
        }),
        Event::ShopUpdated {
            paused,
            prep_time_minutes,
        } => to_value(ShopChange {
            paused: *paused,
            prep_time_minutes: *prep_time_minutes,
        }),
        Event::MenuUpdated { item_id } => to_value(MenuChange { item_id: *item_id }),
        Event::PaymentRecorded { order, payment } => to_value(PaymentChange {
            order: order.into(),
            payment: payment.into(),
        }),
        Event::OrderDiscounted { order, discount_id } => to_value(DiscountChange {
            order: order.into(),
            discount_id: *discount_id,
        }),
        Event::OrderLineVoided { order, void_id } => to_value(LineVoidChange {
            order: order.into(),
            void_id: *void_id,
        }),
        Event::OrderLinesDone { order, lines, done } => to_value(LinesDoneChange {
            order: order.into(),
            lines: lines.clone(),
            done: *done,
        }),
        Event::PrintJobChanged(change) => to_value(PrintJobPayload {
            job_id: change.job_id,
            printer_id: change.printer_id,
            printer_name: change.printer_name.clone(),
            order_id: change.order_id,
            layout: change.layout.clone(),
            state: change.state.clone(),
            error: change.error.clone(),
            copy: change.copy,
        }),
        Event::PrinterUpdated(change) => to_value(PrinterPayload {
            printer_id: change.printer_id,
            name: change.name.clone(),
            state: change.state.clone(),
            removed: change.removed,
        }),
    };
    if let Value::Object(map) = &mut body {
        map.insert("v".into(), VERSION.into());
    }
    body
}

fn to_value(body: impl Serialize) -> Value {
    // Plain structs of strings and numbers: serialising them cannot fail.
    serde_json::to_value(body).expect("an event payload serialises")
}

/// Reads a stored row back into the event it records. The error says what is wrong, for the log.
pub fn decode(kind: &str, data: &Value) -> Result<Event, String> {
    let kind = EventKind::parse(kind)
        .ok_or_else(|| format!("unknown event type {kind:?} (written by a newer Forno?)"))?;
    let version = match data.get("v") {
        None => 0,
        Some(v) => v
            .as_u64()
            .ok_or_else(|| format!("payload version {v} is not a number"))?,
    };
    if version > VERSION {
        return Err(format!(
            "payload version {version} is newer than this Forno reads ({VERSION}); update Forno"
        ));
    }
    Ok(match kind {
        EventKind::OrderPlaced => {
            let change: OrderChange = body(data)?;
            Event::OrderPlaced {
                order: change.order.try_into()?,
            }
        }
        EventKind::OrderStatusChanged => {
            let change: OrderChange = body(data)?;
            let from = status(change.from.as_deref(), "from")?;
            let to = status(change.to.as_deref(), "to")?;
            Event::OrderStatusChanged {
                order: change.order.try_into()?,
                from,
                to,
            }
        }
        EventKind::OrderCancelled => {
            let change: OrderChange = body(data)?;
            let from = status(change.from.as_deref(), "from")?;
            Event::OrderCancelled {
                order: change.order.try_into()?,
                from,
            }
        }
        EventKind::ShopUpdated => {
            let change: ShopChange = body(data)?;
            Event::ShopUpdated {
                paused: change.paused,
                prep_time_minutes: change.prep_time_minutes,
            }
        }
        EventKind::MenuUpdated => {
            let change: MenuChange = body(data)?;
            Event::MenuUpdated {
                item_id: change.item_id,
            }
        }
        EventKind::OrderDiscounted => {
            let change: DiscountChange = body(data)?;
            Event::OrderDiscounted {
                order: change.order.try_into()?,
                discount_id: change.discount_id,
            }
        }
        EventKind::OrderLineVoided => {
            let change: LineVoidChange = body(data)?;
            Event::OrderLineVoided {
                order: change.order.try_into()?,
                void_id: change.void_id,
            }
        }
        EventKind::PaymentRecorded => {
            let change: PaymentChange = body(data)?;
            Event::PaymentRecorded {
                order: change.order.try_into()?,
                payment: change.payment.try_into()?,
            }
        }
        EventKind::OrderLinesDone => {
            let change: LinesDoneChange = body(data)?;
            Event::OrderLinesDone {
                order: change.order.try_into()?,
                lines: change.lines,
                done: change.done,
            }
        }
        EventKind::PrintJobChanged => {
            let p: PrintJobPayload = body(data)?;
            Event::PrintJobChanged(super::PrintJobChange {
                job_id: p.job_id,
                printer_id: p.printer_id,
                printer_name: p.printer_name,
                order_id: p.order_id,
                layout: p.layout,
                state: p.state,
                error: p.error,
                copy: p.copy,
            })
        }
        EventKind::PrinterUpdated => {
            let p: PrinterPayload = body(data)?;
            Event::PrinterUpdated(super::PrinterChange {
                printer_id: p.printer_id,
                name: p.name,
                state: p.state,
                removed: p.removed,
            })
        }
    })
}

fn body<T: DeserializeOwned>(data: &Value) -> Result<T, String> {
    T::deserialize(data).map_err(|e| e.to_string())
}

fn status(value: Option<&str>, field: &str) -> Result<OrderStatus, String> {
    let value = value.ok_or_else(|| format!("missing `{field}` status"))?;
    OrderStatus::parse(value).ok_or_else(|| format!("unknown status {value:?} in `{field}`"))
}

/// `print.job_changed`.
#[derive(Serialize, Deserialize)]
struct PrintJobPayload {
    job_id: i64,
    #[serde(default)]
    printer_id: Option<i64>,
    #[serde(default)]
    printer_name: String,
    #[serde(default)]
    order_id: Option<i64>,
    layout: String,
    state: String,
    #[serde(default)]
    error: Option<String>,
    #[serde(default)]
    copy: bool,
}

/// `printer.updated`.
#[derive(Serialize, Deserialize)]
struct PrinterPayload {
    printer_id: i64,
    name: String,
    state: String,
    #[serde(default)]
    removed: bool,
}

/// `order.*` events: the whole order after the change, and the step it made.
#[derive(Serialize, Deserialize)]
struct OrderChange {
    order: OrderPayload,
    #[serde(skip_serializing_if = "Option::is_none")]
    from: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    to: Option<String>,
}

#[derive(Serialize, Deserialize)]
struct ShopChange {
    paused: bool,
    prep_time_minutes: i64,
}

/// `order.line_done`: the order after the change, which lines and which way.
#[derive(Serialize, Deserialize)]
struct LinesDoneChange {
    order: OrderPayload,
    lines: Vec<usize>,
    done: bool,
}

#[derive(Serialize, Deserialize)]
struct MenuChange {
    #[serde(default)]
    item_id: Option<i64>,
}

/// `order.payment_recorded`: the order after the payment, and the payment.
#[derive(Serialize, Deserialize)]
struct PaymentChange {
    order: OrderPayload,
    payment: PaymentPayload,
}

/// `order.discounted`: the order after the discount (which is in its `discounts`).
#[derive(Serialize, Deserialize)]
struct DiscountChange {
    order: OrderPayload,
    discount_id: i64,
}

/// `order.line_voided`: the order after the void (which is in its `voids`).
#[derive(Serialize, Deserialize)]
struct LineVoidChange {
    order: OrderPayload,
    void_id: i64,
}

#[derive(Serialize, Deserialize)]
struct LineVoidPayload {
    id: i64,
    line: usize,
    amount: i64,
    reason: String,
    staff_name: Option<String>,
    approved_by: Option<String>,
    at: DateTime<Utc>,
}

impl From<&LineVoid> for LineVoidPayload {
    fn from(v: &LineVoid) -> Self {
        LineVoidPayload {
            id: v.id,
            line: v.line,
            amount: v.amount,
            reason: v.reason.clone(),
            staff_name: v.staff_name.clone(),
            approved_by: v.approved_by.clone(),
            at: v.at,
        }
    }
}

impl From<LineVoidPayload> for LineVoid {
    fn from(v: LineVoidPayload) -> Self {
        LineVoid {
            id: v.id,
            line: v.line,
            amount: v.amount,
            reason: v.reason,
            staff_name: v.staff_name,
            approved_by: v.approved_by,
            at: v.at,
        }
    }
}

#[derive(Serialize, Deserialize)]
struct DiscountPayload {
    id: i64,
    /// `None` = the whole order.
    line: Option<usize>,
    kind: String,
    value: i64,
    amount: i64,
    shares: Vec<DiscountSharePayload>,
    reason: String,
    staff_name: Option<String>,
    approved_by: Option<String>,
}

#[derive(Serialize, Deserialize)]
struct DiscountSharePayload {
    vat_rate: String,
    amount: i64,
    vat: i64,
}

impl From<&AppliedDiscount> for DiscountPayload {
    fn from(d: &AppliedDiscount) -> Self {
        let (kind, value) = match d.priced.value {
            DiscountValue::Percent(p) => ("percent", p),
            DiscountValue::Amount(a) => ("amount", a),
        };
        DiscountPayload {
            id: d.id,
            line: match d.priced.target {
                DiscountTarget::Order => None,
                DiscountTarget::Line(i) => Some(i),
            },
            kind: kind.to_owned(),
            value,
            amount: d.priced.amount,
            shares: d
                .priced
                .shares
                .iter()
                .map(|s| DiscountSharePayload {
                    vat_rate: vat_code(s.rate).to_owned(),
                    amount: s.amount,
                    vat: s.vat,
                })
                .collect(),
            reason: d.reason.clone(),
            staff_name: d.staff_name.clone(),
            approved_by: d.approved_by.clone(),
        }
    }
}

impl TryFrom<DiscountPayload> for AppliedDiscount {
    type Error = String;

    fn try_from(d: DiscountPayload) -> Result<AppliedDiscount, String> {
        Ok(AppliedDiscount {
            id: d.id,
            priced: PricedDiscount {
                target: d.line.map_or(DiscountTarget::Order, DiscountTarget::Line),
                value: match d.kind.as_str() {
                    "percent" => DiscountValue::Percent(d.value),
                    "amount" => DiscountValue::Amount(d.value),
                    other => return Err(format!("unknown discount kind {other:?}")),
                },
                amount: d.amount,
                shares: d
                    .shares
                    .into_iter()
                    .map(|s| {
                        Ok(DiscountShare {
                            rate: vat_rate(&s.vat_rate)?,
                            amount: s.amount,
                            vat: s.vat,
                        })
                    })
                    .collect::<Result<_, String>>()?,
            },
            reason: d.reason,
            staff_name: d.staff_name,
            approved_by: d.approved_by,
        })
    }
}

#[derive(Serialize, Deserialize)]
struct PaymentPayload {
    id: i64,
    method: String,
    amount: i64,
    tendered: Option<i64>,
    change: Option<i64>,
    status: String,
    staff_name: Option<String>,
    at: DateTime<Utc>,
}

impl From<&Payment> for PaymentPayload {
    fn from(p: &Payment) -> Self {
        PaymentPayload {
            id: p.id,
            method: p.method.as_str().to_owned(),
            amount: p.amount,
            tendered: p.tendered,
            change: p.change,
            status: p.status.as_str().to_owned(),
            staff_name: p.staff_name.clone(),
            at: p.at,
        }
    }
}

impl TryFrom<PaymentPayload> for Payment {
    type Error = String;

    fn try_from(p: PaymentPayload) -> Result<Payment, String> {
        Ok(Payment {
            id: p.id,
            method: PaymentMethod::parse(&p.method)
                .ok_or_else(|| format!("unknown payment method {:?}", p.method))?,
            amount: p.amount,
            tendered: p.tendered,
            change: p.change,
            status: PaymentStatus::parse(&p.status)
                .ok_or_else(|| format!("unknown payment status {:?}", p.status))?,
            staff_name: p.staff_name,
            at: p.at,
        })
    }
}

#[derive(Serialize, Deserialize)]
struct OrderPayload {
    id: i64,
    business_date: NaiveDate,
    day_number: i64,
    tracking_token: String,
    status: String,
    channel: String,
    fulfilment: FulfilmentPayload,
    zone: Option<ZonePayload>,
    requested_time: Option<DateTime<Utc>>,
    estimated_ready_at: DateTime<Utc>,
    contact: Option<ContactPayload>,
    customer_id: Option<i64>,
    note: Option<String>,
    lines: Vec<LinePayload>,
    subtotal: i64,
    delivery_fee: i64,
    total: i64,
    cancel_reason: Option<String>,
    /// Added with the counter's rejections; rows from before have none.
    #[serde(default)]
    customer_message: Option<String>,
    placed_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
    status_history: Vec<StatusEntryPayload>,
    /// Added with payments (Pay4); rows from before have none.
    #[serde(default)]
    payments: Vec<PaymentPayload>,
    /// Added with discounts (P5); rows from before have none.
    #[serde(default)]
    discounts: Vec<DiscountPayload>,
    /// Positions of the lines the kitchen marked done (absent in rows from before the kitchen
    /// board: none done).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    done_lines: Vec<usize>,
    /// Voided lines (absent in rows from before line voids, and when there are none).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    voids: Vec<LineVoidPayload>,
}

#[derive(Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
enum FulfilmentPayload {
    Pickup,
    Delivery { address: AddressPayload },
}

#[derive(Serialize, Deserialize)]
struct AddressPayload {
    street: String,
    house_number: String,
    postcode: String,
    city: String,
}

#[derive(Serialize, Deserialize)]
struct ZonePayload {
    id: i64,
    name: String,
    extra_minutes: i64,
}

#[derive(Serialize, Deserialize)]
struct ContactPayload {
    name: String,
    phone: String,
    email: Option<String>,
}

#[derive(Serialize, Deserialize)]
struct LinePayload {
    item_id: i64,
    item_name: String,
    size_code: String,
    size_name: String,
    quantity: i64,
    extras: Vec<String>,
    removed_ingredients: Vec<String>,
    second_half: Option<HalfPayload>,
    note: Option<String>,
    unit_price: i64,
    total: i64,
    /// `reduced` or `standard`.
    vat_rate: String,
    vat: i64,
}

#[derive(Serialize, Deserialize)]
struct HalfPayload {
    item_id: i64,
    item_name: String,
    extras: Vec<String>,
    removed_ingredients: Vec<String>,
}

#[derive(Serialize, Deserialize)]
struct StatusEntryPayload {
    status: String,
    at: DateTime<Utc>,
    staff_name: Option<String>,
    reason: Option<String>,
}

// The payload's own words for the VAT classes, deliberately not shared with the store's column
// encoding: each format may change on its own, this one never for rows already written.
fn vat_code(rate: VatRate) -> &'static str {
    match rate {
        VatRate::Reduced => "reduced",
        VatRate::Standard => "standard",
    }
}

fn vat_rate(code: &str) -> Result<VatRate, String> {
    match code {
        "reduced" => Ok(VatRate::Reduced),
        "standard" => Ok(VatRate::Standard),
        other => Err(format!("unknown VAT class {other:?}")),
    }
}

impl From<&Order> for OrderPayload {
    fn from(o: &Order) -> Self {
        OrderPayload {
            id: o.id,
            business_date: o.business_date,
            day_number: o.day_number,
            tracking_token: o.tracking_token.clone(),
            status: o.status.as_str().to_owned(),
            channel: o.channel.as_str().to_owned(),
            fulfilment: match &o.fulfilment {
                Fulfilment::Pickup => FulfilmentPayload::Pickup,
                Fulfilment::Delivery { address } => FulfilmentPayload::Delivery {
                    address: AddressPayload {
                        street: address.street.clone(),
                        house_number: address.house_number.clone(),
                        postcode: address.postcode.clone(),
                        city: address.city.clone(),
                    },
                },
            },
            zone: o.zone.as_ref().map(|z| ZonePayload {
                id: z.id,
                name: z.name.clone(),
                extra_minutes: z.extra_minutes,
            }),
            requested_time: o.requested_time,
            estimated_ready_at: o.estimated_ready_at,
            contact: o.contact.as_ref().map(|c| ContactPayload {
                name: c.name.clone(),
                phone: c.phone.clone(),
                email: c.email.clone(),
            }),
            customer_id: o.customer_id,
            note: o.note.clone(),
            lines: o.lines.iter().map(LinePayload::from).collect(),
            subtotal: o.subtotal,
            delivery_fee: o.delivery_fee,
            total: o.total,
            cancel_reason: o.cancel_reason.clone(),
            customer_message: o.customer_message.clone(),
            placed_at: o.placed_at,
            updated_at: o.updated_at,
            status_history: o
                .status_history
                .iter()
                .map(|h| StatusEntryPayload {
                    status: h.status.as_str().to_owned(),
                    at: h.at,
                    staff_name: h.staff_name.clone(),
                    reason: h.reason.clone(),
                })
                .collect(),
            payments: o.payments.iter().map(PaymentPayload::from).collect(),
            discounts: o.discounts.iter().map(DiscountPayload::from).collect(),
            done_lines: o.done_lines.clone(),
            voids: o.voids.iter().map(LineVoidPayload::from).collect(),
        }
    }
}

impl From<&PricedLine> for LinePayload {
    fn from(l: &PricedLine) -> Self {
        LinePayload {
            item_id: l.item_id,
            item_name: l.item_name.clone(),
            size_code: l.size_code.clone(),
            size_name: l.size_name.clone(),
            quantity: l.quantity,
            extras: l.extras.clone(),
            removed_ingredients: l.removed_ingredients.clone(),
            second_half: l.second_half.as_ref().map(|h| HalfPayload {
                item_id: h.item_id,
                item_name: h.item_name.clone(),
                extras: h.extras.clone(),
                removed_ingredients: h.removed_ingredients.clone(),
            }),
            note: l.note.clone(),
            unit_price: l.unit_price,
            total: l.total,
            vat_rate: vat_code(l.vat_rate).to_owned(),
            vat: l.vat,
        }
    }
}

impl TryFrom<OrderPayload> for Order {
    type Error = String;

    fn try_from(o: OrderPayload) -> Result<Order, String> {
        Ok(Order {
            id: o.id,
            business_date: o.business_date,
            day_number: o.day_number,
            tracking_token: o.tracking_token,
            status: status(Some(&o.status), "order.status")?,
            channel: Channel::parse(&o.channel)
                .ok_or_else(|| format!("unknown channel {:?}", o.channel))?,
            fulfilment: match o.fulfilment {
                FulfilmentPayload::Pickup => Fulfilment::Pickup,
                FulfilmentPayload::Delivery { address: a } => Fulfilment::Delivery {
                    address: Address {
                        street: a.street,
                        house_number: a.house_number,
                        postcode: a.postcode,
                        city: a.city,
                    },
                },
            },
            zone: o.zone.map(|z| ZoneRef {
                id: z.id,
                name: z.name,
                extra_minutes: z.extra_minutes,
            }),
            requested_time: o.requested_time,
            estimated_ready_at: o.estimated_ready_at,
            contact: o.contact.map(|c| Contact {
                name: c.name,
                phone: c.phone,
                email: c.email,
            }),
            customer_id: o.customer_id,
            note: o.note,
            lines: o
                .lines
                .into_iter()
                .map(PricedLine::try_from)
                .collect::<Result<_, _>>()?,
            subtotal: o.subtotal,
            delivery_fee: o.delivery_fee,
            total: o.total,
            cancel_reason: o.cancel_reason,
            customer_message: o.customer_message,
            placed_at: o.placed_at,
            updated_at: o.updated_at,
            status_history: o
                .status_history
                .into_iter()
                .map(|h| {
                    Ok(StatusEntry {
                        status: status(Some(&h.status), "order.status_history")?,
                        at: h.at,
                        staff_name: h.staff_name,
                        reason: h.reason,
                    })
                })
                .collect::<Result<_, String>>()?,
            payments: o
                .payments
                .into_iter()
                .map(Payment::try_from)
                .collect::<Result<_, _>>()?,
            discounts: o
                .discounts
                .into_iter()
                .map(AppliedDiscount::try_from)
                .collect::<Result<_, _>>()?,
            done_lines: o.done_lines,
            voids: o.voids.into_iter().map(LineVoid::from).collect(),
        })
    }
}

impl TryFrom<LinePayload> for PricedLine {
    type Error = String;

    fn try_from(l: LinePayload) -> Result<PricedLine, String> {
        Ok(PricedLine {
            item_id: l.item_id,
            item_name: l.item_name,
            size_code: l.size_code,
            size_name: l.size_name,
            quantity: l.quantity,
            extras: l.extras,
            removed_ingredients: l.removed_ingredients,
            second_half: l.second_half.map(|h| PricedHalf {
                item_id: h.item_id,
                item_name: h.item_name,
                extras: h.extras,
                removed_ingredients: h.removed_ingredients,
            }),
            note: l.note,
            unit_price: l.unit_price,
            total: l.total,
            vat_rate: vat_rate(&l.vat_rate)?,
            vat: l.vat,
        })
    }
}
