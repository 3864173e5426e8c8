//! An order as forno-print's plain data: what a kitchen ticket and a receipt show.

use chrono::{DateTime, Utc};
use forno_domain::{
    Channel, DiscountValue, Fulfilment, Order, PaymentMethod, PaymentStatus, PricedLine,
};
use forno_print::layout::{self, Half, Line, Receipt, Ticket, VatLine};

use crate::ShopSettings;

fn local(settings: &ShopSettings, at: DateTime<Utc>, format: &str) -> String {
    at.with_timezone(&settings.tz()).format(format).to_string()
}

fn line(line: &PricedLine) -> Line {
    Line {
        quantity: line.quantity,
        name: line.item_name.clone(),
        size: if line.size_code == "regular" {
            String::new()
        } else {
            line.size_name.clone()
        },
        extras: line.extras.clone(),
        removed: line.removed_ingredients.clone(),
        second_half: line.second_half.as_ref().map(|half| Half {
            name: half.item_name.clone(),
            extras: half.extras.clone(),
            removed: half.removed_ingredients.clone(),
        }),
        note: line.note.clone(),
        total_cents: line.total,
    }
}

fn fulfilment(order: &Order) -> layout::Fulfilment {
    match &order.fulfilment {
        Fulfilment::Pickup => layout::Fulfilment::Pickup,
        Fulfilment::Delivery { address } => layout::Fulfilment::Delivery {
            address: format!(
                "{} {}, {} {}",
                address.street, address.house_number, address.postcode, address.city
            ),
        },
    }
}

/// A kitchen ticket: the whole order, or one station's ticket (`station` names it, `lines` are
/// its lines by their position on the order).
pub fn ticket(
    order: &Order,
    settings: &ShopSettings,
    copy: bool,
    station: Option<&str>,
    lines: Option<&[usize]>,
) -> Ticket {
    Ticket {
        number: order.number(),
        fulfilment: fulfilment(order),
        due: local(settings, order.estimated_ready_at, "%H:%M"),
        scheduled: order.requested_time.is_some(),
        placed: local(settings, order.placed_at, "%H:%M"),
        channel: match order.channel {
            Channel::Web => "Web",
            Channel::Counter => "Balie",
            Channel::Phone => "Telefoon",
        }
        .to_owned(),
        customer: order.contact.as_ref().map(|c| c.name.clone()),
        note: order.note.clone(),
        lines: order
            .lines
            .iter()
            .enumerate()
            .filter(|(i, _)| lines.is_none_or(|lines| lines.contains(i)))
            .map(|(_, l)| line(l))
            .collect(),
        station: station.map(str::to_owned),
        copy,
    }
}

pub fn receipt(
    order: &Order,
    settings: &ShopSettings,
    public_url: Option<&str>,
    copy: bool,
) -> Receipt {
    Receipt {
        shop: layout::Shop {
            name: settings.name.clone(),
            address: settings.address.clone(),
            phone: settings.phone.clone(),
            vat_number: settings.vat_number.clone(),
        },
        number: order.number(),
        date: local(settings, order.placed_at, "%d-%m-%Y %H:%M"),
        fulfilment: fulfilment(order),
        lines: order.lines.iter().map(line).collect(),
        delivery_fee_cents: order.delivery_fee,
        discounts: order
            .discounts
            .iter()
            .map(|d| {
                let label = match d.priced.value {
                    DiscountValue::Percent(percent) => format!("Korting {percent}%"),
                    DiscountValue::Amount(_) => "Korting".to_owned(),
                };
                (label, d.priced.amount)
            })
            .collect(),
        total_cents: order.total,
        vat: order
            .vat()
            .into_iter()
            .map(|v| VatLine {
                percent: v.rate.percent(),
                gross_cents: v.gross,
                vat_cents: v.vat,
            })
            .collect(),
        payments: order
            .payments
            .iter()
            .filter(|p| p.status == PaymentStatus::Received)
            .map(|p| {
                let method = match p.method {
                    PaymentMethod::Cash => "Contant",
                    PaymentMethod::Card => "PIN",
                    PaymentMethod::Online => "Online betaald",
                };
                // Cash shows what was handed over; the change follows on its own line.
                (method.to_owned(), p.tendered.unwrap_or(p.amount))
            })
            .collect(),
        change_cents: order.payments.iter().filter_map(|p| p.change).sum(),
        tracking_url: public_url.map(|url| format!("{url}/track/{}", order.tracking_token)),
        footer: "Bedankt en eet smakelijk!".into(),
        copy,
    }
}
