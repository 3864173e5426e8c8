//! Live events on the wire: `{seq, type, at, data}`, rendered per audience.

use chrono::{DateTime, Utc};
use forno_app::{Order, PublishedEvent};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::orders::{CustomerOrderDto, OrderDto};

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

impl EventDto {
    /// Renders an event for `audience`: `data.order` becomes the staff or the customer view.
    pub fn render(event: &PublishedEvent, audience: Audience) -> EventDto {
        let mut data = event.data.clone();
        if let Some(order_json) = data.get("order")
            && let Ok(order) = serde_json::from_value::<Order>(order_json.clone())
        {
            let view = match audience {
                Audience::Staff => serde_json::to_value(OrderDto::from(&order)),
                Audience::Customer => serde_json::to_value(CustomerOrderDto::from(&order)),
            };
            data["order"] = view.unwrap_or_default();
        }
        EventDto {
            seq: event.seq,
            kind: event.kind.as_str().to_owned(),
            at: event.at,
            data,
        }
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
