//! The event log outlives the code that wrote it: a shop's database keeps its rows for weeks,
//! backups for longer. These tests put real rows into a real SQLite log and read them back the
//! way screens resuming do (`Shop::events_after`).
//!
//! `fixtures/events-v0.json` holds rows written by Forno before events were typed (commit
//! c461e58: no payload version, the order as the store's struct serialised). Every one must
//! still read back as the typed event it recorded: it is what a shop upgrading has in its log.

use std::path::Path;

use chrono::{DateTime, Utc};
use forno_app::{Config, Event, Order, PublishedEvent, Shop};
use forno_domain::{
    Channel, Contact, Fulfilment, LineRequest, OrderRequest, OrderStatus, RequestedTime, Role,
    StatusChange,
};
use serde_json::Value;

fn fixture_rows() -> Vec<Value> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/events-v0.json");
    let text = std::fs::read_to_string(&path).expect("the fixture file is there");
    serde_json::from_str(&text).expect("the fixture is JSON")
}

fn config(dir: &Path) -> Config {
    let mut config = Config::load(dir).expect("default config");
    config.demo_always_open = true;
    config
}

/// A shop whose log holds exactly `rows`, written as the old code wrote them.
async fn shop_with_log(dir: &Path, rows: &[Value]) -> Shop {
    let config = config(dir);
    std::fs::create_dir_all(dir).unwrap();
    let store = forno_store::Store::open(&config.database_path(), &config.backup_dir()).unwrap();
    let rows = rows.to_vec();
    store
        .write(
            move |conn| -> Result<(), forno_store::StoreError> {
                for row in &rows {
                    let at: DateTime<Utc> = row["at"].as_str().unwrap().parse().unwrap();
                    let stored = forno_store::events::append(
                        conn,
                        row["type"].as_str().unwrap(),
                        at,
                        row["order_id"].as_i64(),
                        row["data"].clone(),
                    )?;
                    assert_eq!(stored.seq, row["seq"].as_i64().unwrap());
                }
                Ok(())
            },
            |_| {},
        )
        .await
        .unwrap();
    store.close();
    drop(store);
    Shop::open(config).await.unwrap().0
}

fn text(value: &Value) -> Option<String> {
    value.as_str().map(str::to_owned)
}

fn time(value: &Value) -> Option<DateTime<Utc>> {
    value.as_str().map(|t| t.parse().unwrap())
}

fn strings(value: &Value) -> Vec<String> {
    value
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_owned())
        .collect()
}

