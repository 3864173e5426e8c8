//! `GET /customers?phone=`: the counter finds a caller by (part of) their phone number.

use axum::Json;
use axum::extract::State;
use serde::Deserialize;
use utoipa::IntoParams;

use crate::auth::Staff;
use crate::dto::{CustomerDto, CustomerListDto};
use crate::error::ApiResult;
use crate::extract::Query;
use crate::state::AppState;

#[derive(Debug, Deserialize, IntoParams)]
pub struct CustomerQuery {
    /// At least 3 digits of the phone number; spaces and dashes are ignored.
    pub phone: String,
}

#[utoipa::path(get, path = "/customers", tag = "staff", params(CustomerQuery),
    description = "Customers whose phone number contains the digits asked for (at most 5, most recent first), each with their last 3 orders and the address of their latest delivery.",
    responses((status = 200, body = CustomerListDto),
        (status = 422, description = "Fewer than 3 digits")))]
pub async fn find(
    State(state): State<AppState>,
    staff: Staff,
    Query(query): Query<CustomerQuery>,
) -> ApiResult<Json<CustomerListDto>> {
    let found = state
        .shop
        .find_customers(&staff.actor, &query.phone)
        .await?;
    Ok(Json(CustomerListDto {
        customers: found.iter().map(CustomerDto::from).collect(),
    }))
}
