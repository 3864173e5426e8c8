//! Forno's printing: kitchen tickets and customer receipts laid out for 80 mm (48 or 42 columns)
//! and 58 mm (32) paper, encoded as ESC/POS with code page PC858 (the euro sign, the Dutch
//! letters), printer profiles from `printers/`, and the links to printers (network, serial, USB,
//! the OS queue), and the print agent that prints a shop's jobs on another PC (`agent`).
//!
//! Architecture Invariant: no domain type and no IO but the transports: layouts take plain data
//! (`layout::Ticket`, `layout::Receipt`), so forno-app decides what an order looks like on paper
//! and this crate only how it is printed.
//!
//! Architecture Invariant: text becomes bytes only through `pc858::encode`, which yields printable
//! bytes of the code page and nothing else; commands come only from `encode::commands`. A note
//! full of ESC and GS bytes prints as spaces and letters, never as a cut, a drawer kick or a reset.

pub mod agent;
pub mod document;
pub mod encode;
pub mod layout;
pub mod pc858;
pub mod pdf;
pub mod profile;
pub mod status;
pub mod transport;

pub use document::{Block, Document};
pub use profile::Profile;
pub use status::PrinterState;
pub use transport::{Connection, SendError, Timeouts};
