//! The kitchen board's API (issue 14): lines done are stored and every staff screen hears of
//! them (customers never do), a bump is recalled within minutes and only once, stations map
//! categories, and with stations an order is ready only when every station finished its lines.

use std::time::Duration;

use crate::common::ws::{self, Incoming};
use crate::common::*;
use serde_json::{Value, json};

/// A pickup web order of a pizza and a beer, accepted and moved to `preparing` by the owner.
async fn preparing_order(app: &TestApp) -> Value {
    let staff = app.login("owner").await;
    let menu = app.menu().await;
    let (pizza, beer) = (menu.pizza(), menu.beer());
    let placed = app
        .place_web_order(
            &OrderBuilder::pickup()
                .line(pizza, pizza.middle_size())
                .line(beer, beer.first_size())
                .json(),
            None,
        )
        .await
        .expect_status(201, "place a web order");
    let id = id_of(&staff.order_by_number(number_of(&placed)).await);
    staff.set_status(id, "accepted").await;
    staff.set_status(id, "preparing").await
}

fn done_lines(order: &Value) -> Vec<u64> {
    order["done_lines"]
        .as_array()
        .unwrap_or_else(|| panic!("no done_lines in {order}"))
        .iter()
        .map(|v| v.as_u64().unwrap())
        .collect()
}

/// Every event a socket gets until it has been quiet for a second.
async fn drain(socket: &mut ws::Ws) -> Vec<Value> {
    let mut got = Vec::new();
    while let Some(message) = ws::next(socket, Duration::from_secs(1)).await {
        if let Incoming::Event(e) = message {
            got.push(e);
        }
    }
    got
}

#[tokio::test]
async fn a_line_marked_done_is_stored_and_sent_to_staff_but_never_to_the_customer() {
    let app = spawn_app().await;
    let kitchen = app.login("kitchen").await;
    let order = preparing_order(&app).await;
    let id = id_of(&order);
    assert_eq!(done_lines(&order), Vec::<u64>::new());

    let mut staff_socket = ws::connect_staff(&app.ws_url("/ws"), &kitchen.token)
        .await
        .expect("a staff socket");
    ws::hello(&mut staff_socket, None).await;
    let token = str_of(&order, "tracking_token").to_owned();
    let mut customer = ws::connect_customer(&app.ws_url(&format!("/ws/track/{token}")))
        .await
        .expect("a tracking socket");
    ws::hello(&mut customer, None).await;
    drain(&mut staff_socket).await;
    drain(&mut customer).await;

    let after = kitchen
        .lines_done(id, &[1], true)
        .await
        .ok("mark line 1 done");
    assert_eq!(done_lines(&after), [1]);
    // A second screen reads the same.
    let other = app.login("owner").await;
    assert_eq!(done_lines(&other.order(id).await.ok("GET order")), [1]);

    let live = drain(&mut staff_socket).await;
    let line_done: Vec<&Value> = live
        .iter()
        .filter(|e| e["type"] == "order.line_done")
        .collect();
    assert_eq!(
        line_done.len(),
        1,
        "one event on the staff stream: {live:?}"
    );
    assert_eq!(line_done[0]["data"]["lines"], json!([1]));
    assert_eq!(line_done[0]["data"]["done"], json!(true));
    assert_eq!(line_done[0]["data"]["order"]["done_lines"], json!([1]));
    let customer_got = drain(&mut customer).await;
    assert!(
        customer_got.iter().all(|e| e["type"] != "order.line_done"),
        "a customer is not told about the kitchen's lines: {customer_got:?}"
    );

    // Marking it again changes nothing and tells nobody; un-marking brings it back.
    let (_, head) = other.all_events().await;
    kitchen.lines_done(id, &[1], true).await.ok("mark again");
    assert_eq!(other.all_events().await.1, head, "no event for a no-op");
    let back = kitchen.lines_done(id, &[1], false).await.ok("not done");
    assert_eq!(done_lines(&back), Vec::<u64>::new());
    let both = kitchen.lines_done(id, &[0, 1], true).await.ok("both");
    assert_eq!(done_lines(&both), [0, 1]);

    // Bad input names the field; a closed order is refused.
    let p = kitchen
        .lines_done(id, &[7], true)
        .await
        .problem(422, "no line 7");
    assert_eq!(p.field.as_deref(), Some("lines"));
    let p = kitchen
        .lines_done(id, &[], true)
        .await
        .problem(422, "no lines");
    assert_eq!(p.field.as_deref(), Some("lines"));
    kitchen.set_status(id, "ready").await;
    other.set_status(id, "completed").await;
    kitchen
        .lines_done(id, &[0], false)
        .await
        .problem(409, "a closed order");
}

#[tokio::test]
async fn a_bump_is_recalled_once_and_the_order_tells_until_when() {
    let app = spawn_app().await;
    let kitchen = app.login("kitchen").await;
    let order = preparing_order(&app).await;
    let id = id_of(&order);
    assert_eq!(order["undo"]["to"], "accepted", "{order}");
    let ready = kitchen.set_status(id, "ready").await;
    assert_eq!(ready["undo"]["to"], "preparing");
    assert!(ready["undo"]["until"].is_string());

    let recalled = kitchen.recall(id).await.ok("recall the bump");
    assert_eq!(recalled["status"], "preparing");
    assert!(
        recalled["undo"].is_null(),
        "a recall is not recalled: {recalled}"
    );
    let track = app
        .track(str_of(&order, "tracking_token"))
        .await
        .ok("track");
    assert_eq!(track["status"], "preparing");
    let p = kitchen.recall(id).await.problem(409, "recall twice");
    assert!(p.detail.contains("nothing to take back"), "{}", p.detail);

    // The kitchen may not undo a cancellation (it may not cancel); the owner may.
    let owner = app.login("owner").await;
    owner
        .change_status(
            id,
            &json!({"status": "cancelled", "reason": "klant belde af"}),
        )
        .await
        .ok("cancel");
    kitchen
        .recall(id)
        .await
        .problem(403, "kitchen undoes a cancel");
    let back = owner.recall(id).await.ok("owner undoes the cancel");
    assert_eq!(back["status"], "preparing");
    assert!(back["cancel_reason"].is_null());
}

