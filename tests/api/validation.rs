//! Bad input: every refusal is an `application/problem+json` a person can act on, names the
//! field to blame, and writes nothing (no order, no event) (docs/api.md "Errors").

use crate::common::menu::Menu as MenuOf;
use crate::common::time::{HOUR, next_monday_17_utc, now_unix, quarter_floor, rfc3339};
use crate::common::*;
use serde_json::{Value, json};

enum Body {
    Json(Value),
    Raw(Vec<u8>),
}

struct Case {
    name: &'static str,
    body: Body,
    status: u16,
    /// The `field` the problem must name (a prefix, so `lines[0].extras` accepts
    /// `lines[0].extras[0]`).
    field: Option<&'static str>,
    /// Words the detail must contain so that a person knows what to fix.
    detail_mentions: Option<String>,
    /// `POST /quote` prices the same cart, so it must refuse it the same way.
    quote_too: bool,
}

fn case(name: &'static str, order: &OrderBuilder, field: &'static str) -> Case {
    Case {
        name,
        body: Body::Json(order.json()),
        status: 422,
        field: Some(field),
        detail_mentions: None,
        quote_too: field.starts_with("lines") || field.starts_with("fulfilment"),
    }
}

async fn check_case(app: &TestApp, staff: &StaffClient, case: &Case) -> Result<(), String> {
    let before = marks(staff).await;
    let resp = match &case.body {
        Body::Json(v) => app.place_web_order(v, None).await,
        Body::Raw(bytes) => app.place_web_order_raw(bytes.clone()).await,
    };
    check_problem(case, &resp)?;
    nothing_written(staff, before).await?;
    if let (true, Body::Json(v)) = (case.quote_too, &case.body) {
        check_problem(case, &app.quote(v).await).map_err(|e| format!("POST /quote: {e}"))?;
    }
    Ok(())
}

fn check_problem(case: &Case, resp: &ApiResponse) -> Result<(), String> {
    let problem = resp.check_problem(case.status)?;
    if let Some(field) = case.field {
        match &problem.field {
            Some(f) if f.starts_with(field) => {}
            other => {
                return Err(format!(
                    "field is {other:?}, expected {field:?} ({problem:?})"
                ));
            }
        }
    }
    match &case.detail_mentions {
        Some(words) if !problem.detail.contains(words.as_str()) => Err(format!(
            "detail {:?} does not mention {words:?}",
            problem.detail
        )),
        _ => Ok(()),
    }
}

