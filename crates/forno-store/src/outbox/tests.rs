use chrono::{Duration, TimeZone};
use serde_json::json;

use super::*;
use crate::Store;

fn t(seconds: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 25, 17, 0, 0).unwrap() + Duration::seconds(seconds)
}

/// A migrated database on a plain connection, for synchronous tests of single statements.
fn migrated() -> (tempfile::TempDir, Connection) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("forno.sqlite");
    Store::open(&path, &dir.path().join("backups"))
        .unwrap()
        .close();
    let conn = Connection::open(&path).unwrap();
    conn.execute_batch("PRAGMA foreign_keys = ON;").unwrap();
    (dir, conn)
}

fn job(kind: &str, due_at: DateTime<Utc>) -> NewJob {
    NewJob {
        kind: kind.into(),
        target: "Keuken".into(),
        payload: json!({ "ticket": 7 }),
        order_id: None,
        max_attempts: 3,
        due_at,
    }
}

fn kinds(names: &[&str]) -> Vec<String> {
    names.iter().map(|n| n.to_string()).collect()
}

fn claim_at(conn: &Connection, kinds: &[String], rerun: &[String], now: DateTime<Utc>) -> Vec<Job> {
    super::claim(
        conn,
        &Claim {
            kinds,
            rerun_kinds: rerun,
            now,
            until: now + Duration::seconds(30),
            limit: 10,
        },
    )
    .unwrap()
}

#[test]
fn a_new_job_is_queued_with_a_key_of_its_own() {
    let (_dir, conn) = migrated();
    let a = enqueue(&conn, &job("print.ticket", t(0)), t(0)).unwrap();
    let b = enqueue(&conn, &job("print.ticket", t(0)), t(0)).unwrap();
    assert_eq!(a.state, JobState::Queued);
    assert_eq!((a.attempts, a.max_attempts), (0, 3));
    assert_eq!(a.payload, json!({ "ticket": 7 }));
    assert_eq!(a.target, "Keuken");
    let prefix = format!("forno-print.ticket-{}-", a.id);
    let suffix = a
        .idempotency_key
        .strip_prefix(&prefix)
        .unwrap_or_else(|| panic!("key {:?} does not start with {prefix:?}", a.idempotency_key));
    assert!(suffix.len() == 8 && suffix.bytes().all(|b| b.is_ascii_hexdigit()));
    assert_ne!(a.idempotency_key, b.idempotency_key);
    assert_eq!(get(&conn, a.id).unwrap(), Some(a));
}

#[test]
fn a_claim_takes_due_jobs_of_its_kinds_only() {
    let (_dir, conn) = migrated();
    let due = enqueue(&conn, &job("print.ticket", t(0)), t(0)).unwrap();
    let later = enqueue(&conn, &job("print.ticket", t(60)), t(0)).unwrap();
    let other = enqueue(&conn, &job("email.confirmation", t(0)), t(0)).unwrap();
    let printing = kinds(&["print.ticket"]);

    let claimed = claim_at(&conn, &printing, &[], t(1));
    assert_eq!(claimed.iter().map(|j| j.id).collect::<Vec<_>>(), [due.id]);
    let claimed = &claimed[0];
    assert_eq!(claimed.state, JobState::InProgress);
    assert_eq!(claimed.attempts, 1);
    assert_eq!(claimed.claimed_until, Some(t(31)));
    assert_eq!(claimed.idempotency_key, due.idempotency_key);

    assert!(
        claim_at(&conn, &printing, &[], t(2)).is_empty(),
        "claimed twice"
    );
    assert_eq!(
        get(&conn, other.id).unwrap().unwrap().state,
        JobState::Queued
    );
    let at_its_time = claim_at(&conn, &printing, &[], t(60));
    assert_eq!(
        at_its_time.iter().map(|j| j.id).collect::<Vec<_>>(),
        [later.id]
    );
}

