//! The wire format: request and response bodies of `/api/v1`, converted from and to domain
//! types. The API stays stable while the domain changes; only this module changes with it.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use forno_app::{Order, PublishedEvent, Quote, ShopSettings, ShopStatus};
use forno_domain::hours::{OpeningHours, OpeningPeriod, WEEKDAYS};
use forno_domain::pricing::{PricedHalf, ZoneRef};
use forno_domain::{
    Address, Channel, Contact, DeliveryZone, Fulfilment, HalfRequest, Item, LineRequest, Menu,
    OrderRequest, PricedLine, RequestedTime, VatTotal,
};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::error::ApiError;

mod setup;
pub use setup::*;

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
    /// `counter` or `phone`, staff route only.
    pub channel: Option<String>,
}

impl OrderRequestBody {
    /// The domain command. Public orders are always `web`; staff may say `counter` or `phone`.
    pub fn into_request(self, staff: bool) -> Result<OrderRequest, ApiError> {
        let channel = match (staff, self.channel.as_deref()) {
            (false, _) => Channel::Web,
            (true, None) => Channel::Counter,
            (true, Some(c)) => match Channel::parse(c) {
                Some(Channel::Web) | None => {
                    return Err(ApiError::invalid(
                        "channel",
                        format!("\"{c}\" is not a counter channel; use counter or phone."),
                    ));
                }
                Some(channel) => channel,
            },
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
                    "Delivery needs an address: street, house number, postcode and city.",
                ));
            }
            (other, _) => {
                return Err(ApiError::invalid(
                    "fulfilment.type",
                    format!("\"{other}\" is not a way to get an order; use pickup or delivery."),
                ));
            }
        };
        Ok(OrderRequest {
            channel,
            lines: self
                .lines
                .into_iter()
                .map(|l| LineRequest {
                    item_id: l.item_id,
                    size: l.size,
                    extras: l.extras,
                    removed_ingredients: l.removed_ingredients,
                    note: l.note,
                    quantity: l.quantity,
                    second_half: l.second_half.map(|h| HalfRequest {
                        item_id: h.item_id,
                        extras: h.extras,
                        removed_ingredients: h.removed_ingredients,
                    }),
                })
                .collect(),
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
    pub vat: Vec<VatDto>,
    pub zone: Option<ZoneRefDto>,
    pub estimated_ready_at: DateTime<Utc>,
}

impl From<&Quote> for QuoteDto {
    fn from(q: &Quote) -> Self {
        QuoteDto {
            lines: q.priced.lines.iter().map(LineDto::from).collect(),
            subtotal_cents: q.priced.subtotal,
            delivery_fee_cents: q.priced.delivery_fee,
            total_cents: q.priced.total,
            vat: vat_dtos(&q.priced.vat),
            zone: q.priced.zone.as_ref().map(zone_ref),
            estimated_ready_at: q.estimated_ready_at,
        }
    }
}

// ---------- orders ----------

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct FulfilmentDto {
    #[serde(rename = "type")]
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
    pub status: String,
    /// The step a "bump" button moves to, if any.
    pub next_status: Option<String>,
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
    pub placed_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub status_history: Vec<StatusEntryDto>,
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
            placed_at: o.placed_at,
            updated_at: o.updated_at,
            status_history: history(o, Audience::Staff),
        }
    }
}

/// An order as its customer sees it: no staff names, no internal reasons, no contact details of
/// anyone else.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct CustomerOrderDto {
    pub number: String,
    pub status: String,
    pub fulfilment: String,
    pub requested_time: Option<DateTime<Utc>>,
    pub estimated_ready_at: DateTime<Utc>,
    pub lines: Vec<LineDto>,
    pub subtotal_cents: i64,
    pub delivery_fee_cents: i64,
    pub total_cents: i64,
    pub vat: Vec<VatDto>,
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
            lines: o.lines.iter().map(LineDto::from).collect(),
            subtotal_cents: o.subtotal,
            delivery_fee_cents: o.delivery_fee,
            total_cents: o.total,
            vat: vat_dtos(&o.vat()),
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

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct OrderListDto {
    pub orders: Vec<OrderDto>,
    /// How many orders match, for paging.
    pub total: i64,
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
pub struct StatusChangeBody {
    pub status: String,
    pub reason: Option<String>,
    pub prep_time_minutes: Option<i64>,
}

// ---------- events ----------

/// One event on the stream: `{seq, type, at, data}`.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct EventDto {
    pub seq: i64,
    #[serde(rename = "type")]
    pub kind: String,
    pub at: DateTime<Utc>,
    pub data: serde_json::Value,
}

