//! The outbox's worker runtime against a real SQLite file: claims never overlap, failures are
//! retried with growing waits, interrupted runs follow their handler's rule, and a new job is
//! picked up as soon as it is committed.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use chrono::Utc;
use forno_app::workers::{Backoff, Effect, JobError, JobHandler, OutboxWaker, RunFuture, Workers};
use forno_app::{Job, JobState};
use forno_store::Store;
use forno_store::outbox::{self, NewJob};
use serde_json::json;

/// One run as a handler saw it.
#[derive(Debug, Clone)]
struct Run {
    job: i64,
    attempt: u32,
    key: String,
    worker: &'static str,
    at: Instant,
}

type Runs = Arc<Mutex<Vec<Run>>>;

/// What a test handler does on each attempt.
#[derive(Clone, Copy)]
enum Behaviour {
    /// Succeeds after a short, varying pause (so runs interleave).
    Succeed,
    /// Fails every attempt, retryably.
    AlwaysFail,
    /// The first attempt never ends (a hung printer); later ones succeed.
    HangOnce,
}

struct Recorder {
    kind: &'static str,
    worker: &'static str,
    effect: Effect,
    behaviour: Behaviour,
    lease: Duration,
    runs: Runs,
    /// The first runs wait (up to 10 s) until this many workers have started a run, so that
    /// several workers certainly work at the same time.
    rendezvous: usize,
}

impl JobHandler for Recorder {
    fn kinds(&self) -> Vec<String> {
        vec![self.kind.to_owned()]
    }
    fn effect(&self) -> Effect {
        self.effect
    }
    fn lease(&self) -> Duration {
        self.lease
    }
    fn concurrency(&self) -> usize {
        4
    }
    fn backoff(&self) -> Backoff {
        Backoff {
            first: Duration::from_millis(200),
            max: Duration::from_secs(5),
        }
    }
    fn run<'a>(&'a self, job: &'a Job) -> RunFuture<'a> {
        Box::pin(async move {
            self.runs.lock().unwrap().push(Run {
                job: job.id,
                attempt: job.attempts,
                key: job.idempotency_key.clone(),
                worker: self.worker,
                at: Instant::now(),
            });
            let started_by = Instant::now();
            let met = || {
                let runs = self.runs.lock().unwrap();
                runs.iter().map(|r| r.worker).collect::<HashSet<_>>().len() >= self.rendezvous
            };
            while !met() && started_by.elapsed() < Duration::from_secs(10) {
                tokio::time::sleep(Duration::from_millis(5)).await;
            }
            match self.behaviour {
                Behaviour::Succeed => {
                    tokio::time::sleep(Duration::from_micros((job.id as u64 % 7) * 300)).await;
                    Ok(json!({ "by": self.worker }))
                }
                Behaviour::AlwaysFail => Err(JobError::Retry(format!(
                    "printer Keuken is offline (attempt {})",
                    job.attempts
                ))),
                Behaviour::HangOnce if job.attempts == 1 => {
                    std::future::pending::<()>().await;
                    unreachable!()
                }
                Behaviour::HangOnce => Ok(json!("second time lucky")),
            }
        })
    }
}

fn recorder(
    kind: &'static str,
    worker: &'static str,
    behaviour: Behaviour,
    runs: &Runs,
) -> Arc<dyn JobHandler> {
    Arc::new(Recorder {
        kind,
        worker,
        effect: Effect::AtLeastOnce,
        behaviour,
        lease: Duration::from_secs(30),
        runs: runs.clone(),
        rendezvous: 1,
    })
}

/// A worker's handler that starts working only once `workers` workers have each started a run.
fn meeting(worker: &'static str, workers: usize, runs: &Runs) -> Arc<dyn JobHandler> {
    Arc::new(Recorder {
        kind: "test.count",
        worker,
        effect: Effect::AtLeastOnce,
        behaviour: Behaviour::Succeed,
        lease: Duration::from_secs(30),
        runs: runs.clone(),
        rendezvous: workers,
    })
}

fn open(dir: &tempfile::TempDir) -> Store {
    Store::open(
        &dir.path().join("forno.sqlite"),
        &dir.path().join("backups"),
    )
    .unwrap()
}

