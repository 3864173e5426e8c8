//! Paired devices (S1, K4), black-box: the owner makes a pairing code, a kitchen screen opens
//! it once and works as the kitchen from then on, and the owner can unpair it.

use std::time::Duration;

use crate::common::{ApiResponse, TestApp, http_client, id_of, number_of, send, spawn_app, ws};
use serde_json::{Value, json};

async fn pair(app: &TestApp, http: &reqwest::Client, code: &str, name: &str) -> ApiResponse {
    send(
        http.post(app.url("/devices/pair"))
            .json(&json!({ "code": code, "name": name })),
    )
    .await
}

/// A code as a person types it from the screen: lower case, split in two with a dash.
fn typed(code: &str) -> String {
    let lower = code.to_lowercase();
    format!("{}-{}", &lower[..4], &lower[4..])
}

#[tokio::test]
async fn a_kitchen_screen_pairs_once_works_as_the_kitchen_and_can_be_unpaired() {
    let app = spawn_app().await;
    let owner = app.login("owner").await;
    let made = owner
        .pairing_code("kitchen")
        .await
        .expect_status(201, "a pairing code");
    let code = made["code"].as_str().unwrap().to_owned();
    assert_eq!(code.len(), 8);
    assert!(
        made["pair_url"]
            .as_str()
            .unwrap()
            .ends_with(&format!(":{}/pair/{code}", app.port)),
        "{made}"
    );

    // A bad name is refused without using the code up.
    let screen = http_client(true);
    let problem = pair(&app, &screen, &code, " ")
        .await
        .problem(422, "a device without a name");
    assert_eq!(problem.field.as_deref(), Some("name"));
    let paired = pair(&app, &screen, &typed(&code), "Keuken 1")
        .await
        .expect_status(201, "pairing with the typed code");
    assert_eq!(paired["staff"]["role"], "kitchen");
    assert_eq!(paired["staff"]["name"], "Keuken 1");
    let me = send(screen.get(app.url("/auth/me")))
        .await
        .ok("the screen's cookie works");
    assert_eq!(me["name"], "Keuken 1");

    // The code works once.
    let problem = pair(&app, &http_client(true), &code, "Keuken 2")
        .await
        .problem(404, "a used code");
    assert!(problem.detail.contains("new one"), "{}", problem.detail);

    // The screen does kitchen work: it starts an order the counter accepted.
    let menu = app.menu().await;
    let placed = app
        .place_pizza_order(menu.pizza(), "an order for the kitchen")
        .await;
    let cashier = app.login("cashier").await;
    let order = cashier.order_by_number(number_of(&placed)).await;
    cashier.set_status(id_of(&order), "accepted").await;
    send(
        screen
            .post(app.url(&format!("/orders/{}/status", id_of(&order))))
            .json(&json!({ "status": "preparing" })),
    )
    .await
    .ok("the kitchen screen starts the order");

    // The owner sees it and unpairs it; its cookie stops working at once.
    let devices = owner.devices().await.ok("GET /devices");
    let listed: Vec<&Value> = devices.as_array().unwrap().iter().collect();
    assert_eq!(listed.len(), 1, "{devices}");
    assert_eq!(listed[0]["kind"], "kitchen_screen");
    let id = id_of(listed[0]);
    owner.unpair(id).await.expect_status(204, "unpairing");
    send(screen.get(app.url("/auth/me")))
        .await
        .problem(401, "an unpaired screen");
    owner.unpair(id).await.problem(404, "unpairing twice");
    assert_eq!(owner.devices().await.ok("GET /devices"), json!([]));
}

#[tokio::test]
async fn only_the_owner_pairs_and_only_kitchen_screens_and_counters() {
    let app = spawn_app().await;
    for role in ["manager", "cashier", "kitchen"] {
        let staff = app.login(role).await;
        staff
            .pairing_code("kitchen")
            .await
            .problem(403, &format!("a pairing code made by the {role}"));
        staff.devices().await.problem(403, "the device list");
    }
    let owner = app.login("owner").await;
    for role in ["owner", "manager", "chef"] {
        let problem = owner
            .pairing_code(role)
            .await
            .problem(422, &format!("a device paired as {role}"));
        assert_eq!(problem.field.as_deref(), Some("role"));
    }
    let counter = owner
        .pairing_code("cashier")
        .await
        .expect_status(201, "a counter tablet's code");
    let paired = pair(
        &app,
        &http_client(true),
        counter["code"].as_str().unwrap(),
        "Tablet",
    )
    .await
    .expect_status(201, "pairing a counter tablet");
    assert_eq!(paired["staff"]["role"], "cashier");
    let devices = owner.devices().await.ok("GET /devices");
    assert_eq!(devices[0]["kind"], "counter");
}

#[tokio::test]
async fn an_unpaired_screen_loses_its_live_connection_at_once() {
    let app = spawn_app().await;
    let owner = app.login("owner").await;
    let code = owner.pairing_code("kitchen").await.ok("a pairing code");
    let paired = pair(
        &app,
        &http_client(true),
        code["code"].as_str().unwrap(),
        "Keuken",
    )
    .await
    .ok("pairing");
    let token = paired["token"].as_str().unwrap();
    let mut socket = ws::connect_staff(&app.ws_url("/ws"), token)
        .await
        .expect("the paired screen connects");
    ws::hello(&mut socket, None).await;
    ws::expect_welcome(&mut socket).await;

    let device = owner.devices().await.ok("GET /devices")[0].clone();
    owner
        .unpair(id_of(&device))
        .await
        .expect_status(204, "unpairing");
    match ws::next(&mut socket, Duration::from_secs(5)).await {
        Some(ws::Incoming::Closed { code, .. }) => assert_eq!(code, Some(4001)),
        other => panic!("expected the socket closed with 4001, got {other:?}"),
    }
    let refused = ws::connect_staff(&app.ws_url("/ws"), token)
        .await
        .expect_err("an unpaired screen cannot connect again");
    assert_eq!(refused.status, Some(401), "{}", refused.error);
}

#[tokio::test]
async fn guessed_codes_pair_nothing() {
    let app = spawn_app().await;
    for guess in ["AAAAAAAA", "", "ABCD2345", "' OR 1=1 --"] {
        pair(&app, &http_client(true), guess, "Keuken")
            .await
            .problem(404, &format!("pairing with {guess:?}"));
    }
    let owner = app.login("owner").await;
    assert_eq!(owner.devices().await.ok("GET /devices"), json!([]));
}
