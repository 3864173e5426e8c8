//! The owner's menu editor (issue 12, A6), through the API as the editor page uses it: a
//! category and an item with two sizes, an extra priced per size, a removable ingredient and a
//! photo; reordering, sold-out, archiving; the hours an item is sold; the audit log of prices;
//! the ordering page's menu feed. Bad input is refused at its field with nothing written.

use std::io::Cursor;
use std::time::Duration;

use serde_json::{Value, json};

use crate::common::ws::{self, Incoming};
use crate::common::{
    ApiResponse, OrderBuilder, StaffClient, TestApp, marks, nothing_written, send, spawn_app,
};

// ----- the editor's requests -----

async fn post(staff: &StaffClient, path: &str, body: &Value) -> ApiResponse {
    send(staff.http.post(staff.url(path)).json(body)).await
}

async fn put(staff: &StaffClient, path: &str, body: &Value) -> ApiResponse {
    send(staff.http.put(staff.url(path)).json(body)).await
}

async fn editor(staff: &StaffClient) -> Value {
    send(staff.http.get(staff.url("/menu/editor")))
        .await
        .ok("GET /menu/editor")
}

async fn upload(
    staff: &StaffClient,
    item_id: i64,
    bytes: Vec<u8>,
    content_type: &str,
) -> ApiResponse {
    send(
        staff
            .http
            .put(staff.url(&format!("/menu/items/{item_id}/photo")))
            .header("Content-Type", content_type)
            .body(bytes),
    )
    .await
}

fn png(width: u32, height: u32) -> Vec<u8> {
    let image = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x * 7 % 256) as u8, (y * 3 % 256) as u8, 120])
    });
    let mut out = Cursor::new(Vec::new());
    image
        .write_to(&mut out, image::ImageFormat::Png)
        .expect("encode a PNG");
    out.into_inner()
}

/// A new category "Lunch" and an extra "Truffelolie" (€ 2,00), made as the owner makes them.
async fn lunch_category_and_extra(owner: &StaffClient) -> (i64, i64) {
    let category = post(
        owner,
        "/menu/categories",
        &json!({ "names": { "nl": "Lunch", "en": "Lunch" }, "vat_rate_percent": 9 }),
    )
    .await
    .expect_status(201, "POST /menu/categories")["id"]
        .as_i64()
        .unwrap();
    let extra = post(
        owner,
        "/menu/extras",
        &json!({ "names": { "nl": "Truffelolie", "en": "Truffle oil" }, "price_cents": 200 }),
    )
    .await
    .expect_status(201, "POST /menu/extras")["id"]
        .as_i64()
        .unwrap();
    (category, extra)
}

/// A focaccia in two sizes with the extra priced per size and a new removable ingredient.
fn focaccia(category_id: i64, extra_id: i64) -> Value {
    json!({
        "category_id": category_id,
        "names": { "nl": "Focaccia", "en": "Focaccia" },
        "descriptions": { "nl": "Met rozemarijn", "en": "With rosemary" },
        "vat_rate_percent": 9,
        "sizes": [
            { "code": "klein", "names": { "nl": "Klein", "en": "Small" }, "price_cents": 650 },
            { "code": "groot", "names": { "nl": "Groot", "en": "Large" }, "price_cents": 950 }
        ],
        "extras": [ { "id": extra_id, "prices": { "klein": 150, "groot": 250 } } ],
        "ingredients": [ { "names": { "nl": "Rozemarijn", "en": "Rosemary" } } ],
        "allergens": ["gluten", "sesame"]
    })
}

fn public_item(menu: &Value, id: i64) -> Option<Value> {
    menu["categories"]
        .as_array()?
        .iter()
        .flat_map(|c| c["items"].as_array().cloned().unwrap_or_default())
        .find(|i| i["id"] == id)
}

async fn public_menu(app: &TestApp) -> Value {
    app.menu_raw().await.ok("GET /menu")
}

