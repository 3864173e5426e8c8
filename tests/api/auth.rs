//! Staff sessions: PIN login, the cookie and the bearer token, logout, the lock after wrong
//! PINs, and the public router that never shows staff data (docs/api.md "Staff router").

use std::time::Duration;

use crate::common::*;
use serde_json::json;

/// The `forno_session` value from a login answer's Set-Cookie header, with its attributes.
fn session_cookie(resp: &ApiResponse) -> (String, String) {
    let header = resp
        .headers
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("forno_session="))
        .unwrap_or_else(|| panic!("login sets no forno_session cookie: {:?}", resp.headers))
        .to_string();
    let value = header["forno_session=".len()..]
        .split(';')
        .next()
        .unwrap()
        .to_string();
    (value, header)
}

async fn me_with(app: &TestApp, cookie: Option<&str>, bearer: Option<&str>) -> ApiResponse {
    let mut req = http_client(false).get(app.url("/auth/me"));
    if let Some(c) = cookie {
        req = req.header("Cookie", format!("forno_session={c}"));
    }
    if let Some(t) = bearer {
        req = req.header("Authorization", format!("Bearer {t}"));
    }
    send(req).await
}

fn wrong_pin(pin: &str) -> String {
    if pin.starts_with('9') {
        "1".repeat(pin.len())
    } else {
        "9".repeat(pin.len())
    }
}

/// Logs the session behind `cookie` out, as the browser holding it would.
async fn log_out_by_cookie(app: &TestApp, cookie: &str) {
    let logout = send(
        http_client(false)
            .post(app.url("/auth/logout"))
            .header("Cookie", format!("forno_session={cookie}")),
    )
    .await;
    assert!((200..300).contains(&logout.status), "logout: {logout:?}");
}

#[tokio::test]
async fn every_role_logs_in_with_name_and_pin_and_gets_an_httponly_strict_cookie() {
    let app = spawn_app().await;
    for account in app.staff_accounts().await {
        let resp = app.post_login(&account.name, &account.pin).await;
        let body = resp.ok(&format!("login as {}", account.name));
        assert_eq!(body["staff"]["name"], account.name.as_str(), "{body}");
        assert_eq!(body["staff"]["role"], account.role.as_str(), "{body}");
        assert!(body["staff"]["id"].is_i64(), "{body}");
        assert!(
            body["token"].as_str().is_some_and(|t| t.len() >= 22),
            "{body}"
        );
        assert!(body["expires_at"].is_string(), "{body}");
        let (value, header) = session_cookie(&resp);
        assert!(!value.is_empty());
        let attrs = header.to_ascii_lowercase();
        assert!(
            attrs.contains("httponly"),
            "cookie is not HttpOnly: {header}"
        );
        assert!(
            attrs.contains("samesite=strict"),
            "cookie is not SameSite=Strict: {header}"
        );

        let me = me_with(&app, Some(&value), None).await.ok("GET /auth/me");
        assert_eq!(me["name"], account.name.as_str());
        assert_eq!(me["role"], account.role.as_str());
        assert!(
            me["permissions"].as_array().is_some_and(|p| !p.is_empty()),
            "{} has permissions: {me}",
            account.role
        );
    }
    // The cookie-holding client of `login` works too.
    let owner = app.login("owner").await;
    assert_eq!(owner.me().await.ok("me")["role"], "owner");

    // Screens offer only the moves a role may make: the kitchen prepares, it does not accept,
    // hand over or cancel.
    let kitchen = app.login("kitchen").await.me().await.ok("kitchen me");
    assert_eq!(
        kitchen["may_set_statuses"],
        json!(["preparing", "ready"]),
        "{kitchen}"
    );
    let cashier = app.login("cashier").await.me().await.ok("cashier me");
    assert!(
        cashier["may_set_statuses"]
            .as_array()
            .is_some_and(|s| s.contains(&json!("accepted")) && s.contains(&json!("cancelled"))),
        "{cashier}"
    );
}

#[tokio::test]
async fn the_bearer_token_works_until_logout_ends_the_session() {
    let app = spawn_app().await;
    let account = app.account("cashier").await;
    let resp = app.post_login(&account.name, &account.pin).await;
    let token = resp.ok("login")["token"].as_str().unwrap().to_string();
    let (cookie, _) = session_cookie(&resp);

    assert_eq!(
        me_with(&app, None, Some(&token)).await.ok("me by bearer")["role"],
        "cashier"
    );
    let orders = send(
        http_client(false)
            .get(app.url("/orders"))
            .bearer_auth(&token),
    )
    .await;
    orders.ok("GET /orders with a bearer token");
    me_with(&app, Some(&cookie), None).await.ok("me by cookie");

    log_out_by_cookie(&app, &cookie).await;
    me_with(&app, Some(&cookie), None)
        .await
        .problem(401, "the old cookie after logout");
    me_with(&app, None, Some(&token))
        .await
        .problem(401, "the old bearer token after logout");

    // Logging in again gives a fresh, working session.
    let again = app.login("cashier").await;
    again.me().await.ok("me after logging in again");
}

#[tokio::test]
async fn logging_out_on_one_screen_leaves_the_other_sessions_alone() {
    let app = spawn_app().await;
    let counter = app.login("cashier").await;
    let tablet = app.login("cashier").await;
    assert_ne!(counter.token, tablet.token, "each login is its own session");
    counter.logout().await.ok("logout at the counter");
    counter
        .me()
        .await
        .problem(401, "the logged-out counter session");
    tablet.me().await.ok("the tablet's session still works");
}

