//! Staff roles and what each may do.

use serde::{Deserialize, Serialize};

use crate::status::OrderStatus;
use crate::validation::ValidationError;

/// PINs are 4 to 8 digits: quick to type on a touch screen, and with the lock-out after five
/// wrong tries enough for a till (a PIN guards a role, not money in a bank).
pub const PIN_DIGITS: std::ops::RangeInclusive<usize> = 4..=8;

/// Names of staff and devices: what a login form and a kitchen screen's header show.
pub fn check_display_name(name: &str, field: &str) -> Result<(), ValidationError> {
    let length = name.trim().chars().count();
    if length == 0 {
        return Err(ValidationError::field(field, "Fill in a name."));
    }
    if length > 40 {
        return Err(ValidationError::field(
            field,
            "Keep the name to 40 characters or fewer.",
        ));
    }
    Ok(())
}

/// Checks a new PIN: 4 to 8 digits, and not one anybody would try first (one digit repeated,
/// or a straight run such as 1234 or 4321).
pub fn check_new_pin(pin: &str, field: &str) -> Result<(), ValidationError> {
    if !PIN_DIGITS.contains(&pin.len()) || !pin.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ValidationError::field(
            field,
            "A PIN is 4 to 8 digits, with nothing else in it.",
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
            "This PIN is one of the first anybody would try (like 1111 or 1234); choose another.",
        ));
    }
    Ok(())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Owner,
    Manager,
    Cashier,
    Kitchen,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Permission {
    ViewOrders,
    /// Enter counter and phone orders.
    TakeOrders,
    /// Move an order through the whole machine: accept, reject, hand over, complete.
    ManageOrders,
    /// Move an order through the kitchen: preparing and ready.
    PrepareOrders,
    CancelOrders,
    PauseOnlineOrders,
    MarkSoldOut,
    EditMenu,
    EditSettings,
    ManageStaff,
    /// See the outbox: print jobs, messages and payment checks, and which ones failed.
    ViewOutbox,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Owner => "owner",
            Role::Manager => "manager",
            Role::Cashier => "cashier",
            Role::Kitchen => "kitchen",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        [Role::Owner, Role::Manager, Role::Cashier, Role::Kitchen]
            .into_iter()
            .find(|r| r.as_str() == s)
    }

    pub fn permissions(self) -> &'static [Permission] {
        use Permission::*;
        match self {
            Role::Owner => &[
                ViewOrders,
                TakeOrders,
                ManageOrders,
                PrepareOrders,
                CancelOrders,
                PauseOnlineOrders,
                MarkSoldOut,
                EditMenu,
                EditSettings,
                ManageStaff,
                ViewOutbox,
            ],
            Role::Manager => &[
                ViewOrders,
                TakeOrders,
                ManageOrders,
                PrepareOrders,
                CancelOrders,
                PauseOnlineOrders,
                MarkSoldOut,
                EditMenu,
                EditSettings,
                ViewOutbox,
            ],
            Role::Cashier => &[
                ViewOrders,
                TakeOrders,
                ManageOrders,
                PrepareOrders,
                CancelOrders,
                PauseOnlineOrders,
                MarkSoldOut,
            ],
            Role::Kitchen => &[ViewOrders, PrepareOrders, MarkSoldOut],
        }
    }

    pub fn can(self, permission: Permission) -> bool {
        self.permissions().contains(&permission)
    }

    /// The permission needed to move an order to `to`.
    pub fn permission_for_status(to: OrderStatus) -> Permission {
        match to {
            OrderStatus::Preparing | OrderStatus::Ready => Permission::PrepareOrders,
            OrderStatus::Cancelled => Permission::CancelOrders,
            _ => Permission::ManageOrders,
        }
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
    fn kitchen_prepares_but_does_not_cancel_or_edit() {
        assert!(Role::Kitchen.can(Role::permission_for_status(OrderStatus::Ready)));
        assert!(!Role::Kitchen.can(Role::permission_for_status(OrderStatus::Cancelled)));
        assert!(!Role::Kitchen.can(Permission::EditSettings));
        assert!(!Role::Cashier.can(Permission::EditMenu));
        assert!(Role::Owner.can(Permission::ManageStaff));
        assert!(!Role::Manager.can(Permission::ManageStaff));
    }
}
