//! Order use cases: quote, place (web and counter), change status, cancel, read and list, and the
//! event log for screens that resync.

use chrono::{DateTime, Duration, Utc};
use forno_domain::{
    Channel, Order, OrderRequest, OrderStatus, Permission, PricedOrder, RequestedTime, Role,
    StatusChange, ValidationError, price_order,
};
use forno_store::StoreError;
use forno_store::orders::{NewOrder, OrderFilter};
use sha2::{Digest, Sha256};

use crate::auth::{Actor, new_token};
use crate::events::{Event, PublishedEvent, publish, record};
use crate::{AppError, Shop};

/// A priced cart with the time it would be ready.
#[derive(Debug, Clone)]
pub struct Quote {
    pub priced: PricedOrder,
    pub estimated_ready_at: DateTime<Utc>,
}

/// The answer to "place order": the order, and whether this call created it (false when an
/// `Idempotency-Key` repeated an earlier call).
#[derive(Debug, Clone)]
pub struct PlacedOrder {
    pub order: Order,
    pub created: bool,
}

/// A page of the event log.
#[derive(Debug, Clone)]
pub struct EventPage {
    pub events: Vec<PublishedEvent>,
    pub head_seq: i64,
    pub oldest_seq: i64,
}

impl Shop {
    /// Checks and prices a cart and works out when it would be ready, without writing anything.
    pub fn quote(&self, request: &OrderRequest, now: DateTime<Utc>) -> Result<Quote, AppError> {
        let settings = self.settings();
        if request.channel == Channel::Web {
            if settings.paused {
                return Err(AppError::ShopPaused);
            }
            let offered = if request.fulfilment.is_delivery() {
                settings.delivery_enabled
            } else {
                settings.pickup_enabled
            };
            if !offered {
                return Err(ValidationError::field(
                    "fulfilment.type",
                    format!("We do not offer {} right now.", request.fulfilment.kind()),
                )
                .into());
            }
        }
        let priced = price_order(&self.menu(), &settings.zones, request)?;
        let extra = priced.zone.as_ref().map_or(0, |z| z.extra_minutes);
        let clock = settings.clock();
        let estimated_ready_at = match (request.channel, request.requested_time) {
            // Staff at the counter take orders whenever they are there; only the past is refused.
            (Channel::Counter | Channel::Phone, RequestedTime::Asap) => {
                now + Duration::minutes(clock.lead_minutes(extra))
            }
            (Channel::Counter | Channel::Phone, RequestedTime::Slot(at)) if at < now => {
                return Err(ValidationError::field(
                    "requested_time",
                    format!(
                        "{} is in the past; choose a later time.",
                        clock.describe(at)
                    ),
                )
                .into());
            }
            (Channel::Counter | Channel::Phone, RequestedTime::Slot(at)) => at,
            (Channel::Web, requested) => clock.check_requested_time(now, requested, extra)?,
        };
        Ok(Quote {
            priced,
            estimated_ready_at,
        })
    }

