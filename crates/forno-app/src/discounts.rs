//! Discounts and voids (P5). A discount (percent or amount, on the order or a line) needs a
//! reason, and the PIN of a manager or owner when the cashier's own role may not give it; the
//! domain prices it (`price_discount`), and the audit log keeps who gave it and who approved it.

use chrono::{DateTime, Utc};
use forno_domain::discount::check_reason;
use forno_domain::{
    DiscountTarget, DiscountValue, Message, Order, Permission, ValidationError, msg, price_discount,
};
use forno_store::discounts::GivenBy;

use crate::auth::Actor;
use crate::events::{Event, PublishedEvent, publish, record};
use crate::{AppError, Shop};

/// A manager's or owner's name and PIN, typed on the cashier's screen to approve.
#[derive(Debug, Clone)]
pub struct Approval {
    pub name: String,
    pub pin: String,
}

/// A discount a cashier asks for.
#[derive(Debug, Clone)]
pub struct DiscountRequest {
    pub target: DiscountTarget,
    pub value: DiscountValue,
    pub reason: String,
}

/// Writes a priced discount on `order` and its audit entry (who gave it, who approved it), in
/// the caller's transaction; returns its id. The one place a discount is written.
#[allow(clippy::too_many_arguments)]
pub(crate) fn give(
    conn: &forno_store::Connection,
    order: &Order,
    priced: &forno_domain::PricedDiscount,
    reason: &str,
    staff_id: Option<i64>,
    cashier: &str,
    approver: &Approver,
    now: DateTime<Utc>,
) -> Result<i64, AppError> {
    let id = forno_store::discounts::insert(
        conn,
        order.id,
        priced,
        reason,
        &GivenBy {
            staff_id,
            approved_by_staff_id: approver.id,
        },
        now,
    )?;
    let (kind, value) = match priced.value {
        DiscountValue::Percent(p) => ("percent", p),
        DiscountValue::Amount(a) => ("amount", a),
    };
    forno_store::audit::record(
        conn,
        now,
        staff_id,
        "order.discounted",
        Some(order.id),
        &serde_json::json!({
            "number": order.number(),
            "amount_cents": priced.amount,
            "kind": kind,
            "value": value,
            "line": match priced.target {
                DiscountTarget::Order => None,
                DiscountTarget::Line(i) => Some(i),
            },
            "reason": reason,
            "given_by": cashier,
            "approved_by": approver.name,
        }),
    )?;
    Ok(id)
}

/// A line a cashier asks to void, and why.
#[derive(Debug, Clone)]
pub struct LineVoidRequest {
    /// The line's position (0-based) in the order.
    pub line: usize,
    pub reason: String,
}

/// Who approved: their staff id and name.
pub(crate) struct Approver {
    pub id: Option<i64>,
    pub name: String,
}

fn no_such_order(order_id: i64) -> Message {
    msg!(
        nl: "Bestelling {order_id} bestaat niet.",
        en: "There is no order {order_id}."
    )
}

impl Shop {
    /// Who approves `action` for `actor`: the actor when their role may; otherwise the manager
    /// or owner whose name and PIN came with the request. Without one: 403.
    pub(crate) async fn approver(
        &self,
        actor: &Actor,
        action: Permission,
        approval: Option<Approval>,
        now: DateTime<Utc>,
    ) -> Result<Approver, AppError> {
        if actor.may(action) {
            return Ok(Approver {
                id: actor.staff_id,
                name: actor.name.clone(),
            });
        }
        let Some(approval) = approval else {
            return Err(AppError::Forbidden(action));
        };
        let member = match self.check_pin(&approval.name, &approval.pin, now).await {
            Ok(member) => member,
            Err(AppError::Unauthorized(_)) => {
                return Err(ValidationError::field(
                    "approval.pin",
                    msg!(
                        nl: "Die naam en pincode van de manager horen niet bij elkaar; laat de manager of eigenaar het opnieuw intypen.",
                        en: "That manager's name and PIN do not match; let the manager or owner type them again."
                    ),
                )
                .into());
            }
            Err(other) => return Err(other),
        };
        if !member.role.may(action) {
            let (name, words) = (member.name.clone(), action.words());
            let (wat, what) = (words.nl(), words.en());
            return Err(ValidationError::field(
                "approval.name",
                msg!(
                    nl: "{name} mag dit niet goedkeuren ({wat}); vraag een manager of de eigenaar.",
                    en: "{name} may not approve this ({what}); ask a manager or the owner."
                ),
            )
            .into());
        }
        Ok(Approver {
            id: Some(member.id),
            name: member.name,
        })
    }

