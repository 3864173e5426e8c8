//! The daily backup's schedule: look every `backup_check_seconds` (and at start) whether today's
//! backup exists, and make it when it does not. How a backup is made and how many are kept is
//! `crate::backup`'s business.

use std::path::PathBuf;
use std::time::Duration;

use chrono::{DateTime, Utc};
use tokio::sync::watch;

use crate::Shop;

/// How the daily backup went, for a shell to show.
#[derive(Debug, Clone, PartialEq)]
pub enum BackupReport {
    /// Not looked yet.
    Pending,
    /// Today's backup is in `file` (`made_now`: this look made it).
    Done {
        file: PathBuf,
        made_now: bool,
        at: DateTime<Utc>,
    },
    /// Today's backup could not be made; the next look tries again.
    Failed { error: String, at: DateTime<Utc> },
}

pub(super) async fn run(
    shop: Shop,
    report: watch::Sender<BackupReport>,
    mut stopping: watch::Receiver<bool>,
) {
    let every = Duration::from_secs(shop.config().backup_check_seconds.max(1));
    loop {
        let for_backup = shop.clone();
        let now = Utc::now();
        let made = tokio::task::spawn_blocking(move || for_backup.daily_backup(now)).await;
        let outcome = match made {
            Ok(Ok(daily)) => {
                if daily.made_now {
                    tracing::info!(file = %daily.file.display(), "daily backup made");
                }
                BackupReport::Done {
                    file: daily.file,
                    made_now: daily.made_now,
                    at: now,
                }
            }
            Ok(Err(error)) => {
                tracing::error!(%error, "daily backup failed; trying again at the next check");
                BackupReport::Failed {
                    error: error.to_string(),
                    at: now,
                }
            }
            Err(_) => return,
        };
        report.send_replace(outcome);
        tokio::select! {
            _ = tokio::time::sleep(every) => {}
            _ = stopping.changed() => return,
        }
    }
}
