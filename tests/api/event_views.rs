//! What each screen is sent about an event (docs/api.md "Real-time"): a customer's tracking
//! socket only ever gets the customer view of their own order, for every kind of order event,
//! live and replayed; and an event is the same, byte for byte, whether it arrives live, is
//! replayed after a reconnect, or is read from `GET /events`.

use std::collections::BTreeSet;
use std::time::Duration;

use crate::common::ws::{self, Incoming};
use crate::common::*;
use serde_json::{Value, json};

/// Everything a socket is sent until it has been quiet for a second.
async fn drain(socket: &mut ws::Ws) -> Vec<Value> {
    let mut got = Vec::new();
    loop {
        match ws::next(socket, Duration::from_secs(1)).await {
            None => return got,
            Some(Incoming::Event(e)) => got.push(e),
            Some(Incoming::Snapshot(s)) => got.push(s),
            Some(Incoming::Welcome { .. }) => {}
            Some(other) => panic!("a tracking socket got {other:?}"),
        }
    }
}

fn keys(value: &Value, into: &mut BTreeSet<String>) {
    match value {
        Value::Object(map) => {
            for (key, value) in map {
                into.insert(key.clone());
                keys(value, into);
            }
        }
        Value::Array(items) => items.iter().for_each(|v| keys(v, into)),
        _ => {}
    }
}

/// Keys that would carry a person's details, a staff member or an internal id or reason.
const FORBIDDEN_KEYS: [&str; 16] = [
    "contact",
    "name",
    "phone",
    "email",
    "address",
    "street",
    "house_number",
    "postcode",
    "city",
    "by",
    "staff_name",
    "reason",
    "cancel_reason",
    "tracking_token",
    "customer_id",
    "id",
];

