//! The one way the black-box tests reach Forno: start the real `forno` binary on a free
//! loopback port with a fresh data dir, and talk to it over HTTP and WebSocket exactly as a
//! customer's phone, the counter or a kitchen screen would (see docs/api.md).
//!
//! Nothing here knows the server's code; every fixture is built from what the live server
//! answers (`GET /menu`, `GET /shop`), never from copied JSON.

pub mod escpos;
pub mod menu;
pub mod openapi;
pub mod order;
pub mod printer;
pub mod response;
pub mod smtp;
pub mod staff;
pub mod time;
pub mod ws;

use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use reqwest::header::CONTENT_TYPE;
use serde_json::{Value, json};

pub use menu::{Item, Menu, Shop, item_edit};
pub use order::{LineBuilder, OrderBuilder, big_order};
pub use response::*;
pub use staff::StaffClient;
pub use staff::{counter_pizza_and_beer, marks, nothing_written, refused_without_approval};

/// How long a freshly started server may take to say where it listens.
const START_TIMEOUT: Duration = Duration::from_secs(60);
/// Default timeout of every HTTP request a test makes.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

pub const ROLES: [&str; 4] = ["owner", "manager", "cashier", "kitchen"];

/// One staff account as printed by the first start of a data dir.
#[derive(Clone, Debug)]
pub struct StaffAccount {
    pub role: String,
    pub name: String,
    pub pin: String,
}

/// Parses `  cashier   Sofia   1234` (the start-up listing of staff PINs).
fn parse_pin_line(line: &str) -> Option<StaffAccount> {
    if !line.starts_with(|c: char| c.is_whitespace()) {
        return None;
    }
    let parts: Vec<&str> = line.split_whitespace().collect();
    let [role, name, pin] = parts.as_slice() else {
        return None;
    };
    let pin_ok = (4..=8).contains(&pin.len()) && pin.chars().all(|c| c.is_ascii_digit());
    (ROLES.contains(role) && pin_ok).then(|| StaffAccount {
        role: role.to_string(),
        name: name.to_string(),
        pin: pin.to_string(),
    })
}

/// Parses `Forno is serving on http://127.0.0.1:PORT` into the base URL.
fn parse_serving_line(line: &str) -> Option<String> {
    let rest = line.split("Forno is serving on ").nth(1)?;
    let url = rest.split_whitespace().next()?;
    Some(url.trim_end_matches('/').to_string())
}

/// A server under test. Dropping it kills the process; the data dir goes with it.
pub struct TestApp {
    /// `http://127.0.0.1:PORT`
    pub address: String,
    pub port: u16,
    pub http: reqwest::Client,
    data_dir: tempfile::TempDir,
    env: Vec<(String, String)>,
    child: Option<Child>,
    staff: Arc<Mutex<Vec<StaffAccount>>>,
    log: Arc<Mutex<Vec<String>>>,
}

/// `spawn_app()`: a demo shop that is open around the clock, so ASAP orders work at any hour.
pub async fn spawn_app() -> TestApp {
    TestApp::spawn_with(&[("FORNO_DEMO_ALWAYS_OPEN", "1")]).await
}

impl TestApp {
    /// Starts a server on a fresh data dir with exactly these extra environment variables
    /// (pass `FORNO_DEMO_ALWAYS_OPEN=1` yourself if the test wants it).
    pub async fn spawn_with(env: &[(&str, &str)]) -> TestApp {
        TestApp::spawn_listening("127.0.0.1:0", env).await
    }

    /// Like `spawn_with`, listening on `listen` (e.g. `0.0.0.0:0` to be reached from the LAN).
    pub async fn spawn_listening(listen: &str, env: &[(&str, &str)]) -> TestApp {
        TestApp::spawn_prepared(listen, env, |_| {}).await
    }

    /// Like `spawn_with`, after `prepare` has put files into the fresh data dir (a `forno.toml`,
    /// backups from earlier days).
    pub async fn spawn_in(env: &[(&str, &str)], prepare: impl FnOnce(&Path)) -> TestApp {
        TestApp::spawn_prepared("127.0.0.1:0", env, prepare).await
    }

    async fn spawn_prepared(
        listen: &str,
        env: &[(&str, &str)],
        prepare: impl FnOnce(&Path),
    ) -> TestApp {
        let data_dir = tempfile::tempdir().expect("create a temporary data dir");
        prepare(data_dir.path());
        let mut app = TestApp {
            address: String::new(),
            port: 0,
            http: http_client(false),
            data_dir,
            env: env
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            child: None,
            staff: Arc::default(),
            log: Arc::default(),
        };
        app.start(listen).await;
        app
    }

    /// Settings every test server gets unless the test overrides them: all requests of a test
    /// come from 127.0.0.1, so the per-address order limit would otherwise cut off load tests.
    const DEFAULT_ENV: [(&str, &str); 2] = [
        ("FORNO_ORDERS_PER_MINUTE", "100000"),
        ("FORNO_QUOTES_PER_MINUTE", "100000"),
    ];

