//! Text is text (issue 13, hardening): a control character in anything a client types (a
//! printer command once tickets print: `ESC @` resets, `GS V` cuts) is refused with a 422 naming
//! the field, and nothing is written; ordinary text, emoji and accents included, is kept as
//! typed, trimmed.

use crate::common::*;
use serde_json::{Value, json};

/// A name with an escape sequence and a NUL in it.
const NAME: &str = "Jan\u{1b}p\u{0}";
/// An ESC/POS reset, a paper cut and a NUL, dressed as a note.
const NOTE: &str = "\u{1b}@\u{1d}V\u{0} cut";

async fn marks(staff: &StaffClient) -> (u64, u64) {
    (staff.order_total().await, staff.head_seq().await)
}

/// `doc` with `path` (like `contact.name` or `lines[0].note`) set to `value`.
fn with(mut doc: Value, path: &str, value: &str) -> Value {
    let mut at = &mut doc;
    for part in path.split('.') {
        at = match part.split_once('[') {
            Some((key, index)) => {
                &mut at[key][index.trim_end_matches(']').parse::<usize>().unwrap()]
            }
            None => &mut at[part],
        };
    }
    *at = json!(value);
    doc
}

fn refused(resp: &ApiResponse, field: &str) -> Result<(), String> {
    let problem = resp.check_problem(422)?;
    if problem.field.as_deref() != Some(field) {
        return Err(format!("field is {:?}, not {field:?}", problem.field));
    }
    if !problem.detail.contains("control character") {
        return Err(format!("the detail does not say why: {:?}", problem.detail));
    }
    Ok(())
}

#[tokio::test]
async fn control_characters_in_orders_and_quotes_are_refused_and_nothing_is_written() {
    let app = spawn_app().await;
    let (menu, shop) = (app.menu().await, app.shop_profile().await);
    let pizza = menu.pizza();
    let cashier = app.login("cashier").await;
    let web = OrderBuilder::pickup()
        .line(pizza, pizza.middle_size())
        .json();
    let delivery = OrderBuilder::delivery(&shop.zone().postcode())
        .with(LineBuilder::new(pizza, pizza.middle_size()).quantity(3))
        .json();
    let counter = OrderBuilder::pickup()
        .channel("counter")
        .line(pizza, pizza.middle_size())
        .json();

    let mut failures = Failures::default();
    for (what, order, field, value) in [
        ("web order, contact name", &web, "contact.name", NAME),
        ("web order, phone", &web, "contact.phone", "0612345678\u{7}"),
        (
            "web order, email",
            &web,
            "contact.email",
            "jan\u{85}@example.nl",
        ),
        ("web order, note", &web, "note", NOTE),
        ("web order, line note", &web, "lines[0].note", NOTE),
        (
            "web order, a bidi override",
            &web,
            "note",
            "Bel aan\u{202E}tla",
        ),
        (
            "delivery, street",
            &delivery,
            "fulfilment.address.street",
            "Kerkstraat\u{0}",
        ),
        (
            "delivery, city",
            &delivery,
            "fulfilment.address.city",
            "Amster\u{1b}dam",
        ),
        (
            "counter order, contact name",
            &counter,
            "contact.name",
            NAME,
        ),
        ("counter order, line note", &counter, "lines[0].note", NOTE),
    ] {
        let body = with(order.clone(), field, value);
        let before = marks(&cashier).await;
        let resp = if body["channel"] == "counter" {
            cashier.place_counter_order(&body).await
        } else {
            app.place_web_order(&body, None).await
        };
        failures.check(what, refused(&resp, field));
        if body["channel"] != "counter" {
            failures.check(
                &format!("{what} (quote)"),
                refused(&app.quote(&body).await, field),
            );
        }
        let after = marks(&cashier).await;
        if before != after {
            failures.check(what, Err(format!("wrote: {before:?} → {after:?}")));
        }
    }
    failures.assert_none();

    // Nothing refused reached a stored row: no order anywhere holds a control character.
    for order in cashier.all_orders().await {
        for text in all_strings(&order) {
            assert!(
                !text.chars().any(|c| c.is_control() && c != '\n'),
                "a stored order holds a control character: {order}"
            );
        }
    }
}

#[tokio::test]
async fn ordinary_text_is_kept_as_typed_and_trimmed() {
    let app = spawn_app().await;
    let menu = app.menu().await;
    let pizza = menu.pizza();
    let cashier = app.login("cashier").await;
    let order = OrderBuilder::pickup()
        .with(LineBuilder::new(pizza, pizza.middle_size()).note("  zonder ui 🧅  "))
        .contact("  Zoë van ’t Hof  ", "06 12345678")
        .note("Bel niet aan,\r\nbaby slaapt 👶\n")
        .json();
    let placed = app
        .place_web_order(&order, None)
        .await
        .expect_status(201, "an order with accents, emoji and a two-line note");
    let stored = cashier.order_by_number(number_of(&placed)).await;
    assert_eq!(stored["contact"]["name"], "Zoë van ’t Hof", "{stored}");
    assert_eq!(stored["note"], "Bel niet aan,\nbaby slaapt 👶", "{stored}");
    assert_eq!(stored["lines"][0]["note"], "zonder ui 🧅", "{stored}");
}

