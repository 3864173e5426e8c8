//! Line voids (P5): one line taken off an order, typically after the kitchen has it ("the cola
//! was never handed over"). The line is kept, marked voided with who and why, so tickets, the
//! kitchen board and the audit log still show what was asked for; it no longer counts: the
//! subtotal, the total and the VAT are sums of the lines still standing, less the discounts on
//! them. A discount on the voided line goes with it.
//!
//! A void is refused when it would leave nothing (cancel the order instead) or when a discount on
//! the whole order would then be more than what is left at a VAT rate.

use chrono::{DateTime, Utc};

use crate::discount::{PricedDiscount, vat_after_discounts};
use crate::message::Message;
use crate::money::{Cents, format_euro};
use crate::msg;
use crate::order::Order;
use crate::pricing::{PricedLine, PricedOrder};
use crate::validation::ValidationError;

/// A line voided on an order, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineVoid {
    pub id: i64,
    /// The line's position (0-based) in the order.
    pub line: usize,
    /// What came off the order's total: the line less its own discounts.
    pub amount: Cents,
    pub reason: String,
    /// Who voided it and who approved it (the same person when they may void themselves).
    pub staff_name: Option<String>,
    pub approved_by: Option<String>,
    pub at: DateTime<Utc>,
}

/// What a void takes off the order: `subtotal` comes off the subtotal (the line's total),
/// `total` off the total (the line less the discounts given on it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PricedVoid {
    pub line: usize,
    pub subtotal: Cents,
    pub total: Cents,
}

fn invalid(message: Message) -> ValidationError {
    ValidationError::field("line", message)
}

impl Order {
    pub fn is_voided(&self, line: usize) -> bool {
        self.voids.iter().any(|v| v.line == line)
    }

    /// The lines that still count, with their positions.
    pub fn standing_lines(&self) -> impl Iterator<Item = (usize, &PricedLine)> {
        self.lines
            .iter()
            .enumerate()
            .filter(|(i, _)| !self.is_voided(*i))
    }

    /// The discounts that still count: all but those on a voided line.
    pub fn standing_discounts(&self) -> Vec<PricedDiscount> {
        self.discounts
            .iter()
            .map(|d| d.priced.clone())
            .filter(|d| match d.target {
                crate::DiscountTarget::Line(i) => !self.is_voided(i),
                crate::DiscountTarget::Order => true,
            })
            .collect()
    }

    /// The lines as a new discount is priced against: at their positions, a voided line at €0
    /// (so a discount on it is refused as more than what is left).
    pub fn lines_for_discount(&self) -> Vec<PricedLine> {
        self.lines
            .iter()
            .enumerate()
            .map(|(i, line)| {
                if self.is_voided(i) {
                    PricedLine {
                        total: 0,
                        vat: 0,
                        ..line.clone()
                    }
                } else {
                    line.clone()
                }
            })
            .collect()
    }

    /// What the customer has paid beyond the total (after a void or a discount on a paid order):
    /// owed back to them as change or a refund.
    pub fn owed_back(&self) -> Cents {
        (crate::payment::received(&self.payments) - self.total).max(0)
    }

    /// Prices voiding line `line`: what comes off, checked against the rules above.
    pub fn price_void(&self, line: usize) -> Result<PricedVoid, ValidationError> {
        let count = self.lines.len();
        let Some(voided) = self.lines.get(line) else {
            return Err(invalid(msg!(
                nl: "Deze bestelling heeft {count} regels; kies een bestaande regel.",
                en: "This order has {count} lines; choose one of them."
            )));
        };
        if self.is_voided(line) {
            return Err(invalid(msg!(
                nl: "Deze regel is al geschrapt.",
                en: "This line is voided already."
            )));
        }
        if self.standing_lines().count() <= 1 {
            return Err(invalid(msg!(
                nl: "Dit is de laatste regel van de bestelling: annuleer de bestelling in plaats daarvan.",
                en: "This is the order's last line: cancel the order instead."
            )));
        }
        let own_discounts: Cents = self
            .standing_discounts()
            .iter()
            .filter(|d| d.target == crate::DiscountTarget::Line(line))
            .map(|d| d.amount)
            .sum();
        let priced = PricedVoid {
            line,
            subtotal: voided.total,
            total: voided.total - own_discounts,
        };
        // What the order would be after: its VAT rows must add up to its total, none negative.
        let mut after = self.clone();
        after.voids.push(LineVoid {
            id: 0,
            line,
            amount: priced.total,
            reason: String::new(),
            staff_name: None,
            approved_by: None,
            at: self.updated_at,
        });
        after.total -= priced.total;
        let vat = after.vat();
        let fits = vat.iter().map(|v| v.gross).sum::<Cents>() == after.total
            && vat.iter().all(|v| v.gross >= 0 && v.vat >= 0);
        if !fits {
            let discount = format_euro(
                self.standing_discounts()
                    .iter()
                    .filter(|d| d.target == crate::DiscountTarget::Order)
                    .map(|d| d.amount)
                    .sum(),
            );
            return Err(invalid(msg!(
                nl: "Op de hele bestelling staat {discount} korting; zonder deze regel blijft daar te weinig voor over. Annuleer de bestelling en sla haar opnieuw aan.",
                en: "The whole order has a discount of {discount}; without this line too little is left for it. Cancel the order and enter it again."
            )));
        }
        Ok(priced)
    }

