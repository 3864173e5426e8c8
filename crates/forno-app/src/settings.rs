//! The shop's settings as the owner edits them: profile, hours, delivery zones, prep time and the
//! pause switch for online orders.

use forno_domain::hours::{ClockTime, OpeningHours, OpeningPeriod};
use forno_domain::status::{PREP_MINUTES, prep_time_out_of_range};
use forno_domain::{DeliveryZone, ShopClock, ValidationError, msg, text};
use serde::{Deserialize, Serialize};

pub const SETTINGS_KEY: &str = "shop";

/// Longest texts of the shop's profile, in characters.
const MAX_SHOP_NAME_CHARS: usize = 100;
const MAX_ADDRESS_CHARS: usize = 200;
const MAX_PHONE_CHARS: usize = 40;
const MAX_VAT_NUMBER_CHARS: usize = 30;
const MAX_TIME_ZONE_CHARS: usize = 64;

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

    /// Checks the settings as the owner sends them and returns them as they are kept: every
    /// text trimmed and checked by the text rule, the hours and zones checked.
    pub fn checked(self) -> Result<ShopSettings, ValidationError> {
        let name = text::one_line(&self.name, "name", MAX_SHOP_NAME_CHARS)?;
        if name.is_empty() {
            return Err(ValidationError::field(
                "name",
                msg!(nl: "Geef de zaak een naam.", en: "The shop needs a name."),
            ));
        }
        let address = text::one_line(&self.address, "address", MAX_ADDRESS_CHARS)?;
        let phone = text::one_line(&self.phone, "phone", MAX_PHONE_CHARS)?;
        let vat_number = text::one_line(&self.vat_number, "vat_number", MAX_VAT_NUMBER_CHARS)?;
        let time_zone = text::one_line(&self.time_zone, "time_zone", MAX_TIME_ZONE_CHARS)?;
        if time_zone.parse::<chrono_tz::Tz>().is_err() {
            return Err(ValidationError::field(
                "time_zone",
                msg!(
                    nl: "\"{time_zone}\" is geen tijdzone; gebruik een naam als Europe/Amsterdam.",
                    en: "\"{time_zone}\" is not a time zone; use a name like Europe/Amsterdam."
                ),
            ));
        }
        if !PREP_MINUTES.contains(&self.prep_time_minutes) {
            return Err(ValidationError::field(
                "prep_time_minutes",
                prep_time_out_of_range(),
            ));
        }
        if !self.pickup_enabled && !self.delivery_enabled {
            return Err(ValidationError::field(
                "pickup_enabled",
                msg!(
                    nl: "Bied afhalen, bezorgen of allebei aan.",
                    en: "Offer pickup, delivery or both."
                ),
            ));
        }
        if self.delivery_enabled && self.zones.is_empty() {
            return Err(ValidationError::field(
                "zones",
                msg!(
                    nl: "Voor bezorgen is minstens één bezorggebied nodig: de postcodes, de bezorgkosten en het minimumbedrag.",
                    en: "Delivery needs at least one delivery area: its postcodes, fee and minimum order."
                ),
            ));
        }
        if !vat_number.is_empty() && !is_vat_number(&vat_number) {
            return Err(ValidationError::field(
                "vat_number",
                msg!(
                    nl: "\"{vat_number}\" is geen btw-nummer; een Nederlands nummer ziet eruit als NL123456789B01.",
                    en: "\"{vat_number}\" is not a VAT number; a Dutch one looks like NL123456789B01."
                ),
            ));
        }
        self.hours.validate()?;
        let mut zones: Vec<DeliveryZone> = Vec::with_capacity(self.zones.len());
        for (i, zone) in self.zones.into_iter().enumerate() {
            let zone = zone.checked(&format!("zones[{i}]"))?;
            if zones.iter().any(|z| z.id == zone.id) {
                return Err(ValidationError::field(
                    format!("zones[{i}].id"),
                    msg!(
                        nl: "Twee bezorggebieden hebben hetzelfde id.",
                        en: "Two zones share this id."
                    ),
                ));
            }
            zones.push(zone);
        }
        Ok(ShopSettings {
            name,
            address,
            phone,
            vat_number,
            time_zone,
            zones,
            ..self
        })
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

/// The settings (top-level fields, by their stored names) that differ between `before` and
/// `after`: what the audit log says a settings change touched.
pub(crate) fn changed_fields(before: &ShopSettings, after: &ShopSettings) -> Vec<String> {
    let (Ok(serde_json::Value::Object(before)), Ok(serde_json::Value::Object(after))) =
        (serde_json::to_value(before), serde_json::to_value(after))
    else {
        return Vec::new();
    };
    after
        .iter()
        .filter(|(key, value)| before.get(*key) != Some(*value))
        .map(|(key, _)| key.clone())
        .collect()
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
            settings.clone().checked().unwrap_err().field.as_deref(),
            Some("name")
        );
        settings.name = " Pizzeria Bella ".into();
        assert_eq!(settings.clone().checked().unwrap().name, "Pizzeria Bella");
        settings.delivery_enabled = true;
        assert_eq!(
            settings.clone().checked().unwrap_err().field.as_deref(),
            Some("zones")
        );
    }

    #[test]
    fn settings_texts_follow_the_text_rule() {
        for (field, set) in [
            (
                "name",
                (|s: &mut ShopSettings| s.name = "Bella\u{1b}p".into()) as fn(&mut ShopSettings),
            ),
            ("address", |s| s.address = "Kerkstraat 1\u{0}".into()),
            ("phone", |s| s.phone = "020\u{202E}123".into()),
            ("vat_number", |s| s.vat_number = "NL\u{7f}".into()),
        ] {
            let mut settings = ShopSettings::awaiting_setup();
            settings.name = "Pizzeria Bella".into();
            set(&mut settings);
            let err = settings.checked().unwrap_err();
            assert_eq!(err.field.as_deref(), Some(field), "{err}");
        }
    }
}