#[tokio::test]
async fn every_bad_order_is_refused_with_a_problem_naming_the_field_and_nothing_is_written() {
    let app = spawn_app().await;
    let (menu, shop) = (app.menu().await, app.shop_profile().await);
    let staff = app.login("cashier").await;
    let pizza = menu.pizza().clone();
    let size = pizza.middle_size().to_string();
    let beer = menu.beer().clone();
    let zone = shop.zone().clone();

    app.login("kitchen")
        .await
        .set_sold_out(beer.id, true)
        .await
        .ok("the kitchen marks the beer sold out");
    assert!(
        app.menu().await.item(beer.id).sold_out,
        "the public menu shows {} as sold out",
        beer.name
    );

    let good = || OrderBuilder::pickup().line(&pizza, &size);
    let missing_size = MenuOf::size_missing_from(&pizza);
    let menu_now = app.menu().await; // without the sold-out beer
    let (cheap, cheap_size) = menu_now.cheapest();
    assert!(
        cheap_size.price_cents < zone.minimum_order_cents,
        "the demo zone's minimum ({}) is above the cheapest item",
        zone.minimum_order_cents
    );
    let mut unknown_item = good().json();
    unknown_item["lines"][0]["item_id"] = json!(menu.max_item_id() + 1000);
    let mut wrong_type = good().json();
    wrong_type["lines"][0]["quantity"] = json!("two");
    let mut no_lines = good().json();
    no_lines.as_object_mut().unwrap().remove("lines");
    let mut no_phone = good().json();
    no_phone["contact"] = json!({ "name": "Jan de Vries" });
    let oversized = good().note(&"x".repeat(70 * 1024)).json();
    let (plain, foreign_extra) = menu.item_with_foreign_extra();
    let odd_slot = rfc3339(quarter_floor(now_unix()) + 2 * HOUR + 7 * 60);
    let far = shop.farthest_zone().clone();
    let far_quantity = far.minimum_order_cents / pizza.price(&size) + 1;
    // The first pickup slot is about the prep time away: too soon for a delivery that needs
    // the far zone's extra minutes on top (at least 15 of them, for this to hold).
    assert!(
        far.extra_minutes >= 15,
        "the demo's far zone needs ≥ 15 extra minutes"
    );
    let too_soon_for_far_zone = shop
        .slots
        .pickup
        .first()
        .expect("an always-open shop has pickup slots")
        .clone();
    let past_slot = rfc3339(quarter_floor(now_unix()) - 2 * HOUR);

    let cases = vec![
        Case {
            name: "malformed JSON",
            body: Body::Raw(br#"{"lines": [ {"item_id": 1,"#.to_vec()),
            status: 400,
            field: None,
            detail_mentions: None,
            quote_too: false,
        },
        Case {
            name: "a quantity that is not a number",
            body: Body::Json(wrong_type),
            status: 400,
            field: None,
            detail_mentions: None,
            quote_too: false,
        },
        Case {
            name: "an order without its lines field",
            body: Body::Json(no_lines),
            status: 400,
            field: Some("lines"),
            detail_mentions: None,
            quote_too: false,
        },
        Case {
            name: "a body over 64 KiB",
            body: Body::Raw(oversized.to_string().into_bytes()),
            status: 413,
            field: None,
            detail_mentions: None,
            quote_too: false,
        },
        Case {
            name: "an item that does not exist",
            body: Body::Json(unknown_item),
            status: 422,
            field: Some("lines[0].item_id"),
            detail_mentions: None,
            quote_too: true,
        },
        Case {
            detail_mentions: Some(beer.name.clone()),
            ..case(
                "a sold-out item (second line)",
                &good().line(&beer, beer.first_size()),
                "lines[1]",
            )
        },
        Case {
            detail_mentions: Some(missing_size.clone()),
            ..case(
                "a size the pizza does not have",
                &OrderBuilder::pickup().line(&pizza, &missing_size),
                "lines[0].size",
            )
        },
        case(
            "an extra this item does not offer",
            &OrderBuilder::pickup()
                .with(LineBuilder::new(plain, plain.first_size()).extra(foreign_extra)),
            "lines[0].extras",
        ),
        case(
            "quantity 0",
            &OrderBuilder::pickup().with(LineBuilder::new(&pizza, &size).quantity(0)),
            "lines[0].quantity",
        ),
        case(
            "quantity 100",
            &OrderBuilder::pickup().with(LineBuilder::new(&pizza, &size).quantity(100)),
            "lines[0].quantity",
        ),
        case("an empty cart", &OrderBuilder::pickup(), "lines"),
        Case {
            body: Body::Json(no_phone),
            ..case(
                "a web order without a phone number",
                &good(),
                "contact.phone",
            )
        },
        case(
            "delivery without an address",
            &OrderBuilder::delivery_without_address().line(&pizza, &size),
            "fulfilment.address",
        ),
        case(
            "a postcode outside every delivery zone",
            &OrderBuilder::delivery(&shop.postcode_outside_every_zone()).line(&pizza, &size),
            "fulfilment.address.postcode",
        ),
        Case {
            field: None,
            quote_too: true,
            ..case(
                "delivery below the zone's minimum",
                &OrderBuilder::delivery(&zone.postcode()).line(cheap, &cheap_size.code),
                "",
            )
        },
        case(
            "half-and-half with a half from a category without halves",
            &OrderBuilder::pickup().with(LineBuilder::new(&pizza, &size).second_half(plain, &[])),
            "lines[0].second_half",
        ),
        case(
            "removing an ingredient the pizza does not have",
            &OrderBuilder::pickup().with(
                LineBuilder::new(&pizza, &size).without(
                    menu.items()
                        .flat_map(|i| i.ingredients.iter().map(|g| g.id))
                        .max()
                        .unwrap_or(0)
                        + 1000,
                ),
            ),
            "lines[0].removed_ingredients",
        ),
        case(
            "a slot that is not on the quarter hour",
            &good().at(&odd_slot),
            "requested_time",
        ),
        case(
            "a delivery slot sooner than prep time plus the zone's extra minutes",
            &OrderBuilder::delivery(&far.postcode())
                .with(LineBuilder::new(&pizza, &size).quantity(far_quantity))
                .at(&too_soon_for_far_zone),
            "requested_time",
        ),
        case(
            "a slot in the past",
            &good().at(&past_slot),
            "requested_time",
        ),
    ];
    let mut failures = Failures::default();
    for c in &cases {
        failures.check(c.name, check_case(&app, &staff, c).await);
    }
    // A good order still goes through afterwards: the refusals were about the input.
    app.place_web_order(&good().json(), None)
        .await
        .expect_status(201, "a good order after all the bad ones");
    failures.assert_none();
}

#[tokio::test]
async fn a_slot_outside_opening_hours_is_refused() {
    // Real opening hours: Tue–Sun 16:00–22:00 Europe/Amsterdam; Monday is closed.
    let app = TestApp::spawn_with(&[]).await;
    let menu = app.menu().await;
    let shop = app.shop_profile().await;
    let staff = app.login("cashier").await;
    let monday = rfc3339(next_monday_17_utc());
    assert!(
        !shop.slots.pickup.contains(&monday),
        "the shop offers a Monday slot {monday} although it is closed on Mondays"
    );
    let pizza = menu.pizza();
    let before = marks(&staff).await;
    let problem = app
        .place_web_order(
            &OrderBuilder::pickup()
                .at(&monday)
                .line(pizza, pizza.middle_size())
                .json(),
            None,
        )
        .await
        .problem(422, &format!("a pickup on Monday {monday}"));
    assert_eq!(
        problem.field.as_deref(),
        Some("requested_time"),
        "{problem:?}"
    );
    nothing_written(&staff, before).await.unwrap();
}

#[tokio::test]
async fn a_paused_shop_refuses_web_orders_with_409_until_it_resumes() {
    let app = spawn_app().await;
    let menu = app.menu().await;
    let pizza = menu.pizza();
    let order = OrderBuilder::pickup()
        .line(pizza, pizza.middle_size())
        .json();
    let cashier = app.login("cashier").await;

    cashier
        .pause(true)
        .await
        .ok("the cashier pauses online orders");
    assert!(app.shop_profile().await.paused, "GET /shop shows the pause");
    let before = marks(&cashier).await;
    app.place_web_order(&order, None)
        .await
        .problem(409, "a web order while paused");
    nothing_written(&cashier, before).await.unwrap();
    // The pause is for online orders: the counter keeps selling.
    cashier
        .place_counter_order(
            &OrderBuilder::pickup()
                .no_contact()
                .channel("counter")
                .line(pizza, pizza.middle_size())
                .json(),
        )
        .await
        .expect_status(201, "a counter order while online orders are paused");

    cashier.pause(false).await.ok("resume");
    assert!(!app.shop_profile().await.paused);
    app.place_web_order(&order, None)
        .await
        .expect_status(201, "a web order after resuming");
}

#[tokio::test]
async fn staff_routes_refuse_a_missing_or_forged_session_with_401() {
    let app = spawn_app().await;
    let anonymous = &app.http;
    let mut failures = Failures::default();
    for (what, req) in [
        (
            "GET /orders without a session",
            anonymous.get(app.url("/orders")),
        ),
        (
            "GET /orders/1 without a session",
            anonymous.get(app.url("/orders/1")),
        ),
        (
            "GET /events without a session",
            anonymous.get(app.url("/events?after=0")),
        ),
        (
            "GET /settings without a session",
            anonymous.get(app.url("/settings")),
        ),
        (
            "GET /auth/me without a session",
            anonymous.get(app.url("/auth/me")),
        ),
        (
            "POST /orders/1/status without a session",
            anonymous
                .post(app.url("/orders/1/status"))
                .json(&json!({"status": "accepted"})),
        ),
        (
            "a forged session cookie",
            app.forged_staff(Some("c2Vzc2lvbi10aGF0LW5ldmVyLWV4aXN0ZWQ"), None),
        ),
        (
            "a forged bearer token",
            app.forged_staff(None, Some("dG9rZW4tdGhhdC1uZXZlci1leGlzdGVk")),
        ),
    ] {
        let resp = send(req).await;
        failures.check(what, resp.check_problem(401).map(|_| ()));
    }
    failures.assert_none();
}

#[tokio::test]
async fn roles_without_the_permission_get_403_and_change_nothing() {
    let app = spawn_app().await;
    let menu = app.menu().await;
    let pizza = menu.pizza();
    let (kitchen, cashier) = (app.login("kitchen").await, app.login("cashier").await);
    let settings = kitchen
        .settings()
        .await
        .ok("the kitchen may read the settings");
    let mut changed = settings.clone();
    changed["prep_time_minutes"] = json!(55);
    let counter_order = OrderBuilder::pickup()
        .no_contact()
        .channel("counter")
        .line(pizza, pizza.middle_size())
        .json();

    let mut failures = Failures::default();
    let before = marks(&cashier).await;
    failures.check(
        "kitchen PUT /settings",
        kitchen
            .put_settings(&changed)
            .await
            .check_problem(403)
            .map(|_| ()),
    );
    failures.check(
        "cashier PUT /settings",
        cashier
            .put_settings(&changed)
            .await
            .check_problem(403)
            .map(|_| ()),
    );
    failures.check(
        "kitchen places a counter order",
        kitchen
            .place_counter_order(&counter_order)
            .await
            .check_problem(403)
            .map(|_| ()),
    );
    failures.check(
        "kitchen pauses the shop",
        kitchen.pause(true).await.check_problem(403).map(|_| ()),
    );
    failures.check("nothing written", nothing_written(&cashier, before).await);

    // The kitchen moves orders through preparation, but does not hand them over or cancel them.
    let placed = app.place_pizza_order(pizza, "a web order").await;
    let id = id_of(&cashier.order_by_number(number_of(&placed)).await);
    cashier.set_status(id, "accepted").await;
    kitchen.set_status(id, "preparing").await;
    kitchen.set_status(id, "ready").await;
    let before = marks(&cashier).await;
    failures.check(
        "kitchen completes an order",
        kitchen
            .change_status(id, &json!({"status": "completed"}))
            .await
            .check_problem(403)
            .map(|_| ()),
    );
    failures.check(
        "kitchen cancels an order",
        kitchen
            .change_status(id, &json!({"status": "cancelled", "reason": "op"}))
            .await
            .check_problem(403)
            .map(|_| ()),
    );
    failures.check("nothing written", nothing_written(&cashier, before).await);
    let after = cashier.settings().await.ok("GET /settings");
    failures.check(
        "settings unchanged",
        if after == settings {
            Ok(())
        } else {
            Err(format!("settings changed by a refused request: {after}"))
        },
    );
    failures.check(
        "shop not paused",
        if app.shop_profile().await.paused {
            Err("the kitchen's refused pause paused the shop".into())
        } else {
            Ok(())
        },
    );
    failures.assert_none();

    // The refusals are about the role: a manager may change the settings.
    let manager = app.login("manager").await;
    manager
        .put_settings(&changed)
        .await
        .ok("the manager changes the prep time");
    assert_eq!(
        app.shop().await.ok("GET /shop")["prep_time_minutes"],
        55,
        "the shop shows the new prep time"
    );
}

#[tokio::test]
async fn too_many_orders_from_one_address_get_429_with_retry_after() {
    let app = TestApp::spawn_with(&[
        ("FORNO_DEMO_ALWAYS_OPEN", "1"),
        ("FORNO_ORDERS_PER_MINUTE", "3"),
    ])
    .await;
    let menu = app.menu().await;
    let pizza = menu.pizza();
    let order = OrderBuilder::pickup()
        .line(pizza, pizza.middle_size())
        .json();
    for n in 1..=3 {
        app.place_web_order(&order, None)
            .await
            .expect_status(201, &format!("order {n} of 3 allowed per minute"));
    }
    let staff = app.login("cashier").await;
    let before = marks(&staff).await;
    let refused = app.place_web_order(&order, None).await;
    refused.problem(429, "the fourth order within a minute");
    let retry_after: u64 = refused
        .headers
        .get("retry-after")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("429 without a numeric Retry-After: {:?}", refused.headers));
    assert!((1..=60).contains(&retry_after), "Retry-After {retry_after}");
    nothing_written(&staff, before).await.unwrap();
}
