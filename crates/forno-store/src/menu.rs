//! The menu tables: categories, items with sizes, extras with per-size prices, ingredients,
//! photos. Archived categories and items stay in their tables (old orders refer to them) but
//! are not part of the menu `load` returns.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Utc};
use forno_domain::hours::{ClockTime, OpeningPeriod};
use forno_domain::{Allergen, Category, Extra, Ingredient, Item, Menu, Size, Translated};
use rusqlite::{Connection, OptionalExtension, params};

use crate::{StoreError, vat_code, vat_from_code};

/// The whole menu as it is sold, in menu order, without what is archived.
pub fn load(conn: &Connection) -> Result<Menu, StoreError> {
    load_where(conn, false)
}

/// Only what is archived: the categories and items the owner took off the menu (to put back).
pub fn load_archived(conn: &Connection) -> Result<Menu, StoreError> {
    load_where(conn, true)
}

fn load_where(conn: &Connection, archived: bool) -> Result<Menu, StoreError> {
    let categories = conn
        .prepare_cached(
            "SELECT id, name_nl, name_en, position, halves_allowed, vat_rate FROM categories
             WHERE (archived_at IS NOT NULL) = ?1 ORDER BY position, id",
        )?
        .query_map([archived], |r| {
            Ok((
                Category {
                    id: r.get(0)?,
                    name: Translated {
                        nl: r.get(1)?,
                        en: r.get(2)?,
                    },
                    position: r.get(3)?,
                    halves_allowed: r.get(4)?,
                    vat: forno_domain::VatRate::Reduced,
                },
                r.get::<_, String>(5)?,
            ))
        })?
        .map(|row| -> Result<Category, StoreError> {
            let (category, vat) = row?;
            Ok(Category {
                vat: vat_from_code(&vat)?,
                ..category
            })
        })
        .collect::<Result<Vec<_>, _>>()?;

    let mut extra_prices_of_items: HashMap<i64, BTreeMap<i64, BTreeMap<String, i64>>> =
        HashMap::new();
    for row in conn
        .prepare_cached("SELECT item_id, extra_id, size_code, price_cents FROM item_extra_prices")?
        .query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, i64>(3)?,
            ))
        })?
    {
        let (item_id, extra_id, code, price) = row?;
        extra_prices_of_items
            .entry(item_id)
            .or_default()
            .entry(extra_id)
            .or_default()
            .insert(code, price);
    }

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
                allergens, sold_out, position, available_from, available_until, photo_id
         FROM items WHERE (archived_at IS NOT NULL) = ?1 ORDER BY position, id",
    )?;
    let mut rows = stmt.query([archived])?;
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
            extra_prices: extra_prices_of_items.remove(&id).unwrap_or_default(),
            available: period(r.get(10)?, r.get(11)?),
            photo: r.get(12)?,
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

fn period(from: Option<String>, until: Option<String>) -> Option<OpeningPeriod> {
    Some(OpeningPeriod {
        open: ClockTime::parse(&from?)?,
        close: ClockTime::parse(&until?)?,
    })
}

