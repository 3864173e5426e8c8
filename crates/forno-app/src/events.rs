//! The events a change produces, and the in-memory bus that carries them to live screens after
//! commit.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use forno_store::events::StoredEvent;

/// Every kind of event on the stream. The wire name is `as_str()`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EventKind {
    OrderPlaced,
    OrderStatusChanged,
    OrderUpdated,
    OrderCancelled,
    ShopUpdated,
    MenuUpdated,
}

impl EventKind {
    pub const ALL: [EventKind; 6] = [
        EventKind::OrderPlaced,
        EventKind::OrderStatusChanged,
        EventKind::OrderUpdated,
        EventKind::OrderCancelled,
        EventKind::ShopUpdated,
        EventKind::MenuUpdated,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::OrderPlaced => "order.placed",
            EventKind::OrderStatusChanged => "order.status_changed",
            EventKind::OrderUpdated => "order.updated",
            EventKind::OrderCancelled => "order.cancelled",
            EventKind::ShopUpdated => "shop.updated",
            EventKind::MenuUpdated => "menu.updated",
        }
    }

    pub fn parse(s: &str) -> Option<EventKind> {
        EventKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// An event as published after commit: the stored row. For `order.*` events `data.order` is
/// the whole order (`forno_store::orders::Order`) as it was after the change.
#[derive(Debug, Clone, PartialEq)]
pub struct PublishedEvent {
    pub seq: i64,
    pub kind: EventKind,
    pub at: DateTime<Utc>,
    pub order_id: Option<i64>,
    pub data: serde_json::Value,
}

impl PublishedEvent {
    pub fn from_stored(event: StoredEvent) -> Option<PublishedEvent> {
        Some(PublishedEvent {
            kind: EventKind::parse(&event.kind)?,
            seq: event.seq,
            at: event.at,
            order_id: event.order_id,
            data: event.data,
        })
    }
}

/// Capacity of the bus: a subscriber further behind than this is told it lagged and must
/// resync from the event log.
pub const BUS_CAPACITY: usize = 4096;

pub type Bus = tokio::sync::broadcast::Sender<Arc<PublishedEvent>>;

pub fn publish(bus: &Bus, events: &[StoredEvent]) {
    for event in events {
        if let Some(published) = PublishedEvent::from_stored(event.clone()) {
            // No subscribers is fine: the event log has it for whoever comes later.
            let _ = bus.send(Arc::new(published));
        }
    }
}
