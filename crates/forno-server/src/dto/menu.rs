//! The menu on the wire: what customers read, and the item edits staff send.

use std::collections::BTreeMap;

use forno_domain::hours::{ClockTime, OpeningPeriod};
use forno_domain::{Ingredient, Item, Menu, msg};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::error::ApiError;

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
    /// The size most people order (`code`), pre-selected by the counter.
    pub usual_size: Option<String>,
    pub extras: Vec<ExtraDto>,
    pub ingredients: Vec<IngredientDto>,
    /// Of the 14 EU allergens.
    pub allergens: Vec<String>,
    pub position: i64,
    /// The time of day it is sold, when not whenever the shop is open.
    pub available: Option<AvailableDto>,
    /// The photo in its sizes, when it has one.
    pub photo: Option<PhotoDto>,
}

/// The time of day an item is sold: from (inclusive) until (exclusive), the shop's local time.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct AvailableDto {
    /// "HH:MM", e.g. "11:00".
    pub from: String,
    /// "HH:MM", e.g. "15:00"; after `from`.
    pub until: String,
}

/// An item's photo: addresses that never change (a new upload gets new ones), so browsers may
/// keep them for a year.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct PhotoDto {
    /// 160 px on the longest side.
    pub small: String,
    /// 480 px.
    pub medium: String,
    /// 1024 px.
    pub large: String,
}

