//! The rules of a pizzeria order: money, the menu, pricing and VAT, delivery zones, opening hours
//! and time slots, the order status machine, payments and the payment state they add up to, staff roles and who may do what, the order aggregate
//! (`Order`); the rule every text a client sends must pass (`text`), and what Forno says when a
//! rule is broken, in Dutch and English (`message`).
//!
//! Architecture Invariant: this crate does no IO. It knows no SQL, no HTTP, no clock and no
//! randomness: the current time and every id come in as arguments, so each rule can be tested in
//! microseconds and reasoned about on its own.
//!
//! Architecture Invariant: every message a person reads is a `Message` with a Dutch and an
//! English side (`msg!`); which one a reader gets is decided at the edge, never here.
//!
//! Architecture Invariant: prices and VAT are computed here and nowhere else (not in SQL, not in
//! the UI). Money is integer euro cents, VAT-inclusive, VAT rounded per line.

pub mod discount;
pub mod hours;
pub mod kitchen;
pub mod line_void;
pub mod menu;
pub mod message;
pub mod money;
pub mod order;
pub mod payment;
pub mod permissions;
pub mod pricing;
pub mod staff;
pub mod status;
pub mod text;
pub mod validation;
pub mod zones;

pub use discount::{
    AppliedDiscount, DiscountShare, DiscountTarget, DiscountValue, PricedDiscount, price_discount,
};
pub use hours::{OpeningHours, ShopClock, TimeSlot};
pub use kitchen::{KitchenTicket, RecallError, Station, Stations};
pub use line_void::{LineVoid, PricedVoid};
pub use menu::{Allergen, Category, Extra, Ingredient, Item, Menu, Size, Translated};
pub use message::{Lang, Message};
pub use money::{Cents, VatRate};
pub use order::{
    Address, Channel, Contact, Fulfilment, HalfRequest, LineRequest, Order, OrderRequest,
    RequestedTime, StatusEntry,
};
pub use payment::{
    CheckedPayment, Payment, PaymentMethod, PaymentRequest, PaymentState, PaymentStatus,
};
pub use permissions::Permission;
pub use pricing::{PricedLine, PricedOrder, VatTotal, price_lines, price_order, price_quote};
pub use staff::{
    Role, check_display_name, check_new_pin, check_owner_remains, check_pin_reset, check_staff_role,
};
pub use status::{OrderStatus, StatusChange, TransitionError};
pub use validation::ValidationError;
pub use zones::{DeliveryZone, Postcode};