/// The decoded order holds exactly what the stored JSON says, field by field.
fn assert_same_order(order: &Order, stored: &Value, seq: i64) {
    let context = format!("seq {seq}");
    assert_eq!(order.id, stored["id"].as_i64().unwrap(), "{context}");
    assert_eq!(
        order.business_date.to_string(),
        stored["business_date"],
        "{context}"
    );
    assert_eq!(order.day_number, stored["day_number"].as_i64().unwrap());
    assert_eq!(order.tracking_token, stored["tracking_token"]);
    assert_eq!(order.status.as_str(), stored["status"], "{context}");
    assert_eq!(order.channel.as_str(), stored["channel"], "{context}");
    match &order.fulfilment {
        Fulfilment::Pickup => assert_eq!(stored["fulfilment"]["type"], "pickup"),
        Fulfilment::Delivery { address } => {
            let a = &stored["fulfilment"]["address"];
            assert_eq!(stored["fulfilment"]["type"], "delivery");
            assert_eq!(address.street, a["street"]);
            assert_eq!(address.house_number, a["house_number"]);
            assert_eq!(address.postcode, a["postcode"]);
            assert_eq!(address.city, a["city"]);
        }
    }
    match &order.zone {
        None => assert!(stored["zone"].is_null(), "{context}"),
        Some(zone) => {
            assert_eq!(zone.id, stored["zone"]["id"].as_i64().unwrap());
            assert_eq!(zone.name, stored["zone"]["name"]);
        }
    }
    assert_eq!(order.requested_time, time(&stored["requested_time"]));
    assert_eq!(
        Some(order.estimated_ready_at),
        time(&stored["estimated_ready_at"])
    );
    match &order.contact {
        None => assert!(stored["contact"].is_null(), "{context}"),
        Some(Contact { name, phone, email }) => {
            assert_eq!(name, &stored["contact"]["name"]);
            assert_eq!(phone, &stored["contact"]["phone"]);
            assert_eq!(email, &text(&stored["contact"]["email"]));
        }
    }
    assert_eq!(order.customer_id, stored["customer_id"].as_i64());
    assert_eq!(order.note, text(&stored["note"]), "{context}");
    let lines = stored["lines"].as_array().unwrap();
    assert_eq!(order.lines.len(), lines.len(), "{context}");
    for (line, stored) in order.lines.iter().zip(lines) {
        assert_eq!(line.item_id, stored["item_id"].as_i64().unwrap());
        assert_eq!(line.item_name, stored["item_name"]);
        assert_eq!(line.size_code, stored["size_code"]);
        assert_eq!(line.size_name, stored["size_name"]);
        assert_eq!(line.quantity, stored["quantity"].as_i64().unwrap());
        assert_eq!(line.extras, strings(&stored["extras"]));
        assert_eq!(
            line.removed_ingredients,
            strings(&stored["removed_ingredients"])
        );
        assert_eq!(line.note, text(&stored["note"]));
        assert_eq!(line.unit_price, stored["unit_price"].as_i64().unwrap());
        assert_eq!(line.total, stored["total"].as_i64().unwrap());
        assert_eq!(line.vat, stored["vat"].as_i64().unwrap());
        assert_eq!(stored["vat_rate"], "reduced");
        assert_eq!(line.vat_rate, forno_domain::VatRate::Reduced);
        match &line.second_half {
            None => assert!(stored["second_half"].is_null()),
            Some(half) => {
                let h = &stored["second_half"];
                assert_eq!(half.item_id, h["item_id"].as_i64().unwrap());
                assert_eq!(half.item_name, h["item_name"]);
                assert_eq!(half.extras, strings(&h["extras"]));
                assert_eq!(half.removed_ingredients, strings(&h["removed_ingredients"]));
            }
        }
    }
    assert_eq!(order.subtotal, stored["subtotal"].as_i64().unwrap());
    assert_eq!(order.delivery_fee, stored["delivery_fee"].as_i64().unwrap());
    assert_eq!(order.total, stored["total"].as_i64().unwrap());
    assert_eq!(order.cancel_reason, text(&stored["cancel_reason"]));
    assert_eq!(Some(order.placed_at), time(&stored["placed_at"]));
    assert_eq!(Some(order.updated_at), time(&stored["updated_at"]));
    let history = stored["status_history"].as_array().unwrap();
    assert_eq!(order.status_history.len(), history.len(), "{context}");
    for (entry, stored) in order.status_history.iter().zip(history) {
        assert_eq!(entry.status.as_str(), stored["status"]);
        assert_eq!(Some(entry.at), time(&stored["at"]));
        assert_eq!(entry.staff_name, text(&stored["staff_name"]));
        assert_eq!(entry.reason, text(&stored["reason"]));
    }
}

fn status(value: &Value) -> OrderStatus {
    OrderStatus::parse(value.as_str().unwrap()).unwrap()
}