pub fn insert_category(conn: &Connection, category: &Category) -> Result<i64, StoreError> {
    conn.execute(
        "INSERT INTO categories (name_nl, name_en, position, halves_allowed, vat_rate)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            category.name.nl,
            category.name.en,
            category.position,
            category.halves_allowed,
            vat_code(category.vat)
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

/// Changes a category's names, half-and-half and VAT rate (not its place: `reorder_categories`).
/// Returns false when there is no such category on the menu.
pub fn update_category(conn: &Connection, category: &Category) -> Result<bool, StoreError> {
    Ok(conn.execute(
        "UPDATE categories SET name_nl = ?2, name_en = ?3, halves_allowed = ?4, vat_rate = ?5
         WHERE id = ?1 AND archived_at IS NULL",
        params![
            category.id,
            category.name.nl,
            category.name.en,
            category.halves_allowed,
            vat_code(category.vat)
        ],
    )? > 0)
}

/// The next position at the end of the categories, or of a category's items.
pub fn next_position(conn: &Connection, category_id: Option<i64>) -> Result<i64, StoreError> {
    Ok(match category_id {
        None => conn.query_row(
            "SELECT COALESCE(MAX(position) + 1, 0) FROM categories",
            [],
            |r| r.get(0),
        )?,
        Some(id) => conn.query_row(
            "SELECT COALESCE(MAX(position) + 1, 0) FROM items WHERE category_id = ?1",
            [id],
            |r| r.get(0),
        )?,
    })
}

/// Archives a category or puts it back. Returns false when there is no such category.
pub fn set_category_archived(
    conn: &Connection,
    id: i64,
    at: Option<DateTime<Utc>>,
) -> Result<bool, StoreError> {
    Ok(conn.execute(
        "UPDATE categories SET archived_at = ?2 WHERE id = ?1",
        params![id, at.map(crate::timestamp)],
    )? > 0)
}

/// Archives an item or puts it back. Returns false when there is no such item.
pub fn set_item_archived(
    conn: &Connection,
    id: i64,
    at: Option<DateTime<Utc>>,
) -> Result<bool, StoreError> {
    Ok(conn.execute(
        "UPDATE items SET archived_at = ?2 WHERE id = ?1",
        params![id, at.map(crate::timestamp)],
    )? > 0)
}

/// The category an item is in, archived or not.
pub fn category_of_item(conn: &Connection, item_id: i64) -> Result<Option<i64>, StoreError> {
    Ok(conn
        .query_row(
            "SELECT category_id FROM items WHERE id = ?1",
            [item_id],
            |r| r.get(0),
        )
        .optional()?)
}

/// Puts the categories in the order of `ids`.
pub fn reorder_categories(conn: &Connection, ids: &[i64]) -> Result<(), StoreError> {
    for (position, id) in ids.iter().enumerate() {
        conn.execute(
            "UPDATE categories SET position = ?2 WHERE id = ?1",
            params![id, position as i64],
        )?;
    }
    Ok(())
}

/// Puts items in the order of `ids`.
pub fn reorder_items(conn: &Connection, ids: &[i64]) -> Result<(), StoreError> {
    for (position, id) in ids.iter().enumerate() {
        conn.execute(
            "UPDATE items SET position = ?2 WHERE id = ?1",
            params![id, position as i64],
        )?;
    }
    Ok(())
}

/// Every ingredient there is, to choose from for an item.
pub fn ingredients(conn: &Connection) -> Result<Vec<Ingredient>, StoreError> {
    Ok(conn
        .prepare_cached("SELECT id, name_nl, name_en FROM ingredients ORDER BY name_nl, id")?
        .query_map([], |r| {
            Ok(Ingredient {
                id: r.get(0)?,
                name: Translated {
                    nl: r.get(1)?,
                    en: r.get(2)?,
                },
            })
        })?
        .collect::<Result<Vec<_>, _>>()?)
}

/// A photo in one size, as served.
#[derive(Debug, Clone)]
pub struct PhotoFile {
    pub size: String,
    pub width: u32,
    pub height: u32,
    pub content_type: String,
    pub bytes: Vec<u8>,
}

/// Keeps a new photo of an item in its sizes and makes it the item's photo. Returns its id.
pub fn insert_photo(
    conn: &Connection,
    item_id: i64,
    at: DateTime<Utc>,
    files: &[PhotoFile],
) -> Result<i64, StoreError> {
    conn.execute(
        "INSERT INTO menu_photos (item_id, uploaded_at) VALUES (?1, ?2)",
        params![item_id, crate::timestamp(at)],
    )?;
    let photo_id = conn.last_insert_rowid();
    for file in files {
        conn.execute(
            "INSERT INTO menu_photo_files (photo_id, size, width, height, content_type, bytes)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                photo_id,
                file.size,
                file.width,
                file.height,
                file.content_type,
                file.bytes
            ],
        )?;
    }
    // The previous photo's files are no longer shown anywhere.
    conn.execute(
        "DELETE FROM menu_photo_files WHERE photo_id IN
            (SELECT photo_id FROM items WHERE id = ?1 AND photo_id IS NOT NULL)",
        [item_id],
    )?;
    conn.execute(
        "UPDATE items SET photo_id = ?2 WHERE id = ?1",
        params![item_id, photo_id],
    )?;
    Ok(photo_id)
}

/// Takes an item's photo away: the item shows none, and the photo's files go.
pub fn remove_photo(conn: &Connection, item_id: i64) -> Result<(), StoreError> {
    conn.execute(
        "DELETE FROM menu_photo_files WHERE photo_id IN
            (SELECT photo_id FROM items WHERE id = ?1 AND photo_id IS NOT NULL)",
        [item_id],
    )?;
    conn.execute("UPDATE items SET photo_id = NULL WHERE id = ?1", [item_id])?;
    Ok(())
}

/// One size of a photo.
pub fn photo_file(
    conn: &Connection,
    photo_id: i64,
    size: &str,
) -> Result<Option<PhotoFile>, StoreError> {
    Ok(conn
        .query_row(
            "SELECT size, width, height, content_type, bytes FROM menu_photo_files
             WHERE photo_id = ?1 AND size = ?2",
            params![photo_id, size],
            |r| {
                Ok(PhotoFile {
                    size: r.get(0)?,
                    width: r.get(1)?,
                    height: r.get(2)?,
                    content_type: r.get(3)?,
                    bytes: r.get(4)?,
                })
            },
        )
        .optional()?)
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
                            allergens, sold_out, position, available_from, available_until)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        params![
            item.category_id,
            item.name.nl,
            item.name.en,
            item.description.nl,
            item.description.en,
            vat_code(item.vat),
            serde_json::to_string(&item.allergens)?,
            item.sold_out,
            item.position,
            item.available.map(|p| p.open.to_string()),
            item.available.map(|p| p.close.to_string())
        ],
    )?;
    let id = conn.last_insert_rowid();
    write_item_parts(conn, id, item)?;
    Ok(id)
}

