//! Staff roles and what each may do.

use serde::{Deserialize, Serialize};

use crate::status::OrderStatus;

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
    fn kitchen_prepares_but_does_not_cancel_or_edit() {
        assert!(Role::Kitchen.can(Role::permission_for_status(OrderStatus::Ready)));
        assert!(!Role::Kitchen.can(Role::permission_for_status(OrderStatus::Cancelled)));
        assert!(!Role::Kitchen.can(Permission::EditSettings));
        assert!(!Role::Cashier.can(Permission::EditMenu));
        assert!(Role::Owner.can(Permission::ManageStaff));
        assert!(!Role::Manager.can(Permission::ManageStaff));
    }
}
