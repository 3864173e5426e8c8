//! The menu: categories, items with sizes, extras priced per size, removable ingredients, the 14
//! EU allergens, sold-out and VAT class, the hours an item is sold, its photo. Names in Dutch
//! and English. The owner's edits are checked here (`Item::checked`, `Category::checked`,
//! `check_new_order`) so that no screen or handler can store a menu that cannot be sold.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::hours::{ClockTime, OpeningPeriod};
use crate::money::{Cents, VatRate};
use crate::msg;
use crate::text;
use crate::validation::ValidationError;

/// Longest texts of a menu item, in characters.
pub const MAX_ITEM_NAME_CHARS: usize = 100;
pub const MAX_DESCRIPTION_CHARS: usize = 500;
pub const MAX_SIZE_CODE_CHARS: usize = 20;
pub const MAX_SIZE_NAME_CHARS: usize = 40;
/// The dearest price a size or extra may have: € 1000,00.
pub const MAX_PRICE: Cents = 100_000;
pub const MAX_CATEGORY_NAME_CHARS: usize = 60;

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
    /// The VAT rate a new item in this category starts with (drinks with alcohol: 21%).
    pub vat: VatRate,
}

impl Category {
    /// Checks a category as the owner edits it (fields as in the request: `names.nl`).
    pub fn checked(self) -> Result<Category, ValidationError> {
        let name = translated(&self.name, "names", MAX_CATEGORY_NAME_CHARS, false)?;
        if name.nl.is_empty() {
            return Err(ValidationError::field(
                "names.nl",
                msg!(
                    nl: "Geef de categorie een Nederlandse naam.",
                    en: "Give the category a Dutch name."
                ),
            ));
        }
        Ok(Category { name, ..self })
    }
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
    /// Checks an extra as the owner adds it: a Dutch name, prices of at least a cent.
    pub fn checked(self) -> Result<Extra, ValidationError> {
        let name = translated(&self.name, "names", MAX_SIZE_NAME_CHARS, false)?;
        if name.nl.is_empty() {
            return Err(ValidationError::field(
                "names.nl",
                msg!(
                    nl: "Geef de extra een Nederlandse naam.",
                    en: "Give the extra a Dutch name."
                ),
            ));
        }
        check_price(self.default_price, "price_cents")?;
        for (code, price) in &self.price_by_size {
            check_price(*price, &format!("prices.{code}"))?;
        }
        Ok(Extra { name, ..self })
    }

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
    /// This item's own price of an extra (by extra id), per size code. A size without one uses
    /// the extra's own price (`Item::extra_price`).
    pub extra_prices: BTreeMap<i64, BTreeMap<String, Cents>>,
    /// The time of day the item is sold (a lunch menu: 11:00–15:00); `None`: whenever the shop
    /// is open.
    pub available: Option<OpeningPeriod>,
    /// The current photo's id (a new upload gets a new id, so its address never changes).
    pub photo: Option<i64>,
}

impl Item {
    /// What `extra` costs on this item in `size_code`.
    pub fn extra_price(&self, extra: &Extra, size_code: &str) -> Cents {
        self.extra_prices
            .get(&extra.id)
            .and_then(|prices| prices.get(size_code))
            .copied()
            .unwrap_or_else(|| extra.price_for(size_code))
    }

