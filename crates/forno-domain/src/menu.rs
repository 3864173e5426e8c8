//! The menu: categories, items with sizes, extras priced per size, removable ingredients, the 14
//! EU allergens, sold-out and VAT class. Names in Dutch and English.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::money::{Cents, VatRate};
use crate::msg;
use crate::text;
use crate::validation::ValidationError;

/// Longest texts of a menu item, in characters.
pub const MAX_ITEM_NAME_CHARS: usize = 100;
pub const MAX_DESCRIPTION_CHARS: usize = 500;
pub const MAX_SIZE_CODE_CHARS: usize = 20;
pub const MAX_SIZE_NAME_CHARS: usize = 40;
/// The dearest price a size may have: € 1000,00.
pub const MAX_PRICE: Cents = 100_000;

/// A text in the two languages the shop speaks. Dutch is required; English falls back to Dutch.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Translated {
    pub nl: String,
    #[serde(default)]
    pub en: String,
}

impl Translated {
    pub fn new(nl: &str, en: &str) -> Self {
        Translated {
            nl: nl.to_owned(),
            en: en.to_owned(),
        }
    }

    /// The text in `lang` ("nl" or "en"); English falls back to Dutch when missing.
    pub fn get(&self, lang: &str) -> &str {
        if lang == "en" && !self.en.is_empty() {
            &self.en
        } else {
            &self.nl
        }
    }

    /// Dutch and English, for a message that names this: `let (naam, name) = item.name.both();`.
    pub fn both(&self) -> (&str, &str) {
        (&self.nl, self.get("en"))
    }
}

/// The 14 allergens EU regulation 1169/2011 requires a food business to declare.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Allergen {
    Gluten,
    Crustaceans,
    Eggs,
    Fish,
    Peanuts,
    Soybeans,
    Milk,
    Nuts,
    Celery,
    Mustard,
    Sesame,
    Sulphites,
    Lupin,
    Molluscs,
}

impl Allergen {
    pub const ALL: [Allergen; 14] = [
        Allergen::Gluten,
        Allergen::Crustaceans,
        Allergen::Eggs,
        Allergen::Fish,
        Allergen::Peanuts,
        Allergen::Soybeans,
        Allergen::Milk,
        Allergen::Nuts,
        Allergen::Celery,
        Allergen::Mustard,
        Allergen::Sesame,
        Allergen::Sulphites,
        Allergen::Lupin,
        Allergen::Molluscs,
    ];
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Category {
    pub id: i64,
    pub name: Translated,
    pub position: i64,
    /// Pizzas may be ordered half-and-half: two halves from this category on one base.
    pub halves_allowed: bool,
}

/// One size of an item ("25 cm") with its VAT-inclusive price.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Size {
    /// Short, stable code that orders refer to: "25", "30", "35", or "regular".
    pub code: String,
    pub name: Translated,
    pub price: Cents,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ingredient {
    pub id: i64,
    pub name: Translated,
}

/// Something a customer may add to an item, priced per size code. An item size without its own
/// price uses `default_price`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Extra {
    pub id: i64,
    pub name: Translated,
    pub default_price: Cents,
    pub price_by_size: BTreeMap<String, Cents>,
}

impl Extra {
    pub fn price_for(&self, size_code: &str) -> Cents {
        self.price_by_size
            .get(size_code)
            .copied()
            .unwrap_or(self.default_price)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    pub id: i64,
    pub category_id: i64,
    pub name: Translated,
    pub description: Translated,
    pub vat: VatRate,
    pub sizes: Vec<Size>,
    /// Ids of the extras a customer may add to this item.
    pub extras: Vec<i64>,
    /// Ingredients a customer may leave off.
    pub ingredients: Vec<Ingredient>,
    pub allergens: Vec<Allergen>,
    pub sold_out: bool,
    pub position: i64,
}

impl Item {
    /// The size most people order, pre-selected at the counter: the middle one as the menu
    /// lists them, so 30 cm of 25/30/35 and the only size of a drink.
    pub fn usual_size(&self) -> Option<&Size> {
        self.sizes.get(self.sizes.len().saturating_sub(1) / 2)
    }

    pub fn size(&self, code: &str) -> Option<&Size> {
        self.sizes.iter().find(|s| s.code == code)
    }

    pub fn size_codes(&self) -> Vec<&str> {
        self.sizes.iter().map(|s| s.code.as_str()).collect()
    }

