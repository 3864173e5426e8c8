//! A logged-in staff member and one method per staff endpoint (docs/api.md "Staff router").

use serde_json::{Value, json};

use super::{ApiResponse, StaffAccount, id_of, send};

/// A logged-in staff member: a cookie-holding client plus the bearer token from the login.
#[derive(Clone)]
pub struct StaffClient {
    pub http: reqwest::Client,
    pub(super) base: String,
    pub token: String,
    pub account: StaffAccount,
}

impl StaffClient {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub async fn me(&self) -> ApiResponse {
        send(self.http.get(self.url("/auth/me"))).await
    }

    pub async fn logout(&self) -> ApiResponse {
        send(self.http.post(self.url("/auth/logout"))).await
    }

    /// `GET /orders?<query>`; `query` without the `?`, e.g. `status=placed&limit=5`.
    pub async fn orders(&self, query: &str) -> ApiResponse {
        let path = if query.is_empty() {
            "/orders".to_string()
        } else {
            format!("/orders?{query}")
        };
        send(self.http.get(self.url(&path))).await
    }

    /// Every order the default listing shows, following the paging.
    pub async fn all_orders(&self) -> Vec<Value> {
        let mut all = Vec::new();
        loop {
            let page = self
                .orders(&format!("limit=100&offset={}", all.len()))
                .await
                .ok("GET /orders");
            let orders = page["orders"].as_array().cloned().unwrap_or_default();
            let total = page["total"].as_u64().expect("GET /orders has a total") as usize;
            if orders.is_empty() {
                assert_eq!(all.len(), total, "paging ended before total was reached");
                return all;
            }
            all.extend(orders);
            if all.len() >= total {
                return all;
            }
        }
    }

    pub async fn order_total(&self) -> u64 {
        let page = self.orders("limit=1").await.ok("GET /orders");
        page["total"]
            .as_u64()
            .expect("GET /orders has a numeric total")
    }

    pub async fn order(&self, id: i64) -> ApiResponse {
        send(self.http.get(self.url(&format!("/orders/{id}")))).await
    }

    pub async fn change_status(&self, id: i64, body: &Value) -> ApiResponse {
        send(
            self.http
                .post(self.url(&format!("/orders/{id}/status")))
                .json(body),
        )
        .await
    }

    /// Moves an order to `status` and insists that it worked.
    pub async fn set_status(&self, id: i64, status: &str) -> Value {
        self.change_status(id, &json!({ "status": status }))
            .await
            .ok(&format!(
                "{} moves order {id} to {status}",
                self.account.role
            ))
    }

    /// `POST /orders/{id}/lines/done`: marks `lines` done (or not done again).
    pub async fn lines_done(&self, id: i64, lines: &[usize], done: bool) -> ApiResponse {
        send(
            self.http
                .post(self.url(&format!("/orders/{id}/lines/done")))
                .json(&json!({ "lines": lines, "done": done })),
        )
        .await
    }

    /// `POST /orders/{id}/recall`: takes the order's last step back.
    pub async fn recall(&self, id: i64) -> ApiResponse {
        send(self.http.post(self.url(&format!("/orders/{id}/recall")))).await
    }

    pub async fn stations(&self) -> ApiResponse {
        send(self.http.get(self.url("/kitchen/stations"))).await
    }

    pub async fn put_stations(&self, body: &Value) -> ApiResponse {
        send(self.http.put(self.url("/kitchen/stations")).json(body)).await
    }

    pub async fn place_counter_order(&self, body: &Value) -> ApiResponse {
        send(self.http.post(self.url("/orders")).json(body)).await
    }

    /// `POST /orders/{id}/discounts`.
    pub async fn discount(&self, id: i64, body: &Value) -> ApiResponse {
        send(
            self.http
                .post(self.url(&format!("/orders/{id}/discounts")))
                .json(body),
        )
        .await
    }

    /// `POST /orders/{id}/voids`: void one line.
    pub async fn void_line(&self, id: i64, body: &Value) -> ApiResponse {
        send(
            self.http
                .post(self.url(&format!("/orders/{id}/voids")))
                .json(body),
        )
        .await
    }

    /// `GET /audit`: the newest page of entries, newest first.
    pub async fn audit(&self) -> Vec<Value> {
        self.audit_page("limit=200").await.ok("GET /audit")["entries"]
            .as_array()
            .cloned()
            .unwrap_or_default()
    }

