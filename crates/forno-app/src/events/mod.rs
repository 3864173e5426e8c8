//! The events a change produces, typed, and the in-memory bus that carries them to live screens
//! after commit.
//!
//! A use case appends its `Event` to the log inside its transaction (`record`); the stored JSON
//! is `payload`'s versioned format, never a domain or store struct, so the domain may change
//! without breaking the rows already in a shop's log. After the commit the event goes out on the
//! bus exactly as a later read of the log returns it (same seq, same `at`, same order).

mod payload;

use std::sync::Arc;

use chrono::{DateTime, Utc};
use forno_domain::{Order, OrderStatus, Payment};
use forno_store::{Connection, StoreError, events::StoredEvent};

/// Every kind of event on the stream. The wire name is `as_str()`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EventKind {
    OrderPlaced,
    OrderStatusChanged,
    OrderCancelled,
    ShopUpdated,
    MenuUpdated,
    PaymentRecorded,
    OrderDiscounted,
    OrderLinesDone,
    PrintJobChanged,
    PrinterUpdated,
    OrderLineVoided,
}

impl EventKind {
    pub const ALL: [EventKind; 11] = [
        EventKind::OrderPlaced,
        EventKind::OrderStatusChanged,
        EventKind::OrderCancelled,
        EventKind::ShopUpdated,
        EventKind::MenuUpdated,
        EventKind::PaymentRecorded,
        EventKind::OrderDiscounted,
        EventKind::OrderLinesDone,
        EventKind::PrintJobChanged,
        EventKind::PrinterUpdated,
        EventKind::OrderLineVoided,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::OrderPlaced => "order.placed",
            EventKind::OrderStatusChanged => "order.status_changed",
            EventKind::OrderCancelled => "order.cancelled",
            EventKind::ShopUpdated => "shop.updated",
            EventKind::MenuUpdated => "menu.updated",
            EventKind::PaymentRecorded => "order.payment_recorded",
            EventKind::OrderDiscounted => "order.discounted",
            EventKind::OrderLinesDone => "order.line_done",
            EventKind::PrintJobChanged => "print.job_changed",
            EventKind::PrinterUpdated => "printer.updated",
            EventKind::OrderLineVoided => "order.line_voided",
        }
    }

    pub fn parse(s: &str) -> Option<EventKind> {
        EventKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// What happened. Order events carry the whole order as it was after the change.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    OrderPlaced {
        order: Order,
    },
    /// Any step but a cancellation (a rejection is one of these too).
    OrderStatusChanged {
        order: Order,
        from: OrderStatus,
        to: OrderStatus,
    },
    OrderCancelled {
        order: Order,
        from: OrderStatus,
    },
    /// The pause switch or the settings changed (the setup wizard included).
    ShopUpdated {
        paused: bool,
        prep_time_minutes: i64,
    },
    /// The menu changed: an item (created, edited, sold out, archived, a new photo) or, with
    /// `item_id` `None`, the categories or the order of things. One event per change; screens
    /// that show the menu fetch it again.
    MenuUpdated {
        item_id: Option<i64>,
    },
    /// A payment was recorded; the order carries all its payments after it (staff only).
    PaymentRecorded {
        order: Order,
        payment: Payment,
    },
    /// A discount was given; the order carries it in `discounts` and its lower total.
    OrderDiscounted {
        order: Order,
        discount_id: i64,
    },
    /// A line was voided; the order carries it in `voids` and its lower total. Staff only.
    OrderLineVoided {
        order: Order,
        void_id: i64,
    },
    /// The kitchen marked lines of an order done (or not done again). Staff only.
    OrderLinesDone {
        order: Order,
        /// Positions of the lines that changed.
        lines: Vec<usize>,
        done: bool,
    },
    /// A print job was queued, started, printed, failed, needs a person, was cancelled or moved.
    PrintJobChanged(PrintJobChange),
    /// A printer was added, changed or removed, or reported another state (paper out, offline).
    PrinterUpdated(PrinterChange),
}

/// A print job as it is after a change (staff only).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrintJobChange {
    pub job_id: i64,
    pub printer_id: Option<i64>,
    pub printer_name: String,
    pub order_id: Option<i64>,
    /// `kitchen`, `receipt`, `drawer`, `test`.
    pub layout: String,
    /// `queued`, `printing`, `printed`, `failed`, `needs_attention`, `cancelled`.
    pub state: String,
    pub error: Option<String>,
    /// A reprint (says KOPIE).
    pub copy: bool,
}

