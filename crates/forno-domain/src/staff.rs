//! Staff roles, and the rules for new PINs and names. What each role may do is the table in
//! `permissions`.

use serde::{Deserialize, Serialize};

use crate::msg;
use crate::text;
use crate::validation::ValidationError;

/// PINs are 4 to 8 digits: quick to type on a touch screen, and with the lock-out after five
/// wrong tries enough for a till (a PIN guards a role, not money in a bank).
pub const PIN_DIGITS: std::ops::RangeInclusive<usize> = 4..=8;

/// The longest name of a staff member or a device, in characters.
pub const MAX_DISPLAY_NAME_CHARS: usize = 40;

/// Names of staff and devices: what a login form and a kitchen screen's header show. Returns
/// the name as it is kept (trimmed; the text rule applied).
pub fn check_display_name(name: &str, field: &str) -> Result<String, ValidationError> {
    let name = text::one_line(name, field, MAX_DISPLAY_NAME_CHARS)?;
    if name.is_empty() {
        return Err(ValidationError::field(
            field,
            msg!(nl: "Vul een naam in.", en: "Fill in a name."),
        ));
    }
    Ok(name)
}

/// Checks a new PIN: 4 to 8 digits, and not one anybody would try first (one digit repeated,
/// or a straight run such as 1234 or 4321).
pub fn check_new_pin(pin: &str, field: &str) -> Result<(), ValidationError> {
    if !PIN_DIGITS.contains(&pin.len()) || !pin.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ValidationError::field(
            field,
            msg!(
                nl: "Een pincode is 4 tot 8 cijfers, zonder iets anders erin.",
                en: "A PIN is 4 to 8 digits, with nothing else in it."
            ),
        ));
    }
    let digits: Vec<i16> = pin.bytes().map(|b| i16::from(b - b'0')).collect();
    let steps: Vec<i16> = digits.windows(2).map(|w| w[1] - w[0]).collect();
    let guessable = [0, 1, -1]
        .iter()
        .any(|step| steps.iter().all(|s| s == step));
    if guessable {
        return Err(ValidationError::field(
            field,
            msg!(
                nl: "Deze pincode raadt iedereen als eerste (zoals 1111 of 1234); kies een andere.",
                en: "This PIN is one of the first anybody would try (like 1111 or 1234); choose another."
            ),
        ));
    }
    Ok(())
}

/// Checks the role given to a staff member: a person's role, never `printer` (a device's).
pub fn check_staff_role(role: Role, field: &str) -> Result<(), ValidationError> {
    if role.is_person() {
        return Ok(());
    }
    Err(ValidationError::field(
        field,
        msg!(
            nl: "Kies een rol voor een persoon: eigenaar, manager, kassa of keuken.",
            en: "Choose a role for a person: owner, manager, cashier or kitchen."
        ),
    ))
}

/// Whose PIN someone may reset: the owner anyone's; a manager those of the cashiers and the
/// kitchen (not another manager's, not the owner's: that would hand them the owner's account).
pub fn check_pin_reset(by: Role, of: Role, field: &str) -> Result<(), ValidationError> {
    let may = match by {
        Role::Owner => true,
        Role::Manager => matches!(of, Role::Cashier | Role::Kitchen),
        _ => false,
    };
    if may {
        return Ok(());
    }
    Err(ValidationError::field(
        field,
        msg!(
            nl: "Een manager mag alleen de pincode van kassa- en keukenmedewerkers herstellen; vraag het de eigenaar.",
            en: "A manager may only reset the PIN of cashiers and kitchen staff; ask the owner."
        ),
    ))
}

/// The shop always keeps an owner who can log in: a change that would leave no active owner
/// (the last owner stopping or becoming a manager) is refused at `field`.
pub fn check_owner_remains(active_owners_after: usize, field: &str) -> Result<(), ValidationError> {
    if active_owners_after > 0 {
        return Ok(());
    }
    Err(ValidationError::field(
        field,
        msg!(
            nl: "Dit is de laatste eigenaar: maak eerst iemand anders eigenaar, anders kan niemand de zaak meer beheren.",
            en: "This is the last owner: make someone else owner first, or nobody can manage the shop any more."
        ),
    ))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Owner,
    Manager,
    Cashier,
    Kitchen,
    /// A print agent on another PC (a paired device, never a person).
    Printer,
}

impl Role {
    pub const ALL: [Role; 5] = [
        Role::Owner,
        Role::Manager,
        Role::Cashier,
        Role::Kitchen,
        Role::Printer,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Owner => "owner",
            Role::Manager => "manager",
            Role::Cashier => "cashier",
            Role::Kitchen => "kitchen",
            Role::Printer => "printer",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// The roles a staff member (a person) can have; `Printer` is a paired device's.
    pub const PEOPLE: [Role; 4] = [Role::Owner, Role::Manager, Role::Cashier, Role::Kitchen];

    pub fn is_person(self) -> bool {
        self != Role::Printer
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_pins_are_digits_and_not_guessable() {
        for good in ["4821", "90210", "13572468"] {
            assert_eq!(check_new_pin(good, "pin"), Ok(()), "{good}");
        }
        for bad in [
            "",
            "123",
            "123456789",
            "12a4",
            " 4821",
            "0000",
            "1234",
            "9876",
            "4321",
        ] {
            let err = check_new_pin(bad, "owner.pin").unwrap_err();
            assert_eq!(err.field.as_deref(), Some("owner.pin"), "{bad}");
        }
    }

    #[test]
    fn a_manager_resets_only_cashier_and_kitchen_pins() {
        for of in Role::PEOPLE {
            assert_eq!(check_pin_reset(Role::Owner, of, "id"), Ok(()), "{of:?}");
        }
        assert_eq!(check_pin_reset(Role::Manager, Role::Cashier, "id"), Ok(()));
        assert_eq!(check_pin_reset(Role::Manager, Role::Kitchen, "id"), Ok(()));
        for of in [Role::Owner, Role::Manager] {
            let err = check_pin_reset(Role::Manager, of, "id").unwrap_err();
            assert_eq!(err.field.as_deref(), Some("id"));
        }
        for by in [Role::Cashier, Role::Kitchen, Role::Printer] {
            assert!(check_pin_reset(by, Role::Kitchen, "id").is_err(), "{by:?}");
        }
    }

    #[test]
    fn the_shop_keeps_an_owner_and_people_have_a_persons_role() {
        assert_eq!(check_owner_remains(1, "active"), Ok(()));
        let err = check_owner_remains(0, "active").unwrap_err();
        assert_eq!(err.field.as_deref(), Some("active"));
        for role in Role::PEOPLE {
            assert_eq!(check_staff_role(role, "role"), Ok(()));
        }
        assert!(check_staff_role(Role::Printer, "role").is_err());
    }

    #[test]
    fn display_names_are_trimmed_text() {
        assert_eq!(
            check_display_name("  Keuken 1 ", "name"),
            Ok("Keuken 1".into())
        );
        for bad in ["", "   ", "Keuken\u{1b}p", &"x".repeat(41)] {
            let err = check_display_name(bad, "owner.name").unwrap_err();
            assert_eq!(err.field.as_deref(), Some("owner.name"), "{bad:?}");
        }
    }
}
