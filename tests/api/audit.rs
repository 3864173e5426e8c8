//! The audit log (S3) over the API: each money- or trust-relevant action is in it after it
//! happened, one test per kind (discounts and voids: `discounts.rs`; staff changes, PIN resets
//! and `forno staff reset-pin`: `staff.rs`); the owner and managers read it filtered by who,
//! what and which days, a page at a time; nobody can change or remove an entry.

use std::time::Duration;

use serde_json::{Value, json};

use crate::common::printer::PrinterEmulator;
use crate::common::*;

fn entries(page: &Value) -> Vec<Value> {
    page["entries"].as_array().cloned().unwrap_or_default()
}

#[tokio::test]
async fn rejecting_a_web_order_is_audited_with_its_reason() {
    let app = spawn_app().await;
    let menu = app.menu().await;
    let placed = app.place_pizza_order(menu.pizza(), "a web order").await;
    let cashier = app.login("cashier").await;
    let id = id_of(&cashier.order_by_number(number_of(&placed)).await);
    cashier
        .change_status(id, &json!({ "status": "rejected", "reason": "oven stuk" }))
        .await
        .ok("reject the order");
    let entry = app.login("manager").await.audited("order.rejected").await;
    assert_eq!(entry["order_id"], id);
    assert_eq!(entry["detail"]["reason"], "oven stuk");
    assert_eq!(
        entry["detail"]["rejected_by"],
        cashier.account.name.as_str()
    );
    assert_eq!(entry["staff_name"], cashier.account.name.as_str());
    assert!(entry["detail"]["total_cents"].as_i64().unwrap() > 0);
}

#[tokio::test]
async fn cancelling_an_order_is_audited() {
    let app = spawn_app().await;
    let menu = app.menu().await;
    let placed = app.place_pizza_order(menu.pizza(), "a web order").await;
    let cashier = app.login("cashier").await;
    let id = id_of(&cashier.order_by_number(number_of(&placed)).await);
    cashier
        .change_status(
            id,
            &json!({ "status": "cancelled", "reason": "klant belde af" }),
        )
        .await
        .ok("cancel the order");
    let entry = app.login("owner").await.audited("order.cancelled").await;
    assert_eq!(entry["order_id"], id);
    assert_eq!(entry["detail"]["reason"], "klant belde af");
    assert_eq!(entry["detail"]["from"], "placed");
    assert_eq!(
        entry["detail"]["cancelled_by"],
        cashier.account.name.as_str()
    );
}

#[tokio::test]
async fn a_payment_is_audited_with_its_method_and_amount() {
    let app = spawn_app().await;
    let menu = app.menu().await;
    let cashier = app.login("cashier").await;
    let body = OrderBuilder::pickup()
        .channel("counter")
        .line(menu.pizza(), menu.pizza().middle_size())
        .json();
    let order = cashier
        .place_counter_order(&body)
        .await
        .expect_status(201, "a counter order");
    let id = id_of(&order);
    cashier
        .pay(id, &json!({ "method": "card", "amount_cents": 500 }))
        .await
        .expect_status(201, "a card payment");
    let entry = app
        .login("owner")
        .await
        .audited("order.payment_recorded")
        .await;
    assert_eq!(entry["order_id"], id);
    assert_eq!(entry["detail"]["method"], "card");
    assert_eq!(entry["detail"]["amount_cents"], 500);
    assert_eq!(entry["detail"]["by"], cashier.account.name.as_str());
}

