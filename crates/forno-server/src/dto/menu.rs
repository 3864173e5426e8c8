//! The menu on the wire: what customers read, and the item edits staff send.

use std::collections::BTreeMap;

use forno_domain::{Item, Menu, msg};
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
                            msg!(
                                nl: "Ingrediënt {id} bestaat niet.",
                                en: "There is no ingredient {id}."
                            ),
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

#[derive(Debug, Clone, Deserialize, ToSchema)]
pub struct SoldOutBody {
    pub sold_out: bool,
}
