//! Discounts and voids (P5) over the API: a cashier needs a manager's PIN (403 without), the
//! discount is priced by the domain (split over the VAT rates, totals = lines − discounts), and
//! the audit log names both people; a void after sending is audited the same way.

use crate::common::*;
use serde_json::{Value, json};

fn cents(v: &Value) -> i64 {
    v.as_i64().unwrap_or_else(|| panic!("not cents: {v}"))
}

#[tokio::test]
async fn a_cashier_needs_a_managers_pin_and_the_discount_is_priced_and_audited() {
    let app = spawn_app().await;
    let cashier = app.login("cashier").await;
    let manager = app.account("manager").await;
    let order = counter_pizza_and_beer(&app, &cashier).await;
    let id = id_of(&order);
    let lines_total: i64 = order["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| cents(&l["total_cents"]))
        .sum();
    let ten_percent = json!({"kind": "percent", "value": 10, "reason": "vaste klant"});

    // Alone or with a wrong PIN: refused, nothing written. With the manager's PIN: applied and
    // priced by the domain.
    let approved = refused_without_approval(
        &cashier,
        &manager,
        &format!("/orders/{id}/discounts"),
        &ten_percent,
    )
    .await;
    let after = cashier
        .discount(id, &approved)
        .await
        .expect_status(201, "a discount with the manager's PIN");
    let expected = (lines_total * 10 + 50) / 100;
    assert_eq!(cents(&after["discounts"][0]["amount_cents"]), expected);
    assert_eq!(cents(&after["total_cents"]), lines_total - expected);
    assert_eq!(after["discounts"][0]["approved_by"], manager.name.as_str());
    assert_eq!(
        after["discounts"][0]["staff_name"],
        cashier.account.name.as_str()
    );
    // The VAT per rate adds up to the new total, and each rate is still positive.
    let vat = after["vat"].as_array().unwrap();
    assert_eq!(vat.len(), 2, "pizza at 9% and beer at 21%: {vat:?}");
    assert_eq!(
        vat.iter().map(|v| cents(&v["gross_cents"])).sum::<i64>(),
        cents(&after["total_cents"])
    );
    assert!(vat.iter().all(|v| cents(&v["vat_cents"]) > 0), "{vat:?}");
    // Payments follow the new total.
    assert_eq!(cents(&after["open_cents"]), lines_total - expected);

    // The audit log names both people.
    let owner = app.login("owner").await;
    let entry = owner
        .audit()
        .await
        .into_iter()
        .find(|e| e["action"] == "order.discounted")
        .expect("the discount is in the audit log");
    assert_eq!(entry["order_id"], id);
    assert_eq!(entry["detail"]["given_by"], cashier.account.name.as_str());
    assert_eq!(entry["detail"]["approved_by"], manager.name.as_str());
    assert_eq!(entry["detail"]["reason"], "vaste klant");
    assert_eq!(cents(&entry["detail"]["amount_cents"]), expected);

    // A manager gives one on a line without anyone's PIN; no more than the line is left.
    let manager_client = app.login("manager").await;
    let beer_total = cents(&order["lines"][1]["total_cents"]);
    let too_much = manager_client
        .discount(
            id,
            &json!({"kind": "amount", "value": beer_total + 1, "line": 1, "reason": "x"}),
        )
        .await
        .problem(422, "more than the line");
    assert_eq!(too_much.field.as_deref(), Some("amount_cents"));
    manager_client
        .discount(
            id,
            &json!({"kind": "amount", "value": 100, "line": 1, "reason": "lauw bier"}),
        )
        .await
        .expect_status(201, "a manager's line discount");
}

#[tokio::test]
async fn refused_discounts_name_their_field() {
    let app = spawn_app().await;
    let manager = app.login("manager").await;
    let id = id_of(&counter_pizza_and_beer(&app, &manager).await);
    let cases = [
        (
            json!({"kind": "percent", "value": 10, "reason": " "}),
            "reason",
        ),
        (
            json!({"kind": "percent", "value": 0, "reason": "x"}),
            "percent",
        ),
        (
            json!({"kind": "percent", "value": 101, "reason": "x"}),
            "percent",
        ),
        (
            json!({"kind": "amount", "value": -100, "reason": "x"}),
            "amount_cents",
        ),
        (
            json!({"kind": "amount", "value": 10, "line": 9, "reason": "x"}),
            "line",
        ),
        (
            json!({"kind": "gratis", "value": 10, "reason": "x"}),
            "kind",
        ),
    ];
    let mut failures = Failures::default();
    for (body, field) in cases {
        let before = marks(&manager).await;
        let result = manager
            .discount(id, &body)
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
}

#[tokio::test]
async fn a_void_after_sending_needs_a_manager_and_is_audited() {
    let app = spawn_app().await;
    let cashier = app.login("cashier").await;
    let manager = app.account("manager").await;
    let id = id_of(&counter_pizza_and_beer(&app, &cashier).await);
    cashier.set_status(id, "accepted").await;
    let cancel = json!({"status": "cancelled", "reason": "klant is weggelopen"});

    let before = marks(&cashier).await;
    cashier
        .change_status(id, &cancel)
        .await
        .problem(403, "a cashier voids a sent order alone");
    nothing_written(&cashier, before).await.unwrap();

    let mut approved = cancel.clone();
    approved["approval"] = json!({"name": manager.name, "pin": manager.pin});
    cashier
        .change_status(id, &approved)
        .await
        .ok("a void with the manager's PIN");
    let owner = app.login("owner").await;
    let entry = owner
        .audit()
        .await
        .into_iter()
        .find(|e| e["action"] == "order.cancelled" && e["order_id"] == id)
        .expect("the void is in the audit log");
    assert_eq!(entry["detail"]["after_sent"], true);
    assert_eq!(
        entry["detail"]["cancelled_by"],
        cashier.account.name.as_str()
    );
    assert_eq!(entry["detail"]["approved_by"], manager.name.as_str());

    // An order the kitchen does not have yet is the cashier's to cancel.
    let unsent = id_of(&counter_pizza_and_beer(&app, &cashier).await);
    cashier
        .change_status(unsent, &cancel)
        .await
        .ok("cancel an order before it went to the kitchen");
}
