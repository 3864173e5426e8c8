//! What the customers' ordering page asks of the server (issue 15): cart lines priced alone,
//! postcodes checked against the zones as they are typed, a checkout quote before the customer
//! says who they are, `X-Forwarded-For` believed only from loopback, and `public_url` for the
//! links that leave the shop.

use crate::common::*;
use serde_json::{Value, json};

async fn quote_lines(app: &TestApp, lines: Value) -> ApiResponse {
    send(
        app.http
            .post(app.url("/quote/lines"))
            .json(&json!({ "lines": lines })),
    )
    .await
}

async fn check_postcode(app: &TestApp, postcode: &str, lang: &str) -> ApiResponse {
    send(
        client_reading(false, Some(lang))
            .get(app.url("/delivery-zones/check"))
            .query(&[("postcode", postcode)]),
    )
    .await
}

#[tokio::test]
async fn cart_lines_are_priced_as_an_order_prices_them_and_a_sold_out_line_is_named() {
    let app = spawn_app().await;
    let menu = app.menu().await;
    let pizza = menu.pizza().clone();
    let other = menu.dearer_pizza(&pizza, pizza.middle_size()).clone();
    let extra = pizza.extras[0].id;
    let order = OrderBuilder::pickup()
        .with(
            LineBuilder::new(&pizza, pizza.middle_size())
                .extra(extra)
                .quantity(2),
        )
        .with(LineBuilder::new(&pizza, pizza.first_size()).second_half(&other, &[]))
        .with(LineBuilder::new(menu.beer(), menu.beer().first_size()));
    let body = order.json();
    let quote = app.quote(&body).await.ok("POST /quote");
    let lines = quote_lines(&app, body["lines"].clone())
        .await
        .ok("POST /quote/lines");
    assert_eq!(
        lines["lines"], quote["lines"],
        "the same lines, the same prices"
    );
    assert_eq!(lines["subtotal_cents"], quote["subtotal_cents"]);
    assert_eq!(
        lines["vat"], quote["vat"],
        "pickup: no fee, so the same VAT"
    );
    assert!(lines.get("delivery_fee_cents").is_none());

    let cashier = app.login("cashier").await;
    cashier
        .set_sold_out(other.id, true)
        .await
        .ok("mark the other pizza sold out");
    let mut sold_out = body["lines"].clone();
    sold_out[1] = json!({ "item_id": other.id, "size": other.middle_size(), "quantity": 1 });
    let problem = quote_lines(&app, sold_out)
        .await
        .problem(422, "a sold-out line");
    assert_eq!(problem.field.as_deref(), Some("lines[1].item_id"));
    assert!(reads_like_a_sentence(&problem.detail), "{}", problem.detail);

    let empty = quote_lines(&app, json!([])).await.problem(422, "no lines");
    assert_eq!(empty.field.as_deref(), Some("lines"));
}

#[tokio::test]
async fn a_postcode_is_checked_against_the_zones_in_the_customers_language() {
    let app = spawn_app().await;
    let shop = app.shop_profile().await;
    let zone = shop.zone().clone();

    let inside = check_postcode(&app, &zone.postcode().to_lowercase().replace(' ', ""), "nl")
        .await
        .ok("a postcode in a zone");
    assert_eq!(inside["delivers"], true);
    assert_eq!(inside["postcode"], zone.postcode());
    assert_eq!(inside["zone"]["id"], zone.id);
    assert_eq!(inside["zone"]["fee_cents"], zone.fee_cents);
    assert_eq!(
        inside["zone"]["minimum_order_cents"],
        zone.minimum_order_cents
    );
    assert_eq!(inside["zone"]["extra_minutes"], zone.extra_minutes);

    let outside_code = shop.postcode_outside_every_zone();
    let outside = check_postcode(&app, &outside_code, "en")
        .await
        .ok("a postcode outside every zone");
    assert_eq!(outside["delivers"], false);
    assert_eq!(outside["zone"], Value::Null);

    for (lang, words) in [
        ("nl", "geen Nederlandse postcode"),
        ("en", "not a Dutch postcode"),
    ] {
        let problem = check_postcode(&app, "12AB", lang)
            .await
            .problem(422, "not a postcode");
        assert_eq!(problem.field.as_deref(), Some("postcode"));
        assert!(problem.detail.contains(words), "{lang}: {}", problem.detail);
    }
}

