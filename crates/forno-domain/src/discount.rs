//! Discounts (P5): a percentage or an amount off the whole order or one line, priced here and
//! nowhere else. A discount on goods at several VAT rates is split over the rates in proportion
//! to their amounts (largest remainder, so the parts add up to the discount to the cent), and each
//! part's VAT comes off that rate's VAT; totals stay sums: lines − discounts (+ delivery).
//!
//! The delivery fee is never discounted here (it is a service, and its own line on receipts).

use std::collections::BTreeMap;

use crate::message::Message;
use crate::money::{Cents, VatRate, format_euro};
use crate::msg;
use crate::pricing::{PricedLine, VatTotal};
use crate::text;
use crate::validation::ValidationError;

/// Longest reason for a discount or a void, in characters.
pub const MAX_REASON_CHARS: usize = 200;

/// How much off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiscountValue {
    /// Whole percents, 1–100.
    Percent(i64),
    /// Cents, more than 0.
    Amount(Cents),
}

/// Off what.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiscountTarget {
    Order,
    /// The line at this position (0-based) in the order.
    Line(usize),
}

/// One VAT rate's part of a discount.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DiscountShare {
    pub rate: VatRate,
    /// VAT-inclusive cents off this rate.
    pub amount: Cents,
    /// The VAT in `amount`.
    pub vat: Cents,
}

/// A discount as priced: its amount and how it splits over the VAT rates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PricedDiscount {
    pub target: DiscountTarget,
    pub value: DiscountValue,
    pub amount: Cents,
    pub shares: Vec<DiscountShare>,
}

/// A discount given on an order, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppliedDiscount {
    pub id: i64,
    pub priced: PricedDiscount,
    pub reason: String,
    /// Who gave it and who approved it (the same person when they may give discounts).
    pub staff_name: Option<String>,
    pub approved_by: Option<String>,
}

fn invalid(field: &str, message: Message) -> ValidationError {
    ValidationError::field(field, message)
}

/// Checks a discount's reason by the text rule: required, one line, at most 200 characters.
pub fn check_reason(reason: &str) -> Result<String, ValidationError> {
    let reason = text::one_line(reason, "reason", MAX_REASON_CHARS)?;
    if reason.is_empty() {
        return Err(invalid(
            "reason",
            msg!(
                nl: "Geef een reden op (bijvoorbeeld \"vaste klant\" of \"pizza verbrand\"); die komt in het logboek.",
                en: "Give a reason (for example \"regular customer\" or \"pizza burnt\"); it goes to the audit log."
            ),
        ));
    }
    Ok(reason)
}

/// What each VAT rate holds of `target` after the discounts already given: (gross, vat). A line
/// holds its own total less its own discounts, and never more than its rate still holds in the
/// whole order (an order discount has taken part of it).
fn base_by_rate(
    lines: &[PricedLine],
    earlier: &[PricedDiscount],
    target: DiscountTarget,
) -> BTreeMap<VatRate, (Cents, Cents)> {
    let mut overall: BTreeMap<VatRate, (Cents, Cents)> = BTreeMap::new();
    for line in lines {
        let e = overall.entry(line.vat_rate).or_default();
        e.0 += line.total;
        e.1 += line.vat;
    }
    for s in earlier.iter().flat_map(|d| &d.shares) {
        if let Some(e) = overall.get_mut(&s.rate) {
            e.0 -= s.amount;
            e.1 -= s.vat;
        }
    }
    let DiscountTarget::Line(i) = target else {
        return overall;
    };
    let Some(line) = lines.get(i) else {
        return BTreeMap::new();
    };
    let (mut gross, mut vat) = (line.total, line.vat);
    for d in earlier.iter().filter(|d| d.target == target) {
        gross -= d.amount;
        vat -= d.shares.iter().map(|s| s.vat).sum::<Cents>();
    }
    let (rate_gross, rate_vat) = overall.get(&line.vat_rate).copied().unwrap_or_default();
    BTreeMap::from([(line.vat_rate, (gross.min(rate_gross), vat.min(rate_vat)))])
}

