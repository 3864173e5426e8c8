//! Who may do what, tested from the one table (S1): every operation of the served OpenAPI
//! document × every caller (owner, manager, cashier, kitchen, a paired kitchen screen, nobody),
//! with a valid body and a deliberately incomplete one. The expected answer is not written here:
//! it comes from the document (`security`, `x-forno-actions`) and from what `GET /auth/me` says
//! each caller may do, which is the server's table. A role that may not gets 403 before its
//! body is looked at; every answer must be one the document declares, with its content type.

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use crate::common::openapi::{Access, Operation, operations, served};
use crate::common::ws::{Incoming, connect_customer, connect_staff, expect_welcome, hello, next};
use crate::common::*;
use reqwest::Method;
use serde_json::{Value, json};

/// How a caller sends its credentials: the API accepts both, so the matrix uses both.
#[derive(Clone, Copy)]
enum Scheme {
    Cookie,
    Bearer,
}

/// Someone calling the API. Credentials go in explicit headers on a client without a cookie
/// store, so that an answer setting a cookie (`POST /auth/login` in the matrix) never turns
/// one caller into another.
struct Caller {
    name: String,
    http: reqwest::Client,
    /// The session or device token; `None` for nobody.
    token: Option<String>,
    scheme: Scheme,
    /// What `GET /auth/me` says this caller may do; `None` when nobody is logged in.
    permissions: Option<BTreeSet<String>>,
    may_set_statuses: BTreeSet<String>,
}

impl Caller {
    fn nobody() -> Caller {
        Caller {
            name: "nobody".into(),
            http: http_client(false),
            token: None,
            scheme: Scheme::Cookie,
            permissions: None,
            may_set_statuses: BTreeSet::new(),
        }
    }

    fn request(&self, method: Method, url: &str) -> reqwest::RequestBuilder {
        let request = self.http.request(method, url);
        match (&self.token, self.scheme) {
            (None, _) => request,
            (Some(token), Scheme::Cookie) => {
                request.header("Cookie", format!("forno_session={token}"))
            }
            (Some(token), Scheme::Bearer) => request.bearer_auth(token),
        }
    }

    /// A logged-in caller; its table is what `/auth/me` answers.
    async fn logged_in(app: &TestApp, name: &str, token: String, scheme: Scheme) -> Caller {
        let mut caller = Caller {
            name: name.to_string(),
            token: Some(token),
            scheme,
            ..Caller::nobody()
        };
        let me = send(caller.request(Method::GET, &app.url("/auth/me")))
            .await
            .ok(&format!("GET /auth/me as {name}"));
        let names = |key: &str| -> BTreeSet<String> {
            me[key]
                .as_array()
                .unwrap_or_else(|| panic!("/auth/me has no {key} list: {me}"))
                .iter()
                .map(|v| v.as_str().expect("names").to_string())
                .collect()
        };
        caller.permissions = Some(names("permissions"));
        caller.may_set_statuses = names("may_set_statuses");
        caller
    }

    /// Whether this caller's role has one of `actions` (any login will do when it is empty);
    /// `None` when nobody is logged in.
    fn may_any(&self, actions: &[String]) -> Option<bool> {
        let permissions = self.permissions.as_ref()?;
        Some(actions.is_empty() || actions.iter().any(|a| permissions.contains(a)))
    }
}

/// What a request may answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expect {
    /// 401: no working credentials.
    LogIn,
    /// 403: the role may not, decided before the body is read.
    Forbidden,
    /// Anything but 401, 403 and a server error: the caller got past who-may-do-what.
    Allowed,
    /// 400 or 422: the caller got past who-may-do-what and the body was refused.
    BodyRefused,
}

impl Expect {
    fn check(self, resp: &ApiResponse) -> Result<(), String> {
        let ok = match self {
            Expect::LogIn => resp.status == 401,
            Expect::Forbidden => resp.status == 403,
            Expect::Allowed => !matches!(resp.status, 401 | 403) && resp.status < 500,
            Expect::BodyRefused => matches!(resp.status, 400 | 422),
        };
        if ok {
            Ok(())
        } else {
            Err(format!(
                "expected {self:?}, got {} {}",
                resp.status,
                truncate(&resp.text, 240)
            ))
        }
    }
}