    /// Gives a discount on an open order. Refused with nothing written: no reason, a value out of
    /// range, more than is left to discount or still to pay, a closed order; 403 for a cashier
    /// without a manager's approval.
    pub async fn give_discount(
        &self,
        actor: &Actor,
        order_id: i64,
        request: DiscountRequest,
        approval: Option<Approval>,
        now: DateTime<Utc>,
    ) -> Result<Order, AppError> {
        actor.require(Permission::TakeOrders)?;
        let reason = check_reason(&request.reason)?;
        let approver = self
            .approver(actor, Permission::GiveDiscounts, approval, now)
            .await?;
        let (staff_id, cashier) = (actor.staff_id, actor.name.clone());
        let bus = self.bus();
        self.store()
            .write(
                move |conn| -> Result<(Order, PublishedEvent), AppError> {
                    let order = forno_store::orders::get(conn, order_id)?
                        .ok_or_else(|| AppError::not_found(no_such_order(order_id)))?;
                    if !order.status.is_open() {
                        let words = order.status.words();
                        let (nl, en) = (words.nl(), words.en());
                        return Err(AppError::Conflict(msg!(
                            nl: "Deze bestelling is {nl}; daar kan geen korting meer op.",
                            en: "This order is {en}; it can no longer get a discount."
                        )));
                    }
                    let priced = price_discount(
                        &order.lines_for_discount(),
                        &order.standing_discounts(),
                        request.target,
                        request.value,
                    )?;
                    if priced.amount > order.open_amount() {
                        return Err(ValidationError::field(
                            "amount_cents",
                            msg!(
                                nl: "Er is al betaald: de korting is meer dan wat nog open staat. Geef het verschil terug als terugbetaling.",
                                en: "Part is paid already: the discount is more than what is still open. Give the difference back as a refund."
                            ),
                        )
                        .into());
                    }
                    let id = give(
                        conn, &order, &priced, &reason, staff_id, &cashier, &approver, now,
                    )?;
                    let order = forno_store::orders::get(conn, order_id)?
                        .ok_or_else(|| AppError::not_found(no_such_order(order_id)))?;
                    let event = record(
                        conn,
                        now,
                        Event::OrderDiscounted {
                            order: order.clone(),
                            discount_id: id,
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

impl Shop {
    /// Voids one line of an open order: kept on the order, marked voided with who and why, and
    /// no longer in its totals or VAT. Once the kitchen has the order a cashier needs a manager's
    /// or owner's approval (`void_sent_orders`), like cancelling it; a printer that got a kitchen
    /// ticket with the line gets a VERVALLEN slip in the same transaction. Refused with nothing
    /// written: no reason, no such line, a line voided already, the last line, a closed order.
    pub async fn void_line(
        &self,
        actor: &Actor,
        order_id: i64,
        request: LineVoidRequest,
        approval: Option<Approval>,
        now: DateTime<Utc>,
    ) -> Result<Order, AppError> {
        actor.require(Permission::TakeOrders)?;
        let reason = check_reason(&request.reason)?;
        let status = self
            .read(move |conn| Ok(forno_store::orders::get(conn, order_id)?))
            .await?
            .ok_or_else(|| AppError::not_found(no_such_order(order_id)))?
            .status;
        // Once the kitchen has it, a void needs a manager or owner, like cancelling it.
        let sent_approver = if crate::orders::is_sent(status) {
            Some(
                self.approver(actor, Permission::VoidSentOrders, approval, now)
                    .await?,
            )
        } else {
            None
        };
        let (staff_id, cashier) = (actor.staff_id, actor.name.clone());
        let bus = self.bus();
        let waker = self.outbox_waker();
        self.store()
            .write(
                move |conn| -> Result<(Order, Vec<PublishedEvent>), AppError> {
                    let order = forno_store::orders::get(conn, order_id)?
                        .ok_or_else(|| AppError::not_found(no_such_order(order_id)))?;
                    if !order.status.is_open() {
                        let words = order.status.words();
                        let (nl, en) = (words.nl(), words.en());
                        return Err(AppError::Conflict(msg!(
                            nl: "Deze bestelling is {nl}; daar kan geen regel meer af.",
                            en: "This order is {en}; no line can come off it any more."
                        )));
                    }
                    // It went to the kitchen between the read above and now: ask again.
                    let sent = crate::orders::is_sent(order.status);
                    if sent && sent_approver.is_none() {
                        return Err(AppError::Forbidden(Permission::VoidSentOrders));
                    }
                    let approver = sent_approver.unwrap_or(Approver {
                        id: staff_id,
                        name: cashier.clone(),
                    });
                    let priced = order.price_void(request.line)?;
                    let line = &order.lines[request.line];
                    let id = forno_store::line_voids::insert(
                        conn,
                        order_id,
                        &priced,
                        &reason,
                        &GivenBy {
                            staff_id,
                            approved_by_staff_id: approver.id,
                        },
                        now,
                    )?;
                    forno_store::audit::record(
                        conn,
                        now,
                        staff_id,
                        "order.line_voided",
                        Some(order_id),
                        &serde_json::json!({
                            "number": order.number(),
                            "line": request.line,
                            "description": line.description(),
                            "amount_cents": priced.total,
                            "status": order.status.as_str(),
                            "after_sent": sent,
                            "reason": reason,
                            "voided_by": cashier,
                            "approved_by": approver.name,
                        }),
                    )?;
                    let order = forno_store::orders::get(conn, order_id)?
                        .ok_or_else(|| AppError::not_found(no_such_order(order_id)))?;
                    let mut events = vec![record(
                        conn,
                        now,
                        Event::OrderLineVoided {
                            order: order.clone(),
                            void_id: id,
                        },
                    )?];
                    // The kitchen's tickets held the line: a VERVALLEN slip where they printed.
                    events.extend(crate::printing::enqueue_void_slips(
                        conn,
                        &order,
                        request.line,
                        now,
                    )?);
                    Ok((order, events))
                },
                move |(_, events)| {
                    publish(&bus, events);
                    // A kitchen slip may have been written with the void.
                    waker.wake();
                },
            )
            .await
            .map(|(order, _)| order)
    }
}