#[tokio::test]
async fn control_characters_in_settings_reasons_names_and_menu_edits_are_refused() {
    let app = spawn_app().await;
    let menu = app.menu().await;
    let pizza = menu.pizza();
    let owner = app.login("owner").await;
    let settings = owner.settings().await.ok("GET /settings");
    let placed = app.place_pizza_order(pizza, "an order to cancel").await;
    let id = id_of(&owner.order_by_number(number_of(&placed)).await);
    let item = owner.menu_admin().await.ok("GET /menu/admin")["categories"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|c| c["items"].as_array().cloned().unwrap_or_default())
        .find(|i| i["id"] == pizza.id)
        .expect("the pizza in the admin menu");
    let item_body = json!({
        "category_id": item["category_id"],
        "names": item["names"],
        "descriptions": item["descriptions"],
        "vat_rate_percent": item["vat_rate_percent"],
        "sold_out": false,
        "sizes": item["sizes"].as_array().unwrap().iter().map(|s| json!({
            "code": s["code"], "names": s["names"], "price_cents": s["price_cents"]
        })).collect::<Vec<_>>(),
        "extras": item["extras"].as_array().unwrap().iter().map(|e| e["id"].clone()).collect::<Vec<_>>(),
        "ingredients": item["ingredients"].as_array().unwrap().iter().map(|g| g["id"].clone()).collect::<Vec<_>>(),
        "allergens": item["allergens"],
        "position": item["position"],
    });
    owner
        .put_item(pizza.id, &item_body)
        .await
        .ok("the unchanged item is accepted as it is");

    let before = marks(&owner).await;
    let mut failures = Failures::default();
    for (what, field, resp) in [
        (
            "settings, shop name",
            "name",
            owner
                .put_settings(&with(settings.clone(), "name", NAME))
                .await,
        ),
        (
            "settings, address",
            "address",
            owner
                .put_settings(&with(settings.clone(), "address", NOTE))
                .await,
        ),
        (
            "settings, zone name",
            "zones[0].name",
            owner
                .put_settings(&with(settings.clone(), "zones[0].name", NAME))
                .await,
        ),
        (
            "cancel reason",
            "reason",
            owner
                .change_status(id, &json!({ "status": "cancelled", "reason": NOTE }))
                .await,
        ),
        (
            "reject reason",
            "reason",
            owner
                .change_status(id, &json!({ "status": "rejected", "reason": NOTE }))
                .await,
        ),
        (
            "menu item name",
            "names.nl",
            owner
                .put_item(pizza.id, &with(item_body.clone(), "names.nl", NAME))
                .await,
        ),
        (
            "menu item description",
            "descriptions.en",
            owner
                .put_item(pizza.id, &with(item_body.clone(), "descriptions.en", NOTE))
                .await,
        ),
        (
            "device name",
            "name",
            send(
                app.http
                    .post(app.url("/devices/pair"))
                    .json(&json!({ "code": "ABCD2345", "name": NAME })),
            )
            .await,
        ),
    ] {
        failures.check(what, refused(&resp, field));
    }
    assert_eq!(
        marks(&owner).await,
        before,
        "a refused request wrote something"
    );
    assert_eq!(
        owner.settings().await.ok("GET /settings"),
        settings,
        "a refused settings change changed the settings"
    );
    assert_eq!(
        owner.order(id).await.ok("GET /orders/{id}")["status"],
        "placed",
        "a refused status change moved the order"
    );
    failures.assert_none();
}

#[tokio::test]
async fn the_setup_wizard_refuses_control_characters_too() {
    let app = TestApp::spawn_with(&[("FORNO_FIRST_RUN", "setup")]).await;
    let status = send(app.http.get(app.url("/setup"))).await.ok("GET /setup");
    let mut shop = status["shop"].clone();
    shop["name"] = json!("Pizzeria Bella");
    let body = json!({ "shop": shop, "owner": { "name": "Gina", "pin": "5820" } });
    let mut failures = Failures::default();
    for (field, value) in [
        ("owner.name", NAME),
        ("shop.name", NAME),
        ("shop.phone", NOTE),
    ] {
        let resp = send(
            app.http
                .post(app.url("/setup"))
                .json(&with(body.clone(), field, value)),
        )
        .await;
        failures.check(field, refused(&resp, field));
    }
    failures.assert_none();
    let after = send(app.http.get(app.url("/setup"))).await.ok("GET /setup");
    assert_eq!(
        after["needs_setup"], true,
        "a refused setup set the shop up"
    );
    send(app.http.post(app.url("/setup")).json(&body))
        .await
        .expect_status(201, "the clean setup");
}