/// The ordering page's menu feed, past its welcome.
async fn menu_feed(app: &TestApp) -> ws::Ws {
    let mut feed = ws::connect_customer(&app.ws_url("/ws/menu"))
        .await
        .expect("the ordering page's menu feed is open to anyone");
    ws::hello(&mut feed, None).await;
    ws::expect_welcome(&mut feed).await;
    feed
}

/// What a photo's address answers now.
async fn served_status(app: &TestApp, address: &Value) -> u16 {
    let url = format!("{}{}", app.address, address.as_str().unwrap());
    app.http.get(url).send().await.unwrap().status().as_u16()
}

async fn next_menu_event(socket: &mut ws::Ws) -> Value {
    match ws::next(socket, Duration::from_secs(10)).await {
        Some(Incoming::Event(event)) => event,
        other => panic!("expected an event on /ws/menu, got {other:?}"),
    }
}

#[tokio::test]
async fn the_owner_adds_an_item_that_the_menu_feed_announces_and_customers_can_order() {
    let app = spawn_app().await;
    let owner = app.login("owner").await;
    let mut feed = menu_feed(&app).await;

    let (category_id, extra_id) = lunch_category_and_extra(&owner).await;
    for _ in 0..2 {
        let event = next_menu_event(&mut feed).await;
        assert_eq!(event["type"], "menu.updated");
    }
    let id = post(&owner, "/menu/items", &focaccia(category_id, extra_id))
        .await
        .expect_status(201, "POST /menu/items")["id"]
        .as_i64()
        .unwrap();
    let event = next_menu_event(&mut feed).await;
    assert_eq!(
        (event["type"].as_str(), event["data"]["item_id"].as_i64()),
        (Some("menu.updated"), Some(id)),
        "one menu.updated for the new item: {event}"
    );

    // On the public menu, in its category, with the item's own extra prices.
    let menu = public_menu(&app).await;
    let category = menu["categories"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == category_id)
        .expect("the new category is on the menu");
    assert_eq!(category["items"][0]["id"], id);
    let item = &category["items"][0];
    assert_eq!(item["sizes"][0]["price_cents"], 650);
    assert_eq!(item["sizes"][1]["price_cents"], 950);
    assert_eq!(
        item["extras"][0]["prices"],
        json!({ "klein": 150, "groot": 250 })
    );
    assert_eq!(item["ingredients"][0]["name"], "Rozemarijn");
    assert_eq!(item["allergens"], json!(["gluten", "sesame"]));

    // A customer orders it large with the extra: 9,50 + 2,50.
    let ordered = app
        .place_web_order(
            &OrderBuilder::pickup()
                .with(
                    crate::common::LineBuilder::new(&app.menu().await.item(id).clone(), "groot")
                        .extra(extra_id),
                )
                .json(),
            None,
        )
        .await
        .expect_status(201, "a web order of the new item");
    assert_eq!(
        ordered["order"]["lines"][0]["total_cents"], 1200,
        "{ordered}"
    );

    // Its prices are in the audit log.
    let created = owner
        .audit()
        .await
        .into_iter()
        .find(|e| e["action"] == "menu.item_created")
        .expect("the new item's prices are audited");
    let after = created["detail"]["after"].to_string();
    assert!(
        after.contains("klein € 6,50") && after.contains("Truffelolie groot € 2,50"),
        "{created}"
    );
}

#[tokio::test]
async fn the_menu_feed_tells_an_open_ordering_page_that_the_shop_paused_and_nothing_of_orders() {
    let app = spawn_app().await;
    let owner = app.login("owner").await;
    let mut feed = menu_feed(&app).await;

    // An order placed meanwhile is no business of the menu feed: the next thing it sends is the
    // pause, with what the page shows.
    let menu = app.menu().await;
    let pizza = menu.pizza();
    app.place_web_order(
        &OrderBuilder::pickup()
            .line(pizza, pizza.middle_size())
            .json(),
        None,
    )
    .await
    .expect_status(201, "a web order");
    send(
        owner
            .http
            .post(owner.url("/settings/pause"))
            .json(&json!({ "paused": true })),
    )
    .await
    .ok("POST /settings/pause");
    let event = next_menu_event(&mut feed).await;
    assert_eq!(
        (
            event["type"].as_str(),
            event["data"]["paused"].as_bool(),
            event["data"]["prep_time_minutes"].is_i64()
        ),
        (Some("shop.updated"), Some(true), true),
        "the pause reaches the ordering page: {event}"
    );
}