    /// Whether the item is sold at `time` (the shop's local time of day the order is ready).
    pub fn sold_at(&self, time: ClockTime) -> bool {
        self.available
            .is_none_or(|p| p.open <= time && time < p.close)
    }

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
            check_price(size.price, &format!("sizes[{i}].price_cents"))?;
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
            if self.extras[..i].contains(extra) {
                return Err(ValidationError::field(
                    format!("extras[{i}]"),
                    msg!(
                        nl: "Extra {extra} staat er twee keer in.",
                        en: "Extra {extra} is listed twice."
                    ),
                ));
            }
            for (code, price) in self.extra_prices.get(extra).into_iter().flatten() {
                let field = format!("extras[{i}].prices.{code}");
                if !sizes.iter().any(|s| &s.code == code) {
                    return Err(ValidationError::field(
                        field,
                        msg!(
                            nl: "Dit product heeft geen maat {code}; geef de extra alleen een prijs voor de maten van het product.",
                            en: "This item has no size {code}; price the extra only for the item's sizes."
                        ),
                    ));
                }
                check_price(*price, &field)?;
            }
        }
        if let Some((extra, _)) = self
            .extra_prices
            .iter()
            .find(|(id, _)| !self.extras.contains(id))
        {
            return Err(ValidationError::field(
                "extras",
                msg!(
                    nl: "Extra {extra} heeft een prijs maar hoort niet bij dit product.",
                    en: "Extra {extra} has a price but is not one of this item's extras."
                ),
            ));
        }
        let mut ingredients = Vec::with_capacity(self.ingredients.len());
        for (i, ingredient) in self.ingredients.into_iter().enumerate() {
            // A new ingredient (id 0) is named here; a known one keeps its names.
            if ingredient.id != 0 {
                ingredients.push(ingredient);
                continue;
            }
            let field = format!("ingredients[{i}].names");
            let name = translated(&ingredient.name, &field, MAX_SIZE_NAME_CHARS, false)?;
            if name.nl.is_empty() {
                return Err(ValidationError::field(
                    format!("{field}.nl"),
                    msg!(
                        nl: "Geef het ingrediënt een Nederlandse naam.",
                        en: "Give the ingredient a Dutch name."
                    ),
                ));
            }
            ingredients.push(Ingredient { id: 0, name });
        }
        if let Some(period) = self.available
            && period.open >= period.close
        {
            return Err(ValidationError::field(
                "available.until",
                msg!(
                    nl: "\"Tot\" ligt na \"vanaf\", op dezelfde dag (bijvoorbeeld 11:00 tot 15:00).",
                    en: "\"Until\" comes after \"from\", on the same day (for example 11:00 to 15:00)."
                ),
            ));
        }
        Ok(Item {
            name,
            description,
            sizes,
            ingredients,
            ..self
        })
    }
}

/// A price the owner sets: at least one cent (a free size is a mistake, not a price), at most
/// `MAX_PRICE`.
fn check_price(price: Cents, field: &str) -> Result<(), ValidationError> {
    if (1..=MAX_PRICE).contains(&price) {
        Ok(())
    } else {
        Err(ValidationError::field(
            field,
            msg!(
                nl: "Een prijs ligt tussen € 0,01 en € 1000,00.",
                en: "A price is between € 0.01 and € 1000.00."
            ),
        ))
    }
}