    /// VAT per rate: the standing lines and delivery, less each standing discount's share.
    pub fn vat(&self) -> Vec<crate::pricing::VatTotal> {
        let lines: Vec<PricedLine> = self.standing_lines().map(|(_, l)| l.clone()).collect();
        vat_after_discounts(
            PricedOrder::vat_totals(&lines, self.delivery_fee),
            &self.standing_discounts(),
        )
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;
    use crate::discount::{AppliedDiscount, DiscountTarget, DiscountValue, price_discount};
    use crate::money::VatRate;
    use crate::payment::{Payment, PaymentMethod, PaymentStatus};

    fn line(total: Cents, rate: VatRate) -> PricedLine {
        PricedLine {
            item_id: 1,
            item_name: "x".into(),
            size_code: "30".into(),
            size_name: "30 cm".into(),
            quantity: 1,
            unit_price: total,
            total,
            vat_rate: rate,
            vat: rate.vat_in(total),
            extras: vec![],
            removed_ingredients: vec![],
            second_half: None,
            note: None,
        }
    }

    fn order(lines: Vec<PricedLine>) -> Order {
        let at = Utc.with_ymd_and_hms(2026, 5, 1, 18, 0, 0).unwrap();
        let subtotal = lines.iter().map(|l| l.total).sum();
        Order {
            id: 1,
            business_date: at.date_naive(),
            day_number: 1,
            tracking_token: "t".into(),
            status: crate::OrderStatus::Preparing,
            channel: crate::Channel::Counter,
            fulfilment: crate::Fulfilment::Pickup,
            zone: None,
            requested_time: None,
            estimated_ready_at: at,
            contact: None,
            customer_id: None,
            note: None,
            lines,
            subtotal,
            delivery_fee: 0,
            total: subtotal,
            cancel_reason: None,
            customer_message: None,
            placed_at: at,
            updated_at: at,
            status_history: vec![],
            payments: vec![],
            discounts: vec![],
            done_lines: vec![],
            voids: vec![],
        }
    }

    fn void(o: &mut Order, line: usize) {
        let priced = o.price_void(line).unwrap();
        o.subtotal -= priced.subtotal;
        o.total -= priced.total;
        o.voids.push(LineVoid {
            id: 1,
            line,
            amount: priced.total,
            reason: "r".into(),
            staff_name: None,
            approved_by: None,
            at: o.updated_at,
        });
    }

    fn discount(o: &mut Order, target: DiscountTarget, value: DiscountValue) {
        let priced = price_discount(
            &o.lines_for_discount(),
            &o.standing_discounts(),
            target,
            value,
        )
        .unwrap();
        o.total -= priced.amount;
        o.discounts.push(AppliedDiscount {
            id: 1,
            priced,
            reason: "r".into(),
            staff_name: None,
            approved_by: None,
        });
    }

    #[test]
    fn voiding_the_cola_takes_its_price_and_vat_off() {
        let mut o = order(vec![
            line(1450, VatRate::Reduced),
            line(300, VatRate::Standard),
        ]);
        void(&mut o, 1);
        assert_eq!((o.subtotal, o.total), (1450, 1450));
        let vat = o.vat();
        assert_eq!(vat.len(), 1, "no row left at 21%: {vat:?}");
        assert_eq!(vat[0].gross, 1450);
        assert_eq!(vat[0].vat, VatRate::Reduced.vat_in(1450));
    }

    #[test]
    fn a_discount_on_the_voided_line_goes_with_it() {
        let mut o = order(vec![
            line(1000, VatRate::Reduced),
            line(500, VatRate::Reduced),
        ]);
        discount(&mut o, DiscountTarget::Line(1), DiscountValue::Amount(100));
        assert_eq!(o.total, 1400);
        void(&mut o, 1);
        assert_eq!(o.total, 1000);
        assert_eq!(o.vat().iter().map(|v| v.gross).sum::<Cents>(), o.total);
    }

    #[test]
    fn refusals_say_why() {
        let mut o = order(vec![
            line(1000, VatRate::Reduced),
            line(300, VatRate::Standard),
        ]);
        assert_eq!(o.price_void(2).unwrap_err().field.as_deref(), Some("line"));
        void(&mut o, 1);
        let again = o.price_void(1).unwrap_err();
        assert!(again.message.en().contains("voided already"));
        let last = o.price_void(0).unwrap_err();
        assert!(last.message.en().contains("cancel the order"));
    }

    #[test]
    fn an_order_discount_bigger_than_what_is_left_refuses_the_void() {
        let mut o = order(vec![
            line(1000, VatRate::Reduced),
            line(300, VatRate::Standard),
        ]);
        discount(&mut o, DiscountTarget::Order, DiscountValue::Amount(1200));
        let refused = o.price_void(0).unwrap_err();
        assert!(refused.message.en().contains("discount of"), "{refused:?}");
    }

    #[test]
    fn a_paid_order_that_gets_cheaper_owes_the_difference_back() {
        let mut o = order(vec![
            line(1450, VatRate::Reduced),
            line(300, VatRate::Standard),
        ]);
        o.payments.push(Payment {
            id: 1,
            method: PaymentMethod::Cash,
            amount: 1750,
            tendered: Some(2000),
            change: Some(250),
            status: PaymentStatus::Received,
            staff_name: None,
            at: o.placed_at,
        });
        assert_eq!(o.owed_back(), 0);
        void(&mut o, 1);
        assert_eq!(o.owed_back(), 300);
        assert_eq!(o.open_amount(), 0);
    }
}