#[tokio::test]
async fn five_wrong_pins_lock_the_account_even_against_the_right_pin() {
    let app = spawn_app().await;
    let cashier = app.account("cashier").await;
    let bad = wrong_pin(&cashier.pin);
    for attempt in 1..=4 {
        app.post_login(&cashier.name, &bad)
            .await
            .problem(401, &format!("wrong PIN attempt {attempt}"));
    }
    let fifth = app.post_login(&cashier.name, &bad).await;
    assert!(
        fifth.status == 401 || fifth.status == 423,
        "fifth wrong PIN: {fifth:?}"
    );
    let locked = app.post_login(&cashier.name, &cashier.pin).await;
    locked.problem(423, "the right PIN after five wrong ones");

    // The lock is for that account only.
    let owner = app.login("owner").await;
    owner.me().await.ok("the owner is not locked out");

    // An unknown name is a plain 401, not a hint that the name does not exist.
    app.post_login("Niemand", &bad)
        .await
        .problem(401, "an unknown staff name");
}

#[tokio::test]
async fn the_public_router_never_shows_staff_names_pins_or_hashes() {
    let app = spawn_app().await;
    let staff_accounts = app.staff_accounts().await;
    let menu = app.menu().await;
    let pizza = menu.pizza();
    let order = OrderBuilder::pickup().line(pizza, pizza.middle_size());
    let placed = app
        .place_web_order(&order.json(), None)
        .await
        .expect_status(201, "a web order");
    assert_no_staff_data(&placed, &staff_accounts, "POST /orders");
    let token = str_of(&placed, "tracking_token");

    // Staff touch the order, so that their names are in its history.
    let manager = app.login("manager").await;
    let kitchen = app.login("kitchen").await;
    let id = id_of(&manager.order_by_number(number_of(&placed)).await);
    manager
        .change_status(id, &json!({"status": "accepted", "prep_time_minutes": 30}))
        .await
        .ok("accept");
    kitchen.set_status(id, "preparing").await;

    let public = [
        ("/healthz", format!("{}/healthz", app.address)),
        ("/api/v1/healthz", app.url("/healthz")),
        ("/shop", app.url("/shop")),
        ("/menu", app.url("/menu")),
        ("/menu?lang=en", app.url("/menu?lang=en")),
        (
            "/orders/track/{token}",
            app.url(&format!("/orders/track/{token}")),
        ),
    ];
    for (what, url) in public {
        let resp = send(app.http.get(url)).await;
        let body = resp.ok(what);
        assert_no_staff_data(&body, &staff_accounts, what);
    }
    let quote = app.quote(&order.json()).await.ok("POST /quote");
    assert_no_staff_data(&quote, &staff_accounts, "POST /quote");
}

#[tokio::test]
async fn a_stale_staff_cookie_in_the_browser_does_not_block_a_customer_order() {
    // The counter PC's browser still holds yesterday's session cookie (expired or logged out
    // elsewhere) when someone orders on the public ordering page, which needs no session.
    let app = spawn_app().await;
    let account = app.account("cashier").await;
    let login = app.post_login(&account.name, &account.pin).await;
    let (cookie, _) = session_cookie(&login);
    log_out_by_cookie(&app, &cookie).await;

    let menu = app.menu().await;
    let pizza = menu.pizza();
    let order = OrderBuilder::pickup()
        .line(pizza, pizza.middle_size())
        .json();
    let placed = send(
        http_client(false)
            .post(app.url("/orders"))
            .header("Cookie", format!("forno_session={cookie}"))
            .json(&order),
    )
    .await
    .expect_status(
        201,
        "POST /orders (public, no session needed) with a stale cookie",
    );
    let staff = app.login("cashier").await;
    assert_eq!(
        staff.order_by_number(number_of(&placed)).await["channel"],
        "web"
    );
}

#[tokio::test]
async fn tracking_and_session_tokens_never_reach_the_log() {
    // Log every request, as a shop owner debugging a problem would.
    let app = TestApp::spawn_with(&[("FORNO_DEMO_ALWAYS_OPEN", "1"), ("RUST_LOG", "debug")]).await;
    let menu = app.menu().await;
    let pizza = menu.pizza();
    let placed = app.place_pizza_order(pizza, "order").await;
    let tracking = str_of(&placed, "tracking_token").to_string();
    app.track(&tracking).await.ok("track");
    if let Ok(mut socket) =
        crate::common::ws::connect_customer(&app.ws_url(&format!("/ws/track/{tracking}"))).await
    {
        crate::common::ws::hello(&mut socket, Some(0)).await;
        crate::common::ws::expect_welcome(&mut socket).await;
    }
    let staff = app.login("cashier").await;
    staff.me().await.ok("me");
    send(
        http_client(false)
            .get(app.url("/orders"))
            .bearer_auth(&staff.token),
    )
    .await
    .ok("orders by bearer");
    tokio::time::sleep(Duration::from_millis(300)).await;

    let log = app.log_text();
    assert!(
        log.lines().count() > 5,
        "RUST_LOG=debug should log the requests; got:\n{log}"
    );
    for (what, secret) in [
        ("tracking token", &tracking),
        ("session token", &staff.token),
    ] {
        let leaks: Vec<&str> = log
            .lines()
            .filter(|l| l.contains(secret.as_str()))
            .collect();
        assert!(
            leaks.is_empty(),
            "the {what} is in the log:\n{}",
            leaks.join("\n")
        );
    }
}
