//! The owner's menu editor (A6): categories and items created, edited, archived and put back,
//! reordered; extras added; photos uploaded. Each change is one transaction with one
//! `menu.updated` event (so the ordering page, counter and kitchen fetch the menu again) and,
//! when a price is set or changes, an audit entry with the old and new prices.
//!
//! Nothing on the menu is ever deleted: order lines copy an item's name and price, and an item
//! that was ever ordered stays in its table, archived, so old orders and reports keep it.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use forno_domain::{
    Category, Extra, Ingredient, Item, Menu, Permission, menu::check_new_order, msg,
};
use forno_store::menu::PhotoFile;

use crate::auth::Actor;
use crate::menu::{menu_event, no_such_item, prices, with_known_ingredients};
use crate::{AppError, Shop, photos};

/// Everything the menu editor shows: the menu as sold, what is archived, and the extras and
/// ingredients to choose from.
#[derive(Debug, Clone)]
pub struct MenuEditorView {
    pub menu: Arc<Menu>,
    pub archived: Menu,
    pub ingredients: Vec<Ingredient>,
}

fn no_such_category(category_id: i64) -> forno_domain::Message {
    msg!(
        nl: "Categorie {category_id} staat niet op de kaart.",
        en: "There is no menu category {category_id}."
    )
}

impl Shop {
    pub async fn menu_editor(&self, actor: &Actor) -> Result<MenuEditorView, AppError> {
        actor.require(Permission::ViewMenu)?;
        let menu = self.menu();
        let (archived, ingredients) = self
            .read(|conn| {
                Ok::<_, AppError>((
                    forno_store::menu::load_archived(conn)?,
                    forno_store::menu::ingredients(conn)?,
                ))
            })
            .await?;
        Ok(MenuEditorView {
            menu,
            archived,
            ingredients,
        })
    }

    /// Adds a category at the end of the menu. Returns its id.
    pub async fn create_category(
        &self,
        actor: &Actor,
        category: Category,
        now: DateTime<Utc>,
    ) -> Result<i64, AppError> {
        actor.require(Permission::EditMenu)?;
        let category = category.checked()?;
        self.create_in_shop_change(move |conn| {
            let position = forno_store::menu::next_position(conn, None)?;
            let new_id = forno_store::menu::insert_category(
                conn,
                &Category {
                    position,
                    ..category
                },
            )?;
            Ok((new_id, menu_event(conn, now, None)?))
        })
        .await
    }

    /// Changes a category's names, half-and-half and VAT rate.
    pub async fn update_category(
        &self,
        actor: &Actor,
        category: Category,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        actor.require(Permission::EditMenu)?;
        let category = category.checked()?;
        self.write_shop_change(move |conn| {
            if !forno_store::menu::update_category(conn, &category)? {
                return Err(AppError::not_found(no_such_category(category.id)));
            }
            Ok(menu_event(conn, now, None)?)
        })
        .await
    }

    /// Takes a category off the menu (only when it holds no items on the menu) or puts it back.
    pub async fn archive_category(
        &self,
        actor: &Actor,
        category_id: i64,
        archived: bool,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        actor.require(Permission::EditMenu)?;
        self.write_shop_change(move |conn| {
            let menu = forno_store::menu::load(conn)?;
            if archived {
                let category = menu
                    .category(category_id)
                    .ok_or_else(|| AppError::not_found(no_such_category(category_id)))?;
                let count = menu.items_in(category_id).count();
                if count > 0 {
                    let (naam, name) = category.name.both();
                    return Err(AppError::Conflict(msg!(
                        nl: "{naam} heeft nog {count} product(en) op de kaart; archiveer of verplaats die eerst.",
                        en: "{name} still has {count} item(s) on the menu; archive or move them first."
                    )));
                }
            }
            let at = archived.then_some(now);
            if !forno_store::menu::set_category_archived(conn, category_id, at)? {
                return Err(AppError::not_found(no_such_category(category_id)));
            }
            Ok(menu_event(conn, now, None)?)
        })
        .await
    }

    /// Puts the categories in the order of `ids` (each category on the menu, once).
    pub async fn reorder_categories(
        &self,
        actor: &Actor,
        ids: Vec<i64>,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        actor.require(Permission::EditMenu)?;
        self.write_shop_change(move |conn| {
            let menu = forno_store::menu::load(conn)?;
            let current: Vec<i64> = menu.categories.iter().map(|c| c.id).collect();
            check_new_order(&current, &ids)?;
            forno_store::menu::reorder_categories(conn, &ids)?;
            Ok(menu_event(conn, now, None)?)
        })
        .await
    }

    /// Puts a category's items in the order of `ids` (each of its items on the menu, once).
    pub async fn reorder_items(
        &self,
        actor: &Actor,
        category_id: i64,
        ids: Vec<i64>,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        actor.require(Permission::EditMenu)?;
        self.write_shop_change(move |conn| {
            let menu = forno_store::menu::load(conn)?;
            if menu.category(category_id).is_none() {
                return Err(AppError::not_found(no_such_category(category_id)));
            }
            let current: Vec<i64> = menu.items_in(category_id).map(|i| i.id).collect();
            check_new_order(&current, &ids)?;
            forno_store::menu::reorder_items(conn, &ids)?;
            Ok(menu_event(conn, now, None)?)
        })
        .await
    }