    /// `GET /audit?<query>`; `query` without the `?`, e.g. `action=staff.&limit=5`.
    pub async fn audit_page(&self, query: &str) -> ApiResponse {
        send(self.http.get(self.url(&format!("/audit?{query}")))).await
    }

    /// The newest audit entry of `action`; panics if there is none.
    pub async fn audited(&self, action: &str) -> Value {
        self.audit_page(&format!("action={action}&limit=1"))
            .await
            .ok("GET /audit")["entries"]
            .as_array()
            .and_then(|e| e.first().cloned())
            .unwrap_or_else(|| panic!("no {action} entry in the audit log"))
    }

    /// `GET /staff`: every staff account.
    pub async fn staff_accounts(&self) -> ApiResponse {
        send(self.http.get(self.url("/staff"))).await
    }

    /// `POST /staff`.
    pub async fn add_staff(&self, body: &Value) -> ApiResponse {
        send(self.http.post(self.url("/staff")).json(body)).await
    }

    /// `PUT /staff/{id}`.
    pub async fn change_staff(&self, id: i64, body: &Value) -> ApiResponse {
        send(self.http.put(self.url(&format!("/staff/{id}"))).json(body)).await
    }

    /// `POST /staff/{id}/pin`: someone else's new PIN.
    pub async fn reset_pin(&self, id: i64, pin: &str) -> ApiResponse {
        send(
            self.http
                .post(self.url(&format!("/staff/{id}/pin")))
                .json(&json!({ "pin": pin })),
        )
        .await
    }

    /// `POST /auth/pin`: this person's own PIN.
    pub async fn change_own_pin(&self, old_pin: &str, new_pin: &str) -> ApiResponse {
        send(
            self.http
                .post(self.url("/auth/pin"))
                .json(&json!({ "old_pin": old_pin, "new_pin": new_pin })),
        )
        .await
    }

    /// `POST /orders/{id}/payments`.
    pub async fn pay(&self, id: i64, body: &Value) -> ApiResponse {
        send(
            self.http
                .post(self.url(&format!("/orders/{id}/payments")))
                .json(body),
        )
        .await
    }

    pub async fn events(&self, after: u64) -> ApiResponse {
        send(
            self.http
                .get(self.url(&format!("/events?after={after}&limit=500"))),
        )
        .await
    }

    /// `GET /events?after=SEQ&limit=N`.
    pub async fn events_page(&self, after: u64, limit: u32) -> ApiResponse {
        send(
            self.http
                .get(self.url(&format!("/events?after={after}&limit={limit}"))),
        )
        .await
    }

    /// The log's head, asking for one event only (a page of 500 big orders is megabytes).
    pub async fn head_seq(&self) -> u64 {
        let page = self.events_page(0, 1).await.ok("GET /events");
        page["head_seq"]
            .as_u64()
            .expect("GET /events has a numeric head_seq")
    }

    /// Every event in the log, following `after` until `head_seq`.
    pub async fn all_events(&self) -> (Vec<Value>, u64) {
        let mut events: Vec<Value> = Vec::new();
        let mut after = 0;
        loop {
            let page = self.events(after).await.ok("GET /events");
            let head = page["head_seq"].as_u64().expect("head_seq");
            let batch = page["events"].as_array().cloned().unwrap_or_default();
            if batch.is_empty() || after >= head {
                return (events, head);
            }
            after = batch.last().unwrap()["seq"].as_u64().expect("event seq");
            events.extend(batch);
            if after >= head {
                return (events, head);
            }
        }
    }

    pub async fn settings(&self) -> ApiResponse {
        send(self.http.get(self.url("/settings"))).await
    }

    pub async fn put_settings(&self, body: &Value) -> ApiResponse {
        send(self.http.put(self.url("/settings")).json(body)).await
    }

    pub async fn pause(&self, paused: bool) -> ApiResponse {
        send(
            self.http
                .post(self.url("/settings/pause"))
                .json(&json!({ "paused": paused })),
        )
        .await
    }

    pub async fn set_sold_out(&self, item_id: i64, sold_out: bool) -> ApiResponse {
        send(
            self.http
                .post(self.url(&format!("/menu/items/{item_id}/sold-out")))
                .json(&json!({ "sold_out": sold_out })),
        )
        .await
    }

