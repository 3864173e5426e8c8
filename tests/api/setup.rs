//! The first-run setup (D4), black-box: a shop started for its owner waits for the wizard,
//! refuses online orders and logins until then, takes the owner's answers once, from the shop's
//! own computer only, and names the field of every bad answer without changing anything.

use crate::common::{ApiResponse, OrderBuilder, TestApp, http_client, send};
use serde_json::{Value, json};

async fn spawn_new_shop() -> TestApp {
    TestApp::spawn_with(&[("FORNO_FIRST_RUN", "setup")]).await
}

/// What an owner fills in: open every day around the clock (so a test order works at any hour),
/// pickup and delivery in one zone.
fn answers() -> Value {
    let hours: Vec<Value> = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
        .iter()
        .map(|day| json!({ "weekday": day, "open": "00:00", "close": "24:00" }))
        .collect();
    json!({
        "shop": {
            "name": "Pizzeria Bella Napoli",
            "address": "Dorpsstraat 1, 3011 AA Rotterdam",
            "phone": "010 765 4321",
            "vat_number": "NL 8123.45.678.B01",
            "time_zone": "Europe/Amsterdam",
            "hours": hours,
            "zones": [{ "id": 1, "name": "Centrum", "postcodes": ["3011-3016"],
                        "fee_cents": 300, "minimum_order_cents": 2000, "extra_minutes": 15 }],
            "prep_time_minutes": 25,
            "pickup_enabled": true,
            "delivery_enabled": true
        },
        "owner": { "name": "Gina", "pin": "5820" }
    })
}

async fn post_setup(app: &TestApp, http: &reqwest::Client, body: &Value) -> ApiResponse {
    send(http.post(app.url("/setup")).json(body)).await
}

async fn setup_status(app: &TestApp) -> Value {
    send(app.http.get(app.url("/setup"))).await.ok("GET /setup")
}

/// The answers with `path` (like `shop.zones[0].postcodes`) set to `value`.
fn with(path: &str, value: Value) -> Value {
    with_all(&[(path, value)])
}

fn with_all(changes: &[(&str, Value)]) -> Value {
    let mut body = answers();
    for (path, value) in changes {
        let mut at = &mut body;
        for part in path.split('.') {
            at = match part.split_once('[') {
                Some((key, index)) => {
                    let i: usize = index.trim_end_matches(']').parse().unwrap();
                    &mut at[key][i]
                }
                None => &mut at[part],
            };
        }
        *at = value.clone();
    }
    body
}

#[tokio::test]
async fn a_new_shop_waits_for_its_owner_and_the_setup_opens_it() {
    let app = spawn_new_shop().await;
    assert!(
        app.printed("/setup").await,
        "the banner should say where to finish the setup:\n{}",
        app.log_text()
    );

    // Before: the example menu, online orders paused, nobody to log in as.
    let status = setup_status(&app).await;
    assert_eq!(status["needs_setup"], true);
    assert!(status["setup_url"].as_str().unwrap().ends_with("/setup"));
    assert_eq!(status["shop"]["paused"], true);
    let menu = app.menu().await;
    assert!(menu.items().count() >= 20, "the example menu is there");
    let order = OrderBuilder::pickup().line(menu.pizza(), menu.pizza().first_size());
    app.place_web_order(&order.json(), None)
        .await
        .problem(409, "a web order before the setup");

    // The owner finishes the wizard and is logged in by it.
    let owner = http_client(true);
    let answer = post_setup(&app, &owner, &answers()).await;
    let login = answer.expect_status(201, "POST /setup");
    assert_eq!(login["staff"]["role"], "owner");
    assert_eq!(login["staff"]["name"], "Gina");
    let cookie = answer
        .headers
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    assert!(cookie.starts_with("forno_session=") && cookie.contains("HttpOnly"));
    let me = send(owner.get(app.url("/auth/me")))
        .await
        .ok("GET /auth/me");
    assert_eq!(me["role"], "owner");

    // After: the shop is the owner's, open for orders, and the PIN works at the login.
    let status = setup_status(&app).await;
    assert_eq!(status["needs_setup"], false);
    assert_eq!(
        status["shop"],
        Value::Null,
        "settings are not public after the setup"
    );
    let shop = app.shop().await.ok("GET /shop");
    assert_eq!(shop["name"], "Pizzeria Bella Napoli");
    assert_eq!(shop["prep_time_minutes"], 25);
    assert_eq!(shop["paused"], false);
    assert_eq!(shop["zones"][0]["postcodes"][0], "3011-3016");
    app.place_web_order(&order.json(), None)
        .await
        .expect_status(201, "a web order after the setup");
    app.post_login("gina", "5820")
        .await
        .ok("the owner logs in with the PIN from the wizard");
}

