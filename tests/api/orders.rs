//! Orders end to end: a customer (or the cashier) orders, staff see it with the right money,
//! and the order moves through its statuses (docs/api.md "Order", "Staff router").

use std::collections::BTreeSet;

use crate::common::order::vat_in;
use crate::common::time::{DAY, amsterdam_offset, now_unix, parse_rfc3339, weekday};
use crate::common::*;
use serde_json::{Value, json};

fn is_url_safe_token(token: &str) -> bool {
    token.len() >= 22
        && token
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

fn is_order_number(n: &str) -> bool {
    n.len() >= 4 && n.starts_with('#') && n[1..].chars().all(|c| c.is_ascii_digit())
}

fn statuses(order: &Value) -> Vec<String> {
    order["status_history"]
        .as_array()
        .unwrap_or_else(|| panic!("order has no status_history: {order}"))
        .iter()
        .map(|h| h["status"].as_str().unwrap_or("?").to_string())
        .collect()
}

fn numbers(page: &Value) -> BTreeSet<String> {
    page["orders"]
        .as_array()
        .unwrap_or_else(|| panic!("no orders array in {page}"))
        .iter()
        .map(|o| o["number"].as_str().unwrap_or("?").to_string())
        .collect()
}

fn set(items: &[&str]) -> BTreeSet<String> {
    items.iter().map(|s| s.to_string()).collect()
}

/// Places a web order and returns the 201 answer.
async fn place(app: &TestApp, order: &OrderBuilder) -> Value {
    app.place_web_order(&order.json(), None)
        .await
        .expect_status(201, "place a web order")
}

#[tokio::test]
async fn a_web_order_with_pizza_and_beer_reaches_staff_with_the_right_totals_and_vat() {
    let app = spawn_app().await;
    let menu = app.menu().await;
    let (pizza, beer) = (menu.pizza(), menu.beer());
    assert_eq!(pizza.vat_rate_percent, 9, "food is at 9%");
    let (extra, removed) = (&pizza.extras[0], &pizza.ingredients[0]);
    let order = OrderBuilder::pickup()
        .with(
            LineBuilder::new(pizza, pizza.middle_size())
                .quantity(2)
                .extra(extra.id)
                .without(removed.id)
                .note("goed doorbakken"),
        )
        .with(LineBuilder::new(beer, beer.first_size()).quantity(3))
        .note("Graag servetten");
    let expected = order.expected(0);
    assert!(expected.vat.contains_key(&9) && expected.vat.contains_key(&21));

    // Prices a client sends are ignored: the server prices everything.
    let mut body = order.json();
    body["lines"][0]["unit_price_cents"] = json!(1);
    body["lines"][0]["total_cents"] = json!(1);
    body["subtotal_cents"] = json!(1);
    body["total_cents"] = json!(1);
    // And a customer cannot pose as the counter: public orders are always `web`.
    body["channel"] = json!("counter");

    let quote = app.quote(&body).await.ok("POST /quote");
    expected.assert_matches(&quote, "the quote");

    let placed = app
        .place_web_order(&body, None)
        .await
        .expect_status(201, "place a web order");
    assert_eq!(placed["status"], "placed");
    assert_eq!(placed["total_cents"], expected.total_cents, "{placed}");
    assert_eq!(number_of(&placed), "#001", "first order of the day");

    let staff = app.login("cashier").await;
    let list = staff.orders("").await.ok("GET /orders");
    assert_eq!(list["total"], 1, "{list}");
    assert_eq!(list["orders"][0]["number"], "#001");
    let view = staff
        .order(id_of(&list["orders"][0]))
        .await
        .ok("GET /orders/{id}");
    expected.assert_matches(&view, "the staff view");
    assert_eq!(view["status"], "placed");
    assert_eq!(view["channel"], "web");
    assert_eq!(view["fulfilment"]["type"], "pickup");
    assert_eq!(view["contact"]["name"], "Jan de Vries");
    assert_eq!(view["contact"]["phone"], "0612345678");
    assert_eq!(view["note"], "Graag servetten");
    let line = &view["lines"][0];
    assert_eq!(line["item_id"], pizza.id);
    assert_eq!(line["quantity"], 2);
    assert_eq!(line["note"], "goed doorbakken");
    assert!(
        line["extras"].to_string().contains(&extra.name),
        "the line names its extra {:?}: {line}",
        extra.name
    );
    assert!(
        line["removed_ingredients"]
            .to_string()
            .contains(&removed.name),
        "the line names the removed ingredient {:?}: {line}",
        removed.name
    );
    assert_eq!(statuses(&view), ["placed"]);
    assert!(view["cancel_reason"].is_null());
}

#[tokio::test]
async fn a_delivery_order_charges_the_zone_fee_as_a_line_at_9_percent() {
    let app = spawn_app().await;
    let (menu, shop) = (app.menu().await, app.shop_profile().await);
    let zone = shop.zone();
    let pizza = menu.pizza();
    let size = pizza.middle_size();
    // Enough pizzas to pass the zone's minimum.
    let quantity = zone.minimum_order_cents / pizza.price(size) + 1;
    let order = OrderBuilder::delivery(&zone.postcode())
        .with(LineBuilder::new(pizza, size).quantity(quantity));
    let expected = order.expected(zone.fee_cents);
    assert!(
        zone.fee_cents > 0,
        "the demo zone {} charges a fee",
        zone.name
    );

    let quote = app.quote(&order.json()).await.ok("POST /quote");
    expected.assert_matches(&quote, "the delivery quote");
    assert_eq!(
        quote["zone"]["id"], zone.id,
        "the quote names the zone: {quote}"
    );

    let placed = place(&app, &order).await;
    assert_eq!(placed["total_cents"], expected.total_cents);
    let staff = app.login("manager").await;
    let view = staff.order_by_number(number_of(&placed)).await;
    expected.assert_matches(&view, "the staff view of a delivery");
    assert_eq!(view["fulfilment"]["type"], "delivery");
    assert_eq!(view["fulfilment"]["address"]["house_number"], "12a");
    // The fee's VAT is in the 9% group, computed on the fee on its own.
    assert_eq!(
        expected.vat[&9],
        (
            expected.subtotal_cents + zone.fee_cents,
            expected.lines[0].vat_cents + vat_in(zone.fee_cents, 9)
        )
    );
}

#[tokio::test]
async fn order_numbers_count_up_and_the_tracking_link_shows_only_the_customer_view() {
    let app = spawn_app().await;
    let menu = app.menu().await;
    let pizza = menu.pizza();
    let first = place(
        &app,
        &OrderBuilder::pickup().line(pizza, pizza.middle_size()),
    )
    .await;
    let second = place(
        &app,
        &OrderBuilder::pickup()
            .contact("Piet Post", "0698765432")
            .line(pizza, pizza.first_size()),
    )
    .await;
    assert_eq!(number_of(&first), "#001");
    assert_eq!(number_of(&second), "#002");
    for placed in [&first, &second] {
        let number = number_of(placed);
        assert!(is_order_number(number), "order number {number:?}");
        let token = str_of(placed, "tracking_token");
        assert!(
            is_url_safe_token(token),
            "tracking token {token:?} must be ≥ 22 URL-safe characters"
        );
        assert!(
            str_of(placed, "tracking_url").contains(token),
            "the tracking URL carries the token: {placed}"
        );
    }
    assert_ne!(first["tracking_token"], second["tracking_token"]);

    // Staff accept the first order; the customer sees it, but not who did it.
    let staff = app.login("cashier").await;
    let view = staff.order_by_number("#001").await;
    staff
        .change_status(
            id_of(&view),
            &json!({"status": "accepted", "prep_time_minutes": 25}),
        )
        .await
        .ok("accept");

    let token = str_of(&first, "tracking_token");
    let tracked = app.track(token).await.ok("GET /orders/track/{token}");
    assert_eq!(tracked["number"], "#001");
    assert_eq!(tracked["status"], "accepted");
    assert_eq!(tracked["total_cents"], first["total_cents"]);
    assert_eq!(tracked["lines"].as_array().map(Vec::len), Some(1));
    assert_eq!(statuses(&tracked), ["placed", "accepted"]);
    for entry in tracked["status_history"].as_array().unwrap() {
        let keys: BTreeSet<&str> = entry
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert!(
            keys.is_subset(&["status", "at"].into_iter().collect()),
            "the customer's history shows status and time only, got {entry}"
        );
    }
    assert_no_staff_data(&tracked, &app.staff_accounts().await, "the tracking page");
    assert!(
        !tracked.to_string().contains("Piet Post") && !tracked.to_string().contains("0698765432"),
        "one customer's tracking page shows another customer's details: {tracked}"
    );

    let unknown = app.track("AAAAAAAAAAAAAAAAAAAAAA").await;
    unknown.problem(404, "an unknown tracking token");

    // Checked last so that the checks above still run: the name of the field in the 201.
    assert_eq!(
        first["number"], "#001",
        "docs/api.md: POST /orders answers 201 {{number, tracking_token, ...}}: {first}"
    );
}

#[tokio::test]
async fn a_pickup_order_goes_placed_accepted_preparing_ready_completed() {
    let app = spawn_app().await;
    let menu = app.menu().await;
    let placed = place(
        &app,
        &OrderBuilder::pickup().line(menu.pizza(), menu.pizza().middle_size()),
    )
    .await;
    let (cashier, kitchen) = (app.login("cashier").await, app.login("kitchen").await);
    let id = id_of(&cashier.order_by_number(number_of(&placed)).await);

    cashier
        .change_status(id, &json!({"status": "accepted", "prep_time_minutes": 25}))
        .await
        .ok("the cashier accepts");
    assert_eq!(cashier.order(id).await.ok("get")["status"], "accepted");
    kitchen.set_status(id, "preparing").await;
    assert_eq!(cashier.order(id).await.ok("get")["status"], "preparing");
    kitchen.set_status(id, "ready").await;
    assert_eq!(cashier.order(id).await.ok("get")["status"], "ready");
    cashier.set_status(id, "completed").await;

    let view = cashier.order(id).await.ok("GET /orders/{id}");
    assert_eq!(view["status"], "completed");
    assert_eq!(
        statuses(&view),
        ["placed", "accepted", "preparing", "ready", "completed"]
    );
    let tracked = app
        .track(str_of(&placed, "tracking_token"))
        .await
        .ok("track");
    assert_eq!(tracked["status"], "completed");

    let (events, _) = cashier.all_events().await;
    let types: Vec<&str> = events.iter().filter_map(|e| e["type"].as_str()).collect();
    assert_eq!(
        types
            .iter()
            .filter(|t| **t == "order.status_changed")
            .count(),
        4,
        "one order.status_changed event per step: {types:?}"
    );
}

#[tokio::test]
async fn a_delivery_order_goes_out_for_delivery_before_it_is_completed() {
    let app = spawn_app().await;
    let (menu, shop) = (app.menu().await, app.shop_profile().await);
    let pizza = menu.pizza();
    let zone = shop.zone();
    let order = OrderBuilder::delivery(&zone.postcode()).with(
        LineBuilder::new(pizza, pizza.middle_size())
            .quantity(zone.minimum_order_cents / pizza.price(pizza.middle_size()) + 1),
    );
    let placed = place(&app, &order).await;
    let lost = place(&app, &order).await;
    let cashier = app.login("cashier").await;
    let id = id_of(&cashier.order_by_number(number_of(&placed)).await);
    for status in [
        "accepted",
        "preparing",
        "ready",
        "out_for_delivery",
        "completed",
    ] {
        cashier.set_status(id, status).await;
        assert_eq!(cashier.order(id).await.ok("get")["status"], status);
    }
    assert_eq!(
        statuses(&cashier.order(id).await.ok("get")),
        [
            "placed",
            "accepted",
            "preparing",
            "ready",
            "out_for_delivery",
            "completed"
        ]
    );

    // An order that is on its way can still be cancelled (it is open), with a reason; the
    // kitchen had it, so it is a void, which a cashier needs a manager's PIN for
    // (tests/api/discounts.rs).
    let lost = id_of(&cashier.order_by_number(number_of(&lost)).await);
    for status in ["accepted", "preparing", "ready", "out_for_delivery"] {
        cashier.set_status(lost, status).await;
    }
    let manager = app.account("manager").await;
    cashier
        .change_status(
            lost,
            &json!({"status": "cancelled", "reason": "adres niet gevonden",
                    "approval": {"name": manager.name, "pin": manager.pin}}),
        )
        .await
        .ok("cancel an order out for delivery");
    assert_eq!(cashier.order(lost).await.ok("get")["status"], "cancelled");
}

#[tokio::test]
async fn impossible_status_changes_are_refused_with_409_and_change_nothing() {
    let app = spawn_app().await;
    let menu = app.menu().await;
    let placed = place(
        &app,
        &OrderBuilder::pickup().line(menu.pizza(), menu.pizza().middle_size()),
    )
    .await;
    let cashier = app.login("cashier").await;
    let id = id_of(&cashier.order_by_number(number_of(&placed)).await);

    let refuse = |from: &'static str, to: &'static str| {
        let cashier = cashier.clone();
        async move {
            let head = cashier.head_seq().await;
            cashier
                .change_status(id, &json!({ "status": to, "reason": "test" }))
                .await
                .problem(409, &format!("{from} → {to}"));
            let view = cashier.order(id).await.ok("get");
            assert_eq!(
                view["status"], from,
                "{from} → {to} was refused but changed the order"
            );
            assert_eq!(
                cashier.head_seq().await,
                head,
                "{from} → {to} wrote an event"
            );
        }
    };

    refuse("placed", "ready").await;
    refuse("placed", "completed").await;
    cashier.set_status(id, "accepted").await;
    refuse("accepted", "placed").await;
    refuse("accepted", "rejected").await; // rejecting is for orders nobody accepted yet
    cashier.set_status(id, "preparing").await;
    cashier.set_status(id, "ready").await;
    refuse("ready", "out_for_delivery").await; // a pickup order is never delivered
    cashier.set_status(id, "completed").await;
    refuse("completed", "preparing").await;
    refuse("completed", "cancelled").await;
}

#[tokio::test]
async fn cancelling_needs_a_reason_and_the_order_keeps_it() {
    let app = spawn_app().await;
    let menu = app.menu().await;
    let pizza = menu.pizza();
    let first = place(
        &app,
        &OrderBuilder::pickup().line(pizza, pizza.middle_size()),
    )
    .await;
    let second = place(
        &app,
        &OrderBuilder::pickup().line(pizza, pizza.first_size()),
    )
    .await;
    let cashier = app.login("cashier").await;
    let id = id_of(&cashier.order_by_number(number_of(&first)).await);
    cashier.set_status(id, "accepted").await;

    let head = cashier.head_seq().await;
    let problem = cashier
        .change_status(id, &json!({"status": "cancelled"}))
        .await
        .problem(422, "cancel without a reason");
    assert_eq!(problem.field.as_deref(), Some("reason"), "{problem:?}");
    assert_eq!(cashier.order(id).await.ok("get")["status"], "accepted");
    assert_eq!(
        cashier.head_seq().await,
        head,
        "a refused cancel wrote an event"
    );

    // Accepted: the kitchen has it, so the cashier's cancellation is a void (manager's PIN).
    let manager = app.account("manager").await;
    cashier
        .change_status(
            id,
            &json!({"status": "cancelled", "reason": "klant belde af",
                    "approval": {"name": manager.name, "pin": manager.pin}}),
        )
        .await
        .ok("cancel with a reason");
    let view = cashier.order(id).await.ok("get");
    assert_eq!(view["status"], "cancelled");
    assert_eq!(view["cancel_reason"], "klant belde af");
    assert_eq!(
        statuses(&view).last().map(String::as_str),
        Some("cancelled")
    );
    let (events, _) = cashier.all_events().await;
    assert!(
        events.iter().any(|e| e["type"] == "order.cancelled"),
        "cancelling publishes order.cancelled: {events:?}"
    );
    cashier
        .change_status(id, &json!({"status": "accepted"}))
        .await
        .problem(409, "a cancelled order cannot be reopened");
    let tracked = app
        .track(str_of(&first, "tracking_token"))
        .await
        .ok("track");
    assert_eq!(tracked["status"], "cancelled");

    // A new order can also be rejected outright.
    let other = id_of(&cashier.order_by_number(number_of(&second)).await);
    cashier.set_status(other, "rejected").await;
    assert_eq!(cashier.order(other).await.ok("get")["status"], "rejected");
}

#[tokio::test]
async fn half_and_half_costs_the_dearer_half_and_half_of_each_extra() {
    let app = spawn_app().await;
    let menu = app.menu().await;
    let cheap = menu.pizza();
    let size = cheap.middle_size();
    let dear = menu.dearer_pizza(cheap, size);
    let plain = LineBuilder::new(cheap, size).second_half(dear, &[]);
    let with_extras = LineBuilder::new(cheap, size)
        .extra(cheap.extras[0].id)
        .second_half(dear, &[dear.extras[0].id]);
    assert_eq!(
        plain.unit_price(),
        dear.price(size),
        "the dearer half sets the price"
    );
    let order = OrderBuilder::pickup().with(plain).with(with_extras);
    let expected = order.expected(0);

    expected.assert_matches(
        &app.quote(&order.json()).await.ok("POST /quote"),
        "a half-and-half quote",
    );
    let placed = place(&app, &order).await;
    assert_eq!(placed["total_cents"], expected.total_cents);
    let staff = app.login("cashier").await;
    let view = staff.order_by_number(number_of(&placed)).await;
    expected.assert_matches(&view, "a half-and-half order");
}

#[tokio::test]
async fn the_cashier_places_counter_and_phone_orders() {
    let app = spawn_app().await;
    let menu = app.menu().await;
    let pizza = menu.pizza();
    let cashier = app.login("cashier").await;

    let walk_in = OrderBuilder::pickup()
        .no_contact()
        .channel("counter")
        .line(pizza, pizza.middle_size());
    let counter = cashier
        .place_counter_order(&walk_in.json())
        .await
        .expect_status(201, "a walk-in order without contact details");
    let phone_order = OrderBuilder::pickup()
        .contact("Els Visser", "0201234567")
        .channel("phone")
        .line(pizza, pizza.first_size());
    let phone = cashier
        .place_counter_order(&phone_order.json())
        .await
        .expect_status(201, "a phone order");

    let counter_view = cashier.order_by_number(number_of(&counter)).await;
    assert_eq!(counter_view["channel"], "counter");
    walk_in
        .expected(0)
        .assert_matches(&counter_view, "the counter order");
    let phone_view = cashier.order_by_number(number_of(&phone)).await;
    assert_eq!(phone_view["channel"], "phone");
    assert_eq!(phone_view["contact"]["name"], "Els Visser");
}

#[tokio::test]
async fn an_order_for_a_later_slot_keeps_its_requested_time() {
    let app = spawn_app().await;
    let (menu, shop) = (app.menu().await, app.shop_profile().await);
    let slot = shop
        .slots
        .pickup
        .last()
        .expect("an always-open shop offers pickup slots")
        .clone();
    let pizza = menu.pizza();
    let placed = place(
        &app,
        &OrderBuilder::pickup()
            .at(&slot)
            .line(pizza, pizza.middle_size()),
    )
    .await;
    let staff = app.login("kitchen").await;
    let view = staff.order_by_number(number_of(&placed)).await;
    assert_eq!(view["requested_time"], slot.as_str());
}

#[tokio::test]
async fn staff_filter_orders_by_status_channel_and_search_and_page_through_them() {
    let app = spawn_app().await;
    let menu = app.menu().await;
    let pizza = menu.pizza();
    let size = pizza.middle_size();
    for (name, phone) in [
        ("Anna Bakker", "0611111111"),
        ("Bram Smit", "0622222222"),
        ("Carla Jansen", "0633333333"),
    ] {
        place(
            &app,
            &OrderBuilder::pickup()
                .contact(name, phone)
                .line(pizza, size),
        )
        .await;
    }
    let cashier = app.login("cashier").await;
    cashier
        .place_counter_order(
            &OrderBuilder::pickup()
                .no_contact()
                .channel("counter")
                .line(pizza, size)
                .json(),
        )
        .await
        .expect_status(201, "a counter order");
    let bram = cashier.order_by_number("#002").await;
    cashier.set_status(id_of(&bram), "accepted").await;

    let all = set(&["#001", "#002", "#003", "#004"]);
    let q = |query: &'static str| {
        let cashier = cashier.clone();
        async move { cashier.orders(query).await.ok(query) }
    };
    assert_eq!(numbers(&q("").await), all);
    assert_eq!(numbers(&q("status=accepted").await), set(&["#002"]));
    assert_eq!(
        numbers(&q("status=placed").await),
        set(&["#001", "#003", "#004"])
    );
    assert_eq!(numbers(&q("status=placed,accepted").await), all);
    assert_eq!(numbers(&q("channel=counter").await), set(&["#004"]));
    assert_eq!(
        numbers(&q("channel=web").await),
        set(&["#001", "#002", "#003"])
    );
    assert_eq!(
        numbers(&q("channel=web&status=placed").await),
        set(&["#001", "#003"])
    );
    assert_eq!(
        numbers(&q("q=002").await),
        set(&["#002"]),
        "search by number"
    );
    assert_eq!(
        numbers(&q("q=Bakker").await),
        set(&["#001"]),
        "search by name"
    );
    assert_eq!(
        numbers(&q("q=0633333333").await),
        set(&["#003"]),
        "search by phone"
    );

    let business_date = bram["business_date"]
        .as_str()
        .expect("business_date")
        .to_string();
    let today = cashier
        .orders(&format!("from={business_date}&to={business_date}"))
        .await
        .ok("from/to today");
    assert_eq!(numbers(&today), all);
    let later = q("from=2099-01-01&to=2099-01-31").await;
    assert_eq!(later["total"], 0, "no orders in 2099: {later}");

    let page1 = q("limit=2&offset=0").await;
    let page2 = q("limit=2&offset=2").await;
    let page3 = q("limit=2&offset=4").await;
    assert_eq!(page1["total"], 4);
    assert_eq!(page2["total"], 4);
    assert_eq!(numbers(&page1).len(), 2);
    assert_eq!(numbers(&page2).len(), 2);
    assert!(numbers(&page3).is_empty(), "{page3}");
    let both: BTreeSet<String> = numbers(&page1).union(&numbers(&page2)).cloned().collect();
    assert_eq!(both, all, "two pages show every order once");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn of_ten_simultaneous_accepts_exactly_one_wins() {
    let app = spawn_app().await;
    let menu = app.menu().await;
    let placed = place(
        &app,
        &OrderBuilder::pickup().line(menu.pizza(), menu.pizza().middle_size()),
    )
    .await;
    let cashier = app.login("cashier").await;
    let id = id_of(&cashier.order_by_number(number_of(&placed)).await);
    let head = cashier.head_seq().await;
    let tasks: Vec<_> = (0..10)
        .map(|_| {
            let cashier = cashier.clone();
            tokio::spawn(async move {
                cashier
                    .change_status(id, &json!({"status": "accepted", "prep_time_minutes": 25}))
                    .await
            })
        })
        .collect();
    let mut won = 0;
    for task in tasks {
        let resp = task.await.unwrap();
        match resp.status {
            200 => won += 1,
            _ => {
                resp.problem(409, "a second accept of the same order");
            }
        }
    }
    assert_eq!(won, 1, "exactly one of ten simultaneous accepts succeeds");
    let view = cashier.order(id).await.ok("get");
    assert_eq!(statuses(&view), ["placed", "accepted"], "{view}");
    assert_eq!(
        cashier.head_seq().await,
        head + 1,
        "one status change, one event"
    );
}

#[tokio::test]
async fn unknown_orders_are_404_for_staff() {
    let app = spawn_app().await;
    let cashier = app.login("cashier").await;
    cashier
        .order(999_999)
        .await
        .problem(404, "GET /orders/999999");
    cashier
        .change_status(999_999, &json!({"status": "accepted"}))
        .await
        .problem(404, "POST /orders/999999/status");
}

#[tokio::test]
async fn a_delivery_worth_exactly_the_zone_minimum_is_accepted() {
    let app = spawn_app().await;
    let (menu, shop) = (app.menu().await, app.shop_profile().await);
    let zone = shop.zone();
    // One or two menu lines that add up to exactly the minimum.
    let priced: Vec<(&Item, String, i64)> = menu
        .items()
        .filter(|i| !i.sold_out)
        .flat_map(|i| {
            i.sizes
                .iter()
                .map(move |s| (i, s.code.clone(), s.price_cents))
        })
        .collect();
    let min = zone.minimum_order_cents;
    let mut order = None;
    'search: for (a, size_a, price_a) in &priced {
        if min % price_a == 0 && min / price_a <= 99 {
            order = Some(
                OrderBuilder::delivery(&zone.postcode())
                    .with(LineBuilder::new(a, size_a).quantity(min / price_a)),
            );
            break;
        }
        for (b, size_b, price_b) in &priced {
            if price_a + price_b == min {
                order = Some(
                    OrderBuilder::delivery(&zone.postcode())
                        .line(a, size_a)
                        .line(b, size_b),
                );
                break 'search;
            }
        }
    }
    let order = order.expect("some cart adds up to exactly the zone minimum");
    let expected = order.expected(zone.fee_cents);
    assert_eq!(expected.subtotal_cents, min);
    let placed = place(&app, &order).await;
    assert_eq!(placed["total_cents"], expected.total_cents);
}