/// Prices a discount on an order with `lines` and the discounts already given (`earlier`).
pub fn price_discount(
    lines: &[PricedLine],
    earlier: &[PricedDiscount],
    target: DiscountTarget,
    value: DiscountValue,
) -> Result<PricedDiscount, ValidationError> {
    if let DiscountTarget::Line(i) = target
        && i >= lines.len()
    {
        let count = lines.len();
        return Err(invalid(
            "line",
            msg!(
                nl: "Deze bestelling heeft {count} regels; kies een bestaande regel.",
                en: "This order has {count} lines; choose one of them."
            ),
        ));
    }
    let by_rate = base_by_rate(lines, earlier, target);
    let base: Cents = by_rate.values().map(|(g, _)| (*g).max(0)).sum();
    let amount = match value {
        DiscountValue::Percent(p) if !(1..=100).contains(&p) => {
            return Err(invalid(
                "percent",
                msg!(
                    nl: "Een korting is 1 tot en met 100 procent.",
                    en: "A discount is 1 to 100 percent."
                ),
            ));
        }
        // Half up, like VAT.
        DiscountValue::Percent(p) => (2 * base * p + 100) / 200,
        DiscountValue::Amount(a) if a <= 0 => {
            return Err(invalid(
                "amount_cents",
                msg!(
                    nl: "Een korting moet meer dan € 0,00 zijn.",
                    en: "A discount must be more than €0.00."
                ),
            ));
        }
        DiscountValue::Amount(a) => a,
    };
    if amount > base {
        let (asked, left) = (format_euro(amount), format_euro(base));
        return Err(invalid(
            "amount_cents",
            msg!(
                nl: "Een korting van {asked} is meer dan de {left} die er nog te korten valt.",
                en: "A discount of {asked} is more than the {left} left to discount."
            ),
        ));
    }
    Ok(PricedDiscount {
        target,
        value,
        amount,
        shares: split(amount, &by_rate),
    })
}

/// Splits `amount` over the rates in proportion to their gross (largest remainder), each part's
/// VAT at its rate, never more than the VAT that rate still holds.
fn split(amount: Cents, by_rate: &BTreeMap<VatRate, (Cents, Cents)>) -> Vec<DiscountShare> {
    let total: Cents = by_rate.values().map(|(g, _)| (*g).max(0)).sum();
    if total <= 0 || amount <= 0 {
        return Vec::new();
    }
    let mut parts: Vec<(VatRate, Cents, Cents, Cents)> = by_rate
        .iter()
        .map(|(rate, (gross, _))| {
            let exact = amount as i128 * (*gross).max(0) as i128;
            let floor = (exact / total as i128) as Cents;
            let remainder = (exact % total as i128) as Cents;
            (*rate, floor, remainder, *gross)
        })
        .collect();
    let mut left = amount - parts.iter().map(|p| p.1).sum::<Cents>();
    // Largest remainders first; ties to the rate with more gross, then the lower rate.
    let mut order: Vec<usize> = (0..parts.len()).collect();
    order.sort_by(|&a, &b| {
        parts[b]
            .2
            .cmp(&parts[a].2)
            .then(parts[b].3.cmp(&parts[a].3))
            .then(parts[a].0.cmp(&parts[b].0))
    });
    for i in order {
        if left == 0 {
            break;
        }
        if parts[i].2 > 0 {
            parts[i].1 += 1;
            left -= 1;
        }
    }
    parts
        .into_iter()
        .filter(|p| p.1 > 0)
        .map(|(rate, share, _, _)| {
            let (held_gross, held_vat) = by_rate.get(&rate).copied().unwrap_or_default();
            // All of what a rate still holds takes all of its VAT: the lines' VAT was rounded
            // line by line, so the VAT of their sum can be a cent off, which would leave a cent
            // of VAT on nothing after 100% off.
            let vat = if share >= held_gross {
                held_vat.max(0)
            } else {
                rate.vat_in(share).min(held_vat.max(0))
            };
            DiscountShare {
                rate,
                amount: share,
                vat,
            }
        })
        .collect()
}

/// VAT per rate of an order after its discounts: lines (and delivery) minus the shares.
pub fn vat_after_discounts(mut vat: Vec<VatTotal>, discounts: &[PricedDiscount]) -> Vec<VatTotal> {
    for d in discounts {
        for s in &d.shares {
            if let Some(v) = vat.iter_mut().find(|v| v.rate == s.rate) {
                v.gross -= s.amount;
                v.vat -= s.vat;
            }
        }
    }
    vat
}

