//! The stored payload round-trips every event, and refuses what it cannot read with a reason.
//! The rows of real logs (`tests/fixtures/events-v0.json`) are decoded in `tests/event_log.rs`.

use chrono::{DateTime, NaiveDate, Utc};
use forno_domain::pricing::{PricedHalf, ZoneRef};
use forno_domain::{
    Address, AppliedDiscount, Channel, Contact, DiscountShare, DiscountTarget, DiscountValue,
    Fulfilment, LineVoid, Order, OrderStatus, Payment, PaymentMethod, PaymentStatus,
    PricedDiscount, PricedLine, StatusEntry, VatRate,
};
use serde_json::json;

use super::payload::{VERSION, decode, encode};
use super::{Event, EventKind};

fn at(text: &str) -> DateTime<Utc> {
    text.parse().unwrap()
}

/// A delivery with everything an order can hold: contact, zone, a slot, a half-and-half line,
/// a history with staff names and a cancellation reason.
fn full_order() -> Order {
    Order {
        id: 7,
        business_date: NaiveDate::from_ymd_opt(2026, 11, 27).unwrap(),
        day_number: 17,
        tracking_token: "tok-7".into(),
        status: OrderStatus::Cancelled,
        channel: Channel::Phone,
        fulfilment: Fulfilment::Delivery {
            address: Address {
                street: "Damrak".into(),
                house_number: "1".into(),
                postcode: "1012 LG".into(),
                city: "Amsterdam".into(),
            },
        },
        zone: Some(ZoneRef {
            id: 1,
            name: "Centrum".into(),
            extra_minutes: 10,
        }),
        requested_time: Some(at("2026-11-27T18:30:00Z")),
        estimated_ready_at: at("2026-11-27T18:30:00Z"),
        contact: Some(Contact {
            name: "Eva Smit".into(),
            phone: "0612345678".into(),
            email: Some("eva@example.org".into()),
        }),
        customer_id: Some(3),
        note: Some("bel aan".into()),
        lines: vec![PricedLine {
            item_id: 1,
            item_name: "Margherita".into(),
            size_code: "35".into(),
            size_name: "35 cm".into(),
            quantity: 2,
            extras: vec!["Extra kaas".into()],
            removed_ingredients: vec!["Basilicum".into()],
            second_half: Some(PricedHalf {
                item_id: 2,
                item_name: "Salami".into(),
                extras: vec![],
                removed_ingredients: vec!["Ui".into()],
            }),
            note: Some("goed doorbakken".into()),
            unit_price: 1663,
            total: 3326,
            vat_rate: VatRate::Reduced,
            vat: 275,
        }],
        subtotal: 3326,
        delivery_fee: 250,
        total: 3576,
        cancel_reason: Some("dubbel besteld".into()),
        customer_message: Some("Sorry, te druk".into()),
        placed_at: at("2026-11-27T17:58:00.123Z"),
        updated_at: at("2026-11-27T18:01:02.456Z"),
        status_history: vec![
            StatusEntry {
                status: OrderStatus::Placed,
                at: at("2026-11-27T17:58:00.123Z"),
                staff_name: Some("Sofia".into()),
                reason: None,
            },
            StatusEntry {
                status: OrderStatus::Cancelled,
                at: at("2026-11-27T18:01:02.456Z"),
                staff_name: Some("Sofia".into()),
                reason: Some("dubbel besteld".into()),
            },
        ],
        payments: vec![],
        discounts: vec![],
        done_lines: vec![],
        voids: vec![],
    }
}

fn cash_payment() -> Payment {
    Payment {
        id: 7,
        method: PaymentMethod::Cash,
        amount: 3576,
        tendered: Some(5000),
        change: Some(1424),
        status: PaymentStatus::Received,
        staff_name: Some("Sofia".into()),
        at: at("2026-11-27T18:00:00.500Z"),
    }
}

