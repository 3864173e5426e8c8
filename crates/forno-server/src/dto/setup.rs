//! Wire types of the first-run setup and of device pairing.

use chrono::{DateTime, Utc};
use forno_app::{Device, PairingCode, SetupForm};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::SettingsDto;
use super::names::RoleName;
use crate::error::ApiError;

/// Whether the shop still needs its setup, and where the other devices in the shop reach it.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct SetupStatusDto {
    pub needs_setup: bool,
    /// The starting values for the wizard; only while the shop needs its setup.
    pub shop: Option<SettingsDto>,
    /// The ordering page as customers open it: the shop's `public_url` when one is set (a
    /// tunnel or reverse proxy), else as phones on the shop's Wi-Fi open it.
    pub ordering_url: String,
    /// The setup can only be finished on this address (the computer Forno runs on).
    pub setup_url: String,
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
pub struct OwnerBody {
    pub name: String,
    pub pin: String,
}

/// The wizard's answers. `shop.paused` is ignored: finishing the setup opens online ordering.
#[derive(Debug, Clone, Deserialize, ToSchema)]
pub struct SetupBody {
    pub shop: SettingsDto,
    pub owner: OwnerBody,
}

impl SetupBody {
    pub fn into_form(self) -> Result<SetupForm, ApiError> {
        Ok(SetupForm {
            settings: self.shop.into_settings().map_err(|e| e.within("shop"))?,
            owner_name: self.owner.name,
            owner_pin: self.owner.pin,
        })
    }
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
pub struct PairingCodeBody {
    /// `kitchen` (a kitchen screen) or `cashier` (a counter tablet).
    pub role: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct PairingCodeDto {
    pub code: String,
    #[schema(value_type = RoleName)]
    pub role: String,
    pub expires_at: DateTime<Utc>,
    /// What the new device opens (shown as a QR code): the code in a link on the shop's LAN.
    pub pair_url: String,
}

impl PairingCodeDto {
    pub fn new(code: &PairingCode, pair_url: String) -> Self {
        PairingCodeDto {
            code: code.code.clone(),
            role: code.role.as_str().to_owned(),
            expires_at: code.expires_at,
            pair_url,
        }
    }
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
pub struct PairBody {
    pub code: String,
    /// What staff call this device, e.g. "Keuken 1".
    pub name: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct DeviceDto {
    pub id: i64,
    pub name: String,
    /// `kitchen_screen` or `counter`.
    pub kind: String,
    #[schema(value_type = RoleName)]
    pub role: String,
    pub paired_at: DateTime<Utc>,
}

impl From<&Device> for DeviceDto {
    fn from(d: &Device) -> Self {
        DeviceDto {
            id: d.id,
            name: d.name.clone(),
            kind: d.kind.clone(),
            role: d.role.as_str().to_owned(),
            paired_at: d.paired_at,
        }
    }
}