    /// Places an order in one transaction: customer, order, lines, history, event and the
    /// idempotency key. A repeated key returns the first order; a key reused for a different
    /// order is refused.
    pub async fn place_order(
        &self,
        request: OrderRequest,
        idempotency_key: Option<String>,
        actor: Option<&Actor>,
        now: DateTime<Utc>,
    ) -> Result<PlacedOrder, AppError> {
        match (request.channel, actor) {
            (Channel::Web, _) => {}
            (_, Some(actor)) => actor.require(Permission::TakeOrders)?,
            (_, None) => {
                return Err(AppError::Unauthorized(
                    "Counter and phone orders need a staff login.".into(),
                ));
            }
        }
        let quote = self.quote(&request, now)?;
        let request_hash = {
            let canonical = serde_json::to_vec(&request).unwrap_or_default();
            let digest = Sha256::digest(&canonical);
            digest
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect::<String>()
        };
        let business_date = self.settings().clock().business_date(now);
        let staff_id = actor.and_then(|a| a.staff_id);
        let bus = self.bus();
        self.store()
            .write(
                move |conn| -> Result<(PlacedOrder, Option<PublishedEvent>), AppError> {
                    if let Some(key) = &idempotency_key
                        && let Some((hash, order_id)) = forno_store::idempotency::find(conn, key)?
                    {
                        if hash != request_hash {
                            return Err(AppError::Conflict(
                                "This Idempotency-Key was already used for a different order; use a new key for a new order.".into(),
                            ));
                        }
                        let order = forno_store::orders::get(conn, order_id)?
                            .ok_or_else(|| AppError::not_found("The earlier order for this key is gone."))?;
                        return Ok((PlacedOrder { order, created: false }, None));
                    }
                    let customer_id = match &request.contact {
                        Some(c) if !c.phone.is_empty() || c.email.is_some() => {
                            forno_store::customers::record_order(conn, &c.name, &c.phone, c.email.as_deref(), now)?
                        }
                        _ => None,
                    };
                    let token = new_token(16);
                    let id = forno_store::orders::insert(
                        conn,
                        &NewOrder {
                            business_date,
                            tracking_token: &token,
                            channel: request.channel,
                            fulfilment: &request.fulfilment,
                            requested_time: match request.requested_time {
                                RequestedTime::Asap => None,
                                RequestedTime::Slot(at) => Some(at),
                            },
                            estimated_ready_at: quote.estimated_ready_at,
                            contact: request.contact.as_ref(),
                            customer_id,
                            note: request.note.as_deref().map(str::trim).filter(|n| !n.is_empty()),
                            priced: &quote.priced,
                            placed_by_staff_id: staff_id,
                            at: now,
                        },
                    )?;
                    if let Some(key) = &idempotency_key {
                        forno_store::idempotency::remember(conn, key, &request_hash, id, now)?;
                    }
                    let order = forno_store::orders::get(conn, id)?
                        .ok_or_else(|| AppError::not_found("The new order vanished."))?;
                    let event = record(conn, now, Event::OrderPlaced { order: order.clone() })?;
                    Ok((PlacedOrder { order, created: true }, Some(event)))
                },
                move |(_, event)| publish(&bus, event.as_slice()),
            )
            .await
            .map(|(placed, _)| placed)
    }