#[tokio::test]
async fn accepting_a_delivery_with_a_prep_time_promises_it_plus_the_zones_delivery_minutes() {
    let app = spawn_app().await;
    let menu = app.menu().await;
    let pizza = menu.pizza();
    let shop = app.shop_profile().await;
    let centrum = shop
        .zones
        .iter()
        .find(|z| z.name == "Centrum")
        .expect("the demo shop delivers in Centrum");
    assert!(centrum.extra_minutes > 0, "{centrum:?}");
    let placed = place(
        &app,
        &OrderBuilder::delivery("1017 GM")
            .with(LineBuilder::new(pizza, pizza.middle_size()).quantity(3)),
    )
    .await;
    let cashier = app.login("cashier").await;
    let id = id_of(&cashier.order_by_number(number_of(&placed)).await);
    let before = now_unix();
    let accepted = cashier
        .change_status(id, &json!({"status": "accepted", "prep_time_minutes": 20}))
        .await
        .ok("accept with 20 minutes");
    let after = now_unix();
    let promised = parse_rfc3339(str_of(&accepted, "estimated_ready_at")).unwrap();
    let lead = (20 + centrum.extra_minutes) * 60;
    assert!(
        (before + lead - 1..=after + lead + 1).contains(&promised),
        "20 minutes in the kitchen and {} on the road: promised {promised}, accepted between {before} and {after}",
        centrum.extra_minutes
    );
}