/// Who an event is rendered for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    Staff,
    Customer,
}

impl EventDto {
    /// Renders an event for `audience`: `data.order` becomes the staff or the customer view.
    pub fn render(event: &PublishedEvent, audience: Audience) -> EventDto {
        let mut data = event.data.clone();
        if let Some(order_json) = data.get("order")
            && let Ok(order) = serde_json::from_value::<Order>(order_json.clone())
        {
            let view = match audience {
                Audience::Staff => serde_json::to_value(OrderDto::from(&order)),
                Audience::Customer => serde_json::to_value(CustomerOrderDto::from(&order)),
            };
            data["order"] = view.unwrap_or_default();
        }
        EventDto {
            seq: event.seq,
            kind: event.kind.as_str().to_owned(),
            at: event.at,
            data,
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct EventPageDto {
    pub events: Vec<EventDto>,
    /// The newest seq in the log.
    pub head_seq: i64,
    /// The oldest seq still kept; resuming from before it needs a snapshot.
    pub oldest_seq: i64,
}

// ---------- menu ----------

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct TranslatedDto {
    pub nl: String,
    pub en: String,
}

fn translated(t: &forno_domain::Translated) -> TranslatedDto {
    TranslatedDto {
        nl: t.nl.clone(),
        en: t.get("en").to_owned(),
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct SizeDto {
    pub code: String,
    pub name: String,
    pub names: TranslatedDto,
    pub price_cents: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ExtraDto {
    pub id: i64,
    pub name: String,
    pub names: TranslatedDto,
    /// Price per size code of this item.
    pub prices: BTreeMap<String, i64>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct IngredientDto {
    pub id: i64,
    pub name: String,
    pub names: TranslatedDto,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ItemDto {
    pub id: i64,
    pub category_id: i64,
    pub name: String,
    pub names: TranslatedDto,
    pub description: String,
    pub descriptions: TranslatedDto,
    pub vat_rate_percent: i64,
    pub sold_out: bool,
    pub sizes: Vec<SizeDto>,
    pub extras: Vec<ExtraDto>,
    pub ingredients: Vec<IngredientDto>,
    /// Of the 14 EU allergens.
    pub allergens: Vec<String>,
    pub position: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct CategoryDto {
    pub id: i64,
    pub name: String,
    pub names: TranslatedDto,
    pub halves_allowed: bool,
    pub items: Vec<ItemDto>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct MenuDto {
    pub categories: Vec<CategoryDto>,
}

fn item_dto(menu: &Menu, item: &Item, lang: &str) -> ItemDto {
    ItemDto {
        id: item.id,
        category_id: item.category_id,
        name: item.name.get(lang).to_owned(),
        names: translated(&item.name),
        description: item.description.get(lang).to_owned(),
        descriptions: translated(&item.description),
        vat_rate_percent: item.vat.percent(),
        sold_out: item.sold_out,
        sizes: item
            .sizes
            .iter()
            .map(|s| SizeDto {
                code: s.code.clone(),
                name: s.name.get(lang).to_owned(),
                names: translated(&s.name),
                price_cents: s.price,
            })
            .collect(),
        extras: item
            .extras
            .iter()
            .filter_map(|id| menu.extra(*id))
            .map(|e| ExtraDto {
                id: e.id,
                name: e.name.get(lang).to_owned(),
                names: translated(&e.name),
                prices: item
                    .sizes
                    .iter()
                    .map(|s| (s.code.clone(), e.price_for(&s.code)))
                    .collect(),
            })
            .collect(),
        ingredients: item
            .ingredients
            .iter()
            .map(|i| IngredientDto {
                id: i.id,
                name: i.name.get(lang).to_owned(),
                names: translated(&i.name),
            })
            .collect(),
        allergens: item
            .allergens
            .iter()
            .map(|a| {
                serde_json::to_value(a)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_owned))
                    .unwrap_or_default()
            })
            .collect(),
        position: item.position,
    }
}

impl MenuDto {
    pub fn new(menu: &Menu, lang: &str) -> MenuDto {
        MenuDto {
            categories: menu
                .categories
                .iter()
                .map(|c| CategoryDto {
                    id: c.id,
                    name: c.name.get(lang).to_owned(),
                    names: translated(&c.name),
                    halves_allowed: c.halves_allowed,
                    items: menu
                        .items_in(c.id)
                        .map(|i| item_dto(menu, i, lang))
                        .collect(),
                })
                .collect(),
        }
    }
}

/// An item as the owner edits it (`PUT /menu/items/{id}`).
#[derive(Debug, Clone, Deserialize, ToSchema)]
pub struct ItemBody {
    pub category_id: i64,
    pub names: TranslatedDto,
    pub descriptions: Option<TranslatedDto>,
    pub vat_rate_percent: i64,
    #[serde(default)]
    pub sold_out: bool,
    pub sizes: Vec<SizeBody>,
    #[serde(default)]
    pub extras: Vec<i64>,
    #[serde(default)]
    pub ingredients: Vec<i64>,
    #[serde(default)]
    pub allergens: Vec<String>,
    #[serde(default)]
    pub position: i64,
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
pub struct SizeBody {
    pub code: String,
    pub names: TranslatedDto,
    pub price_cents: i64,
}

impl ItemBody {
    pub fn into_item(self, id: i64, menu: &Menu) -> Result<Item, ApiError> {
        let vat = forno_domain::VatRate::from_percent(self.vat_rate_percent).ok_or_else(|| {
            ApiError::invalid(
                "vat_rate_percent",
                "The VAT rate is 9 (food, soft drinks) or 21 (alcohol, non-food).",
            )
        })?;
        let allergens = self
            .allergens
            .iter()
            .enumerate()
            .map(|(i, a)| {
                serde_json::from_value(serde_json::Value::String(a.clone())).map_err(|_| {
                    ApiError::invalid(
                        &format!("allergens[{i}]"),
                        format!("\"{a}\" is not one of the 14 EU allergens."),
                    )
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        let all_ingredients: Vec<_> = menu
            .items
            .iter()
            .flat_map(|i| i.ingredients.iter())
            .collect();
        let ingredients = self
            .ingredients
            .iter()
            .enumerate()
            .map(|(i, id)| {
                all_ingredients
                    .iter()
                    .find(|ing| ing.id == *id)
                    .map(|ing| (*ing).clone())
                    .ok_or_else(|| {
                        ApiError::invalid(
                            &format!("ingredients[{i}]"),
                            format!("There is no ingredient {id}."),
                        )
                    })
            })
            .collect::<Result<Vec<_>, _>>()?;
        let text = |t: TranslatedDto| forno_domain::Translated { nl: t.nl, en: t.en };
        Ok(Item {
            id,
            category_id: self.category_id,
            name: text(self.names),
            description: self.descriptions.map(text).unwrap_or_default(),
            vat,
            sizes: self
                .sizes
                .into_iter()
                .map(|s| forno_domain::Size {
                    code: s.code,
                    name: text(s.names),
                    price: s.price_cents,
                })
                .collect(),
            extras: self.extras,
            ingredients,
            allergens,
            sold_out: self.sold_out,
            position: self.position,
        })
    }
}

// ---------- shop and settings ----------

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct PeriodDto {
    /// "mon" … "sun".
    pub weekday: String,
    pub open: String,
    pub close: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ExceptionDto {
    pub date: NaiveDate,
    pub closed: bool,
    pub hours: Vec<PeriodDto>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ZoneDto {
    pub id: i64,
    pub name: String,
    pub postcodes: Vec<String>,
    pub fee_cents: i64,
    pub minimum_order_cents: i64,
    pub extra_minutes: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct FulfilmentOptionsDto {
    pub pickup: bool,
    pub delivery: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct SlotsDto {
    pub pickup: Vec<DateTime<Utc>>,
    pub delivery: Vec<DateTime<Utc>>,
}

/// What a customer needs to know before ordering.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ShopDto {
    pub name: String,
    pub address: String,
    pub phone: String,
    pub time_zone: String,
    pub open_now: bool,
    pub next_opening: Option<DateTime<Utc>>,
    pub closes_at: Option<DateTime<Utc>>,
    pub paused: bool,
    pub prep_time_minutes: i64,
    pub fulfilment: FulfilmentOptionsDto,
    pub hours: Vec<PeriodDto>,
    pub exceptions: Vec<ExceptionDto>,
    pub zones: Vec<ZoneDto>,
    pub slots: SlotsDto,
}

fn periods_dto(weekday: &str, periods: &[OpeningPeriod]) -> Vec<PeriodDto> {
    periods
        .iter()
        .map(|p| PeriodDto {
            weekday: weekday.to_owned(),
            open: p.open.to_string(),
            close: p.close.to_string(),
        })
        .collect()
}

fn hours_dto(hours: &OpeningHours) -> (Vec<PeriodDto>, Vec<ExceptionDto>) {
    let weekly = WEEKDAYS
        .iter()
        .zip(hours.weekly.iter())
        .flat_map(|(day, periods)| periods_dto(day, periods))
        .collect();
    let exceptions = hours
        .exceptions
        .iter()
        .map(|(date, periods)| ExceptionDto {
            date: *date,
            closed: periods.is_empty(),
            hours: periods_dto("", periods),
        })
        .collect();
    (weekly, exceptions)
}

fn zone_dto(z: &DeliveryZone) -> ZoneDto {
    ZoneDto {
        id: z.id,
        name: z.name.clone(),
        postcodes: z.postcodes.clone(),
        fee_cents: z.fee,
        minimum_order_cents: z.minimum_order,
        extra_minutes: z.extra_minutes,
    }
}

impl ShopDto {
    pub fn new(settings: &ShopSettings, status: ShopStatus) -> ShopDto {
        let (hours, exceptions) = hours_dto(&settings.hours);
        ShopDto {
            name: settings.name.clone(),
            address: settings.address.clone(),
            phone: settings.phone.clone(),
            time_zone: settings.time_zone.clone(),
            open_now: status.open_now,
            next_opening: status.next_opening,
            closes_at: status.closes_at,
            paused: settings.paused,
            prep_time_minutes: settings.prep_time_minutes,
            fulfilment: FulfilmentOptionsDto {
                pickup: settings.pickup_enabled,
                delivery: settings.delivery_enabled,
            },
            hours,
            exceptions,
            zones: settings.zones.iter().map(zone_dto).collect(),
            slots: SlotsDto {
                pickup: status.pickup_slots,
                delivery: status.delivery_slots,
            },
        }
    }
}

/// The shop's settings as staff read and the owner writes them.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct SettingsDto {
    pub name: String,
    pub address: String,
    pub phone: String,
    pub vat_number: String,
    pub time_zone: String,
    pub hours: Vec<PeriodDto>,
    #[serde(default)]
    pub exceptions: Vec<ExceptionDto>,
    pub zones: Vec<ZoneDto>,
    pub prep_time_minutes: i64,
    /// Online orders refused for now (the counter keeps working). Absent means false.
    #[serde(default)]
    pub paused: bool,
    pub pickup_enabled: bool,
    pub delivery_enabled: bool,
}

impl From<&ShopSettings> for SettingsDto {
    fn from(s: &ShopSettings) -> Self {
        let (hours, exceptions) = hours_dto(&s.hours);
        SettingsDto {
            name: s.name.clone(),
            address: s.address.clone(),
            phone: s.phone.clone(),
            vat_number: s.vat_number.clone(),
            time_zone: s.time_zone.clone(),
            hours,
            exceptions,
            zones: s.zones.iter().map(zone_dto).collect(),
            prep_time_minutes: s.prep_time_minutes,
            paused: s.paused,
            pickup_enabled: s.pickup_enabled,
            delivery_enabled: s.delivery_enabled,
        }
    }
}

fn parse_period(p: &PeriodDto, field: &str) -> Result<OpeningPeriod, ApiError> {
    let time = |t: &str, part: &str| {
        forno_domain::hours::ClockTime::parse(t).ok_or_else(|| {
            ApiError::invalid(
                &format!("{field}.{part}"),
                format!("\"{t}\" is not a time like 16:30."),
            )
        })
    };
    Ok(OpeningPeriod {
        open: time(&p.open, "open")?,
        close: time(&p.close, "close")?,
    })
}

impl SettingsDto {
    pub fn into_settings(self) -> Result<ShopSettings, ApiError> {
        let mut hours = OpeningHours::default();
        for (i, p) in self.hours.iter().enumerate() {
            let day = WEEKDAYS
                .iter()
                .position(|d| *d == p.weekday)
                .ok_or_else(|| {
                    ApiError::invalid(
                        &format!("hours[{i}].weekday"),
                        format!(
                            "\"{}\" is not a weekday; use mon, tue, wed, thu, fri, sat or sun.",
                            p.weekday
                        ),
                    )
                })?;
            hours.weekly[day].push(parse_period(p, &format!("hours[{i}]"))?);
        }
        for (i, e) in self.exceptions.iter().enumerate() {
            let periods = if e.closed {
                Vec::new()
            } else {
                e.hours
                    .iter()
                    .enumerate()
                    .map(|(j, p)| parse_period(p, &format!("exceptions[{i}].hours[{j}]")))
                    .collect::<Result<_, _>>()?
            };
            hours.exceptions.insert(e.date, periods);
        }
        Ok(ShopSettings {
            name: self.name,
            address: self.address,
            phone: self.phone,
            vat_number: self.vat_number,
            time_zone: self.time_zone,
            hours,
            zones: self
                .zones
                .into_iter()
                .map(|z| DeliveryZone {
                    id: z.id,
                    name: z.name,
                    postcodes: z.postcodes,
                    fee: z.fee_cents,
                    minimum_order: z.minimum_order_cents,
                    extra_minutes: z.extra_minutes,
                })
                .collect(),
            prep_time_minutes: self.prep_time_minutes,
            paused: self.paused,
            pickup_enabled: self.pickup_enabled,
            delivery_enabled: self.delivery_enabled,
        })
    }
}

// ---------- auth ----------

#[derive(Debug, Clone, Deserialize, ToSchema)]
pub struct LoginBody {
    pub name: String,
    pub pin: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct StaffDto {
    pub id: Option<i64>,
    pub name: String,
    pub role: String,
    pub permissions: Vec<String>,
    /// The statuses this person may move an order to, so screens only offer what will work.
    pub may_set_statuses: Vec<String>,
}

impl From<&forno_app::Actor> for StaffDto {
    fn from(a: &forno_app::Actor) -> Self {
        StaffDto {
            id: a.staff_id,
            name: a.name.clone(),
            role: a.role.as_str().to_owned(),
            permissions: a
                .role
                .permissions()
                .iter()
                .map(|p| {
                    serde_json::to_value(p)
                        .ok()
                        .and_then(|v| v.as_str().map(str::to_owned))
                        .unwrap_or_default()
                })
                .collect(),
            may_set_statuses: forno_domain::OrderStatus::ALL
                .into_iter()
                .filter(|s| a.role.can(forno_domain::Role::permission_for_status(*s)))
                .map(|s| s.as_str().to_owned())
                .collect(),
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct LoginDto {
    pub staff: StaffDto,
    /// For devices that cannot keep cookies: send as `Authorization: Bearer <token>`.
    pub token: String,
    pub expires_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
pub struct PauseBody {
    pub paused: bool,
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
pub struct SoldOutBody {
    pub sold_out: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct HealthDto {
    pub status: String,
    pub version: String,
    pub event_seq: i64,
    pub ws_connections: WsCountsDto,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct WsCountsDto {
    pub staff: usize,
    pub customer: usize,
    pub limit: usize,
}