    /// Moves an order to another status, checking the machine and the actor's role. A
    /// cancellation needs a reason and goes to the audit log.
    pub async fn change_status(
        &self,
        order_id: i64,
        change: StatusChange,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<Order, AppError> {
        actor.require(Role::permission_for_status(change.to))?;
        let reason = change
            .reason
            .as_deref()
            .map(str::trim)
            .filter(|r| !r.is_empty())
            .map(str::to_owned);
        if change.to == OrderStatus::Cancelled && reason.is_none() {
            return Err(ValidationError::field(
                "reason",
                "Say why the order is cancelled; it goes on the record.",
            )
            .into());
        }
        if let Some(minutes) = change.prep_time_minutes
            && !(1..=240).contains(&minutes)
        {
            return Err(ValidationError::field(
                "prep_time_minutes",
                "The prep time must be between 1 and 240 minutes.",
            )
            .into());
        }
        let staff_id = actor.staff_id;
        let bus = self.bus();
        self.store()
            .write(
                move |conn| -> Result<(Order, PublishedEvent), AppError> {
                    let order = forno_store::orders::get(conn, order_id)?.ok_or_else(|| {
                        AppError::not_found(format!("There is no order {order_id}."))
                    })?;
                    let from = order.status;
                    from.check_transition(change.to, order.fulfilment.is_delivery())?;
                    // Accepting with a prep time promises a new ready time, never before the slot.
                    let eta = change
                        .prep_time_minutes
                        .filter(|_| change.to == OrderStatus::Accepted)
                        .map(|minutes| {
                            let extra = order.zone.as_ref().map_or(0, |z| z.extra_minutes);
                            let ready = now + Duration::minutes(minutes + extra);
                            order.requested_time.map_or(ready, |slot| slot.max(ready))
                        });
                    forno_store::orders::set_status(
                        conn,
                        order_id,
                        change.to,
                        now,
                        staff_id,
                        reason.as_deref(),
                        eta,
                    )?;
                    if change.to == OrderStatus::Cancelled {
                        forno_store::audit::record(
                            conn,
                            now,
                            staff_id,
                            "order.cancelled",
                            Some(order_id),
                            &serde_json::json!({
                                "number": order.number(),
                                "from": from.as_str(),
                                "total_cents": order.total,
                                "reason": reason,
                            }),
                        )?;
                    }
                    let order = forno_store::orders::get(conn, order_id)?.ok_or_else(|| {
                        AppError::not_found(format!("There is no order {order_id}."))
                    })?;
                    let event = if change.to == OrderStatus::Cancelled {
                        Event::OrderCancelled {
                            order: order.clone(),
                            from,
                        }
                    } else {
                        Event::OrderStatusChanged {
                            order: order.clone(),
                            from,
                            to: change.to,
                        }
                    };
                    let event = record(conn, now, event)?;
                    Ok((order, event))
                },
                move |(_, event)| publish(&bus, std::slice::from_ref(event)),
            )
            .await
            .map(|(order, _)| order)
    }

    pub async fn order(&self, order_id: i64) -> Result<Order, AppError> {
        self.read(move |conn| {
            forno_store::orders::get(conn, order_id)?
                .ok_or_else(|| AppError::not_found(format!("There is no order {order_id}.")))
        })
        .await
    }

    /// The order behind a customer's tracking token.
    pub async fn track(&self, token: &str) -> Result<Order, AppError> {
        let token = token.to_owned();
        self.read(move |conn| {
            forno_store::orders::by_tracking_token(conn, &token)?.ok_or_else(|| {
                AppError::not_found("We cannot find an order for this tracking link; check that you copied the whole link.")
            })
        })
        .await
    }

    pub async fn orders(&self, filter: OrderFilter) -> Result<(Vec<Order>, i64), AppError> {
        self.read(move |conn| Ok(forno_store::orders::list(conn, &filter)?))
            .await
    }

    pub async fn open_orders(&self) -> Result<Vec<Order>, AppError> {
        self.read(|conn| Ok(forno_store::orders::open_orders(conn)?))
            .await
    }

    /// Events after `after`, oldest first, at most `limit`, with the log's bounds.
    pub async fn events_after(&self, after: i64, limit: i64) -> Result<EventPage, AppError> {
        self.read(move |conn| {
            let (head_seq, oldest_seq) = forno_store::events::bounds(conn)?;
            let events = forno_store::events::after(conn, after, limit)?
                .into_iter()
                .map(PublishedEvent::from_stored)
                .collect();
            Ok(EventPage {
                events,
                head_seq,
                oldest_seq,
            })
        })
        .await
    }

    /// One order's events after `after` (a customer's tracking stream).
    pub async fn order_events_after(
        &self,
        order_id: i64,
        after: i64,
    ) -> Result<Vec<PublishedEvent>, AppError> {
        self.read(move |conn| {
            Ok(forno_store::events::for_order_after(conn, order_id, after)?
                .into_iter()
                .map(PublishedEvent::from_stored)
                .collect())
        })
        .await
    }

    pub async fn audit_log(
        &self,
        actor: &Actor,
        limit: i64,
    ) -> Result<Vec<forno_store::audit::AuditEntry>, AppError> {
        actor.require(Permission::EditSettings)?;
        self.read(move |conn| Ok(forno_store::audit::recent(conn, limit)?))
            .await
    }
}

/// Everything a screen needs to rebuild its state, consistent with `head_seq`.
#[derive(Debug, Clone)]
pub struct Snapshot {
    pub head_seq: i64,
    pub orders: Vec<Order>,
}

impl Shop {
    /// All open orders (or the one order `only`) and the event seq they are current at, read in
    /// one read transaction so nothing slips between them.
    pub async fn snapshot(&self, only: Option<i64>) -> Result<Snapshot, AppError> {
        self.read(move |conn| {
            let tx = conn.unchecked_transaction().map_err(StoreError::from)?;
            let (head_seq, _) = forno_store::events::bounds(&tx)?;
            let orders = match only {
                Some(id) => forno_store::orders::get(&tx, id)?.into_iter().collect(),
                None => forno_store::orders::open_orders(&tx)?,
            };
            tx.commit().map_err(StoreError::from)?;
            Ok(Snapshot { head_seq, orders })
        })
        .await
    }

    pub async fn order_id_for_token(&self, token: &str) -> Result<Option<i64>, AppError> {
        let token = token.to_owned();
        self.read(move |conn| Ok(forno_store::orders::id_by_tracking_token(conn, &token)?))
            .await
    }
}