    /// Adds an item at the end of its category. Its prices go to the audit log. Returns its id.
    pub async fn create_item(
        &self,
        actor: &Actor,
        item: Item,
        now: DateTime<Utc>,
    ) -> Result<i64, AppError> {
        actor.require(Permission::EditMenu)?;
        let item = item.checked(&self.menu())?;
        let staff_id = actor.staff_id;
        self.create_in_shop_change(move |conn| {
            let menu = forno_store::menu::load(conn)?;
            // Checked again against the menu in this transaction: a category archived meanwhile.
            let item = with_known_ingredients(conn, item.checked(&menu)?)?;
            let position = forno_store::menu::next_position(conn, Some(item.category_id))?;
            let item = Item { position, ..item };
            let new_id = forno_store::menu::insert_item(conn, &item)?;
            forno_store::audit::record(
                conn,
                now,
                staff_id,
                "menu.item_created",
                None,
                &serde_json::json!({ "item_id": new_id, "item": item.name.nl, "before": [], "after": prices(&menu, &item) }),
            )?;
            Ok((new_id, menu_event(conn, now, Some(new_id))?))
        })
        .await
    }

    /// Takes an item off the menu or puts it back. It stays in its table: old orders name it.
    pub async fn archive_item(
        &self,
        actor: &Actor,
        item_id: i64,
        archived: bool,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        actor.require(Permission::EditMenu)?;
        let staff_id = actor.staff_id;
        self.write_shop_change(move |conn| {
            let Some(category_id) = forno_store::menu::category_of_item(conn, item_id)? else {
                return Err(AppError::not_found(no_such_item(item_id)));
            };
            if !archived
                && forno_store::menu::load(conn)?
                    .category(category_id)
                    .is_none()
            {
                return Err(AppError::Conflict(msg!(
                    nl: "De categorie van dit product is gearchiveerd; zet die eerst terug.",
                    en: "This item's category is archived; put the category back first."
                )));
            }
            let at = archived.then_some(now);
            forno_store::menu::set_item_archived(conn, item_id, at)?;
            forno_store::audit::record(
                conn,
                now,
                staff_id,
                if archived {
                    "menu.item_archived"
                } else {
                    "menu.item_restored"
                },
                None,
                &serde_json::json!({ "item_id": item_id }),
            )?;
            Ok(menu_event(conn, now, Some(item_id))?)
        })
        .await
    }

    /// Adds an extra that items can then offer. Returns its id.
    pub async fn create_extra(
        &self,
        actor: &Actor,
        extra: Extra,
        now: DateTime<Utc>,
    ) -> Result<i64, AppError> {
        actor.require(Permission::EditMenu)?;
        let extra = extra.checked()?;
        self.create_in_shop_change(move |conn| {
            let extra_id = forno_store::menu::insert_extra(conn, &extra)?;
            Ok((extra_id, menu_event(conn, now, None)?))
        })
        .await
    }

    /// Checks an upload, scales it to the kept sizes and makes it the item's photo. Returns the
    /// photo's id (its addresses change with every upload, so they can be cached for ever).
    pub async fn upload_photo(
        &self,
        actor: &Actor,
        item_id: i64,
        bytes: Vec<u8>,
        now: DateTime<Utc>,
    ) -> Result<i64, AppError> {
        actor.require(Permission::EditMenu)?;
        if self.menu().item(item_id).is_none() {
            return Err(AppError::not_found(no_such_item(item_id)));
        }
        let files = tokio::task::spawn_blocking(move || photos::prepare(&bytes))
            .await
            .map_err(|e| AppError::Config(format!("scaling a photo failed: {e}")))??;
        self.create_in_shop_change(move |conn| {
            if forno_store::menu::category_of_item(conn, item_id)?.is_none() {
                return Err(AppError::not_found(no_such_item(item_id)));
            }
            let photo_id = forno_store::menu::insert_photo(conn, item_id, now, &files)?;
            Ok((photo_id, menu_event(conn, now, Some(item_id))?))
        })
        .await
    }

    /// Takes an item's photo away (the owner chose the wrong one, or the dish changed): the
    /// menu shows none and the old addresses answer 404. Asking again when there is none
    /// changes nothing and sends no event.
    pub async fn remove_photo(
        &self,
        actor: &Actor,
        item_id: i64,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        actor.require(Permission::EditMenu)?;
        match self.menu().item(item_id) {
            None => return Err(AppError::not_found(no_such_item(item_id))),
            Some(item) if item.photo.is_none() => return Ok(()),
            Some(_) => {}
        }
        self.write_shop_change(move |conn| {
            forno_store::menu::remove_photo(conn, item_id)?;
            Ok(menu_event(conn, now, Some(item_id))?)
        })
        .await
    }

    /// One size of a photo, for anyone (photos are on the public menu).
    pub async fn photo(&self, photo_id: i64, size: String) -> Result<PhotoFile, AppError> {
        let not_found = || {
            AppError::not_found(msg!(
                nl: "Deze foto bestaat niet (meer).",
                en: "There is no such photo (any more)."
            ))
        };
        if !photos::is_size(&size) {
            return Err(not_found());
        }
        self.read(move |conn| {
            Ok::<_, AppError>(forno_store::menu::photo_file(conn, photo_id, &size)?)
        })
        .await?
        .ok_or_else(not_found)
    }
}
