//! Payments (Pay4) over the API: cash with change, split cash and card until paid, one staff
//! event per payment that customers never get, and every refused payment writes nothing
//! (docs/api.md "Payments").

use crate::common::*;
use serde_json::{Value, json};

/// A counter order of two pizzas, placed by `cashier`; returns the staff view.
async fn counter_order(app: &TestApp, cashier: &StaffClient) -> Value {
    let menu = app.menu().await;
    let pizza = menu.pizza();
    let body = OrderBuilder::pickup()
        .channel("counter")
        .with(LineBuilder::new(pizza, pizza.middle_size()).quantity(2))
        .json();
    cashier
        .place_counter_order(&body)
        .await
        .expect_status(201, "place a counter order")
}

fn total(order: &Value) -> i64 {
    order["total_cents"].as_i64().expect("total_cents")
}

#[tokio::test]
async fn cash_gives_change_and_a_split_with_card_makes_the_order_paid() {
    let app = spawn_app().await;
    let cashier = app.login("cashier").await;
    let order = counter_order(&app, &cashier).await;
    let (id, total) = (id_of(&order), total(&order));
    assert_eq!(order["payment_state"], "unpaid");
    assert_eq!(order["open_cents"], total);
    assert!(total > 1000 && total < 5000, "two pizzas cost {total}");

    let head = cashier.head_seq().await;
    // Part cash: the customer hands over €50 for €10 of it.
    let cash = cashier
        .pay(
            id,
            &json!({"method": "cash", "amount_cents": 1000, "tendered_cents": 5000}),
        )
        .await
        .expect_status(201, "a cash payment");
    assert_eq!(cash["payment"]["change_cents"], 4000);
    assert_eq!(cash["payment"]["tendered_cents"], 5000);
    assert_eq!(cash["payment"]["staff_name"], cashier.account.name.as_str());
    assert_eq!(cash["order"]["payment_state"], "partly_paid");
    assert_eq!(cash["order"]["open_cents"], total - 1000);

    // The rest by card, confirmed by hand.
    let card = cashier
        .pay(id, &json!({"method": "card", "amount_cents": total - 1000}))
        .await
        .expect_status(201, "a card payment for the rest");
    assert!(card["payment"]["change_cents"].is_null());
    assert_eq!(card["order"]["payment_state"], "paid");
    assert_eq!(card["order"]["open_cents"], 0);

    // Every screen reads it back: the order, and one staff event per payment.
    let read = cashier.order(id).await.ok("GET the paid order");
    assert_eq!(read["payment_state"], "paid");
    let methods: Vec<&str> = read["payments"]
        .as_array()
        .expect("payments")
        .iter()
        .map(|p| p["method"].as_str().unwrap())
        .collect();
    assert_eq!(methods, ["cash", "card"]);
    let events = cashier.events(head).await.ok("events after the payments");
    let kinds: Vec<&str> = events["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["type"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["order.payment_recorded", "order.payment_recorded"]);
    assert_eq!(
        events["events"][1]["data"]["order"]["payment_state"],
        "paid"
    );

    // The customer's tracking view says nothing about payments or who took them.
    let token = read["tracking_token"].as_str().unwrap();
    let tracked = app.track(token).await.ok("track");
    let text = tracked.to_string();
    assert!(!text.contains("payment"), "tracking leaks payments: {text}");
    assert!(
        !text.contains(&cashier.account.name),
        "tracking leaks staff: {text}"
    );

    // Paid in full: nothing more can be booked.
    let more = cashier
        .pay(id, &json!({"method": "card", "amount_cents": 1}))
        .await
        .problem(422, "a payment on a paid order");
    assert_eq!(more.field.as_deref(), Some("amount_cents"));
}

#[tokio::test]
async fn refused_payments_name_their_field_and_write_nothing() {
    let app = spawn_app().await;
    let cashier = app.login("cashier").await;
    let order = counter_order(&app, &cashier).await;
    let (id, total) = (id_of(&order), total(&order));
    let cancelled = id_of(&counter_order(&app, &cashier).await);
    cashier
        .change_status(
            cancelled,
            &json!({"status": "cancelled", "reason": "klant ging weg"}),
        )
        .await
        .ok("cancel the second order");

    let cases: [(&str, i64, Value, &str); 6] = [
        (
            "above what is open",
            id,
            json!({"method": "card", "amount_cents": total + 1}),
            "amount_cents",
        ),
        (
            "a negative amount",
            id,
            json!({"method": "cash", "amount_cents": -500}),
            "amount_cents",
        ),
        (
            "zero",
            id,
            json!({"method": "card", "amount_cents": 0}),
            "amount_cents",
        ),
        (
            "less cash handed over than paid",
            id,
            json!({"method": "cash", "amount_cents": total, "tendered_cents": total - 1}),
            "tendered_cents",
        ),
        (
            "a cancelled order",
            cancelled,
            json!({"method": "cash", "amount_cents": 100}),
            "order",
        ),
        (
            "an unknown method",
            id,
            json!({"method": "iou", "amount_cents": 100}),
            "method",
        ),
    ];
    let mut failures = Failures::default();
    for (case, order_id, body, field) in cases {
        let before = marks(&cashier).await;
        let resp = cashier.pay(order_id, &body).await;
        let result = resp.check_problem(422).and_then(|p| {
            if p.field.as_deref() != Some(field) {
                return Err(format!("names field {:?}, not {field}", p.field));
            }
            if !reads_like_a_sentence(&p.detail) {
                return Err(format!("detail is not a sentence: {}", p.detail));
            }
            Ok(())
        });
        failures.check(case, result);
        failures.check(case, nothing_written(&cashier, before).await);
        let payments = cashier.order(order_id).await.ok("GET order")["payments"].clone();
        failures.check(
            case,
            if payments == json!([]) {
                Ok(())
            } else {
                Err(format!("a payment was written: {payments}"))
            },
        );
    }
    failures.assert_none();

    // Said in English when asked.
    let english = send(
        client_reading(false, Some("en"))
            .post(cashier.url(&format!("/orders/{id}/payments")))
            .bearer_auth(&cashier.token)
            .json(&json!({"method": "card", "amount_cents": total + 1})),
    )
    .await
    .problem(422, "too much, in English");
    assert!(english.detail.contains("still open"), "{}", english.detail);
}

#[tokio::test]
async fn a_kitchen_login_may_not_take_payments() {
    let app = spawn_app().await;
    let cashier = app.login("cashier").await;
    let kitchen = app.login("kitchen").await;
    let id = id_of(&counter_order(&app, &cashier).await);
    let before = marks(&cashier).await;
    kitchen
        .pay(id, &json!({"method": "cash", "amount_cents": 100}))
        .await
        .problem(403, "kitchen takes a payment");
    nothing_written(&cashier, before).await.unwrap();
}
