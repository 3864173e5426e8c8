//! Order use cases: quote, place (web and counter), change status, cancel, read and list, and the
//! event log for screens that resync.

use chrono::{DateTime, Duration, Utc};
use forno_domain::{
    Channel, DeliveryZone, LineRequest, Menu, Message, Order, OrderRequest, OrderStatus,
    Permission, Postcode, PricedDiscount, PricedOrder, RequestedTime, StatusChange,
    ValidationError, msg, price_discount, price_order,
};
use forno_store::StoreError;
use forno_store::orders::{NewOrder, OrderFilter};

use crate::auth::{Actor, new_token};
use crate::discounts::{Approval, DiscountRequest};
use crate::events::{Event, PublishedEvent, publish, record};
use crate::idempotency::{IdempotentCreate, Scope};
use crate::{AppError, Shop};

/// A priced cart with the time it would be ready, and the discount the cashier gives on it.
#[derive(Debug, Clone)]
pub struct Quote {
    pub priced: PricedOrder,
    pub estimated_ready_at: DateTime<Utc>,
    /// A discount on the cart (counter and phone orders), priced like one on a placed order.
    pub discount: Option<PricedDiscount>,
}

impl Quote {
    /// What the customer pays: the cart less its discount.
    pub fn total(&self) -> i64 {
        self.priced.total - self.discount.as_ref().map_or(0, |d| d.amount)
    }

    /// VAT per rate after the discount.
    pub fn vat(&self) -> Vec<forno_domain::VatTotal> {
        forno_domain::discount::vat_after_discounts(
            self.priced.vat.clone(),
            self.discount.as_slice(),
        )
    }
}

/// A discount a cashier gives on a cart as it is placed, with the manager's approval if needed.
#[derive(Debug, Clone)]
pub struct CartDiscount {
    pub request: DiscountRequest,
    pub approval: Option<Approval>,
}

/// The answer to "place order": the order, and whether this call created it (false when an
/// `Idempotency-Key` repeated an earlier call).
#[derive(Debug, Clone)]
pub struct PlacedOrder {
    pub order: Order,
    pub created: bool,
}

/// Who asks for an order to be placed: it decides the order's channel.
#[derive(Debug, Clone, Copy)]
pub enum Orderer<'a> {
    /// No credentials: a customer on the ordering page. Their order is a web order whatever
    /// channel the request names, like any price a client sends, which is ignored too.
    Customer,
    /// A staff member or paired device: the channel the request names (a counter or phone order
    /// needs `take_orders`; `web` or none is a web order).
    Staff(&'a Actor),
    /// Credentials that no longer work (expired, logged out) or never did. A web order still
    /// goes through, so a stale staff cookie in a customer's browser never blocks ordering; a
    /// counter or phone order needs a fresh login.
    StaleCredentials,
}

impl Orderer<'_> {
    /// The channel of the order this orderer asks for with `requested`.
    fn channel(self, requested: Channel) -> Result<Channel, AppError> {
        match (requested, self) {
            (Channel::Web, _) | (_, Orderer::Customer) => Ok(Channel::Web),
            (staff_channel, Orderer::Staff(actor)) => {
                actor.require(Permission::TakeOrders)?;
                Ok(staff_channel)
            }
            (_, Orderer::StaleCredentials) => Err(AppError::Unauthorized(msg!(
                nl: "Voor bestellingen aan de balie of via de telefoon moet je ingelogd zijn; je sessie is verlopen, dus log opnieuw in met je pincode.",
                en: "Counter and phone orders need a staff login; your session has ended, so log in again with your PIN."
            ))),
        }
    }
}

/// A page of the event log.
#[derive(Debug, Clone)]
pub struct EventPage {
    pub events: Vec<PublishedEvent>,
    pub head_seq: i64,
    pub oldest_seq: i64,
}

/// Whether the kitchen has the order (open and past `placed`): cancelling it or voiding a line of
/// it now needs a manager or owner.
pub(crate) fn is_sent(status: OrderStatus) -> bool {
    status.is_open() && status != OrderStatus::Placed
}

fn no_such_order(order_id: i64) -> Message {
    msg!(
        nl: "Bestelling {order_id} bestaat niet.",
        en: "There is no order {order_id}."
    )
}

