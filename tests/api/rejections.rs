//! Every rejection is a problem document naming what to fix (issue 13, hardening): a path or
//! query parameter of the wrong kind, something after a JSON body, a method a path does not
//! take, a path the API does not have. Nothing is `text/plain`, and a refused write writes
//! nothing.

use crate::common::*;
use serde_json::{Value, json};

/// What the shop's books look like: number of orders and the head of the event log.
async fn marks(staff: &StaffClient) -> (u64, u64) {
    (staff.order_total().await, staff.head_seq().await)
}

#[tokio::test]
async fn malformed_path_and_query_parameters_are_problems_naming_the_parameter() {
    let app = spawn_app().await;
    let owner = app.login("owner").await;
    let http = &owner.http;
    let mut failures = Failures::default();
    for (what, req, parameter) in [
        ("GET /orders/abc", http.get(owner.url("/orders/abc")), "id"),
        (
            "GET /orders/99999999999999999999",
            http.get(owner.url("/orders/99999999999999999999")),
            "id",
        ),
        (
            "GET /orders?offset=99999999999999999999",
            http.get(owner.url("/orders?offset=99999999999999999999")),
            "offset",
        ),
        (
            "GET /orders?limit=ten",
            http.get(owner.url("/orders?limit=ten")),
            "limit",
        ),
        (
            "GET /events?after=99999999999999999999",
            http.get(owner.url("/events?after=99999999999999999999")),
            "after",
        ),
        (
            "POST /orders/x/status",
            http.post(owner.url("/orders/x/status"))
                .json(&json!({ "status": "accepted" })),
            "id",
        ),
        (
            "POST /menu/items/1.5/sold-out",
            http.post(owner.url("/menu/items/1.5/sold-out"))
                .json(&json!({ "sold_out": true })),
            "id",
        ),
        (
            "DELETE /devices/-",
            http.delete(owner.url("/devices/-")),
            "id",
        ),
    ] {
        let resp = send(req).await;
        failures.check(
            what,
            resp.check_problem(400)
                .and_then(|p| match p.field.as_deref() {
                    Some(field) if field == parameter => {
                        if p.detail.contains(&format!("`{parameter}`")) {
                            Ok(())
                        } else {
                            Err(format!(
                                "the detail does not name `{parameter}`: {:?}",
                                p.detail
                            ))
                        }
                    }
                    other => Err(format!("field is {other:?}, not {parameter:?}")),
                }),
        );
    }
    failures.assert_none();
}

#[tokio::test]
async fn unknown_methods_paths_and_websocket_misuse_are_problems_too() {
    let app = spawn_app().await;
    let mut failures = Failures::default();

    let resp = send(app.http.delete(app.url("/shop"))).await;
    failures.check(
        "DELETE /shop",
        resp.check_problem(405).and_then(|p| {
            let allow = resp
                .headers
                .get("allow")
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default();
            if !allow.contains("GET") {
                Err(format!("Allow is {allow:?}"))
            } else if !p.detail.contains("GET") {
                Err(format!(
                    "the detail does not say which method works: {:?}",
                    p.detail
                ))
            } else {
                Ok(())
            }
        }),
    );
    let resp = send(app.http.put(app.url("/quote")).json(&json!({}))).await;
    failures.check("PUT /quote", resp.check_problem(405).map(|_| ()));

    let resp = send(app.http.get(app.url("/no/such/thing"))).await;
    failures.check(
        "GET /api/v1/no/such/thing",
        resp.check_problem(404).and_then(|p| {
            if p.detail.contains("/no/such/thing") {
                Ok(())
            } else {
                Err(format!("the detail does not name the path: {:?}", p.detail))
            }
        }),
    );
    // A WebSocket address asked for without the upgrade.
    let resp = send(app.http.get(app.url("/ws"))).await;
    failures.check(
        "GET /api/v1/ws without an upgrade",
        match resp.status {
            400..=499 => resp.check_problem(resp.status).map(|_| ()),
            other => Err(format!("status {other}: {}", resp.text)),
        },
    );
    failures.assert_none();
}

#[tokio::test]
async fn anything_after_a_json_body_is_refused_on_every_json_endpoint() {
    let app = spawn_app().await;
    let menu = app.menu().await;
    let pizza = menu.pizza();
    let order = OrderBuilder::pickup()
        .line(pizza, pizza.middle_size())
        .json();
    let owner = app.login("owner").await;
    let placed = app.place_pizza_order(pizza, "an order to move").await;
    let id = id_of(&owner.order_by_number(number_of(&placed)).await);
    let settings = owner.settings().await.ok("GET /settings");
    let counter = OrderBuilder::pickup()
        .no_contact()
        .channel("counter")
        .line(pizza, pizza.middle_size())
        .json();
    let account = app.account("cashier").await;

    let garbage = |body: &Value| format!("{body}xx");
    let cases: Vec<(&str, reqwest::RequestBuilder)> = vec![
        ("POST /orders", app.http.post(app.url("/orders"))),
        ("POST /quote", app.http.post(app.url("/quote"))),
        ("staff POST /orders", owner.http.post(owner.url("/orders"))),
        (
            "POST /orders/{id}/status",
            owner.http.post(owner.url(&format!("/orders/{id}/status"))),
        ),
        ("PUT /settings", owner.http.put(owner.url("/settings"))),
        (
            "POST /settings/pause",
            owner.http.post(owner.url("/settings/pause")),
        ),
        ("POST /auth/login", app.http.post(app.url("/auth/login"))),
        (
            "POST /devices/pair",
            app.http.post(app.url("/devices/pair")),
        ),
    ];
    let bodies: Vec<Value> = vec![
        order.clone(),
        order.clone(),
        counter,
        json!({ "status": "accepted" }),
        settings.clone(),
        json!({ "paused": true }),
        json!({ "name": account.name, "pin": account.pin }),
        json!({ "code": "ABCD2345", "name": "Keuken" }),
    ];
    let mut failures = Failures::default();
    for ((what, req), body) in cases.into_iter().zip(bodies) {
        let before = marks(&owner).await;
        let resp = send(
            req.header("content-type", "application/json")
                .body(garbage(&body)),
        )
        .await;
        failures.check(
            what,
            resp.check_problem(400).and_then(|p| {
                if p.detail.contains("after the JSON") {
                    Ok(())
                } else {
                    Err(format!(
                        "the detail does not say what is wrong: {:?}",
                        p.detail
                    ))
                }
            }),
        );
        let after = marks(&owner).await;
        if before != after {
            failures.check(
                what,
                Err(format!(
                    "wrote something: before {before:?}, after {after:?}"
                )),
            );
        }
    }
    // Whitespace after the JSON is still just JSON.
    let resp = send(
        app.http
            .post(app.url("/quote"))
            .header("content-type", "application/json")
            .body(format!("{order} \n")),
    )
    .await;
    failures.check(
        "POST /quote with a trailing newline",
        if resp.status == 200 {
            Ok(())
        } else {
            Err(format!("{} {}", resp.status, resp.text))
        },
    );
    failures.assert_none();
    assert_eq!(
        owner.order(id).await.ok("GET /orders/{id}")["status"],
        "placed",
        "the refused status change changed the order"
    );
    assert!(
        !app.shop_profile().await.paused,
        "the refused pause paused the shop"
    );
}
