//! Staff on the wire: logging in, who is logged in and what they may do, the audit log.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::names::{OrderStatusName, PermissionName, RoleName};

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

/// One entry of the audit log: who did what with money or access.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct AuditEntryDto {
    pub id: i64,
    pub at: String,
    /// The staff member who did it; `null` for the shop itself or a paired device.
    pub staff_id: Option<i64>,
    /// `order.cancelled`, `menu.price_changed`, `shop.paused`, `device.paired`, …
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
            action: e.action.clone(),
            order_id: e.order_id,
            detail: e.detail.clone(),
        }
    }
}

/// One login tile on the counter: a name to tap before the PIN pad.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct CounterTileDto {
    pub id: i64,
    pub name: String,
    #[schema(value_type = RoleName)]
    pub role: String,
}