/// What all discounts take off.
pub fn discounted(discounts: &[PricedDiscount]) -> Cents {
    discounts.iter().map(|d| d.amount).sum()
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::pricing::PricedOrder;

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

    #[test]
    fn ten_percent_off_pizza_and_beer_splits_over_both_rates() {
        let lines = [line(1500, VatRate::Reduced), line(500, VatRate::Standard)];
        let d = price_discount(
            &lines,
            &[],
            DiscountTarget::Order,
            DiscountValue::Percent(10),
        )
        .unwrap();
        assert_eq!(d.amount, 200);
        assert_eq!(
            d.shares,
            vec![
                DiscountShare {
                    rate: VatRate::Reduced,
                    amount: 150,
                    vat: 12
                },
                DiscountShare {
                    rate: VatRate::Standard,
                    amount: 50,
                    vat: 9
                },
            ]
        );
    }

    #[test]
    fn refusals_name_their_field() {
        let lines = [line(1000, VatRate::Reduced)];
        let field = |t, v| {
            price_discount(&lines, &[], t, v)
                .unwrap_err()
                .field
                .unwrap()
        };
        assert_eq!(
            field(DiscountTarget::Order, DiscountValue::Percent(0)),
            "percent"
        );
        assert_eq!(
            field(DiscountTarget::Order, DiscountValue::Percent(101)),
            "percent"
        );
        assert_eq!(
            field(DiscountTarget::Order, DiscountValue::Amount(0)),
            "amount_cents"
        );
        assert_eq!(
            field(DiscountTarget::Order, DiscountValue::Amount(1001)),
            "amount_cents"
        );
        assert_eq!(
            field(DiscountTarget::Line(1), DiscountValue::Amount(1)),
            "line"
        );
        assert_eq!(check_reason("  ").unwrap_err().field.unwrap(), "reason");
    }

    #[test]
    fn a_second_discount_takes_only_what_is_left() {
        let lines = [line(1000, VatRate::Reduced)];
        let first = price_discount(
            &lines,
            &[],
            DiscountTarget::Order,
            DiscountValue::Amount(800),
        )
        .unwrap();
        assert!(
            price_discount(
                &lines,
                std::slice::from_ref(&first),
                DiscountTarget::Order,
                DiscountValue::Amount(201)
            )
            .is_err()
        );
        let rest = price_discount(
            &lines,
            &[first],
            DiscountTarget::Order,
            DiscountValue::Percent(100),
        )
        .unwrap();
        assert_eq!(rest.amount, 200);
    }

    /// Two pizzas of €10 at 9%: each line's VAT rounds to 83 cents, 166 together, while the VAT
    /// in €20 is 165. A 100% discount must take all 166, not leave a cent of VAT on €0.
    #[test]
    fn a_hundred_percent_off_leaves_no_cent_of_vat() {
        let lines = [line(1000, VatRate::Reduced), line(1000, VatRate::Reduced)];
        assert_eq!(lines[0].vat + lines[1].vat, 166);
        let all = price_discount(
            &lines,
            &[],
            DiscountTarget::Order,
            DiscountValue::Percent(100),
        )
        .unwrap();
        assert_eq!(all.amount, 2000);
        let vat = vat_after_discounts(PricedOrder::vat_totals(&lines, 0), &[all]);
        assert_eq!(vat[0].gross, 0);
        assert_eq!(vat[0].vat, 0, "a cent of VAT left on nothing");
    }

    fn rate() -> impl Strategy<Value = VatRate> {
        prop_oneof![Just(VatRate::Reduced), Just(VatRate::Standard)]
    }

    fn lines() -> impl Strategy<Value = Vec<PricedLine>> {
        prop::collection::vec((1i64..20_000, rate()), 1..8)
            .prop_map(|ls| ls.into_iter().map(|(t, r)| line(t, r)).collect())
    }

    fn value() -> impl Strategy<Value = DiscountValue> {
        prop_oneof![
            Just(DiscountValue::Percent(100)),
            (1i64..=100).prop_map(DiscountValue::Percent),
            (1i64..200_000).prop_map(DiscountValue::Amount),
        ]
    }

    proptest! {
        /// Totals equal the sum of lines minus discounts; VAT per rate never goes below zero;
        /// each rate's part is within a cent of its exact proportion.
        #[test]
        fn discounts_keep_totals_and_vat_honest(
            lines in lines(),
            values in prop::collection::vec((value(), any::<prop::sample::Index>(), any::<bool>()), 1..4),
            fee in prop_oneof![Just(0i64), 100i64..500],
        ) {
            let mut given: Vec<PricedDiscount> = Vec::new();
            for (value, index, on_line) in values {
                let target = if on_line {
                    DiscountTarget::Line(index.index(lines.len()))
                } else {
                    DiscountTarget::Order
                };
                let by_rate = base_by_rate(&lines, &given, target);
                let Ok(d) = price_discount(&lines, &given, target, value) else { continue };
                // The parts add up to the discount, to the cent.
                prop_assert_eq!(d.shares.iter().map(|s| s.amount).sum::<Cents>(), d.amount);
                // Each part is off its exact proportion by at most one cent.
                let base: Cents = by_rate.values().map(|(g, _)| (*g).max(0)).sum();
                for s in &d.shares {
                    let gross = by_rate[&s.rate].0.max(0);
                    let exact = d.amount as f64 * gross as f64 / base as f64;
                    prop_assert!((s.amount as f64 - exact).abs() <= 1.0, "{} vs {}", s.amount, exact);
                }
                given.push(d);
            }
            let subtotal: Cents = lines.iter().map(|l| l.total).sum();
            let vat = vat_after_discounts(PricedOrder::vat_totals(&lines, fee), &given);
            let total = subtotal + fee - discounted(&given);
            prop_assert!(total >= fee, "goods never go below zero");
            prop_assert_eq!(vat.iter().map(|v| v.gross).sum::<Cents>(), total);
            for v in &vat {
                prop_assert!(v.vat >= 0, "VAT at {:?} went negative: {}", v.rate, v.vat);
                // Nothing left at a rate means no VAT left at it either (no rounding cent).
                if v.gross == 0 {
                    prop_assert_eq!(v.vat, 0, "VAT left on nothing at {:?}", v.rate);
                }
                prop_assert!(v.gross >= 0, "gross at {:?} went negative: {}", v.rate, v.gross);
            }
        }
    }
}
