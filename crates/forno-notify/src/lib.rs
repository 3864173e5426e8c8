//! Forno's messages to people who are not looking at a Forno screen: the customer's order
//! confirmation and status mails, short SMS texts, and the owner's alert about web orders nobody
//! accepted. `text` writes them (Dutch and English, plain text and HTML), `smtp` sends mail over
//! SMTP (lettre; STARTTLS or implicit TLS with rustls and ring), `sms` sends an SMS through a
//! provider behind the small [`sms::SmsProvider`] trait (CM.com's JSON API, base URL configurable).
//!
//! Architecture Invariant: no domain type, no database and no clock. The texts take plain data
//! (`text::OrderSummary`), so forno-app decides what an order says in a mail and this crate only
//! how it is written and sent. When and whether to send, retries and the Message-ID's stability
//! belong to forno-app's outbox worker.
//!
//! Architecture Invariant: a sender never retries on its own. It tells how a send went
//! ([`smtp::SendError`], [`sms::SmsError`]: refused for good, worth another try, or no answer) and
//! the outbox decides.

pub mod sms;
pub mod smtp;
pub mod text;

pub use sms::{CmCom, Sms, SmsError, SmsProvider};
pub use smtp::{Attachment, OutgoingMail, Security, SendError, SmtpServer};
pub use text::{Email, Handover, Language, OrderSummary, StatusNews, SummaryLine, VatPart};
