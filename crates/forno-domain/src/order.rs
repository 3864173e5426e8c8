//! An order: first what a customer or cashier asks for (`OrderRequest`: the cart lines, pickup
//! or delivery, when, and who; a command, not yet priced or checked, which
//! `pricing::price_order` checks and prices), then the order once placed (`Order`: the aggregate
//! every use case, screen and event is built from).
//!
//! `Order` deliberately has no serde: what is stored or sent is someone else's type (the event
//! payload in forno-app, the wire views in forno-server), converted field by field, so this type
//! can grow and change without breaking the event log or the API.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::discount::AppliedDiscount;
use crate::line_void::LineVoid;
use crate::msg;
use crate::payment::{Payment, PaymentState};
use crate::pricing::{PricedLine, ZoneRef};
use crate::status::OrderStatus;
use crate::text;
use crate::validation::ValidationError;

/// Longest texts a customer or cashier may send, in characters.
pub const MAX_NAME_CHARS: usize = 100;
pub const MAX_PHONE_CHARS: usize = 40;
pub const MAX_EMAIL_CHARS: usize = 254;
pub const MAX_NOTE_CHARS: usize = 500;
pub const MAX_STREET_CHARS: usize = 100;
pub const MAX_HOUSE_NUMBER_CHARS: usize = 20;
pub const MAX_POSTCODE_CHARS: usize = 20;
pub const MAX_CITY_CHARS: usize = 100;

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
    /// The language the orderer reads (their page's, from `Accept-Language`): the one their
    /// confirmation and status messages are written in. Decided at the edge, never part of
    /// the body (nor of the idempotency hash).
    #[serde(skip)]
    pub language: crate::Lang,
}

impl OrderRequest {
    /// The request with every text the client typed checked by the text rule (`text`) and
    /// trimmed: contact, address, the order's note and each line's note. `price_order` applies
    /// it, so no way of ordering can skip it; store the tidied request, not the one received.
    pub fn tidy(self) -> Result<OrderRequest, ValidationError> {
        let contact = self
            .contact
            .map(|c| -> Result<Contact, ValidationError> {
                Ok(Contact {
                    name: text::one_line(&c.name, "contact.name", MAX_NAME_CHARS)?,
                    phone: text::one_line(&c.phone, "contact.phone", MAX_PHONE_CHARS)?,
                    email: c
                        .email
                        .map(|e| text::one_line(&e, "contact.email", MAX_EMAIL_CHARS))
                        .transpose()?
                        .filter(|e| !e.is_empty())
                        .map(checked_email)
                        .transpose()?,
                })
            })
            .transpose()?;
        let fulfilment = match self.fulfilment {
            Fulfilment::Pickup => Fulfilment::Pickup,
            Fulfilment::Delivery { address } => {
                let part = |value: &str, name: &str, max: usize| {
                    text::one_line(value, &format!("fulfilment.address.{name}"), max)
                };
                Fulfilment::Delivery {
                    address: Address {
                        street: part(&address.street, "street", MAX_STREET_CHARS)?,
                        house_number: part(
                            &address.house_number,
                            "house_number",
                            MAX_HOUSE_NUMBER_CHARS,
                        )?,
                        postcode: part(&address.postcode, "postcode", MAX_POSTCODE_CHARS)?,
                        city: part(&address.city, "city", MAX_CITY_CHARS)?,
                    },
                }
            }
        };
        let lines = self
            .lines
            .into_iter()
            .enumerate()
            .map(|(i, line)| -> Result<LineRequest, ValidationError> {
                let note = text::optional_note(
                    line.note.as_deref(),
                    &format!("lines[{i}].note"),
                    MAX_NOTE_CHARS,
                )?;
                Ok(LineRequest { note, ..line })
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(OrderRequest {
            note: text::optional_note(self.note.as_deref(), "note", MAX_NOTE_CHARS)?,
            contact,
            fulfilment,
            lines,
            ..self
        })
    }
}

/// An email address as a customer types it, checked for its shape (`name@domain.tld`, no
/// spaces), so a typo shows at checkout instead of as a confirmation that never arrives.
pub fn checked_email(email: String) -> Result<String, ValidationError> {
    if is_email_address(&email) {
        return Ok(email);
    }
    Err(ValidationError::field(
        "contact.email",
        msg!(
            nl: "\"{email}\" is geen e-mailadres; het ziet eruit als naam@voorbeeld.nl.",
            en: "\"{email}\" is not an email address; it looks like name@example.com."
        ),
    ))
}

/// `local@domain.tld`: one @, something before it, a domain of dot-separated labels of letters,
/// digits and hyphens with a top level of at least two letters, and no spaces anywhere.
pub fn is_email_address(email: &str) -> bool {
    let Some((local, domain)) = email.rsplit_once('@') else {
        return false;
    };
    let labels: Vec<&str> = domain.split('.').collect();
    !local.is_empty()
        && local.len() <= 64
        && !local.contains('@')
        && !local.chars().any(|c| {
            c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | ',' | ';' | '"')
        })
        && labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
        && labels
            .last()
            .is_some_and(|tld| tld.chars().count() >= 2 && tld.chars().all(char::is_alphabetic))
}

/// One step in an order's life.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusEntry {
    pub status: OrderStatus,
    pub at: DateTime<Utc>,
    /// The staff member who made the change (never shown to customers).
    pub staff_name: Option<String>,
    /// Why, in the staff's words (never shown to customers).
    pub reason: Option<String>,
}

