//! `Idempotency-Key` on order creation: a retried or duplicated request never makes a second
//! order (docs/api.md "Public router", "Errors").

use crate::common::*;
use serde_json::Value;

fn fresh_key() -> String {
    format!("test-{:032x}", rand::random::<u128>())
}

fn pizza_order(menu: &Menu, quantity: i64) -> Value {
    let pizza = menu.pizza();
    OrderBuilder::pickup()
        .with(LineBuilder::new(pizza, pizza.middle_size()).quantity(quantity))
        .json()
}

async fn placed_events(staff: &StaffClient) -> usize {
    let (events, _) = staff.all_events().await;
    events
        .iter()
        .filter(|e| e["type"] == "order.placed")
        .count()
}

#[tokio::test]
async fn the_same_key_twice_gives_the_same_order_and_one_row() {
    let app = spawn_app().await;
    let menu = app.menu().await;
    let body = pizza_order(&menu, 1);
    let key = fresh_key();

    let first = app
        .place_web_order(&body, Some(&key))
        .await
        .expect_status(201, "first request");
    let retry = app.place_web_order(&body, Some(&key)).await.ok("the retry");
    assert_eq!(number_of(&retry), number_of(&first), "{retry}");
    assert_eq!(retry["tracking_token"], first["tracking_token"], "{retry}");
    assert_eq!(retry["total_cents"], first["total_cents"]);

    let staff = app.login("cashier").await;
    assert_eq!(
        staff.order_total().await,
        1,
        "a retried request made a second order"
    );
    assert_eq!(
        placed_events(&staff).await,
        1,
        "a retry published a second order.placed"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn ten_parallel_requests_with_one_key_make_one_order() {
    let app = spawn_app().await;
    let menu = app.menu().await;
    let body = pizza_order(&menu, 2);
    let key = fresh_key();

    let mut tasks = Vec::new();
    for _ in 0..10 {
        let (http, url, body, key) = (
            http_client(false),
            app.url("/orders"),
            body.clone(),
            key.clone(),
        );
        tasks.push(tokio::spawn(async move {
            send(http.post(url).header("Idempotency-Key", key).json(&body)).await
        }));
    }
    let mut tokens = Vec::new();
    for task in tasks {
        let resp = task.await.unwrap();
        match resp.status {
            200 | 201 => tokens.push(resp.body["tracking_token"].as_str().unwrap().to_string()),
            // Another request with this key is still in flight: a conflict the client retries.
            409 => {
                resp.check_problem(409).unwrap();
            }
            other => panic!("a parallel duplicate answered {other}: {}", resp.text),
        }
    }
    assert!(!tokens.is_empty(), "no request of ten succeeded");
    assert!(
        tokens.iter().all(|t| *t == tokens[0]),
        "parallel requests with one key got different orders: {tokens:?}"
    );
    let staff = app.login("cashier").await;
    assert_eq!(staff.order_total().await, 1, "one key made several orders");
    assert_eq!(placed_events(&staff).await, 1);

    let later = app
        .place_web_order(&body, Some(&key))
        .await
        .ok("a later retry");
    assert_eq!(later["tracking_token"], tokens[0].as_str());
}

#[tokio::test]
async fn two_different_keys_make_two_orders() {
    let app = spawn_app().await;
    let menu = app.menu().await;
    let body = pizza_order(&menu, 1);
    let a = app
        .place_web_order(&body, Some(&fresh_key()))
        .await
        .expect_status(201, "key A");
    let b = app
        .place_web_order(&body, Some(&fresh_key()))
        .await
        .expect_status(201, "key B");
    assert_ne!(a["tracking_token"], b["tracking_token"]);
    assert_ne!(number_of(&a), number_of(&b));
    let staff = app.login("cashier").await;
    assert_eq!(staff.order_total().await, 2);
}

#[tokio::test]
async fn reusing_a_key_for_another_order_is_refused_and_writes_nothing() {
    let app = spawn_app().await;
    let menu = app.menu().await;
    let key = fresh_key();
    let first = app
        .place_web_order(&pizza_order(&menu, 1), Some(&key))
        .await
        .expect_status(201, "first order");
    let staff = app.login("cashier").await;
    let head = staff.head_seq().await;

    let other = app
        .place_web_order(&pizza_order(&menu, 3), Some(&key))
        .await;
    assert!(
        other.status == 409 || other.status == 422,
        "the same key with another body: expected 409 (or 422), got {} {}",
        other.status,
        other.text
    );
    other.check_problem(other.status).unwrap();
    assert_eq!(
        staff.order_total().await,
        1,
        "the refused request made an order"
    );
    assert_eq!(
        staff.head_seq().await,
        head,
        "the refused request wrote an event"
    );

    let retry = app
        .place_web_order(&pizza_order(&menu, 1), Some(&key))
        .await
        .ok("the original body again");
    assert_eq!(retry["tracking_token"], first["tracking_token"]);
}

#[tokio::test]
async fn a_retried_counter_order_is_made_once() {
    let app = spawn_app().await;
    let menu = app.menu().await;
    let pizza = menu.pizza();
    let body = OrderBuilder::pickup()
        .no_contact()
        .channel("counter")
        .line(pizza, pizza.middle_size())
        .json();
    let cashier = app.login("cashier").await;
    let key = fresh_key();
    let mut numbers = Vec::new();
    for _ in 0..2 {
        let resp = send(
            cashier
                .http
                .post(app.url("/orders"))
                .header("Idempotency-Key", &key)
                .json(&body),
        )
        .await;
        numbers.push(number_of(&resp.ok("counter order")).to_string());
    }
    assert_eq!(numbers[0], numbers[1]);
    assert_eq!(cashier.order_total().await, 1);
}

#[tokio::test]
async fn a_retry_after_a_crash_still_finds_the_first_order() {
    let mut app = spawn_app().await;
    let menu = app.menu().await;
    let body = pizza_order(&menu, 2);
    let key = fresh_key();
    app.staff_accounts().await;
    let first = app
        .place_web_order(&body, Some(&key))
        .await
        .expect_status(201, "the order before the crash");
    // The customer's phone never saw the answer; the server dies; the phone retries.
    app.restart().await;
    let retry = app
        .place_web_order(&body, Some(&key))
        .await
        .ok("the retry after the restart");
    assert_eq!(retry["tracking_token"], first["tracking_token"]);
    let staff = app.login("cashier").await;
    assert_eq!(
        staff.order_total().await,
        1,
        "the retry after a crash made a second order"
    );
}