impl PhotoDto {
    pub fn new(photo_id: i64) -> PhotoDto {
        let url = |size: &str| format!("/api/v1/menu/photos/{photo_id}/{size}.jpg");
        PhotoDto {
            small: url("small"),
            medium: url("medium"),
            large: url("large"),
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct CategoryDto {
    pub id: i64,
    pub name: String,
    pub names: TranslatedDto,
    pub halves_allowed: bool,
    /// The VAT rate a new item in this category starts with: 9 or 21.
    pub vat_rate_percent: i64,
    pub items: Vec<ItemDto>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct MenuDto {
    pub categories: Vec<CategoryDto>,
}

pub(crate) fn item_dto(menu: &Menu, item: &Item, lang: &str) -> ItemDto {
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
        usual_size: item.usual_size().map(|s| s.code.clone()),
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
                    .map(|s| (s.code.clone(), item.extra_price(e, &s.code)))
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
        available: item.available.map(|p| AvailableDto {
            from: p.open.to_string(),
            until: p.close.to_string(),
        }),
        photo: item.photo.map(PhotoDto::new),
    }
}

pub(crate) fn category_dto(menu: &Menu, c: &forno_domain::Category, lang: &str) -> CategoryDto {
    CategoryDto {
        id: c.id,
        name: c.name.get(lang).to_owned(),
        names: translated(&c.name),
        halves_allowed: c.halves_allowed,
        vat_rate_percent: c.vat.percent(),
        items: menu
            .items_in(c.id)
            .map(|i| item_dto(menu, i, lang))
            .collect(),
    }
}

impl MenuDto {
    pub fn new(menu: &Menu, lang: &str) -> MenuDto {
        MenuDto {
            categories: menu
                .categories
                .iter()
                .map(|c| category_dto(menu, c, lang))
                .collect(),
        }
    }
}

/// An item as the owner creates (`POST /menu/items`) or edits it (`PUT /menu/items/{id}`).
#[derive(Debug, Clone, Deserialize, ToSchema)]
pub struct ItemBody {
    pub category_id: i64,
    pub names: TranslatedDto,
    pub descriptions: Option<TranslatedDto>,
    pub vat_rate_percent: i64,
    #[serde(default)]
    pub sold_out: bool,
    pub sizes: Vec<SizeBody>,
    /// The extras a customer may add: an extra's id (its own prices), or the id with this
    /// item's prices per size code, `{"id": 1, "prices": {"30": 150, "35": 200}}`.
    #[serde(default)]
    pub extras: Vec<ExtraChoiceBody>,
    /// Ingredients a customer may leave off: an ingredient's id, or a new one by its names.
    #[serde(default)]
    pub ingredients: Vec<IngredientChoiceBody>,
    #[serde(default)]
    pub allergens: Vec<String>,
    #[serde(default)]
    pub position: i64,
    /// The time of day it is sold; absent or null: whenever the shop is open.
    #[serde(default)]
    pub available: Option<AvailableDto>,
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(untagged)]
pub enum ExtraChoiceBody {
    Id(i64),
    Priced {
        id: i64,
        #[serde(default)]
        prices: BTreeMap<String, i64>,
    },
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(untagged)]
pub enum IngredientChoiceBody {
    Id(i64),
    New { names: TranslatedDto },
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
pub struct SizeBody {
    pub code: String,
    pub names: TranslatedDto,
    /// Required: at least 1 cent.
    pub price_cents: Option<i64>,
}

fn clock_time(text: &str, field: &str) -> Result<ClockTime, ApiError> {
    ClockTime::parse(text).ok_or_else(|| {
        ApiError::invalid(
            field,
            msg!(
                nl: "\"{text}\" is geen tijd zoals 11:30.",
                en: "\"{text}\" is not a time like 11:30."
            ),
        )
    })
}

impl ItemBody {
    /// The item as the domain checks it. `id` is 0 for a new item; an existing item keeps its
    /// photo.
    pub fn into_item(self, id: i64, menu: &Menu) -> Result<Item, ApiError> {
        let vat = forno_domain::VatRate::from_percent(self.vat_rate_percent).ok_or_else(|| {
            ApiError::invalid(
                "vat_rate_percent",
                msg!(
                    nl: "Het btw-tarief is 9 (eten, frisdrank) of 21 (alcohol, overige).",
                    en: "The VAT rate is 9 (food, soft drinks) or 21 (alcohol, non-food)."
                ),
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
                        msg!(
                            nl: "\"{a}\" is geen van de 14 EU-allergenen.",
                            en: "\"{a}\" is not one of the 14 EU allergens."
                        ),
                    )
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        let text = |t: TranslatedDto| forno_domain::Translated { nl: t.nl, en: t.en };
        let ingredients = self
            .ingredients
            .into_iter()
            .map(|choice| match choice {
                // Its names are looked up when it is saved (`ingredients[i]` if there is none).
                IngredientChoiceBody::Id(id) => Ingredient {
                    id,
                    name: Default::default(),
                },
                IngredientChoiceBody::New { names } => Ingredient {
                    id: 0,
                    name: text(names),
                },
            })
            .collect::<Vec<_>>();
        let sizes = self
            .sizes
            .into_iter()
            .enumerate()
            .map(|(i, s)| {
                let price = s.price_cents.ok_or_else(|| {
                    ApiError::invalid(
                        &format!("sizes[{i}].price_cents"),
                        msg!(
                            nl: "Geef deze maat een prijs.",
                            en: "Give this size a price."
                        ),
                    )
                })?;
                Ok(forno_domain::Size {
                    code: s.code,
                    name: text(s.names),
                    price,
                })
            })
            .collect::<Result<Vec<_>, ApiError>>()?;
        let mut extras = Vec::new();
        let mut extra_prices = BTreeMap::new();
        for choice in self.extras {
            match choice {
                ExtraChoiceBody::Id(id) => extras.push(id),
                ExtraChoiceBody::Priced { id, prices } => {
                    extras.push(id);
                    if !prices.is_empty() {
                        extra_prices.insert(id, prices);
                    }
                }
            }
        }
        let available = self
            .available
            .map(|a| -> Result<OpeningPeriod, ApiError> {
                Ok(OpeningPeriod {
                    open: clock_time(&a.from, "available.from")?,
                    close: clock_time(&a.until, "available.until")?,
                })
            })
            .transpose()?;
        Ok(Item {
            id,
            category_id: self.category_id,
            name: text(self.names),
            description: self.descriptions.map(text).unwrap_or_default(),
            vat,
            sizes,
            extras,
            ingredients,
            allergens,
            sold_out: self.sold_out,
            position: self.position,
            extra_prices,
            available,
            photo: menu.item(id).and_then(|i| i.photo),
        })
    }
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
pub struct SoldOutBody {
    pub sold_out: bool,
}
