//! Customers as the counter finds them: name, phone, their latest orders and last address.

use forno_app::KnownCustomer;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::orders::{AddressBody, OrderDto};

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct CustomerDto {
    pub id: i64,
    pub name: String,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub order_count: i64,
    /// The address of their latest delivery, to pre-fill a phone delivery.
    pub address: Option<AddressBody>,
    /// Their latest orders, newest first.
    pub last_orders: Vec<OrderDto>,
}

impl From<&KnownCustomer> for CustomerDto {
    fn from(c: &KnownCustomer) -> Self {
        CustomerDto {
            id: c.id,
            name: c.name.clone(),
            phone: c.phone.clone(),
            email: c.email.clone(),
            order_count: c.order_count,
            address: c.address.as_ref().map(|a| AddressBody {
                street: a.street.clone(),
                house_number: a.house_number.clone(),
                postcode: a.postcode.clone(),
                city: a.city.clone(),
            }),
            last_orders: c.last_orders.iter().map(OrderDto::from).collect(),
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct CustomerListDto {
    pub customers: Vec<CustomerDto>,
}