#[tokio::test]
async fn the_shop_offers_slots_on_the_quarter_inside_opening_hours_after_the_prep_time() {
    // Real hours: Tue–Sun 16:00–22:00 Europe/Amsterdam.
    let app = TestApp::spawn_with(&[]).await;
    let now = now_unix();
    let shop = app.shop_profile().await;
    let extra_min = shop
        .zones
        .iter()
        .map(|z| z.extra_minutes)
        .min()
        .unwrap_or(0);
    for (kind, slots, lead_minutes) in [
        ("pickup", &shop.slots.pickup, shop.prep_time_minutes),
        (
            "delivery",
            &shop.slots.delivery,
            shop.prep_time_minutes + extra_min,
        ),
    ] {
        let mut previous = 0;
        for slot in slots {
            let t = parse_rfc3339(slot)
                .unwrap_or_else(|| panic!("{kind} slot {slot:?} is not RFC 3339"));
            let local = t + amsterdam_offset(t);
            let minute_of_day = local.rem_euclid(DAY) / 60;
            assert_eq!(
                t % (15 * 60),
                0,
                "{kind} slot {slot} is not on the quarter hour"
            );
            assert!(t > previous, "{kind} slots are in order: {slot}");
            assert!(
                t >= now + lead_minutes * 60,
                "{kind} slot {slot} is less than {lead_minutes} minutes away"
            );
            assert!(t < now + 3 * DAY, "{kind} slot {slot} is beyond tomorrow");
            assert_ne!(
                weekday(local),
                0,
                "{kind} slot {slot} is on a Monday (closed)"
            );
            assert!(
                (16 * 60..=22 * 60).contains(&minute_of_day),
                "{kind} slot {slot} is outside 16:00–22:00 Amsterdam time"
            );
            previous = t;
        }
    }
    // Tomorrow is open unless today is Sunday (Monday is closed), so there are slots.
    if weekday(now + amsterdam_offset(now)) != 6 {
        assert!(
            !shop.slots.pickup.is_empty(),
            "no pickup slots today or tomorrow"
        );
        assert!(
            !shop.slots.delivery.is_empty(),
            "no delivery slots today or tomorrow"
        );
    }
}

