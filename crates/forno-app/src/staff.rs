//! Staff accounts (A7, S1): the owner adds people, renames them, gives them another role, stops
//! an account (its sessions end in the same transaction, so open screens stop working at once);
//! the owner resets anyone's PIN and a manager those of cashiers and the kitchen; everyone
//! changes their own PIN by typing the old one. And the way back in for an owner who forgot
//! the PIN: a reset from the shop's own computer (`forno staff reset-pin`, the desktop tray),
//! which writes through the same database file whether the shop runs or not.
//!
//! The rules (names, PINs, whose PIN a manager may reset, that the shop keeps an owner) are
//! forno-domain's; every change is in the audit log, in the change's own transaction.

use chrono::{DateTime, Utc};
use forno_domain::{
    Message, Permission, Role, ValidationError, check_display_name, check_new_pin,
    check_owner_remains, check_pin_reset, check_staff_role, msg,
};
use forno_store::staff::StaffMember;
use forno_store::{Connection, StoreError};
use rand::Rng;
use serde_json::json;

use crate::auth::{Actor, hash_pin};
use crate::{AppError, Config, Shop};

/// A staff account as the staff page shows it (never the PIN's hash).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffAccount {
    pub id: i64,
    pub name: String,
    pub role: Role,
    pub active: bool,
    /// Set while wrong PINs keep the account locked.
    pub locked_until: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

/// A new account: a name, a role and the first PIN (which the owner tells the person).
#[derive(Debug, Clone)]
pub struct NewStaff {
    pub name: String,
    pub role: Role,
    pub pin: String,
}

/// A change to an account: its name, role and whether it may log in.
#[derive(Debug, Clone)]
pub struct StaffChange {
    pub name: String,
    pub role: Role,
    pub active: bool,
}

/// A PIN reset from the shop's own computer: whose, and the new PIN to tell them (shown once).
#[derive(Debug, Clone)]
pub struct PinReset {
    pub name: String,
    pub role: Role,
    pub pin: String,
}

fn account(member: StaffMember, created_at: DateTime<Utc>, now: DateTime<Utc>) -> StaffAccount {
    StaffAccount {
        id: member.id,
        name: member.name,
        role: member.role,
        active: member.active,
        locked_until: member.locked_until.filter(|until| *until > now),
        created_at,
    }
}

fn no_such_staff(id: i64) -> Message {
    msg!(
        nl: "Er is geen personeelslid {id}.",
        en: "There is no staff member {id}."
    )
}

fn name_taken() -> ValidationError {
    ValidationError::field(
        "name",
        msg!(
            nl: "Er is al iemand met deze naam; kies een andere (bijvoorbeeld met de eerste letter van de achternaam erbij).",
            en: "Someone already has this name; choose another (for example with the first letter of the surname)."
        ),
    )
}

fn member(conn: &Connection, id: i64) -> Result<StaffMember, AppError> {
    forno_store::staff::by_id(conn, id)?.ok_or_else(|| AppError::not_found(no_such_staff(id)))
}

/// A new PIN nobody would guess first: six random digits that pass the domain's rule.
fn random_pin() -> String {
    let mut rng = rand::rng();
    loop {
        let pin: String = (0..6)
            .map(|_| char::from(b'0' + rng.random_range(0..10u8)))
            .collect();
        if check_new_pin(&pin, "pin").is_ok() {
            return pin;
        }
    }
}

/// The reset from the shop's own computer, inside whichever transaction runs it: new PIN, lock
/// lifted, the person's sessions ended (whoever forgot or lost a PIN starts afresh), audited.
fn reset_here(
    conn: &Connection,
    name: &str,
    pin_hash: &str,
    how: &str,
    now: DateTime<Utc>,
) -> Result<(i64, String, Role), AppError> {
    let member = forno_store::staff::by_name(conn, name)?
        .filter(|m| m.active)
        .ok_or_else(|| {
            AppError::not_found(msg!(
                nl: "Er is geen actief personeelslid dat \"{name}\" heet; kijk naar de naam op de inlogtegels.",
                en: "There is no active staff member called \"{name}\"; look at the names on the login tiles."
            ))
        })?;
    forno_store::staff::set_pin_hash(conn, member.id, pin_hash)?;
    let sessions = forno_store::staff::end_sessions(conn, member.id)?;
    forno_store::audit::record(
        conn,
        now,
        None,
        "staff.pin_reset",
        None,
        &json!({
            "staff": member.name,
            "role": member.role.as_str(),
            "by": how,
            "sessions_ended": sessions,
        }),
    )?;
    Ok((member.id, member.name, member.role))
}

