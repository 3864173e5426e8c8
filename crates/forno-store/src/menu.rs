//! The menu tables: categories, items with sizes, extras with per-size prices, ingredients.

use std::collections::{BTreeMap, HashMap};

use forno_domain::{Allergen, Category, Extra, Ingredient, Item, Menu, Size, Translated};
use rusqlite::{Connection, params};

use crate::{StoreError, vat_code, vat_from_code};

/// The whole menu, in menu order.
pub fn load(conn: &Connection) -> Result<Menu, StoreError> {
    let categories = conn
        .prepare_cached(
            "SELECT id, name_nl, name_en, position, halves_allowed FROM categories ORDER BY position, id",
        )?
        .query_map([], |r| {
            Ok(Category {
                id: r.get(0)?,
                name: Translated {
                    nl: r.get(1)?,
                    en: r.get(2)?,
                },
                position: r.get(3)?,
                halves_allowed: r.get(4)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;

    let mut sizes: HashMap<i64, Vec<Size>> = HashMap::new();
    for row in conn
        .prepare_cached(
            "SELECT item_id, code, name_nl, name_en, price_cents FROM item_sizes ORDER BY item_id, position, price_cents",
        )?
        .query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                Size {
                    code: r.get(1)?,
                    name: Translated {
                        nl: r.get(2)?,
                        en: r.get(3)?,
                    },
                    price: r.get(4)?,
                },
            ))
        })?
    {
        let (item_id, size) = row?;
        sizes.entry(item_id).or_default().push(size);
    }

    let mut item_extras: HashMap<i64, Vec<i64>> = HashMap::new();
    for row in conn
        .prepare_cached("SELECT item_id, extra_id FROM item_extras ORDER BY item_id, extra_id")?
        .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)))?
    {
        let (item_id, extra_id) = row?;
        item_extras.entry(item_id).or_default().push(extra_id);
    }

    let mut ingredients: HashMap<i64, Vec<Ingredient>> = HashMap::new();
    for row in conn
        .prepare_cached(
            "SELECT ii.item_id, i.id, i.name_nl, i.name_en FROM item_ingredients ii
             JOIN ingredients i ON i.id = ii.ingredient_id ORDER BY ii.item_id, ii.position",
        )?
        .query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                Ingredient {
                    id: r.get(1)?,
                    name: Translated {
                        nl: r.get(2)?,
                        en: r.get(3)?,
                    },
                },
            ))
        })?
    {
        let (item_id, ingredient) = row?;
        ingredients.entry(item_id).or_default().push(ingredient);
    }

    let mut items = Vec::new();
    let mut stmt = conn.prepare_cached(
        "SELECT id, category_id, name_nl, name_en, description_nl, description_en, vat_rate,
                allergens, sold_out, position FROM items ORDER BY position, id",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        let allergens: Vec<Allergen> = serde_json::from_str(&r.get::<_, String>(7)?)?;
        items.push(Item {
            id,
            category_id: r.get(1)?,
            name: Translated {
                nl: r.get(2)?,
                en: r.get(3)?,
            },
            description: Translated {
                nl: r.get(4)?,
                en: r.get(5)?,
            },
            vat: vat_from_code(&r.get::<_, String>(6)?)?,
            sizes: sizes.remove(&id).unwrap_or_default(),
            extras: item_extras.remove(&id).unwrap_or_default(),
            ingredients: ingredients.remove(&id).unwrap_or_default(),
            allergens,
            sold_out: r.get(8)?,
            position: r.get(9)?,
        });
    }

    let mut extra_prices: HashMap<i64, BTreeMap<String, i64>> = HashMap::new();
    for row in conn
        .prepare_cached("SELECT extra_id, size_code, price_cents FROM extra_prices")?
        .query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, i64>(2)?,
            ))
        })?
    {
        let (extra_id, code, price) = row?;
        extra_prices
            .entry(extra_id)
            .or_default()
            .insert(code, price);
    }
    let extras = conn
        .prepare_cached("SELECT id, name_nl, name_en, default_price_cents FROM extras ORDER BY id")?
        .query_map([], |r| {
            Ok(Extra {
                id: r.get(0)?,
                name: Translated {
                    nl: r.get(1)?,
                    en: r.get(2)?,
                },
                default_price: r.get(3)?,
                price_by_size: BTreeMap::new(),
            })
        })?
        .map(|e| {
            e.map(|mut extra| {
                extra.price_by_size = extra_prices.remove(&extra.id).unwrap_or_default();
                extra
            })
        })
        .collect::<Result<Vec<_>, _>>()?;

    Ok(Menu {
        categories,
        items,
        extras,
    })
}

