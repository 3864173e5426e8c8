//! The closed lists of names on the wire (statuses, channels, roles, actions, weekdays),
//! described in the OpenAPI document from the domain's own lists, so the document (and the UI's
//! generated types) can never offer a name the server does not know. The fields stay strings in Rust; these types
//! exist only for the document (`#[schema(value_type = OrderStatusName)]`).

use std::borrow::Cow;

use forno_domain::hours::WEEKDAYS;
use forno_domain::{Channel, Fulfilment, OrderStatus, Permission, Role};
use utoipa::openapi::RefOr;
use utoipa::openapi::schema::{ObjectBuilder, Schema, SchemaType, Type};
use utoipa::{PartialSchema, ToSchema};

fn one_of(description: &str, names: impl IntoIterator<Item = &'static str>) -> RefOr<Schema> {
    ObjectBuilder::new()
        .schema_type(SchemaType::new(Type::String))
        .description(Some(description))
        .enum_values(Some(names))
        .into()
}

macro_rules! name_list {
    ($(#[doc = $doc:literal])* $marker:ident = $name:literal, $names:expr) => {
        $(#[doc = $doc])*
        pub struct $marker;

        impl PartialSchema for $marker {
            fn schema() -> RefOr<Schema> {
                one_of(concat!($($doc),*).trim(), $names)
            }
        }

        impl ToSchema for $marker {
            fn name() -> Cow<'static, str> {
                Cow::Borrowed($name)
            }
        }
    };
}

name_list!(
    /// An order's status; see docs/api.md for the moves between them.
    OrderStatusName = "OrderStatus",
    OrderStatus::ALL.map(OrderStatus::as_str)
);

name_list!(
    /// Where an order came from: `web` (a customer), `counter` or `phone` (taken by staff).
    ChannelName = "Channel",
    [Channel::Web, Channel::Counter, Channel::Phone].map(Channel::as_str)
);

name_list!(
    /// How the customer gets the order.
    FulfilmentTypeName = "FulfilmentType",
    Fulfilment::KINDS
);

name_list!(
    /// A staff member's (or paired device's) role.
    RoleName = "Role",
    Role::ALL.map(Role::as_str)
);

name_list!(
    /// A person's role (a staff account; `printer` is only a paired device's).
    StaffRoleName = "StaffRole",
    Role::PEOPLE.map(Role::as_str)
);

name_list!(
    /// Something a role may do: the table of who may do what (GET /auth/me lists a role's).
    PermissionName = "Permission",
    Permission::ALL.iter().map(|p| p.as_str())
);

name_list!(
    /// A day of the week, as opening hours name it.
    WeekdayName = "Weekday",
    WEEKDAYS
);

name_list!(
    /// How a payment was made.
    PaymentMethodName = "PaymentMethod",
    forno_domain::PaymentMethod::ALL.map(forno_domain::PaymentMethod::as_str)
);

name_list!(
    /// An order's payment state, derived from its payment rows.
    PaymentStateName = "PaymentState",
    forno_domain::PaymentState::ALL.map(forno_domain::PaymentState::as_str)
);