struct Customer {
    token: String,
    number: String,
    /// Strings of this customer's that no tracking socket may show.
    secrets: Vec<String>,
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_tracking_socket_never_shows_a_contact_a_staff_name_or_a_reason() {
    let app = spawn_app().await;
    let cashier = app.login("cashier").await;
    let kitchen = app.login("kitchen").await;
    let staff_names: Vec<String> = app
        .staff_accounts()
        .await
        .into_iter()
        .map(|a| a.name)
        .collect();
    let menu = app.menu().await;
    let pizza = menu.pizza();
    let postcode = app.shop_profile().await.zone().postcode();

    let secrets = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let anna = OrderBuilder::delivery(&postcode)
        .with(LineBuilder::new(pizza, pizza.middle_size()).quantity(3))
        .contact("Anna de Vries", "0611223344")
        .note("achterdeur, hond blaft")
        .json();
    let anna_secrets = secrets(&["Anna de Vries", "0611223344", "Kerkstraat", "achterdeur"]);
    let bram = OrderBuilder::pickup()
        .line(pizza, pizza.middle_size())
        .contact("Bram Jansen", "0655667788")
        .json();
    let bram_secrets = secrets(&["Bram Jansen", "0655667788"]);
    let mut customers = Vec::new();
    for (body, secrets) in [(anna, anna_secrets), (bram, bram_secrets)] {
        let placed = app
            .place_web_order(&body, None)
            .await
            .expect_status(201, "a web order");
        customers.push(Customer {
            token: str_of(&placed, "tracking_token").to_owned(),
            number: number_of(&placed).to_owned(),
            secrets,
        });
    }
    // A phone order taken by the cashier: the history names her.
    let phoned = cashier
        .place_counter_order(
            &OrderBuilder::pickup()
                .channel("phone")
                .line(pizza, pizza.middle_size())
                .contact("Cees Bakker", "0201234567")
                .json(),
        )
        .await
        .expect_status(201, "a phone order");
    customers.push(Customer {
        token: str_of(&phoned, "tracking_token").to_owned(),
        number: number_of(&phoned).to_owned(),
        secrets: secrets(&["Cees Bakker", "0201234567"]),
    });

    // Each customer follows their order from now on.
    let mut live = Vec::new();
    for customer in &customers {
        let url = app.ws_url(&format!("/ws/track/{}", customer.token));
        let mut socket = ws::connect_customer(&url).await.expect("a tracking socket");
        ws::hello(&mut socket, None).await;
        ws::expect_welcome(&mut socket).await;
        live.push(socket);
    }

    // Every step an order can take, by different staff, with reasons on the record.
    let mut ids = Vec::new();
    for customer in &customers {
        ids.push(id_of(&cashier.order_by_number(&customer.number).await));
    }
    let [anna_id, bram_id, cees_id] = ids[..] else {
        unreachable!()
    };
    cashier
        .change_status(
            anna_id,
            &json!({"status": "accepted", "prep_time_minutes": 25}),
        )
        .await
        .ok("accept with a prep time");
    kitchen.set_status(anna_id, "preparing").await;
    kitchen.set_status(anna_id, "ready").await;
    cashier.set_status(anna_id, "out_for_delivery").await;
    cashier.set_status(anna_id, "completed").await;
    cashier
        .change_status(
            bram_id,
            &json!({"status": "rejected", "reason": "oven stuk, monteur komt"}),
        )
        .await
        .ok("reject with a reason");
    cashier.set_status(cees_id, "accepted").await;
    // The kitchen had it: a void, approved by the manager's PIN.
    let manager = app.account("manager").await;
    cashier
        .change_status(
            cees_id,
            &json!({"status": "cancelled", "reason": "klant belde af, boos",
                    "approval": {"name": manager.name, "pin": manager.pin}}),
        )
        .await
        .ok("cancel with a reason");
    cashier.pause(true).await.ok("pause");
    cashier.pause(false).await.ok("resume");
    cashier.set_sold_out(pizza.id, true).await.ok("sold out");

    let reasons = ["oven stuk", "klant belde af"];
    let forbidden_keys: BTreeSet<String> = FORBIDDEN_KEYS.iter().map(|k| k.to_string()).collect();
    let mut types = BTreeSet::new();
    for (i, customer) in customers.iter().enumerate() {
        let mut received = drain(&mut live[i]).await;
        // A second socket replays the whole log of this order.
        let url = app.ws_url(&format!("/ws/track/{}", customer.token));
        let mut replay = ws::connect_customer(&url).await.expect("a tracking socket");
        ws::hello(&mut replay, Some(0)).await;
        let replayed = drain(&mut replay).await;
        assert!(
            replayed.iter().any(|e| e["type"] == "order.placed"),
            "the replay starts at the order: {replayed:?}"
        );
        received.extend(replayed);

        for message in &received {
            let text = message.to_string();
            if message["type"] != "snapshot" {
                types.insert(message["type"].as_str().unwrap().to_owned());
            }
            let order = &message["data"]["order"];
            assert_eq!(
                order["number"],
                customer.number.as_str(),
                "only their own order: {text}"
            );
            let mut found = BTreeSet::new();
            keys(message, &mut found);
            let leaked: Vec<_> = found.intersection(&forbidden_keys).collect();
            assert!(
                leaked.is_empty(),
                "customer {i} was sent {leaked:?}: {text}"
            );
            let everyone = customers.iter().flat_map(|c| c.secrets.iter());
            for secret in everyone
                .chain(&staff_names)
                .map(String::as_str)
                .chain(reasons)
            {
                assert!(
                    !text.contains(secret),
                    "customer {i} was sent {secret:?}: {text}"
                );
            }
        }
        let statuses: Vec<&str> = received
            .iter()
            .filter_map(|m| m["data"]["order"]["status"].as_str())
            .collect();
        let last = ["completed", "rejected", "cancelled"][i];
        assert!(statuses.contains(&last), "customer {i} saw {statuses:?}");
    }
    assert_eq!(
        types,
        ["order.cancelled", "order.placed", "order.status_changed"]
            .map(String::from)
            .into(),
        "every order event type reached a tracking socket"
    );
}

/// An event's `at` as the server wrote it.
fn at_of(text: &str) -> String {
    serde_json::from_str::<Value>(text).unwrap()["at"]
        .as_str()
        .unwrap()
        .to_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn an_event_is_the_same_live_replayed_and_from_the_log() {
    let app = spawn_app().await;
    let cashier = app.login("cashier").await;
    let menu = app.menu().await;
    let pizza = menu.pizza();
    let placed = app
        .place_web_order(
            &OrderBuilder::pickup()
                .line(pizza, pizza.middle_size())
                .json(),
            None,
        )
        .await
        .expect_status(201, "a web order");
    let token = str_of(&placed, "tracking_token").to_owned();
    let id = id_of(&cashier.order_by_number(number_of(&placed)).await);
    let track_url = app.ws_url(&format!("/ws/track/{token}"));

    let mut staff = ws::connect_staff(&app.ws_url("/ws"), &cashier.token)
        .await
        .expect("a staff socket");
    ws::hello(&mut staff, None).await;
    ws::expect_welcome(&mut staff).await;
    let mut customer = ws::connect_customer(&track_url)
        .await
        .expect("a tracking socket");
    ws::hello(&mut customer, None).await;
    ws::expect_welcome(&mut customer).await;
    assert!(matches!(
        ws::next(&mut customer, Duration::from_secs(5)).await,
        Some(Incoming::Snapshot(_))
    ));
    let before = cashier.head_seq().await;

    // One of each kind of event.
    cashier
        .change_status(id, &json!({"status": "accepted", "prep_time_minutes": 20}))
        .await
        .ok("accept");
    cashier.pause(true).await.ok("pause");
    cashier.pause(false).await.ok("resume");
    cashier.set_sold_out(pizza.id, true).await.ok("sold out");
    cashier.set_sold_out(pizza.id, false).await.ok("back");
    app.place_web_order(
        &OrderBuilder::pickup()
            .line(pizza, pizza.middle_size())
            .json(),
        None,
    )
    .await
    .expect_status(201, "another web order");
    let manager = app.account("manager").await;
    cashier
        .change_status(
            id,
            &json!({"status": "cancelled", "reason": "dubbel",
                    "approval": {"name": manager.name, "pin": manager.pin}}),
        )
        .await
        .ok("cancel");

    let mut staff_live = Vec::new();
    while let Some(text) = ws::next_event_text(&mut staff, Duration::from_secs(2)).await {
        staff_live.push(text);
    }
    let mut customer_live = Vec::new();
    while let Some(text) = ws::next_event_text(&mut customer, Duration::from_secs(2)).await {
        customer_live.push(text);
    }
    assert_eq!(staff_live.len(), 7, "{staff_live:#?}");
    assert_eq!(customer_live.len(), 2, "{customer_live:#?}");

    // The same events replayed after a reconnect: byte for byte.
    let mut staff_again = ws::connect_staff(&app.ws_url("/ws"), &cashier.token)
        .await
        .expect("a staff socket");
    ws::hello(&mut staff_again, Some(before)).await;
    let mut staff_replayed = Vec::new();
    while let Some(text) = ws::next_event_text(&mut staff_again, Duration::from_secs(2)).await {
        staff_replayed.push(text);
    }
    assert_eq!(staff_replayed, staff_live);
    let mut customer_again = ws::connect_customer(&track_url)
        .await
        .expect("a tracking socket");
    ws::hello(&mut customer_again, Some(before)).await;
    let mut customer_replayed = Vec::new();
    while let Some(text) = ws::next_event_text(&mut customer_again, Duration::from_secs(2)).await {
        customer_replayed.push(text);
    }
    assert_eq!(customer_replayed, customer_live);

    // And the log as GET /events serves it: the same values, the same `at` strings.
    let page = cashier.events(before).await.ok("GET /events");
    let logged = page["events"].as_array().unwrap();
    assert_eq!(logged.len(), staff_live.len());
    for (logged, live) in logged.iter().zip(&staff_live) {
        let live: Value = serde_json::from_str(live).unwrap();
        assert_eq!(logged, &live);
    }
    let types: BTreeSet<String> = logged
        .iter()
        .map(|e| e["type"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(types.len(), 5, "every kind of event: {types:?}");
    for text in &staff_live {
        let at = at_of(text);
        let fraction = at
            .trim_end_matches('Z')
            .rsplit_once('.')
            .map(|(_, f)| f.len());
        assert!(
            matches!(fraction, None | Some(3)),
            "at {at} carries more than milliseconds"
        );
    }
}