async fn enqueue(store: &Store, kind: &str, count: usize, max_attempts: u32) -> Vec<Job> {
    let kind = kind.to_owned();
    store
        .write(
            move |conn| {
                (0..count)
                    .map(|n| {
                        let job = NewJob {
                            kind: kind.clone(),
                            target: String::new(),
                            payload: json!({ "n": n }),
                            order_id: None,
                            max_attempts,
                            due_at: Utc::now(),
                        };
                        outbox::enqueue(conn, &job, Utc::now())
                    })
                    .collect::<Result<Vec<_>, _>>()
            },
            |_| {},
        )
        .await
        .unwrap()
}

fn job(store: &Store, id: i64) -> Job {
    store.read(|conn| outbox::get(conn, id)).unwrap().unwrap()
}

/// Waits until every job in `ids` has left `queued`/`in_progress`.
async fn settled(store: &Store, ids: &[i64], within: Duration) -> Vec<Job> {
    let started = Instant::now();
    loop {
        let jobs: Vec<Job> = ids.iter().map(|id| job(store, *id)).collect();
        if jobs
            .iter()
            .all(|j| !matches!(j.state, JobState::Queued | JobState::InProgress))
        {
            return jobs;
        }
        assert!(
            started.elapsed() < within,
            "jobs still open after {within:?}: {:?}",
            jobs.iter()
                .filter(|j| matches!(j.state, JobState::Queued | JobState::InProgress))
                .map(|j| (j.id, j.state, j.attempts))
                .collect::<Vec<_>>()
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_workers_on_one_database_never_run_the_same_job() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (open(&dir), open(&dir));
    let jobs = enqueue(&a, "test.count", 300, 3).await;
    let runs: Runs = Arc::default();
    let first = Workers::start(
        a.clone(),
        OutboxWaker::default(),
        vec![meeting("a", 2, &runs)],
    );
    let second = Workers::start(
        b.clone(),
        OutboxWaker::default(),
        vec![meeting("b", 2, &runs)],
    );
    let ids: Vec<i64> = jobs.iter().map(|j| j.id).collect();
    let done = settled(&a, &ids, Duration::from_secs(120)).await;
    first.shutdown(Duration::from_secs(5)).await;
    second.shutdown(Duration::from_secs(5)).await;

    assert!(
        done.iter()
            .all(|j| j.state == JobState::Done && j.attempts == 1)
    );
    let runs = runs.lock().unwrap().clone();
    let mut per_job: HashMap<i64, Vec<&Run>> = HashMap::new();
    for run in &runs {
        per_job.entry(run.job).or_default().push(run);
    }
    let twice: Vec<_> = per_job.iter().filter(|(_, r)| r.len() > 1).collect();
    assert!(twice.is_empty(), "jobs run more than once: {twice:?}");
    assert_eq!(per_job.len(), jobs.len(), "every job ran");
    for job in &done {
        let by = job.outcome.as_ref().unwrap()["by"].as_str().unwrap();
        assert_eq!(
            by, per_job[&job.id][0].worker,
            "the outcome of job {} is its run's",
            job.id
        );
    }
    let by_a = runs.iter().filter(|r| r.worker == "a").count();
    eprintln!("worker a ran {by_a} jobs, worker b {}", runs.len() - by_a);
    assert!(
        by_a > 0 && by_a < runs.len(),
        "both workers took part ({by_a} of {} by a)",
        runs.len()
    );
    a.close();
    b.close();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failing_job_waits_longer_each_time_then_fails_with_its_reason() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(&dir);
    let runs: Runs = Arc::default();
    let jobs = enqueue(&store, "test.offline", 1, 4).await;
    let workers = Workers::start(
        store.clone(),
        OutboxWaker::default(),
        vec![recorder("test.offline", "a", Behaviour::AlwaysFail, &runs)],
    );
    let ended = settled(&store, &[jobs[0].id], Duration::from_secs(30)).await;
    workers.shutdown(Duration::from_secs(5)).await;

    let failed = &ended[0];
    assert_eq!(failed.state, JobState::Failed);
    assert_eq!(failed.attempts, 4);
    let error = failed.last_error.as_deref().unwrap();
    assert!(
        error.contains("printer Keuken is offline (attempt 4)")
            && error.contains("after 4 attempts"),
        "{error}"
    );
    let runs = runs.lock().unwrap().clone();
    assert_eq!(
        runs.iter().map(|r| r.attempt).collect::<Vec<_>>(),
        [1, 2, 3, 4]
    );
    assert!(
        runs.iter().all(|r| r.key == jobs[0].idempotency_key),
        "one key for every attempt"
    );
    let waits: Vec<Duration> = runs.windows(2).map(|w| w[1].at - w[0].at).collect();
    eprintln!("waits between attempts: {waits:?}");
    // Backoff 200 ms doubling, upper half random: 100–200, 200–400, 400–800 ms.
    let slack = Duration::from_millis(15);
    assert!(waits[0] >= Duration::from_millis(100) - slack, "{waits:?}");
    for pair in waits.windows(2) {
        assert!(
            pair[1] + slack >= pair[0],
            "a later wait is shorter: {waits:?}"
        );
    }
    assert!(
        waits[2] >= waits[0] * 2 - slack,
        "the waits do not grow: {waits:?}"
    );
    store.close();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_run_that_outlives_its_lease_runs_again_or_waits_for_a_person() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(&dir);
    let runs: Runs = Arc::default();
    let mail = enqueue(&store, "test.mail", 1, 3).await;
    let ticket = enqueue(&store, "test.ticket", 1, 3).await;
    let hung = |kind, effect| -> Arc<dyn JobHandler> {
        Arc::new(Recorder {
            kind,
            worker: "a",
            effect,
            behaviour: Behaviour::HangOnce,
            lease: Duration::from_millis(300),
            runs: runs.clone(),
            rendezvous: 1,
        })
    };
    let workers = Workers::start(
        store.clone(),
        OutboxWaker::default(),
        vec![
            hung("test.mail", Effect::AtLeastOnce),
            hung("test.ticket", Effect::AskAPerson),
        ],
    );
    let ended = settled(&store, &[mail[0].id, ticket[0].id], Duration::from_secs(30)).await;
    workers.shutdown(Duration::from_secs(5)).await;

    assert_eq!(
        ended[0].state,
        JobState::Done,
        "the mail ran again: {:?}",
        ended[0]
    );
    assert_eq!(ended[0].attempts, 2);
    assert_eq!(ended[1].state, JobState::NeedsAttention, "{:?}", ended[1]);
    assert_eq!(ended[1].attempts, 1, "the ticket was not printed again");
    assert!(
        ended[1].last_error.as_deref().unwrap().contains("check"),
        "{:?}",
        ended[1].last_error
    );
    let runs = runs.lock().unwrap().clone();
    let keys: Vec<&str> = runs
        .iter()
        .filter(|r| r.job == mail[0].id)
        .map(|r| r.key.as_str())
        .collect();
    assert_eq!(keys, [mail[0].idempotency_key.as_str(); 2]);
    store.close();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_committed_job_is_picked_up_at_once_not_at_the_next_poll() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(&dir);
    let runs: Runs = Arc::default();
    let waker = OutboxWaker::default();
    let workers = Workers::start(
        store.clone(),
        waker.clone(),
        vec![recorder("test.count", "a", Behaviour::Succeed, &runs)],
    );
    // Let the worker find nothing and go to sleep.
    tokio::time::sleep(Duration::from_millis(300)).await;
    let committed = Instant::now();
    let wake = waker.clone();
    let id = store
        .write(
            |conn| {
                let job = NewJob {
                    kind: "test.count".into(),
                    target: String::new(),
                    payload: json!({}),
                    order_id: None,
                    max_attempts: 1,
                    due_at: Utc::now(),
                };
                outbox::enqueue(conn, &job, Utc::now()).map(|j| j.id)
            },
            move |_| wake.wake(),
        )
        .await
        .unwrap();
    settled(&store, &[id], Duration::from_secs(30)).await;
    let took = committed.elapsed();
    eprintln!("commit to done: {took:?}");
    assert!(
        took < Duration::from_secs(2),
        "the worker waited for its poll: {took:?}"
    );
    workers.shutdown(Duration::from_secs(5)).await;
    store.close();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn stopping_waits_for_a_hung_run_only_as_long_as_it_was_told() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(&dir);
    let runs: Runs = Arc::default();
    let jobs = enqueue(&store, "test.ticket", 1, 3).await;
    let workers = Workers::start(
        store.clone(),
        OutboxWaker::default(),
        vec![recorder("test.ticket", "a", Behaviour::HangOnce, &runs)],
    );
    while runs.lock().unwrap().is_empty() {
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    let stopping = Instant::now();
    workers.shutdown(Duration::from_millis(300)).await;
    let took = stopping.elapsed();
    assert!(took < Duration::from_secs(2), "shutdown took {took:?}");
    let left = job(&store, jobs[0].id);
    assert_eq!(
        left.state,
        JobState::InProgress,
        "the hung run is dropped, its job left for the next start to settle"
    );
    store.close();
}
