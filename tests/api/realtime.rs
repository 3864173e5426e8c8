//! Real-time updates over WebSocket (docs/api.md "Real-time"): every staff screen sees every
//! event once, in order, across reconnects and a server crash; a stuck screen cannot hold the
//! others back; a customer sees their own order and nothing else.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::common::ws::{self, Incoming, Seen, read_until_target};
use crate::common::*;
use futures_util::SinkExt;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use serde_json::{Value, json};
use tokio::sync::watch;
use tokio_tungstenite::tungstenite::Message;

/// Some shop activity: orders, status changes, a pause. Returns the orders' ids.
async fn shop_activity(app: &TestApp, staff: &StaffClient, orders: usize) -> Vec<i64> {
    let menu = app.menu().await;
    let pizza = menu.pizza();
    let mut ids = Vec::new();
    for n in 0..orders {
        let placed = app
            .place_web_order(
                &OrderBuilder::pickup()
                    .contact(&format!("Klant {n}"), "0612345678")
                    .line(pizza, pizza.middle_size())
                    .json(),
                None,
            )
            .await
            .expect_status(201, "a web order");
        if n % 2 == 0 {
            let id = id_of(&staff.order_by_number(number_of(&placed)).await);
            staff.set_status(id, "accepted").await;
            ids.push(id);
        }
    }
    staff.pause(true).await.ok("pause");
    staff.pause(false).await.ok("resume");
    ids
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_hundred_staff_screens_get_the_same_events_in_order_without_gaps() {
    let app = spawn_app().await;
    let staff = app.login("cashier").await;
    let url = app.ws_url("/ws");
    let (target_tx, target_rx) = watch::channel(0u64);

    let mut readers = Vec::new();
    for _ in 0..100 {
        let mut socket = ws::connect_staff(&url, &staff.token)
            .await
            .unwrap_or_else(|e| panic!("staff WebSocket with a bearer token refused: {e:?}"));
        ws::hello(&mut socket, Some(0)).await;
        ws::expect_welcome(&mut socket).await;
        readers.push(tokio::spawn(read_until_target(
            socket,
            target_rx.clone(),
            Duration::from_secs(60),
        )));
    }
    let health = app.healthz().await.ok("healthz");
    assert_eq!(
        health["ws_connections"]["staff"], 100,
        "healthz counts the staff sockets: {health}"
    );

    shop_activity(&app, &staff, 10).await;
    let (events, head) = staff.all_events().await;
    target_tx.send(head).unwrap();
    let log: Vec<(u64, String)> = events
        .iter()
        .map(|e| {
            (
                e["seq"].as_u64().unwrap(),
                e["type"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert!(log.len() >= 17, "the activity made events: {log:?}");
    let page = staff.events_page(0, 2).await.ok("GET /events?limit=2");
    let first_two: Vec<u64> = page["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["seq"].as_u64().unwrap())
        .collect();
    assert_eq!(first_two, [1, 2], "limit=2 gives the first two events");
    assert_eq!(page["head_seq"], head);
    let tail = staff
        .events_page(head, 10)
        .await
        .ok("GET /events?after=head");
    assert_eq!(tail["events"].as_array().map(Vec::len), Some(0), "{tail}");
    assert!(
        log.iter().any(|(_, t)| t == "shop.updated"),
        "pausing publishes shop.updated"
    );

    for (i, reader) in readers.into_iter().enumerate() {
        let seen = reader.await.unwrap();
        assert!(seen.problems.is_empty(), "client {i}: {:?}", seen.problems);
        assert_eq!(
            seen.events, log,
            "client {i} saw other events than GET /events"
        );
    }
}

#[tokio::test]
async fn a_staff_event_carries_the_whole_order() {
    let app = spawn_app().await;
    let staff = app.login("kitchen").await;
    let mut socket = ws::connect_staff(&app.ws_url("/ws"), &staff.token)
        .await
        .expect("staff socket");
    ws::hello(&mut socket, None).await;
    let head = ws::expect_welcome(&mut socket).await;
    let menu = app.menu().await;
    let pizza = menu.pizza();
    let placed = app.place_pizza_order(pizza, "order").await;
    match ws::next(&mut socket, Duration::from_secs(5)).await {
        Some(Incoming::Event(e)) => {
            assert_eq!(e["type"], "order.placed", "{e}");
            assert_eq!(
                e["seq"].as_u64(),
                Some(head + 1),
                "live-only starts after the head"
            );
            assert!(e["at"].is_string(), "{e}");
            let order = &e["data"]["order"];
            assert_eq!(order["number"], number_of(&placed), "{e}");
            assert_eq!(order["total_cents"], placed["total_cents"], "{e}");
            assert_eq!(
                order["contact"]["name"], "Jan de Vries",
                "staff see the contact: {e}"
            );
            assert!(
                order["lines"].as_array().is_some_and(|l| l.len() == 1),
                "{e}"
            );
        }
        other => panic!("the kitchen did not get the new order within 5 s: {other:?}"),
    }
}

/// One staff screen with a flaky connection: it drops its socket at random moments and
/// reconnects with `hello.after` = the last seq it applied.
async fn flaky_screen(
    url: String,
    token: Arc<Mutex<String>>,
    seed: u64,
    mut target: watch::Receiver<u64>,
    done: Arc<AtomicBool>,
) -> Seen {
    let mut rng = StdRng::seed_from_u64(seed);
    let mut seen = Seen::default();
    let deadline = Instant::now() + Duration::from_secs(120);
    'connect: while Instant::now() < deadline {
        let goal = *target.borrow_and_update();
        if done.load(Ordering::SeqCst) && goal > 0 && seen.last() >= goal {
            break;
        }
        let current = token.lock().unwrap().clone();
        let mut socket = match ws::connect_staff(&url, &current).await {
            Ok(s) => s,
            Err(_) => {
                // The server is restarting (or our session is gone): back off and retry.
                tokio::time::sleep(Duration::from_millis(rng.random_range(20..150))).await;
                continue;
            }
        };
        seen.connections += 1;
        ws::hello(&mut socket, Some(seen.last())).await;
        if rng.random_bool(0.1) {
            drop(socket); // gone before the welcome, in the middle of the replay
            continue;
        }
        match ws::next(&mut socket, Duration::from_secs(5)).await {
            Some(Incoming::Welcome { .. }) => {}
            Some(Incoming::Closed { .. }) | None => continue,
            Some(other) => {
                seen.problems
                    .push(format!("expected welcome, got {other:?}"));
                continue;
            }
        }
        // Drop this socket after a random number of events (sometimes right away).
        let mut budget = rng.random_range(0..12u32);
        loop {
            let goal = *target.borrow_and_update();
            if done.load(Ordering::SeqCst) && goal > 0 && seen.last() >= goal {
                break 'connect;
            }
            if budget == 0 && rng.random_bool(0.5) {
                drop(socket);
                continue 'connect;
            }
            match ws::next(&mut socket, Duration::from_millis(100)).await {
                None => {}
                Some(Incoming::Event(e)) => {
                    seen.take(&e);
                    budget = budget.saturating_sub(1);
                }
                Some(Incoming::Closed { .. }) => continue 'connect,
                Some(Incoming::Snapshot(s)) => {
                    seen.problems.push(format!(
                        "snapshot although only a few events behind (after {}): {}",
                        seen.last(),
                        truncate(&s.to_string(), 200)
                    ));
                    continue 'connect;
                }
                Some(other) => seen.problems.push(format!("unexpected {other:?}")),
            }
        }
    }
    let goal = *target.borrow();
    if seen.last() < goal {
        seen.problems
            .push(format!("gave up at seq {} of {goal}", seen.last()));
    }
    seen
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn screens_that_drop_and_reconnect_through_a_kill_9_get_every_event_exactly_once() {
    let seed = std::env::var("FORNO_TEST_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(rand::random::<u64>);
    eprintln!("FORNO_TEST_SEED={seed}");
    let mut rng = StdRng::seed_from_u64(seed);

    let mut app = spawn_app().await;
    let mut staff = app.login("cashier").await;
    let token = Arc::new(Mutex::new(staff.token.clone()));
    let (target_tx, target_rx) = watch::channel(0u64);
    let done = Arc::new(AtomicBool::new(false));
    let screens: Vec<_> = (0..20)
        .map(|_| {
            tokio::spawn(flaky_screen(
                app.ws_url("/ws"),
                token.clone(),
                rng.random(),
                target_rx.clone(),
                done.clone(),
            ))
        })
        .collect();

    let menu = app.menu().await;
    let pizza = menu.pizza();
    let crash_at = rng.random_range(10..30);
    // A second customer keeps ordering throughout, so that the kill -9 lands while writes
    // are in flight (an event may be committed but not yet pushed to anyone).
    let noise_stop = Arc::new(AtomicBool::new(false));
    let noise = {
        let (url, body, stop) = (
            app.url("/orders"),
            OrderBuilder::pickup()
                .line(pizza, pizza.first_size())
                .json(),
            noise_stop.clone(),
        );
        tokio::spawn(async move {
            let http = http_client(false);
            while !stop.load(Ordering::SeqCst) {
                if http.post(&url).json(&body).send().await.is_err() {
                    tokio::time::sleep(Duration::from_millis(20)).await;
                }
            }
        })
    };
    let mut last_id = None;
    for n in 0..40 {
        if n == crash_at {
            app.restart().await; // kill -9, then start again on the same port
            let old = token.lock().unwrap().clone();
            let still_valid = send(
                http_client(false)
                    .get(app.url("/auth/me"))
                    .bearer_auth(&old),
            )
            .await
            .status
                == 200;
            if !still_valid {
                eprintln!("note: staff sessions do not survive a restart; logging in again");
                staff = app.login("cashier").await;
                *token.lock().unwrap() = staff.token.clone();
            }
        }
        let placed = app.place_pizza_order(pizza, "order").await;
        if rng.random_bool(0.5) {
            if let Some(id) = last_id {
                staff.set_status(id, "accepted").await;
            }
            last_id = Some(id_of(&staff.order_by_number(number_of(&placed)).await));
        }
        tokio::time::sleep(Duration::from_millis(rng.random_range(0..30))).await;
    }
    noise_stop.store(true, Ordering::SeqCst);
    noise.await.unwrap();

    let (events, head) = staff.all_events().await;
    let log: Vec<u64> = events.iter().map(|e| e["seq"].as_u64().unwrap()).collect();
    assert_eq!(
        log,
        (1..=head).collect::<Vec<_>>(),
        "the server's own log has gaps"
    );
    done.store(true, Ordering::SeqCst);
    target_tx.send(head).unwrap();
    for (i, screen) in screens.into_iter().enumerate() {
        let seen = screen.await.unwrap();
        assert!(
            seen.connections >= 2,
            "screen {i} never reconnected, so the kill -9 did not reach it"
        );
        assert!(
            seen.problems.is_empty(),
            "screen {i} (seed {seed}): {:?}",
            seen.problems
        );
        assert_eq!(
            seen.seqs(),
            log,
            "screen {i} (seed {seed}) missed or repeated events"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_screen_that_stops_reading_is_cut_off_and_the_others_stay_prompt() {
    let app = spawn_app().await;
    let staff = app.login("cashier").await;
    let url = app.ws_url("/ws");
    let (target_tx, target_rx) = watch::channel(0u64);

    let mut stuck = ws::connect_staff_small_buffer(&url, app.port, &staff.token)
        .await
        .expect("the stuck screen connects");
    ws::hello(&mut stuck, Some(0)).await;
    let mut readers = Vec::new();
    for _ in 0..3 {
        let mut socket = ws::connect_staff(&url, &staff.token)
            .await
            .expect("connect");
        ws::hello(&mut socket, Some(0)).await;
        ws::expect_welcome(&mut socket).await;
        readers.push(tokio::spawn(read_until_target(
            socket,
            target_rx.clone(),
            Duration::from_secs(240),
        )));
    }
    let staff_sockets = |h: &Value| h["ws_connections"]["staff"].as_u64();
    assert_eq!(staff_sockets(&app.healthz().await.ok("healthz")), Some(4));

    // Orders from 4 customers at once until the server gives up on the stuck screen.
    let menu = app.menu().await;
    let mut big = true;
    let mut checkpoints: Vec<(u64, Instant)> = Vec::new();
    let mut bytes_sent = 0usize;
    let started = Instant::now();
    let mut cut_off = false;
    'load: for round in 0..400 {
        let bodies: Vec<Value> = (0..4)
            .map(|i| {
                if big {
                    big_order(&menu, round * 4 + i)
                } else {
                    OrderBuilder::pickup()
                        .line(menu.pizza(), menu.pizza().middle_size())
                        .json()
                }
            })
            .collect();
        let results =
            futures_util::future::join_all(bodies.iter().map(|b| app.place_web_order(b, None)))
                .await;
        for r in &results {
            if r.status == 422 && big {
                eprintln!("big orders refused ({}); using small ones", r.text);
                big = false;
                continue 'load;
            }
            bytes_sent += r.text.len();
            r.expect_status(201, "an order during the load");
        }
        if round % 5 == 4 {
            let head = staff.events_page(0, 1).await.ok("events")["head_seq"]
                .as_u64()
                .unwrap();
            checkpoints.push((head, Instant::now()));
            if staff_sockets(&app.healthz().await.ok("healthz")) == Some(3) {
                cut_off = true;
                break;
            }
        }
        if started.elapsed() > Duration::from_secs(150) {
            break;
        }
    }
    let head = staff.head_seq().await;
    eprintln!(
        "load: {head} events in {:?}, stuck screen cut off: {cut_off}",
        started.elapsed()
    );
    target_tx.send(head).unwrap();

    for (i, reader) in readers.into_iter().enumerate() {
        let seen = reader.await.unwrap();
        assert!(seen.problems.is_empty(), "reader {i}: {:?}", seen.problems);
        assert_eq!(seen.seqs(), (1..=head).collect::<Vec<_>>(), "reader {i}");
        for (seq, at) in &checkpoints {
            let got = seen.received_at[*seq as usize - 1];
            let lag = got.saturating_duration_since(*at);
            assert!(
                lag < Duration::from_secs(5),
                "reader {i} got seq {seq} {lag:?} after it was committed: held back by the stuck screen"
            );
        }
    }

    // The stuck screen now reads what it was sent: it must end in a close, not in the head.
    let mut last = 0;
    let ending = loop {
        match ws::next(&mut stuck, Duration::from_secs(20)).await {
            Some(Incoming::Event(e)) => last = e["seq"].as_u64().unwrap(),
            Some(Incoming::Welcome { .. }) | Some(Incoming::Other) => {}
            other => break other,
        }
    };
    match ending {
        Some(Incoming::Closed { code, reason }) => {
            assert_eq!(
                code,
                Some(4000),
                "the stuck screen was closed with {code:?} {reason}, expected 4000 resync"
            );
            assert!(last < head, "closed only after it had everything");
        }
        other => panic!(
            "a screen that never read stayed connected through {head} events (~{} KB of orders, \
             last seq it got {last}): {other:?}",
            bytes_sent / 1024
        ),
    }
    assert!(cut_off, "healthz still counts the stuck screen");
}

#[tokio::test]
async fn a_customer_sees_only_their_own_order_and_guessed_tokens_see_nothing() {
    let app = spawn_app().await;
    let menu = app.menu().await;
    let pizza = menu.pizza();
    let order = |name: &str, phone: &str| {
        OrderBuilder::pickup()
            .contact(name, phone)
            .line(pizza, pizza.middle_size())
            .json()
    };
    let mine = app
        .place_web_order(&order("Mijn Naam", "0611111111"), None)
        .await
        .expect_status(201, "my order");
    let theirs = app
        .place_web_order(&order("Andere Klant", "0622222222"), None)
        .await
        .expect_status(201, "another order");
    let my_token = str_of(&mine, "tracking_token").to_string();
    let staff = app.login("cashier").await;
    let staff_accounts = app.staff_accounts().await;
    let my_id = id_of(&staff.order_by_number(number_of(&mine)).await);
    let their_id = id_of(&staff.order_by_number(number_of(&theirs)).await);

    let mut me = ws::connect_customer(&app.ws_url(&format!("/ws/track/{my_token}")))
        .await
        .expect("a customer connects with their token");
    ws::hello(&mut me, Some(0)).await;
    ws::expect_welcome(&mut me).await;

    // Sockets with a random and with a near-miss token.
    let mut near_miss = my_token.clone();
    let last = near_miss.pop().unwrap();
    near_miss.push(if last == 'A' { 'B' } else { 'A' });
    let random = format!("{:032x}", rand::random::<u128>());
    let mut strangers = Vec::new();
    for token in [random, near_miss] {
        match ws::connect_customer(&app.ws_url(&format!("/ws/track/{token}"))).await {
            Err(refused) => assert!(
                refused.status.is_some_and(|s| (400..500).contains(&s)),
                "a wrong token should be refused with 404, got {refused:?}"
            ),
            Ok(mut socket) => {
                ws::hello(&mut socket, Some(0)).await;
                strangers.push((token, socket));
            }
        }
    }

    staff.set_status(their_id, "accepted").await;
    staff.set_status(my_id, "accepted").await;
    staff.set_status(their_id, "preparing").await;
    staff.set_status(my_id, "preparing").await;
    // The kitchen has it: a void, with the manager's PIN.
    let manager = app.account("manager").await;
    staff
        .change_status(
            their_id,
            &json!({"status": "cancelled", "reason": "klant belde af",
                    "approval": {"name": manager.name, "pin": manager.pin}}),
        )
        .await
        .ok("cancel theirs");

    let mut statuses = Vec::new();
    let deadline = Instant::now() + Duration::from_secs(10);
    let mut last_seq = 0;
    while Instant::now() < deadline {
        match ws::next(&mut me, Duration::from_millis(700)).await {
            Some(Incoming::Event(e)) => {
                let seq = e["seq"].as_u64().unwrap();
                assert!(seq > last_seq, "seqs go up: {seq} after {last_seq}");
                last_seq = seq;
                let order = &e["data"]["order"];
                assert_eq!(
                    order["number"],
                    number_of(&mine),
                    "another order's event reached my socket: {e}"
                );
                assert!(
                    !e.to_string().contains("Andere Klant"),
                    "another customer's name reached my socket: {e}"
                );
                assert_no_staff_data(&e, &staff_accounts, "a customer event");
                statuses.push(order["status"].as_str().unwrap_or("?").to_string());
            }
            None if statuses.last().map(String::as_str) == Some("preparing") => break,
            None => {}
            Some(other) => panic!("unexpected message on the customer socket: {other:?}"),
        }
    }
    assert_eq!(
        statuses,
        ["placed", "accepted", "preparing"],
        "the customer follows their order live"
    );
    for (token, mut socket) in strangers {
        loop {
            match ws::next(&mut socket, Duration::from_millis(500)).await {
                None | Some(Incoming::Closed { .. }) => break,
                Some(Incoming::Event(e)) | Some(Incoming::Snapshot(e)) => {
                    panic!("a socket with the guessed token {token} received {e}")
                }
                Some(_) => {}
            }
        }
    }
}

#[tokio::test]
async fn the_staff_stream_gives_nothing_without_a_session() {
    let app = spawn_app().await;
    let url = app.ws_url("/ws");
    let menu = app.menu().await;
    let pizza = menu.pizza();
    let order = OrderBuilder::pickup()
        .line(pizza, pizza.middle_size())
        .json();
    let ended = app.login("cashier").await;
    ended.logout().await.ok("logout");
    for (what, token) in [
        ("no session", None),
        ("a logged-out session's token", Some(ended.token.as_str())),
        ("a forged token", Some("Zm9yZ2VkLXRva2VuLTEyMzQ1Njc4")),
    ] {
        let attempt = match token {
            Some(t) => ws::connect_staff(&url, t).await,
            None => ws::connect_customer(&url).await,
        };
        match attempt {
            Err(refused) => assert_eq!(refused.status, Some(401), "{what}: {refused:?}"),
            Ok(mut socket) => {
                ws::hello(&mut socket, Some(0)).await;
                app.place_web_order(&order, None)
                    .await
                    .expect_status(201, "order");
                loop {
                    match ws::next(&mut socket, Duration::from_secs(1)).await {
                        None | Some(Incoming::Closed { .. }) => break,
                        Some(Incoming::Event(e)) | Some(Incoming::Snapshot(e)) => {
                            panic!("the staff stream with {what} sent {e}")
                        }
                        Some(_) => {}
                    }
                }
            }
        }
    }
}

#[tokio::test]
async fn a_screen_can_authenticate_with_its_first_message() {
    let app = spawn_app().await;
    let kitchen = app.login("kitchen").await;
    let mut socket = ws::connect_customer(&app.ws_url("/ws"))
        .await
        .expect("the staff stream accepts the upgrade and waits for a hello with a token");
    socket
        .send(Message::text(
            json!({"type": "hello", "token": kitchen.token, "after": 0}).to_string(),
        ))
        .await
        .unwrap();
    ws::expect_welcome(&mut socket).await;
    let menu = app.menu().await;
    let pizza = menu.pizza();
    let placed = app.place_pizza_order(pizza, "order").await;
    match ws::next(&mut socket, Duration::from_secs(5)).await {
        Some(Incoming::Event(e)) => assert_eq!(e["data"]["order"]["number"], number_of(&placed)),
        other => panic!("no event after a hello with a token: {other:?}"),
    }
}

#[tokio::test]
async fn a_live_only_customer_gets_what_happens_after_connecting() {
    let app = spawn_app().await;
    let menu = app.menu().await;
    let pizza = menu.pizza();
    let placed = app.place_pizza_order(pizza, "order").await;
    let token = str_of(&placed, "tracking_token");
    let mut socket = ws::connect_customer(&app.ws_url(&format!("/ws/track/{token}")))
        .await
        .expect("customer socket");
    ws::hello(&mut socket, None).await;
    ws::expect_welcome(&mut socket).await;
    let health = app.healthz().await.ok("healthz");
    assert_eq!(health["ws_connections"]["customer"], 1, "{health}");

    let staff = app.login("cashier").await;
    let id = id_of(&staff.order_by_number(number_of(&placed)).await);
    staff
        .change_status(id, &json!({"status": "accepted", "prep_time_minutes": 35}))
        .await
        .ok("accept");
    let mut next = ws::next(&mut socket, Duration::from_secs(5)).await;
    // docs/api.md sends a snapshot only when `after` is older than the retention horizon; a
    // snapshot of the customer's own order before the live events is tolerated here.
    if let Some(Incoming::Snapshot(snapshot)) = &next {
        eprintln!("note: the customer stream sent a snapshot for hello.after = null");
        assert_eq!(
            snapshot["data"]["order"]["number"],
            number_of(&placed),
            "{snapshot}"
        );
        next = ws::next(&mut socket, Duration::from_secs(5)).await;
    }
    match next {
        Some(Incoming::Event(e)) => {
            assert_eq!(
                e["type"], "order.status_changed",
                "live only: no replay of order.placed: {e}"
            );
            assert_eq!(e["data"]["order"]["status"], "accepted");
            let eta = e["data"]["order"]["estimated_ready_at"]
                .as_str()
                .unwrap_or_default();
            assert!(
                eta > placed["estimated_ready_at"].as_str().unwrap_or_default(),
                "accepting with 35 minutes moves the customer's ETA later: {e}"
            );
        }
        other => panic!("the customer did not see the order accepted: {other:?}"),
    }
}

#[tokio::test]
async fn a_screen_behind_the_retention_horizon_gets_a_snapshot_then_the_events_after_it() {
    // Retention 0 days: the start-up upkeep prunes every event written before the restart.
    let mut app = TestApp::spawn_with(&[
        ("FORNO_DEMO_ALWAYS_OPEN", "1"),
        ("FORNO_EVENT_RETENTION_DAYS", "0"),
    ])
    .await;
    let menu = app.menu().await;
    let pizza = menu.pizza();
    let order = OrderBuilder::pickup()
        .line(pizza, pizza.middle_size())
        .json();
    let mut numbers = Vec::new();
    for _ in 0..3 {
        let placed = app
            .place_web_order(&order, None)
            .await
            .expect_status(201, "order");
        numbers.push(number_of(&placed).to_string());
    }
    let staff = app.login("cashier").await;
    let cancelled = id_of(&staff.order_by_number(&numbers[2]).await);
    staff
        .change_status(cancelled, &json!({"status": "cancelled", "reason": "test"}))
        .await
        .ok("cancel");
    tokio::time::sleep(Duration::from_millis(1100)).await;
    app.restart().await;
    let staff = app.login("cashier").await;
    let mut oldest = 0;
    for _ in 0..50 {
        oldest = staff.events_page(0, 1).await.ok("events")["oldest_seq"]
            .as_u64()
            .unwrap_or(0);
        if oldest > 1 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(
        oldest > 1,
        "retention 0 should have pruned the old events (oldest_seq {oldest})"
    );
    let late = app
        .place_web_order(&order, None)
        .await
        .expect_status(201, "an order after the prune");
    let head = staff.head_seq().await;

    let mut socket = ws::connect_staff(&app.ws_url("/ws"), &staff.token)
        .await
        .expect("connect");
    ws::hello(&mut socket, Some(0)).await;
    ws::expect_welcome(&mut socket).await;
    let snapshot = match ws::next(&mut socket, Duration::from_secs(5)).await {
        Some(Incoming::Snapshot(s)) => s,
        other => {
            panic!("hello.after = 0 is behind the horizon: expected a snapshot, got {other:?}")
        }
    };
    let snap_seq = snapshot["seq"].as_u64().expect("snapshot.seq");
    let text = snapshot["data"].to_string();
    for open in &numbers[..2] {
        assert!(
            text.contains(&format!("\"{open}\"")),
            "snapshot lacks open order {open}: {text}"
        );
    }
    assert!(
        !text.contains(&format!("\"{}\"", numbers[2])),
        "the snapshot holds open orders only, not cancelled {}: {text}",
        numbers[2]
    );
    let mut seqs = Vec::new();
    while seqs.last().copied().unwrap_or(snap_seq) < head {
        match ws::next(&mut socket, Duration::from_secs(5)).await {
            Some(Incoming::Event(e)) => seqs.push(e["seq"].as_u64().unwrap()),
            other => {
                panic!("after the snapshot at {snap_seq}: {other:?} (seqs {seqs:?}, head {head})")
            }
        }
    }
    assert_eq!(seqs, ((snap_seq + 1)..=head).collect::<Vec<_>>());
    let late_in_snapshot = text.contains(&format!("\"{}\"", number_of(&late)));
    assert!(
        late_in_snapshot || !seqs.is_empty(),
        "the order placed after the prune is in the snapshot or in the events after it"
    );
}

#[tokio::test]
async fn connection_counts_go_down_when_screens_vanish_and_the_limit_is_kept() {
    let app = TestApp::spawn_with(&[
        ("FORNO_DEMO_ALWAYS_OPEN", "1"),
        ("FORNO_MAX_WS_CONNECTIONS", "5"),
    ])
    .await;
    let staff = app.login("cashier").await;
    let url = app.ws_url("/ws");
    let count = || async {
        let h = app.healthz().await.ok("healthz");
        (
            h["ws_connections"]["staff"].as_u64().unwrap_or(99),
            h["ws_connections"]["limit"].as_u64(),
        )
    };
    let mut sockets = Vec::new();
    for _ in 0..5 {
        let mut s = ws::connect_staff(&url, &staff.token)
            .await
            .expect("connect");
        ws::hello(&mut s, None).await;
        ws::expect_welcome(&mut s).await;
        sockets.push(s);
    }
    assert_eq!(count().await, (5, Some(5)));
    match ws::connect_staff(&url, &staff.token).await {
        Err(refused) => assert!(
            refused.status.is_some_and(|s| s == 503 || s == 429),
            "the sixth screen beyond the limit of 5: {refused:?}"
        ),
        Ok(mut extra) => {
            ws::hello(&mut extra, None).await;
            match ws::next(&mut extra, Duration::from_secs(2)).await {
                Some(Incoming::Closed { .. }) | None => {}
                other => panic!("a sixth screen beyond the limit of 5 got {other:?}"),
            }
        }
    }

    // Screens that vanish without a goodbye (power cut, Wi-Fi gone) are counted out.
    sockets.clear();
    let deadline = Instant::now() + Duration::from_secs(10);
    while count().await.0 != 0 && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(
        count().await.0,
        0,
        "healthz still counts screens that are gone"
    );
    for _ in 0..5 {
        let mut s = ws::connect_staff(&url, &staff.token)
            .await
            .expect("room again after the others left");
        ws::hello(&mut s, None).await;
        ws::expect_welcome(&mut s).await;
        sockets.push(s);
    }
}

#[tokio::test]
async fn a_garbled_message_closes_only_that_socket() {
    let app = spawn_app().await;
    let staff = app.login("cashier").await;
    let url = app.ws_url("/ws");
    let mut good = ws::connect_staff(&url, &staff.token)
        .await
        .expect("connect");
    ws::hello(&mut good, None).await;
    ws::expect_welcome(&mut good).await;

    let mut bad = ws::connect_staff(&url, &staff.token)
        .await
        .expect("connect");
    bad.send(Message::text("{this is not the protocol"))
        .await
        .unwrap();
    match ws::next(&mut bad, Duration::from_secs(5)).await {
        Some(Incoming::Closed { .. }) | Some(Incoming::Other) => {}
        other => panic!("a garbled hello should be answered with an error or a close: {other:?}"),
    }

    let menu = app.menu().await;
    let pizza = menu.pizza();
    app.place_pizza_order(pizza, "order").await;
    match ws::next(&mut good, Duration::from_secs(5)).await {
        Some(Incoming::Event(e)) => assert_eq!(e["type"], "order.placed"),
        other => panic!("the other screen stopped getting events: {other:?}"),
    }
}
