//! Orders on the wire: the cart a customer or cashier sends, quotes, and the staff and customer
//! views of an order.

use chrono::{DateTime, NaiveDate, Utc};
use forno_app::{Order, Quote};
use forno_domain::pricing::{PricedHalf, ZoneRef};
use forno_domain::{
    Address, Channel, Contact, Fulfilment, HalfRequest, LineRequest, OrderRequest, PricedLine,
    RequestedTime, VatTotal, msg,
};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::error::ApiError;

use super::events::Audience;
use super::names::{ChannelName, FulfilmentTypeName, OrderStatusName};

// ---------- order requests ----------

#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
pub struct AddressBody {
    #[serde(default)]
    pub street: String,
    #[serde(default)]
    pub house_number: String,
    #[serde(default)]
    pub postcode: String,
    #[serde(default)]
    pub city: String,
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
pub struct FulfilmentBody {
    /// `pickup` or `delivery`.
    #[serde(rename = "type")]
    #[schema(value_type = FulfilmentTypeName)]
    pub kind: String,
    pub address: Option<AddressBody>,
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
pub struct ContactBody {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub phone: String,
    pub email: Option<String>,
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
pub struct HalfBody {
    pub item_id: i64,
    #[serde(default)]
    pub extras: Vec<i64>,
    #[serde(default)]
    pub removed_ingredients: Vec<i64>,
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
pub struct LineBody {
    pub item_id: i64,
    /// Size code (`"30"`); may be left out for items with one size.
    pub size: Option<String>,
    #[serde(default)]
    pub extras: Vec<i64>,
    #[serde(default)]
    pub removed_ingredients: Vec<i64>,
    pub note: Option<String>,
    #[serde(default = "one")]
    pub quantity: i64,
    /// Makes the line a half-and-half pizza.
    pub second_half: Option<HalfBody>,
}

impl LineBody {
    pub fn into_line(self) -> LineRequest {
        LineRequest {
            item_id: self.item_id,
            size: self.size,
            extras: self.extras,
            removed_ingredients: self.removed_ingredients,
            note: self.note,
            quantity: self.quantity,
            second_half: self.second_half.map(|h| HalfRequest {
                item_id: h.item_id,
                extras: h.extras,
                removed_ingredients: h.removed_ingredients,
            }),
        }
    }
}

/// Cart lines to price before checkout (`POST /quote/lines`): the item dialog and the cart.
#[derive(Debug, Clone, Deserialize, ToSchema)]
pub struct LinesBody {
    pub lines: Vec<LineBody>,
}

fn one() -> i64 {
    1
}

/// A cart to quote or order. Price fields a client sends are ignored.
#[derive(Debug, Clone, Deserialize, ToSchema)]
pub struct OrderRequestBody {
    pub lines: Vec<LineBody>,
    pub fulfilment: FulfilmentBody,
    /// `null` = as soon as possible; otherwise one of the shop's slots.
    pub requested_time: Option<DateTime<Utc>>,
    pub contact: Option<ContactBody>,
    pub note: Option<String>,
    /// `counter` or `phone` for an order staff take (with a staff session or bearer token);
    /// `web` or left out for a customer's order. Without credentials it is ignored.
    #[schema(value_type = Option<ChannelName>)]
    pub channel: Option<String>,
    /// A discount the cashier gives on the cart (counter and phone orders only): priced on the
    /// quote, applied with the order in one go, with a manager's approval when needed.
    pub discount: Option<super::payments::DiscountBody>,
}

impl OrderRequestBody {
    /// The domain command, with the channel the request asks for; the use case decides, from
    /// who asks, which channel the order gets.
    pub fn into_request(self) -> Result<OrderRequest, ApiError> {
        let channel = match self.channel.as_deref() {
            None => Channel::Web,
            Some(c) => Channel::parse(c).ok_or_else(|| {
                ApiError::invalid(
                    "channel",
                    msg!(
                        nl: "\"{c}\" is geen kanaal; gebruik counter of phone (of web).",
                        en: "\"{c}\" is not a channel; use counter or phone (or web)."
                    ),
                )
            })?,
        };
        let fulfilment = match (self.fulfilment.kind.as_str(), self.fulfilment.address) {
            ("pickup", _) => Fulfilment::Pickup,
            ("delivery", Some(a)) => Fulfilment::Delivery {
                address: Address {
                    street: a.street,
                    house_number: a.house_number,
                    postcode: a.postcode,
                    city: a.city,
                },
            },
            ("delivery", None) => {
                return Err(ApiError::invalid(
                    "fulfilment.address",
                    msg!(
                        nl: "Voor bezorgen hebben we je adres nodig: straat, huisnummer, postcode en woonplaats.",
                        en: "Delivery needs an address: street, house number, postcode and city."
                    ),
                ));
            }
            (other, _) => {
                return Err(ApiError::invalid(
                    "fulfilment.type",
                    msg!(
                        nl: "\"{other}\" is geen manier om een bestelling te krijgen; kies pickup of delivery.",
                        en: "\"{other}\" is not a way to get an order; use pickup or delivery."
                    ),
                ));
            }
        };
        Ok(OrderRequest {
            channel,
            lines: self.lines.into_iter().map(LineBody::into_line).collect(),
            fulfilment,
            requested_time: self
                .requested_time
                .map_or(RequestedTime::Asap, RequestedTime::Slot),
            contact: self.contact.map(|c| Contact {
                name: c.name.trim().to_owned(),
                phone: c.phone.trim().to_owned(),
                email: c
                    .email
                    .map(|e| e.trim().to_owned())
                    .filter(|e| !e.is_empty()),
            }),
            note: self.note,
            language: forno_domain::Lang::default(),
        })
    }
}

// ---------- priced lines and totals ----------

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct HalfDto {
    pub item_id: i64,
    pub item_name: String,
    pub extras: Vec<String>,
    pub removed_ingredients: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct LineDto {
    /// As a ticket shows it: "2× Margherita 30 cm".
    pub description: String,
    pub item_id: i64,
    pub item_name: String,
    pub size: String,
    pub size_name: String,
    pub quantity: i64,
    pub unit_price_cents: i64,
    pub total_cents: i64,
    pub vat_rate_percent: i64,
    pub vat_cents: i64,
    pub extras: Vec<String>,
    pub removed_ingredients: Vec<String>,
    pub second_half: Option<HalfDto>,
    pub note: Option<String>,
}

impl From<&PricedLine> for LineDto {
    fn from(l: &PricedLine) -> Self {
        LineDto {
            description: l.description(),
            item_id: l.item_id,
            item_name: l.item_name.clone(),
            size: l.size_code.clone(),
            size_name: l.size_name.clone(),
            quantity: l.quantity,
            unit_price_cents: l.unit_price,
            total_cents: l.total,
            vat_rate_percent: l.vat_rate.percent(),
            vat_cents: l.vat,
            extras: l.extras.clone(),
            removed_ingredients: l.removed_ingredients.clone(),
            second_half: l.second_half.as_ref().map(|h: &PricedHalf| HalfDto {
                item_id: h.item_id,
                item_name: h.item_name.clone(),
                extras: h.extras.clone(),
                removed_ingredients: h.removed_ingredients.clone(),
            }),
            note: l.note.clone(),
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct VatDto {
    pub rate_percent: i64,
    /// VAT-inclusive amount at this rate.
    pub gross_cents: i64,
    pub vat_cents: i64,
}

fn vat_dtos(vat: &[VatTotal]) -> Vec<VatDto> {
    vat.iter()
        .map(|v| VatDto {
            rate_percent: v.rate.percent(),
            gross_cents: v.gross,
            vat_cents: v.vat,
        })
        .collect()
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ZoneRefDto {
    pub id: i64,
    pub name: String,
}

fn zone_ref(z: &ZoneRef) -> ZoneRefDto {
    ZoneRefDto {
        id: z.id,
        name: z.name.clone(),
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct QuoteDto {
    pub lines: Vec<LineDto>,
    pub subtotal_cents: i64,
    pub delivery_fee_cents: i64,
    pub total_cents: i64,
    /// VAT per rate, after the discount.
    pub vat: Vec<VatDto>,
    pub zone: Option<ZoneRefDto>,
    pub estimated_ready_at: DateTime<Utc>,
    /// What the cart's discount takes off (0 without one); `total_cents` is already less it.
    pub discount_cents: i64,
}

impl From<&Quote> for QuoteDto {
    fn from(q: &Quote) -> Self {
        QuoteDto {
            lines: q.priced.lines.iter().map(LineDto::from).collect(),
            subtotal_cents: q.priced.subtotal,
            delivery_fee_cents: q.priced.delivery_fee,
            total_cents: q.total(),
            vat: vat_dtos(&q.vat()),
            zone: q.priced.zone.as_ref().map(zone_ref),
            estimated_ready_at: q.estimated_ready_at,
            discount_cents: q.discount.as_ref().map_or(0, |d| d.amount),
        }
    }
}

/// Cart lines priced by the server: what the item dialog and the cart show. Delivery fee and
/// time come with the full `POST /quote` at checkout.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct LinesQuoteDto {
    pub lines: Vec<LineDto>,
    pub subtotal_cents: i64,
    /// VAT of the lines per rate.
    pub vat: Vec<VatDto>,
}

impl From<&forno_domain::PricedOrder> for LinesQuoteDto {
    fn from(p: &forno_domain::PricedOrder) -> Self {
        LinesQuoteDto {
            lines: p.lines.iter().map(LineDto::from).collect(),
            subtotal_cents: p.subtotal,
            vat: vat_dtos(&p.vat),
        }
    }
}

// ---------- orders ----------

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct FulfilmentDto {
    #[serde(rename = "type")]
    #[schema(value_type = FulfilmentTypeName)]
    pub kind: String,
    pub address: Option<AddressBody>,
}

fn fulfilment_dto(f: &Fulfilment) -> FulfilmentDto {
    FulfilmentDto {
        kind: f.kind().to_owned(),
        address: match f {
            Fulfilment::Pickup => None,
            Fulfilment::Delivery { address } => Some(AddressBody {
                street: address.street.clone(),
                house_number: address.house_number.clone(),
                postcode: address.postcode.clone(),
                city: address.city.clone(),
            }),
        },
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ContactDto {
    pub name: String,
    pub phone: String,
    pub email: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct StatusEntryDto {
    #[schema(value_type = OrderStatusName)]
    pub status: String,
    pub at: DateTime<Utc>,
    /// Staff view only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// The order's steps; who made them and why is for staff only.
fn history(o: &Order, audience: Audience) -> Vec<StatusEntryDto> {
    let staff = audience == Audience::Staff;
    o.status_history
        .iter()
        .map(|h| StatusEntryDto {
            status: h.status.as_str().to_owned(),
            at: h.at,
            by: h.staff_name.clone().filter(|_| staff),
            reason: h.reason.clone().filter(|_| staff),
        })
        .collect()
}

/// An order as staff see it.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct OrderDto {
    pub id: i64,
    /// "#017": short, per business day.
    pub number: String,
    pub business_date: NaiveDate,
    #[schema(value_type = OrderStatusName)]
    pub status: String,
    /// The step a "bump" button moves to, if any.
    #[schema(value_type = Option<OrderStatusName>)]
    pub next_status: Option<String>,
    #[schema(value_type = ChannelName)]
    pub channel: String,
    pub fulfilment: FulfilmentDto,
    pub zone: Option<ZoneRefDto>,
    pub requested_time: Option<DateTime<Utc>>,
    pub estimated_ready_at: DateTime<Utc>,
    pub contact: Option<ContactDto>,
    pub note: Option<String>,
    pub lines: Vec<LineDto>,
    pub subtotal_cents: i64,
    pub delivery_fee_cents: i64,
    pub total_cents: i64,
    pub vat: Vec<VatDto>,
    pub tracking_token: String,
    pub cancel_reason: Option<String>,
    /// What the customer was told with a rejection or cancellation.
    pub customer_message: Option<String>,
    pub placed_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub status_history: Vec<StatusEntryDto>,
    /// Derived from `payments`: unpaid, partly_paid, paid (or refunded).
    #[schema(value_type = super::names::PaymentStateName)]
    pub payment_state: String,
    /// What is still to be paid.
    pub open_cents: i64,
    pub payments: Vec<super::payments::PaymentDto>,
    /// Discounts given (already taken off `total_cents`).
    pub discounts: Vec<super::payments::DiscountDto>,
    /// The places (from 0) of the lines the kitchen marked done.
    pub done_lines: Vec<usize>,
    /// Lines voided (still in `lines`, struck through; no longer in the totals).
    pub voids: Vec<super::payments::LineVoidDto>,
    /// Paid beyond the total (after a void or discount on a paid order): change or a refund
    /// owed to the customer. 0 when nothing is owed.
    pub owed_back_cents: i64,
    /// When the last step can still be taken back (`POST /orders/{id}/recall`): to which
    /// status and until when. Absent when it cannot.
    pub undo: Option<UndoDto>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct UndoDto {
    #[schema(value_type = OrderStatusName)]
    pub to: String,
    pub until: DateTime<Utc>,
}

impl From<&Order> for OrderDto {
    fn from(o: &Order) -> Self {
        OrderDto {
            id: o.id,
            number: o.number(),
            business_date: o.business_date,
            status: o.status.as_str().to_owned(),
            next_status: o
                .status
                .next(o.fulfilment.is_delivery())
                .map(|s| s.as_str().to_owned()),
            channel: o.channel.as_str().to_owned(),
            fulfilment: fulfilment_dto(&o.fulfilment),
            zone: o.zone.as_ref().map(zone_ref),
            requested_time: o.requested_time,
            estimated_ready_at: o.estimated_ready_at,
            contact: o.contact.as_ref().map(|c| ContactDto {
                name: c.name.clone(),
                phone: c.phone.clone(),
                email: c.email.clone(),
            }),
            note: o.note.clone(),
            lines: o.lines.iter().map(LineDto::from).collect(),
            subtotal_cents: o.subtotal,
            delivery_fee_cents: o.delivery_fee,
            total_cents: o.total,
            vat: vat_dtos(&o.vat()),
            tracking_token: o.tracking_token.clone(),
            cancel_reason: o.cancel_reason.clone(),
            customer_message: o.customer_message.clone(),
            placed_at: o.placed_at,
            updated_at: o.updated_at,
            status_history: history(o, Audience::Staff),
            payment_state: o.payment_state().as_str().to_owned(),
            open_cents: o.open_amount(),
            payments: o
                .payments
                .iter()
                .map(super::payments::PaymentDto::from)
                .collect(),
            discounts: o
                .discounts
                .iter()
                .map(super::payments::DiscountDto::from)
                .collect(),
            done_lines: o.done_lines.clone(),
            voids: o
                .voids
                .iter()
                .map(super::payments::LineVoidDto::from)
                .collect(),
            owed_back_cents: o.owed_back(),
            undo: o.recall_until().map(|(to, until)| UndoDto {
                to: to.as_str().to_owned(),
                until,
            }),
        }
    }
}

/// An order as its customer sees it: no staff names, no internal reasons, no contact details of
/// anyone else.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct CustomerOrderDto {
    pub number: String,
    #[schema(value_type = OrderStatusName)]
    pub status: String,
    #[schema(value_type = FulfilmentTypeName)]
    pub fulfilment: String,
    pub requested_time: Option<DateTime<Utc>>,
    pub estimated_ready_at: DateTime<Utc>,
    pub lines: Vec<LineDto>,
    pub subtotal_cents: i64,
    pub delivery_fee_cents: i64,
    pub total_cents: i64,
    pub vat: Vec<VatDto>,
    /// What the shop told the customer with a rejection or cancellation ("too busy").
    pub customer_message: Option<String>,
    pub placed_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub status_history: Vec<StatusEntryDto>,
}

impl From<&Order> for CustomerOrderDto {
    fn from(o: &Order) -> Self {
        CustomerOrderDto {
            number: o.number(),
            status: o.status.as_str().to_owned(),
            fulfilment: o.fulfilment.kind().to_owned(),
            requested_time: o.requested_time,
            estimated_ready_at: o.estimated_ready_at,
            // A voided line is gone for the customer: what they see adds up to their total.
            lines: o.standing_lines().map(|(_, l)| LineDto::from(l)).collect(),
            subtotal_cents: o.subtotal,
            delivery_fee_cents: o.delivery_fee,
            total_cents: o.total,
            vat: vat_dtos(&o.vat()),
            customer_message: o.customer_message.clone(),
            placed_at: o.placed_at,
            updated_at: o.updated_at,
            status_history: history(o, Audience::Customer),
        }
    }
}

/// The answer to a web order: what the customer needs to follow it.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct PlacedOrderDto {
    pub number: String,
    pub tracking_token: String,
    /// Path of the live tracking page on this server.
    pub tracking_url: String,
    #[schema(value_type = OrderStatusName)]
    pub status: String,
    pub total_cents: i64,
    pub estimated_ready_at: DateTime<Utc>,
    pub order: CustomerOrderDto,
}

impl From<&Order> for PlacedOrderDto {
    fn from(o: &Order) -> Self {
        PlacedOrderDto {
            number: o.number(),
            tracking_token: o.tracking_token.clone(),
            tracking_url: format!("/track/{}", o.tracking_token),
            status: o.status.as_str().to_owned(),
            total_cents: o.total,
            estimated_ready_at: o.estimated_ready_at,
            order: CustomerOrderDto::from(o),
        }
    }
}

/// The answer to `POST /orders`: a web order's answer for the customer, or the staff view of a
/// counter or phone order.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(untagged)]
pub enum PlacedOrderAnswer {
    Web(Box<PlacedOrderDto>),
    Staff(Box<OrderDto>),
}

impl From<&Order> for PlacedOrderAnswer {
    fn from(o: &Order) -> Self {
        match o.channel {
            Channel::Web => PlacedOrderAnswer::Web(Box::new(PlacedOrderDto::from(o))),
            Channel::Counter | Channel::Phone => {
                PlacedOrderAnswer::Staff(Box::new(OrderDto::from(o)))
            }
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct OrderListDto {
    pub orders: Vec<OrderDto>,
    /// How many orders match, for paging.
    pub total: i64,
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
pub struct StatusChangeBody {
    #[schema(value_type = OrderStatusName)]
    pub status: String,
    pub reason: Option<String>,
    pub prep_time_minutes: Option<i64>,
    /// With a rejection or cancellation: what the customer's tracking page tells them ("too
    /// busy"); `reason` stays with the staff.
    pub customer_message: Option<String>,
    /// A manager's or owner's name and PIN, for a cashier cancelling an order the kitchen has.
    pub approval: Option<ApprovalBody>,
}

/// A manager's or owner's name and PIN, typed on the cashier's screen to approve a discount or
/// a void. Never stored or logged.
#[derive(Debug, Clone, Deserialize, ToSchema)]
pub struct ApprovalBody {
    pub name: String,
    pub pin: String,
}

impl From<ApprovalBody> for forno_app::Approval {
    fn from(a: ApprovalBody) -> Self {
        forno_app::Approval {
            name: a.name,
            pin: a.pin,
        }
    }
}