#[tokio::test]
async fn opening_the_drawer_by_hand_is_audited() {
    let app = spawn_app().await;
    let printer = PrinterEmulator::start().await;
    let owner = app.login("owner").await;
    send(owner.http.post(owner.url("/printers")).json(&json!({
        "name": "Balie", "profile": "epson-tm-t20iii", "connection": "tcp", "address": printer.address(),
    })))
    .await
    .expect_status(201, "POST /printers");
    let cashier = app.login("cashier").await;
    let count_before = owner.audit().await.len();
    send(cashier.http.post(cashier.url("/drawer")).json(&json!({})))
        .await
        .expect_status(202, "open the drawer");
    printer.wait_for(1, Duration::from_secs(10)).await;
    let entry = owner.audited("drawer.opened").await;
    assert_eq!(entry["detail"]["by"], cashier.account.name.as_str());
    assert_eq!(entry["staff_name"], cashier.account.name.as_str());
    assert_eq!(owner.audit().await.len(), count_before + 1);
}

#[tokio::test]
async fn a_settings_change_and_a_pause_are_audited() {
    let app = spawn_app().await;
    let owner = app.login("owner").await;
    let mut settings = owner.settings().await.ok("GET /settings");
    settings["phone"] = json!(format!("{} 9", settings["phone"].as_str().unwrap_or("010")));
    owner.put_settings(&settings).await.ok("PUT /settings");
    let entry = owner.audited("shop.settings_changed").await;
    assert_eq!(entry["detail"]["changed"], json!(["phone"]));
    assert_eq!(entry["detail"]["by"], owner.account.name.as_str());

    let cashier = app.login("cashier").await;
    cashier.pause(true).await.ok("pause online orders");
    let entry = owner.audited("shop.paused").await;
    assert_eq!(entry["staff_name"], cashier.account.name.as_str());
}

#[tokio::test]
async fn logins_and_lock_outs_are_audited() {
    let app = spawn_app().await;
    let owner = app.login("owner").await;
    let entry = owner.audited("staff.logged_in").await;
    assert_eq!(entry["staff_name"], owner.account.name.as_str());
    assert_eq!(entry["detail"]["role"], "owner");

    let cashier = app.account("cashier").await;
    for _ in 0..5 {
        app.post_login(&cashier.name, "9999").await;
    }
    app.post_login(&cashier.name, &cashier.pin)
        .await
        .problem(423, "a locked account");
    let entry = owner.audited("staff.locked").await;
    assert_eq!(entry["staff_name"], cashier.name.as_str());
    // The staff page shows the lock.
    let accounts = owner.staff_accounts().await.ok("GET /staff");
    let locked = accounts
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["name"] == cashier.name.as_str())
        .unwrap();
    assert!(locked["locked_until"].is_string(), "{locked}");
}

#[tokio::test]
async fn pairing_and_unpairing_a_device_is_audited() {
    let app = spawn_app().await;
    let owner = app.login("owner").await;
    let code = owner
        .pairing_code("kitchen")
        .await
        .expect_status(201, "a pairing code");
    let paired = send(
        http_client(true)
            .post(app.url("/devices/pair"))
            .json(&json!({ "code": code["code"], "name": "Keuken 1" })),
    )
    .await
    .expect_status(201, "pair a kitchen screen");
    let entry = owner.audited("device.paired").await;
    assert_eq!(entry["detail"]["device"], "Keuken 1");
    assert_eq!(entry["staff_name"], owner.account.name.as_str());
    let devices = owner.devices().await.ok("GET /devices");
    let device_id = devices
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["name"] == "Keuken 1")
        .map(id_of)
        .expect("the paired screen is listed");
    owner
        .unpair(device_id)
        .await
        .expect_status(204, "unpair it");
    let entry = owner.audited("device.unpaired").await;
    assert_eq!(entry["detail"]["device"], "Keuken 1");
    assert_eq!(paired["staff"]["role"], "kitchen");
}

