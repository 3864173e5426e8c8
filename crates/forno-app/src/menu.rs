//! Menu and settings as staff see and change them: sold-out, item edits, shop settings and the
//! pause switch. Each change is one transaction with its event; the cached menu and settings
//! are swapped after the commit.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use forno_domain::{Item, Menu, Message, Permission, ValidationError, money::format_euro, msg};
use forno_store::{Connection, StoreError};

use crate::auth::Actor;
use crate::events::{Event, PublishedEvent, publish, record};
use crate::settings::{SETTINGS_KEY, ShopSettings};
use crate::shop::load_cached;
use crate::{AppError, Shop};

/// The one event of a menu change (`item_id` `None`: categories or the order of things).
pub(crate) fn menu_event(
    conn: &Connection,
    at: DateTime<Utc>,
    item_id: Option<i64>,
) -> Result<PublishedEvent, StoreError> {
    record(conn, at, Event::MenuUpdated { item_id })
}

impl Shop {
    /// Commits a menu or settings change, then swaps the cache and publishes, in that order.
    pub(crate) async fn write_shop_change(
        &self,
        work: impl FnOnce(&Connection) -> Result<PublishedEvent, AppError> + Send + 'static,
    ) -> Result<(), AppError> {
        self.create_in_shop_change(move |conn| Ok(((), work(conn)?)))
            .await
    }

    /// `write_shop_change` for a change that makes something (a category, an item, a photo):
    /// returns what `work` made, e.g. its new id, once it is committed.
    pub(crate) async fn create_in_shop_change<T: Send + 'static>(
        &self,
        work: impl FnOnce(&Connection) -> Result<(T, PublishedEvent), AppError> + Send + 'static,
    ) -> Result<T, AppError> {
        let shop = self.clone();
        let bus = self.bus();
        self.store()
            .write(
                move |conn| {
                    let (made, event) = work(conn)?;
                    let (menu, settings) = load_cached(conn)?;
                    Ok((made, event, menu, settings))
                },
                move |(_, event, menu, settings): &(T, PublishedEvent, _, _)| {
                    shop.refresh_cache(Some(menu.clone()), Some(settings.clone()));
                    publish(&bus, std::slice::from_ref(event));
                },
            )
            .await
            .map(|(made, ..)| made)
    }

    /// The menu as staff edit it (the public menu needs no role; this one is for the screens
    /// that change it).
    pub fn staff_menu(&self, actor: &Actor) -> Result<Arc<Menu>, AppError> {
        actor.require(Permission::ViewMenu)?;
        Ok(self.menu())
    }

    /// The shop's settings as the settings page edits them.
    pub fn staff_settings(&self, actor: &Actor) -> Result<Arc<ShopSettings>, AppError> {
        actor.require(Permission::ViewSettings)?;
        Ok(self.settings())
    }

    pub async fn set_sold_out(
        &self,
        actor: &Actor,
        item_id: i64,
        sold_out: bool,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        actor.require(Permission::MarkSoldOut)?;
        self.write_shop_change(move |conn| {
            if !forno_store::menu::set_sold_out(conn, item_id, sold_out)? {
                return Err(AppError::not_found(no_such_item(item_id)));
            }
            Ok(menu_event(conn, now, Some(item_id))?)
        })
        .await
    }

    /// Replaces an item. Price changes go to the audit log.
    pub async fn update_item(
        &self,
        actor: &Actor,
        item: Item,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        actor.require(Permission::EditMenu)?;
        let item = item.checked(&self.menu())?;
        let staff_id = actor.staff_id;
        self.write_shop_change(move |conn| {
            let menu = forno_store::menu::load(conn)?;
            let before = menu
                .item(item.id)
                .ok_or_else(|| AppError::not_found(no_such_item(item.id)))?
                .clone();
            let item = with_known_ingredients(conn, item)?;
            forno_store::menu::update_item(conn, &item)?;
            let (before, after) = (prices(&menu, &before), prices(&menu, &item));
            if before != after {
                forno_store::audit::record(
                    conn,
                    now,
                    staff_id,
                    "menu.price_changed",
                    None,
                    &serde_json::json!({ "item_id": item.id, "item": item.name.nl, "before": before, "after": after }),
                )?;
            }
            Ok(menu_event(conn, now, Some(item.id))?)
        })
        .await
    }

    pub async fn update_settings(
        &self,
        actor: &Actor,
        settings: ShopSettings,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        actor.require(Permission::EditSettings)?;
        let settings = settings.checked()?;
        let changed = crate::settings::changed_fields(&self.settings(), &settings);
        let (staff_id, by) = (actor.staff_id, actor.name.clone());
        self.save_settings_with(settings, now, move |conn| {
            Ok(forno_store::audit::record(
                conn,
                now,
                staff_id,
                "shop.settings_changed",
                None,
                &serde_json::json!({ "changed": changed, "by": by }),
            )?)
        })
        .await
    }

    /// Pauses or resumes online orders (the counter keeps working).
    pub async fn set_paused(
        &self,
        actor: &Actor,
        paused: bool,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        actor.require(Permission::PauseOnlineOrders)?;
        let mut settings = (*self.settings()).clone();
        settings.paused = paused;
        let staff_id = actor.staff_id;
        let shop = self.clone();
        shop.save_settings_with(settings, now, move |conn| {
            Ok(forno_store::audit::record(
                conn,
                now,
                staff_id,
                if paused {
                    "shop.paused"
                } else {
                    "shop.resumed"
                },
                None,
                &serde_json::json!({}),
            )?)
        })
        .await
    }

    /// Raises (or lowers) the prep time for new orders when it gets busy: one of the counter's
    /// busy switches, with the pause, for the same people.
    pub async fn set_prep_time(
        &self,
        actor: &Actor,
        minutes: i64,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        actor.require(Permission::PauseOnlineOrders)?;
        if !forno_domain::status::PREP_MINUTES.contains(&minutes) {
            return Err(forno_domain::ValidationError::field(
                "prep_time_minutes",
                forno_domain::status::prep_time_out_of_range(),
            )
            .into());
        }
        let mut settings = (*self.settings()).clone();
        let before = settings.prep_time_minutes;
        settings.prep_time_minutes = minutes;
        let staff_id = actor.staff_id;
        self.save_settings_with(settings, now, move |conn| {
            Ok(forno_store::audit::record(
                conn,
                now,
                staff_id,
                "shop.prep_time_changed",
                None,
                &serde_json::json!({ "from": before, "to": minutes }),
            )?)
        })
        .await
    }

    /// Saves the settings and does `also` in the same transaction, with one `shop.updated` event.
    pub(crate) async fn save_settings_with(
        &self,
        settings: ShopSettings,
        now: DateTime<Utc>,
        also: impl FnOnce(&Connection) -> Result<(), AppError> + Send + 'static,
    ) -> Result<(), AppError> {
        self.write_shop_change(move |conn| {
            forno_store::settings::put(conn, SETTINGS_KEY, &settings)?;
            also(conn)?;
            Ok(record(
                conn,
                now,
                Event::ShopUpdated {
                    paused: settings.paused,
                    prep_time_minutes: settings.prep_time_minutes,
                },
            )?)
        })
        .await
    }
}