/// Checks a new order of categories or of a category's items: `ids` names each of `current`
/// once, nothing else.
pub fn check_new_order(current: &[i64], ids: &[i64]) -> Result<(), ValidationError> {
    let mut given = ids.to_vec();
    given.sort_unstable();
    let mut known = current.to_vec();
    known.sort_unstable();
    if given == known {
        Ok(())
    } else {
        Err(ValidationError::field(
            "ids",
            msg!(
                nl: "Noem elke regel precies één keer; de kaart is intussen misschien veranderd, laad hem opnieuw.",
                en: "List each entry exactly once; the menu may have changed meanwhile, reload it."
            ),
        ))
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

    /// Checks that every item of `lines` is sold at `time`, the shop's time of day the order is
    /// ready (a lunch item is not sold for dinner). The error names the line.
    pub fn check_sold_at(
        &self,
        lines: &[crate::order::LineRequest],
        time: ClockTime,
    ) -> Result<(), ValidationError> {
        for (i, line) in lines.iter().enumerate() {
            let halves = std::iter::once((line.item_id, format!("lines[{i}].item_id"))).chain(
                line.second_half
                    .as_ref()
                    .map(|h| (h.item_id, format!("lines[{i}].second_half.item_id"))),
            );
            for (item_id, field) in halves {
                let Some(item) = self.item(item_id) else {
                    continue;
                };
                if let Some(period) = item.available
                    && !item.sold_at(time)
                {
                    let (naam, name) = item.name.both();
                    let (from, until) = (period.open, period.close);
                    return Err(ValidationError::field(
                        field,
                        msg!(
                            nl: "{naam} is er alleen van {from} tot {until}; kies een ander tijdstip of iets anders.",
                            en: "{name} is only served from {from} to {until}; choose another time or something else."
                        ),
                    ));
                }
            }
        }
        Ok(())
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

#[cfg(test)]
mod tests {
    use super::*;

    fn menu() -> Menu {
        Menu {
            categories: vec![Category {
                id: 1,
                name: Translated::new("Lunch", "Lunch"),
                position: 0,
                halves_allowed: false,
                vat: VatRate::Reduced,
            }],
            items: vec![],
            extras: vec![Extra {
                id: 7,
                name: Translated::new("Truffelolie", "Truffle oil"),
                default_price: 200,
                price_by_size: BTreeMap::new(),
            }],
        }
    }

    fn size(code: &str, price: Cents) -> Size {
        Size {
            code: code.into(),
            name: Translated::new(code, code),
            price,
        }
    }

    fn focaccia() -> Item {
        Item {
            id: 0,
            category_id: 1,
            name: Translated::new(" Focaccia ", ""),
            description: Translated::default(),
            vat: VatRate::Reduced,
            sizes: vec![size("klein", 650), size("groot", 950)],
            extras: vec![7],
            ingredients: vec![],
            allergens: vec![Allergen::Gluten],
            sold_out: false,
            position: 0,
            extra_prices: BTreeMap::from([(7, BTreeMap::from([("groot".into(), 250)]))]),
            available: None,
            photo: None,
        }
    }

    fn field(item: Item) -> String {
        item.checked(&menu()).unwrap_err().field.unwrap_or_default()
    }

    #[test]
    fn a_good_item_is_kept_trimmed() {
        let item = focaccia().checked(&menu()).unwrap();
        assert_eq!(item.name.nl, "Focaccia");
        assert_eq!(item.extra_price(&menu().extras[0], "groot"), 250);
        assert_eq!(item.extra_price(&menu().extras[0], "klein"), 200);
    }

    #[test]
    fn prices_are_a_cent_to_a_thousand_euros_for_sizes_and_extras() {
        for price in [0, -100, MAX_PRICE + 1] {
            let mut item = focaccia();
            item.sizes[1].price = price;
            assert_eq!(field(item), "sizes[1].price_cents", "{price}");
            let mut item = focaccia();
            item.extra_prices = BTreeMap::from([(7, BTreeMap::from([("klein".into(), price)]))]);
            assert_eq!(field(item), "extras[0].prices.klein", "{price}");
        }
        let mut item = focaccia();
        item.sizes[0].price = 1;
        assert!(item.checked(&menu()).is_ok());
    }

    #[test]
    fn an_extra_priced_for_a_size_the_item_lacks_is_named() {
        let mut item = focaccia();
        item.extra_prices = BTreeMap::from([(7, BTreeMap::from([("35".into(), 300)]))]);
        assert_eq!(field(item), "extras[0].prices.35");
        let mut item = focaccia();
        item.extras = vec![];
        assert_eq!(field(item), "extras");
    }

    #[test]
    fn hours_end_after_they_start_and_a_lunch_item_is_not_sold_for_dinner() {
        let period = |open, close| {
            Some(OpeningPeriod {
                open: ClockTime::parse(open).unwrap(),
                close: ClockTime::parse(close).unwrap(),
            })
        };
        let mut item = focaccia();
        item.available = period("15:00", "11:00");
        assert_eq!(field(item), "available.until");

        let mut item = focaccia();
        item.id = 5;
        item.available = period("11:00", "15:00");
        let m = Menu {
            items: vec![item],
            ..menu()
        };
        let lines = [crate::order::LineRequest {
            item_id: 5,
            quantity: 1,
            ..Default::default()
        }];
        let at = |t| ClockTime::parse(t).unwrap();
        assert!(m.check_sold_at(&lines, at("11:00")).is_ok());
        assert!(m.check_sold_at(&lines, at("14:59")).is_ok());
        let refused = m.check_sold_at(&lines, at("15:00")).unwrap_err();
        assert_eq!(refused.field.as_deref(), Some("lines[0].item_id"));
        assert!(refused.message.nl().contains("11:00 tot 15:00"));
    }

    #[test]
    fn a_new_order_names_every_entry_once() {
        assert!(check_new_order(&[1, 2, 3], &[3, 1, 2]).is_ok());
        for wrong in [&[1, 2][..], &[1, 2, 3, 3], &[1, 2, 4], &[]] {
            assert_eq!(
                check_new_order(&[1, 2, 3], wrong)
                    .unwrap_err()
                    .field
                    .as_deref(),
                Some("ids")
            );
        }
    }
}
