//! Payments: money received for an order, each a row of its own (cash, card or online), and the
//! order's payment state derived from those rows, never stored beside them.
//!
//! A payment covers part or all of what is still open; cash records what the customer handed over
//! and the change given back. A refund will be a payment whose status is `refunded` (the room is
//! here: the state `Refunded` and the status are part of the model; the use case arrives with the
//! refunds issue).

use chrono::{DateTime, Utc};

use crate::message::Message;
use crate::msg;
use crate::status::OrderStatus;
use crate::validation::ValidationError;

/// How the customer paid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PaymentMethod {
    Cash,
    /// Confirmed by hand at the counter for now ("card paid"); a terminal integration will
    /// record the same row with its own reference.
    Card,
    Online,
}

impl PaymentMethod {
    pub const ALL: [PaymentMethod; 3] = [
        PaymentMethod::Cash,
        PaymentMethod::Card,
        PaymentMethod::Online,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            PaymentMethod::Cash => "cash",
            PaymentMethod::Card => "card",
            PaymentMethod::Online => "online",
        }
    }

    pub fn parse(s: &str) -> Option<PaymentMethod> {
        PaymentMethod::ALL.into_iter().find(|m| m.as_str() == s)
    }
}

/// Where one payment row stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PaymentStatus {
    /// The money is in: it counts towards the order.
    Received,
    /// Given back to the customer: it no longer counts.
    Refunded,
}

impl PaymentStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            PaymentStatus::Received => "received",
            PaymentStatus::Refunded => "refunded",
        }
    }

    pub fn parse(s: &str) -> Option<PaymentStatus> {
        match s {
            "received" => Some(PaymentStatus::Received),
            "refunded" => Some(PaymentStatus::Refunded),
            _ => None,
        }
    }
}

/// One payment as recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Payment {
    pub id: i64,
    pub method: PaymentMethod,
    /// What this payment covers of the order, in cents.
    pub amount: i64,
    /// Cash only: what the customer handed over, and what they got back.
    pub tendered: Option<i64>,
    pub change: Option<i64>,
    pub status: PaymentStatus,
    /// Who took it (never shown to customers).
    pub staff_name: Option<String>,
    pub at: DateTime<Utc>,
}

/// An order's payment state, derived from its payment rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PaymentState {
    Unpaid,
    PartlyPaid,
    Paid,
    /// Paid once, and everything given back.
    Refunded,
}

impl PaymentState {
    pub const ALL: [PaymentState; 4] = [
        PaymentState::Unpaid,
        PaymentState::PartlyPaid,
        PaymentState::Paid,
        PaymentState::Refunded,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            PaymentState::Unpaid => "unpaid",
            PaymentState::PartlyPaid => "partly_paid",
            PaymentState::Paid => "paid",
            PaymentState::Refunded => "refunded",
        }
    }

    /// The state of an order of `total` cents with these payments.
    pub fn of(total: i64, payments: &[Payment]) -> PaymentState {
        let received = received(payments);
        let refunded = payments.iter().any(|p| p.status == PaymentStatus::Refunded);
        if received == 0 {
            if refunded {
                PaymentState::Refunded
            } else {
                PaymentState::Unpaid
            }
        } else if received >= total {
            PaymentState::Paid
        } else {
            PaymentState::PartlyPaid
        }
    }
}

/// What the payments that still count add up to.
pub fn received(payments: &[Payment]) -> i64 {
    payments
        .iter()
        .filter(|p| p.status == PaymentStatus::Received)
        .map(|p| p.amount)
        .sum()
}

/// What a cashier (or, later, a payment provider) asks to record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PaymentRequest {
    pub method: PaymentMethod,
    pub amount: i64,
    /// Cash only: what the customer handed over; `None` = exactly the amount.
    pub tendered: Option<i64>,
}

/// A payment that passed the rules: ready to be written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CheckedPayment {
    pub method: PaymentMethod,
    pub amount: i64,
    pub tendered: Option<i64>,
    pub change: Option<i64>,
}

/// Largest amount one payment may be, to catch a typo (a missing comma) early: €10,000.
pub const MAX_PAYMENT_CENTS: i64 = 1_000_000;

fn euro(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let cents = cents.abs();
    format!("{sign}€{},{:02}", cents / 100, cents % 100)
}

