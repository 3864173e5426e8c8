//! Notifications through the running server: the confirmation reaches a real SMTP server
//! (`common::smtp`, a sink on a loopback port) with its content and the receipt PDF; status
//! mails as the owner switches them on; a mail server that is down, a kill -9 while a mail is
//! being sent, an address the server refuses; SMS to a fake CM.com that speaks its JSON API; the
//! owner's alert about waiting web orders; the settings and the test mail over the API.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::common::smtp::{Mail, Mode, SmtpSink};
use crate::common::*;
use serde_json::{Value, json};

const WAIT: Duration = Duration::from_secs(30);
const PUBLIC_URL: &str = "https://bestel.bella.test";
const PASSWORD: &str = "pw-Zeer-Geheim-42";

/// A shop whose messages are retried after a second and whose links use a public address.
async fn shop_with(extra: &[(&str, &str)]) -> TestApp {
    let mut env = vec![
        ("FORNO_DEMO_ALWAYS_OPEN", "1"),
        ("FORNO_PUBLIC_URL", PUBLIC_URL),
        ("FORNO_MESSAGE_RETRY_SECONDS", "1"),
        ("FORNO_MESSAGE_TIMEOUT_SECONDS", "2"),
    ];
    env.extend_from_slice(extra);
    TestApp::spawn_with(&env).await
}

/// A shop (as `shop_with`) that sends its mail to a fresh SMTP sink, and its owner, logged in.
async fn shop_mailing_to_a_sink(extra: &[(&str, &str)]) -> (SmtpSink, TestApp, StaffClient) {
    let sink = SmtpSink::start().await;
    let app = shop_with(extra).await;
    let owner = app.login("owner").await;
    put_notify(&owner, &mail_settings(sink.port))
        .await
        .ok("PUT /settings/notifications");
    (sink, app, owner)
}

fn mail_settings(port: u16) -> Value {
    json!({
        "mail": {
            "host": "127.0.0.1", "port": port, "security": "none",
            "user": "", "from": "Pizzeria Bella <bestel@bella.test>",
        },
        "status_mails": { "accepted": true, "ready": false, "out_for_delivery": false, "rejected": true },
        "owner_alert_minutes": 5,
    })
}

async fn put_notify(owner: &StaffClient, body: &Value) -> ApiResponse {
    send(
        owner
            .http
            .put(owner.url("/settings/notifications"))
            .json(body),
    )
    .await
}

async fn messages(staff: &StaffClient, order_id: i64) -> Vec<Value> {
    send(
        staff
            .http
            .get(staff.url(&format!("/orders/{order_id}/messages"))),
    )
    .await
    .ok("GET /orders/{id}/messages")
    .as_array()
    .cloned()
    .unwrap_or_default()
}

