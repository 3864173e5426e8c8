//! The menu: categories, items with sizes, extras priced per size, removable ingredients, the 14
//! EU allergens, sold-out and VAT class. Names in Dutch and English.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::money::{Cents, VatRate};

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
    pub fn size(&self, code: &str) -> Option<&Size> {
        self.sizes.iter().find(|s| s.code == code)
    }

    pub fn size_codes(&self) -> Vec<&str> {
        self.sizes.iter().map(|s| s.code.as_str()).collect()
    }
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