/// A printer as it is after a change (staff only).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrinterChange {
    pub printer_id: i64,
    pub name: String,
    /// `online`, `paper_out`, `offline`, ... (`forno_print::PrinterState`).
    pub state: String,
    pub removed: bool,
}

impl Event {
    pub fn kind(&self) -> EventKind {
        match self {
            Event::OrderPlaced { .. } => EventKind::OrderPlaced,
            Event::OrderStatusChanged { .. } => EventKind::OrderStatusChanged,
            Event::OrderCancelled { .. } => EventKind::OrderCancelled,
            Event::ShopUpdated { .. } => EventKind::ShopUpdated,
            Event::MenuUpdated { .. } => EventKind::MenuUpdated,
            Event::PaymentRecorded { .. } => EventKind::PaymentRecorded,
            Event::OrderDiscounted { .. } => EventKind::OrderDiscounted,
            Event::OrderLinesDone { .. } => EventKind::OrderLinesDone,
            Event::PrintJobChanged(_) => EventKind::PrintJobChanged,
            Event::PrinterUpdated(_) => EventKind::PrinterUpdated,
            Event::OrderLineVoided { .. } => EventKind::OrderLineVoided,
        }
    }

    /// The order an `order.*` event is about.
    pub fn order(&self) -> Option<&Order> {
        match self {
            Event::OrderPlaced { order }
            | Event::OrderStatusChanged { order, .. }
            | Event::OrderCancelled { order, .. }
            | Event::PaymentRecorded { order, .. }
            | Event::OrderDiscounted { order, .. }
            | Event::OrderLinesDone { order, .. }
            | Event::OrderLineVoided { order, .. } => Some(order),
            Event::ShopUpdated { .. }
            | Event::MenuUpdated { .. }
            | Event::PrintJobChanged(_)
            | Event::PrinterUpdated(_) => None,
        }
    }
}

/// A row of the log this build cannot read: damaged, or written by a newer Forno. It keeps its
/// place in the sequence, but nobody is shown its contents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnreadableEvent {
    /// The stored type name, as it was written.
    pub kind: String,
    /// What is wrong with it, for the log.
    pub reason: String,
}

/// An event as published after commit, or as read back from the log: the same either way.
#[derive(Debug, Clone, PartialEq)]
pub struct PublishedEvent {
    pub seq: i64,
    /// When it happened, at the precision the log keeps (milliseconds).
    pub at: DateTime<Utc>,
    /// The order it is about (`order.*` events).
    pub order_id: Option<i64>,
    pub event: Result<Event, UnreadableEvent>,
}

impl PublishedEvent {
    /// The wire name of the event's type (`order.placed`, ...), also for unreadable rows.
    pub fn type_name(&self) -> &str {
        match &self.event {
            Ok(event) => event.kind().as_str(),
            Err(unreadable) => &unreadable.kind,
        }
    }

    /// Reads a stored row back. A row that does not decode becomes an `UnreadableEvent` (and a
    /// warning in the log), never an error that would stop a screen from resuming.
    pub fn from_stored(stored: StoredEvent) -> PublishedEvent {
        let event = payload::decode(&stored.kind, &stored.data).map_err(|reason| {
            tracing::warn!(seq = stored.seq, kind = %stored.kind, %reason, "unreadable event in the log");
            UnreadableEvent {
                kind: stored.kind.clone(),
                reason,
            }
        });
        PublishedEvent {
            seq: stored.seq,
            at: stored.at,
            order_id: stored.order_id,
            event,
        }
    }
}

/// Appends `event` to the log inside the caller's transaction and returns it as it will be
/// published (and as the log will return it later).
pub(crate) fn record(
    conn: &Connection,
    at: DateTime<Utc>,
    event: Event,
) -> Result<PublishedEvent, StoreError> {
    let order_id = event.order().map(|o| o.id);
    let stored = forno_store::events::append(
        conn,
        event.kind().as_str(),
        at,
        order_id,
        payload::encode(&event),
    )?;
    Ok(PublishedEvent {
        seq: stored.seq,
        at: stored.at,
        order_id,
        event: Ok(event),
    })
}

/// Capacity of the bus: a subscriber further behind than this is told it lagged and must
/// resync from the event log.
pub const BUS_CAPACITY: usize = 4096;

pub type Bus = tokio::sync::broadcast::Sender<Arc<PublishedEvent>>;

pub fn publish(bus: &Bus, events: &[PublishedEvent]) {
    for event in events {
        // No subscribers is fine: the event log has it for whoever comes later.
        let _ = bus.send(Arc::new(event.clone()));
    }
}

#[cfg(test)]
mod tests;
