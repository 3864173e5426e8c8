//! What a customer or cashier asks for: the cart lines, pickup or delivery, when, and who.
//! These are commands, not yet priced or checked; `pricing::price_order` checks and prices them.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// Where an order came in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    Web,
    Counter,
    Phone,
}

impl Channel {
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Web => "web",
            Channel::Counter => "counter",
            Channel::Phone => "phone",
        }
    }

    pub fn parse(s: &str) -> Option<Channel> {
        match s {
            "web" => Some(Channel::Web),
            "counter" => Some(Channel::Counter),
            "phone" => Some(Channel::Phone),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Address {
    pub street: String,
    pub house_number: String,
    pub postcode: String,
    pub city: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Fulfilment {
    Pickup,
    Delivery { address: Address },
}

impl Fulfilment {
    /// Every `kind`, as the wire names it.
    pub const KINDS: [&'static str; 2] = ["pickup", "delivery"];

    pub fn is_delivery(&self) -> bool {
        matches!(self, Fulfilment::Delivery { .. })
    }

    pub fn kind(&self) -> &'static str {
        match self {
            Fulfilment::Pickup => Fulfilment::KINDS[0],
            Fulfilment::Delivery { .. } => Fulfilment::KINDS[1],
        }
    }
}

/// As soon as possible, or a 15-minute slot the shop offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", content = "at", rename_all = "snake_case")]
pub enum RequestedTime {
    Asap,
    Slot(DateTime<Utc>),
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Contact {
    pub name: String,
    pub phone: String,
    pub email: Option<String>,
}

/// The second half of a half-and-half pizza.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct HalfRequest {
    pub item_id: i64,
    pub extras: Vec<i64>,
    pub removed_ingredients: Vec<i64>,
}

/// One cart line. With `second_half`, the line is a half-and-half pizza: the first half is
/// `item_id` with its extras and removals, the second half is `second_half`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct LineRequest {
    pub item_id: i64,
    pub size: Option<String>,
    pub extras: Vec<i64>,
    pub removed_ingredients: Vec<i64>,
    pub note: Option<String>,
    pub quantity: i64,
    pub second_half: Option<HalfRequest>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderRequest {
    pub channel: Channel,
    pub lines: Vec<LineRequest>,
    pub fulfilment: Fulfilment,
    pub requested_time: RequestedTime,
    pub contact: Option<Contact>,
    pub note: Option<String>,
}
