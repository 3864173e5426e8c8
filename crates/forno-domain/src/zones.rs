//! Delivery zones by Dutch postcode: which addresses the shop delivers to, at what fee, from what
//! minimum order, and how much longer it takes.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::money::Cents;
use crate::msg;
use crate::text;
use crate::validation::ValidationError;

/// The longest name of a delivery zone, in characters.
pub const MAX_ZONE_NAME_CHARS: usize = 60;

/// A Dutch postcode: four digits (not starting with 0) and two letters, e.g. "1017 GM".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Postcode {
    pub digits: u16,
    pub letters: [u8; 2],
}

impl Postcode {
    pub fn parse(text: &str) -> Option<Postcode> {
        let compact: Vec<char> = text.chars().filter(|c| !c.is_whitespace()).collect();
        if compact.len() != 6 {
            return None;
        }
        let digits: String = compact[..4].iter().collect();
        let digits: u16 = digits.parse().ok()?;
        if !(1000..=9999).contains(&digits) {
            return None;
        }
        let l1 = compact[4].to_ascii_uppercase();
        let l2 = compact[5].to_ascii_uppercase();
        if !l1.is_ascii_uppercase() || !l2.is_ascii_uppercase() {
            return None;
        }
        Some(Postcode {
            digits,
            letters: [l1 as u8, l2 as u8],
        })
    }
}

impl fmt::Display for Postcode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {}{}",
            self.digits, self.letters[0] as char, self.letters[1] as char
        )
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeliveryZone {
    pub id: i64,
    pub name: String,
    /// Postcode digit ranges, as "1011-1018" or a single "1019".
    pub postcodes: Vec<String>,
    pub fee: Cents,
    pub minimum_order: Cents,
    /// Extra minutes on top of the prep time for the drive.
    pub extra_minutes: i64,
}

impl DeliveryZone {
    pub fn covers(&self, postcode: Postcode) -> bool {
        self.postcodes
            .iter()
            .filter_map(|range| parse_range(range))
            .any(|(low, high)| (low..=high).contains(&postcode.digits))
    }

    /// Checks the zone's own data, for when the owner edits zones, and returns it as it is
    /// kept (its name trimmed, the text rule applied).
    pub fn checked(self, field: &str) -> Result<DeliveryZone, ValidationError> {
        let name = text::one_line(&self.name, &format!("{field}.name"), MAX_ZONE_NAME_CHARS)?;
        if name.is_empty() {
            return Err(ValidationError::field(
                format!("{field}.name"),
                msg!(
                    nl: "Geef het bezorggebied een naam.",
                    en: "Give the delivery zone a name."
                ),
            ));
        }
        if self.postcodes.is_empty() {
            return Err(ValidationError::field(
                format!("{field}.postcodes"),
                msg!(
                    nl: "Noem de postcodes waar dit gebied bezorgt: 4 cijfers (\"1017\") of een reeks (\"1011-1018\").",
                    en: "Name the postcodes the zone delivers to: 4 digits (\"1017\") or a range (\"1011-1018\")."
                ),
            ));
        }
        for (i, range) in self.postcodes.iter().enumerate() {
            if parse_range(range).is_none() {
                return Err(ValidationError::field(
                    format!("{field}.postcodes[{i}]"),
                    msg!(
                        nl: "\"{range}\" is geen postcodereeks; schrijf 4 cijfers (\"1017\") of een reeks (\"1011-1018\").",
                        en: "\"{range}\" is not a postcode range; write 4 digits (\"1017\") or a range (\"1011-1018\")."
                    ),
                ));
            }
        }
        if self.fee < 0 || self.minimum_order < 0 || self.extra_minutes < 0 {
            return Err(ValidationError::field(
                field.to_owned(),
                msg!(
                    nl: "Bezorgkosten, minimumbedrag en extra minuten kunnen niet negatief zijn.",
                    en: "Fee, minimum order and extra minutes cannot be negative."
                ),
            ));
        }
        let postcodes = self.postcodes.iter().map(|r| r.trim().to_owned()).collect();
        Ok(DeliveryZone {
            name,
            postcodes,
            ..self
        })
    }
}

fn parse_range(range: &str) -> Option<(u16, u16)> {
    let parse = |s: &str| {
        s.trim()
            .parse::<u16>()
            .ok()
            .filter(|d| (1000..=9999).contains(d))
    };
    match range.split_once('-') {
        Some((low, high)) => {
            let (low, high) = (parse(low)?, parse(high)?);
            (low <= high).then_some((low, high))
        }
        None => parse(range).map(|d| (d, d)),
    }
}

/// The zone that delivers to `postcode`, the first one listed if zones overlap.
pub fn zone_for(zones: &[DeliveryZone], postcode: Postcode) -> Option<&DeliveryZone> {
    zones.iter().find(|z| z.covers(postcode))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zone(ranges: &[&str]) -> DeliveryZone {
        DeliveryZone {
            id: 1,
            name: "Centrum".into(),
            postcodes: ranges.iter().map(|s| s.to_string()).collect(),
            fee: 250,
            minimum_order: 1500,
            extra_minutes: 10,
        }
    }

    #[test]
    fn postcodes_parse_with_or_without_space_and_case() {
        assert_eq!(Postcode::parse("1017 GM").unwrap().digits, 1017);
        assert_eq!(Postcode::parse("1017gm").unwrap().to_string(), "1017 GM");
        assert!(Postcode::parse("0123 AB").is_none());
        assert!(Postcode::parse("1017").is_none());
        assert!(Postcode::parse("1017 G1").is_none());
    }

    #[test]
    fn zones_cover_ranges_and_single_codes() {
        let z = zone(&["1011-1018", "1020"]);
        assert!(z.covers(Postcode::parse("1011AA").unwrap()));
        assert!(z.covers(Postcode::parse("1018ZZ").unwrap()));
        assert!(z.covers(Postcode::parse("1020AB").unwrap()));
        assert!(!z.covers(Postcode::parse("1019AB").unwrap()));
        assert!(zone(&["1018-1011"]).checked("zones[0]").is_err());
        let err = DeliveryZone {
            name: "Centrum\u{1b}p".into(),
            ..zone(&["1011"])
        }
        .checked("zones[0]")
        .unwrap_err();
        assert_eq!(err.field.as_deref(), Some("zones[0].name"));
    }
}
