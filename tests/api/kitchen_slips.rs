//! Kitchen slips through the running server to the printer emulator: a line voided or an order
//! cancelled after its kitchen tickets printed makes a slip (VERVALLEN, GEANNULEERD) on the
//! printers that got the tickets, and only there; before sending nothing prints; a printer that
//! is off prints the slip when it is back.

use std::time::{Duration, Instant};

use crate::common::escpos::Cmd;
use crate::common::printer::PrinterEmulator;
use crate::common::*;
use crate::printing::{
    WAIT, add_printer, assert_clean, category_of, job_until, post, print_jobs, print_rules,
    put_rules, send_counter_order,
};
use serde_json::{Value, json};

/// A pizza line with everything a kitchen must see (size, an extra, a removed ingredient, a
/// second half, a note), and what the ticket shows of them: (line, pizza, extra, removed).
fn full_pizza(menu: &Menu) -> (LineBuilder, Item, String, String) {
    let pizza = menu
        .items()
        .find(|i| i.halves_allowed && !i.extras.is_empty() && !i.ingredients.is_empty())
        .expect("a pizza with extras and ingredients");
    let other = menu
        .items()
        .find(|i| i.halves_allowed && i.id != pizza.id)
        .expect("a second pizza");
    let (extra, removed) = (pizza.extras[0].clone(), pizza.ingredients[0].clone());
    let line = LineBuilder::new(pizza, pizza.middle_size())
        .quantity(2)
        .extra(extra.id)
        .without(removed.id)
        .note("Goed doorbakken")
        .second_half(other, &[]);
    (line, pizza.clone(), extra.name, removed.name)
}

/// A shop with one kitchen printer ("Keuken") on the emulator, its owner, and a counter order
/// of a pizza and a beer (line 1) to send, with that beer.
async fn shop_with_one_kitchen_printer() -> (TestApp, PrinterEmulator, StaffClient, Value, Item) {
    let app = spawn_app().await;
    let printer = PrinterEmulator::start().await;
    let owner = app.login("owner").await;
    add_printer(&owner, "Keuken", &printer.address(), "epson-tm-t20iii").await;
    let menu = app.menu().await;
    let (pizza, beer) = (menu.pizza(), menu.beer());
    let body = OrderBuilder::pickup()
        .line(pizza, pizza.middle_size())
        .line(beer, beer.first_size())
        .channel("counter")
        .json();
    (app, printer, owner, body, beer.clone())
}