    async fn start(&mut self, listen: &str) {
        // After kill -9 the old port can take a moment to be free again: retry a few times.
        for attempt in 0..20 {
            match self.try_start(listen).await {
                Ok(()) => return,
                Err(why) if attempt < 19 && !listen.ends_with(":0") => {
                    eprintln!("restart attempt {attempt} failed ({why}); retrying");
                    tokio::time::sleep(Duration::from_millis(250)).await;
                }
                Err(why) => panic!("forno serve did not start: {why}\n{}", self.log_text()),
            }
        }
    }

    async fn try_start(&mut self, listen: &str) -> Result<(), String> {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_forno"));
        cmd.arg("serve")
            .arg("--data-dir")
            .arg(self.data_dir.path())
            .arg("--listen")
            .arg(listen)
            .env_remove("FORNO_DEMO_ALWAYS_OPEN")
            .env("RUST_LOG", "warn")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        for (k, v) in Self::DEFAULT_ENV {
            cmd.env(k, v);
        }
        for (k, v) in &self.env {
            cmd.env(k, v);
        }
        let mut child = cmd.spawn().map_err(|e| format!("cannot run forno: {e}"))?;
        let (url_tx, mut url_rx) = tokio::sync::mpsc::unbounded_channel();
        let stdout = child.stdout.take().expect("piped stdout");
        let stderr = child.stderr.take().expect("piped stderr");
        let (staff, log) = (self.staff.clone(), self.log.clone());
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if let Some(account) = parse_pin_line(&line) {
                    staff.lock().unwrap().push(account);
                }
                if let Some(url) = parse_serving_line(&line) {
                    let _ = url_tx.send(url);
                }
                log.lock().unwrap().push(line);
            }
        });
        drain_into(stderr, self.log.clone());
        self.child = Some(child);
        match tokio::time::timeout(START_TIMEOUT, url_rx.recv()).await {
            Ok(Some(url)) => {
                self.port = url
                    .rsplit(':')
                    .next()
                    .and_then(|p| p.parse().ok())
                    .ok_or_else(|| format!("no port in {url:?}"))?;
                self.address = url;
                Ok(())
            }
            Ok(None) => {
                self.kill9();
                Err("the process ended before it said where it serves".into())
            }
            Err(_) => {
                self.kill9();
                Err(format!(
                    "no 'Forno is serving on' line within {START_TIMEOUT:?}"
                ))
            }
        }
    }

    /// The server's process id (to read its memory use from `/proc`).
    pub fn pid(&self) -> u32 {
        self.child.as_ref().expect("the server runs").id()
    }

    /// Kills the server the hard way (SIGKILL): no shutdown hook runs.
    pub fn kill9(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    /// Starts the server again on the same data dir and the same port, so that clients that
    /// remember the address can reconnect.
    pub async fn restart(&mut self) {
        self.kill9();
        let listen = format!("127.0.0.1:{}", self.port);
        self.start(&listen).await;
    }

    /// Waits up to five seconds for the server to print `needle`; false if it did not.
    pub async fn printed(&self, needle: &str) -> bool {
        for _ in 0..100 {
            if self.log_text().contains(needle) {
                return true;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        false
    }

    /// Stops the server the way a person closes it (SIGTERM), and waits until it has.
    pub fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = Command::new("kill")
                .arg("-TERM")
                .arg(child.id().to_string())
                .status();
            let _ = child.wait();
        }
    }

    /// Starts a stopped server again on the same data dir and port.
    pub async fn start_again(&mut self) {
        let listen = format!("127.0.0.1:{}", self.port);
        self.start(&listen).await;
    }

    /// Runs a `forno` tool on this server's data dir (`forno staff reset-pin NAME`), as a person
    /// at the shop's computer would, and returns what it printed.
    pub fn run_tool(&self, args: &[&str]) -> std::process::Output {
        Command::new(env!("CARGO_BIN_EXE_forno"))
            .args(args)
            .arg("--data-dir")
            .arg(self.data_dir.path())
            .env("RUST_LOG", "warn")
            .stdin(Stdio::null())
            .output()
            .expect("run the forno tool")
    }

    /// The server's data dir (database, backups, config).
    pub fn data_dir(&self) -> &Path {
        self.data_dir.path()
    }

    /// Everything the server printed so far (for failure messages).
    pub fn log_text(&self) -> String {
        self.log.lock().unwrap().join("\n")
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}/api/v1{path}", self.address)
    }

    pub fn ws_url(&self, path: &str) -> String {
        format!(
            "{}/api/v1{path}",
            self.address.replacen("http://", "ws://", 1)
        )
    }

    /// The staff accounts printed on the first start. Waits briefly, since the listing may be
    /// printed just after the serving line.
    pub async fn staff_accounts(&self) -> Vec<StaffAccount> {
        for _ in 0..50 {
            let staff = self.staff.lock().unwrap().clone();
            if ROLES
                .iter()
                .all(|role| staff.iter().any(|s| s.role == *role))
            {
                return staff;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!(
            "the first start did not print a PIN for every role ({ROLES:?}); printed:\n{}",
            self.log_text()
        )
    }

    pub async fn account(&self, role: &str) -> StaffAccount {
        self.staff_accounts()
            .await
            .into_iter()
            .find(|s| s.role == role)
            .unwrap_or_else(|| panic!("no {role} account printed"))
    }

    // ----- public router -----

    pub async fn healthz(&self) -> ApiResponse {
        send(self.http.get(self.url("/healthz"))).await
    }

    pub async fn shop(&self) -> ApiResponse {
        send(self.http.get(self.url("/shop"))).await
    }

    pub async fn shop_profile(&self) -> Shop {
        Shop::from_json(self.shop().await.ok("GET /shop"))
    }

    pub async fn menu_raw(&self) -> ApiResponse {
        send(self.http.get(self.url("/menu"))).await
    }

    pub async fn menu(&self) -> Menu {
        Menu::from_json(self.menu_raw().await.ok("GET /menu"))
    }

    pub async fn quote(&self, body: &Value) -> ApiResponse {
        send(self.http.post(self.url("/quote")).json(body)).await
    }

    pub async fn place_web_order(
        &self,
        body: &Value,
        idempotency_key: Option<&str>,
    ) -> ApiResponse {
        let mut req = self.http.post(self.url("/orders")).json(body);
        if let Some(key) = idempotency_key {
            req = req.header("Idempotency-Key", key);
        }
        send(req).await
    }

    /// Places a pickup web order for one `pizza` of its middle size; panics (with `what`) unless
    /// the shop answers 201. Returns the answer's body.
    pub async fn place_pizza_order(&self, pizza: &Item, what: &str) -> Value {
        self.place_web_order(
            &OrderBuilder::pickup()
                .line(pizza, pizza.middle_size())
                .json(),
            None,
        )
        .await
        .expect_status(201, what)
    }

    /// Sends raw bytes as a public order (for malformed and oversized bodies).
    pub async fn place_web_order_raw(&self, body: impl Into<reqwest::Body>) -> ApiResponse {
        send(
            self.http
                .post(self.url("/orders"))
                .header(CONTENT_TYPE, "application/json")
                .body(body),
        )
        .await
    }

    pub async fn track(&self, token: &str) -> ApiResponse {
        send(self.http.get(self.url(&format!("/orders/track/{token}")))).await
    }

    // ----- staff router -----

    pub async fn post_login(&self, name: &str, pin: &str) -> ApiResponse {
        send(
            http_client(false)
                .post(self.url("/auth/login"))
                .json(&json!({ "name": name, "pin": pin })),
        )
        .await
    }

    /// Logs in as the first printed account of `role` and returns a client holding its session.
    pub async fn login(&self, role: &str) -> StaffClient {
        let account = self.account(role).await;
        let http = http_client(true);
        let resp = send(
            http.post(self.url("/auth/login"))
                .json(&json!({ "name": account.name, "pin": account.pin })),
        )
        .await;
        let body = resp.ok(&format!("login as {role} {}", account.name));
        let token = body["token"]
            .as_str()
            .unwrap_or_else(|| panic!("login answer has no token: {body}"))
            .to_string();
        StaffClient {
            http,
            base: self.url(""),
            token,
            account,
        }
    }

    /// A staff client that sends a session nobody issued.
    pub fn forged_staff(
        &self,
        cookie: Option<&str>,
        bearer: Option<&str>,
    ) -> reqwest::RequestBuilder {
        let mut req = http_client(false).get(self.url("/orders"));
        if let Some(c) = cookie {
            req = req.header("Cookie", format!("forno_session={c}"));
        }
        if let Some(t) = bearer {
            req = req.header("Authorization", format!("Bearer {t}"));
        }
        req
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        self.kill9();
    }
}

fn drain_into(pipe: impl Read + Send + 'static, log: Arc<Mutex<Vec<String>>>) {
    std::thread::spawn(move || {
        for line in BufReader::new(pipe).lines() {
            let Ok(line) = line else { break };
            log.lock().unwrap().push(line);
        }
    });
}

/// A client that reads English: the tests assert the server's English wording unless they are
/// about the language (`client_reading`).
pub fn http_client(cookies: bool) -> reqwest::Client {
    client_reading(cookies, Some("en"))
}

/// A client that sends `accept_language` with every request (or no `Accept-Language` at all).
pub fn client_reading(cookies: bool, accept_language: Option<&str>) -> reqwest::Client {
    let mut headers = reqwest::header::HeaderMap::new();
    if let Some(lang) = accept_language {
        headers.insert(
            reqwest::header::ACCEPT_LANGUAGE,
            lang.parse().expect("a valid Accept-Language header"),
        );
    }
    reqwest::Client::builder()
        .cookie_store(cookies)
        .timeout(REQUEST_TIMEOUT)
        .default_headers(headers)
        .build()
        .expect("build an HTTP client")
}
