//! The shop's settings as the owner edits them: profile, hours, delivery zones, prep time and the
//! pause switch for online orders.

use forno_domain::hours::OpeningHours;
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