impl Shop {
    /// Checks and prices a cart and works out when it would be ready, without writing anything.
    /// The orderer decides the channel, as for placing it.
    pub fn quote(
        &self,
        mut request: OrderRequest,
        orderer: Orderer<'_>,
        now: DateTime<Utc>,
    ) -> Result<Quote, AppError> {
        request.channel = orderer.channel(request.channel)?;
        self.price(&request, now, forno_domain::price_quote)
    }

    /// `quote`, with a discount the cashier gives on the cart priced on it (nothing written;
    /// who approves is asked when the order is placed). Only staff give discounts.
    pub fn quote_with_discount(
        &self,
        request: OrderRequest,
        discount: Option<&DiscountRequest>,
        orderer: Orderer<'_>,
        now: DateTime<Utc>,
    ) -> Result<Quote, AppError> {
        let mut quote = self.quote(request, orderer, now)?;
        if let Some(discount) = discount {
            if !matches!(orderer, Orderer::Staff(_)) {
                return Err(AppError::Forbidden(Permission::GiveDiscounts));
            }
            quote.discount = Some(
                price_discount(&quote.priced.lines, &[], discount.target, discount.value)
                    .map_err(|e| e.within("discount"))?,
            );
        }
        Ok(quote)
    }

    /// Prices cart lines alone (the ordering page's item dialog and cart), before the customer
    /// has said how, when and who: the same checks and prices as an order's lines. Nothing is
    /// written; the shop's hours and pause switch are for `quote` and `place_order`.
    pub fn price_lines(&self, lines: &[LineRequest]) -> Result<PricedOrder, AppError> {
        Ok(forno_domain::price_lines(&self.menu(), lines)?)
    }

    /// The delivery zone for a postcode the customer is typing: `Ok(None)` when no zone
    /// delivers there, an error naming `postcode` when it is not a Dutch postcode.
    pub fn zone_for_postcode(
        &self,
        typed: &str,
    ) -> Result<(Postcode, Option<DeliveryZone>), AppError> {
        let postcode = Postcode::parse(typed).ok_or_else(|| {
            ValidationError::field(
                "postcode",
                msg!(
                    nl: "\"{typed}\" is geen Nederlandse postcode; schrijf hem als 1234 AB.",
                    en: "\"{typed}\" is not a Dutch postcode; write it as 1234 AB."
                ),
            )
        })?;
        let zone = forno_domain::zones::zone_for(&self.settings().zones, postcode).cloned();
        Ok((postcode, zone))
    }