#[tokio::test]
async fn the_log_filters_by_who_what_and_day_and_pages_newest_first() {
    let app = spawn_app().await;
    let owner = app.login("owner").await;
    let manager = app.login("manager").await;
    let cashier = app.login("cashier").await;
    for _ in 0..3 {
        app.login("cashier").await;
    }
    let all = entries(&owner.audit_page("limit=200").await.ok("GET /audit"));
    let ids: Vec<i64> = all.iter().map(id_of).collect();
    assert!(ids.windows(2).all(|w| w[0] > w[1]), "newest first: {ids:?}");

    // What: one action, or a family.
    let logins = entries(
        &owner
            .audit_page("action=staff.logged_in")
            .await
            .ok("by action"),
    );
    assert_eq!(logins.len(), 6, "six logins");
    let family = entries(&owner.audit_page("action=staff.").await.ok("by family"));
    assert!(
        family
            .iter()
            .all(|e| e["action"].as_str().unwrap().starts_with("staff."))
    );
    assert!(family.len() >= logins.len());
    let none = entries(
        &owner
            .audit_page("action=order.rejected")
            .await
            .ok("nothing yet"),
    );
    assert!(none.is_empty());

    // Who.
    let me = cashier.me().await.ok("GET /auth/me");
    let by_cashier = entries(
        &owner
            .audit_page(&format!("staff_id={}", me["id"]))
            .await
            .ok("by person"),
    );
    assert_eq!(by_cashier.len(), 4, "the cashier's four logins");
    assert!(
        by_cashier
            .iter()
            .all(|e| e["staff_name"] == cashier.account.name.as_str())
    );

    // Which days: today has them all, yesterday none.
    let today = chrono::Utc::now().date_naive();
    let yesterday = today.pred_opt().unwrap();
    let tomorrow = today.succ_opt().unwrap();
    let around = entries(
        &owner
            .audit_page(&format!("from={yesterday}&to={tomorrow}&limit=200"))
            .await
            .ok("around today"),
    );
    assert_eq!(around.len(), all.len());
    let before = entries(
        &owner
            .audit_page(&format!("to={}", yesterday.pred_opt().unwrap()))
            .await
            .ok("before yesterday"),
    );
    assert!(before.is_empty(), "{before:?}");

    // Pages: two at a time, following next_before, give the same entries.
    let mut paged = Vec::new();
    let mut query = "limit=2".to_string();
    loop {
        let page = owner.audit_page(&query).await.ok("a page");
        let batch = entries(&page);
        assert!(batch.len() <= 2);
        paged.extend(batch.iter().map(id_of));
        match page["next_before"].as_i64() {
            Some(next) => query = format!("limit=2&before={next}"),
            None => break,
        }
    }
    assert_eq!(paged, ids);

    // Bad filters name their parameter.
    for (query, status, field) in [
        ("limit=0", 422, "limit"),
        ("limit=201", 422, "limit"),
        ("from=gisteren", 400, "from"),
        ("from=2026-11-25&to=2026-11-24", 422, "to"),
    ] {
        let problem = owner.audit_page(query).await.problem(status, query);
        assert_eq!(problem.field.as_deref(), Some(field), "{query}");
    }

    // Managers read it; cashiers do not.
    manager.audit_page("").await.ok("a manager reads the log");
    cashier
        .audit_page("")
        .await
        .problem(403, "a cashier reads the log");
}

#[tokio::test]
async fn nobody_can_change_or_remove_an_entry_through_the_api() {
    let app = spawn_app().await;
    let owner = app.login("owner").await;
    let before = owner.audit().await;
    assert!(!before.is_empty());
    let id = id_of(&before[0]);
    for method in [
        reqwest::Method::PUT,
        reqwest::Method::DELETE,
        reqwest::Method::PATCH,
    ] {
        for path in ["/audit".to_string(), format!("/audit/{id}")] {
            let resp = send(
                owner
                    .http
                    .request(method.clone(), owner.url(&path))
                    .json(&json!({ "action": "nothing.happened" })),
            )
            .await;
            assert!(
                resp.status == 404 || resp.status == 405,
                "{method} {path}: {} {}",
                resp.status,
                resp.text
            );
        }
    }
    assert_eq!(owner.audit().await, before);
}