#[tokio::test]
async fn with_two_stations_an_order_is_ready_only_after_both_finished() {
    let app = spawn_app().await;
    let owner = app.login("owner").await;
    let kitchen = app.login("kitchen").await;
    let menu = app.menu().await;
    let (pizza, beer) = (menu.pizza(), menu.beer());

    let before = kitchen.stations().await.ok("GET stations");
    assert_eq!(before["stations"], json!([]));
    // The pizza's category goes to the oven, every other one to the cold station.
    let raw_menu = app.menu_raw().await.ok("GET /menu");
    let pizza_category = raw_menu["categories"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| {
            c["items"]
                .as_array()
                .unwrap()
                .iter()
                .any(|i| i["id"] == pizza.id)
        })
        .and_then(|c| c["id"].as_i64())
        .expect("the pizza's category");
    let categories: Vec<i64> = before["categories"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_i64().unwrap())
        .collect();
    let (oven, cold): (Vec<i64>, Vec<i64>) = categories
        .iter()
        .copied()
        .partition(|c| *c == pizza_category);
    let body = json!({"stations": [
        {"code": "oven", "name": "Oven", "category_ids": oven},
        {"code": "cold", "name": "Koud", "category_ids": cold},
    ]});
    kitchen
        .put_stations(&body)
        .await
        .problem(403, "kitchen edits stations");
    let set = owner.put_stations(&body).await.ok("owner sets stations");
    let station_of = |item_id: i64| -> String {
        set["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["item_id"] == item_id)
            .and_then(|i| i["station"].as_str())
            .unwrap_or_else(|| panic!("item {item_id} has no station: {set}"))
            .to_owned()
    };
    let (pizza_station, beer_station) = (station_of(pizza.id), station_of(beer.id));
    assert_ne!(
        pizza_station, beer_station,
        "the demo menu's pizzas and beers are in different categories"
    );
    assert_eq!(
        kitchen.stations().await.ok("GET")["stations"],
        set["stations"]
    );

    let order = preparing_order(&app).await;
    let id = id_of(&order);
    let p = kitchen
        .change_status(id, &json!({"status": "ready"}))
        .await
        .problem(409, "ready before any station finished");
    assert!(p.detail.contains("not ready yet"), "{}", p.detail);
    kitchen.lines_done(id, &[0], true).await.ok("pizza done");
    let p = kitchen
        .change_status(id, &json!({"status": "ready"}))
        .await
        .problem(409, "ready with one station left");
    let left = if beer_station == "oven" {
        "Oven"
    } else {
        "Koud"
    };
    assert!(p.detail.contains(left), "{}", p.detail);
    kitchen.lines_done(id, &[1], true).await.ok("beer done");
    kitchen.set_status(id, "ready").await;

    // Bad stations name their field.
    let p = owner
        .put_stations(&json!({"stations": [
            {"code": "oven", "name": "Oven", "category_ids": [categories[0]]},
            {"code": "oven", "name": "Oven 2", "category_ids": []},
        ]}))
        .await
        .problem(422, "a code twice");
    assert_eq!(p.field.as_deref(), Some("stations[1].code"));
    let p = owner
        .put_stations(&json!({"stations": [
            {"code": "oven", "name": "\u{202e}Oven", "category_ids": []},
        ]}))
        .await
        .problem(422, "a bidi control in a name");
    assert_eq!(p.field.as_deref(), Some("stations[0].name"));
    // None again: the kitchen is one station and bumps as before.
    owner
        .put_stations(&json!({"stations": []}))
        .await
        .ok("no stations");
    let order = preparing_order(&app).await;
    kitchen.set_status(id_of(&order), "ready").await;
}

#[tokio::test]
async fn the_owners_list_filters_by_fulfilment_and_finds_an_address() {
    let app = spawn_app().await;
    let owner = app.login("owner").await;
    let menu = app.menu().await;
    let pizza = menu.pizza();
    let postcode = app.shop_profile().await.zone().postcode();
    let delivered = app
        .place_web_order(
            &OrderBuilder::delivery(&postcode)
                .with(LineBuilder::new(pizza, pizza.middle_size()).quantity(3))
                .json(),
            None,
        )
        .await
        .expect_status(201, "a delivery");
    app.place_pizza_order(pizza, "a pickup").await;
    let numbers = |page: Value| -> Vec<String> {
        page["orders"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o["number"].as_str().unwrap().to_owned())
            .collect()
    };
    let wanted = vec![number_of(&delivered).to_owned()];
    let by_kind = owner
        .orders("fulfilment=delivery")
        .await
        .ok("delivery only");
    assert_eq!(numbers(by_kind), wanted);
    let by_street = owner.orders("q=kerkstr").await.ok("search the street");
    assert_eq!(numbers(by_street), wanted);
    assert_eq!(
        owner.orders("fulfilment=pickup").await.ok("pickup")["total"],
        json!(1)
    );
    let p = owner
        .orders("fulfilment=drone")
        .await
        .problem(400, "an unknown fulfilment");
    assert_eq!(p.field.as_deref(), Some("fulfilment"));
}
