//! Which messages an order's change causes (written as outbox jobs in the change's own
//! transaction), and an order as forno-notify's plain data when a message is written.

use chrono::{DateTime, Utc};
use forno_domain::{Channel, Fulfilment, Lang, Order, OrderStatus};
use forno_notify::{Handover, Language, OrderSummary, StatusNews, SummaryLine, VatPart};
use forno_store::outbox::NewJob;
use forno_store::{Connection, StoreError};
use serde_json::{Value, json};

use super::settings::{NOTIFY_KEY, NotifySettings};
use crate::ShopSettings;

/// The outbox kinds of messages.
pub const EMAIL: &str = "email";
pub const SMS: &str = "sms";

/// Runs per message before it is `failed`: with the doubling wait that is well over an hour of
/// trying, so a mail server that is down for a while loses nothing.
pub const MESSAGE_ATTEMPTS: u32 = 12;

pub fn language(lang: Lang) -> Language {
    match lang {
        Lang::Nl => Language::Nl,
        Lang::En => Language::En,
    }
}

pub(crate) fn load_settings(conn: &Connection) -> Result<NotifySettings, StoreError> {
    Ok(forno_store::settings::get(conn, NOTIFY_KEY)?.unwrap_or_default())
}

fn job(kind: &str, to: &str, payload: Value, order_id: Option<i64>, now: DateTime<Utc>) -> NewJob {
    NewJob {
        kind: kind.to_owned(),
        target: to.to_owned(),
        payload,
        order_id,
        max_attempts: MESSAGE_ATTEMPTS,
        due_at: now,
    }
}

/// The messages about an order: a mail when the shop has a mail server and the customer gave
/// an address, an SMS when SMS is on and they gave a number. Returns how many were written.
fn enqueue_about(
    conn: &Connection,
    settings: &NotifySettings,
    order: &Order,
    payload: Value,
    now: DateTime<Utc>,
) -> Result<usize, StoreError> {
    let Some(contact) = &order.contact else {
        return Ok(0);
    };
    let mut written = 0;
    if let Some(email) = contact.email.as_deref().filter(|_| settings.mail.is_some()) {
        forno_store::outbox::enqueue(
            conn,
            &job(EMAIL, email, payload.clone(), Some(order.id), now),
            now,
        )?;
        written += 1;
    }
    if settings.sms.enabled && !contact.phone.is_empty() {
        forno_store::outbox::enqueue(
            conn,
            &job(SMS, &contact.phone, payload, Some(order.id), now),
            now,
        )?;
        written += 1;
    }
    Ok(written)
}

/// Inside the transaction that placed `order`: the confirmation for a web order. Remembers the
/// customer's language for the messages that follow.
pub(crate) fn enqueue_for_placed(
    conn: &Connection,
    order: &Order,
    lang: Lang,
    now: DateTime<Utc>,
) -> Result<usize, StoreError> {
    if order.channel != Channel::Web {
        return Ok(0);
    }
    let language = language(lang);
    forno_store::notices::set_language(conn, order.id, language.code())?;
    let settings = load_settings(conn)?;
    enqueue_about(
        conn,
        &settings,
        order,
        json!({ "message": "confirmation", "language": language.code() }),
        now,
    )
}

/// What a change to `to` tells the customer, if the owner switched that mail on.
fn news_for(settings: &NotifySettings, order: &Order, to: OrderStatus) -> Option<StatusNews> {
    let on = settings.status_mails;
    match to {
        OrderStatus::Accepted if on.accepted => Some(StatusNews::Accepted),
        // "Ready" is news only for a pickup: a delivery is told when it leaves.
        OrderStatus::Ready if on.ready && !order.fulfilment.is_delivery() => {
            Some(StatusNews::Ready)
        }
        OrderStatus::OutForDelivery if on.out_for_delivery => Some(StatusNews::OutForDelivery),
        OrderStatus::Rejected if on.rejected => Some(StatusNews::Rejected {
            message: order.customer_message.clone(),
        }),
        _ => None,
    }
}

/// Inside the transaction that moved `order` (as it is now) to `to`: the status message, if
/// the owner switched it on.
pub(crate) fn enqueue_for_status(
    conn: &Connection,
    order: &Order,
    to: OrderStatus,
    now: DateTime<Utc>,
) -> Result<usize, StoreError> {
    let settings = load_settings(conn)?;
    let Some(news) = news_for(&settings, order, to) else {
        return Ok(0);
    };
    let language = forno_store::notices::language(conn, order.id)?
        .and_then(|code| Language::parse(&code))
        .unwrap_or_default();
    let mut payload = json!({ "message": "status", "language": language.code() });
    payload["news"] = serde_json::to_value(&news).unwrap_or(Value::Null);
    enqueue_about(conn, &settings, order, payload, now)
}

fn local(settings: &ShopSettings, at: DateTime<Utc>) -> String {
    at.with_timezone(&settings.tz()).format("%H:%M").to_string()
}

/// An order as a message shows it.
pub fn summary(order: &Order, shop: &ShopSettings, public_url: Option<&str>) -> OrderSummary {
    OrderSummary {
        shop_name: shop.name.clone(),
        shop_phone: shop.phone.clone(),
        number: order.number(),
        lines: order
            .lines
            .iter()
            .map(|line| SummaryLine {
                quantity: line.quantity,
                description: line.description(),
                total_cents: line.total,
            })
            .collect(),
        delivery_fee_cents: order.delivery_fee,
        discount_cents: order.discounts.iter().map(|d| d.priced.amount).sum(),
        total_cents: order.total,
        vat: order
            .vat()
            .into_iter()
            .map(|v| VatPart {
                percent: u32::try_from(v.rate.percent()).unwrap_or(0),
                vat_cents: v.vat,
            })
            .collect(),
        handover: match &order.fulfilment {
            Fulfilment::Pickup => Handover::Pickup {
                shop_address: shop.address.clone(),
            },
            Fulfilment::Delivery { address } => Handover::Delivery {
                address: format!(
                    "{} {}, {} {}",
                    address.street, address.house_number, address.postcode, address.city
                ),
            },
        },
        expected: local(shop, order.estimated_ready_at),
        tracking_url: public_url.map(|url| format!("{url}/track/{}", order.tracking_token)),
    }
}
