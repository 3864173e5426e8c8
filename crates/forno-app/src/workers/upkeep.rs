//! Hourly upkeep: drops events past the retention horizon, expired sessions, outbox jobs done
//! long ago, and idempotency keys old enough that no retry will come.

use std::time::Duration;

use chrono::Utc;
use forno_store::StoreError;
use tokio::sync::watch;

use crate::Shop;

const EVERY: Duration = Duration::from_secs(3600);
/// Done jobs stay listed this long (to answer "was that ticket printed?"); failed ones and those
/// that need attention stay until a person has dealt with them.
const DONE_JOBS_KEPT_DAYS: i64 = 30;
/// A retried request (a phone that lost its answer, a double tap) comes within minutes; a week
/// is ample.
const IDEMPOTENCY_KEYS_KEPT_DAYS: i64 = 7;

pub(super) async fn run(shop: Shop, mut stopping: watch::Receiver<bool>) {
    let mut tick = tokio::time::interval(EVERY);
    loop {
        tokio::select! {
            _ = tick.tick() => {}
            _ = stopping.changed() => return,
        }
        let now = Utc::now();
        let horizon = now - chrono::Duration::days(shop.config().event_retention_days);
        let done_before = now - chrono::Duration::days(DONE_JOBS_KEPT_DAYS);
        let keys_before = now - chrono::Duration::days(IDEMPOTENCY_KEYS_KEPT_DAYS);
        let result = shop
            .store()
            .write(
                move |conn| -> Result<(usize, usize, usize, usize), StoreError> {
                    Ok((
                        forno_store::events::prune_before(conn, horizon)?,
                        forno_store::staff::delete_expired_sessions(conn, now)?,
                        forno_store::outbox::prune_done_before(conn, done_before)?,
                        forno_store::idempotency::forget_before(conn, keys_before)?,
                    ))
                },
                |_| {},
            )
            .await;
        match result {
            Ok((events, sessions, jobs, keys)) => {
                tracing::info!(
                    events,
                    sessions,
                    jobs,
                    keys,
                    "upkeep: pruned old events, sessions, done jobs and idempotency keys"
                )
            }
            Err(StoreError::WriterGone) => return,
            Err(e) => tracing::warn!(error = %e, "upkeep failed; will retry in an hour"),
        }
    }
}