fn every_kind_of_event() -> Vec<Event> {
    let order = full_order();
    let pickup = Order {
        fulfilment: Fulfilment::Pickup,
        zone: None,
        contact: None,
        requested_time: None,
        ..order.clone()
    };
    vec![
        Event::OrderPlaced {
            order: pickup.clone(),
        },
        Event::OrderStatusChanged {
            order: pickup,
            from: OrderStatus::Ready,
            to: OrderStatus::Completed,
        },
        Event::OrderCancelled {
            order,
            from: OrderStatus::Placed,
        },
        Event::ShopUpdated {
            paused: true,
            prep_time_minutes: 25,
        },
        Event::MenuUpdated { item_id: Some(4) },
        Event::PaymentRecorded {
            order: Order {
                payments: vec![cash_payment()],
                ..full_order()
            },
            payment: cash_payment(),
        },
        Event::OrderDiscounted {
            order: Order {
                discounts: vec![AppliedDiscount {
                    id: 3,
                    priced: PricedDiscount {
                        target: DiscountTarget::Line(0),
                        value: DiscountValue::Percent(10),
                        amount: 333,
                        shares: vec![DiscountShare {
                            rate: VatRate::Reduced,
                            amount: 333,
                            vat: 27,
                        }],
                    },
                    reason: "vaste klant".into(),
                    staff_name: Some("Sofia".into()),
                    approved_by: Some("Marco".into()),
                }],
                ..full_order()
            },
            discount_id: 3,
        },
        Event::OrderLinesDone {
            order: Order {
                status: OrderStatus::Preparing,
                done_lines: vec![0],
                ..full_order()
            },
            lines: vec![0],
            done: true,
        },
        Event::PrintJobChanged(super::PrintJobChange {
            job_id: 7,
            printer_id: Some(1),
            printer_name: "Keuken".into(),
            order_id: Some(3),
            layout: "kitchen".into(),
            state: "failed".into(),
            error: Some("paper out".into()),
            copy: false,
        }),
        Event::PrinterUpdated(super::PrinterChange {
            printer_id: 1,
            name: "Keuken".into(),
            state: "paper_out".into(),
            removed: false,
        }),
        Event::OrderLineVoided {
            order: Order {
                status: OrderStatus::Preparing,
                voids: vec![LineVoid {
                    id: 2,
                    line: 0,
                    amount: 1000,
                    reason: "cola niet meegegeven".into(),
                    staff_name: Some("Sofia".into()),
                    approved_by: Some("Marco".into()),
                    at: at("2026-11-27T18:03:00.000Z"),
                }],
                ..full_order()
            },
            void_id: 2,
        },
    ]
}

#[test]
fn every_event_reads_back_as_it_was_written() {
    for event in every_kind_of_event() {
        let stored = encode(&event);
        assert_eq!(stored["v"], json!(VERSION), "{stored}");
        let read = decode(event.kind().as_str(), &stored);
        assert_eq!(read.as_ref(), Ok(&event), "{stored}");
    }
    let kinds: Vec<EventKind> = every_kind_of_event().iter().map(Event::kind).collect();
    assert_eq!(kinds, EventKind::ALL, "every kind is covered");
}

#[test]
fn the_stored_order_is_the_payload_shape_not_a_domain_struct() {
    let stored = encode(&every_kind_of_event().remove(2));
    let order = &stored["order"];
    // The names of the payload (and of version 0 rows), whatever the domain calls them.
    assert_eq!(order["status"], "cancelled");
    assert_eq!(order["channel"], "phone");
    assert_eq!(order["fulfilment"]["type"], "delivery");
    assert_eq!(order["lines"][0]["vat_rate"], "reduced");
    assert_eq!(order["lines"][0]["unit_price"], 1663);
    assert_eq!(order["status_history"][1]["staff_name"], "Sofia");
    assert_eq!(stored["from"], "placed");
    assert_eq!(stored["to"], "cancelled");
}

#[test]
fn a_row_from_a_newer_forno_or_a_damaged_one_is_refused_with_a_reason() {
    let placed = encode(&every_kind_of_event().remove(0));
    let mut newer = placed.clone();
    newer["v"] = json!(VERSION + 1);
    let err = decode("order.placed", &newer).unwrap_err();
    assert!(
        err.contains("newer") && err.contains("update Forno"),
        "{err}"
    );

    let err = decode("order.refunded", &placed).unwrap_err();
    assert!(err.contains("order.refunded"), "{err}");

    let mut bad_status = placed.clone();
    bad_status["order"]["status"] = json!("lost");
    let err = decode("order.placed", &bad_status).unwrap_err();
    assert!(err.contains("lost"), "{err}");

    let mut no_lines = placed.clone();
    no_lines["order"].as_object_mut().unwrap().remove("lines");
    let err = decode("order.placed", &no_lines).unwrap_err();
    assert!(err.contains("lines"), "{err}");

    let err = decode("order.status_changed", &placed).unwrap_err();
    assert!(
        err.contains("from"),
        "a status change without its step: {err}"
    );

    assert!(decode("order.placed", &serde_json::Value::Null).is_err());
}

#[test]
fn fields_a_later_version_adds_are_ignored_by_this_one() {
    let mut stored = encode(&every_kind_of_event().remove(0));
    stored["order"]["payment_state"] = json!("paid");
    stored["order"]["lines"][0]["station"] = json!("oven");
    stored["printed"] = json!(true);
    assert!(decode("order.placed", &stored).is_ok());
}