#[tokio::test]
async fn a_price_change_applies_to_new_orders_and_not_to_placed_ones() {
    let app = spawn_app().await;
    let menu = app.menu().await;
    let pizza = menu.pizza().clone();
    let size = pizza.middle_size().to_string();
    let order = OrderBuilder::pickup().line(&pizza, &size);
    let before = place(&app, &order).await;
    assert_eq!(before["total_cents"], pizza.price(&size));

    let manager = app.login("manager").await;
    let admin = manager.menu_admin().await.ok("GET /menu/admin");
    let admin_item = admin["categories"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["items"].as_array().unwrap().iter())
        .find(|i| i["id"] == pizza.id)
        .expect("the admin menu lists the pizza")
        .clone();
    let edit = item_edit(&admin_item, 100);
    let kitchen = app.login("kitchen").await;
    kitchen
        .put_item(pizza.id, &edit)
        .await
        .problem(403, "the kitchen edits a price");
    assert_eq!(
        app.menu().await.item(pizza.id).price(&size),
        pizza.price(&size)
    );

    manager
        .put_item(pizza.id, &edit)
        .await
        .ok("the manager raises the price");
    let new_price = app.menu().await.item(pizza.id).price(&size);
    assert_eq!(
        new_price,
        pizza.price(&size) + 100,
        "the public menu shows the new price"
    );
    let (events, _) = manager.all_events().await;
    assert!(
        events.iter().any(|e| e["type"] == "menu.updated"),
        "a price change publishes menu.updated"
    );

    let after = place(&app, &order).await;
    assert_eq!(
        after["total_cents"], new_price,
        "a new order pays the new price"
    );
    let head = manager.head_seq().await;
    kitchen
        .set_sold_out(pizza.id, true)
        .await
        .ok("the kitchen runs out of the pizza");
    let (events, _) = manager.all_events().await;
    assert!(
        events
            .iter()
            .any(|e| e["type"] == "menu.updated" && e["seq"].as_u64() > Some(head)),
        "sold out publishes menu.updated, so every screen greys it out"
    );
    let old_view = manager.order_by_number(number_of(&before)).await;
    assert_eq!(
        old_view["total_cents"],
        pizza.price(&size),
        "an order placed before the change keeps its price"
    );
}