#[tokio::test]
async fn a_price_change_is_audited_with_the_old_and_the_new_price() {
    let app = spawn_app().await;
    let owner = app.login("owner").await;
    let (category_id, extra_id) = lunch_category_and_extra(&owner).await;
    let id = post(&owner, "/menu/items", &focaccia(category_id, extra_id))
        .await
        .expect_status(201, "POST /menu/items")["id"]
        .as_i64()
        .unwrap();
    let mut dearer = focaccia(category_id, extra_id);
    dearer["sizes"][1]["price_cents"] = json!(1050);
    put(&owner, &format!("/menu/items/{id}"), &dearer)
        .await
        .ok("PUT /menu/items/{id}");
    let change = owner
        .audit()
        .await
        .into_iter()
        .find(|e| e["action"] == "menu.price_changed" && e["detail"]["item_id"] == id)
        .expect("the price change is audited");
    assert!(
        change["detail"]["before"]
            .to_string()
            .contains("groot € 9,50"),
        "{change}"
    );
    assert!(
        change["detail"]["after"]
            .to_string()
            .contains("groot € 10,50"),
        "{change}"
    );
    assert_eq!(
        public_item(&public_menu(&app).await, id).unwrap()["sizes"][1]["price_cents"],
        1050
    );
}

#[tokio::test]
async fn bad_items_are_refused_at_their_field_and_nothing_is_written() {
    let app = spawn_app().await;
    let owner = app.login("owner").await;
    let (category_id, extra_id) = lunch_category_and_extra(&owner).await;
    let good = focaccia(category_id, extra_id);
    let with = |path: &[&str], value: Value| {
        let mut body = good.clone();
        let mut at = &mut body;
        for key in path {
            at = match key.parse::<usize>() {
                Ok(i) => &mut at[i],
                Err(_) => &mut at[*key],
            };
        }
        *at = value;
        body
    };
    let cases = [
        (
            "a price of 0",
            with(&["sizes", "0", "price_cents"], json!(0)),
            "sizes[0].price_cents",
        ),
        (
            "a negative price",
            with(&["sizes", "1", "price_cents"], json!(-100)),
            "sizes[1].price_cents",
        ),
        (
            "a size without a price",
            with(
                &["sizes", "1"],
                json!({ "code": "groot", "names": { "nl": "Groot", "en": "" } }),
            ),
            "sizes[1].price_cents",
        ),
        (
            "an extra priced for a size the item lacks",
            with(
                &["extras", "0", "prices"],
                json!({ "klein": 150, "35": 250 }),
            ),
            "extras[0].prices.35",
        ),
        (
            "an extra priced at 0",
            with(&["extras", "0", "prices"], json!({ "klein": 0 })),
            "extras[0].prices.klein",
        ),
        ("no sizes", with(&["sizes"], json!([])), "sizes"),
        (
            "no Dutch name",
            with(&["names", "nl"], json!("  ")),
            "names.nl",
        ),
        (
            "an unknown extra",
            with(&["extras", "0", "id"], json!(9999)),
            "extras[0]",
        ),
        (
            "an unknown allergen",
            with(&["allergens", "0"], json!("chocolate")),
            "allergens[0]",
        ),
        (
            "hours that end before they start",
            with(&["available"], json!({ "from": "15:00", "until": "11:00" })),
            "available.until",
        ),
        (
            "a time that is not one",
            with(&["available"], json!({ "from": "25:00", "until": "26:00" })),
            "available.from",
        ),
        (
            "an unknown category",
            with(&["category_id"], json!(9999)),
            "category_id",
        ),
    ];
    let before_menu = editor(&owner).await;
    let before = marks(&owner).await;
    let mut failures = Vec::new();
    for (what, body, field) in cases {
        let answer = post(&owner, "/menu/items", &body).await;
        match answer.check_problem(422) {
            Ok(problem) if problem.field.as_deref() == Some(field) => {}
            Ok(problem) => failures.push(format!("{what}: field {:?}, not {field}", problem.field)),
            Err(why) => failures.push(format!("{what}: {why}")),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    nothing_written(&owner, before).await.unwrap();
    assert_eq!(
        editor(&owner).await,
        before_menu,
        "a refused item changed the menu"
    );

    // The same rules hold for an edit of an existing item.
    let id = post(&owner, "/menu/items", &good)
        .await
        .expect_status(201, "the good item")["id"]
        .as_i64()
        .unwrap();
    let before = marks(&owner).await;
    let zero = with(&["sizes", "0", "price_cents"], json!(0));
    let problem = put(&owner, &format!("/menu/items/{id}"), &zero)
        .await
        .problem(422, "PUT with a price of 0");
    assert_eq!(problem.field.as_deref(), Some("sizes[0].price_cents"));
    nothing_written(&owner, before).await.unwrap();
}

#[tokio::test]
async fn a_photo_is_checked_scaled_and_served_with_cache_headers() {
    let app = spawn_app().await;
    let owner = app.login("owner").await;
    let (category_id, extra_id) = lunch_category_and_extra(&owner).await;
    let id = post(&owner, "/menu/items", &focaccia(category_id, extra_id))
        .await
        .expect_status(201, "POST /menu/items")["id"]
        .as_i64()
        .unwrap();

    // Not an image, or one over the limit: refused at `photo`, nothing written.
    let before = marks(&owner).await;
    let text = upload(
        &owner,
        id,
        b"this is a menu, not a photo".to_vec(),
        "image/jpeg",
    )
    .await
    .problem(422, "a text file sent as a photo");
    assert_eq!(text.field.as_deref(), Some("photo"));
    let limit = editor(&owner).await["max_photo_bytes"].as_u64().unwrap() as usize;
    let mut huge = png(64, 64);
    huge.resize(limit + 1, 0);
    let too_large = upload(&owner, id, huge, "image/png")
        .await
        .problem(413, "a photo over the size limit");
    assert_eq!(too_large.field.as_deref(), Some("photo"));
    nothing_written(&owner, before).await.unwrap();
    assert!(public_item(&public_menu(&app).await, id).unwrap()["photo"].is_null());

    // A real photo: kept in three sizes, never upscaled, on the public menu.
    let photo = upload(&owner, id, png(1600, 1200), "image/png")
        .await
        .expect_status(201, "a PNG photo");
    assert_eq!(
        public_item(&public_menu(&app).await, id).unwrap()["photo"],
        photo
    );
    for (size, width, height) in [
        ("small", 160, 120),
        ("medium", 480, 360),
        ("large", 1024, 768),
    ] {
        let url = format!("{}{}", app.address, photo[size].as_str().unwrap());
        let answer = app.http.get(&url).send().await.unwrap();
        assert_eq!(answer.status(), 200, "{url}");
        let headers = answer.headers().clone();
        assert_eq!(headers["content-type"], "image/jpeg");
        let cache = headers["cache-control"].to_str().unwrap();
        assert!(
            cache.contains("max-age=31536000") && cache.contains("immutable"),
            "{cache}"
        );
        let bytes = answer.bytes().await.unwrap();
        let served = image::load_from_memory(&bytes).expect("a JPEG the browser can show");
        assert_eq!((served.width(), served.height()), (width, height), "{size}");
        // A browser that has it asks with its ETag and gets a 304.
        let again = app
            .http
            .get(&url)
            .header("If-None-Match", headers["etag"].clone())
            .send()
            .await
            .unwrap();
        assert_eq!(again.status(), 304);
    }

    // A new upload gets new addresses; the old ones are gone.
    let second = upload(&owner, id, png(300, 300), "image/png")
        .await
        .expect_status(201, "a second photo");
    assert_ne!(second["small"], photo["small"]);
    assert_eq!(served_status(&app, &photo["small"]).await, 404);

    // Taken away: the menu shows none, its addresses are gone; again, and nothing changes.
    let remove = || {
        send(
            owner
                .http
                .delete(owner.url(&format!("/menu/items/{id}/photo"))),
        )
    };
    let removed = remove().await;
    assert_eq!(removed.status, 204, "DELETE the photo: {removed:?}");
    assert!(public_item(&public_menu(&app).await, id).unwrap()["photo"].is_null());
    assert_eq!(served_status(&app, &second["medium"]).await, 404);
    let before = marks(&owner).await;
    let again = remove().await;
    assert_eq!(again.status, 204, "DELETE again: {again:?}");
    nothing_written(&owner, before).await.unwrap();
    send(owner.http.delete(owner.url("/menu/items/999999/photo")))
        .await
        .problem(404, "the photo of an item that does not exist");
}

#[tokio::test]
async fn reordered_sold_out_and_archived_items_and_an_old_order_keeps_its_line() {
    let app = spawn_app().await;
    let owner = app.login("owner").await;
    let (category_id, extra_id) = lunch_category_and_extra(&owner).await;
    let mut ids = Vec::new();
    for name in ["Focaccia", "Bruschetta"] {
        let mut body = focaccia(category_id, extra_id);
        body["names"] = json!({ "nl": name, "en": name });
        if name == "Bruschetta" {
            body["ingredients"] = json!([]);
        }
        ids.push(
            post(&owner, "/menu/items", &body)
                .await
                .expect_status(201, name)["id"]
                .as_i64()
                .unwrap(),
        );
    }
    let focaccia_item = app.menu().await.item(ids[0]).clone();
    let one_focaccia = OrderBuilder::pickup().line(&focaccia_item, "klein").json();
    let order = app
        .place_web_order(&one_focaccia, None)
        .await
        .expect_status(201, "an order of the focaccia");

    // Reorder: Bruschetta first. A list that is not every item once is refused.
    let path = format!("/menu/categories/{category_id}/items/order");
    let before = marks(&owner).await;
    let problem = put(&owner, &path, &json!({ "ids": [ids[1]] }))
        .await
        .problem(422, "a new order that leaves an item out");
    assert_eq!(problem.field.as_deref(), Some("ids"));
    nothing_written(&owner, before).await.unwrap();
    put(&owner, &path, &json!({ "ids": [ids[1], ids[0]] }))
        .await
        .ok("PUT items/order");
    let in_category = |menu: &Value| -> Vec<i64> {
        menu["categories"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == category_id)
            .map(|c| {
                c["items"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|i| i["id"].as_i64().unwrap())
                    .collect()
            })
            .unwrap_or_default()
    };
    assert_eq!(in_category(&public_menu(&app).await), [ids[1], ids[0]]);

    // Categories reorder the same way: Lunch first.
    let mut categories: Vec<i64> = editor(&owner).await["categories"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_i64().unwrap())
        .collect();
    categories.retain(|c| *c != category_id);
    categories.insert(0, category_id);
    put(
        &owner,
        "/menu/categories/order",
        &json!({ "ids": categories }),
    )
    .await
    .ok("PUT /menu/categories/order");
    assert_eq!(public_menu(&app).await["categories"][0]["id"], category_id);

    // Sold out, then archived: gone from the menu, not orderable, listed as archived.
    owner.set_sold_out(ids[0], true).await.ok("sold out");
    assert_eq!(
        public_item(&public_menu(&app).await, ids[0]).unwrap()["sold_out"],
        true
    );
    post(
        &owner,
        &format!("/menu/items/{}/archive", ids[0]),
        &json!({ "archived": true }),
    )
    .await
    .expect_status(204, "archive the focaccia");
    assert!(public_item(&public_menu(&app).await, ids[0]).is_none());
    let refused = app
        .quote(&one_focaccia)
        .await
        .problem(422, "quoting an archived item");
    assert_eq!(refused.field.as_deref(), Some("lines[0].item_id"));
    let archived = editor(&owner).await["archived_items"].clone();
    assert!(
        archived
            .as_array()
            .unwrap()
            .iter()
            .any(|i| i["id"] == ids[0]),
        "{archived}"
    );

    // The old order still shows its line, name and price.
    let old = owner
        .order_by_number(order["number"].as_str().unwrap())
        .await;
    assert_eq!(old["lines"][0]["item_name"], "Focaccia", "{old}");
    assert_eq!(old["lines"][0]["total_cents"], 650);

    // A category with an item on the menu cannot be archived; put back, the item is there again.
    let problem = post(
        &owner,
        &format!("/menu/categories/{category_id}/archive"),
        &json!({ "archived": true }),
    )
    .await
    .problem(409, "archiving a category that still has an item");
    assert!(
        problem.detail.contains("Lunch") && problem.detail.contains('1'),
        "{}",
        problem.detail
    );
    post(
        &owner,
        &format!("/menu/items/{}/archive", ids[0]),
        &json!({ "archived": false }),
    )
    .await
    .expect_status(204, "put the focaccia back");
    assert!(public_item(&public_menu(&app).await, ids[0]).is_some());
}

#[tokio::test]
async fn a_lunch_item_is_sold_only_in_its_hours() {
    let app = spawn_app().await;
    let owner = app.login("owner").await;
    let (category_id, extra_id) = lunch_category_and_extra(&owner).await;
    // Hours that are six hours away from now in any European time zone.
    let hour = (chrono::Utc::now()
        .format("%H")
        .to_string()
        .parse::<u32>()
        .unwrap()
        + 6)
        % 24;
    let mut body = focaccia(category_id, extra_id);
    body["available"] =
        json!({ "from": format!("{hour:02}:00"), "until": format!("{hour:02}:59") });
    let id = post(&owner, "/menu/items", &body)
        .await
        .expect_status(201, "a lunch item")["id"]
        .as_i64()
        .unwrap();
    let item = public_item(&public_menu(&app).await, id).unwrap();
    assert_eq!(item["available"]["from"], format!("{hour:02}:00"));

    let order = OrderBuilder::pickup()
        .line(&app.menu().await.item(id).clone(), "klein")
        .json();
    let problem = app
        .place_web_order(&order, None)
        .await
        .problem(422, "ordering a lunch item outside its hours");
    assert_eq!(problem.field.as_deref(), Some("lines[0].item_id"));
    assert!(
        problem.detail.contains(&format!("{hour:02}:00")),
        "{}",
        problem.detail
    );

    body["available"] = json!({ "from": "00:00", "until": "24:00" });
    put(&owner, &format!("/menu/items/{id}"), &body)
        .await
        .ok("all day");
    app.place_web_order(&order, None)
        .await
        .expect_status(201, "the item all day");
}

#[tokio::test]
async fn only_who_may_edit_the_menu_changes_it() {
    let app = spawn_app().await;
    let cashier = app.login("cashier").await;
    let before = marks(&cashier).await;
    let answer = post(
        &cashier,
        "/menu/categories",
        &json!({ "names": { "nl": "Geheim" } }),
    )
    .await;
    answer.problem(403, "a cashier adding a category");
    let photo = upload(&cashier, 1, png(10, 10), "image/png").await;
    photo.problem(403, "a cashier uploading a photo");
    nothing_written(&cashier, before).await.unwrap();
}