impl PaymentRequest {
    /// Checks the payment against the order it is for: its status, what is still open, and for
    /// cash what was handed over. Every refusal names the field to blame.
    pub fn check(
        self,
        status: OrderStatus,
        total: i64,
        payments: &[Payment],
    ) -> Result<CheckedPayment, ValidationError> {
        if matches!(status, OrderStatus::Cancelled | OrderStatus::Rejected) {
            let words = status.words();
            let (nl, en) = (words.nl(), words.en());
            return Err(ValidationError::field(
                "order",
                msg!(
                    nl: "Deze bestelling is {nl}: er valt niets meer te betalen.",
                    en: "This order is {en}: there is nothing left to pay."
                ),
            ));
        }
        if self.amount <= 0 {
            return Err(ValidationError::field(
                "amount_cents",
                msg!(
                    nl: "Een betaling moet meer dan €0,00 zijn; vul het bedrag in dat de klant betaalt.",
                    en: "A payment must be more than €0.00; enter the amount the customer pays."
                ),
            ));
        }
        let open = total - received(payments);
        if self.amount > open {
            let (asked, open) = (euro(self.amount), euro(open.max(0)));
            return Err(ValidationError::field(
                "amount_cents",
                msg!(
                    nl: "Er staat nog {open} open; een betaling van {asked} is te veel. Geef bij contant het wisselgeld terug in plaats van meer te boeken.",
                    en: "Only {open} is still open; a payment of {asked} is too much. For cash, book the open amount and give change."
                ),
            ));
        }
        let (tendered, change) = match (self.method, self.tendered) {
            (PaymentMethod::Cash, None) => (Some(self.amount), Some(0)),
            (PaymentMethod::Cash, Some(t)) if t < self.amount => {
                let (handed, amount) = (euro(t), euro(self.amount));
                return Err(ValidationError::field(
                    "tendered_cents",
                    msg!(
                        nl: "De klant gaf {handed}, minder dan de {amount} die betaald wordt; boek alleen wat er gegeven is.",
                        en: "The customer handed over {handed}, less than the {amount} being paid; book only what was handed over."
                    ),
                ));
            }
            (PaymentMethod::Cash, Some(t)) if t > MAX_PAYMENT_CENTS => {
                return Err(too_much("tendered_cents"));
            }
            (PaymentMethod::Cash, Some(t)) => (Some(t), Some(t - self.amount)),
            (_, Some(_)) => {
                return Err(ValidationError::field(
                    "tendered_cents",
                    msg!(
                        nl: "Alleen bij contant betalen is er een ontvangen bedrag en wisselgeld; laat het leeg bij pin of online.",
                        en: "Only cash has an amount handed over and change; leave it empty for card or online."
                    ),
                ));
            }
            (_, None) => (None, None),
        };
        Ok(CheckedPayment {
            method: self.method,
            amount: self.amount,
            tendered,
            change,
        })
    }
}

fn too_much(field: &str) -> ValidationError {
    let max = euro(MAX_PAYMENT_CENTS);
    ValidationError::field(
        field,
        msg!(
            nl: "Dat is meer dan {max}; controleer het bedrag.",
            en: "That is more than {max}; check the amount."
        ),
    )
}

impl PaymentMethod {
    /// The method in words, for messages and screens.
    pub fn words(self) -> Message {
        match self {
            PaymentMethod::Cash => msg!(nl: "contant", en: "cash"),
            PaymentMethod::Card => msg!(nl: "pin", en: "card"),
            PaymentMethod::Online => msg!(nl: "online", en: "online"),
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    fn paid(amount: i64) -> Payment {
        Payment {
            id: 1,
            method: PaymentMethod::Card,
            amount,
            tendered: None,
            change: None,
            status: PaymentStatus::Received,
            staff_name: None,
            at: Utc.with_ymd_and_hms(2026, 1, 1, 18, 0, 0).unwrap(),
        }
    }

    fn cash(amount: i64, tendered: Option<i64>) -> PaymentRequest {
        PaymentRequest {
            method: PaymentMethod::Cash,
            amount,
            tendered,
        }
    }

    #[test]
    fn the_state_follows_the_rows() {
        assert_eq!(PaymentState::of(2000, &[]), PaymentState::Unpaid);
        assert_eq!(
            PaymentState::of(2000, &[paid(500)]),
            PaymentState::PartlyPaid
        );
        assert_eq!(
            PaymentState::of(2000, &[paid(500), paid(1500)]),
            PaymentState::Paid
        );
        let mut back = paid(2000);
        back.status = PaymentStatus::Refunded;
        assert_eq!(PaymentState::of(2000, &[back]), PaymentState::Refunded);
    }

    #[test]
    fn cash_gives_change_and_exact_is_the_default() {
        let ok = cash(1850, Some(5000))
            .check(OrderStatus::Placed, 1850, &[])
            .unwrap();
        assert_eq!((ok.tendered, ok.change), (Some(5000), Some(3150)));
        let exact = cash(1850, None)
            .check(OrderStatus::Placed, 1850, &[])
            .unwrap();
        assert_eq!((exact.tendered, exact.change), (Some(1850), Some(0)));
    }

    #[test]
    fn refusals_name_their_field() {
        let field = |r: Result<CheckedPayment, ValidationError>| r.unwrap_err().field.unwrap();
        assert_eq!(
            field(cash(2001, None).check(OrderStatus::Placed, 2000, &[])),
            "amount_cents"
        );
        assert_eq!(
            field(cash(1001, None).check(OrderStatus::Ready, 2000, &[paid(1000)])),
            "amount_cents"
        );
        assert_eq!(
            field(cash(-5, None).check(OrderStatus::Placed, 2000, &[])),
            "amount_cents"
        );
        assert_eq!(
            field(cash(0, None).check(OrderStatus::Placed, 2000, &[])),
            "amount_cents"
        );
        assert_eq!(
            field(cash(100, None).check(OrderStatus::Cancelled, 2000, &[])),
            "order"
        );
        assert_eq!(
            field(cash(1000, Some(500)).check(OrderStatus::Placed, 2000, &[])),
            "tendered_cents"
        );
        let card = PaymentRequest {
            method: PaymentMethod::Card,
            amount: 100,
            tendered: Some(200),
        };
        assert_eq!(
            field(card.check(OrderStatus::Placed, 2000, &[])),
            "tendered_cents"
        );
    }
}