#[tokio::test]
async fn the_setup_happens_once() {
    let app = spawn_new_shop().await;
    post_setup(&app, &http_client(true), &answers())
        .await
        .expect_status(201, "first setup");
    let again = with("owner", json!({ "name": "Mallory", "pin": "7391" }));
    let problem = post_setup(&app, &http_client(true), &again)
        .await
        .problem(409, "a second setup");
    assert!(problem.detail.contains("/settings"), "{}", problem.detail);
    app.post_login("Mallory", "7391")
        .await
        .problem(401, "no second owner");
    app.post_login("Gina", "5820").await.ok("the owner stays");
}

#[tokio::test]
async fn bad_answers_name_the_field_and_change_nothing() {
    let app = spawn_new_shop().await;
    let cases: Vec<(&str, Value, &str)> = vec![
        ("no shop name", with("shop.name", json!("  ")), "shop.name"),
        (
            "a VAT number that is not one",
            with("shop.vat_number", json!("NL12345")),
            "shop.vat_number",
        ),
        (
            "delivery without an area",
            with("shop.zones", json!([])),
            "shop.zones",
        ),
        (
            "a zone without postcodes",
            with("shop.zones[0].postcodes", json!([])),
            "shop.zones[0].postcodes",
        ),
        (
            "a postcode that is not one",
            with("shop.zones[0].postcodes", json!(["30AB"])),
            "shop.zones[0].postcodes[0]",
        ),
        (
            "neither pickup nor delivery",
            with_all(&[
                ("shop.pickup_enabled", json!(false)),
                ("shop.delivery_enabled", json!(false)),
            ]),
            "shop.pickup_enabled",
        ),
        (
            "a time that is not one",
            with("shop.hours[0].open", json!("25:00")),
            "shop.hours[0].open",
        ),
        (
            "closing before opening",
            with(
                "shop.hours[0]",
                json!({ "weekday": "mon", "open": "22:00", "close": "16:00" }),
            ),
            "shop.hours.mon",
        ),
        (
            "a prep time of a day",
            with("shop.prep_time_minutes", json!(1440)),
            "shop.prep_time_minutes",
        ),
        ("no owner name", with("owner.name", json!("")), "owner.name"),
        (
            "a PIN anybody would try",
            with("owner.pin", json!("1234")),
            "owner.pin",
        ),
        (
            "a PIN that is too short",
            with("owner.pin", json!("582")),
            "owner.pin",
        ),
        (
            "a PIN with letters",
            with("owner.pin", json!("58a0")),
            "owner.pin",
        ),
    ];
    let mut failures = crate::common::Failures::default();
    for (case, body, field) in &cases {
        let answer = post_setup(&app, &http_client(true), body).await;
        failures.check(
            case,
            answer
                .check_problem(422)
                .and_then(|p| match p.field.as_deref() {
                    Some(f) if f == *field => Ok(()),
                    other => Err(format!("field is {other:?}, expected {field}")),
                }),
        );
    }
    failures.assert_none();
    let status = setup_status(&app).await;
    assert_eq!(status["needs_setup"], true, "nothing was set up");
    assert_eq!(status["shop"]["name"], "", "nothing was saved");
}

#[tokio::test]
async fn the_setup_is_only_finished_on_the_shops_own_computer() {
    let Some(lan_ip) = this_computers_lan_ip() else {
        panic!("this test needs a network interface besides loopback to reach the server by");
    };
    let app = TestApp::spawn_listening("0.0.0.0:0", &[("FORNO_FIRST_RUN", "setup")]).await;
    let from_lan = format!("http://{lan_ip}:{}/api/v1/setup", app.port);
    let status = send(app.http.get(&from_lan))
        .await
        .ok("GET /setup from the LAN");
    assert!(
        status["ordering_url"]
            .as_str()
            .unwrap()
            .starts_with("http://"),
        "{status}"
    );
    let problem = send(http_client(true).post(&from_lan).json(&answers()))
        .await
        .problem(403, "setup from another computer");
    assert!(problem.detail.contains("127.0.0.1"), "{}", problem.detail);
    assert_eq!(setup_status(&app).await["needs_setup"], true);
    post_setup(&app, &http_client(true), &answers())
        .await
        .expect_status(201, "setup on the shop's computer");
}

/// The address of the interface with the default route (no packet is sent).
fn this_computers_lan_ip() -> Option<std::net::IpAddr> {
    let socket = std::net::UdpSocket::bind("0.0.0.0:0").ok()?;
    socket.connect("192.0.2.1:9").ok()?;
    let ip = socket.local_addr().ok()?.ip();
    (!ip.is_loopback() && !ip.is_unspecified()).then_some(ip)
}

#[tokio::test]
async fn the_demo_shop_needs_no_setup() {
    let app = crate::common::spawn_app().await;
    assert_eq!(setup_status(&app).await["needs_setup"], false);
    post_setup(&app, &http_client(true), &answers())
        .await
        .problem(409, "setting up the demo shop");
    app.login("owner").await;
}