/// One request of the matrix.
struct Variant {
    label: String,
    body: Option<Value>,
    incomplete: bool,
    /// For a status change: the status it asks for; the role must be allowed to set it.
    status: Option<String>,
}

impl Variant {
    fn plain() -> Variant {
        Variant {
            label: "no body".into(),
            body: None,
            incomplete: false,
            status: None,
        }
    }

    fn valid(body: Value) -> Variant {
        Variant {
            label: "valid body".into(),
            body: Some(body),
            incomplete: false,
            status: None,
        }
    }

    fn incomplete(body: Value) -> Variant {
        Variant {
            label: format!("incomplete body {body}"),
            body: Some(body),
            incomplete: true,
            status: None,
        }
    }
}

/// What the shop looks like when the matrix runs: the ids and bodies requests need.
struct Fixture {
    path_values: BTreeMap<&'static str, String>,
    item_edit: Value,
    settings: Value,
    counter_order: Value,
    owner: StaffAccount,
}

/// The requests for one operation: a valid body and an incomplete one for operations that take
/// a body. A new operation with a body fails the test until its bodies are added here.
fn variants(op: &Operation, f: &Fixture) -> Result<Vec<Variant>, String> {
    if !op.has_body {
        return Ok(vec![Variant::plain()]);
    }
    let route = op.path.trim_start_matches("/api/v1");
    let (valid, incomplete) = match (op.method.as_str(), route) {
        // Quoted as a counter order: a customer (no credentials) gets it as a web order, a
        // staff login needs `take_orders`, as for placing it.
        ("POST", "/quote") => (
            f.counter_order.clone(),
            json!({ "fulfilment": { "type": "pickup" } }),
        ),
        ("POST", "/quote/lines") => (
            json!({ "lines": f.counter_order["lines"].clone() }),
            json!({ "lines": [{ "size": "30" }] }),
        ),
        ("POST", "/orders/{id}/payments") => (
            json!({ "method": "card", "amount_cents": 1 }),
            json!({ "method": "card" }),
        ),
        // With the owner's approval, so that a cashier's discount gets past its own 403.
        ("POST", "/orders/{id}/discounts") => (
            json!({ "kind": "percent", "value": 1, "reason": "proef",
                    "approval": { "name": f.owner.name, "pin": f.owner.pin } }),
            json!({ "kind": "percent", "reason": "proef" }),
        ),
        // With the owner's approval, so that a cashier's void gets past its own 403.
        ("POST", "/orders/{id}/voids") => (
            json!({ "line": 0, "reason": "proef",
                    "approval": { "name": f.owner.name, "pin": f.owner.pin } }),
            json!({ "reason": "proef" }),
        ),
        ("POST", "/settings/prep-time") => (json!({ "prep_time_minutes": 20 }), json!({})),
        ("POST", "/orders") => (f.counter_order.clone(), json!({ "channel": "counter" })),
        ("POST", "/orders/{id}/status") => {
            let mut moves: Vec<Variant> = ["accepted", "preparing", "completed", "cancelled"]
                .iter()
                .map(|status| Variant {
                    label: format!("to {status}"),
                    body: Some(json!({ "status": status, "reason": "de klant belde af" })),
                    incomplete: false,
                    status: Some(status.to_string()),
                })
                .collect();
            moves.push(Variant::incomplete(json!({ "reason": "geen status" })));
            return Ok(moves);
        }
        ("PUT", "/settings") => (f.settings.clone(), json!({ "name": "Half ingevuld" })),
        ("POST", "/settings/pause") => (json!({ "paused": false }), json!({})),
        ("PUT", "/settings/notifications") => (
            json!({ "mail": null, "owner_alert_minutes": 5 }),
            json!({ "mail": null }),
        ),
        ("POST", "/settings/notifications/test-mail") => {
            (json!({ "to": "eigenaar@bella.test" }), json!({}))
        }
        ("POST", "/orders/{id}/lines/done") => (
            json!({ "lines": [0], "done": true }),
            json!({ "done": true }),
        ),
        ("PUT", "/kitchen/stations") => (
            json!({ "stations": [] }),
            json!({ "stations": [{ "code": "oven" }] }),
        ),
        ("PUT", "/menu/items/{id}") => (f.item_edit.clone(), json!({ "name": { "nl": "Half" } })),
        ("POST", "/menu/items/{id}/sold-out") => (json!({ "sold_out": false }), json!({})),
        ("POST", "/menu/items") => (f.item_edit.clone(), json!({ "names": { "nl": "Half" } })),
        // Never `true`: the pizza the rest of the matrix orders must stay on the menu.
        ("POST", "/menu/items/{id}/archive") => (json!({ "archived": false }), json!({})),
        // A photo is bytes, checked to be an image: JSON is refused (422) for whoever may upload.
        ("PUT", "/menu/items/{id}/photo") => (json!({}), json!({})),
        ("POST", "/menu/categories") | ("PUT", "/menu/categories/{id}") => (
            json!({ "names": { "nl": "Matrix" } }),
            json!({ "halves_allowed": true }),
        ),
        ("POST", "/menu/categories/{id}/archive") => (json!({ "archived": false }), json!({})),
        ("PUT", "/menu/categories/order") | ("PUT", "/menu/categories/{id}/items/order") => {
            (json!({ "ids": [] }), json!({}))
        }
        ("POST", "/menu/extras") => (
            json!({ "names": { "nl": "Matrix" }, "price_cents": 100 }),
            json!({ "names": { "nl": "Matrix" } }),
        ),
        ("POST", "/devices/pairing-codes") => (json!({ "role": "kitchen" }), json!({})),
        ("POST", "/printers") | ("PUT", "/printers/{id}") => (
            json!({ "name": "Matrix", "profile": "generic-58mm", "connection": "usb",
                    "address": "/dev/usb/lp9" }),
            json!({ "name": "Matrix" }),
        ),
        ("POST", "/print-jobs/{id}/reprint") | ("POST", "/print-jobs/{id}/retry") => {
            (json!({}), json!({ "printer_id": "the kitchen one" }))
        }
        ("POST", "/orders/{id}/print") => (json!({ "layout": "kitchen" }), json!({})),
        // The defaults again, so the other operations print as they would.
        ("PUT", "/print-rules") => (
            json!({ "rules": [
                { "trigger": "web_order_accepted", "layout": "kitchen" },
                { "trigger": "counter_order_sent", "layout": "kitchen" },
                { "trigger": "order_paid", "layout": "receipt" },
                { "trigger": "cash_paid", "layout": "drawer" },
            ] }),
            json!({ "rules": [{ "trigger": "order_paid" }] }),
        ),
        ("POST", "/devices/pair") => (
            json!({ "code": "ZZZZ-ZZZZ", "name": "Keuken 9" }),
            json!({ "name": "Keuken 9" }),
        ),
        ("POST", "/staff") => (
            json!({ "name": "Matrix", "role": "cashier", "pin": "58203" }),
            json!({ "name": "Matrix", "role": "cashier" }),
        ),
        ("PUT", "/staff/{id}") => (
            json!({ "name": "Matrix", "role": "cashier", "active": true }),
            json!({ "name": "Matrix" }),
        ),
        ("POST", "/staff/{id}/pin") => (json!({ "pin": "58203" }), json!({})),
        // A wrong current PIN: past the door, refused at `old_pin`, nothing changed.
        ("POST", "/auth/pin") => (
            json!({ "old_pin": "00000000", "new_pin": "58203" }),
            json!({ "new_pin": "58203" }),
        ),
        ("POST", "/auth/login") => (
            json!({ "name": f.owner.name, "pin": f.owner.pin }),
            json!({ "name": f.owner.name }),
        ),
        ("POST", "/setup") => (
            json!({ "shop": f.settings, "owner": { "name": "Gina", "pin": "5820" } }),
            json!({ "owner": { "name": "Gina", "pin": "5820" } }),
        ),
        _ => {
            return Err(format!(
                "{} takes a body, and this test has none for it: add a valid and an incomplete one to `variants`",
                op.name()
            ));
        }
    };
    Ok(vec![Variant::valid(valid), Variant::incomplete(incomplete)])
}

