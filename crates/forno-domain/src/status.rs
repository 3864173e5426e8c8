//! The order status machine:
//! placed → accepted → preparing → ready → completed (pickup),
//! ready → out_for_delivery → completed (delivery), placed → rejected,
//! any open status → cancelled (with a reason).

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::message::Message;
use crate::msg;
use crate::text;
use crate::validation::ValidationError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrderStatus {
    Placed,
    Accepted,
    Preparing,
    Ready,
    OutForDelivery,
    Completed,
    Rejected,
    Cancelled,
}

impl OrderStatus {
    pub const ALL: [OrderStatus; 8] = [
        OrderStatus::Placed,
        OrderStatus::Accepted,
        OrderStatus::Preparing,
        OrderStatus::Ready,
        OrderStatus::OutForDelivery,
        OrderStatus::Completed,
        OrderStatus::Rejected,
        OrderStatus::Cancelled,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            OrderStatus::Placed => "placed",
            OrderStatus::Accepted => "accepted",
            OrderStatus::Preparing => "preparing",
            OrderStatus::Ready => "ready",
            OrderStatus::OutForDelivery => "out_for_delivery",
            OrderStatus::Completed => "completed",
            OrderStatus::Rejected => "rejected",
            OrderStatus::Cancelled => "cancelled",
        }
    }

    pub fn parse(s: &str) -> Option<OrderStatus> {
        OrderStatus::ALL.into_iter().find(|st| st.as_str() == s)
    }

    /// The status in words, as it reads in a sentence ("an order that is …").
    pub fn words(self) -> Message {
        match self {
            OrderStatus::Placed => msg!(nl: "geplaatst", en: "placed"),
            OrderStatus::Accepted => msg!(nl: "geaccepteerd", en: "accepted"),
            OrderStatus::Preparing => msg!(nl: "in de oven", en: "preparing"),
            OrderStatus::Ready => msg!(nl: "klaar", en: "ready"),
            OrderStatus::OutForDelivery => msg!(nl: "onderweg", en: "out for delivery"),
            OrderStatus::Completed => msg!(nl: "afgerond", en: "completed"),
            OrderStatus::Rejected => msg!(nl: "afgewezen", en: "rejected"),
            OrderStatus::Cancelled => msg!(nl: "geannuleerd", en: "cancelled"),
        }
    }

    /// Still to be made or handed over.
    pub fn is_open(self) -> bool {
        !matches!(
            self,
            OrderStatus::Completed | OrderStatus::Rejected | OrderStatus::Cancelled
        )
    }

    /// The usual next step, for a "bump" button.
    pub fn next(self, is_delivery: bool) -> Option<OrderStatus> {
        match self {
            OrderStatus::Placed => Some(OrderStatus::Accepted),
            OrderStatus::Accepted => Some(OrderStatus::Preparing),
            OrderStatus::Preparing => Some(OrderStatus::Ready),
            OrderStatus::Ready if is_delivery => Some(OrderStatus::OutForDelivery),
            OrderStatus::Ready | OrderStatus::OutForDelivery => Some(OrderStatus::Completed),
            _ => None,
        }
    }

    /// Whether the machine allows `self → to` for an order that is (or is not) delivered.
    pub fn check_transition(
        self,
        to: OrderStatus,
        is_delivery: bool,
    ) -> Result<(), TransitionError> {
        let allowed = match to {
            OrderStatus::Cancelled => self.is_open(),
            OrderStatus::Rejected => self == OrderStatus::Placed,
            _ => self.next(is_delivery) == Some(to),
        };
        if allowed {
            Ok(())
        } else {
            Err(TransitionError {
                from: self,
                to,
                is_delivery,
            })
        }
    }
}

impl fmt::Display for OrderStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A request to move an order to another status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusChange {
    pub to: OrderStatus,
    /// Required for a cancellation; optional for a rejection.
    pub reason: Option<String>,
    /// When accepting: the prep time promised for this order, in minutes.
    pub prep_time_minutes: Option<i64>,
    /// When rejecting or cancelling: what the customer is told (their tracking page shows it),
    /// unlike `reason`, which stays with the staff.
    pub customer_message: Option<String>,
}