/// An item's prices as the audit log shows them: each size, then each extra in each size
/// (`"30 € 11,50"`, `"Extra kaas 30 € 1,50"`).
pub(crate) fn prices(menu: &Menu, item: &Item) -> Vec<String> {
    let sizes = item
        .sizes
        .iter()
        .map(|s| format!("{} {}", s.code, format_euro(s.price)));
    let extras = item
        .extras
        .iter()
        .filter_map(|id| menu.extra(*id))
        .flat_map(|extra| {
            item.sizes.iter().map(move |s| {
                format!(
                    "{} {} {}",
                    extra.name.nl,
                    s.code,
                    format_euro(item.extra_price(extra, &s.code))
                )
            })
        });
    sizes.chain(extras).collect()
}

/// Gives an item's chosen ingredients their names from the ingredients there are; an id that is
/// not one is told at `ingredients[i]`. New ones (id 0) are added when the item is saved.
pub(crate) fn with_known_ingredients(conn: &Connection, item: Item) -> Result<Item, AppError> {
    let known = forno_store::menu::ingredients(conn)?;
    let ingredients = item
        .ingredients
        .into_iter()
        .enumerate()
        .map(|(i, ingredient)| {
            if ingredient.id == 0 {
                return Ok(ingredient);
            }
            let id = ingredient.id;
            known.iter().find(|k| k.id == id).cloned().ok_or_else(|| {
                ValidationError::field(
                    format!("ingredients[{i}]"),
                    msg!(
                        nl: "Ingrediënt {id} bestaat niet.",
                        en: "There is no ingredient {id}."
                    ),
                )
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Item {
        ingredients,
        ..item
    })
}

pub(crate) fn no_such_item(item_id: i64) -> Message {
    msg!(
        nl: "Product {item_id} staat niet op de kaart.",
        en: "There is no menu item {item_id}."
    )
}