#[tokio::test]
async fn the_menu_speaks_dutch_by_default_and_english_on_request() {
    let app = spawn_app().await;
    let nl = app.menu_raw().await.ok("GET /menu");
    let en = send(app.http.get(app.url("/menu?lang=en")))
        .await
        .ok("GET /menu?lang=en");
    let category = |m: &Value| m["categories"][0].clone();
    assert_eq!(category(&nl)["name"], category(&nl)["names"]["nl"]);
    assert_eq!(category(&en)["name"], category(&en)["names"]["en"]);
    assert_ne!(
        category(&nl)["name"],
        category(&en)["name"],
        "{} vs {}",
        category(&nl),
        category(&en)
    );
    let allergens = [
        "gluten",
        "crustaceans",
        "eggs",
        "fish",
        "peanuts",
        "soybeans",
        "milk",
        "nuts",
        "celery",
        "mustard",
        "sesame",
        "sulphites",
        "lupin",
        "molluscs",
    ];
    for item in nl["categories"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["items"].as_array().unwrap())
    {
        for a in item["allergens"].as_array().into_iter().flatten() {
            assert!(
                allergens.contains(&a.as_str().unwrap_or("?")),
                "{} lists {a}, not one of the 14 EU allergens",
                item["name"]
            );
        }
    }
}

#[tokio::test]
async fn searching_by_name_ignores_case_in_accented_names_too() {
    let app = spawn_app().await;
    let menu = app.menu().await;
    let pizza = menu.pizza();
    let placed = place(
        &app,
        &OrderBuilder::pickup()
            .contact("Zoë Çelik", "0612345678")
            .line(pizza, pizza.middle_size()),
    )
    .await;
    let cashier = app.login("cashier").await;
    let mut misses = Vec::new();
    for typed in ["Zoë Çelik", "zoë", "çelik", "ZOË", "ÇELIK"] {
        let page = send(cashier.http.get(app.url("/orders")).query(&[("q", typed)]))
            .await
            .ok("GET /orders?q=");
        if numbers(&page) != set(&[number_of(&placed)]) {
            misses.push(typed);
        }
    }
    assert!(
        misses.is_empty(),
        "the cashier types {misses:?} and does not find Zoë Çelik's order"
    );
}
