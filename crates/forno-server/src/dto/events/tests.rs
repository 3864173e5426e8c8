//! Rendering events for each audience: rows already in shops' logs render as they always did,
//! customers get only their allow-listed view, and what cannot be read is never sent raw.

use std::collections::BTreeSet;
use std::path::Path;

use forno_app::{PublishedEvent, StoredEvent};
use serde_json::{Value, json};

use super::{Audience, EventDto};

fn read_json(path: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap()
}

/// Today's rows (`forno-app/tests/fixtures/events-v0.json`) as the log returns them.
fn fixture_events() -> Vec<PublishedEvent> {
    read_json("../forno-app/tests/fixtures/events-v0.json")
        .as_array()
        .unwrap()
        .iter()
        .map(|row| {
            stored(
                row["seq"].as_i64().unwrap(),
                row["type"].as_str().unwrap(),
                row["order_id"].as_i64(),
                row["data"].clone(),
                row["at"].as_str().unwrap(),
            )
        })
        .collect()
}

fn stored(seq: i64, kind: &str, order_id: Option<i64>, data: Value, at: &str) -> PublishedEvent {
    PublishedEvent::from_stored(StoredEvent {
        seq,
        kind: kind.into(),
        at: at.parse().unwrap(),
        order_id,
        data,
    })
}

fn rendered(event: &PublishedEvent, audience: Audience) -> Option<Value> {
    EventDto::render(event, audience).map(|dto| serde_json::to_value(dto).unwrap())
}

/// Fields the order views gained after these rows were written (payments, discounts, the
/// message to a customer); old rows render them empty, and everything else as before.
const ADDED_SINCE: [&str; 7] = [
    "customer_message",
    "payment_state",
    "open_cents",
    "payments",
    "discounts",
    // Line voids (issue 9): an old row has none, and owes nothing back.
    "voids",
    "owed_back_cents",
];

/// `view` without the fields added since, after checking that an old row has them empty.
fn as_before(mut view: Value) -> Value {
    if let Some(order) = view
        .get_mut("data")
        .and_then(|d| d.get_mut("order"))
        .and_then(Value::as_object_mut)
    {
        for key in ADDED_SINCE {
            if let Some(value) = order.remove(key) {
                assert!(
                    matches!(&value, Value::Null)
                        || value == json!([])
                        || value == json!("unpaid")
                        || value.is_i64(),
                    "an old row renders {key} as {value}"
                );
            }
        }
    }
    view
}

#[test]
fn rows_in_todays_logs_render_exactly_as_before_for_both_audiences() {
    // `events-v0-rendered.json` is what the server sent for these rows before events were typed.
    let before = read_json("tests/fixtures/events-v0-rendered.json");
    let before = before.as_array().unwrap();
    let events = fixture_events();
    assert_eq!(events.len(), before.len());
    for (event, before) in events.iter().zip(before) {
        // The staff view only grew since: the kitchen's `done_lines` and `undo` (issue 14).
        // Every field it had is sent exactly as before.
        let mut staff = rendered(event, Audience::Staff);
        if let Some(order) = staff
            .as_mut()
            .and_then(|s| s["data"].get_mut("order"))
            .and_then(Value::as_object_mut)
        {
            assert!(order.remove("done_lines").is_some_and(|d| d == json!([])));
            assert!(order.remove("undo").is_some());
        }
        assert_eq!(
            staff.map(as_before).as_ref(),
            Some(&before["staff"]),
            "staff view of seq {}",
            event.seq
        );
        let customer = event
            .order_id
            .and_then(|_| rendered(event, Audience::Customer))
            .map(as_before);
        let expected = Some(&before["customer"]).filter(|c| !c.is_null());
        assert_eq!(
            customer.as_ref(),
            expected,
            "customer view of seq {}",
            event.seq
        );
    }
}

/// Every key a customer's event may hold, at any depth. Anything else is a leak.
const CUSTOMER_KEYS: [&str; 38] = [
    // the event
    "seq",
    "type",
    "at",
    "data",
    "order",
    "from",
    "to",
    // CustomerOrderDto
    "number",
    "status",
    "fulfilment",
    "requested_time",
    "estimated_ready_at",
    "lines",
    "subtotal_cents",
    "delivery_fee_cents",
    "total_cents",
    "vat",
    "customer_message",
    "placed_at",
    "updated_at",
    "status_history",
    // lines, halves, VAT
    "description",
    "item_id",
    "item_name",
    "size",
    "size_name",
    "quantity",
    "unit_price_cents",
    "vat_rate_percent",
    "vat_cents",
    "extras",
    "removed_ingredients",
    "second_half",
    "note",
    "rate_percent",
    "gross_cents",
    // history entries (status and at are above)
    "by",
    "reason",
];

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

