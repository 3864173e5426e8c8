//! Forno's use cases: place an order, quote a cart, move an order through its statuses, log
//! staff in, edit the menu and settings, back up. Each use case that changes something is ONE
//! store job (one transaction) that writes the new state and its event row; after the commit the
//! event goes out on the in-memory bus, in seq order.
//!
//! Architecture Invariant: this crate knows no HTTP and no wire format. It speaks in domain
//! types and `AppError`; forno-server turns both into JSON.
//!
//! Architecture Invariant: forno-app is the only crate that composes a transaction out of store
//! calls; handlers call one use case and never two.

mod auth;
mod backup;
mod config;
mod demo;
mod error;
mod events;
mod menu;
mod orders;
mod settings;
mod shop;

pub use auth::{Actor, LoginResult, Session};
pub use backup::{backup_database, restore};
pub use config::Config;
pub use demo::DemoCredentials;
pub use error::AppError;
pub use events::{EventKind, PublishedEvent};
pub use forno_store::audit::AuditEntry;
pub use forno_store::events::StoredEvent;
pub use forno_store::orders::{Order, OrderFilter, StatusEntry};
pub use orders::{EventPage, PlacedOrder, Quote, Snapshot};
pub use settings::ShopSettings;
pub use shop::{Shop, ShopStatus};
