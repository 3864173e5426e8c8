//! Order use cases: quote, place (web and counter), change status, cancel, read and list, and the
//! event log for screens that resync.

use chrono::{DateTime, Duration, Utc};
use forno_domain::{
    Channel, OrderRequest, OrderStatus, Permission, PricedOrder, RequestedTime, Role, StatusChange,
    ValidationError, price_order,
};
use forno_store::orders::{NewOrder, Order, OrderFilter};
use forno_store::{StoreError, events::StoredEvent};

use crate::auth::{Actor, new_token};
use crate::events::{EventKind, PublishedEvent, publish};
use crate::idempotency::{IdempotentCreate, Scope};
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

fn order_event(
    conn: &forno_store::Connection,
    kind: EventKind,
    order: &Order,
    extra: serde_json::Value,
    at: DateTime<Utc>,
) -> Result<StoredEvent, StoreError> {
    let mut data = serde_json::json!({ "order": order });
    if let (Some(data), serde_json::Value::Object(extra)) = (data.as_object_mut(), extra) {
        data.extend(extra);
    }
    forno_store::events::append(conn, kind.as_str(), at, Some(order.id), data)
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
        let idempotency = IdempotentCreate::new(Scope::Order, idempotency_key, &request);
        let business_date = self.settings().clock().business_date(now);
        let staff_id = actor.and_then(|a| a.staff_id);
        let bus = self.bus();
        self.store()
            .write(
                move |conn| -> Result<(PlacedOrder, Option<StoredEvent>), AppError> {
                    if let Some(order_id) = idempotency.earlier(conn)? {
                        let order = forno_store::orders::get(conn, order_id)?.ok_or_else(|| {
                            AppError::not_found("The earlier order for this key is gone.")
                        })?;
                        return Ok((
                            PlacedOrder {
                                order,
                                created: false,
                            },
                            None,
                        ));
                    }
                    let customer_id = match &request.contact {
                        Some(c) if !c.phone.is_empty() || c.email.is_some() => {
                            forno_store::customers::record_order(
                                conn,
                                &c.name,
                                &c.phone,
                                c.email.as_deref(),
                                now,
                            )?
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
                            note: request
                                .note
                                .as_deref()
                                .map(str::trim)
                                .filter(|n| !n.is_empty()),
                            priced: &quote.priced,
                            placed_by_staff_id: staff_id,
                            at: now,
                        },
                    )?;
                    idempotency.remember(conn, id, now)?;
                    let order = forno_store::orders::get(conn, id)?
                        .ok_or_else(|| AppError::not_found("The new order vanished."))?;
                    let event = order_event(
                        conn,
                        EventKind::OrderPlaced,
                        &order,
                        serde_json::json!({}),
                        now,
                    )?;
                    Ok((
                        PlacedOrder {
                            order,
                            created: true,
                        },
                        Some(event),
                    ))
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
                move |conn| -> Result<(Order, StoredEvent), AppError> {
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
                    let kind = if change.to == OrderStatus::Cancelled {
                        EventKind::OrderCancelled
                    } else {
                        EventKind::OrderStatusChanged
                    };
                    let event = order_event(
                        conn,
                        kind,
                        &order,
                        serde_json::json!({ "from": from.as_str(), "to": change.to.as_str() }),
                        now,
                    )?;
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
                .filter_map(PublishedEvent::from_stored)
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
                .filter_map(PublishedEvent::from_stored)
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