/// Writes an item's sizes, extras (with its own prices) and ingredients; a new ingredient
/// (`id` 0) is added to the ingredients first.
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
        for (code, price) in item.extra_prices.get(extra_id).into_iter().flatten() {
            conn.execute(
                "INSERT INTO item_extra_prices (item_id, extra_id, size_code, price_cents)
                 VALUES (?1, ?2, ?3, ?4)",
                params![id, extra_id, code, price],
            )?;
        }
    }
    for (position, ingredient) in item.ingredients.iter().enumerate() {
        let ingredient_id = match ingredient.id {
            0 => insert_ingredient(conn, &ingredient.name)?,
            known => known,
        };
        conn.execute(
            "INSERT INTO item_ingredients (item_id, ingredient_id, position) VALUES (?1, ?2, ?3)",
            params![id, ingredient_id, position as i64],
        )?;
    }
    Ok(())
}

/// Replaces an item's fields, sizes, extras and ingredients. Returns false when it does not exist.
pub fn update_item(conn: &Connection, item: &Item) -> Result<bool, StoreError> {
    let changed = conn.execute(
        "UPDATE items SET category_id = ?2, name_nl = ?3, name_en = ?4, description_nl = ?5,
            description_en = ?6, vat_rate = ?7, allergens = ?8, sold_out = ?9, position = ?10,
            available_from = ?11, available_until = ?12
         WHERE id = ?1 AND archived_at IS NULL",
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
            item.position,
            item.available.map(|p| p.open.to_string()),
            item.available.map(|p| p.close.to_string())
        ],
    )?;
    if changed == 0 {
        return Ok(false);
    }
    for table in [
        "item_sizes",
        "item_extras",
        "item_extra_prices",
        "item_ingredients",
    ] {
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