#[test]
fn an_interrupted_run_runs_again_or_waits_for_a_person() {
    let (_dir, conn) = migrated();
    let mail = enqueue(&conn, &job("email.confirmation", t(0)), t(0)).unwrap();
    let ticket = enqueue(&conn, &job("print.ticket", t(0)), t(0)).unwrap();
    let all = kinds(&["email.confirmation", "print.ticket"]);
    let rerun = kinds(&["email.confirmation"]);
    let ask = kinds(&["print.ticket"]);
    assert_eq!(claim_at(&conn, &all, &rerun, t(0)).len(), 2);

    // The worker dies; its leases run out at t(30).
    let settled = settle_interrupted(&conn, &ask, &rerun, "ask", "gave up", t(31)).unwrap();
    assert_eq!(
        settled.iter().map(|j| j.id).collect::<Vec<_>>(),
        [ticket.id]
    );
    assert_eq!(settled[0].state, JobState::NeedsAttention);
    assert_eq!(settled[0].last_error.as_deref(), Some("ask"));
    assert_eq!(settled[0].claimed_until, None);

    let again = claim_at(&conn, &all, &rerun, t(31));
    assert_eq!(again.iter().map(|j| j.id).collect::<Vec<_>>(), [mail.id]);
    assert_eq!(again[0].attempts, 2);
    assert_eq!(again[0].idempotency_key, mail.idempotency_key);
    assert_eq!(
        get(&conn, ticket.id).unwrap().unwrap().state,
        JobState::NeedsAttention,
        "a job waiting for a person is never claimed"
    );
}

#[test]
fn a_job_interrupted_on_every_attempt_fails() {
    let (_dir, conn) = migrated();
    let mail = enqueue(&conn, &job("email.confirmation", t(0)), t(0)).unwrap();
    let rerun = kinds(&["email.confirmation"]);
    for attempt in 0..3 {
        let now = t(attempt * 31);
        assert_eq!(
            claim_at(&conn, &rerun, &rerun, now).len(),
            1,
            "attempt {attempt}"
        );
        assert!(
            settle_interrupted(&conn, &[], &rerun, "ask", "gave up", now)
                .unwrap()
                .is_empty()
        );
    }
    assert!(
        claim_at(&conn, &rerun, &rerun, t(93)).is_empty(),
        "a fourth attempt"
    );
    let settled = settle_interrupted(&conn, &[], &rerun, "ask", "gave up", t(93)).unwrap();
    assert_eq!(settled.len(), 1);
    assert_eq!(settled[0].id, mail.id);
    assert_eq!(settled[0].state, JobState::Failed);
    assert_eq!(settled[0].last_error.as_deref(), Some("gave up"));
}

#[test]
fn only_the_run_that_holds_the_job_records_its_end() {
    let (_dir, conn) = migrated();
    let mail = enqueue(&conn, &job("email.confirmation", t(0)), t(0)).unwrap();
    let rerun = kinds(&["email.confirmation"]);
    claim_at(&conn, &rerun, &rerun, t(0));
    // The first run hangs past its lease; a second run takes the job over.
    claim_at(&conn, &rerun, &rerun, t(31));
    let stale = Finish::Done {
        outcome: json!("first"),
    };
    assert!(!finish(&conn, mail.id, 1, &stale, t(32)).unwrap());
    let retry = Finish::Retry {
        error: "SMTP 451".into(),
        at: t(90),
    };
    assert!(finish(&conn, mail.id, 2, &retry, t(33)).unwrap());
    let queued = get(&conn, mail.id).unwrap().unwrap();
    assert_eq!(queued.state, JobState::Queued);
    assert_eq!(queued.next_attempt_at, t(90));
    assert_eq!(queued.last_error.as_deref(), Some("SMTP 451"));
    assert_eq!(queued.claimed_until, None);
    assert!(
        !finish(&conn, mail.id, 2, &stale, t(34)).unwrap(),
        "not in progress"
    );

    assert_eq!(next_due(&conn, &rerun).unwrap(), Some(t(90)));
    let third = claim_at(&conn, &rerun, &rerun, t(90));
    assert_eq!(third[0].attempts, 3);
    let done = Finish::Done {
        outcome: json!({ "message_id": "<x@y>" }),
    };
    assert!(finish(&conn, mail.id, 3, &done, t(91)).unwrap());
    let done = get(&conn, mail.id).unwrap().unwrap();
    assert_eq!(done.state, JobState::Done);
    assert_eq!(done.outcome, Some(json!({ "message_id": "<x@y>" })));
    assert_eq!(next_due(&conn, &rerun).unwrap(), None);
}