/// What `caller` should get for `variant` of `op`, from the document and the caller's table.
fn expected(op: &Operation, caller: &Caller, variant: &Variant) -> Expect {
    let past_the_door = |may: bool| match (may, variant.incomplete) {
        (false, _) => Expect::Forbidden,
        (true, true) => Expect::BodyRefused,
        (true, false) => Expect::Allowed,
    };
    match (op.access, caller.may_any(&op.actions)) {
        (Access::Public, _) => past_the_door(true),
        (Access::Staff, None) => Expect::LogIn,
        // Who asks decides what the body may ask for, so the body is read first: an
        // incomplete one is refused for everybody, a valid one without credentials is a
        // customer's (a web order, the hello-authenticated socket).
        (Access::StaffOptional, _) if variant.incomplete => Expect::BodyRefused,
        (Access::StaffOptional, None) => Expect::Allowed,
        (_, Some(may)) => match &variant.status {
            // The route lets in every role that may move orders at all; the status asked for
            // decides, by the same table (`may_set_statuses`).
            Some(status) if may && !variant.incomplete => {
                past_the_door(caller.may_set_statuses.contains(status))
            }
            _ => past_the_door(may),
        },
    }
}

async fn fixture(app: &TestApp) -> Fixture {
    let owner = app.login("owner").await;
    let menu = app.menu().await;
    let pizza = menu.pizza();
    let placed = app.place_pizza_order(pizza, "a web order to act on").await;
    let order_id = id_of(&owner.order_by_number(number_of(&placed)).await);
    let admin = owner.menu_admin().await.ok("GET /menu/admin");
    let admin_item = admin["categories"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|c| c["items"].as_array().cloned().unwrap_or_default())
        .find(|i| i["id"] == pizza.id)
        .expect("the pizza is on the admin menu");
    let settings = owner.settings().await.ok("GET /settings");
    let path_values = BTreeMap::from([
        ("token", str_of(&placed, "tracking_token").to_string()),
        ("id", String::new()), // filled per path below
        ("order", order_id.to_string()),
        ("item", pizza.id.to_string()),
        ("photo", "999999".to_string()),
        ("file", "small.jpg".to_string()),
    ]);
    Fixture {
        path_values,
        item_edit: item_edit(&admin_item, 0),
        settings,
        counter_order: OrderBuilder::pickup()
            .no_contact()
            .channel("counter")
            .line(pizza, pizza.middle_size())
            .json(),
        owner: app.account("owner").await,
    }
}

