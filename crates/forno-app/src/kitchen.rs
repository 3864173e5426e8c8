//! The kitchen's use cases: stations (read by every screen, set by whoever edits the settings),
//! lines marked done (stored, so two screens agree; an `order.line_done` event for staff), and
//! the recall of a bump (the kitchen's recall key and the owner's undo). The rules themselves
//! are `forno_domain::kitchen`'s.

use chrono::{DateTime, Utc};
use forno_domain::{
    Message, Order, OrderStatus, Permission, Station, Stations, ValidationError, msg,
};
use forno_store::{Connection, StoreError};
use serde::{Deserialize, Serialize};

use crate::auth::Actor;
use crate::events::{Event, PublishedEvent, publish, record};
use crate::{AppError, Shop};

/// Where the stations are kept in the settings table.
const STATIONS_KEY: &str = "stations";

/// The stored form of the stations (forno-app's own serde type; the domain's has none).
#[derive(Serialize, Deserialize, Default)]
struct StationsDocument {
    stations: Vec<StationDocument>,
}

#[derive(Serialize, Deserialize)]
struct StationDocument {
    code: String,
    name: String,
    category_ids: Vec<i64>,
}

pub(crate) fn load_stations(conn: &Connection) -> Result<Stations, StoreError> {
    let document: StationsDocument =
        forno_store::settings::get(conn, STATIONS_KEY)?.unwrap_or_default();
    Ok(Stations(
        document
            .stations
            .into_iter()
            .map(|s| Station {
                code: s.code,
                name: s.name,
                category_ids: s.category_ids,
            })
            .collect(),
    ))
}

fn no_such_order(order_id: i64) -> Message {
    msg!(
        nl: "Bestelling {order_id} bestaat niet.",
        en: "There is no order {order_id}."
    )
}

fn get_order(conn: &Connection, order_id: i64) -> Result<Order, AppError> {
    forno_store::orders::get(conn, order_id)?
        .ok_or_else(|| AppError::not_found(no_such_order(order_id)))
}

impl Shop {
    /// The stations the owner set up (none: the kitchen is one station).
    pub async fn stations(&self, actor: &Actor) -> Result<Stations, AppError> {
        actor.require(Permission::ViewOrders)?;
        self.read(|conn| Ok(load_stations(conn)?)).await
    }

    /// Replaces the stations; screens hear of it by a `shop.updated` event.
    pub async fn set_stations(
        &self,
        actor: &Actor,
        stations: Stations,
        now: DateTime<Utc>,
    ) -> Result<Stations, AppError> {
        actor.require(Permission::EditSettings)?;
        let stations = stations.checked(&self.menu())?;
        let document = StationsDocument {
            stations: stations
                .0
                .iter()
                .map(|s| StationDocument {
                    code: s.code.clone(),
                    name: s.name.clone(),
                    category_ids: s.category_ids.clone(),
                })
                .collect(),
        };
        let settings = self.settings();
        let (staff_id, by) = (actor.staff_id, actor.name.clone());
        self.write_shop_change(move |conn| {
            forno_store::settings::put(conn, STATIONS_KEY, &document)?;
            forno_store::audit::record(
                conn,
                now,
                staff_id,
                "shop.settings_changed",
                None,
                &serde_json::json!({ "changed": ["stations"], "by": by }),
            )?;
            Ok(record(
                conn,
                now,
                Event::ShopUpdated {
                    paused: settings.paused,
                    prep_time_minutes: settings.prep_time_minutes,
                },
            )?)
        })
        .await?;
        Ok(stations)
    }

    /// Marks lines of an open order done (or not done again), by their positions on the order.
    pub async fn set_lines_done(
        &self,
        actor: &Actor,
        order_id: i64,
        lines: Vec<usize>,
        done: bool,
        now: DateTime<Utc>,
    ) -> Result<Order, AppError> {
        actor.require(Permission::PrepareOrders)?;
        if lines.is_empty() {
            return Err(ValidationError::field(
                "lines",
                msg!(
                    nl: "Zeg welke regels klaar zijn (hun plaats op de bon, vanaf 0).",
                    en: "Say which lines are done (their places on the ticket, from 0)."
                ),
            )
            .into());
        }
        let bus = self.bus();
        self.store()
            .write(
                move |conn| -> Result<(Order, Option<PublishedEvent>), AppError> {
                    let order = get_order(conn, order_id)?;
                    if let Some(bad) = lines.iter().find(|i| **i >= order.lines.len()) {
                        let count = order.lines.len();
                        return Err(ValidationError::field(
                            "lines",
                            msg!(
                                nl: "Bestelling {order_id} heeft geen regel {bad}; ze heeft {count} regels (0 tot {count}).",
                                en: "Order {order_id} has no line {bad}; it has {count} lines (0 up to {count})."
                            ),
                        )
                        .into());
                    }
                    if !order.status.is_open() {
                        let number = order.number();
                        let (nl, en) = (order.status.words().nl().to_owned(), order.status.words().en().to_owned());
                        return Err(AppError::Conflict(msg!(
                            nl: "Bestelling {number} is al {nl}; er valt niets meer aan te maken.",
                            en: "Order {number} is already {en}; there is nothing left to make."
                        )));
                    }
                    let changed =
                        forno_store::orders::set_lines_done(conn, order_id, &lines, done, now)?;
                    let order = get_order(conn, order_id)?;
                    if changed == 0 {
                        // Already so (another screen was first): nothing to tell anyone.
                        return Ok((order, None));
                    }
                    let event = record(
                        conn,
                        now,
                        Event::OrderLinesDone {
                            order: order.clone(),
                            lines,
                            done,
                        },
                    )?;
                    Ok((order, Some(event)))
                },
                move |(_, event)| publish(&bus, event.as_slice()),
            )
            .await
            .map(|(order, _)| order)
    }

    /// Takes an order's last step back (the kitchen's recall, the owner's undo), within
    /// `forno_domain::kitchen::RECALL_MINUTES`. The actor needs the action of the step being
    /// taken back. Undoing a cancellation goes to the audit log, as the cancellation did.
    pub async fn recall(
        &self,
        actor: &Actor,
        order_id: i64,
        now: DateTime<Utc>,
    ) -> Result<Order, AppError> {
        let actor = actor.clone();
        let bus = self.bus();
        self.store()
            .write(
                move |conn| -> Result<(Order, PublishedEvent), AppError> {
                    let order = get_order(conn, order_id)?;
                    let from = order.status;
                    let to = order
                        .recall(now)
                        .map_err(|e| AppError::Conflict(e.message(&order)))?;
                    actor.require(Permission::to_move_order_to(from))?;
                    forno_store::orders::recall_status(conn, order_id, to, now, actor.staff_id)?;
                    if from == OrderStatus::Cancelled {
                        forno_store::audit::record(
                            conn,
                            now,
                            actor.staff_id,
                            "order.cancel_undone",
                            Some(order_id),
                            &serde_json::json!({ "number": order.number(), "to": to.as_str() }),
                        )?;
                    }
                    let order = get_order(conn, order_id)?;
                    let event = record(
                        conn,
                        now,
                        Event::OrderStatusChanged {
                            order: order.clone(),
                            from,
                            to,
                        },
                    )?;
                    Ok((order, event))
                },
                move |(_, event)| publish(&bus, std::slice::from_ref(event)),
            )
            .await
            .map(|(order, _)| order)
    }
}