#[tokio::test]
async fn todays_rows_read_back_as_the_typed_events_they_recorded() {
    let dir = tempfile::tempdir().unwrap();
    let rows = fixture_rows();
    let shop = shop_with_log(dir.path(), &rows).await;
    let page = shop.events_after(0, 1000).await.unwrap();
    assert_eq!(page.events.len(), rows.len());

    for (event, row) in page.events.iter().zip(&rows) {
        let seq = row["seq"].as_i64().unwrap();
        assert_eq!(event.seq, seq);
        assert_eq!(Some(event.at), time(&row["at"]), "seq {seq}");
        assert_eq!(event.order_id, row["order_id"].as_i64(), "seq {seq}");
        assert_eq!(event.type_name(), row["type"], "seq {seq}");
        let data = &row["data"];
        let typed = event
            .event
            .as_ref()
            .unwrap_or_else(|e| panic!("seq {seq} does not decode: {}", e.reason));
        match typed {
            Event::OrderPlaced { order } => {
                assert_eq!(row["type"], "order.placed");
                assert_same_order(order, &data["order"], seq);
            }
            Event::OrderStatusChanged { order, from, to } => {
                assert_eq!(row["type"], "order.status_changed");
                assert_eq!((*from, *to), (status(&data["from"]), status(&data["to"])));
                assert_same_order(order, &data["order"], seq);
            }
            Event::OrderCancelled { order, from } => {
                assert_eq!(row["type"], "order.cancelled");
                assert_eq!(*from, status(&data["from"]));
                assert_eq!(data["to"], "cancelled");
                assert_same_order(order, &data["order"], seq);
            }
            Event::ShopUpdated {
                paused,
                prep_time_minutes,
            } => {
                assert_eq!(row["type"], "shop.updated");
                assert_eq!(Some(*paused), data["paused"].as_bool());
                assert_eq!(Some(*prep_time_minutes), data["prep_time_minutes"].as_i64());
            }
            Event::MenuUpdated { item_id } => {
                assert_eq!(row["type"], "menu.updated");
                assert_eq!(*item_id, data["item_id"].as_i64());
            }
            // Kinds that came after version 0; the fixture has none of them.
            Event::PaymentRecorded { .. }
            | Event::OrderDiscounted { .. }
            | Event::OrderLinesDone { .. }
            | Event::OrderLineVoided { .. }
            | Event::PrintJobChanged(_)
            | Event::PrinterUpdated(_) => {
                panic!("seq {seq}: a version-0 log has no {}", row["type"])
            }
        }
    }

    // What the fixture was made of, spelled out: a sample of the events as typed values.
    let typed = |seq: usize| page.events[seq - 1].event.clone().unwrap();
    match typed(2) {
        Event::OrderPlaced { order } => {
            assert_eq!(order.channel, Channel::Web);
            assert!(order.fulfilment.is_delivery());
            assert_eq!(
                order.lines[0].second_half.as_ref().unwrap().item_name,
                "Salami"
            );
            assert_eq!(order.zone.unwrap().name, "Centrum");
        }
        other => panic!("seq 2: {other:?}"),
    }
    match typed(16) {
        Event::OrderCancelled { order, from } => {
            assert_eq!(from, OrderStatus::Accepted);
            assert_eq!(order.status, OrderStatus::Cancelled);
            assert_eq!(order.channel, Channel::Counter);
            assert_eq!(
                order.cancel_reason.as_deref(),
                Some("klant belde af, te lang gewacht")
            );
            assert_eq!(
                order.status_history.last().unwrap().staff_name.as_deref(),
                Some("Sofia")
            );
        }
        other => panic!("seq 16: {other:?}"),
    }
    match typed(17) {
        Event::OrderStatusChanged { from, to, order } => {
            assert_eq!((from, to), (OrderStatus::Placed, OrderStatus::Rejected));
            assert_eq!(order.cancel_reason.as_deref(), Some("oven stuk"));
        }
        other => panic!("seq 17: {other:?}"),
    }
    assert_eq!(
        typed(19),
        Event::ShopUpdated {
            paused: true,
            prep_time_minutes: 20
        }
    );
    assert_eq!(typed(21), Event::MenuUpdated { item_id: Some(3) });
    shop.close();
}

