//! The menu editor on the wire: what `/menu/editor` shows and the bodies of its changes.

use std::collections::BTreeMap;

use forno_app::MenuEditorView;
use forno_domain::{Category, Extra, Translated, VatRate, msg};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::menu::{
    CategoryDto, IngredientDto, ItemDto, MenuDto, TranslatedDto, category_dto, item_dto,
};
use crate::error::ApiError;

fn text(t: TranslatedDto) -> Translated {
    Translated { nl: t.nl, en: t.en }
}

fn both(t: &Translated) -> TranslatedDto {
    TranslatedDto {
        nl: t.nl.clone(),
        en: t.en.clone(),
    }
}

/// An extra as the editor offers it to items: its own prices (an item may set its own).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ExtraOptionDto {
    pub id: i64,
    pub names: TranslatedDto,
    /// The price in a size without its own.
    pub price_cents: i64,
    /// Its price per size code.
    pub prices: BTreeMap<String, i64>,
}

/// Everything the menu editor shows.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct MenuEditorDto {
    /// The menu as it is sold (Dutch in `name`; both languages in `names`).
    pub categories: Vec<CategoryDto>,
    /// Categories taken off the menu (their items are in `archived_items`).
    pub archived_categories: Vec<CategoryDto>,
    /// Items taken off the menu; old orders still name them.
    pub archived_items: Vec<ItemDto>,
    pub extras: Vec<ExtraOptionDto>,
    pub ingredients: Vec<IngredientDto>,
    /// The 14 EU allergens, as items name them.
    pub allergens: Vec<String>,
    /// The largest photo upload, in bytes.
    pub max_photo_bytes: usize,
}

impl MenuEditorDto {
    pub fn new(view: &MenuEditorView) -> MenuEditorDto {
        let menu = MenuDto::new(&view.menu, "nl");
        let archived = &view.archived;
        MenuEditorDto {
            categories: menu.categories,
            archived_categories: archived
                .categories
                .iter()
                .map(|c| category_dto(archived, c, "nl"))
                .map(|c| CategoryDto {
                    items: Vec::new(),
                    ..c
                })
                .collect(),
            archived_items: archived
                .items
                .iter()
                .map(|i| item_dto(archived, i, "nl"))
                .collect(),
            extras: view
                .menu
                .extras
                .iter()
                .map(|e| ExtraOptionDto {
                    id: e.id,
                    names: both(&e.name),
                    price_cents: e.default_price,
                    prices: e.price_by_size.clone(),
                })
                .collect(),
            ingredients: view
                .ingredients
                .iter()
                .map(|i| IngredientDto {
                    id: i.id,
                    name: i.name.nl.clone(),
                    names: both(&i.name),
                })
                .collect(),
            allergens: forno_domain::Allergen::ALL
                .iter()
                .filter_map(|a| serde_json::to_value(a).ok())
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect(),
            max_photo_bytes: forno_app::photos::MAX_PHOTO_BYTES,
        }
    }
}

fn vat(percent: i64) -> Result<VatRate, ApiError> {
    VatRate::from_percent(percent).ok_or_else(|| {
        ApiError::invalid(
            "vat_rate_percent",
            msg!(
                nl: "Het btw-tarief is 9 (eten, frisdrank) of 21 (alcohol, overige).",
                en: "The VAT rate is 9 (food, soft drinks) or 21 (alcohol, non-food)."
            ),
        )
    })
}

/// A category as the owner creates or edits it.
#[derive(Debug, Clone, Deserialize, ToSchema)]
pub struct CategoryBody {
    pub names: TranslatedDto,
    #[serde(default)]
    pub halves_allowed: bool,
    /// The VAT rate new items in it start with: 9 (default) or 21.
    #[serde(default = "nine")]
    pub vat_rate_percent: i64,
}

fn nine() -> i64 {
    9
}

impl CategoryBody {
    pub fn into_category(self, id: i64) -> Result<Category, ApiError> {
        Ok(Category {
            id,
            name: text(self.names),
            position: 0,
            halves_allowed: self.halves_allowed,
            vat: vat(self.vat_rate_percent)?,
        })
    }
}

/// An extra as the owner adds it.
#[derive(Debug, Clone, Deserialize, ToSchema)]
pub struct ExtraBody {
    pub names: TranslatedDto,
    /// Its price in a size without its own; at least 1 cent.
    pub price_cents: i64,
    /// Its price per size code, e.g. `{"25": 100, "30": 150}`.
    #[serde(default)]
    pub prices: BTreeMap<String, i64>,
}

impl ExtraBody {
    pub fn into_extra(self) -> Extra {
        Extra {
            id: 0,
            name: text(self.names),
            default_price: self.price_cents,
            price_by_size: self.prices,
        }
    }
}

/// Takes something off the menu (`true`) or puts it back (`false`).
#[derive(Debug, Clone, Deserialize, ToSchema)]
pub struct ArchiveBody {
    pub archived: bool,
}

/// A new order: every id of the list, once, first to last.
#[derive(Debug, Clone, Deserialize, ToSchema)]
pub struct NewOrderBody {
    pub ids: Vec<i64>,
}

/// What was created.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CreatedDto {
    pub id: i64,
}
