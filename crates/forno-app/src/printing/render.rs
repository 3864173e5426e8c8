//! An order as forno-print's plain data: what a kitchen ticket, a kitchen slip and a receipt show.

use chrono::{DateTime, Utc};
use forno_domain::{
    Channel, DiscountValue, Fulfilment, Order, OrderStatus, PaymentMethod, PaymentStatus,
    PricedLine,
};
use forno_print::layout::{self, Half, KitchenSlip, Line, Receipt, SlipKind, Ticket, VatLine};

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
/// its lines by their position on the order). It is rendered when it prints: a line voided by
/// then is left off (a ticket still waiting for its printer, a reprint), the kitchen makes only
/// what stands.
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
            .filter(|(i, _)| lines.is_none_or(|lines| lines.contains(i)) && !order.is_voided(*i))
            .map(|(_, l)| line(l))
            .collect(),
        station: station.map(str::to_owned),
        copy,
    }
}

/// A kitchen slip for `lines` (positions on the order): a line voided, with that void's reason
/// and time, or the order cancelled (or rejected), with its reason and time. Both come from the
/// order, so a reprint says the same.
pub fn kitchen_slip(
    order: &Order,
    settings: &ShopSettings,
    kind: SlipKind,
    copy: bool,
    station: Option<&str>,
    lines: &[usize],
) -> KitchenSlip {
    let (reason, at) = match kind {
        SlipKind::LineVoided => order
            .voids
            .iter()
            .rev()
            .find(|v| lines.contains(&v.line))
            .map(|v| (v.reason.clone(), v.at)),
        SlipKind::OrderCancelled => order
            .status_history
            .iter()
            .rev()
            .find(|s| matches!(s.status, OrderStatus::Cancelled | OrderStatus::Rejected))
            .map(|s| {
                let reason = s.reason.clone().or_else(|| order.cancel_reason.clone());
                (reason.unwrap_or_default(), s.at)
            }),
    }
    .unwrap_or_else(|| (String::new(), order.updated_at));
    KitchenSlip {
        kind,
        number: order.number(),
        at: local(settings, at, "%H:%M"),
        lines: order
            .lines
            .iter()
            .enumerate()
            .filter(|(i, _)| lines.contains(i))
            .map(|(_, l)| line(l))
            .collect(),
        reason,
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

#[cfg(test)]
mod tests {
    use chrono::TimeZone;
    use forno_domain::pricing::PricedHalf;
    use forno_domain::{LineVoid, OrderStatus, StatusEntry, VatRate};

    use super::*;

    fn at(hour: u32, minute: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 2, hour, minute, 0).unwrap()
    }

    fn priced(name: &str, size: &str) -> PricedLine {
        PricedLine {
            item_id: 1,
            item_name: name.into(),
            size_code: size.into(),
            size_name: "Groot".into(),
            quantity: 1,
            unit_price: 1000,
            total: 1000,
            vat_rate: VatRate::Reduced,
            vat: 83,
            extras: vec![],
            removed_ingredients: vec![],
            second_half: None,
            note: None,
        }
    }

    fn voided(line: usize, reason: &str, when: DateTime<Utc>) -> LineVoid {
        LineVoid {
            id: line as i64,
            line,
            amount: 1000,
            reason: reason.into(),
            staff_name: Some("Sofia".into()),
            approved_by: None,
            at: when,
        }
    }

    /// Three lines: a half-and-half pizza with everything, a beer voided at 17:52 UTC, a cola
    /// voided later; cancelled at 18:10 UTC.
    fn order() -> Order {
        let pizza = PricedLine {
            quantity: 2,
            extras: vec!["Extra kaas".into()],
            removed_ingredients: vec!["Basilicum".into()],
            second_half: Some(PricedHalf {
                item_id: 2,
                item_name: "Salami".into(),
                extras: vec![],
                removed_ingredients: vec!["Ui".into()],
            }),
            note: Some("goed doorbakken".into()),
            ..priced("Margherita", "large")
        };
        Order {
            id: 7,
            business_date: at(17, 0).date_naive(),
            day_number: 17,
            tracking_token: "t".into(),
            status: OrderStatus::Cancelled,
            channel: Channel::Counter,
            fulfilment: Fulfilment::Pickup,
            zone: None,
            requested_time: None,
            estimated_ready_at: at(18, 30),
            contact: None,
            customer_id: None,
            note: None,
            lines: vec![
                pizza,
                priced("Heineken", "regular"),
                priced("Cola", "regular"),
            ],
            subtotal: 1000,
            delivery_fee: 0,
            total: 1000,
            cancel_reason: Some("klant weg".into()),
            customer_message: None,
            placed_at: at(17, 40),
            updated_at: at(18, 10),
            status_history: vec![
                StatusEntry {
                    status: OrderStatus::Accepted,
                    at: at(17, 41),
                    staff_name: None,
                    reason: None,
                },
                StatusEntry {
                    status: OrderStatus::Cancelled,
                    at: at(18, 10),
                    staff_name: None,
                    reason: Some("klant weg".into()),
                },
            ],
            payments: vec![],
            discounts: vec![],
            done_lines: vec![],
            voids: vec![
                voided(1, "fust leeg", at(17, 52)),
                voided(2, "verkeerd getikt", at(18, 2)),
            ],
        }
    }

    #[test]
    fn a_void_slip_shows_its_line_as_the_ticket_does_with_that_voids_reason_and_time() {
        let (order, settings) = (order(), ShopSettings::awaiting_setup());
        let slip = kitchen_slip(
            &order,
            &settings,
            SlipKind::LineVoided,
            false,
            Some("Tap"),
            &[1],
        );
        assert_eq!(slip.number, order.number());
        assert_eq!(slip.reason, "fust leeg");
        assert_eq!(slip.at, "18:52", "in the shop's time (Amsterdam, winter)");
        assert_eq!(slip.station.as_deref(), Some("Tap"));
        assert_eq!(slip.lines, [line(&order.lines[1])]);
        assert_eq!(
            slip.lines[0].size, "",
            "one size: no size, as on the ticket"
        );

        let slip = kitchen_slip(&order, &settings, SlipKind::LineVoided, true, None, &[2]);
        assert_eq!(
            (slip.reason.as_str(), slip.at.as_str()),
            ("verkeerd getikt", "19:02")
        );
        assert!(slip.copy);
    }

    #[test]
    fn a_cancel_slip_has_the_cancellations_reason_and_time_and_its_lines() {
        let (order, settings) = (order(), ShopSettings::awaiting_setup());
        let slip = kitchen_slip(
            &order,
            &settings,
            SlipKind::OrderCancelled,
            false,
            None,
            &[0],
        );
        assert_eq!(
            (slip.reason.as_str(), slip.at.as_str()),
            ("klant weg", "19:10")
        );
        assert_eq!(slip.lines.len(), 1);
        let pizza = &slip.lines[0];
        assert_eq!((pizza.quantity, pizza.size.as_str()), (2, "Groot"));
        assert_eq!(pizza.extras, ["Extra kaas"]);
        assert_eq!(pizza.removed, ["Basilicum"]);
        assert_eq!(pizza.second_half.as_ref().unwrap().removed, ["Ui"]);
        assert_eq!(pizza.note.as_deref(), Some("goed doorbakken"));
    }

    #[test]
    fn a_ticket_rendered_after_a_void_leaves_the_voided_line_off() {
        let (order, settings) = (order(), ShopSettings::awaiting_setup());
        let whole = ticket(&order, &settings, false, None, None);
        let names: Vec<&str> = whole.lines.iter().map(|l| l.name.as_str()).collect();
        assert_eq!(names, ["Margherita"]);
        let station = ticket(&order, &settings, true, Some("Tap"), Some(&[1]));
        assert!(station.lines.is_empty());
    }
}
