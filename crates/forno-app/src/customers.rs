//! Finding a customer at the counter: a phone order starts with the caller's number, and the
//! counter pre-fills their name and last delivery address from what they ordered before.

use forno_domain::{Address, Fulfilment, Order, Permission, ValidationError, msg};

use crate::auth::Actor;
use crate::{AppError, Shop};

/// A customer the counter found, with their latest orders (newest first).
#[derive(Debug, Clone)]
pub struct KnownCustomer {
    pub id: i64,
    pub name: String,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub order_count: i64,
    pub last_orders: Vec<Order>,
    /// The address of their latest delivery, to pre-fill a new one.
    pub address: Option<Address>,
}

/// How many customers and orders per customer a search answers with.
const MATCHES: i64 = 5;
const LAST_ORDERS: i64 = 3;
/// Fewer digits than this match half the phone book.
const MIN_DIGITS: usize = 3;

impl Shop {
    /// Customers whose phone number contains the digits of `phone`.
    pub async fn find_customers(
        &self,
        actor: &Actor,
        phone: &str,
    ) -> Result<Vec<KnownCustomer>, AppError> {
        actor.require(Permission::TakeOrders)?;
        let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
        if digits.len() < MIN_DIGITS {
            return Err(ValidationError::field(
                "phone",
                msg!(
                    nl: "Typ minstens {MIN_DIGITS} cijfers van het telefoonnummer.",
                    en: "Type at least {MIN_DIGITS} digits of the phone number."
                ),
            )
            .into());
        }
        self.read(move |conn| {
            let rows = forno_store::customers::search_by_phone(conn, &digits, MATCHES)?;
            let mut found = Vec::with_capacity(rows.len());
            for row in rows {
                let mut last_orders = Vec::new();
                for id in forno_store::customers::latest_order_ids(conn, row.id, LAST_ORDERS)? {
                    last_orders.extend(forno_store::orders::get(conn, id)?);
                }
                let address = last_orders.iter().find_map(|o| match &o.fulfilment {
                    Fulfilment::Delivery { address } => Some(address.clone()),
                    Fulfilment::Pickup => None,
                });
                found.push(KnownCustomer {
                    id: row.id,
                    name: row.name,
                    phone: row.phone,
                    email: row.email,
                    order_count: row.order_count,
                    last_orders,
                    address,
                });
            }
            Ok(found)
        })
        .await
    }
}
