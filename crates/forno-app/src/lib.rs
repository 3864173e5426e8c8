//! Forno's use cases: place an order, quote a cart, move an order through its statuses, log
//! staff in, set the shop up on its first start, pair devices, edit the menu and settings, back
//! up. Each use case that changes something is ONE store job (one transaction) that writes the
//! new state, its event row and the outbox jobs it causes; after the commit the event goes out
//! on the in-memory bus, in seq order, and the outbox workers are woken. Events are typed
//! (`Event`); their stored form is this crate's own versioned payload (`events::payload`), never
//! a domain or store struct.
//!
//! `workers` is the one home of background work (upkeep, daily backups, the outbox's workers),
//! started by every shell with `Shop::start_background`.
//!
//! Architecture Invariant: this crate knows no HTTP and no wire format. It speaks in domain
//! types and `AppError`; forno-server turns both into JSON. (The event payload is a storage
//! format, not a wire format: screens get forno-server's views of it.)
//!
//! Architecture Invariant: forno-app is the only crate that composes a transaction out of store
//! calls; handlers call one use case and never two.
//!
//! Architecture Invariant: forno-app decides who may do what, by forno-domain's table: every use
//! case that needs a role takes the actor and checks it (`Actor::require` is crate-private);
//! `Shop::authorize` answers the same question for a request before it is read.

mod audit;
mod auth;
mod backup;
mod config;
mod customers;
mod demo;
mod devices;
mod discounts;
mod error;
mod events;
mod idempotency;
mod kitchen;
mod menu;
mod menu_editor;
pub mod notify;
mod orders;
mod outbox;
mod payments;
pub mod photos;
pub mod printing;
mod settings;
mod setup;
mod shop;
mod staff;
pub mod workers;

pub use audit::{AuditPage, AuditQuery, MAX_AUDIT_PAGE};
pub use auth::{Actor, LoginResult, Session};
pub use backup::{DailyBackup, backup_database, restore};
pub use config::{Config, FirstRun};
pub use customers::KnownCustomer;
pub use demo::DemoCredentials;
pub use devices::{PAIRING_MINUTES, PairedDevice, PairingCode};
pub use discounts::{Approval, DiscountRequest, LineVoidRequest};
pub use error::AppError;
pub use events::{
    Event, EventKind, PrintJobChange, PrinterChange, PublishedEvent, UnreadableEvent,
};
pub use forno_domain::{Order, StatusEntry};
pub use forno_store::audit::AuditEntry;
pub use forno_store::events::StoredEvent;
pub use forno_store::orders::OrderFilter;
pub use forno_store::outbox::{Job, JobCounts, JobFilter, JobState};
pub use forno_store::staff::Device;
pub use menu_editor::MenuEditorView;
pub use notify::{MailStatus, NotifyForm, NotifyView, OrderMessage};
pub use orders::{CartDiscount, EventPage, Orderer, PlacedOrder, Quote, Snapshot};
pub use outbox::Health;
pub use payments::RecordedPayment;
pub use printing::{
    Layout, PrintJob, PrintRule, PrintRuleForm, Printer, PrinterForm, Trigger, job_state,
};
pub use settings::ShopSettings;
pub use setup::SetupForm;
pub use shop::{Shop, ShopStatus};
pub use staff::{NewStaff, PinReset, StaffAccount, StaffChange, reset_pin_on_this_computer};
pub use workers::{Background, BackupReport, TestJob};
