//! Money in integer euro cents and the Dutch VAT classes.

use serde::{Deserialize, Serialize};

/// An amount of money in euro cents, VAT included. Never a float.
pub type Cents = i64;

/// The VAT class of something sold. Dutch rates: 9% for food and soft drinks, 21% for alcohol and
/// non-food.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VatRate {
    /// 9%: food and soft drinks.
    Reduced,
    /// 21%: alcohol and non-food.
    Standard,
}

impl VatRate {
    pub fn percent(self) -> i64 {
        match self {
            VatRate::Reduced => 9,
            VatRate::Standard => 21,
        }
    }

    pub fn from_percent(percent: i64) -> Option<VatRate> {
        match percent {
            9 => Some(VatRate::Reduced),
            21 => Some(VatRate::Standard),
            _ => None,
        }
    }

    /// The VAT contained in a VAT-inclusive amount, rounded half up to the cent:
    /// `round(gross × rate / (100 + rate))`.
    pub fn vat_in(self, gross: Cents) -> Cents {
        let rate = self.percent();
        let divisor = 100 + rate;
        let numerator = gross * rate;
        // Half-up rounding for non-negative amounts; refunds (negative) mirror it.
        if numerator >= 0 {
            (2 * numerator + divisor) / (2 * divisor)
        } else {
            -((-2 * numerator + divisor) / (2 * divisor))
        }
    }
}

/// Formats cents the Dutch way for messages a person reads: `€ 12,50`.
pub fn format_euro(cents: Cents) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let abs = cents.abs();
    format!("{sign}€ {},{:02}", abs / 100, abs % 100)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn vat_is_rounded_half_up_per_amount() {
        // 10.90 incl. 9% -> 0.9000.. -> 90 cents
        assert_eq!(VatRate::Reduced.vat_in(1090), 90);
        // 12.10 incl. 21% -> 2.10
        assert_eq!(VatRate::Standard.vat_in(1210), 210);
        // 1.00 incl. 9% -> 8.257 -> 8
        assert_eq!(VatRate::Reduced.vat_in(100), 8);
        // 0.06 incl. 9% = 0.495 -> rounds half up to 0.50? 6*9/109 = 0.4954 -> 0
        assert_eq!(VatRate::Reduced.vat_in(6), 0);
        assert_eq!(VatRate::Reduced.vat_in(0), 0);
    }

    #[test]
    fn euro_formatting_is_dutch() {
        assert_eq!(format_euro(1250), "€ 12,50");
        assert_eq!(format_euro(5), "€ 0,05");
        assert_eq!(format_euro(-300), "-€ 3,00");
    }

    proptest! {
        #[test]
        fn vat_matches_exact_rounding(gross in 0i64..10_000_000, standard in any::<bool>()) {
            let rate = if standard { VatRate::Standard } else { VatRate::Reduced };
            let exact = gross as f64 * rate.percent() as f64 / (100 + rate.percent()) as f64;
            let vat = rate.vat_in(gross);
            prop_assert!((vat as f64 - exact).abs() <= 0.5 + 1e-9);
            prop_assert!(vat <= gross);
            prop_assert!(vat >= 0);
        }
    }
}
