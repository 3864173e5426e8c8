//! Staff on the wire: logging in and who is logged in.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

// ---------- auth ----------

#[derive(Debug, Clone, Deserialize, ToSchema)]
pub struct LoginBody {
    pub name: String,
    pub pin: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct StaffDto {
    pub id: Option<i64>,
    pub name: String,
    pub role: String,
    pub permissions: Vec<String>,
    /// The statuses this person may move an order to, so screens only offer what will work.
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
                .iter()
                .map(|p| {
                    serde_json::to_value(p)
                        .ok()
                        .and_then(|v| v.as_str().map(str::to_owned))
                        .unwrap_or_default()
                })
                .collect(),
            may_set_statuses: forno_domain::OrderStatus::ALL
                .into_iter()
                .filter(|s| a.role.can(forno_domain::Role::permission_for_status(*s)))
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
