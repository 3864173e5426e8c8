//! The live menu and shop profile, read from `GET /menu` and `GET /shop`, with finders for the
//! kinds of items the tests need (a pizza with three sizes, a beer at 21%, ...).

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::{Value, json};

#[derive(Debug, Clone, Deserialize)]
pub struct Menu {
    pub categories: Vec<Category>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Category {
    #[serde(default)]
    pub halves_allowed: bool,
    pub items: Vec<Item>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Item {
    pub id: i64,
    pub name: String,
    pub vat_rate_percent: i64,
    #[serde(default)]
    pub sold_out: bool,
    #[serde(default)]
    pub sizes: Vec<Size>,
    #[serde(default)]
    pub extras: Vec<Extra>,
    #[serde(default)]
    pub ingredients: Vec<Ingredient>,
    /// Copied from the category, for the half-and-half rules.
    #[serde(skip)]
    pub halves_allowed: bool,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Size {
    pub code: String,
    pub price_cents: i64,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Extra {
    pub id: i64,
    pub name: String,
    pub prices: BTreeMap<String, i64>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Ingredient {
    pub id: i64,
    pub name: String,
}

impl Menu {
    pub fn from_json(v: Value) -> Menu {
        let mut menu: Menu = serde_json::from_value(v.clone())
            .unwrap_or_else(|e| panic!("GET /menu does not match docs/api.md ({e}): {v}"));
        for c in &mut menu.categories {
            for i in &mut c.items {
                i.halves_allowed = c.halves_allowed;
            }
        }
        menu
    }

    pub fn items(&self) -> impl Iterator<Item = &Item> {
        self.categories.iter().flat_map(|c| c.items.iter())
    }

    pub fn item(&self, id: i64) -> &Item {
        self.items()
            .find(|i| i.id == id)
            .unwrap_or_else(|| panic!("item {id} is not on the menu"))
    }

    /// The first pizza that has three sizes, an extra and a removable ingredient.
    pub fn pizza(&self) -> &Item {
        self.items()
            .find(|i| {
                i.halves_allowed
                    && !i.sold_out
                    && i.sizes.len() == 3
                    && !i.extras.is_empty()
                    && !i.ingredients.is_empty()
            })
            .expect("the demo menu has a pizza with 3 sizes, extras and ingredients")
    }

    /// Another half-and-half pizza that costs more than `cheap` at `size`.
    pub fn dearer_pizza(&self, cheap: &Item, size: &str) -> &Item {
        let base = cheap.price(size);
        self.items()
            .find(|i| {
                i.halves_allowed
                    && !i.sold_out
                    && i.id != cheap.id
                    && i.sizes
                        .iter()
                        .any(|s| s.code == size && s.price_cents > base)
                    && !i.extras.is_empty()
            })
            .unwrap_or_else(|| {
                panic!(
                    "the demo menu has no pizza dearer than {} at size {size}",
                    cheap.name
                )
            })
    }

    /// The cheapest pizza at its middle size is what `pizza()` gives; this finds the cheapest
    /// item at any size (for "below the minimum").
    pub fn cheapest(&self) -> (&Item, &Size) {
        self.items()
            .filter(|i| !i.sold_out)
            .flat_map(|i| i.sizes.iter().map(move |s| (i, s)))
            .min_by_key(|(_, s)| s.price_cents)
            .expect("the menu has items")
    }

    /// A drink at 21% VAT (beer, wine).
    pub fn beer(&self) -> &Item {
        self.items()
            .find(|i| i.vat_rate_percent == 21 && !i.sold_out && !i.sizes.is_empty())
            .expect("the demo menu has an alcoholic drink at 21% VAT")
    }

    /// An item (food, not sold out) with an extra from elsewhere on the menu that this item
    /// does not offer (e.g. extra cheese on a calzone).
    pub fn item_with_foreign_extra(&self) -> (&Item, i64) {
        let extras: Vec<i64> = self
            .items()
            .flat_map(|i| i.extras.iter().map(|e| e.id))
            .collect();
        self.items()
            .filter(|i| !i.sold_out && i.vat_rate_percent == 9)
            .find_map(|i| {
                extras
                    .iter()
                    .find(|id| !i.extras.iter().any(|e| e.id == **id))
                    .map(|id| (i, *id))
            })
            .expect("some item does not offer some extra of the menu")
    }

    /// A size code that `item` does not have.
    pub fn size_missing_from(item: &Item) -> String {
        ["40", "45", "50", "99"]
            .into_iter()
            .find(|c| !item.sizes.iter().any(|s| s.code == *c))
            .unwrap()
            .to_string()
    }

    pub fn max_item_id(&self) -> i64 {
        self.items().map(|i| i.id).max().unwrap_or(0)
    }
}

impl Item {
    pub fn price(&self, size: &str) -> i64 {
        self.sizes
            .iter()
            .find(|s| s.code == size)
            .unwrap_or_else(|| panic!("{} has no size {size}", self.name))
            .price_cents
    }

    /// The middle size code (for a pizza with three sizes), or the only one.
    pub fn middle_size(&self) -> &str {
        &self.sizes[self.sizes.len() / 2].code
    }

    pub fn first_size(&self) -> &str {
        &self.sizes[0].code
    }

    pub fn extra_price(&self, extra_id: i64, size: &str) -> i64 {
        let extra = self
            .extras
            .iter()
            .find(|e| e.id == extra_id)
            .unwrap_or_else(|| panic!("{} has no extra {extra_id}", self.name));
        *extra
            .prices
            .get(size)
            .unwrap_or_else(|| panic!("extra {} has no price for size {size}", extra.name))
    }
}

/// `GET /shop`, the parts the tests use.
#[derive(Debug, Clone, Deserialize)]
pub struct Shop {
    #[serde(default)]
    pub paused: bool,
    pub prep_time_minutes: i64,
    pub zones: Vec<Zone>,
    #[serde(default)]
    pub slots: Slots,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Zone {
    pub id: i64,
    pub name: String,
    pub postcodes: Vec<String>,
    pub fee_cents: i64,
    pub minimum_order_cents: i64,
    #[serde(default)]
    pub extra_minutes: i64,
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct Slots {
    #[serde(default)]
    pub pickup: Vec<String>,
    #[serde(default)]
    pub delivery: Vec<String>,
}

impl Shop {
    pub fn from_json(v: Value) -> Shop {
        serde_json::from_value(v.clone())
            .unwrap_or_else(|e| panic!("GET /shop does not match docs/api.md ({e}): {v}"))
    }

    /// The first delivery zone that has a minimum order amount.
    pub fn zone(&self) -> &Zone {
        self.zones
            .iter()
            .find(|z| z.minimum_order_cents > 0)
            .or(self.zones.first())
            .expect("the demo shop delivers to at least one zone")
    }

    /// The zone that needs the most extra minutes for delivery.
    pub fn farthest_zone(&self) -> &Zone {
        self.zones
            .iter()
            .max_by_key(|z| z.extra_minutes)
            .expect("the demo shop delivers to at least one zone")
    }

    /// A postcode (`1234 AB`) that no zone covers.
    pub fn postcode_outside_every_zone(&self) -> String {
        (1000..=9999)
            .rev()
            .find(|n| !self.zones.iter().any(|z| z.covers(*n)))
            .map(|n| format!("{n} ZZ"))
            .expect("some postcode is outside every zone")
    }
}

impl Zone {
    /// The numeric ranges this zone covers, from entries like `1011-1018` or `1017`.
    fn ranges(&self) -> Vec<(u32, u32)> {
        self.postcodes
            .iter()
            .filter_map(|p| {
                let mut ends = p.split('-').map(|s| {
                    s.trim()
                        .chars()
                        .take_while(char::is_ascii_digit)
                        .collect::<String>()
                        .parse::<u32>()
                        .ok()
                });
                let lo = ends.next()??;
                let hi = ends.next().flatten().unwrap_or(lo);
                Some((lo, hi))
            })
            .collect()
    }

    pub fn covers(&self, n: u32) -> bool {
        self.ranges()
            .iter()
            .any(|(lo, hi)| (*lo..=*hi).contains(&n))
    }

    /// A postcode inside this zone, written the way a customer types it.
    pub fn postcode(&self) -> String {
        let (lo, _) = *self
            .ranges()
            .first()
            .unwrap_or_else(|| panic!("zone {} lists no numeric postcode", self.name));
        format!("{lo} AB")
    }
}

/// The edit form of an item as the admin screen sends it back: the item from `/menu/admin`
/// with extras and ingredients by id, and every size `raise_cents` dearer.
pub fn item_edit(admin_item: &Value, raise_cents: i64) -> Value {
    let ids = |key: &str| -> Vec<Value> {
        admin_item[key]
            .as_array()
            .map(|a| a.iter().map(|x| x["id"].clone()).collect())
            .unwrap_or_default()
    };
    let sizes: Vec<Value> = admin_item["sizes"]
        .as_array()
        .expect("sizes")
        .iter()
        .map(|s| {
            json!({ "code": s["code"], "names": s["names"],
                    "price_cents": s["price_cents"].as_i64().unwrap() + raise_cents })
        })
        .collect();
    let mut body = admin_item.clone();
    body["sizes"] = json!(sizes);
    body["extras"] = json!(ids("extras"));
    body["ingredients"] = json!(ids("ingredients"));
    body
}
