//! Paired devices (S1, K4): a kitchen screen or a counter tablet gets its own long-lived token by
//! opening a pairing link (shown as a QR code) that the owner made. A link works once, for ten
//! minutes; the owner sees every paired device and can unpair one.

use std::sync::Mutex;

use chrono::{DateTime, Duration, Utc};
use forno_domain::{Message, Permission, Role, ValidationError, check_display_name, msg};
use forno_store::staff::Device;
use rand::Rng;

use crate::auth::{Actor, new_token, token_hash};
use crate::{AppError, Shop};

pub const PAIRING_MINUTES: i64 = 10;

/// Letters and digits nobody confuses when typing a code from a screen (no 0/O, 1/I/L).
const CODE_ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";
const CODE_LENGTH: usize = 8;

/// A pairing code the owner shows to a new device.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PairingCode {
    pub code: String,
    pub role: Role,
    pub expires_at: DateTime<Utc>,
}

/// A newly paired device: its token, to be kept by the device (shown once, stored hashed).
#[derive(Debug, Clone)]
pub struct PairedDevice {
    pub token: String,
    pub actor: Actor,
}

/// Codes handed out and not yet used. Kept in memory: a restart simply asks for a new code.
#[derive(Default)]
pub(crate) struct PendingPairings(Mutex<Vec<Pending>>);

struct Pending {
    code: PairingCode,
    made_by: Option<i64>,
}

fn code_not_valid() -> Message {
    msg!(
        nl: "Deze koppelcode is niet geldig of verlopen. Maak een nieuwe aan de toonbank onder Instellingen en scan die opnieuw.",
        en: "This pairing code is not valid or has expired. Make a new one on the counter under Instellingen, then scan it again."
    )
}

impl PendingPairings {
    fn add(&self, code: PairingCode, made_by: Option<i64>, now: DateTime<Utc>) {
        let mut pending = self.0.lock().unwrap_or_else(|p| p.into_inner());
        pending.retain(|p| p.code.expires_at > now);
        pending.push(Pending { code, made_by });
    }

    /// Takes a live code out (so it works once).
    fn take(&self, code: &str, now: DateTime<Utc>) -> Option<Pending> {
        let mut pending = self.0.lock().unwrap_or_else(|p| p.into_inner());
        pending.retain(|p| p.code.expires_at > now);
        let index = pending.iter().position(|p| p.code.code == code)?;
        Some(pending.swap_remove(index))
    }
}

/// What a device paired as `role` is in the devices table.
fn device_kind(role: Role) -> &'static str {
    match role {
        Role::Kitchen => "kitchen_screen",
        Role::Printer => "print_agent",
        _ => "counter",
    }
}

/// Codes are typed by hand sometimes: case, spaces and dashes do not matter.
fn normalise_code(code: &str) -> String {
    code.chars()
        .filter(|c| !matches!(c, ' ' | '-'))
        .collect::<String>()
        .to_ascii_uppercase()
}

impl Shop {
    /// Makes a pairing code for a new kitchen screen or counter tablet.
    pub fn start_pairing(
        &self,
        actor: &Actor,
        role: Role,
        now: DateTime<Utc>,
    ) -> Result<PairingCode, AppError> {
        actor.require(Permission::ManageDevices)?;
        if !matches!(role, Role::Kitchen | Role::Cashier | Role::Printer) {
            return Err(ValidationError::field(
                "role",
                msg!(
                    nl: "Een apparaat koppel je als keukenscherm (kitchen), als kassa (cashier) of als printagent (printer); managers en eigenaren loggen in met hun eigen pincode.",
                    en: "A device is paired as a kitchen screen (kitchen), a counter (cashier) or a print agent (printer); managers and owners log in with their own PIN."
                ),
            )
            .into());
        }
        let mut rng = rand::rng();
        let code: String = (0..CODE_LENGTH)
            .map(|_| char::from(CODE_ALPHABET[rng.random_range(0..CODE_ALPHABET.len())]))
            .collect();
        let code = PairingCode {
            code,
            role,
            expires_at: now + Duration::minutes(PAIRING_MINUTES),
        };
        self.pairings().add(code.clone(), actor.staff_id, now);
        Ok(code)
    }

    /// Pairs the device that shows a live code: it gets its own token and the code's role.
    pub async fn pair_device(
        &self,
        code: &str,
        device_name: &str,
        now: DateTime<Utc>,
    ) -> Result<PairedDevice, AppError> {
        let name = check_display_name(device_name, "name")?;
        let pending = self
            .pairings()
            .take(&normalise_code(code), now)
            .ok_or_else(|| AppError::not_found(code_not_valid()))?;
        let role = pending.code.role;
        let token = new_token(32);
        let hash = token_hash(&token);
        let device_name = name.clone();
        let id = self
            .store()
            .write(
                move |conn| -> Result<i64, AppError> {
                    let id = forno_store::staff::insert_device(
                        conn,
                        &device_name,
                        device_kind(role),
                        role,
                        &hash,
                        now,
                    )?;
                    forno_store::audit::record(
                        conn,
                        now,
                        pending.made_by,
                        "device.paired",
                        None,
                        &serde_json::json!({ "device": device_name, "role": role.as_str() }),
                    )?;
                    Ok(id)
                },
                |_| {},
            )
            .await?;
        Ok(PairedDevice {
            token,
            actor: Actor {
                staff_id: None,
                device_id: Some(id),
                name,
                role,
            },
        })
    }

    /// The paired devices, oldest first.
    pub async fn devices(&self, actor: &Actor) -> Result<Vec<Device>, AppError> {
        actor.require(Permission::ManageDevices)?;
        self.read(|conn| Ok(forno_store::staff::active_devices(conn)?))
            .await
    }

    /// Unpairs a device: its token stops working at once.
    pub async fn unpair_device(
        &self,
        actor: &Actor,
        device_id: i64,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        actor.require(Permission::ManageDevices)?;
        let staff_id = actor.staff_id;
        self.store()
            .write(
                move |conn| -> Result<(), AppError> {
                    let device = forno_store::staff::revoke_device(conn, device_id, now)?
                        .ok_or_else(|| {
                            AppError::not_found(msg!(
                                nl: "Er is geen gekoppeld apparaat {device_id}.",
                                en: "There is no paired device {device_id}."
                            ))
                        })?;
                    forno_store::audit::record(
                        conn,
                        now,
                        staff_id,
                        "device.unpaired",
                        None,
                        &serde_json::json!({ "device": device.name }),
                    )?;
                    Ok(())
                },
                |_| {},
            )
            .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(text: &str, expires_at: DateTime<Utc>) -> PairingCode {
        PairingCode {
            code: text.into(),
            role: Role::Kitchen,
            expires_at,
        }
    }

    #[test]
    fn a_code_works_once_and_only_until_it_expires() {
        let now = Utc::now();
        let pending = PendingPairings::default();
        pending.add(code("ABCD2345", now + Duration::minutes(10)), Some(1), now);
        pending.add(code("WXYZ6789", now + Duration::minutes(10)), Some(1), now);
        assert!(pending.take("ABCD2345", now).is_some());
        assert!(pending.take("ABCD2345", now).is_none(), "used once");
        let later = now + Duration::minutes(10);
        assert!(pending.take("WXYZ6789", later).is_none(), "expired");
    }

    #[test]
    fn typed_codes_are_forgiving() {
        assert_eq!(normalise_code("abcd-2345 "), "ABCD2345");
    }
}
