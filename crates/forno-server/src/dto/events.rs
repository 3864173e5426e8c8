//! Live events on the wire: `{seq, type, at, data}`, rendered per audience from the typed event.
//!
//! `data` is built field by field for each audience: staff get the staff view of the order, a
//! customer the customer view (`CustomerOrderDto`, an allow-list). Nothing stored is ever passed
//! through as it is: an event this server cannot read is not sent to customers at all, and staff
//! get its seq and type with empty data.

use chrono::{DateTime, Utc};
use forno_app::{Event, PublishedEvent};
use forno_domain::{Order, OrderStatus};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::orders::{CustomerOrderDto, OrderDto};
use super::payments::PaymentDto;

// ---------- events ----------

/// One event on the stream: `{seq, type, at, data}`.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct EventDto {
    pub seq: i64,
    #[serde(rename = "type")]
    pub kind: String,
    pub at: DateTime<Utc>,
    pub data: serde_json::Value,
}

/// Who an event is rendered for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    Staff,
    Customer,
}

/// `data` of an `order.*` event: the order after the change, and the step it made.
#[derive(Serialize)]
struct OrderChangeData<V> {
    order: V,
    #[serde(skip_serializing_if = "Option::is_none")]
    from: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    to: Option<&'static str>,
}

#[derive(Serialize)]
struct ShopChangeData {
    paused: bool,
    prep_time_minutes: i64,
}

/// `data` of `order.line_done` (staff only): the order after the change, which lines and which
/// way.
#[derive(Serialize)]
struct LinesDoneData {
    order: OrderDto,
    lines: Vec<usize>,
    done: bool,
}

#[derive(Serialize)]
struct PaymentChangeData {
    order: OrderDto,
    payment: PaymentDto,
}

#[derive(Serialize)]
struct MenuChangeData {
    /// `null` when the change is not one item's (categories, the order of things).
    item_id: Option<i64>,
}

fn order_change(
    order: &Order,
    from: Option<OrderStatus>,
    to: Option<OrderStatus>,
    audience: Audience,
) -> serde_json::Value {
    let from = from.map(OrderStatus::as_str);
    let to = to.map(OrderStatus::as_str);
    match audience {
        Audience::Staff => to_value(OrderChangeData {
            order: OrderDto::from(order),
            from,
            to,
        }),
        Audience::Customer => to_value(OrderChangeData {
            order: CustomerOrderDto::from(order),
            from,
            to,
        }),
    }
}

fn to_value(data: impl Serialize) -> serde_json::Value {
    // Structs of strings, numbers and dates: serialising them cannot fail.
    serde_json::to_value(data).expect("event data serialises")
}

impl EventDto {
    /// An event as the ordering page's feed sends it: `menu.updated` (which item, if one) and
    /// `shop.updated` (paused, prep time: both shown on that page); `None` for every other event.
    pub fn render_for_ordering_page(event: &PublishedEvent) -> Option<EventDto> {
        let data = match &event.event {
            Ok(Event::MenuUpdated { item_id }) => to_value(MenuChangeData { item_id: *item_id }),
            Ok(Event::ShopUpdated {
                paused,
                prep_time_minutes,
            }) => to_value(ShopChangeData {
                paused: *paused,
                prep_time_minutes: *prep_time_minutes,
            }),
            _ => return None,
        };
        Some(EventDto {
            seq: event.seq,
            kind: event.type_name().to_owned(),
            at: event.at,
            data,
        })
    }

    /// Renders an event for `audience`, or `None` when that audience must not see it: customers
    /// see only order events, and never an event this server cannot read.
    pub fn render(event: &PublishedEvent, audience: Audience) -> Option<EventDto> {
        let data = match (&event.event, audience) {
            (Ok(Event::OrderPlaced { order }), _) => order_change(order, None, None, audience),
            (Ok(Event::OrderStatusChanged { order, from, to }), _) => {
                order_change(order, Some(*from), Some(*to), audience)
            }
            (Ok(Event::OrderCancelled { order, from }), _) => {
                order_change(order, Some(*from), Some(OrderStatus::Cancelled), audience)
            }
            (
                Ok(
                    Event::ShopUpdated { .. }
                    | Event::MenuUpdated { .. }
                    | Event::OrderLinesDone { .. }
                    | Event::PrintJobChanged(_)
                    | Event::PrinterUpdated(_),
                ),
                Audience::Customer,
            ) => {
                return None;
            }
            (Ok(Event::OrderLinesDone { order, lines, done }), Audience::Staff) => {
                to_value(LinesDoneData {
                    order: OrderDto::from(order),
                    lines: lines.clone(),
                    done: *done,
                })
            }
            (Ok(Event::PrintJobChanged(change)), Audience::Staff) => {
                to_value(crate::dto::printing::PrintJobChangeData::from(change))
            }
            (Ok(Event::PrinterUpdated(change)), Audience::Staff) => {
                to_value(crate::dto::printing::PrinterChangeData::from(change))
            }
            (
                Ok(Event::ShopUpdated {
                    paused,
                    prep_time_minutes,
                }),
                Audience::Staff,
            ) => to_value(ShopChangeData {
                paused: *paused,
                prep_time_minutes: *prep_time_minutes,
            }),
            (Ok(Event::MenuUpdated { item_id }), Audience::Staff) => {
                to_value(MenuChangeData { item_id: *item_id })
            }
            // The customer's total changed: they get their order's own view (no names, no reason).
            (
                Ok(Event::OrderDiscounted { order, .. } | Event::OrderLineVoided { order, .. }),
                _,
            ) => order_change(order, None, None, audience),
            // Payments are the shop's business: customers never get this event.
            (Ok(Event::PaymentRecorded { .. }), Audience::Customer) => return None,
            (Ok(Event::PaymentRecorded { order, payment }), Audience::Staff) => {
                to_value(PaymentChangeData {
                    order: OrderDto::from(order),
                    payment: PaymentDto::from(payment),
                })
            }
            (Err(_), Audience::Customer) => return None,
            // Staff keep the seq (their screens count on it) but see nothing of the row.
            (Err(_), Audience::Staff) => serde_json::json!({}),
        };
        Some(EventDto {
            seq: event.seq,
            kind: event.type_name().to_owned(),
            at: event.at,
            data,
        })
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct EventPageDto {
    pub events: Vec<EventDto>,
    /// The newest seq in the log.
    pub head_seq: i64,
    /// The oldest seq still kept; resuming from before it needs a snapshot.
    pub oldest_seq: i64,
}

#[cfg(test)]
mod tests;
