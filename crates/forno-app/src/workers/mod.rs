//! Background work, in one place for every shell: `forno serve` and the desktop app both call
//! [`Shop::start_background`] and get the same upkeep, daily backups and outbox workers.
//!
//! Architecture Invariant: workers never hold a transaction open while doing IO. They claim
//! jobs in one short write, do the work, and record the result in another.
//!
//! Architecture Invariant: nothing here knows a shell. A shell that wants to show something
//! (a failed backup) listens on a channel; the headless server logs it.

mod backoff;
mod backups;
mod outbox;
mod test_jobs;
mod upkeep;

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::watch;
use tokio::task::JoinHandle;

pub use backoff::Backoff;
pub use backups::BackupReport;
pub use outbox::{Effect, JobError, JobHandler, OutboxWaker, Outcome, RunFuture, Workers};
pub use test_jobs::{TEST_JOB_KINDS, TestJob};

use crate::Shop;

/// The shop's background work while it runs. Stop it with [`Background::shutdown`] before
/// closing the shop.
pub struct Background {
    stop: watch::Sender<bool>,
    tasks: Vec<JoinHandle<()>>,
    workers: Workers,
    backups: watch::Receiver<BackupReport>,
}

impl Shop {
    /// Starts upkeep (hourly), the daily backup (checked every `backup_check_seconds`) and the
    /// outbox workers, on the current tokio runtime. Call it once per running shop.
    pub fn start_background(&self) -> Background {
        let (stop, stopping) = watch::channel(false);
        let (report, backups) = watch::channel(BackupReport::Pending);
        let tasks = vec![
            tokio::spawn(upkeep::run(self.clone(), stopping.clone())),
            tokio::spawn(backups::run(self.clone(), report, stopping.clone())),
            tokio::spawn(crate::notify::watch_waiting_orders(
                self.clone(),
                stopping.clone(),
            )),
            tokio::spawn(crate::printing::watch_printers(self.clone(), stopping)),
        ];
        let mut handlers: Vec<Arc<dyn JobHandler>> = vec![
            Arc::new(crate::printing::PrintHandler::new(self.clone())),
            Arc::new(crate::notify::MessageHandler::new(self.clone())),
        ];
        if self.config().test_jobs {
            tracing::warn!("FORNO_TEST_JOBS is set: the test job kinds run (for Forno's tests)");
            handlers.extend(test_jobs::handlers(self.config()));
        }
        let workers = Workers::start(self.store().clone(), self.outbox_waker(), handlers);
        Background {
            stop,
            tasks,
            workers,
            backups,
        }
    }
}

impl Background {
    /// How the daily backup went, latest first: a shell shows a failure to the person at the
    /// counter (`changed().await`, then read it).
    pub fn backups(&self) -> watch::Receiver<BackupReport> {
        self.backups.clone()
    }

    /// Stops everything and waits up to `grace` for the work in progress (a job, a backup) to
    /// finish; what is still running after that is dropped. Call before `Shop::close`.
    pub async fn shutdown(self, grace: Duration) {
        let _ = self.stop.send(true);
        let started = tokio::time::Instant::now();
        self.workers.shutdown(grace).await;
        let left = grace.saturating_sub(started.elapsed());
        join_within(self.tasks, left, "background task").await;
    }
}

/// Waits for `tasks` up to `grace`, then aborts those still running.
pub(crate) async fn join_within(mut tasks: Vec<JoinHandle<()>>, grace: Duration, what: &str) {
    let deadline = tokio::time::Instant::now() + grace;
    for task in &mut tasks {
        if tokio::time::timeout_at(deadline, &mut *task).await.is_err() {
            break;
        }
    }
    let unfinished = tasks.iter().filter(|task| !task.is_finished()).count();
    if unfinished > 0 {
        tracing::warn!(
            unfinished,
            "{what}s did not stop within {grace:?}; stopping them anyway"
        );
        for task in &tasks {
            task.abort();
        }
    }
}
