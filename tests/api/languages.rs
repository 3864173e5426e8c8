//! The server speaks Dutch and English (issue 15, "Languages"): every problem's `title` and
//! `detail` follow the request's `Accept-Language`, Dutch when it asks for neither (the shop is
//! Dutch), for every kind of error the API returns (docs/api.md "Errors").

use crate::common::*;
use serde_json::{Value, json};

/// A request, built again for each language a case is sent in.
type Build<'a> = Box<dyn Fn(&reqwest::Client) -> reqwest::RequestBuilder + 'a>;

struct Case<'a> {
    what: &'static str,
    status: u16,
    build: Build<'a>,
    /// The client that sends it: with the language as its default header, and (for staff
    /// routes) a session cookie of a role that may or may not do it.
    who: Who,
}

#[derive(Clone, Copy)]
enum Who {
    Customer,
    Cashier,
    Kitchen,
}

/// The two answers of one case, Dutch and English, checked and compared.
fn compare(case: &Case<'_>, nl: &ApiResponse, en: &ApiResponse) -> Result<(), String> {
    let dutch = nl
        .check_problem(case.status)
        .map_err(|e| format!("in Dutch: {e}"))?;
    let english = en
        .check_problem(case.status)
        .map_err(|e| format!("in English: {e}"))?;
    for (lang, answer) in [("nl", nl), ("en", en)] {
        let said = answer
            .headers
            .get("content-language")
            .and_then(|v| v.to_str().ok());
        if said != Some(lang) {
            return Err(format!("Content-Language is {said:?}, not {lang}"));
        }
    }
    if dutch.detail.trim().is_empty() || english.detail.trim().is_empty() {
        return Err("an empty detail".into());
    }
    if dutch.detail == english.detail {
        return Err(format!(
            "the Dutch and English details are the same, so one is untranslated: {:?}",
            dutch.detail
        ));
    }
    if dutch.field != english.field {
        return Err(format!(
            "the field differs by language: {:?} vs {:?}",
            dutch.field, english.field
        ));
    }
    Ok(())
}

fn post_json<'a>(app: &'a TestApp, path: &str, body: Value) -> Build<'a> {
    let url = app.url(path);
    Box::new(move |http: &reqwest::Client| http.post(&url).json(&body))
}

fn get<'a>(app: &'a TestApp, path: &str) -> Build<'a> {
    let url = app.url(path);
    Box::new(move |http: &reqwest::Client| http.get(&url))
}

fn raw_order<'a>(app: &'a TestApp, bytes: &'static [u8], content_type: &'static str) -> Build<'a> {
    let url = app.url("/orders");
    Box::new(move |http: &reqwest::Client| {
        http.post(&url)
            .header("content-type", content_type)
            .body(bytes)
    })
}

/// Logs `role` in with a client that reads `lang`.
async fn login_reading(app: &TestApp, role: &str, lang: &str) -> reqwest::Client {
    let account = app.account(role).await;
    let http = client_reading(true, Some(lang));
    send(
        http.post(app.url("/auth/login"))
            .json(&json!({ "name": account.name, "pin": account.pin })),
    )
    .await
    .ok(&format!("log in as {role} reading {lang}"));
    http
}

#[tokio::test]
async fn dutch_is_the_default_and_english_is_there_for_who_asks() {
    let app = spawn_app().await;
    let empty_cart = OrderBuilder::pickup().json();
    let detail = |accept_language: Option<&'static str>| {
        let app = &app;
        let body = empty_cart.clone();
        async move {
            let resp = send(
                client_reading(false, accept_language)
                    .post(app.url("/orders"))
                    .json(&body),
            )
            .await;
            let problem = resp.problem(422, &format!("an empty cart, {accept_language:?}"));
            assert_eq!(problem.field.as_deref(), Some("lines"));
            (problem.title, problem.detail)
        }
    };
    let english = detail(Some("en")).await;
    assert_eq!(english.1, "The order is empty: add at least one item.");
    assert_eq!(english.0, "Invalid input");
    let dutch = detail(Some("nl")).await;
    assert_eq!(
        dutch.1,
        "Je bestelling is nog leeg: kies eerst iets van de kaart."
    );
    assert_eq!(dutch.0, "Ongeldige invoer");
    for (header, expected) in [
        (None, &dutch),
        (Some("nl-NL,en;q=0.5"), &dutch),
        (Some("en-GB,en;q=0.9,nl;q=0.8"), &english),
        (Some("nl;q=0.3, en;q=0.7"), &english),
        (Some("de-DE,de;q=0.9,en;q=0.4"), &english),
        (Some("fr-FR, de"), &dutch),
        (Some("en;q=0, *"), &dutch),
    ] {
        assert_eq!(
            &detail(header).await,
            expected,
            "Accept-Language {header:?}"
        );
    }
}

