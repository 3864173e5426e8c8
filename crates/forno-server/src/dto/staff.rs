//! Staff on the wire: logging in, who is logged in and what they may do, the audit log.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::names::{OrderStatusName, PermissionName, RoleName, StaffRoleName};

// ---------- auth ----------

#[derive(Debug, Clone, Deserialize, ToSchema)]
pub struct LoginBody {
    pub name: String,
    pub pin: String,
}

/// Who is logged in, and what their role may do: the one table of who may do what, so screens
/// offer only what the server will allow.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct StaffDto {
    /// `null` for a paired device, which is not a person.
    pub id: Option<i64>,
    pub name: String,
    #[schema(value_type = RoleName)]
    pub role: String,
    /// Every action this role may do.
    #[schema(value_type = Vec<PermissionName>)]
    pub permissions: Vec<String>,
    /// The statuses this person may move an order to, so screens only offer what will work.
    #[schema(value_type = Vec<OrderStatusName>)]
    pub may_set_statuses: Vec<String>,
}

impl From<&forno_app::Actor> for StaffDto {
    fn from(a: &forno_app::Actor) -> Self {
        StaffDto {
            id: a.staff_id,
            name: a.name.clone(),
            role: a.role.as_str().to_owned(),
            permissions: a
                .role
                .permissions()
                .map(|p| p.as_str().to_owned())
                .collect(),
            may_set_statuses: a
                .role
                .may_set_statuses()
                .map(|s| s.as_str().to_owned())
                .collect(),
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct LoginDto {
    pub staff: StaffDto,
    /// For devices that cannot keep cookies: send as `Authorization: Bearer <token>`.
    pub token: String,
    pub expires_at: DateTime<Utc>,
}

/// One entry of the audit log: who did what with money or trust.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct AuditEntryDto {
    pub id: i64,
    pub at: String,
    /// The staff member who did it; `null` for the shop itself, a paired device or a tool on the
    /// shop's computer (`detail.by` then says which).
    pub staff_id: Option<i64>,
    /// That staff member's name as it is now.
    pub staff_name: Option<String>,
    /// `order.cancelled`, `order.rejected`, `order.discounted`, `order.payment_recorded`,
    /// `drawer.opened`, `menu.price_changed`, `shop.settings_changed`, `shop.paused`,
    /// `staff.added`, `staff.changed`, `staff.deactivated`, `staff.pin_reset`,
    /// `staff.pin_changed`, `staff.logged_in`, `staff.locked`, `device.paired`,
    /// `device.unpaired`, …
    pub action: String,
    pub order_id: Option<i64>,
    /// What changed, as the action records it.
    #[schema(value_type = Object)]
    pub detail: serde_json::Value,
}

impl From<&forno_app::AuditEntry> for AuditEntryDto {
    fn from(e: &forno_app::AuditEntry) -> Self {
        AuditEntryDto {
            id: e.id,
            at: e.at.clone(),
            staff_id: e.staff_id,
            staff_name: e.staff_name.clone(),
            action: e.action.clone(),
            order_id: e.order_id,
            detail: e.detail.clone(),
        }
    }
}

/// A page of the audit log, newest first.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct AuditPageDto {
    pub entries: Vec<AuditEntryDto>,
    /// Pass as `before` for the next (older) page; `null` on the last page.
    pub next_before: Option<i64>,
}

impl From<forno_app::AuditPage> for AuditPageDto {
    fn from(page: forno_app::AuditPage) -> Self {
        AuditPageDto {
            entries: page.entries.iter().map(AuditEntryDto::from).collect(),
            next_before: page.next_before,
        }
    }
}

// ---------- staff accounts ----------

/// A staff account on the staff page.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct StaffAccountDto {
    pub id: i64,
    pub name: String,
    #[schema(value_type = StaffRoleName)]
    pub role: String,
    /// `false`: stopped; the account cannot log in.
    pub active: bool,
    /// Set while too many wrong PINs keep the account locked.
    pub locked_until: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

impl From<&forno_app::StaffAccount> for StaffAccountDto {
    fn from(a: &forno_app::StaffAccount) -> Self {
        StaffAccountDto {
            id: a.id,
            name: a.name.clone(),
            role: a.role.as_str().to_owned(),
            active: a.active,
            locked_until: a.locked_until,
            created_at: a.created_at,
        }
    }
}

/// A new staff account: the first PIN is told to the person, who can change it.
#[derive(Debug, Clone, Deserialize, ToSchema)]
pub struct NewStaffBody {
    pub name: String,
    #[schema(value_type = StaffRoleName)]
    pub role: String,
    /// 4 to 8 digits, not one anybody would try first (1111, 1234).
    pub pin: String,
}

/// A change to a staff account. `active: false` stops it: its sessions end at once.
#[derive(Debug, Clone, Deserialize, ToSchema)]
pub struct StaffChangeBody {
    pub name: String,
    #[schema(value_type = StaffRoleName)]
    pub role: String,
    pub active: bool,
}

/// A new PIN for someone else (the owner for anyone, a manager for cashiers and the kitchen).
#[derive(Debug, Clone, Deserialize, ToSchema)]
pub struct PinResetBody {
    pub pin: String,
}

/// Changing your own PIN: the current one, then the new one.
#[derive(Debug, Clone, Deserialize, ToSchema)]
pub struct OwnPinBody {
    pub old_pin: String,
    pub new_pin: String,
}

/// One login tile on the counter: a name to tap before the PIN pad.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct CounterTileDto {
    pub id: i64,
    pub name: String,
    #[schema(value_type = RoleName)]
    pub role: String,
}
