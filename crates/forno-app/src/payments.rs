//! Payments (Pay4): record money received for an order, cash with change, card confirmed by hand,
//! several payments until the total is covered. The rules are the domain's
//! (`PaymentRequest::check`); this use case reads the order, applies them and writes the row and
//! its staff event in one transaction.

use chrono::{DateTime, Utc};
use forno_domain::{Order, Payment, PaymentMethod, PaymentRequest, PaymentState, Permission, msg};

use crate::auth::Actor;
use crate::events::{Event, PublishedEvent, publish, record};
use crate::printing::{self, Trigger};
use crate::{AppError, Shop};

/// The answer to "record a payment": the payment and the order after it.
#[derive(Debug, Clone)]
pub struct RecordedPayment {
    pub payment: Payment,
    pub order: Order,
}

impl Shop {
    /// Records one payment for an order. Refused, with nothing written: a cancelled or rejected
    /// order, an amount of zero or less, more than is still open, cash handed over that is less
    /// than the amount.
    pub async fn record_payment(
        &self,
        actor: &Actor,
        order_id: i64,
        request: PaymentRequest,
        now: DateTime<Utc>,
    ) -> Result<RecordedPayment, AppError> {
        actor.require(Permission::TakePayments)?;
        let staff_id = actor.staff_id;
        let taken_by = actor.name.clone();
        let bus = self.bus();
        let menu = self.menu();
        let waker = self.outbox_waker();
        self.store()
            .write(
                move |conn| -> Result<(RecordedPayment, Vec<PublishedEvent>), AppError> {
                    let order = forno_store::orders::get(conn, order_id)?
                        .ok_or_else(|| AppError::not_found(no_such_order(order_id)))?;
                    let checked = request.check(order.status, order.total, &order.payments)?;
                    let id =
                        forno_store::payments::insert(conn, order_id, &checked, staff_id, now)?;
                    let order = forno_store::orders::get(conn, order_id)?
                        .ok_or_else(|| AppError::not_found(no_such_order(order_id)))?;
                    let payment = order
                        .payments
                        .iter()
                        .find(|p| p.id == id)
                        .cloned()
                        .ok_or_else(|| AppError::not_found(no_such_order(order_id)))?;
                    forno_store::audit::record(
                        conn,
                        now,
                        staff_id,
                        "order.payment_recorded",
                        Some(order_id),
                        &serde_json::json!({
                            "number": order.number(),
                            "method": payment.method.as_str(),
                            "amount_cents": payment.amount,
                            "by": taken_by,
                        }),
                    )?;
                    let mut events = vec![record(
                        conn,
                        now,
                        Event::PaymentRecorded {
                            order: order.clone(),
                            payment: payment.clone(),
                        },
                    )?];
                    // The print rules, in the same transaction: cash opens the drawer, and the
                    // payment that covers the order prints its receipt.
                    if payment.method == PaymentMethod::Cash {
                        events.extend(printing::enqueue_for(
                            conn,
                            Trigger::CashPaid,
                            &order,
                            &menu,
                            now,
                        )?);
                    }
                    if order.payment_state() == PaymentState::Paid {
                        events.extend(printing::enqueue_for(
                            conn,
                            Trigger::OrderPaid,
                            &order,
                            &menu,
                            now,
                        )?);
                    }
                    Ok((RecordedPayment { payment, order }, events))
                },
                move |(_, events)| {
                    publish(&bus, events);
                    if events.len() > 1 {
                        waker.wake();
                    }
                },
            )
            .await
            .map(|(recorded, _)| recorded)
    }
}

fn no_such_order(order_id: i64) -> forno_domain::Message {
    msg!(
        nl: "Bestelling {order_id} bestaat niet.",
        en: "There is no order {order_id}."
    )
}