/// Waits until the order's messages satisfy `check`.
async fn messages_until(
    staff: &StaffClient,
    order_id: i64,
    what: &str,
    check: impl Fn(&[Value]) -> bool,
) -> Vec<Value> {
    let started = Instant::now();
    loop {
        let list = messages(staff, order_id).await;
        if check(&list) {
            return list;
        }
        assert!(started.elapsed() < WAIT, "messages never {what}: {list:#?}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn place(app: &TestApp, http: &reqwest::Client, body: &Value) -> Value {
    send(http.post(app.url("/orders")).json(body))
        .await
        .expect_status(201, "POST /orders")
}

/// The staff id of a placed web order (the customer's answer has only its number).
async fn order_id(staff: &StaffClient, placed: &Value) -> i64 {
    id_of(
        &staff
            .order_by_number(placed["number"].as_str().expect("a number"))
            .await,
    )
}

fn message_id(mail: &Mail) -> String {
    mail.header("Message-ID").expect("a Message-ID")
}

#[tokio::test]
async fn the_confirmation_reaches_the_mail_server_with_number_lines_total_link_and_receipt() {
    let (sink, app, owner) = shop_mailing_to_a_sink(&[]).await;
    let menu = app.menu().await;
    let pizza = menu.pizza();
    let line = LineBuilder::new(pizza, pizza.middle_size()).quantity(2);
    let english = client_reading(false, Some("en"));
    let placed = place(
        &app,
        &english,
        &OrderBuilder::pickup().with(line.clone()).json(),
    )
    .await;
    let number = placed["number"].as_str().unwrap().to_owned();
    let token = placed["tracking_token"].as_str().unwrap().to_owned();

    let mails = sink.wait_for(1, WAIT).await;
    let mail = &mails[0];
    assert_eq!(mail.to, ["jan@example.nl"]);
    assert_eq!(mail.from, "bestel@bella.test");
    assert!(mail.subject().contains(&number), "{}", mail.subject());
    assert!(
        mail.subject().starts_with("Your order"),
        "English: {}",
        mail.subject()
    );
    let text = mail.text();
    let total = placed["total_cents"].as_i64().expect("a total");
    for needle in [
        format!("2× {}", pizza.name),
        format!("€{}.{:02}", total / 100, total % 100),
        format!("VAT {}%", pizza.vat_rate_percent),
        format!("{PUBLIC_URL}/track/{token}"),
        "Pickup at".to_owned(),
    ] {
        assert!(text.contains(&needle), "the text lacks {needle:?}:\n{text}");
    }
    assert!(
        mail.html()
            .contains(&format!("href=\"{PUBLIC_URL}/track/{token}\""))
    );
    let pdf = mail.attachment().expect("the receipt is attached");
    assert_eq!(pdf.content_type, "application/pdf");
    assert!(pdf.body.starts_with(b"%PDF"), "a PDF");
    assert!(
        message_id(mail).ends_with("@bella.test>"),
        "{}",
        message_id(mail)
    );

    let order_id = order_id(&owner, &placed).await;
    let list = messages_until(&owner, order_id, "sent", |l| {
        l.len() == 1 && l[0]["state"] == "sent"
    })
    .await;
    assert_eq!(list[0]["channel"], "email");
    assert_eq!(list[0]["message"], "confirmation");
    assert_eq!(list[0]["to"], "jan@example.nl");

    // Accepted is switched on: a second mail, with the expected time; nothing for ready.
    owner.set_status(order_id, "accepted").await;
    let mails = sink.wait_for(2, WAIT).await;
    assert!(
        mails[1].subject().contains("accepted"),
        "{}",
        mails[1].subject()
    );
    assert_ne!(message_id(&mails[0]), message_id(&mails[1]));
}

#[tokio::test]
async fn a_dutch_customer_gets_a_dutch_confirmation() {
    let (sink, app, _owner) = shop_mailing_to_a_sink(&[]).await;
    let menu = app.menu().await;
    let dutch = client_reading(false, Some("nl"));
    let placed = place(
        &app,
        &dutch,
        &OrderBuilder::pickup()
            .line(menu.pizza(), menu.pizza().middle_size())
            .json(),
    )
    .await;
    let mail = &sink.wait_for(1, WAIT).await[0];
    assert!(
        mail.subject().starts_with("Je bestelling"),
        "{}",
        mail.subject()
    );
    assert!(mail.text().contains("Afhalen bij"), "{}", mail.text());
    assert!(mail.text().contains(placed["number"].as_str().unwrap()));
}

#[tokio::test]
async fn ten_orders_while_the_mail_server_is_down_get_ten_confirmations_once_it_is_back() {
    let (mut sink, app, owner) = shop_mailing_to_a_sink(&[]).await;
    sink.switch_off();
    let menu = app.menu().await;
    let mut ids = Vec::new();
    for _ in 0..10 {
        let placed = app
            .place_pizza_order(menu.pizza(), "an order while mail is down")
            .await;
        ids.push(order_id(&owner, &placed).await);
    }
    // The staff pages can tell: the mail server fails, with the reason.
    let started = Instant::now();
    loop {
        let status = send(owner.http.get(owner.url("/mail/status")))
            .await
            .ok("GET /mail/status");
        if status["failing"] == true {
            assert!(
                status["reason"].as_str().unwrap().contains("127.0.0.1"),
                "{status}"
            );
            assert!(status["waiting"].as_i64().unwrap() >= 1, "{status}");
            break;
        }
        assert!(
            started.elapsed() < WAIT,
            "mail never reported failing: {status}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let first = messages(&owner, ids[0]).await;
    assert_eq!(
        first[0]["state"], "queued",
        "waits for the next attempt: {first:#?}"
    );
    assert!(first[0]["error"].as_str().is_some());

    sink.switch_on().await;
    let mails = sink.wait_for(10, Duration::from_secs(60)).await;
    // Give any duplicate time to show up.
    tokio::time::sleep(Duration::from_secs(3)).await;
    let mails_after = sink.mails();
    assert_eq!(
        mails_after.len(),
        10,
        "each confirmation once: {:#?}",
        mails.iter().map(Mail::subject).collect::<Vec<_>>()
    );
    let mut ids_seen: Vec<String> = mails_after.iter().map(message_id).collect();
    ids_seen.sort();
    ids_seen.dedup();
    assert_eq!(ids_seen.len(), 10);
    for id in &ids {
        messages_until(&owner, *id, "sent", |l| {
            l.len() == 1 && l[0]["state"] == "sent"
        })
        .await;
    }
    let status = send(owner.http.get(owner.url("/mail/status")))
        .await
        .ok("GET /mail/status");
    assert_eq!(status["failing"], false, "{status}");
}

#[tokio::test]
async fn kill_9_while_a_mail_is_sent_loses_nothing_and_a_repeat_has_the_same_message_id() {
    let (sink, mut app, _owner) =
        shop_mailing_to_a_sink(&[("FORNO_MESSAGE_TIMEOUT_SECONDS", "30")]).await;
    // The server takes the mail and never answers: Forno cannot know whether it went out.
    sink.set_mode(Mode::HangAfterData);
    let menu = app.menu().await;
    let placed = app.place_pizza_order(menu.pizza(), "an order").await;
    sink.wait_for(1, WAIT).await;
    app.kill9();
    sink.set_mode(Mode::Online);
    app.restart().await;
    let mails = sink.wait_for(2, WAIT).await;
    assert_eq!(
        message_id(&mails[0]),
        message_id(&mails[1]),
        "the same mail again"
    );
    let owner = app.login("owner").await;
    let list = messages_until(&owner, order_id(&owner, &placed).await, "sent", |l| {
        l.len() == 1 && l[0]["state"] == "sent"
    })
    .await;
    assert_eq!(list[0]["attempts"], 2, "{list:#?}");
    tokio::time::sleep(Duration::from_secs(2)).await;
    assert_eq!(sink.mails().len(), 2, "no third mail");
}

#[tokio::test]
async fn an_address_the_server_refuses_fails_with_the_reason_and_the_order_goes_on() {
    let (sink, app, owner) = shop_mailing_to_a_sink(&[]).await;
    sink.refuse("nobody@example.nl");
    let menu = app.menu().await;
    let mut body = OrderBuilder::pickup()
        .line(menu.pizza(), menu.pizza().middle_size())
        .json();
    body["contact"]["email"] = json!("nobody@example.nl");
    let placed = place(&app, &app.http, &body).await;
    let order_id = order_id(&owner, &placed).await;
    let list = messages_until(&owner, order_id, "failed", |l| {
        l.len() == 1 && l[0]["state"] == "failed"
    })
    .await;
    let error = list[0]["error"].as_str().unwrap();
    assert!(
        error.contains("550") && error.contains("nobody@example.nl"),
        "{error}"
    );
    assert_eq!(list[0]["attempts"], 1, "a refusal is not retried");
    // The order is not affected.
    let accepted = owner.set_status(order_id, "accepted").await;
    assert_eq!(accepted["status"], "accepted");

    // Send again: the same message, queued again; refused again, it fails again.
    let again = send(
        owner
            .http
            .post(owner.url(&format!("/messages/{}/resend", id_of(&list[0])))),
    )
    .await;
    let again = again.expect_status(202, "POST /messages/{id}/resend");
    assert_eq!(again["id"], list[0]["id"]);
    messages_until(&owner, order_id, "failed again", |l| {
        l.iter()
            .any(|m| m["message"] == "confirmation" && m["state"] == "failed" && m["attempts"] == 2)
    })
    .await;
    // A kitchen login may see the messages but not send them again.
    let kitchen = app.login("kitchen").await;
    // The confirmation (sent again as the same message) and the "accepted" mail.
    let seen = messages(&kitchen, order_id).await;
    assert_eq!(seen.len(), 2, "{seen:#?}");
    let confirmations = seen.iter().filter(|m| m["message"] == "confirmation");
    assert_eq!(confirmations.count(), 1);
    send(
        kitchen
            .http
            .post(kitchen.url(&format!("/messages/{}/resend", id_of(&list[0])))),
    )
    .await
    .problem(403, "the kitchen resends");
}

#[tokio::test]
async fn a_sent_message_sent_again_goes_out_once_more() {
    let (sink, app, owner) = shop_mailing_to_a_sink(&[]).await;
    let menu = app.menu().await;
    let placed = app.place_pizza_order(menu.pizza(), "an order").await;
    let order_id = order_id(&owner, &placed).await;
    let list = messages_until(&owner, order_id, "sent", |l| {
        l.len() == 1 && l[0]["state"] == "sent"
    })
    .await;
    let cashier = app.login("cashier").await;
    send(
        cashier
            .http
            .post(cashier.url(&format!("/messages/{}/resend", id_of(&list[0])))),
    )
    .await
    .expect_status(202, "resend");
    let mails = sink.wait_for(2, WAIT).await;
    assert_eq!(mails[0].subject(), mails[1].subject());
    messages_until(&owner, order_id, "both sent", |l| {
        l.len() == 2 && l.iter().all(|m| m["state"] == "sent")
    })
    .await;
}

#[tokio::test]
async fn settings_name_the_bad_field_write_nothing_and_never_return_the_password() {
    let app = shop_with(&[]).await;
    let owner = app.login("owner").await;
    let mut good = mail_settings(2525);
    good["mail"]["user"] = json!("bella");
    good["mail"]["password"] = json!(PASSWORD);
    let saved = put_notify(&owner, &good).await;
    let saved_body = saved.ok("PUT good settings");
    assert!(
        !saved.text.contains(PASSWORD),
        "the password came back: {}",
        saved.text
    );
    assert_eq!(saved_body["mail"]["password_set"], true);

    for (change, field) in [
        (json!({"host": "smtp bella"}), "mail.host"),
        (json!({"host": ""}), "mail.host"),
        (json!({"port": 0}), "mail.port"),
        (json!({"port": 70000}), "mail.port"),
        (json!({"from": "Bella"}), "mail.from"),
    ] {
        let mut body = good.clone();
        for (k, v) in change.as_object().unwrap() {
            body["mail"][k] = v.clone();
        }
        let problem = put_notify(&owner, &body).await.problem(422, field);
        assert_eq!(problem.field.as_deref(), Some(field), "{change}");
    }
    let mut body = good.clone();
    body["mail"]["port"] = json!(0);
    let problem = send(
        owner
            .http
            .put(owner.url("/settings/notifications"))
            .header("Accept-Language", "nl")
            .json(&body),
    )
    .await
    .problem(422, "Dutch");
    assert!(problem.detail.contains("Poort 0"), "{}", problem.detail);

    // Left out, the password stays; nothing of the bad attempts was written.
    let mut without = good.clone();
    without["mail"].as_object_mut().unwrap().remove("password");
    without["mail"]["port"] = json!(587);
    put_notify(&owner, &without)
        .await
        .ok("PUT without password");
    let got = send(owner.http.get(owner.url("/settings/notifications"))).await;
    let body = got.ok("GET");
    assert_eq!(body["mail"]["port"], 587);
    assert_eq!(body["mail"]["password_set"], true);
    assert!(!got.text.contains(PASSWORD));
    let outbox = owner.outbox("limit=500").await;
    assert!(!outbox.text.contains(PASSWORD));
    let audit = owner.audit().await;
    assert!(!format!("{audit:?}").contains(PASSWORD));
    assert!(
        !app.log_text().contains(PASSWORD),
        "the log shows the password"
    );

    // Only the owner and manager see or change them.
    let cashier = app.login("cashier").await;
    send(cashier.http.get(cashier.url("/settings/notifications")))
        .await
        .problem(403, "a cashier reads the mail settings");
}

#[tokio::test]
async fn the_test_mail_reaches_the_mail_server_in_the_readers_language() {
    let sink = SmtpSink::start().await;
    let app = shop_with(&[]).await;
    let owner = app.login("owner").await;
    let none = send(
        owner
            .http
            .post(owner.url("/settings/notifications/test-mail"))
            .json(&json!({"to": "eigenaar@bella.test"})),
    )
    .await;
    none.problem(409, "a test mail before any server is saved");
    put_notify(&owner, &mail_settings(sink.port))
        .await
        .ok("PUT");
    let sent = send(
        owner
            .http
            .post(owner.url("/settings/notifications/test-mail"))
            .json(&json!({"to": "eigenaar@bella.test"})),
    )
    .await
    .ok("POST test-mail");
    assert_eq!(sent["sent"], true, "{sent}");
    let mail = &sink.wait_for(1, WAIT).await[0];
    assert_eq!(mail.to, ["eigenaar@bella.test"]);
    assert!(
        mail.subject().starts_with("Test mail"),
        "{}",
        mail.subject()
    );
    send(
        owner
            .http
            .post(owner.url("/settings/notifications/test-mail"))
            .json(&json!({"to": "geen adres"})),
    )
    .await
    .problem(422, "a test mail to no address");
    // A server that does not answer: said in words, not an error page.
    sink.set_mode(Mode::Hang);
    let hung = send(
        owner
            .http
            .post(owner.url("/settings/notifications/test-mail"))
            .json(&json!({"to": "eigenaar@bella.test"})),
    )
    .await
    .ok("POST test-mail to a hanging server");
    assert_eq!(hung["sent"], false);
    assert!(
        hung["detail"].as_str().unwrap().contains("127.0.0.1"),
        "{hung}"
    );
}

#[tokio::test]
async fn a_bad_email_address_at_checkout_is_a_field_error_and_writes_nothing() {
    let app = shop_with(&[]).await;
    let owner = app.login("owner").await;
    let menu = app.menu().await;
    let before = marks(&owner).await;
    for bad in [
        "jan@",
        "jan example.nl",
        "jan@example",
        "@example.nl",
        "jan@@example.nl",
    ] {
        let mut body = OrderBuilder::pickup()
            .line(menu.pizza(), menu.pizza().middle_size())
            .json();
        body["contact"]["email"] = json!(bad);
        let problem = app.place_web_order(&body, None).await.problem(422, bad);
        assert_eq!(problem.field.as_deref(), Some("contact.email"), "{bad}");
        assert!(problem.detail.contains(bad), "{}", problem.detail);
    }
    nothing_written(&owner, before).await.unwrap();
}

/// A fake CM.com: `POST /v1.0/message` with its JSON body, answered as CM.com does.
async fn fake_cm() -> (String, Arc<Mutex<Vec<Value>>>) {
    use axum::{Json, Router, routing::post};
    let received: Arc<Mutex<Vec<Value>>> = Arc::default();
    let store = received.clone();
    let app = Router::new().route(
        "/v1.0/message",
        post(move |Json(body): Json<Value>| {
            let store = store.clone();
            async move {
                let reference = body["messages"]["msg"][0]["reference"].clone();
                let to = body["messages"]["msg"][0]["to"][0]["number"].clone();
                store.lock().unwrap().push(body);
                Json(json!({
                    "details": "Created 1 message(s)", "errorCode": 0,
                    "messages": [{ "to": to, "status": "Accepted", "reference": reference,
                                   "parts": 1, "messageDetails": null, "messageErrorCode": 0 }]
                }))
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await });
    (url, received)
}

#[tokio::test]
async fn an_sms_goes_to_the_provider_with_the_tracking_link() {
    let (cm, received) = fake_cm().await;
    let app = shop_with(&[("FORNO_SMS_BASE_URL", &cm)]).await;
    let owner = app.login("owner").await;
    let body = json!({
        "mail": null, "sms_enabled": true, "sms_product_token": "00000000-cm-token",
        "sms_sender": "Bella", "owner_alert_minutes": 5,
    });
    let saved = put_notify(&owner, &body).await;
    assert_eq!(saved.ok("PUT sms settings")["sms_product_token_set"], true);
    assert!(!saved.text.contains("00000000-cm-token"));
    let menu = app.menu().await;
    let placed = app.place_pizza_order(menu.pizza(), "an order").await;
    let started = Instant::now();
    while received.lock().unwrap().is_empty() {
        assert!(started.elapsed() < WAIT, "no SMS arrived");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let sms = received.lock().unwrap()[0].clone();
    let msg = &sms["messages"]["msg"][0];
    assert_eq!(
        sms["messages"]["authentication"]["producttoken"],
        "00000000-cm-token"
    );
    assert_eq!(msg["to"][0]["number"], "0031612345678");
    assert_eq!(msg["from"], "Bella");
    let content = msg["body"]["content"].as_str().unwrap();
    assert!(
        content.contains(placed["number"].as_str().unwrap()),
        "{content}"
    );
    assert!(
        content.contains(&format!(
            "{PUBLIC_URL}/track/{}",
            placed["tracking_token"].as_str().unwrap()
        )),
        "{content}"
    );
    let list = messages_until(&owner, order_id(&owner, &placed).await, "sent", |l| {
        l.len() == 1 && l[0]["state"] == "sent"
    })
    .await;
    assert_eq!(list[0]["channel"], "sms");
    assert!(msg["reference"].as_str().unwrap().starts_with("forno-sms-"));
}

#[tokio::test]
async fn the_owner_is_mailed_once_about_web_orders_nobody_accepted() {
    let sink = SmtpSink::start().await;
    let app = shop_with(&[("FORNO_WAITING_CHECK_SECONDS", "1")]).await;
    let owner = app.login("owner").await;
    let mut settings = mail_settings(sink.port);
    settings["owner_alert_email"] = json!("eigenaar@bella.test");
    settings["owner_alert_minutes"] = json!(1);
    put_notify(&owner, &settings).await.ok("PUT");
    let menu = app.menu().await;
    let mut body = OrderBuilder::pickup()
        .line(menu.pizza(), menu.pizza().middle_size())
        .json();
    body["contact"].as_object_mut().unwrap().remove("email");
    let placed = place(&app, &app.http, &body).await;
    let mails = sink.wait_for(1, Duration::from_secs(90)).await;
    let alert = &mails[0];
    assert_eq!(alert.to, ["eigenaar@bella.test"]);
    assert!(
        alert.text().contains(placed["number"].as_str().unwrap()),
        "{}",
        alert.text()
    );
    assert!(alert.text().contains(&format!("{PUBLIC_URL}/counter")));
    tokio::time::sleep(Duration::from_secs(3)).await;
    assert_eq!(sink.mails().len(), 1, "once per order");
}