#[tokio::test]
async fn every_kind_of_error_is_told_in_dutch_and_in_english() {
    // One quote a minute: the second is refused (429) in both languages.
    let app = TestApp::spawn_with(&[
        ("FORNO_DEMO_ALWAYS_OPEN", "1"),
        ("FORNO_QUOTES_PER_MINUTE", "1"),
    ])
    .await;
    let menu = app.menu().await;
    let pizza = menu.pizza().clone();
    let size = pizza.middle_size().to_string();
    let beer = menu.beer().clone();
    let cashier = app.login("cashier").await;
    cashier
        .set_sold_out(beer.id, true)
        .await
        .ok("the beer is sold out");
    let good = || OrderBuilder::pickup().line(&pizza, &size);
    let placed = app.place_pizza_order(&pizza, "an order to act on").await;
    let order_id = id_of(&cashier.order_by_number(number_of(&placed)).await);
    let used_key = "taal-test-sleutel-1";
    app.place_web_order(&good().json(), Some(used_key))
        .await
        .expect_status(201, "an order with an Idempotency-Key");
    app.quote(&good().json())
        .await
        .ok("the one quote this minute");
    let settings = cashier.settings().await.ok("GET /settings");
    let wrong_pin = app.account("manager").await;

    let url = |path: &str| app.url(path);
    let mut wrong_type = good().json();
    wrong_type["lines"][0]["quantity"] = json!("two");
    let mut nameless = good().json();
    nameless["contact"]["name"] = json!("Jan\u{1b}p\u{0}");
    let mut changed = settings.clone();
    changed["prep_time_minutes"] = json!(45);
    let oversized = good().note(&"x".repeat(70 * 1024)).json().to_string();
    let reused = OrderBuilder::pickup()
        .with(LineBuilder::new(&pizza, &size).quantity(2))
        .json();
    let (settings_url, orders_url, shop_url) = (url("/settings"), url("/orders"), url("/shop"));
    let orders_url2 = orders_url.clone();

    let cases: Vec<Case<'_>> = vec![
        Case {
            what: "malformed JSON",
            status: 400,
            build: raw_order(&app, br#"{"lines": [ {"item_id": 1,"#, "application/json"),
            who: Who::Customer,
        },
        Case {
            what: "something after the JSON",
            status: 400,
            build: raw_order(&app, br#"{"lines": []}xx"#, "application/json"),
            who: Who::Customer,
        },
        Case {
            what: "a quantity that is not a number",
            status: 400,
            build: post_json(&app, "/orders", wrong_type),
            who: Who::Customer,
        },
        Case {
            what: "an order id that is not a number",
            status: 400,
            build: get(&app, "/orders/abc"),
            who: Who::Cashier,
        },
        Case {
            what: "an offset beyond any number",
            status: 400,
            build: get(&app, "/orders?offset=99999999999999999999"),
            who: Who::Cashier,
        },
        Case {
            what: "no session",
            status: 401,
            build: get(&app, "/orders"),
            who: Who::Customer,
        },
        Case {
            what: "a wrong PIN",
            status: 401,
            build: post_json(
                &app,
                "/auth/login",
                json!({ "name": "Niemand", "pin": "9999" }),
            ),
            who: Who::Customer,
        },
        Case {
            what: "the kitchen changes the settings",
            status: 403,
            build: Box::new(move |http: &reqwest::Client| http.put(&settings_url).json(&changed)),
            who: Who::Kitchen,
        },
        Case {
            what: "an unknown tracking link",
            status: 404,
            build: get(&app, "/orders/track/bestaat-niet"),
            who: Who::Customer,
        },
        Case {
            what: "an unknown order",
            status: 404,
            build: get(&app, "/orders/99999999"),
            who: Who::Cashier,
        },
        Case {
            what: "an unknown API endpoint",
            status: 404,
            build: get(&app, "/bestellingen"),
            who: Who::Customer,
        },
        Case {
            what: "a method the path does not take",
            status: 405,
            build: Box::new(move |http: &reqwest::Client| http.delete(&shop_url)),
            who: Who::Customer,
        },
        Case {
            what: "a step the status machine does not allow",
            status: 409,
            build: post_json(
                &app,
                &format!("/orders/{order_id}/status"),
                json!({ "status": "ready" }),
            ),
            who: Who::Cashier,
        },
        Case {
            what: "an Idempotency-Key reused for another order",
            status: 409,
            build: Box::new(move |http: &reqwest::Client| {
                http.post(&orders_url)
                    .header("Idempotency-Key", used_key)
                    .json(&reused)
            }),
            who: Who::Customer,
        },
        Case {
            what: "a setup that is already done",
            status: 409,
            build: post_json(
                &app,
                "/setup",
                json!({ "shop": settings.clone(), "owner": { "name": "Gina", "pin": "5820" } }),
            ),
            who: Who::Customer,
        },
        Case {
            what: "a body over 64 KiB",
            status: 413,
            build: Box::new(move |http: &reqwest::Client| {
                http.post(&orders_url2)
                    .header("content-type", "application/json")
                    .body(oversized.clone())
            }),
            who: Who::Customer,
        },
        Case {
            what: "a body that is not JSON",
            status: 415,
            build: raw_order(&app, b"lines=1", "application/x-www-form-urlencoded"),
            who: Who::Customer,
        },
        Case {
            what: "an empty cart",
            status: 422,
            build: post_json(&app, "/orders", OrderBuilder::pickup().json()),
            who: Who::Customer,
        },
        Case {
            what: "a sold-out item",
            status: 422,
            build: post_json(
                &app,
                "/orders",
                good().line(&beer, beer.first_size()).json(),
            ),
            who: Who::Customer,
        },
        Case {
            what: "a postcode outside every zone",
            status: 422,
            build: post_json(
                &app,
                "/orders",
                OrderBuilder::delivery("9999 ZZ").line(&pizza, &size).json(),
            ),
            who: Who::Customer,
        },
        Case {
            what: "a printer command in the name",
            status: 422,
            build: post_json(&app, "/orders", nameless),
            who: Who::Customer,
        },
        Case {
            what: "a cancellation without a reason",
            status: 422,
            build: post_json(
                &app,
                &format!("/orders/{order_id}/status"),
                json!({ "status": "cancelled" }),
            ),
            who: Who::Cashier,
        },
        Case {
            what: "a second quote within the minute",
            status: 429,
            build: post_json(&app, "/quote", good().json()),
            who: Who::Customer,
        },
    ];

    let clients = |lang: &'static str| {
        let app = &app;
        async move {
            (
                client_reading(false, Some(lang)),
                login_reading(app, "cashier", lang).await,
                login_reading(app, "kitchen", lang).await,
            )
        }
    };
    let (nl, en) = (clients("nl").await, clients("en").await);
    let pick = |clients: &(reqwest::Client, reqwest::Client, reqwest::Client), who: Who| match who {
        Who::Customer => clients.0.clone(),
        Who::Cashier => clients.1.clone(),
        Who::Kitchen => clients.2.clone(),
    };
    let mut failures = Failures::default();
    for case in &cases {
        let dutch = send((case.build)(&pick(&nl, case.who))).await;
        let english = send((case.build)(&pick(&en, case.who))).await;
        failures.check(case.what, compare(case, &dutch, &english));
    }

    // 423: five wrong PINs lock an account; then even the right PIN is refused, in both.
    for _ in 0..5 {
        app.post_login(&wrong_pin.name, "0000").await;
    }
    let locked = Case {
        what: "a locked account",
        status: 423,
        build: post_json(
            &app,
            "/auth/login",
            json!({ "name": wrong_pin.name, "pin": wrong_pin.pin }),
        ),
        who: Who::Customer,
    };
    let dutch = send((locked.build)(&nl.0)).await;
    let english = send((locked.build)(&en.0)).await;
    failures.check(locked.what, compare(&locked, &dutch, &english));
    failures.assert_none();
}
