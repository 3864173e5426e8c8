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

/// A line to void (`POST /orders/{id}/voids`): its position and why.
#[derive(Debug, Clone, Deserialize, ToSchema)]
pub struct LineVoidBody {
    /// The line's position (0-based) in the order's `lines`.
    pub line: usize,
    pub reason: String,
    /// A manager's or owner's name and PIN, when a cashier voids a line the kitchen has.
    pub approval: Option<super::orders::ApprovalBody>,
}

/// A line voided on an order: still in `lines`, no longer in the totals.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct LineVoidDto {
    pub id: i64,
    /// The line's position in the order's `lines`.
    pub line: usize,
    /// What came off `total_cents`.
    pub amount_cents: i64,
    pub reason: String,
    pub staff_name: Option<String>,
    pub approved_by: Option<String>,
    pub at: chrono::DateTime<chrono::Utc>,
}

impl From<&forno_domain::LineVoid> for LineVoidDto {
    fn from(v: &forno_domain::LineVoid) -> Self {
        LineVoidDto {
            id: v.id,
            line: v.line,
            amount_cents: v.amount,
            reason: v.reason.clone(),
            staff_name: v.staff_name.clone(),
            approved_by: v.approved_by.clone(),
            at: v.at,
        }
    }
}

impl DiscountBody {
    /// The use case's request and the approval that came with it.
    pub fn into_request(
        self,
    ) -> Result<(forno_app::DiscountRequest, Option<forno_app::Approval>), crate::error::ApiError>
    {
        let value = match self.kind.as_str() {
            "percent" => DiscountValue::Percent(self.value),
            "amount" => DiscountValue::Amount(self.value),
            other => {
                return Err(crate::error::ApiError::invalid(
                    "kind",
                    forno_domain::msg!(
                        nl: "\"{other}\" is geen soort korting; kies percent of amount.",
                        en: "\"{other}\" is not a kind of discount; choose percent or amount."
                    ),
                ));
            }
        };
        Ok((
            forno_app::DiscountRequest {
                target: self
                    .line
                    .map_or(DiscountTarget::Order, DiscountTarget::Line),
                value,
                reason: self.reason,
            },
            self.approval.map(Into::into),
        ))
    }
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
