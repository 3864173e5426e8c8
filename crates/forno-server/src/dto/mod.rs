//! The wire format: request and response bodies of `/api/v1`, converted from and to domain
//! types. The API stays stable while the domain changes; only this module changes with it.
//!
//! One module per concept: `orders`, `events`, `menu`, `shop`, `staff`, `setup`, `outbox`, `payments`;
//! `names` describes the closed lists of names (statuses, roles, actions) for the OpenAPI document.

mod customers;
mod events;
mod kitchen;
mod menu;
mod menu_editor;
mod names;
mod notify;
mod orders;
mod outbox;
mod payments;
pub mod printing;
mod setup;
mod shop;
mod staff;

pub use customers::*;
pub use events::*;
pub use kitchen::*;
pub use menu::*;
pub use menu_editor::*;
pub use notify::*;
pub use orders::*;
pub use outbox::*;
pub use payments::*;
pub use printing::*;
pub use setup::*;
pub use shop::*;
pub use staff::*;