    /// `quote` for a request whose channel is decided.
    fn price(
        &self,
        request: &OrderRequest,
        now: DateTime<Utc>,
        pricing: fn(&Menu, &[DeliveryZone], &OrderRequest) -> Result<PricedOrder, ValidationError>,
    ) -> Result<Quote, AppError> {
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
                let not_offered = if request.fulfilment.is_delivery() {
                    msg!(
                        nl: "Bezorgen kan op dit moment niet; kies afhalen.",
                        en: "We do not offer delivery right now; choose pickup."
                    )
                } else {
                    msg!(
                        nl: "Afhalen kan op dit moment niet; kies bezorgen.",
                        en: "We do not offer pickup right now; choose delivery."
                    )
                };
                return Err(ValidationError::field("fulfilment.type", not_offered).into());
            }
        }
        let priced = pricing(&self.menu(), &settings.zones, request)?;
        let extra = priced.zone.as_ref().map_or(0, |z| z.extra_minutes);
        let clock = settings.clock();
        let estimated_ready_at = match (request.channel, request.requested_time) {
            // Staff at the counter take orders whenever they are there; only the past is refused.
            (Channel::Counter | Channel::Phone, RequestedTime::Asap) => {
                now + Duration::minutes(clock.lead_minutes(extra))
            }
            (Channel::Counter | Channel::Phone, RequestedTime::Slot(at)) if at < now => {
                return Err(ValidationError::field("requested_time", clock.in_the_past(at)).into());
            }
            (Channel::Counter | Channel::Phone, RequestedTime::Slot(at)) => at,
            (Channel::Web, requested) => clock.check_requested_time(now, requested, extra)?,
        };
        self.menu()
            .check_sold_at(&request.lines, clock.time_of_day(estimated_ready_at))?;
        Ok(Quote {
            priced,
            estimated_ready_at,
            discount: None,
        })
    }

    /// Places an order in one transaction: customer, order, lines, history, event and the
    /// idempotency key. The orderer decides the channel: a customer's order is a web order, staff
    /// may take counter and phone orders. A repeated key returns the first order; a key reused
    /// for a different order is refused.
    pub async fn place_order(
        &self,
        request: OrderRequest,
        idempotency_key: Option<String>,
        orderer: Orderer<'_>,
        now: DateTime<Utc>,
    ) -> Result<PlacedOrder, AppError> {
        self.place_order_with_discount(request, None, idempotency_key, orderer, now)
            .await
    }

    /// `place_order` with a discount the cashier gives on the cart, applied in the same
    /// transaction (one `order.placed` event carries it) and audited like any discount: a
    /// reason, and a manager's or owner's approval when the cashier's role may not give it.
    pub async fn place_order_with_discount(
        &self,
        mut request: OrderRequest,
        discount: Option<CartDiscount>,
        idempotency_key: Option<String>,
        orderer: Orderer<'_>,
        now: DateTime<Utc>,
    ) -> Result<PlacedOrder, AppError> {
        request.channel = orderer.channel(request.channel)?;
        let actor = match orderer {
            Orderer::Staff(actor) => Some(actor),
            _ => None,
        };
        let discount = match (discount, actor) {
            (None, _) => None,
            (Some(_), None) => return Err(AppError::Forbidden(Permission::GiveDiscounts)),
            (Some(d), Some(actor)) => {
                let reason = forno_domain::discount::check_reason(&d.request.reason)
                    .map_err(|e| e.within("discount"))?;
                let approver = self
                    .approver(actor, Permission::GiveDiscounts, d.approval, now)
                    .await?;
                Some((d.request, reason, approver, actor.name.clone()))
            }
        };
        // What is stored is what the text rule let through, trimmed.
        let request = request.tidy()?;
        let language = request.language;
        let quote = self.price(&request, now, price_order)?;
        let idempotency = IdempotentCreate::new(Scope::Order, idempotency_key, &request);
        let business_date = self.settings().clock().business_date(now);
        let staff_id = actor.and_then(|a| a.staff_id);
        let bus = self.bus();
        let waker = self.outbox_waker();
        self.store()
            .write(
                move |conn| -> Result<(PlacedOrder, Vec<PublishedEvent>), AppError> {
                    if let Some(order_id) = idempotency.earlier(conn)? {
                        let order = forno_store::orders::get(conn, order_id)?.ok_or_else(|| {
                            AppError::not_found(msg!(
                                nl: "De eerdere bestelling bij deze sleutel bestaat niet meer.",
                                en: "The earlier order for this key is gone."
                            ))
                        })?;
                        return Ok((
                            PlacedOrder {
                                order,
                                created: false,
                            },
                            Vec::new(),
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
                            note: request.note.as_deref(),
                            priced: &quote.priced,
                            placed_by_staff_id: staff_id,
                            at: now,
                        },
                    )?;
                    idempotency.remember(conn, id, now)?;
                    if let Some((discount, reason, approver, cashier)) = &discount {
                        let placed = forno_store::orders::get(conn, id)?
                            .ok_or_else(|| AppError::not_found(no_such_order(id)))?;
                        let priced = price_discount(
                            &placed.lines_for_discount(),
                            &[],
                            discount.target,
                            discount.value,
                        )
                        .map_err(|e| e.within("discount"))?;
                        crate::discounts::give(
                            conn, &placed, &priced, reason, staff_id, cashier, approver, now,
                        )?;
                    }
                    let order = forno_store::orders::get(conn, id)?.ok_or_else(|| {
                        AppError::not_found(msg!(
                            nl: "De nieuwe bestelling is verdwenen.",
                            en: "The new order vanished."
                        ))
                    })?;
                    // Its kitchen tickets print when it is sent to the kitchen (accepted).
                    let events = vec![record(
                        conn,
                        now,
                        Event::OrderPlaced {
                            order: order.clone(),
                        },
                    )?];
                    // A web order's confirmation (the order never waits for it to be sent).
                    crate::notify::enqueue_for_placed(conn, &order, language, now)?;
                    Ok((
                        PlacedOrder {
                            order,
                            created: true,
                        },
                        events,
                    ))
                },
                move |(_, events)| {
                    publish(&bus, events);
                    // A web order's confirmation may have been written with it.
                    waker.wake();
                },
            )
            .await
            .map(|(placed, _)| placed)
    }

    /// Moves an order to another status, checking the machine and the actor's role. A
    /// cancellation needs a reason and goes to the audit log; cancelling an order the kitchen
    /// already has (a void) needs a manager or owner, or their PIN as `approval`, and prints a
    /// GEANNULEERD slip wherever its kitchen tickets printed.
    pub async fn change_status(
        &self,
        order_id: i64,
        change: StatusChange,
        actor: &Actor,
        approval: Option<Approval>,
        now: DateTime<Utc>,
    ) -> Result<Order, AppError> {
        actor.require(Permission::to_move_order_to(change.to))?;
        let change = change.checked()?;
        let reason = change.reason.clone();
        let customer_message = change.customer_message.clone();
        let staff_id = actor.staff_id;
        let void = if change.to == OrderStatus::Cancelled {
            let status = self
                .read(move |conn| Ok(forno_store::orders::get(conn, order_id)?))
                .await?
                .map(|o| o.status);
            match status {
                Some(s) if is_sent(s) => Some(
                    self.approver(actor, Permission::VoidSentOrders, approval, now)
                        .await?,
                ),
                _ => None,
            }
        } else {
            None
        };
        let cancelled_by = actor.name.clone();
        let bus = self.bus();
        let menu = self.menu();
        let settings = self.settings();
        let waker = self.outbox_waker();
        self.store()
            .write(
                move |conn| -> Result<(Order, Vec<PublishedEvent>), AppError> {
                    let order = forno_store::orders::get(conn, order_id)?
                        .ok_or_else(|| AppError::not_found(no_such_order(order_id)))?;
                    let from = order.status;
                    from.check_transition(change.to, order.fulfilment.is_delivery())?;
                    // It went to the kitchen between the read above and now: ask again.
                    if change.to == OrderStatus::Cancelled && is_sent(from) && void.is_none() {
                        return Err(AppError::Forbidden(Permission::VoidSentOrders));
                    }
                    if change.to == OrderStatus::Ready {
                        // The expo rule: with stations, ready only once each finished its lines.
                        crate::kitchen::load_stations(conn)?
                            .check_ready(&menu, &order)
                            .map_err(AppError::Conflict)?;
                    }
                    // Accepting with a prep time promises a new ready time, never before the slot.
                    let eta = change
                        .prep_time_minutes
                        .filter(|_| change.to == OrderStatus::Accepted)
                        .map(|minutes| {
                            // The delivery's own minutes, from the zone as it is set now (an
                            // order keeps only its zone's id and name).
                            let extra = order.zone.as_ref().map_or(0, |z| {
                                settings
                                    .zones
                                    .iter()
                                    .find(|zone| zone.id == z.id)
                                    .map_or(0, |zone| zone.extra_minutes)
                            });
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
                        customer_message.as_deref(),
                        eta,
                    )?;
                    if change.to == OrderStatus::Rejected {
                        forno_store::audit::record(
                            conn,
                            now,
                            staff_id,
                            "order.rejected",
                            Some(order_id),
                            &serde_json::json!({
                                "number": order.number(),
                                "total_cents": order.total,
                                "reason": reason,
                                "rejected_by": cancelled_by,
                            }),
                        )?;
                    }
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
                                "cancelled_by": cancelled_by,
                                // A void: the kitchen had it; who approved it.
                                "after_sent": void.is_some(),
                                "approved_by": void.as_ref().map(|a| a.name.clone()),
                            }),
                        )?;
                    }
                    let order = forno_store::orders::get(conn, order_id)?
                        .ok_or_else(|| AppError::not_found(no_such_order(order_id)))?;
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
                    let mut events = vec![record(conn, now, event)?];
                    crate::notify::enqueue_for_status(conn, &order, change.to, now)?;
                    // Accepted is the step into the kitchen: a web order the shop accepted, a
                    // counter order sent (with or without its payment). Its kitchen tickets
                    // print then, once: not again when a recalled order is accepted again.
                    let times_accepted = order
                        .status_history
                        .iter()
                        .filter(|step| step.status == OrderStatus::Accepted)
                        .count();
                    if change.to == OrderStatus::Accepted && times_accepted == 1 {
                        events.extend(crate::printing::enqueue_for(
                            conn,
                            crate::printing::Trigger::order_sent(&order),
                            &order,
                            &menu,
                            now,
                        )?);
                    }
                    // Off after its kitchen tickets printed (also a recalled order): a
                    // GEANNULEERD slip on each printer that got one. None before: nothing to undo.
                    if matches!(change.to, OrderStatus::Cancelled | OrderStatus::Rejected) {
                        events.extend(crate::printing::enqueue_cancel_slips(conn, &order, now)?);
                    }
                    Ok((order, events))
                },
                move |(_, events)| {
                    publish(&bus, events);
                    // Kitchen tickets or status messages may have been written with the change.
                    waker.wake();
                },
            )
            .await
            .map(|(order, _)| order)
    }

    pub async fn order(&self, actor: &Actor, order_id: i64) -> Result<Order, AppError> {
        actor.require(Permission::ViewOrders)?;
        self.read(move |conn| {
            forno_store::orders::get(conn, order_id)?
                .ok_or_else(|| AppError::not_found(no_such_order(order_id)))
        })
        .await
    }

    /// The order behind a customer's tracking token.
    pub async fn track(&self, token: &str) -> Result<Order, AppError> {
        let token = token.to_owned();
        self.read(move |conn| {
            forno_store::orders::by_tracking_token(conn, &token)?.ok_or_else(|| {
                AppError::not_found(msg!(
                    nl: "We kunnen geen bestelling vinden bij deze link; controleer of je de hele link hebt gekopieerd.",
                    en: "We cannot find an order for this tracking link; check that you copied the whole link."
                ))
            })
        })
        .await
    }

    pub async fn orders(
        &self,
        actor: &Actor,
        filter: OrderFilter,
    ) -> Result<(Vec<Order>, i64), AppError> {
        actor.require(Permission::ViewOrders)?;
        self.read(move |conn| Ok(forno_store::orders::list(conn, &filter)?))
            .await
    }

    pub async fn open_orders(&self) -> Result<Vec<Order>, AppError> {
        self.read(|conn| Ok(forno_store::orders::open_orders(conn)?))
            .await
    }

    /// The event log as staff page through it: events after `after`, at most `limit`.
    pub async fn event_log(
        &self,
        actor: &Actor,
        after: i64,
        limit: i64,
    ) -> Result<EventPage, AppError> {
        actor.require(Permission::ViewOrders)?;
        self.events_after(after, limit).await
    }

    /// Events after `after`, oldest first, at most `limit`, with the log's bounds. For the live
    /// feed, which decides itself who sees which event.
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

#[cfg(test)]
mod tests {
    use forno_domain::Role;

    use super::*;

    fn staff(role: Role) -> Actor {
        Actor {
            staff_id: Some(1),
            device_id: None,
            name: "Sofia".into(),
            role,
        }
    }

    #[test]
    fn who_orders_decides_the_channel() {
        let (cashier, kitchen) = (staff(Role::Cashier), staff(Role::Kitchen));
        for asked in [Channel::Web, Channel::Counter, Channel::Phone] {
            assert_eq!(Orderer::Customer.channel(asked).unwrap(), Channel::Web);
            assert_eq!(Orderer::Staff(&cashier).channel(asked).unwrap(), asked);
        }
        assert!(matches!(
            Orderer::Staff(&kitchen).channel(Channel::Counter),
            Err(AppError::Forbidden(Permission::TakeOrders))
        ));
        assert_eq!(
            Orderer::Staff(&kitchen).channel(Channel::Web).unwrap(),
            Channel::Web
        );
        assert_eq!(
            Orderer::StaleCredentials.channel(Channel::Web).unwrap(),
            Channel::Web
        );
        assert!(matches!(
            Orderer::StaleCredentials.channel(Channel::Phone),
            Err(AppError::Unauthorized(_))
        ));
    }
}