/// The values of `op`'s path parameters: the order, the pizza, a device nobody paired.
fn path_values(op: &Operation, f: &Fixture) -> BTreeMap<&'static str, String> {
    let mut values = f.path_values.clone();
    let id = if op.path.contains("/orders/") {
        values["order"].clone()
    } else if op.path.contains("/menu/items/") {
        values["item"].clone()
    } else {
        // Unpairing the kitchen screen this test calls as would end its part of the matrix.
        "999999".to_string()
    };
    values.insert("id", id);
    values
}

/// Nobody, each role by its session cookie, and a paired kitchen screen by its bearer token.
async fn callers(app: &TestApp) -> Vec<Caller> {
    let mut callers = vec![Caller::nobody()];
    for role in ROLES {
        let staff = app.login(role).await;
        callers.push(Caller::logged_in(app, role, staff.token.clone(), Scheme::Cookie).await);
    }
    let owner = app.login("owner").await;
    let code = owner
        .pairing_code("kitchen")
        .await
        .expect_status(201, "a pairing code");
    let paired = send(
        http_client(false)
            .post(app.url("/devices/pair"))
            .json(&json!({ "code": code["code"], "name": "Keukenscherm" })),
    )
    .await
    .expect_status(201, "pair a kitchen screen");
    let token = str_of(&paired, "token").to_string();
    callers.push(Caller::logged_in(app, "paired kitchen screen", token, Scheme::Bearer).await);
    let code = owner
        .pairing_code("printer")
        .await
        .expect_status(201, "a pairing code for a print agent");
    let paired = send(
        http_client(false)
            .post(app.url("/devices/pair"))
            .json(&json!({ "code": code["code"], "name": "Bar-pc" })),
    )
    .await
    .expect_status(201, "pair a print agent");
    let token = str_of(&paired, "token").to_string();
    callers.push(Caller::logged_in(app, "paired print agent", token, Scheme::Bearer).await);
    callers
}

