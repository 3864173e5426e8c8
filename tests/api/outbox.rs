//! The outbox through the running server (ARCHITECTURE.md "The next layer": one outbox): jobs
//! are listed for the owner and manager, counted in `/healthz`, retried with growing waits, and
//! a `kill -9` loses none of them. The jobs are the test kinds a server started with
//! `FORNO_TEST_JOBS=1` runs: `test.echo` (may run twice) and `test.print` (a printer: an
//! interrupted run is left for a person). They write what they do to `test-jobs.log` in the
//! data dir: `run ID KEY ATTEMPT UNIX_MS` and `done ID KEY UNIX_MS`.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use crate::common::*;
use serde_json::{Value, json};

async fn spawn_with_test_jobs() -> TestApp {
    TestApp::spawn_with(&[("FORNO_DEMO_ALWAYS_OPEN", "1"), ("FORNO_TEST_JOBS", "1")]).await
}

fn echo(payload: Value) -> Value {
    json!({ "kind": "test.echo", "payload": payload })
}

/// The jobs `query` lists, all of them.
async fn jobs(staff: &StaffClient, query: &str) -> Vec<Value> {
    let page = staff
        .outbox(&format!("{query}&limit=500"))
        .await
        .ok(&format!("GET /outbox?{query}"));
    page["jobs"].as_array().cloned().unwrap_or_default()
}

fn ids(jobs: &[Value]) -> Vec<i64> {
    jobs.iter().map(id_of).collect()
}