#[test]
fn at_start_every_lease_has_ended() {
    let (_dir, conn) = migrated();
    enqueue(&conn, &job("print.ticket", t(0)), t(0)).unwrap();
    let printing = kinds(&["print.ticket"]);
    claim_at(&conn, &printing, &printing, t(0));
    assert!(claim_at(&conn, &printing, &printing, t(1)).is_empty());
    assert_eq!(expire_leases(&conn, t(1)).unwrap(), 1);
    assert_eq!(claim_at(&conn, &printing, &printing, t(1)).len(), 1);
}

#[test]
fn listing_filters_and_counts() {
    let (_dir, conn) = migrated();
    for n in 0..3 {
        enqueue(&conn, &job("print.ticket", t(n)), t(n)).unwrap();
    }
    enqueue(&conn, &job("email.confirmation", t(0)), t(0)).unwrap();
    let printing = kinds(&["print.ticket"]);
    let claimed = claim_at(&conn, &printing, &[], t(0));
    let failed = Finish::Failed {
        error: "no paper".into(),
    };
    finish(&conn, claimed[0].id, 1, &failed, t(1)).unwrap();

    let counts = counts(&conn).unwrap();
    assert_eq!(
        counts,
        JobCounts {
            queued: 3,
            failed: 1,
            ..JobCounts::default()
        }
    );
    let page = |filter: JobFilter| {
        list(
            &conn,
            &JobFilter {
                limit: 10,
                ..filter
            },
        )
        .unwrap()
    };
    let (jobs, total) = page(JobFilter::default());
    assert_eq!(total, 4);
    assert!(jobs.windows(2).all(|w| w[0].id > w[1].id), "newest first");
    let (jobs, total) = page(JobFilter {
        states: vec![JobState::Failed],
        ..JobFilter::default()
    });
    assert_eq!((jobs.len(), total), (1, 1));
    assert_eq!(jobs[0].last_error.as_deref(), Some("no paper"));
    let (_, total) = page(JobFilter {
        kinds: kinds(&["email.confirmation"]),
        states: vec![JobState::Queued, JobState::Failed],
        ..JobFilter::default()
    });
    assert_eq!(total, 1);
    let (jobs, total) = page(JobFilter {
        limit: 2,
        offset: 3,
        ..JobFilter::default()
    });
    assert_eq!((jobs.len(), total), (1, 4));

    assert_eq!(
        prune_done_before(&conn, t(100)).unwrap(),
        0,
        "nothing is done"
    );
}

#[tokio::test]
async fn a_job_is_written_with_its_change_or_not_at_all() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("forno.sqlite"), dir.path()).unwrap();
    let failed = store
        .write(
            |conn| -> Result<(), StoreError> {
                enqueue(conn, &job("print.ticket", t(0)), t(0))?;
                Err(StoreError::Corrupt("the change failed".into()))
            },
            |_| {},
        )
        .await;
    assert!(failed.is_err());
    let kept = store
        .write(
            |conn| enqueue(conn, &job("print.ticket", t(0)), t(0)),
            |_| {},
        )
        .await
        .unwrap();
    let counts = store.read(counts).unwrap();
    assert_eq!(counts.queued, 1, "the job of the failed change was written");
    assert_eq!(store.read(|conn| get(conn, kept.id)).unwrap(), Some(kept));
    store.close();
}

#[tokio::test]
async fn a_write_lock_held_elsewhere_fails_the_write_but_not_the_writer() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("forno.sqlite");
    let store = Store::open(&path, dir.path()).unwrap();
    let other = Connection::open(&path).unwrap();
    other.execute_batch("BEGIN IMMEDIATE").unwrap();
    let blocked = store
        .write(
            |conn| enqueue(conn, &job("print.ticket", t(0)), t(0)),
            |_| {},
        )
        .await
        .unwrap_err();
    assert!(
        matches!(blocked, StoreError::Sqlite(_)),
        "a busy database is not a stopped writer: {blocked}"
    );
    other.execute_batch("COMMIT").unwrap();
    store
        .write(
            |conn| enqueue(conn, &job("print.ticket", t(0)), t(0)),
            |_| {},
        )
        .await
        .expect("the writer carries on once the lock is free");
    assert_eq!(store.read(counts).unwrap().queued, 1);
    store.close();
}
