//! The shop's settings as the owner edits them: profile, hours, delivery zones, prep time and the
//! pause switch for online orders.

use forno_domain::hours::{ClockTime, OpeningHours, OpeningPeriod};
use forno_domain::{DeliveryZone, ShopClock, ValidationError};
use serde::{Deserialize, Serialize};

pub const SETTINGS_KEY: &str = "shop";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShopSettings {
    pub name: String,
    pub address: String,
    pub phone: String,
    pub vat_number: String,
    /// IANA time zone the shop's hours are in.
    pub time_zone: String,
    pub hours: OpeningHours,
    pub zones: Vec<DeliveryZone>,
    pub prep_time_minutes: i64,
    /// Online orders are refused while paused; the counter keeps working.
    pub paused: bool,
    pub pickup_enabled: bool,
    pub delivery_enabled: bool,
}

impl ShopSettings {
    pub fn tz(&self) -> chrono_tz::Tz {
        self.time_zone
            .parse()
            .unwrap_or(chrono_tz::Europe::Amsterdam)
    }

    pub fn clock(&self) -> ShopClock<'_> {
        ShopClock {
            tz: self.tz(),
            hours: &self.hours,
            prep_minutes: self.prep_time_minutes,
        }
    }

    /// The settings of a shop that still has to be set up: the example menu's usual hours, pickup
    /// only, and online orders paused until the owner has finished the setup.
    pub fn awaiting_setup() -> ShopSettings {
        let mut hours = OpeningHours::default();
        let evening = OpeningPeriod {
            open: ClockTime(16 * 60),
            close: ClockTime(22 * 60),
        };
        // Tuesday to Sunday; Monday is the usual day off.
        for periods in hours.weekly.iter_mut().skip(1) {
            *periods = vec![evening];
        }
        ShopSettings {
            name: String::new(),
            address: String::new(),
            phone: String::new(),
            vat_number: String::new(),
            time_zone: "Europe/Amsterdam".into(),
            hours,
            zones: Vec::new(),
            prep_time_minutes: 20,
            paused: true,
            pickup_enabled: true,
            delivery_enabled: false,
        }
    }

    pub fn validate(&self) -> Result<(), ValidationError> {
        if self.name.trim().is_empty() {
            return Err(ValidationError::field("name", "The shop needs a name."));
        }
        if self.time_zone.parse::<chrono_tz::Tz>().is_err() {
            return Err(ValidationError::field(
                "time_zone",
                format!(
                    "\"{}\" is not a time zone; use a name like Europe/Amsterdam.",
                    self.time_zone
                ),
            ));
        }
        if !(1..=240).contains(&self.prep_time_minutes) {
            return Err(ValidationError::field(
                "prep_time_minutes",
                "The prep time must be between 1 and 240 minutes.",
            ));
        }
        if !self.pickup_enabled && !self.delivery_enabled {
            return Err(ValidationError::field(
                "pickup_enabled",
                "Offer pickup, delivery or both.",
            ));
        }
        if self.delivery_enabled && self.zones.is_empty() {
            return Err(ValidationError::field(
                "zones",
                "Delivery needs at least one delivery area: its postcodes, fee and minimum order.",
            ));
        }
        if !self.vat_number.trim().is_empty() && !is_vat_number(&self.vat_number) {
            return Err(ValidationError::field(
                "vat_number",
                format!(
                    "\"{}\" is not a VAT number; a Dutch one looks like NL123456789B01.",
                    self.vat_number.trim()
                ),
            ));
        }
        self.hours.validate()?;
        for (i, zone) in self.zones.iter().enumerate() {
            zone.validate(&format!("zones[{i}]"))?;
            if self.zones[..i].iter().any(|z| z.id == zone.id) {
                return Err(ValidationError::field(
                    format!("zones[{i}].id"),
                    "Two zones share this id.",
                ));
            }
        }
        Ok(())
    }
}

/// An EU VAT number: a two-letter country code and 2 to 12 letters or digits; a Dutch one is
/// NL, nine digits, B and two digits. Spaces and dots are allowed and ignored.
fn is_vat_number(text: &str) -> bool {
    let compact: String = text
        .chars()
        .filter(|c| !matches!(c, ' ' | '.'))
        .collect::<String>()
        .to_ascii_uppercase();
    let (country, rest) = compact.split_at(compact.len().min(2));
    if !country.bytes().all(|b| b.is_ascii_uppercase()) || country.len() != 2 {
        return false;
    }
    if country == "NL" {
        let b = rest.as_bytes();
        return b.len() == 12
            && b[..9].iter().all(u8::is_ascii_digit)
            && b[9] == b'B'
            && b[10..].iter().all(u8::is_ascii_digit);
    }
    (2..=12).contains(&rest.len()) && rest.bytes().all(|b| b.is_ascii_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vat_numbers() {
        for good in [
            "NL001234567B01",
            "nl 0012.34.567.B01",
            "BE0123456789",
            "DE123456789",
        ] {
            assert!(is_vat_number(good), "{good}");
        }
        for bad in [
            "NL12345678B01",
            "NL001234567X01",
            "1234567",
            "N",
            "NL",
            "DE12345678901234",
        ] {
            assert!(!is_vat_number(bad), "{bad}");
        }
    }

    #[test]
    fn a_shop_awaiting_setup_is_valid_once_it_has_a_name() {
        let mut settings = ShopSettings::awaiting_setup();
        assert_eq!(
            settings.validate().unwrap_err().field.as_deref(),
            Some("name")
        );
        settings.name = "Pizzeria Bella".into();
        assert_eq!(settings.validate(), Ok(()));
        settings.delivery_enabled = true;
        assert_eq!(
            settings.validate().unwrap_err().field.as_deref(),
            Some("zones")
        );
    }
}
