//! Money on an order, on the wire: payments (`POST /orders/{id}/payments`, a payment as staff
//! see it, the answer) and discounts (`POST /orders/{id}/discounts`). Customers never see these
//! rows, only the totals they change.

use chrono::{DateTime, Utc};
use forno_app::RecordedPayment;
use forno_domain::{AppliedDiscount, DiscountTarget, DiscountValue, Payment};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::names::PaymentMethodName;
use super::orders::OrderDto;

/// One payment to record. For cash, `tendered_cents` is what the customer handed over (leave it
/// out for exact); the change is worked out by the server.
#[derive(Debug, Clone, Deserialize, ToSchema)]
pub struct PaymentBody {
    #[schema(value_type = PaymentMethodName)]
    pub method: String,
    /// What this payment covers of the order: more than 0, at most what is still open.
    pub amount_cents: i64,
    pub tendered_cents: Option<i64>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct PaymentDto {
    pub id: i64,
    #[schema(value_type = PaymentMethodName)]
    pub method: String,
    pub amount_cents: i64,
    pub tendered_cents: Option<i64>,
    pub change_cents: Option<i64>,
    /// `received` or `refunded`.
    pub status: String,
    pub staff_name: Option<String>,
    pub at: DateTime<Utc>,
}

impl From<&Payment> for PaymentDto {
    fn from(p: &Payment) -> Self {
        PaymentDto {
            id: p.id,
            method: p.method.as_str().to_owned(),
            amount_cents: p.amount,
            tendered_cents: p.tendered,
            change_cents: p.change,
            status: p.status.as_str().to_owned(),
            staff_name: p.staff_name.clone(),
            at: p.at,
        }
    }
}

/// The answer to a recorded payment.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct RecordedPaymentDto {
    pub payment: PaymentDto,
    pub order: OrderDto,
}

impl From<&RecordedPayment> for RecordedPaymentDto {
    fn from(r: &RecordedPayment) -> Self {
        RecordedPaymentDto {
            payment: PaymentDto::from(&r.payment),
            order: OrderDto::from(&r.order),
        }
    }
}

/// A discount to give: `percent` (1–100) or `amount` (cents), on the order or on `line`.
#[derive(Debug, Clone, Deserialize, ToSchema)]
pub struct DiscountBody {
    /// `percent` or `amount`.
    pub kind: String,
    /// Whole percents, or cents.
    pub value: i64,
    /// The line's position (0-based); left out for the whole order.
    pub line: Option<usize>,
    pub reason: String,
    /// A manager's or owner's name and PIN, when a cashier gives it.
    pub approval: Option<super::orders::ApprovalBody>,
}

/// A discount given on an order.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct DiscountDto {
    pub id: i64,
    /// `percent` or `amount`.
    pub kind: String,
    pub value: i64,
    /// The line's position, or `null` for the whole order.
    pub line: Option<usize>,
    pub amount_cents: i64,
    pub reason: String,
    pub staff_name: Option<String>,
    pub approved_by: Option<String>,
}

impl From<&AppliedDiscount> for DiscountDto {
    fn from(d: &AppliedDiscount) -> Self {
        let (kind, value) = match d.priced.value {
            DiscountValue::Percent(p) => ("percent", p),
            DiscountValue::Amount(a) => ("amount", a),
        };
        DiscountDto {
            id: d.id,
            kind: kind.to_owned(),
            value,
            line: match d.priced.target {
                DiscountTarget::Order => None,
                DiscountTarget::Line(i) => Some(i),
            },
            amount_cents: d.priced.amount,
            reason: d.reason.clone(),
            staff_name: d.staff_name.clone(),
            approved_by: d.approved_by.clone(),
        }
    }
}