    /// Checks an item as the owner edits it against the menu it goes on, and returns it as it
    /// is kept (names trimmed, the text rule applied).
    pub fn checked(self, menu: &Menu) -> Result<Item, ValidationError> {
        // Fields are named as in the edit request (`names`, `descriptions`, `sizes[0].names`).
        let name = translated(&self.name, "names", MAX_ITEM_NAME_CHARS, false)?;
        if name.nl.is_empty() {
            return Err(ValidationError::field(
                "names.nl",
                msg!(
                    nl: "Geef het product een Nederlandse naam.",
                    en: "Give the item a Dutch name."
                ),
            ));
        }
        let description = translated(
            &self.description,
            "descriptions",
            MAX_DESCRIPTION_CHARS,
            true,
        )?;
        let category_id = self.category_id;
        if menu.category(category_id).is_none() {
            return Err(ValidationError::field(
                "category_id",
                msg!(
                    nl: "Categorie {category_id} bestaat niet.",
                    en: "There is no category {category_id}."
                ),
            ));
        }
        if self.sizes.is_empty() {
            return Err(ValidationError::field(
                "sizes",
                msg!(
                    nl: "Een product heeft minstens één maat met een prijs nodig.",
                    en: "An item needs at least one size with a price."
                ),
            ));
        }
        let mut sizes: Vec<Size> = Vec::with_capacity(self.sizes.len());
        for (i, size) in self.sizes.into_iter().enumerate() {
            let code =
                text::one_line(&size.code, &format!("sizes[{i}].code"), MAX_SIZE_CODE_CHARS)?;
            if code.is_empty() || sizes.iter().any(|s| s.code == code) {
                return Err(ValidationError::field(
                    format!("sizes[{i}].code"),
                    msg!(
                        nl: "Elke maat heeft een eigen code nodig, zoals 30.",
                        en: "Each size needs its own code, like 30."
                    ),
                ));
            }
            if !(0..=MAX_PRICE).contains(&size.price) {
                return Err(ValidationError::field(
                    format!("sizes[{i}].price_cents"),
                    msg!(
                        nl: "Een prijs ligt tussen € 0,00 en € 1000,00.",
                        en: "A price is between € 0,00 and € 1000,00."
                    ),
                ));
            }
            let name = translated(
                &size.name,
                &format!("sizes[{i}].names"),
                MAX_SIZE_NAME_CHARS,
                false,
            )?;
            sizes.push(Size {
                code,
                name,
                price: size.price,
            });
        }
        for (i, extra) in self.extras.iter().enumerate() {
            if menu.extra(*extra).is_none() {
                return Err(ValidationError::field(
                    format!("extras[{i}]"),
                    msg!(
                        nl: "Extra {extra} bestaat niet.",
                        en: "There is no extra {extra}."
                    ),
                ));
            }
        }
        Ok(Item {
            name,
            description,
            sizes,
            ..self
        })
    }
}

/// A name or description in both languages, each side checked by the text rule. `field` is the
/// request's name for it (`names` → `names.nl`, `names.en`).
fn translated(
    value: &Translated,
    field: &str,
    max_chars: usize,
    multi_line: bool,
) -> Result<Translated, ValidationError> {
    let check = |v: &str, lang: &str| {
        let field = format!("{field}.{lang}");
        if multi_line {
            text::multi_line(v, &field, max_chars)
        } else {
            text::one_line(v, &field, max_chars)
        }
    };
    Ok(Translated {
        nl: check(&value.nl, "nl")?,
        en: check(&value.en, "en")?,
    })
}

/// The whole menu as the shop sells it now.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Menu {
    pub categories: Vec<Category>,
    pub items: Vec<Item>,
    pub extras: Vec<Extra>,
}

impl Menu {
    pub fn item(&self, id: i64) -> Option<&Item> {
        self.items.iter().find(|i| i.id == id)
    }

    pub fn extra(&self, id: i64) -> Option<&Extra> {
        self.extras.iter().find(|e| e.id == id)
    }

    pub fn category(&self, id: i64) -> Option<&Category> {
        self.categories.iter().find(|c| c.id == id)
    }

    /// Items of a category in menu order.
    pub fn items_in(&self, category_id: i64) -> impl Iterator<Item = &Item> {
        let mut items: Vec<&Item> = self
            .items
            .iter()
            .filter(|i| i.category_id == category_id)
            .collect();
        items.sort_by_key(|i| (i.position, i.id));
        items.into_iter()
    }
}
