//! Line voids (P5) over the API: one line off an order the kitchen has. A cashier needs a
//! manager's PIN (403 without, nothing written); the line stays on the order marked voided, the
//! totals and VAT are sums of the lines still standing, one `order.line_voided` event goes out,
//! the audit log names who voided and who approved, and a paid order says what is owed back.

use crate::common::*;
use serde_json::{Value, json};

/// A counter order of a pizza (9%) and a beer (21%), placed by `cashier` and sent to the kitchen.
async fn sent_pizza_and_beer(app: &TestApp, cashier: &StaffClient) -> Value {
    let order = counter_pizza_and_beer(app, cashier).await;
    cashier.set_status(id_of(&order), "accepted").await
}

fn cents(v: &Value) -> i64 {
    v.as_i64().unwrap_or_else(|| panic!("not cents: {v}"))
}

#[tokio::test]
async fn a_cashier_voids_a_sent_line_only_with_a_managers_pin() {
    let app = spawn_app().await;
    let cashier = app.login("cashier").await;
    let manager = app.account("manager").await;
    let order = sent_pizza_and_beer(&app, &cashier).await;
    let id = id_of(&order);
    let pizza_total = cents(&order["lines"][0]["total_cents"]);
    let beer_total = cents(&order["lines"][1]["total_cents"]);
    let void_beer = json!({"line": 1, "reason": "bier niet meegegeven"});

    // Alone or with a wrong PIN: refused, nothing written. With the manager's PIN: the beer
    // stays on the order, voided, and out of the totals.
    let approved = refused_without_approval(
        &cashier,
        &manager,
        &format!("/orders/{id}/voids"),
        &void_beer,
    )
    .await;
    let before = marks(&cashier).await;
    let after = cashier
        .void_line(id, &approved)
        .await
        .expect_status(201, "a void with the manager's PIN");
    assert_eq!(
        after["lines"].as_array().unwrap().len(),
        2,
        "the line is kept"
    );
    assert_eq!(after["voids"][0]["line"], 1);
    assert_eq!(after["voids"][0]["reason"], "bier niet meegegeven");
    assert_eq!(after["voids"][0]["approved_by"], manager.name.as_str());
    assert_eq!(
        after["voids"][0]["staff_name"],
        cashier.account.name.as_str()
    );
    assert_eq!(cents(&after["voids"][0]["amount_cents"]), beer_total);
    assert_eq!(cents(&after["subtotal_cents"]), pizza_total);
    assert_eq!(cents(&after["total_cents"]), pizza_total);
    assert_eq!(cents(&after["open_cents"]), pizza_total);
    let vat = after["vat"].as_array().unwrap();
    assert_eq!(vat.len(), 1, "no beer left at 21%: {vat:?}");
    assert_eq!(vat[0]["rate_percent"], 9);
    assert_eq!(cents(&vat[0]["gross_cents"]), pizza_total);
    assert_eq!(
        cents(&vat[0]["vat_cents"]),
        cents(&order["lines"][0]["vat_cents"])
    );

    // One event on the staff stream, carrying the order with its void.
    let events = cashier
        .events(before.head_seq)
        .await
        .ok("events after the void");
    let events = events["events"].as_array().unwrap();
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(events[0]["type"], "order.line_voided");
    assert_eq!(events[0]["data"]["order"]["voids"][0]["line"], 1);

    // The customer's view holds only what they still get, adding up to their total.
    let token = order["tracking_token"].as_str().unwrap();
    let tracked = app.track(token).await.ok("track the order");
    assert_eq!(tracked["lines"].as_array().unwrap().len(), 1, "{tracked}");
    assert_eq!(cents(&tracked["total_cents"]), pizza_total);

    // The audit log names both people.
    let owner = app.login("owner").await;
    let entry = owner
        .audit()
        .await
        .into_iter()
        .find(|e| e["action"] == "order.line_voided")
        .expect("the void is in the audit log");
    assert_eq!(entry["order_id"], id);
    assert_eq!(entry["detail"]["voided_by"], cashier.account.name.as_str());
    assert_eq!(entry["detail"]["approved_by"], manager.name.as_str());
    assert_eq!(entry["detail"]["after_sent"], true);
    assert_eq!(cents(&entry["detail"]["amount_cents"]), beer_total);

    // The last line standing is not voided: that is a cancellation.
    let manager_client = app.login("manager").await;
    let before = marks(&cashier).await;
    let last = manager_client
        .void_line(id, &json!({"line": 0, "reason": "x"}))
        .await
        .problem(422, "void the last line");
    assert_eq!(last.field.as_deref(), Some("line"));
    nothing_written(&cashier, before).await.unwrap();
}

#[tokio::test]
async fn refused_voids_name_their_field_and_write_nothing() {
    let app = spawn_app().await;
    let manager = app.login("manager").await;
    let id = id_of(&sent_pizza_and_beer(&app, &manager).await);
    let cases = [
        (json!({"line": 0, "reason": " "}), "reason"),
        (json!({"line": 7, "reason": "x"}), "line"),
    ];
    let mut failures = Failures::default();
    for (body, field) in cases {
        let before = marks(&manager).await;
        let result = manager
            .void_line(id, &body)
            .await
            .check_problem(422)
            .and_then(|p| {
                if p.field.as_deref() == Some(field) {
                    Ok(())
                } else {
                    Err(format!("names {:?}, not {field}", p.field))
                }
            });
        failures.check(&body.to_string(), result);
        failures.check(&body.to_string(), nothing_written(&manager, before).await);
    }
    failures.assert_none();
    // Voided once is voided: a second time is refused.
    manager
        .void_line(id, &json!({"line": 1, "reason": "x"}))
        .await
        .expect_status(201, "void the beer");
    let again = manager
        .void_line(id, &json!({"line": 1, "reason": "x"}))
        .await
        .problem(422, "void the beer again");
    assert_eq!(again.field.as_deref(), Some("line"));
}

#[tokio::test]
async fn a_paid_order_that_loses_a_line_says_what_is_owed_back() {
    let app = spawn_app().await;
    let manager = app.login("manager").await;
    let order = sent_pizza_and_beer(&app, &manager).await;
    let id = id_of(&order);
    let total = cents(&order["total_cents"]);
    let beer_total = cents(&order["lines"][1]["total_cents"]);
    manager
        .pay(id, &json!({"method": "card", "amount_cents": total}))
        .await
        .expect_status(201, "pay by card");
    let after = manager
        .void_line(id, &json!({"line": 1, "reason": "bier was op"}))
        .await
        .expect_status(201, "void the beer on a paid order");
    assert_eq!(cents(&after["owed_back_cents"]), beer_total);
    assert_eq!(cents(&after["open_cents"]), 0);
    assert_eq!(after["payment_state"], "paid");
}