#[tokio::test]
async fn an_unreadable_row_keeps_its_place_and_shows_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut rows = fixture_rows();
    rows.truncate(3);
    rows[1]["data"]["order"]["status"] = Value::from("teleported");
    rows[2]["type"] = Value::from("order.refunded");
    let shop = shop_with_log(dir.path(), &rows).await;
    let page = shop.events_after(0, 1000).await.unwrap();
    let seqs: Vec<i64> = page.events.iter().map(|e| e.seq).collect();
    assert_eq!(seqs, [1, 2, 3], "no row drops out of the sequence");
    assert!(page.events[0].event.is_ok());
    let damaged = page.events[1].event.as_ref().unwrap_err();
    assert_eq!(damaged.kind, "order.placed");
    assert!(damaged.reason.contains("teleported"), "{}", damaged.reason);
    let unknown = page.events[2].event.as_ref().unwrap_err();
    assert_eq!(page.events[2].type_name(), "order.refunded");
    assert!(
        unknown.reason.contains("order.refunded"),
        "{}",
        unknown.reason
    );
    // The one order's stream (a customer's) reads the same way.
    let theirs = shop.order_events_after(2, 0).await.unwrap();
    assert_eq!(theirs.len(), 1);
    assert!(theirs[0].event.is_err());
    shop.close();
}

fn web_order(shop: &Shop) -> OrderRequest {
    let item = shop
        .menu()
        .items
        .iter()
        .find(|item| !item.sold_out && !item.sizes.is_empty())
        .expect("an orderable item")
        .clone();
    OrderRequest {
        channel: Channel::Web,
        lines: vec![LineRequest {
            item_id: item.id,
            size: Some(item.sizes[0].code.clone()),
            extras: vec![],
            removed_ingredients: vec![],
            note: Some("snijden".into()),
            quantity: 2,
            second_half: None,
        }],
        fulfilment: Fulfilment::Pickup,
        requested_time: RequestedTime::Asap,
        contact: Some(Contact {
            name: "Jan de Vries".into(),
            phone: "0612345678".into(),
            email: Some("jan@example.nl".into()),
        }),
        note: None,
        language: forno_domain::Lang::Nl,
    }
}

/// What a live screen got is what a screen resuming later reads from the log, to the
/// millisecond: the clock's nanoseconds never reach the bus.
#[tokio::test]
async fn what_the_bus_carries_is_what_the_log_returns() {
    let dir = tempfile::tempdir().unwrap();
    let (shop, credentials) = Shop::open(config(dir.path())).await.unwrap();
    let (_, name, pin) = credentials
        .unwrap()
        .staff
        .into_iter()
        .find(|(role, _, _)| *role == Role::Manager)
        .unwrap();
    // A manager: cancelling an accepted order is a void, which a cashier needs approval for.
    let cashier = shop.login(&name, &pin, Utc::now()).await.unwrap().actor;
    let mut bus = shop.subscribe();

    let placed = shop
        .place_order(
            web_order(&shop),
            None,
            forno_app::Orderer::Customer,
            Utc::now(),
        )
        .await
        .unwrap();
    let id = placed.order.id;
    for (to, reason) in [
        (OrderStatus::Accepted, None),
        (OrderStatus::Cancelled, Some("klant belde af")),
    ] {
        let change = StatusChange {
            to,
            reason: reason.map(str::to_owned),
            prep_time_minutes: None,
            customer_message: None,
        };
        shop.change_status(id, change, &cashier, None, Utc::now())
            .await
            .unwrap();
    }
    shop.set_paused(&cashier, true, Utc::now()).await.unwrap();

    let mut live: Vec<PublishedEvent> = Vec::new();
    while let Ok(event) = bus.try_recv() {
        live.push((*event).clone());
    }
    assert_eq!(live.len(), 4, "{live:?}");
    for event in &live {
        assert_eq!(
            event.at.timestamp_subsec_nanos() % 1_000_000,
            0,
            "seq {} carries more than milliseconds: {}",
            event.seq,
            event.at
        );
    }
    let logged = shop.events_after(0, 100).await.unwrap().events;
    assert_eq!(live, logged);
    shop.close();
}