#[tokio::test]
async fn the_checkout_quote_needs_no_contact_yet_but_the_order_does() {
    let app = spawn_app().await;
    let menu = app.menu().await;
    let pizza = menu.pizza().clone();
    let shop = app.shop_profile().await;
    let zone = shop.zone().clone();
    let big = LineBuilder::new(&pizza, pizza.middle_size()).quantity(5);
    let without_contact = OrderBuilder::delivery(&zone.postcode())
        .with(big.clone())
        .no_contact()
        .json();
    let quote = app
        .quote(&without_contact)
        .await
        .ok("a quote before the contact");
    assert_eq!(quote["delivery_fee_cents"], zone.fee_cents);
    assert_eq!(quote["zone"]["id"], zone.id);

    let refused = app
        .place_web_order(&without_contact, None)
        .await
        .problem(422, "an order without contact");
    assert_eq!(refused.field.as_deref(), Some("contact"));

    // A contact that is sent is checked, in a quote as in an order.
    let bad_phone = OrderBuilder::delivery(&zone.postcode())
        .with(big)
        .contact("Jan", "12")
        .json();
    let problem = app
        .quote(&bad_phone)
        .await
        .problem(422, "a wrong phone number");
    assert_eq!(problem.field.as_deref(), Some("contact.phone"));
}

#[tokio::test]
async fn forwarded_addresses_count_only_from_loopback() {
    // One quote a minute per address: a proxy on this computer names each customer, so two
    // customers behind it get one quote each; the same customer twice does not.
    let app = TestApp::spawn_with(&[
        ("FORNO_DEMO_ALWAYS_OPEN", "1"),
        ("FORNO_QUOTES_PER_MINUTE", "1"),
    ])
    .await;
    let menu = app.menu().await;
    let pizza = menu.pizza().clone();
    let lines = json!([{ "item_id": pizza.id, "size": pizza.middle_size(), "quantity": 1 }]);
    let as_customer = |ip: &'static str| {
        let http = app.http.clone();
        let url = app.url("/quote/lines");
        let body = json!({ "lines": lines.clone() });
        async move { send(http.post(url).header("X-Forwarded-For", ip).json(&body)).await }
    };
    as_customer("203.0.113.5")
        .await
        .ok("the first customer's quote");
    as_customer("198.51.100.7")
        .await
        .ok("the second customer's quote");
    as_customer("203.0.113.5")
        .await
        .expect_status(429, "the first customer again within the minute");
}

#[tokio::test]
async fn setup_through_a_proxy_is_refused_and_links_use_the_public_url() {
    let app = TestApp::spawn_with(&[
        ("FORNO_FIRST_RUN", "setup"),
        ("FORNO_PUBLIC_URL", "https://bestel.example.nl/"),
    ])
    .await;
    let status = send(app.http.get(app.url("/setup"))).await.ok("GET /setup");
    assert_eq!(status["ordering_url"], "https://bestel.example.nl/");

    // The wizard may only be finished on this computer: not through a tunnel that connects
    // from loopback, whatever the request says.
    let shop = status["shop"].clone();
    let body = json!({ "shop": shop, "owner": { "name": "Gina", "pin": "5820" } });
    let through_tunnel = send(
        app.http
            .post(app.url("/setup"))
            .header("X-Forwarded-For", "203.0.113.5")
            .json(&body),
    )
    .await;
    through_tunnel.problem(403, "finishing the setup through a proxy");
}

#[tokio::test]
async fn json_answers_are_gzipped_for_a_browser_that_accepts_it() {
    let app = spawn_app().await;
    let plain = app.menu_raw().await.ok("GET /menu");
    let packed = app
        .http
        .get(app.url("/menu"))
        .header("Accept-Encoding", "gzip, deflate, br")
        .send()
        .await
        .expect("GET /menu with gzip");
    assert_eq!(
        packed
            .headers()
            .get("content-encoding")
            .map(|v| v.to_str().unwrap()),
        Some("gzip")
    );
    let bytes = packed.bytes().await.expect("the gzipped menu");
    let mut json = String::new();
    std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(&bytes[..]), &mut json)
        .expect("a gzip stream");
    assert_eq!(serde_json::from_str::<Value>(&json).unwrap(), plain);

    // A problem stays readable: small answers are sent as they are.
    let problem = app
        .http
        .get(app.url("/delivery-zones/check?postcode=xx"))
        .header("Accept-Encoding", "gzip")
        .send()
        .await
        .expect("a refused postcode");
    assert!(problem.headers().get("content-encoding").is_none());
}