    pub async fn menu_admin(&self) -> ApiResponse {
        send(self.http.get(self.url("/menu/admin"))).await
    }

    pub async fn put_item(&self, item_id: i64, body: &Value) -> ApiResponse {
        send(
            self.http
                .put(self.url(&format!("/menu/items/{item_id}")))
                .json(body),
        )
        .await
    }

    /// The staff view of the order with this number (e.g. `#007`), found by listing.
    pub async fn order_by_number(&self, number: &str) -> Value {
        let found = self
            .all_orders()
            .await
            .into_iter()
            .find(|o| o["number"] == number)
            .unwrap_or_else(|| panic!("staff cannot find order {number} in GET /orders"));
        self.order(id_of(&found)).await.ok("GET /orders/{id}")
    }

    /// `POST /devices/pairing-codes` for a device of `role`.
    pub async fn pairing_code(&self, role: &str) -> ApiResponse {
        send(
            self.http
                .post(self.url("/devices/pairing-codes"))
                .json(&json!({ "role": role })),
        )
        .await
    }

    /// `GET /outbox?<query>`; `query` without the `?`, e.g. `state=failed&kind=test.echo`.
    pub async fn outbox(&self, query: &str) -> ApiResponse {
        send(self.http.get(self.url(&format!("/outbox?{query}")))).await
    }

    /// `POST /test/jobs` (only on a server started with `FORNO_TEST_JOBS=1`).
    pub async fn enqueue_test_jobs(&self, jobs: &[Value]) -> ApiResponse {
        send(
            self.http
                .post(self.url("/test/jobs"))
                .json(&json!({ "jobs": jobs })),
        )
        .await
    }

    pub async fn devices(&self) -> ApiResponse {
        send(self.http.get(self.url("/devices"))).await
    }

    pub async fn unpair(&self, device_id: i64) -> ApiResponse {
        send(self.http.delete(self.url(&format!("/devices/{device_id}")))).await
    }
}

/// What the shop's books look like: number of orders and the head of the event log.
#[derive(Debug, PartialEq, Clone, Copy)]
pub struct Marks {
    pub orders: u64,
    pub head_seq: u64,
}

pub async fn marks(staff: &StaffClient) -> Marks {
    Marks {
        orders: staff.order_total().await,
        head_seq: staff.head_seq().await,
    }
}

/// A refused request must leave the books as they were.
pub async fn nothing_written(staff: &StaffClient, before: Marks) -> Result<(), String> {
    let after = marks(staff).await;
    if after == before {
        Ok(())
    } else {
        Err(format!(
            "the request was refused but wrote something: before {before:?}, after {after:?}"
        ))
    }
}

/// A cashier's request that needs a manager or owner (a discount, a void after sending): refused
/// alone (403) and with a wrong PIN (422 naming `approval.pin`), with nothing written either
/// time. Returns `body` with `approver`'s approval, for the request that goes through.
pub async fn refused_without_approval(
    cashier: &StaffClient,
    approver: &StaffAccount,
    path: &str,
    body: &Value,
) -> Value {
    let post = |body: &Value| send(cashier.http.post(cashier.url(path)).json(body));
    let before = marks(cashier).await;
    post(body)
        .await
        .problem(403, &format!("POST {path} by a cashier alone"));
    nothing_written(cashier, before).await.unwrap();

    let mut wrong = body.clone();
    wrong["approval"] = json!({"name": approver.name, "pin": "000000"});
    let problem = post(&wrong)
        .await
        .problem(422, &format!("POST {path} with a wrong PIN"));
    assert_eq!(problem.field.as_deref(), Some("approval.pin"));
    nothing_written(cashier, before).await.unwrap();

    let mut approved = body.clone();
    approved["approval"] = json!({"name": approver.name, "pin": approver.pin});
    approved
}

/// A counter order of a pizza (9%) and a beer (21%), placed by `cashier`.
pub async fn counter_pizza_and_beer(app: &super::TestApp, cashier: &StaffClient) -> Value {
    let menu = app.menu().await;
    let (pizza, beer) = (menu.pizza(), menu.beer());
    let body = super::OrderBuilder::pickup()
        .channel("counter")
        .line(pizza, pizza.middle_size())
        .line(beer, beer.first_size())
        .json();
    cashier
        .place_counter_order(&body)
        .await
        .expect_status(201, "place a counter order")
}