#[tokio::test]
async fn every_operation_answers_every_caller_as_the_permission_table_says() {
    let app = spawn_app().await;
    let doc = served(&app).await;
    let fixture = fixture(&app).await;
    let callers = callers(&app).await;
    let mut ops = operations(&doc);
    // Logging out ends the session the rest of the matrix runs on: it goes last.
    ops.sort_by_key(|op| op.path.ends_with("/auth/logout"));
    assert!(
        ops.iter().filter(|op| op.access == Access::Staff).count() >= 15,
        "the document lists too few staff operations: {:?}",
        ops.iter().map(Operation::name).collect::<Vec<_>>()
    );

    let mut failures = Failures::default();
    let mut seen: BTreeMap<&str, BTreeSet<u16>> = BTreeMap::new();
    for op in &ops {
        let variants = match variants(op, &fixture) {
            Ok(v) => v,
            Err(why) => {
                failures.check(&op.name(), Err(why));
                continue;
            }
        };
        let url = op.url(&app, &path_values(op, &fixture));
        let method = Method::from_bytes(op.method.as_bytes()).unwrap();
        for caller in &callers {
            for variant in &variants {
                let mut request = caller.request(method.clone(), &url);
                if let Some(body) = &variant.body {
                    request = request.json(body);
                }
                let resp = send(request).await;
                let case = format!("{} as {} ({})", op.name(), caller.name, variant.label);
                let expect = expected(op, caller, variant);
                failures.check(&case, expect.check(&resp));
                failures.check(&format!("{case}: document"), op.declares(&resp));
                if matches!(resp.status, 401 | 403) {
                    failures.check(
                        &format!("{case}: problem"),
                        resp.check_problem(resp.status).map(|_| ()),
                    );
                }
                seen.entry(op.path.as_str())
                    .or_default()
                    .insert(resp.status);
            }
        }
    }
    failures.assert_none();

    // The matrix saw both sides of the table: every staff operation refused somebody and let
    // somebody in.
    for op in ops.iter().filter(|op| op.access == Access::Staff) {
        let statuses = &seen[op.path.as_str()];
        assert!(
            statuses.iter().any(|s| !matches!(s, 401 | 403)),
            "{}: nobody got past the door ({statuses:?})",
            op.name()
        );
    }
}

#[tokio::test]
async fn a_role_that_may_not_hears_403_before_anything_about_its_half_filled_form() {
    let app = spawn_app().await;
    let kitchen = app.login("kitchen").await;
    let manager = app.login("manager").await;
    let before = marks(&manager).await;
    let item = app.menu().await.pizza().id;
    for (what, body) in [
        ("a name only", json!({ "name": { "nl": "Margherita" } })),
        ("no JSON at all", json!("not an item")),
    ] {
        kitchen
            .put_item(item, &body)
            .await
            .problem(403, &format!("the kitchen sends an item edit with {what}"));
        manager
            .put_item(item, &body)
            .await
            .problem(400, &format!("the manager sends an item edit with {what}"));
    }
    // Not JSON, not even sent as JSON: still the role first.
    let raw = send(
        kitchen
            .http
            .put(kitchen.url(&format!("/menu/items/{item}")))
            .header("content-type", "text/plain")
            .body("naam=Margherita"),
    )
    .await;
    raw.problem(403, "the kitchen sends a form as text/plain");
    nothing_written(&manager, before).await.unwrap();
}

#[tokio::test]
async fn the_live_feed_lets_in_whoever_may_see_orders_and_closes_on_anyone_else() {
    let app = spawn_app().await;
    let doc = served(&app).await;
    let feed = operations(&doc)
        .into_iter()
        .find(|op| op.method == "GET" && op.path == "/api/v1/ws")
        .expect("the staff feed is a documented operation");
    let url = app.ws_url("/ws");
    for caller in callers(&app).await {
        let may = caller.may_any(&feed.actions);
        let connected = match &caller.token {
            Some(token) => connect_staff(&url, token).await,
            None => connect_customer(&url).await,
        };
        if may == Some(false) {
            // A print agent: its credentials are good, its role may not follow orders.
            let refused = connected.err().unwrap_or_else(|| {
                panic!("{} may not follow orders, yet got a socket", caller.name)
            });
            assert_eq!(refused.status, Some(403), "{}: {refused:?}", caller.name);
            continue;
        }
        let mut socket =
            connected.unwrap_or_else(|e| panic!("{}: the handshake failed: {e:?}", caller.name));
        hello(&mut socket, None).await;
        match may {
            Some(true) => {
                expect_welcome(&mut socket).await;
            }
            Some(false) => unreachable!("refused at the handshake above"),
            None => match next(&mut socket, Duration::from_secs(10)).await {
                Some(Incoming::Closed {
                    code: Some(4001), ..
                }) => {}
                other => panic!("a socket without credentials got {other:?}, not close 4001"),
            },
        }
    }
}