pub fn insert_category(conn: &Connection, category: &Category) -> Result<i64, StoreError> {
    conn.execute(
        "INSERT INTO categories (name_nl, name_en, position, halves_allowed) VALUES (?1, ?2, ?3, ?4)",
        params![
            category.name.nl,
            category.name.en,
            category.position,
            category.halves_allowed
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

pub fn insert_extra(conn: &Connection, extra: &Extra) -> Result<i64, StoreError> {
    conn.execute(
        "INSERT INTO extras (name_nl, name_en, default_price_cents) VALUES (?1, ?2, ?3)",
        params![extra.name.nl, extra.name.en, extra.default_price],
    )?;
    let id = conn.last_insert_rowid();
    for (code, price) in &extra.price_by_size {
        conn.execute(
            "INSERT INTO extra_prices (extra_id, size_code, price_cents) VALUES (?1, ?2, ?3)",
            params![id, code, price],
        )?;
    }
    Ok(id)
}

pub fn insert_ingredient(conn: &Connection, name: &Translated) -> Result<i64, StoreError> {
    conn.execute(
        "INSERT INTO ingredients (name_nl, name_en) VALUES (?1, ?2)",
        params![name.nl, name.en],
    )?;
    Ok(conn.last_insert_rowid())
}

/// Inserts an item with its sizes, allowed extras and ingredients (which must exist).
pub fn insert_item(conn: &Connection, item: &Item) -> Result<i64, StoreError> {
    conn.execute(
        "INSERT INTO items (category_id, name_nl, name_en, description_nl, description_en, vat_rate,
                            allergens, sold_out, position)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            item.category_id,
            item.name.nl,
            item.name.en,
            item.description.nl,
            item.description.en,
            vat_code(item.vat),
            serde_json::to_string(&item.allergens)?,
            item.sold_out,
            item.position
        ],
    )?;
    let id = conn.last_insert_rowid();
    write_item_parts(conn, id, item)?;
    Ok(id)
}

fn write_item_parts(conn: &Connection, id: i64, item: &Item) -> Result<(), StoreError> {
    for (position, size) in item.sizes.iter().enumerate() {
        conn.execute(
            "INSERT INTO item_sizes (item_id, code, name_nl, name_en, price_cents, position)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                id,
                size.code,
                size.name.nl,
                size.name.en,
                size.price,
                position as i64
            ],
        )?;
    }
    for extra_id in &item.extras {
        conn.execute(
            "INSERT INTO item_extras (item_id, extra_id) VALUES (?1, ?2)",
            params![id, extra_id],
        )?;
    }
    for (position, ingredient) in item.ingredients.iter().enumerate() {
        conn.execute(
            "INSERT INTO item_ingredients (item_id, ingredient_id, position) VALUES (?1, ?2, ?3)",
            params![id, ingredient.id, position as i64],
        )?;
    }
    Ok(())
}

/// Replaces an item's fields, sizes, extras and ingredients. Returns false when it does not exist.
pub fn update_item(conn: &Connection, item: &Item) -> Result<bool, StoreError> {
    let changed = conn.execute(
        "UPDATE items SET category_id = ?2, name_nl = ?3, name_en = ?4, description_nl = ?5,
            description_en = ?6, vat_rate = ?7, allergens = ?8, sold_out = ?9, position = ?10
         WHERE id = ?1",
        params![
            item.id,
            item.category_id,
            item.name.nl,
            item.name.en,
            item.description.nl,
            item.description.en,
            vat_code(item.vat),
            serde_json::to_string(&item.allergens)?,
            item.sold_out,
            item.position
        ],
    )?;
    if changed == 0 {
        return Ok(false);
    }
    for table in ["item_sizes", "item_extras", "item_ingredients"] {
        conn.execute(
            &format!("DELETE FROM {table} WHERE item_id = ?1"),
            [item.id],
        )?;
    }
    write_item_parts(conn, item.id, item)?;
    Ok(true)
}

/// Marks an item sold out or available again. Returns false when it does not exist.
pub fn set_sold_out(conn: &Connection, item_id: i64, sold_out: bool) -> Result<bool, StoreError> {
    Ok(conn.execute(
        "UPDATE items SET sold_out = ?2 WHERE id = ?1",
        params![item_id, sold_out],
    )? > 0)
}

pub fn is_empty(conn: &Connection) -> Result<bool, StoreError> {
    Ok(conn.query_row("SELECT NOT EXISTS (SELECT 1 FROM items)", [], |r| r.get(0))?)
}