/// The longest message to a customer about a rejection, in characters.
pub const MAX_CUSTOMER_MESSAGE_CHARS: usize = 200;

/// The longest reason for a cancellation or rejection, in characters.
pub const MAX_REASON_CHARS: usize = 500;
/// The prep time a shop or an accepted order may promise, in minutes.
pub const PREP_MINUTES: std::ops::RangeInclusive<i64> = 1..=240;

impl StatusChange {
    /// The change as it is kept: the reason checked by the text rule and trimmed, present when
    /// cancelling, and a prep time the kitchen can promise.
    pub fn checked(self) -> Result<StatusChange, ValidationError> {
        let reason = text::optional_note(self.reason.as_deref(), "reason", MAX_REASON_CHARS)?;
        if self.to == OrderStatus::Cancelled && reason.is_none() {
            return Err(ValidationError::field(
                "reason",
                msg!(
                    nl: "Zeg waarom de bestelling geannuleerd wordt; dat komt in het logboek.",
                    en: "Say why the order is cancelled; it goes on the record."
                ),
            ));
        }
        if let Some(minutes) = self.prep_time_minutes
            && !PREP_MINUTES.contains(&minutes)
        {
            return Err(ValidationError::field(
                "prep_time_minutes",
                prep_time_out_of_range(),
            ));
        }
        let customer_message = self
            .customer_message
            .as_deref()
            .map(|m| text::one_line(m, "customer_message", MAX_CUSTOMER_MESSAGE_CHARS))
            .transpose()?
            .filter(|m| !m.is_empty());
        if customer_message.is_some()
            && !matches!(self.to, OrderStatus::Rejected | OrderStatus::Cancelled)
        {
            return Err(ValidationError::field(
                "customer_message",
                msg!(
                    nl: "Een bericht aan de klant hoort bij afwijzen of annuleren.",
                    en: "A message to the customer goes with a rejection or a cancellation."
                ),
            ));
        }
        Ok(StatusChange {
            reason,
            customer_message,
            ..self
        })
    }
}