/// An order once placed: what was sold, to whom, and where it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Order {
    pub id: i64,
    pub business_date: NaiveDate,
    /// Counts from 1 each business day; see `number()`.
    pub day_number: i64,
    pub tracking_token: String,
    pub status: OrderStatus,
    pub channel: Channel,
    pub fulfilment: Fulfilment,
    pub zone: Option<ZoneRef>,
    /// `None` = as soon as possible.
    pub requested_time: Option<DateTime<Utc>>,
    pub estimated_ready_at: DateTime<Utc>,
    pub contact: Option<Contact>,
    pub customer_id: Option<i64>,
    pub note: Option<String>,
    pub lines: Vec<PricedLine>,
    pub subtotal: i64,
    pub delivery_fee: i64,
    pub total: i64,
    /// The staff's reason for a cancellation or rejection (never shown to customers).
    pub cancel_reason: Option<String>,
    /// What the shop told the customer with a rejection or cancellation (their page shows it).
    pub customer_message: Option<String>,
    pub placed_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub status_history: Vec<StatusEntry>,
    /// Every payment recorded for it, oldest first; the payment state is derived from them.
    pub payments: Vec<Payment>,
    /// Discounts given on it, oldest first; `total` is already less their amounts.
    pub discounts: Vec<AppliedDiscount>,
    /// The positions of the lines the kitchen has marked done (`kitchen`), in order.
    pub done_lines: Vec<usize>,
    /// Lines voided after the order was placed, oldest first (`line_void`): kept in `lines`,
    /// no longer in `subtotal`, `total` or `vat()`.
    pub voids: Vec<LineVoid>,
}

impl Order {
    /// The number customers and staff call out: "#017".
    pub fn number(&self) -> String {
        format!("#{:03}", self.day_number)
    }

    pub fn payment_state(&self) -> PaymentState {
        PaymentState::of(self.total, &self.payments)
    }

    /// What is still to be paid, in cents (never below zero).
    pub fn open_amount(&self) -> i64 {
        (self.total - crate::payment::received(&self.payments)).max(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_addresses_are_checked_for_their_shape() {
        for good in [
            "jan@example.nl",
            "j.de.vries+pizza@mail.example.co.uk",
            "anne-marie@voorbeeld-zaak.nl",
            "zoë@bakkerij.nl",
        ] {
            assert!(is_email_address(good), "{good}");
        }
        for bad in [
            "jan@",
            "@example.nl",
            "jan example.nl",
            "jan@example",
            "jan@@example.nl",
            "jan@exa mple.nl",
            "jan@-example.nl",
            "jan@example.n1",
            "<jan@example.nl>",
            "jan@example..nl",
        ] {
            assert!(!is_email_address(bad), "{bad}");
        }
    }

    #[test]
    fn a_bad_address_names_the_field_and_quotes_it() {
        let err = checked_email("jan@".into()).unwrap_err();
        assert_eq!(err.field.as_deref(), Some("contact.email"));
        assert!(
            err.message.en().contains("\"jan@\""),
            "{}",
            err.message.en()
        );
    }
}
