//! The order status machine:
//! placed → accepted → preparing → ready → completed (pickup),
//! ready → out_for_delivery → completed (delivery), placed → rejected,
//! any open status → cancelled (with a reason).

use std::fmt;

use serde::{Deserialize, Serialize};

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
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct TransitionError {
    pub from: OrderStatus,
    pub to: OrderStatus,
    pub is_delivery: bool,
}

impl fmt::Display for TransitionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.from.is_open() {
            return write!(
                f,
                "The order is already {}; it cannot become {}.",
                self.from, self.to
            );
        }
        let hint = match self.from.next(self.is_delivery) {
            Some(next) => format!(" The next step is {next}."),
            None => String::new(),
        };
        write!(
            f,
            "An order that is {} cannot become {}.{hint}",
            self.from, self.to
        )
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
    fn skipping_steps_is_refused_with_a_hint() {
        let err = OrderStatus::Placed
            .check_transition(OrderStatus::Ready, false)
            .unwrap_err();
        assert!(err.to_string().contains("next step is accepted"));
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