/// docs/api.md's copy of the table, by role: the actions with a ✓ in that role's column.
fn documented_table() -> BTreeMap<String, BTreeSet<String>> {
    let api_md = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/api.md"))
        .expect("docs/api.md");
    let section = api_md
        .split("### Who may do what")
        .nth(1)
        .expect("docs/api.md has a \"Who may do what\" section");
    let mut rows = section.lines().filter(|l| l.starts_with('|'));
    let roles: Vec<String> = rows
        .next()
        .expect("a header row")
        .split('|')
        .map(str::trim)
        .skip(2)
        .filter(|c| !c.is_empty())
        .map(str::to_string)
        .collect();
    let mut table: BTreeMap<String, BTreeSet<String>> =
        roles.iter().map(|r| (r.clone(), BTreeSet::new())).collect();
    for row in rows.skip(1) {
        let cells: Vec<&str> = row.split('|').map(str::trim).collect();
        let action = cells[1].trim_matches('`').to_string();
        for (role, cell) in roles.iter().zip(&cells[2..]) {
            if *cell == "✓" {
                table.get_mut(role).unwrap().insert(action.clone());
            }
        }
    }
    table
}

#[tokio::test]
async fn the_table_in_docs_api_md_is_the_one_auth_me_reports() {
    let app = spawn_app().await;
    let documented = documented_table();
    assert_eq!(
        documented.keys().collect::<Vec<_>>(),
        {
            let mut roles = ROLES.to_vec();
            roles.sort_unstable();
            roles
        },
        "docs/api.md's table has a column per role"
    );
    for role in ROLES {
        let me = app.login(role).await.me().await.ok("GET /auth/me");
        let reported: BTreeSet<String> = me["permissions"]
            .as_array()
            .expect("permissions")
            .iter()
            .map(|p| p.as_str().unwrap().to_string())
            .collect();
        assert_eq!(
            reported, documented[role],
            "docs/api.md says something else than GET /auth/me about what a {role} may do"
        );
    }
}

#[tokio::test]
async fn who_asks_decides_the_channel_not_the_body() {
    let app = spawn_app().await;
    let menu = app.menu().await;
    let pizza = menu.pizza();
    let as_counter = OrderBuilder::pickup()
        .no_contact()
        .channel("counter")
        .line(pizza, pizza.middle_size())
        .json();
    let cashier = app.login("cashier").await;
    let before = marks(&cashier).await;
    // A customer naming the counter channel is still a customer: a web order needs contact
    // details. A quote may come before the customer typed them (the checkout's totals), but the
    // contact it does send is held to a customer's rules: an empty one would do at the counter.
    let empty_contact = OrderBuilder::pickup()
        .contact("", "")
        .channel("counter")
        .line(pizza, pizza.middle_size())
        .json();
    for (what, resp) in [
        ("POST /quote", app.quote(&empty_contact).await),
        ("POST /orders", app.place_web_order(&as_counter, None).await),
    ] {
        let problem = resp.problem(422, &format!("{what} as \"counter\" without credentials"));
        assert!(
            problem
                .field
                .as_deref()
                .is_some_and(|f| f.starts_with("contact")),
            "{what}: {problem:?}"
        );
    }
    nothing_written(&cashier, before).await.unwrap();
    // The same body from the counter is a counter order.
    let placed = cashier
        .place_counter_order(&as_counter)
        .await
        .expect_status(201, "the cashier's counter order");
    assert_eq!(placed["channel"], "counter", "{placed}");
}