/// `forno staff reset-pin NAME`: a new PIN for an active staff member, from the shop's own
/// computer, whether the shop runs or not (see `forno_store::write_from_tool`). The running
/// shop reads accounts and sessions from the database on every login and request, so it sees
/// the new PIN, and the ended sessions, at once.
pub async fn reset_pin_on_this_computer(config: &Config, name: &str) -> Result<PinReset, AppError> {
    let pin = random_pin();
    let pin_hash = hash_pin(&pin).await?;
    let path = config.database_path();
    let name = name.trim().to_owned();
    let now = Utc::now();
    let (_, name, role) = tokio::task::spawn_blocking(move || {
        forno_store::write_from_tool(&path, |conn| {
            reset_here(conn, &name, &pin_hash, "forno staff reset-pin", now)
        })
    })
    .await
    .map_err(|e| AppError::Config(format!("the reset stopped: {e}")))??;
    Ok(PinReset { name, role, pin })
}

impl Shop {
    /// Every staff account, active ones first.
    pub async fn staff(&self, actor: &Actor) -> Result<Vec<StaffAccount>, AppError> {
        actor.require(Permission::ViewStaff)?;
        let now = Utc::now();
        self.read(move |conn| {
            Ok(forno_store::staff::all(conn)?
                .into_iter()
                .map(|(m, created)| account(m, created, now))
                .collect())
        })
        .await
    }

    /// Adds a staff member. A name someone already has (in any case), a person's role other than
    /// the four, or a weak PIN: 422 at the field, nothing written.
    pub async fn add_staff(
        &self,
        actor: &Actor,
        new: NewStaff,
        now: DateTime<Utc>,
    ) -> Result<StaffAccount, AppError> {
        actor.require(Permission::ManageStaff)?;
        let name = check_display_name(&new.name, "name")?;
        check_staff_role(new.role, "role")?;
        check_new_pin(&new.pin, "pin")?;
        let pin_hash = hash_pin(&new.pin).await?;
        let (role, by, by_name) = (new.role, actor.staff_id, actor.name.clone());
        self.store()
            .write(
                move |conn| -> Result<StaffAccount, AppError> {
                    if forno_store::staff::name_taken(conn, &name, None)? {
                        return Err(name_taken().into());
                    }
                    let id = forno_store::staff::insert(conn, &name, role, &pin_hash, now)?;
                    forno_store::audit::record(
                        conn,
                        now,
                        by,
                        "staff.added",
                        None,
                        &json!({ "staff": name, "role": role.as_str(), "by": by_name }),
                    )?;
                    Ok(account(member(conn, id)?, now, now))
                },
                |_| {},
            )
            .await
    }

    /// Renames a staff member, gives them another role, or stops (or restarts) their account.
    /// Stopping ends their sessions at once. The shop keeps at least one active owner.
    pub async fn change_staff(
        &self,
        actor: &Actor,
        id: i64,
        change: StaffChange,
        now: DateTime<Utc>,
    ) -> Result<StaffAccount, AppError> {
        actor.require(Permission::ManageStaff)?;
        let name = check_display_name(&change.name, "name")?;
        check_staff_role(change.role, "role")?;
        let (role, active, by, by_name) = (
            change.role,
            change.active,
            actor.staff_id,
            actor.name.clone(),
        );
        self.store()
            .write(
                move |conn| -> Result<StaffAccount, AppError> {
                    let before = member(conn, id)?;
                    if forno_store::staff::name_taken(conn, &name, Some(id))? {
                        return Err(name_taken().into());
                    }
                    if before.role == Role::Owner && before.active {
                        let others = forno_store::staff::active_owners_except(conn, id)?;
                        let still_owner = role == Role::Owner && active;
                        let field = if active { "role" } else { "active" };
                        check_owner_remains(others + usize::from(still_owner), field)?;
                    }
                    forno_store::staff::update(conn, id, &name, role, active)?;
                    let action = match (before.active, active) {
                        (true, false) => "staff.deactivated",
                        (false, true) => "staff.reactivated",
                        _ => "staff.changed",
                    };
                    forno_store::audit::record(
                        conn,
                        now,
                        by,
                        action,
                        None,
                        &json!({
                            "staff": name,
                            "by": by_name,
                            "name_before": (before.name != name).then_some(&before.name),
                            "role": role.as_str(),
                            "role_before": (before.role != role).then_some(before.role.as_str()),
                        }),
                    )?;
                    let created = forno_store::staff::created_at(conn, id)?;
                    Ok(account(member(conn, id)?, created, now))
                },
                |_| {},
            )
            .await
    }