/// Waits until none of the jobs in `ids` is queued or in progress; returns them by id.
async fn settled(staff: &StaffClient, ids: &[i64], within: Duration) -> BTreeMap<i64, Value> {
    let started = Instant::now();
    loop {
        let all: BTreeMap<i64, Value> = jobs(staff, "")
            .await
            .into_iter()
            .map(|job| (id_of(&job), job))
            .collect();
        let open: Vec<&Value> = ids
            .iter()
            .filter_map(|id| all.get(id))
            .filter(|job| job["state"] == "queued" || job["state"] == "in_progress")
            .collect();
        if open.is_empty() && ids.iter().all(|id| all.contains_key(id)) {
            return all;
        }
        assert!(
            started.elapsed() < within,
            "jobs still open after {within:?}: {open:#?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// One line of `test-jobs.log`.
#[derive(Debug, Clone)]
struct LogLine {
    done: bool,
    job: i64,
    key: String,
    attempt: Option<u32>,
    unix_ms: i64,
}

fn job_log(app: &TestApp) -> Vec<LogLine> {
    let text = std::fs::read_to_string(app.data_dir().join("test-jobs.log")).unwrap_or_default();
    text.lines()
        .map(|line| {
            let parts: Vec<&str> = line.split(' ').collect();
            match parts.as_slice() {
                ["run", id, key, attempt, ms] => LogLine {
                    done: false,
                    job: id.parse().unwrap(),
                    key: key.to_string(),
                    attempt: Some(attempt.parse().unwrap()),
                    unix_ms: ms.parse().unwrap(),
                },
                ["done", id, key, ms] => LogLine {
                    done: true,
                    job: id.parse().unwrap(),
                    key: key.to_string(),
                    attempt: None,
                    unix_ms: ms.parse().unwrap(),
                },
                _ => panic!("a line test-jobs.log should not have: {line:?}"),
            }
        })
        .collect()
}

fn health_outbox(health: &Value) -> [i64; 4] {
    let outbox = &health["outbox"];
    ["queued", "in_progress", "failed", "needs_attention"].map(|state| {
        outbox[state]
            .as_i64()
            .unwrap_or_else(|| panic!("/healthz has no outbox.{state}: {health}"))
    })
}

#[tokio::test]
async fn the_owner_and_manager_see_the_outbox_and_healthz_counts_it() {
    let app = spawn_with_test_jobs().await;
    let owner = app.login("owner").await;
    let fresh = app.healthz().await.ok("GET /healthz");
    assert_eq!(health_outbox(&fresh), [0, 0, 0, 0], "{fresh}");

    let menu = app.menu().await;
    let order = app
        .place_pizza_order(menu.pizza(), "an order for a job")
        .await;
    let order_id = id_of(&owner.order_by_number(number_of(&order)).await);
    let enqueued = owner
        .enqueue_test_jobs(&[
            echo(json!({ "text": "one" })),
            json!({ "kind": "test.echo", "target": "Keuken", "order_id": order_id,
                    "payload": { "text": "for the order" } }),
            echo(json!({ "fail_permanently": true })),
            // Still running when the counts are read.
            echo(json!({ "sleep_ms": 20_000 })),
        ])
        .await
        .expect_status(201, "enqueue test jobs");
    let enqueued = enqueued.as_array().unwrap().clone();
    assert_eq!(enqueued.len(), 4);
    for job in &enqueued {
        assert_eq!(job["state"], "queued", "{job}");
        let key = job["idempotency_key"].as_str().unwrap();
        assert!(
            key.starts_with(&format!("forno-test.echo-{}-", id_of(job))),
            "{key}"
        );
    }
    let (quick, slow) = (ids(&enqueued[..3]), id_of(&enqueued[3]));
    let all = settled(&owner, &quick, Duration::from_secs(30)).await;
    assert_eq!(
        all[&quick[0]]["outcome"]["echo"], "one",
        "{}",
        all[&quick[0]]
    );
    assert_eq!(all[&quick[1]]["target"], "Keuken");
    assert_eq!(all[&quick[1]]["order_id"], order_id);
    let failed = &all[&quick[2]];
    assert_eq!(failed["state"], "failed", "{failed}");
    assert_eq!(
        failed["attempts"], 1,
        "a permanent error is not retried: {failed}"
    );
    assert!(
        failed["last_error"]
            .as_str()
            .unwrap()
            .contains("fail for good"),
        "{failed}"
    );

    let counted = tokio::time::timeout(Duration::from_secs(10), async {
        loop {
            let health = app.healthz().await.ok("GET /healthz");
            if health_outbox(&health) == [0, 1, 1, 0] {
                return health;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    })
    .await;
    assert!(
        counted.is_ok(),
        "/healthz never counted 1 in progress and 1 failed: {}",
        app.healthz().await.text
    );
    let public = app
        .http
        .get(format!("{}/healthz", app.address))
        .send()
        .await
        .unwrap();
    let public: Value = public.json().await.unwrap();
    assert_eq!(health_outbox(&public), [0, 1, 1, 0], "/healthz at the root");

    // Filters.
    assert_eq!(
        ids(&jobs(&owner, "state=done").await),
        [quick[1], quick[0]],
        "newest first"
    );
    assert_eq!(
        ids(&jobs(&owner, "state=failed,in_progress").await),
        [slow, quick[2]]
    );
    assert_eq!(
        ids(&jobs(&owner, &format!("order_id={order_id}")).await),
        [quick[1]]
    );
    assert_eq!(jobs(&owner, "kind=test.echo").await.len(), 4);
    assert!(jobs(&owner, "kind=print.ticket").await.is_empty());
    let page = owner.outbox("limit=1&offset=1").await.ok("a page of one");
    assert_eq!(
        (
            page["jobs"].as_array().unwrap().len(),
            page["total"].as_i64()
        ),
        (1, Some(4))
    );
    assert_eq!(id_of(&page["jobs"][0]), quick[2]);

    // Bad filters name their parameter.
    for (query, field) in [
        ("state=lost", "state"),
        ("state=done,nope", "state"),
        ("order_id=abc", "order_id"),
        ("limit=lots", "limit"),
        ("offset=-x", "offset"),
    ] {
        let problem = owner.outbox(query).await.problem(400, query);
        assert_eq!(problem.field.as_deref(), Some(field), "{query}");
    }

    // Who may look.
    let manager = app.login("manager").await;
    assert_eq!(jobs(&manager, "").await.len(), 4);
    for role in ["cashier", "kitchen"] {
        let staff = app.login(role).await;
        staff.outbox("").await.problem(403, role);
        staff
            .enqueue_test_jobs(&[echo(json!({}))])
            .await
            .problem(403, &format!("{role} enqueues"));
    }
    let anonymous = send(app.http.get(app.url("/outbox"))).await;
    anonymous.problem(401, "no session");

    // A refused enqueue writes nothing.
    for (job, field) in [
        (json!({ "kind": "print.ticket" }), "jobs[0].kind"),
        (
            json!({ "kind": "test.echo", "max_attempts": 0 }),
            "jobs[0].max_attempts",
        ),
        (
            json!({ "kind": "test.echo", "order_id": 999_999 }),
            "jobs[0].order_id",
        ),
    ] {
        let refused = owner.enqueue_test_jobs(&[echo(json!({})), job]).await;
        let problem = refused.problem(422, "a bad test job");
        assert_eq!(
            problem.field.as_deref(),
            Some(field.replace("[0]", "[1]").as_str())
        );
    }
    assert_eq!(
        owner.outbox("").await.ok("GET /outbox")["total"],
        4,
        "a refused batch enqueued some of its jobs"
    );
}

#[tokio::test]
async fn without_test_jobs_there_is_no_test_endpoint_and_an_empty_outbox() {
    let app = spawn_app().await;
    let owner = app.login("owner").await;
    owner
        .enqueue_test_jobs(&[echo(json!({}))])
        .await
        .problem(404, "POST /test/jobs without FORNO_TEST_JOBS");
    let page = owner.outbox("").await.ok("GET /outbox");
    assert_eq!(page["total"], 0, "{page}");
    assert_eq!(
        health_outbox(&app.healthz().await.ok("GET /healthz")),
        [0; 4]
    );
    let openapi = send(app.http.get(app.url("/openapi.json")))
        .await
        .ok("openapi");
    assert!(openapi["paths"]["/api/v1/outbox"]["get"].is_object());
    assert!(
        openapi["paths"].get("/api/v1/test/jobs").is_none(),
        "the test endpoint is documented"
    );
}

#[tokio::test]
async fn a_failing_job_is_retried_with_growing_waits_and_ends_failed_with_its_reason() {
    let app = spawn_with_test_jobs().await;
    let owner = app.login("owner").await;
    let enqueued = owner
        .enqueue_test_jobs(&[
            json!({ "kind": "test.echo", "max_attempts": 4, "payload": { "fail_attempts": 99 } }),
            json!({ "kind": "test.echo", "max_attempts": 5, "payload": { "fail_attempts": 2 } }),
        ])
        .await
        .expect_status(201, "enqueue failing jobs");
    let (hopeless, lucky) = (id_of(&enqueued[0]), id_of(&enqueued[1]));
    let all = settled(&owner, &[hopeless, lucky], Duration::from_secs(60)).await;

    let failed = &all[&hopeless];
    assert_eq!(failed["state"], "failed", "{failed}");
    assert_eq!(failed["attempts"], 4, "{failed}");
    let reason = failed["last_error"].as_str().unwrap();
    assert!(
        reason.contains("attempt 4") && reason.contains("gave up after 4 attempts"),
        "{reason}"
    );
    let done = &all[&lucky];
    assert_eq!(done["state"], "done", "{done}");
    assert_eq!(done["attempts"], 3, "{done}");
    assert_eq!(done["outcome"]["attempt"], 3);

    let log = job_log(&app);
    let runs: Vec<&LogLine> = log
        .iter()
        .filter(|l| l.job == hopeless && !l.done)
        .collect();
    assert_eq!(
        runs.iter().map(|l| l.attempt.unwrap()).collect::<Vec<_>>(),
        [1, 2, 3, 4]
    );
    assert!(runs.iter().all(|l| l.key == enqueued[0]["idempotency_key"]));
    let waits: Vec<i64> = runs
        .windows(2)
        .map(|w| w[1].unix_ms - w[0].unix_ms)
        .collect();
    eprintln!("waits between attempts (ms): {waits:?}");
    // The test kinds back off from 400 ms, doubling, the upper half random: 200–400,
    // 400–800, 800–1600 ms.
    assert!(waits[0] >= 190, "{waits:?}");
    assert!(
        waits[1] + 15 >= waits[0] && waits[2] + 15 >= waits[1],
        "{waits:?}"
    );
    assert!(
        waits[2] >= 2 * waits[0] - 15,
        "the waits do not grow: {waits:?}"
    );
    assert!(!log.iter().any(|l| l.job == hopeless && l.done));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn jobs_in_flight_at_a_kill_9_are_all_done_after_the_restart_and_a_print_asks_a_person() {
    let mut app = spawn_with_test_jobs().await;
    app.staff_accounts().await;
    let owner = app.login("owner").await;
    let mut batch: Vec<Value> = (0..12)
        .map(|n| echo(json!({ "sleep_ms": 1500, "text": format!("mail {n}") })))
        .collect();
    // A ticket printing when the server dies, and one still waiting for the printer.
    batch
        .push(json!({ "kind": "test.print", "target": "Keuken", "payload": { "sleep_ms": 4000 } }));
    batch.push(json!({ "kind": "test.print", "target": "Keuken", "payload": {} }));
    let enqueued = owner
        .enqueue_test_jobs(&batch)
        .await
        .expect_status(201, "enqueue the jobs");
    let enqueued = enqueued.as_array().unwrap().clone();
    let echoes = ids(&enqueued[..12]);
    let (printing, waiting) = (id_of(&enqueued[12]), id_of(&enqueued[13]));

    // Kill once the ticket and some mails are running, before the mails are through.
    let started = Instant::now();
    loop {
        let log = job_log(&app);
        let running = log
            .iter()
            .filter(|l| !l.done && echoes.contains(&l.job))
            .count();
        if log.iter().any(|l| l.job == printing) && running >= 4 {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "the jobs never started: {log:?}"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    app.kill9();
    let before = job_log(&app);
    let done_before = before.iter().filter(|l| l.done).count();
    let in_flight: Vec<i64> = echoes
        .iter()
        .copied()
        .filter(|id| {
            before.iter().any(|l| l.job == *id && !l.done)
                && !before.iter().any(|l| l.job == *id && l.done)
        })
        .collect();
    eprintln!("at the kill: {done_before} done, mails in flight: {in_flight:?}");
    assert!(!in_flight.is_empty(), "no mail was in flight at the kill");
    assert!(
        !before.iter().any(|l| l.job == printing && l.done),
        "the ticket finished before the kill"
    );

    app.restart().await;
    let mut all_ids = echoes.clone();
    all_ids.extend([printing, waiting]);
    let all = settled(&owner, &all_ids, Duration::from_secs(60)).await;

    let log = job_log(&app);
    for id in &echoes {
        let job = &all[id];
        assert_eq!(job["state"], "done", "a mail was lost: {job}");
        let lines: Vec<&LogLine> = log.iter().filter(|l| l.job == *id).collect();
        assert!(
            lines.iter().any(|l| l.done),
            "mail {id} never finished: {lines:?}"
        );
        assert!(
            lines.iter().all(|l| l.key == job["idempotency_key"]),
            "mail {id} ran under different keys: {lines:?} vs {job}"
        );
    }
    for id in &in_flight {
        let runs = log.iter().filter(|l| l.job == *id && !l.done).count();
        assert_eq!(runs, 2, "mail {id} was in flight: it runs again, once");
        assert_eq!(all[id]["attempts"], 2);
    }
    let ticket = &all[&printing];
    assert_eq!(ticket["state"], "needs_attention", "{ticket}");
    assert_eq!(ticket["attempts"], 1, "{ticket}");
    assert!(
        ticket["last_error"].as_str().unwrap().contains("check"),
        "{ticket}"
    );
    assert_eq!(
        log.iter().filter(|l| l.job == printing).count(),
        1,
        "the ticket was printed again after the crash"
    );
    assert_eq!(
        all[&waiting]["state"], "done",
        "the waiting ticket prints normally"
    );
    let health = app.healthz().await.ok("GET /healthz");
    assert_eq!(health_outbox(&health), [0, 0, 0, 1], "{health}");
    let attention = jobs(&owner, "state=needs_attention").await;
    assert_eq!(ids(&attention), [printing]);
}