/// Said when a prep time is outside [`PREP_MINUTES`].
pub fn prep_time_out_of_range() -> Message {
    let (low, high) = (PREP_MINUTES.start(), PREP_MINUTES.end());
    msg!(
        nl: "De bereidingstijd ligt tussen {low} en {high} minuten.",
        en: "The prep time must be between {low} and {high} minutes."
    )
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct TransitionError {
    pub from: OrderStatus,
    pub to: OrderStatus,
    pub is_delivery: bool,
}

impl TransitionError {
    /// Why the step is not allowed and, for an open order, which step is.
    pub fn message(&self) -> Message {
        let (van, from) = words(self.from);
        let (naar, to) = words(self.to);
        if !self.from.is_open() {
            return msg!(
                nl: "De bestelling is al {van}; ze kan niet meer naar ‘{naar}’.",
                en: "The order is already {from}; it cannot become {to}."
            );
        }
        let said = msg!(
            nl: "Een bestelling die ‘{van}’ is, kan niet naar ‘{naar}’.",
            en: "An order that is {from} cannot become {to}."
        );
        match self.from.next(self.is_delivery) {
            Some(next) => {
                let (volgende, next) = words(next);
                said.then(&msg!(
                    nl: " De volgende stap is ‘{volgende}’.",
                    en: " The next step is {next}."
                ))
            }
            None => said,
        }
    }
}

fn words(status: OrderStatus) -> (String, String) {
    let words = status.words();
    (words.nl().to_owned(), words.en().to_owned())
}

impl fmt::Display for TransitionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.message().fmt(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn walk(is_delivery: bool) -> Vec<OrderStatus> {
        let mut path = vec![OrderStatus::Placed];
        while let Some(next) = path.last().unwrap().next(is_delivery) {
            path.last()
                .unwrap()
                .check_transition(next, is_delivery)
                .unwrap();
            path.push(next);
        }
        path
    }

    #[test]
    fn pickup_and_delivery_walk_their_own_paths() {
        use OrderStatus::*;
        assert_eq!(
            walk(false),
            vec![Placed, Accepted, Preparing, Ready, Completed]
        );
        assert_eq!(
            walk(true),
            vec![
                Placed,
                Accepted,
                Preparing,
                Ready,
                OutForDelivery,
                Completed
            ]
        );
    }

    #[test]
    fn a_change_keeps_a_checked_reason_and_a_promisable_prep_time() {
        let change = |to, reason: Option<&str>, prep| StatusChange {
            to,
            reason: reason.map(str::to_owned),
            prep_time_minutes: prep,
            customer_message: None,
        };
        let err = change(OrderStatus::Cancelled, Some("  "), None)
            .checked()
            .unwrap_err();
        assert_eq!(err.field.as_deref(), Some("reason"));
        let err = change(OrderStatus::Rejected, Some("\u{1b}@\u{1d}V\u{0} cut"), None)
            .checked()
            .unwrap_err();
        assert_eq!(err.field.as_deref(), Some("reason"));
        let err = change(OrderStatus::Accepted, None, Some(0))
            .checked()
            .unwrap_err();
        assert_eq!(err.field.as_deref(), Some("prep_time_minutes"));
        let ok = change(OrderStatus::Cancelled, Some(" klant belde af\n"), None).checked();
        assert_eq!(ok.unwrap().reason.as_deref(), Some("klant belde af"));
    }

    #[test]
    fn skipping_steps_is_refused_with_a_hint() {
        let err = OrderStatus::Placed
            .check_transition(OrderStatus::Ready, false)
            .unwrap_err();
        assert!(err.to_string().contains("next step is accepted"));
        assert_eq!(
            err.message().nl(),
            "Een bestelling die ‘geplaatst’ is, kan niet naar ‘klaar’. De volgende stap is ‘geaccepteerd’."
        );
        let closed = OrderStatus::Completed
            .check_transition(OrderStatus::Cancelled, true)
            .unwrap_err();
        assert_eq!(
            closed.message().nl(),
            "De bestelling is al afgerond; ze kan niet meer naar ‘geannuleerd’."
        );
        assert!(
            OrderStatus::Ready
                .check_transition(OrderStatus::OutForDelivery, false)
                .is_err()
        );
        assert!(
            OrderStatus::Accepted
                .check_transition(OrderStatus::Rejected, false)
                .is_err()
        );
    }

    fn status() -> impl Strategy<Value = OrderStatus> {
        prop::sample::select(OrderStatus::ALL.to_vec())
    }

    proptest! {
        /// Whatever sequence of requests arrives, the machine only ever moves forward, never leaves
        /// a closed status, and every order it accepts was reachable from placed.
        #[test]
        fn random_requests_keep_the_machine_sound(
            requests in prop::collection::vec(status(), 0..30),
            is_delivery in any::<bool>(),
        ) {
            let rank = |s: OrderStatus| OrderStatus::ALL.iter().position(|x| *x == s).unwrap();
            let mut current = OrderStatus::Placed;
            for to in requests {
                match current.check_transition(to, is_delivery) {
                    Ok(()) => {
                        prop_assert!(current.is_open(), "left closed status {current}");
                        if to != OrderStatus::Cancelled && to != OrderStatus::Rejected {
                            prop_assert!(rank(to) > rank(current));
                        }
                        if !is_delivery {
                            prop_assert_ne!(to, OrderStatus::OutForDelivery);
                        }
                        current = to;
                    }
                    Err(e) => prop_assert!(!e.to_string().is_empty()),
                }
            }
        }

        #[test]
        fn closed_statuses_are_final(from in status(), to in status(), d in any::<bool>()) {
            if !from.is_open() {
                prop_assert!(from.check_transition(to, d).is_err());
            }
        }
    }
}
