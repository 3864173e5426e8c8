//! Durability: an order the server acknowledged survives `kill -9`, and a crash never leaves a
//! half-written order or a gap in the event log (architecture.md "How data flows", step 2).

use std::collections::{BTreeMap, BTreeSet};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::common::*;
use serde_json::Value;

const CLIENTS: usize = 8;
const ORDERS_PER_CLIENT: usize = 40;
const KILL_AFTER_ACKED: usize = 100;

/// Orders of different shapes: 1–3 lines, some with a beer at 21%.
fn order_body(menu: &Menu, n: usize) -> Value {
    let pizza = menu.pizza();
    let mut order = OrderBuilder::pickup()
        .contact(&format!("Klant {n}"), &format!("06{:08}", n))
        .with(LineBuilder::new(pizza, pizza.middle_size()).quantity(1 + (n % 3) as i64));
    if n % 2 == 1 {
        let beer = menu.beer();
        order = order.line(beer, beer.first_size());
    }
    if n % 5 == 1 {
        order = order.with(LineBuilder::new(pizza, pizza.first_size()).extra(pizza.extras[0].id));
    }
    order.json()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn every_acknowledged_order_survives_kill_9_and_nothing_is_half_written() {
    let mut app = spawn_app().await;
    let menu = app.menu().await;
    // Log in before the crash: the PINs are printed only on the first start.
    app.staff_accounts().await;

    let acked: Arc<Mutex<Vec<Value>>> = Arc::default();
    let acked_count = Arc::new(AtomicUsize::new(0));
    let unexpected: Arc<Mutex<Vec<String>>> = Arc::default();
    let stop = Arc::new(AtomicBool::new(false));
    let mut clients = Vec::new();
    for c in 0..CLIENTS {
        let (acked, acked_count, unexpected, stop) = (
            acked.clone(),
            acked_count.clone(),
            unexpected.clone(),
            stop.clone(),
        );
        let url = app.url("/orders");
        let bodies: Vec<Value> = (0..ORDERS_PER_CLIENT)
            .map(|i| order_body(&menu, c * ORDERS_PER_CLIENT + i))
            .collect();
        clients.push(tokio::spawn(async move {
            let http = http_client(false);
            let mut bodies = bodies.into_iter();
            let mut body = bodies.next();
            while let Some(b) = &body {
                if stop.load(Ordering::SeqCst) {
                    return;
                }
                // A connection error means the server is gone: this client stops.
                let Ok(resp) = http.post(&url).json(b).send().await else {
                    return;
                };
                let status = resp.status().as_u16();
                let Ok(text) = resp.text().await else { return };
                match status {
                    201 => {
                        acked
                            .lock()
                            .unwrap()
                            .push(serde_json::from_str(&text).unwrap());
                        acked_count.fetch_add(1, Ordering::SeqCst);
                        body = bodies.next();
                    }
                    429 => tokio::time::sleep(Duration::from_millis(200)).await,
                    other => {
                        unexpected.lock().unwrap().push(format!("{other} {text}"));
                        body = bodies.next();
                    }
                }
            }
        }));
    }

    let waited = tokio::time::timeout(Duration::from_secs(120), async {
        while acked_count.load(Ordering::SeqCst) < KILL_AFTER_ACKED {
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
    })
    .await;
    assert!(
        waited.is_ok(),
        "only {} orders acknowledged in 2 minutes",
        acked_count.load(Ordering::SeqCst)
    );
    app.kill9();
    stop.store(true, Ordering::SeqCst);
    for client in clients {
        client.await.unwrap();
    }
    let acked = acked.lock().unwrap().clone();
    assert!(
        unexpected.lock().unwrap().is_empty(),
        "valid orders were refused: {:?}",
        unexpected.lock().unwrap()
    );
    eprintln!("{} orders acknowledged before kill -9", acked.len());

    app.restart().await;
    let staff = app.login("manager").await;

    // Every order in the shop, in its full staff view.
    let listed = staff.all_orders().await;
    let mut by_number: BTreeMap<String, Value> = BTreeMap::new();
    for summary in &listed {
        let full = staff.order(id_of(summary)).await.ok("GET /orders/{id}");
        let number = str_of(&full, "number").to_string();
        assert!(
            by_number.insert(number.clone(), full).is_none(),
            "order number {number} is used twice"
        );
    }
    assert!(
        by_number.len() >= acked.len(),
        "{} orders acknowledged but only {} in the shop after restart",
        acked.len(),
        by_number.len()
    );

    let mut lost = Vec::new();
    for ack in &acked {
        let number = number_of(ack);
        let token = str_of(ack, "tracking_token");
        let tracked = app.track(token).await;
        if tracked.status != 200 || tracked.body["number"] != number {
            lost.push(format!(
                "{number}: tracking answered {} {}",
                tracked.status, tracked.text
            ));
            continue;
        }
        match by_number.get(number) {
            Some(full) if full["total_cents"] == ack["total_cents"] => {}
            Some(full) => lost.push(format!(
                "{number}: acknowledged total {} but staff see {}",
                ack["total_cents"], full["total_cents"]
            )),
            None => lost.push(format!("{number}: not in staff GET /orders")),
        }
    }
    assert!(
        lost.is_empty(),
        "acknowledged orders lost or changed by kill -9:\n{}",
        lost.join("\n")
    );

    for (number, order) in &by_number {
        let lines = order["lines"].as_array().map(Vec::len).unwrap_or(0);
        assert!(
            lines >= 1,
            "order {number} has no lines after the crash: {order}"
        );
        let subtotal = order["subtotal_cents"].as_i64().unwrap();
        let fee = order["delivery_fee_cents"].as_i64().unwrap_or(0);
        assert_eq!(
            sum_of_lines(order),
            subtotal,
            "order {number}: lines ≠ subtotal"
        );
        assert_eq!(
            order["total_cents"].as_i64().unwrap(),
            subtotal + fee,
            "order {number}"
        );
        let vat_gross: i64 = order["vat"]
            .as_array()
            .unwrap()
            .iter()
            .map(|g| g["gross_cents"].as_i64().unwrap())
            .sum();
        assert_eq!(
            vat_gross,
            subtotal + fee,
            "order {number}: VAT groups ≠ total"
        );
    }

    let (events, head) = staff.all_events().await;
    let seqs: Vec<u64> = events.iter().map(|e| e["seq"].as_u64().unwrap()).collect();
    let want: Vec<u64> = (1..=head).collect();
    assert_eq!(
        seqs, want,
        "the event log after a crash must be 1..=head_seq without gaps"
    );
    let placed = events
        .iter()
        .filter(|e| e["type"] == "order.placed")
        .count();
    assert_eq!(
        placed,
        by_number.len(),
        "one order.placed event per order (no event without its order, no order without its event)"
    );
    let numbers_in_events: BTreeSet<&str> = events
        .iter()
        .filter(|e| e["type"] == "order.placed")
        .filter_map(|e| e["data"]["order"]["number"].as_str())
        .collect();
    let numbers: BTreeSet<&str> = by_number.keys().map(String::as_str).collect();
    assert_eq!(
        numbers_in_events, numbers,
        "order.placed events name exactly the orders"
    );

    // The shop keeps working after the crash.
    app.place_web_order(&order_body(&menu, 9_999), None)
        .await
        .expect_status(201, "an order after the restart");
}

const PICKUP_FLOW: [&str; 5] = ["placed", "accepted", "preparing", "ready", "completed"];

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn status_changes_cut_off_by_kill_9_leave_status_history_and_events_in_step() {
    let mut app = spawn_app().await;
    let menu = app.menu().await;
    let staff = app.login("cashier").await;
    let mut ids = Vec::new();
    for n in 0..24 {
        let placed = app
            .place_web_order(&order_body(&menu, n), None)
            .await
            .expect_status(201, "order");
        ids.push(id_of(&staff.order_by_number(number_of(&placed)).await));
    }

    // Four cashiers move their orders along the pickup flow as fast as they can.
    let acked: Arc<Mutex<Vec<(i64, String)>>> = Arc::default();
    let acked_count = Arc::new(AtomicUsize::new(0));
    let mut workers = Vec::new();
    for chunk in ids.chunks(6) {
        let (staff, chunk, acked, acked_count) = (
            staff.clone(),
            chunk.to_vec(),
            acked.clone(),
            acked_count.clone(),
        );
        workers.push(tokio::spawn(async move {
            for step in &PICKUP_FLOW[1..] {
                for id in &chunk {
                    let Ok(resp) = staff
                        .http
                        .post(staff_url(&staff, *id))
                        .json(&serde_json::json!({ "status": step }))
                        .send()
                        .await
                    else {
                        return;
                    };
                    if resp.status().is_success() {
                        acked.lock().unwrap().push((*id, step.to_string()));
                        acked_count.fetch_add(1, Ordering::SeqCst);
                    }
                }
            }
        }));
    }
    let half = ids.len() * 4 / 2;
    tokio::time::timeout(Duration::from_secs(60), async {
        while acked_count.load(Ordering::SeqCst) < half {
            tokio::time::sleep(Duration::from_millis(2)).await;
        }
    })
    .await
    .expect("status changes are acknowledged");
    app.kill9();
    for w in workers {
        w.await.unwrap();
    }
    app.restart().await;
    let staff = app.login("manager").await;

    let mut history_steps = 0;
    let mut by_id = BTreeMap::new();
    for id in &ids {
        let order = staff.order(*id).await.ok("GET /orders/{id}");
        let history: Vec<String> = order["status_history"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h["status"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(
            history,
            PICKUP_FLOW[..history.len()],
            "order {id}: the history is not a run of the pickup flow"
        );
        assert_eq!(
            order["status"].as_str(),
            history.last().map(String::as_str),
            "order {id}: status and history disagree"
        );
        history_steps += history.len() - 1;
        by_id.insert(*id, history);
    }
    for (id, status) in acked.lock().unwrap().iter() {
        assert!(
            by_id[id].contains(status),
            "order {id}: the acknowledged change to {status} is gone after kill -9"
        );
    }
    let (events, head) = staff.all_events().await;
    let seqs: Vec<u64> = events.iter().map(|e| e["seq"].as_u64().unwrap()).collect();
    assert_eq!(
        seqs,
        (1..=head).collect::<Vec<_>>(),
        "gaps in the event log"
    );
    let changes = events
        .iter()
        .filter(|e| e["type"] == "order.status_changed")
        .count();
    assert_eq!(
        changes, history_steps,
        "one order.status_changed event per step in the histories"
    );
}

fn staff_url(staff: &StaffClient, id: i64) -> String {
    staff.url(&format!("/orders/{id}/status"))
}