    /// Gives a staff member a new PIN (the owner anyone's, a manager a cashier's or the
    /// kitchen's). The account's lock-out is lifted and its sessions end, so the person logs in
    /// afresh with the new PIN.
    pub async fn reset_pin(
        &self,
        actor: &Actor,
        id: i64,
        pin: &str,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        actor.require(Permission::ResetPins)?;
        check_new_pin(pin, "pin")?;
        let pin_hash = hash_pin(pin).await?;
        let (by_role, by, by_name) = (actor.role, actor.staff_id, actor.name.clone());
        self.store()
            .write(
                move |conn| -> Result<(), AppError> {
                    let target = member(conn, id)?;
                    check_pin_reset(by_role, target.role, "id").map_err(AppError::NotForYou)?;
                    forno_store::staff::set_pin_hash(conn, id, &pin_hash)?;
                    if by != Some(id) {
                        forno_store::staff::end_sessions(conn, id)?;
                    }
                    forno_store::audit::record(
                        conn,
                        now,
                        by,
                        "staff.pin_reset",
                        None,
                        &json!({
                            "staff": target.name,
                            "role": target.role.as_str(),
                            "by": by_name,
                        }),
                    )?;
                    Ok(())
                },
                |_| {},
            )
            .await
    }

    /// A staff member changes their own PIN by typing the old one (a wrong one counts towards the
    /// lock-out, as at the login). Their other sessions end; this one stays.
    pub async fn change_own_pin(
        &self,
        actor: &Actor,
        session_token: &str,
        old_pin: &str,
        new_pin: &str,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        let Some(staff_id) = actor.staff_id else {
            return Err(ValidationError::general(msg!(
                nl: "Een gekoppeld apparaat heeft geen eigen pincode; log in als persoon.",
                en: "A paired device has no PIN of its own; log in as a person."
            ))
            .into());
        };
        check_new_pin(new_pin, "new_pin")?;
        if old_pin == new_pin {
            return Err(ValidationError::field(
                "new_pin",
                msg!(
                    nl: "De nieuwe pincode is dezelfde als de oude; kies een andere.",
                    en: "The new PIN is the same as the old one; choose another."
                ),
            )
            .into());
        }
        match self.check_pin(&actor.name, old_pin, now).await {
            Ok(m) if m.id == staff_id => {}
            Ok(_) | Err(AppError::Unauthorized(_)) => {
                return Err(ValidationError::field(
                    "old_pin",
                    msg!(
                        nl: "Je huidige pincode klopt niet; typ hem opnieuw.",
                        en: "Your current PIN is not right; type it again."
                    ),
                )
                .into());
            }
            Err(other) => return Err(other),
        }
        let pin_hash = hash_pin(new_pin).await?;
        let keep = crate::auth::token_hash(session_token);
        self.store()
            .write(
                move |conn| -> Result<(), StoreError> {
                    forno_store::staff::set_pin_hash(conn, staff_id, &pin_hash)?;
                    forno_store::staff::end_other_sessions(conn, staff_id, &keep)?;
                    forno_store::audit::record(
                        conn,
                        now,
                        Some(staff_id),
                        "staff.pin_changed",
                        None,
                        &json!({}),
                    )
                },
                |_| {},
            )
            .await?;
        Ok(())
    }

    /// The desktop tray's way back in for an owner who forgot the PIN: a new PIN for the shop's
    /// first active owner (by name), shown once. Only the shell on the shop's own computer calls
    /// this; no request reaches it.
    pub async fn reset_owner_pin_here(&self, now: DateTime<Utc>) -> Result<PinReset, AppError> {
        let owner = self
            .read(|conn| {
                Ok(forno_store::staff::all(conn)?
                    .into_iter()
                    .map(|(m, _)| m)
                    .find(|m| m.active && m.role == Role::Owner))
            })
            .await?
            .ok_or_else(|| {
                AppError::not_found(msg!(
                    nl: "Deze zaak heeft nog geen eigenaar; maak er een in de opstartwizard.",
                    en: "This shop has no owner yet; make one in the setup wizard."
                ))
            })?;
        let pin = random_pin();
        let pin_hash = hash_pin(&pin).await?;
        let (name, role) = self
            .store()
            .write(
                move |conn| {
                    reset_here(conn, &owner.name, &pin_hash, "the desktop app's tray", now)
                        .map(|(_, name, role)| (name, role))
                },
                |_| {},
            )
            .await?;
        Ok(PinReset { name, role, pin })
    }

    /// The name of the owner the tray's reset would give a new PIN (for its confirmation).
    pub async fn owner_for_reset(&self) -> Result<Option<String>, AppError> {
        self.read(|conn| {
            Ok(forno_store::staff::all(conn)?
                .into_iter()
                .map(|(m, _)| m)
                .find(|m| m.active && m.role == Role::Owner)
                .map(|m| m.name))
        })
        .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn random_pins_pass_the_rule_and_differ() {
        let pins: Vec<String> = (0..50).map(|_| random_pin()).collect();
        assert!(pins.iter().all(|p| check_new_pin(p, "pin").is_ok()));
        assert!(pins.iter().any(|p| p != &pins[0]));
    }
}