#[test]
fn a_customer_sees_only_allow_listed_fields_and_no_names_contacts_or_reasons() {
    let allowed: BTreeSet<String> = CUSTOMER_KEYS.iter().map(|k| k.to_string()).collect();
    let events = fixture_events();
    let mut seen_types = BTreeSet::new();
    for event in &events {
        let Some(customer) = rendered(event, Audience::Customer) else {
            assert!(
                event.order_id.is_none(),
                "seq {}: order events reach their customer",
                event.seq
            );
            continue;
        };
        seen_types.insert(customer["type"].as_str().unwrap().to_owned());
        let mut found = BTreeSet::new();
        keys(&customer, &mut found);
        let extra: Vec<_> = found.difference(&allowed).collect();
        assert!(
            extra.is_empty(),
            "seq {}: customer view has {extra:?}",
            event.seq
        );
        let history = customer["data"]["order"]["status_history"]
            .as_array()
            .unwrap();
        for entry in history {
            assert!(
                entry.get("by").is_none() && entry.get("reason").is_none(),
                "seq {}: {entry}",
                event.seq
            );
        }
        let text = customer.to_string();
        for secret in [
            "Anna de Vries",
            "0612345678",
            "anna@example.nl",
            "Bram Jansen",
            "Damrak",
            "Eva Smit",
            "eva@example.org",
            "Prinsengracht",
            "Sofia",
            "Luca",
            "klant belde af",
            "oven stuk",
            "dubbel besteld",
            "bel aan",
            "geen bel",
            "tracking_token",
            "customer_id",
        ] {
            assert!(
                !text.contains(secret),
                "seq {}: customer view contains {secret:?}",
                event.seq
            );
        }
    }
    assert_eq!(
        seen_types,
        ["order.cancelled", "order.placed", "order.status_changed"]
            .map(String::from)
            .into(),
        "every order event type was checked"
    );
}

#[test]
fn an_event_that_cannot_be_read_is_never_sent_raw() {
    // An order event whose order this build cannot read (a status it does not know), holding
    // everything a customer must not see.
    let mut data = read_json("../forno-app/tests/fixtures/events-v0.json")[15]["data"].clone();
    data["order"]["status"] = json!("teleported");
    data["order"]["contact"] =
        json!({"name": "Anna de Vries", "phone": "0612345678", "email": "anna@example.nl"});
    let event = stored(
        16,
        "order.cancelled",
        Some(3),
        data,
        "2026-12-02T05:04:31.880Z",
    );
    assert!(event.event.is_err());

    assert_eq!(
        rendered(&event, Audience::Customer),
        None,
        "customers get nothing"
    );
    let staff = rendered(&event, Audience::Staff).expect("staff keep the seq");
    assert_eq!(
        staff,
        json!({"seq": 16, "type": "order.cancelled", "at": "2026-12-02T05:04:31.880Z", "data": {}})
    );

    // Rows that are not even JSON objects, or of a type this build does not know.
    for (kind, data) in [
        ("order.placed", Value::Null),
        ("order.placed", json!("garbage")),
        (
            "order.refunded",
            json!({"order": {"contact": {"phone": "0612345678"}}}),
        ),
    ] {
        let event = stored(9, kind, Some(1), data, "2026-12-02T05:04:31.880Z");
        assert_eq!(rendered(&event, Audience::Customer), None, "{kind}");
        assert_eq!(
            rendered(&event, Audience::Staff).unwrap()["data"],
            json!({}),
            "{kind}"
        );
    }
}

#[test]
fn customers_get_no_shop_or_menu_events() {
    for event in fixture_events().iter().filter(|e| e.order_id.is_none()) {
        assert_eq!(
            rendered(event, Audience::Customer),
            None,
            "seq {}",
            event.seq
        );
        assert!(rendered(event, Audience::Staff).is_some());
    }
}

#[test]
fn customers_never_get_a_payment_and_staff_get_it_whole() {
    let placed = fixture_events()
        .into_iter()
        .find(|e| e.type_name() == "order.placed")
        .expect("the fixture has a placed order");
    let order = rendered(&placed, Audience::Staff).unwrap()["data"]["order"].clone();
    let stored_order = read_json("../forno-app/tests/fixtures/events-v0.json")
        .as_array()
        .unwrap()
        .iter()
        .find(|row| row["seq"] == json!(placed.seq))
        .unwrap()["data"]["order"]
        .clone();
    let payment = stored(
        placed.seq + 1000,
        "order.payment_recorded",
        placed.order_id,
        json!({"v": 1, "order": stored_order, "payment": {
            "id": 1, "method": "cash", "amount": 500, "tendered": 2000, "change": 1500,
            "status": "received", "staff_name": "Sofia", "at": "2026-12-02T05:04:31.890Z"}}),
        "2026-12-02T05:04:31.890Z",
    );
    assert!(payment.event.is_ok(), "{:?}", payment.event);
    assert_eq!(rendered(&payment, Audience::Customer), None);
    let staff = rendered(&payment, Audience::Staff).unwrap();
    assert_eq!(staff["data"]["payment"]["change_cents"], 1500);
    assert_eq!(staff["data"]["payment"]["staff_name"], "Sofia");
    assert_eq!(staff["data"]["order"]["number"], order["number"]);
}