/// Waits until the order's print jobs of `layout` are `n`, all printed.
async fn printed_jobs(staff: &StaffClient, order_id: i64, layout: &str, n: usize) -> Vec<Value> {
    let started = Instant::now();
    loop {
        let jobs: Vec<Value> = print_jobs(staff, &format!("order_id={order_id}&limit=500"))
            .await
            .into_iter()
            .filter(|j| j["layout"] == layout)
            .collect();
        if jobs.len() == n && jobs.iter().all(|j| j["state"] == "printed") {
            return jobs;
        }
        assert!(
            started.elapsed() < WAIT,
            "never {n} printed {layout} jobs: {jobs:#?}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// With stations: a pizza voided after sending prints a VERVALLEN slip with the line as the
/// oven's ticket showed it and the reason, on the oven's printer only; a reprint says KOPIE.
/// Cancelling the order then prints GEANNULEERD on the printer whose ticket still has lines
/// standing (the tap's beer), and nothing more for the oven, whose only line is off already.
#[tokio::test]
async fn a_void_after_sending_prints_a_slip_on_the_printer_of_the_lines_station_only() {
    let app = spawn_app().await;
    let (oven_printer, bar_printer) = (
        PrinterEmulator::start().await,
        PrinterEmulator::start().await,
    );
    let owner = app.login("owner").await;
    let cashier = app.login("cashier").await;
    let manager = app.login("manager").await;
    let oven = add_printer(&owner, "Oven", &oven_printer.address(), "epson-tm-t20iii").await;
    let bar = add_printer(&owner, "Bar", &bar_printer.address(), "epson-tm-t88").await;
    let menu = app.menu().await;
    let beer = menu.beer();
    let (pizza_line, pizza, extra, removed) = full_pizza(&menu);
    let (pizza_category, beer_category) = (
        category_of(&app, pizza.id).await,
        category_of(&app, beer.id).await,
    );
    let pizza = pizza.name;
    owner
        .put_stations(&json!({"stations": [
            {"code": "oven", "name": "Oven", "category_ids": [pizza_category]},
            {"code": "bar", "name": "Tap", "category_ids": [beer_category]},
        ]}))
        .await
        .ok("owner sets stations");
    let mut rules = print_rules(&owner).await["rules"]
        .as_array()
        .unwrap()
        .clone();
    for rule in &mut rules {
        if rule["trigger"] == "counter_order_sent" {
            rule["printer_id"] = bar["id"].clone();
        }
    }
    rules.push(json!({
        "trigger": "counter_order_sent", "layout": "kitchen",
        "printer_id": oven["id"], "station": "oven",
    }));
    put_rules(&owner, Value::Array(rules))
        .await
        .ok("rules per station");

    let body = OrderBuilder::pickup()
        .with(pizza_line)
        .line(beer, beer.first_size())
        .channel("counter")
        .json();
    let order = send_counter_order(&cashier, &body).await;
    let (id, number) = (id_of(&order), number_of(&order).to_owned());
    oven_printer.wait_for(1, WAIT).await;
    bar_printer.wait_for(1, WAIT).await;
    printed_jobs(&owner, id, "kitchen", 2).await;

    manager
        .void_line(
            id,
            &json!({"line": 0, "reason": "Klant wil toch geen pizza"}),
        )
        .await
        .expect_status(201, "the manager voids the pizza");
    let printouts = oven_printer.wait_for(2, WAIT).await;
    let slip = &printouts[1];
    assert_clean(slip, "the void slip");
    let text = slip.text();
    assert!(
        slip.line_with("VERVALLEN").is_some(),
        "says VERVALLEN:\n{text}"
    );
    assert!(slip.has(&Cmd::CharSize(0x11)), "printed big");
    assert!(slip.line_with(&number).is_some(), "the number:\n{text}");
    assert!(text.contains("Regel vervallen om"), "the time:\n{text}");
    assert!(text.contains("OVEN"), "the station:\n{text}");
    assert!(
        text.contains(&format!("2x ½ {pizza}")),
        "quantity and halves:\n{text}"
    );
    assert!(text.contains(&format!("+ {extra}")), "the extra:\n{text}");
    assert!(
        text.contains(&format!("ZONDER {removed}")),
        "the removed ingredient:\n{text}"
    );
    assert!(text.contains("! Goed doorbakken"), "the line note:\n{text}");
    assert!(
        text.contains("Reden: Klant wil toch geen pizza"),
        "the reason:\n{text}"
    );
    assert!(!text.contains(&beer.name), "only the voided line:\n{text}");
    assert!(!text.contains('€'), "no prices:\n{text}");
    assert_eq!(slip.cuts(), 1);
    assert_eq!(slip.drawer_kicks(), 0);

    // A print job like any other: listed with its layout and station, printed.
    let slips = printed_jobs(&owner, id, "kitchen_void", 1).await;
    assert_eq!(slips[0]["station"], "Oven");
    assert_eq!(slips[0]["printer_id"], oven["id"]);
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(
        bar_printer.printouts().len(),
        1,
        "the tap's printer never had the pizza: {:#?}",
        bar_printer.printouts()
    );

    // A reprint is the same slip, saying KOPIE.
    post(
        &owner,
        &format!("/print-jobs/{}/reprint", id_of(&slips[0])),
        &json!({}),
    )
    .await
    .expect_status(202, "reprint the slip");
    let again = oven_printer.wait_for(3, WAIT).await;
    let text = again[2].text();
    assert!(
        text.contains("KOPIE") && text.contains("VERVALLEN"),
        "{text}"
    );
    assert!(text.contains("Reden: Klant wil toch geen pizza"), "{text}");

    // The order cancelled: the tap's printer hears it, with the beer; the oven has nothing left.
    manager
        .change_status(
            id,
            &json!({"status": "cancelled", "reason": "klant is weggelopen"}),
        )
        .await
        .ok("the manager cancels the order");
    let printouts = bar_printer.wait_for(2, WAIT).await;
    let cancel = &printouts[1];
    assert_clean(cancel, "the cancel slip");
    let text = cancel.text();
    assert!(cancel.line_with("GEANNULEERD").is_some(), "{text}");
    assert!(cancel.line_with(&number).is_some(), "{text}");
    assert!(text.contains("TAP"), "the station:\n{text}");
    assert!(text.contains(&beer.name), "its line:\n{text}");
    assert!(!text.contains(&pizza), "the pizza is off already:\n{text}");
    assert!(text.contains("Reden: klant is weggelopen"), "{text}");
    printed_jobs(&owner, id, "kitchen_cancel", 1).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(
        oven_printer.printouts().len(),
        3,
        "nothing more for the oven"
    );
}

/// A web order cancelled after the shop accepted it: one GEANNULEERD slip with all its lines and
/// the reason, on the printer that got its ticket. Cancelled while still waiting to be accepted:
/// nothing prints. A line voided before a counter order is sent: no slip, and the ticket leaves
/// the line off.
#[tokio::test]
async fn a_cancel_after_sending_prints_a_slip_and_nothing_prints_before_sending() {
    let app = spawn_app().await;
    let printer = PrinterEmulator::start().await;
    let owner = app.login("owner").await;
    let cashier = app.login("cashier").await;
    add_printer(&owner, "Keuken", &printer.address(), "generic-58mm").await;
    let menu = app.menu().await;
    let (pizza, beer) = (menu.pizza(), menu.beer());

    // Cancelled while pending: no ticket, no slip.
    let body = OrderBuilder::pickup()
        .line(pizza, pizza.middle_size())
        .json();
    let pending = app
        .place_web_order(&body, None)
        .await
        .expect_status(201, "a web order");
    let pending = owner.order_by_number(number_of(&pending)).await;
    owner
        .change_status(
            id_of(&pending),
            &json!({"status": "cancelled", "reason": "klant belde af"}),
        )
        .await
        .ok("cancel a pending web order");

    // A counter order with a line voided before it is sent: no slip, and not on the ticket.
    let body = OrderBuilder::pickup()
        .line(pizza, pizza.middle_size())
        .line(beer, beer.first_size())
        .channel("counter")
        .json();
    let counter = cashier
        .place_counter_order(&body)
        .await
        .expect_status(201, "a counter order");
    cashier
        .void_line(
            id_of(&counter),
            &json!({"line": 1, "reason": "bier was op"}),
        )
        .await
        .expect_status(201, "a void before sending needs no manager");
    tokio::time::sleep(Duration::from_millis(800)).await;
    assert!(
        printer.bytes().is_empty(),
        "nothing was sent, nothing to take back: {:#?}",
        printer.printouts()
    );
    cashier.set_status(id_of(&counter), "accepted").await;
    let printouts = printer.wait_for(1, WAIT).await;
    let ticket = printouts[0].text();
    assert!(ticket.contains(&pizza.name), "{ticket}");
    assert!(
        !ticket.contains(&beer.name),
        "the voided line is not on the ticket:\n{ticket}"
    );
    assert!(!ticket.contains("VERVALLEN"), "{ticket}");

    // Accepted, then cancelled: GEANNULEERD with every line and the reason.
    let body = OrderBuilder::pickup()
        .line(pizza, pizza.middle_size())
        .line(beer, beer.first_size())
        .json();
    let web = app
        .place_web_order(&body, None)
        .await
        .expect_status(201, "a web order");
    let web = owner.order_by_number(number_of(&web)).await;
    let id = id_of(&web);
    owner.set_status(id, "accepted").await;
    printer.wait_for(2, WAIT).await;
    owner
        .change_status(
            id,
            &json!({"status": "cancelled", "reason": "bezorger kan niet komen"}),
        )
        .await
        .ok("cancel the accepted web order");
    let printouts = printer.wait_for(3, WAIT).await;
    let slip = &printouts[2];
    assert_clean(slip, "the cancel slip on 58 mm");
    let text = slip.text();
    assert!(slip.line_with("GEANNULEERD").is_some(), "{text}");
    assert!(slip.line_with(number_of(&web)).is_some(), "{text}");
    assert!(
        text.contains(&pizza.name) && text.contains(&beer.name),
        "all its lines:\n{text}"
    );
    assert!(text.contains("bezorger kan niet komen"), "{text}");
    for line in &slip.lines {
        assert!(line.chars().count() <= 32, "58 mm: {line:?}");
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(printer.printouts().len(), 3, "one slip, nothing else");
    let slips: Vec<Value> = print_jobs(&owner, "limit=500")
        .await
        .into_iter()
        .filter(|j| j["layout"] != "kitchen")
        .collect();
    assert_eq!(slips.len(), 1, "{slips:#?}");
    assert_eq!(slips[0]["layout"], "kitchen_cancel");
    assert_eq!(slips[0]["order_id"], id);
}

/// The printer is off when the line is voided: the slip waits on the outbox like any ticket and
/// prints, once, when the printer is back.
#[tokio::test]
async fn a_slip_for_a_printer_that_is_off_prints_when_it_is_back() {
    let (_app, mut printer, owner, body, beer) = shop_with_one_kitchen_printer().await;
    let order = send_counter_order(&owner, &body).await;
    let id = id_of(&order);
    printer.wait_for(1, WAIT).await;
    printed_jobs(&owner, id, "kitchen", 1).await;

    printer.off();
    owner
        .void_line(id, &json!({"line": 1, "reason": "fust is leeg"}))
        .await
        .expect_status(201, "void the beer");
    let slip = print_jobs(&owner, &format!("order_id={id}"))
        .await
        .into_iter()
        .find(|j| j["layout"] == "kitchen_void")
        .expect("a slip job with the void");
    job_until(&owner, id_of(&slip), "waiting with an error", |j| {
        j["state"] == "queued" && !j["error"].is_null()
    })
    .await;
    assert_eq!(printer.printouts().len(), 1, "nothing while it is off");

    printer.on().await;
    let printouts = printer.wait_for(2, Duration::from_secs(40)).await;
    let text = printouts[1].text();
    assert!(printouts[1].line_with("VERVALLEN").is_some(), "{text}");
    assert!(text.contains(&beer.name), "{text}");
    assert!(text.contains("Reden: fust is leeg"), "{text}");
    job_until(&owner, id_of(&slip), "printed", |j| j["state"] == "printed").await;
    tokio::time::sleep(Duration::from_secs(1)).await;
    assert_eq!(printer.printouts().len(), 2, "printed once");
}

/// The printer is off when the order is sent, so its ticket is still waiting: a void needs no
/// slip (the ticket prints without the line when it prints), and a cancellation calls the
/// waiting ticket off, so nothing about the order ever reaches the kitchen's paper.
#[tokio::test]
async fn a_ticket_still_waiting_gets_no_slip_and_a_cancel_calls_it_off() {
    let (_app, mut printer, owner, body, _beer) = shop_with_one_kitchen_printer().await;
    printer.off();
    let order = send_counter_order(&owner, &body).await;
    let id = id_of(&order);
    let ticket = print_jobs(&owner, &format!("order_id={id}"))
        .await
        .into_iter()
        .find(|j| j["layout"] == "kitchen")
        .expect("the kitchen ticket waits");
    job_until(&owner, id_of(&ticket), "waiting with an error", |j| {
        j["state"] == "queued" && !j["error"].is_null()
    })
    .await;

    owner
        .void_line(id, &json!({"line": 1, "reason": "fust is leeg"}))
        .await
        .expect_status(201, "void the beer");
    owner
        .change_status(id, &json!({"status": "cancelled", "reason": "klant weg"}))
        .await
        .ok("cancel the order");
    let jobs = print_jobs(&owner, &format!("order_id={id}")).await;
    assert_eq!(
        jobs.len(),
        1,
        "no slips for a ticket not on paper: {jobs:#?}"
    );
    assert_eq!(jobs[0]["state"], "cancelled", "{:#?}", jobs[0]);

    printer.on().await;
    tokio::time::sleep(Duration::from_secs(3)).await;
    assert_eq!(
        printer.printouts().len(),
        0,
        "a cancelled order's ticket never prints"
    );
}
