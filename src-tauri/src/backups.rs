//! Backups in the desktop app: telling the person at the counter when the daily backup fails,
//! "Back up now", and restoring one. When backups happen and how they are made and kept (SQLite
//! online backup, the last 30 days) is forno-app's business (`Shop::start_background`).

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use forno_app::BackupReport;
use tauri::async_runtime::JoinHandle;
use tauri::{AppHandle, Manager};
use tauri_plugin_dialog::{DialogExt, MessageDialogButtons, MessageDialogKind};
use tokio::sync::watch;

use crate::embedded::Shell;

/// The argument a restarting app passes to its successor: the backup to restore before starting.
const RESTORE_ARG: &str = "--restore-backup";
/// How long the successor waits for the data dir's lock, which the exiting app still holds.
const RESTORE_WAIT: Duration = Duration::from_secs(10);

/// The backup chosen and confirmed in "Restore from a backup…", restored by the next start.
struct RestoreOnRestart(PathBuf);

/// Shows a dialog whenever the daily backup fails. The schedule itself is forno-app's
/// background work (the same for `forno serve`); the shell only tells the person at the counter.
pub fn alert_when_failing(
    app: AppHandle,
    mut reports: watch::Receiver<BackupReport>,
) -> JoinHandle<()> {
    tauri::async_runtime::spawn(async move {
        while reports.changed().await.is_ok() {
            let report = reports.borrow_and_update().clone();
            if let BackupReport::Failed { error, .. } = report {
                app.dialog()
                    .message(format!(
                        "Today's backup failed: {error}. Check that the disk is not full, \
                         then choose \"Back up now\" in the tray menu."
                    ))
                    .title("Forno backup failed")
                    .kind(MessageDialogKind::Warning)
                    .show(|_| {});
            }
        }
    })
}

/// "Back up now" in the tray: a backup next to the daily ones, with a timestamped name.
pub fn backup_now(app: &AppHandle) {
    let shell = app.state::<Shell>();
    let Some(shop) = shell.shop() else { return };
    let file = backups_dir(&shell.data_dir).join(format!("forno-manual-{}.sqlite", timestamp()));
    let app = app.clone();
    tauri::async_runtime::spawn_blocking(move || {
        let outcome = std::fs::create_dir_all(file.parent().expect("a file in the backups folder"))
            .map_err(|err| err.to_string())
            .and_then(|()| shop.backup_to(&file).map_err(|err| err.to_string()));
        let (title, message, kind) = match outcome {
            Ok(()) => (
                "Backup made",
                format!("The shop's data is saved in {}.", file.display()),
                MessageDialogKind::Info,
            ),
            Err(err) => (
                "Backup failed",
                format!("{err}. Check that the disk is not full and try again."),
                MessageDialogKind::Error,
            ),
        };
        app.dialog()
            .message(message)
            .title(title)
            .kind(kind)
            .show(|_| {});
    });
}

/// "Restore from a backup…": pick a file, confirm, then replace the data and restart the app.
pub fn choose_and_restore(app: &AppHandle) {
    let dir = backups_dir(&app.state::<Shell>().data_dir);
    let handle = app.clone();
    app.dialog()
        .file()
        .set_title("Choose the backup to restore")
        .set_directory(&dir)
        .add_filter("Forno backups", &["sqlite", "db"])
        .pick_file(move |picked| {
            let Some(file) = picked.and_then(|picked| picked.into_path().ok()) else {
                return;
            };
            confirm_restore(&handle, file);
        });
}

fn confirm_restore(app: &AppHandle, file: PathBuf) {
    let handle = app.clone();
    app.dialog()
        .message(format!(
            "Replace all of the shop's data with the backup {}?\n\nOrders, payments and settings \
             changed after that backup are lost. A backup of the current data is made first, so \
             this can be undone. Forno restarts afterwards.",
            file.display()
        ))
        .title("Restore a backup?")
        .kind(MessageDialogKind::Warning)
        .buttons(MessageDialogButtons::OkCancelCustom(
            "Restore".into(),
            "Cancel".into(),
        ))
        .show(move |confirmed| {
            if confirmed {
                // Off the UI thread: stopping the server waits for open requests.
                std::thread::spawn(move || restore(&handle, &file));
            }
        });
}

/// The current data is backed up first (so a restore can be undone), then the app restarts and
/// the next process restores before it opens the data: this one cannot, as its shop's workers
/// hold the data dir until the process ends.
fn restore(app: &AppHandle, file: &Path) {
    let shell = app.state::<Shell>();
    let Some(shop) = shell.shop() else {
        return;
    };
    let safety =
        backups_dir(&shell.data_dir).join(format!("forno-before-restore-{}.sqlite", timestamp()));
    let made = std::fs::create_dir_all(backups_dir(&shell.data_dir))
        .map_err(|err| err.to_string())
        .and_then(|()| shop.backup_to(&safety).map_err(|err| err.to_string()));
    if let Err(err) = made {
        failed(
            app,
            &format!(
                "Forno could not back up the current data first ({err}), so nothing was \
                 restored. Check that the disk is not full."
            ),
        );
        return;
    }
    tracing::info!(from = %file.display(), safety = %safety.display(), "restarting to restore a backup");
    app.manage(RestoreOnRestart(file.to_path_buf()));
    app.exit(0);
}

/// Called last while the app exits (the shop is closed): after a confirmed restore it starts the
/// app again with the backup to restore, instead of just ending.
pub fn restart_if_restoring(app: &AppHandle) {
    let Some(restore) = app.try_state::<RestoreOnRestart>() else {
        return;
    };
    let mut env = app.env();
    env.args_os = without_restore_arg(env.args_os);
    env.args_os.push(RESTORE_ARG.into());
    env.args_os.push(restore.0.clone().into_os_string());
    // Releases the single-instance lock, so the next process does not take itself for a second one.
    app.cleanup_before_exit();
    tauri::process::restart(&env);
}

/// The backup this start was asked to restore (by the app that restarted itself).
pub fn restore_requested() -> Option<PathBuf> {
    let mut args = std::env::args_os().skip_while(|arg| arg != RESTORE_ARG);
    args.next()?;
    args.next().map(PathBuf::from)
}

/// Restores the requested backup before the shop opens. The app that asked for it may still be
/// exiting (holding the data dir), so this waits for it a little. A failure leaves the current
/// data in place, says so, and the shop starts with it.
pub async fn restore_before_start(app: &AppHandle, data_dir: &Path, file: PathBuf) {
    let Ok(config) = forno_app::Config::load(data_dir) else {
        return; // Starting reports the broken settings.
    };
    let started = Instant::now();
    let outcome = loop {
        let (config, from) = (config.clone(), file.clone());
        let result =
            tauri::async_runtime::spawn_blocking(move || forno_app::restore(&config, &from))
                .await
                .unwrap_or_else(|err| Err(forno_app::AppError::Config(err.to_string())));
        match result {
            Err(_) if started.elapsed() < RESTORE_WAIT => {
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            outcome => break outcome,
        }
    };
    match outcome {
        Ok(()) => tracing::info!(from = %file.display(), "backup restored"),
        Err(err) => {
            tracing::error!("restore failed: {err}");
            failed(
                app,
                &format!(
                    "Restoring {} failed: {err}. Forno started with the data it had before.",
                    file.display()
                ),
            );
        }
    }
}

fn without_restore_arg(args: Vec<OsString>) -> Vec<OsString> {
    let mut kept = Vec::with_capacity(args.len());
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        if arg == RESTORE_ARG {
            args.next();
        } else {
            kept.push(arg);
        }
    }
    kept
}

fn failed(app: &AppHandle, message: &str) {
    app.dialog()
        .message(message)
        .title("Restore failed")
        .kind(MessageDialogKind::Error)
        .show(|_| {});
}

fn backups_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("backups")
}

/// UTC, sortable and safe in file names on every OS.
fn timestamp() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default()
        .as_secs();
    secs.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_restart_asks_for_one_restore_only() {
        let args = ["forno-desktop", "--x", RESTORE_ARG, "/old.sqlite", "--y"].map(OsString::from);
        let kept: Vec<OsString> = ["forno-desktop", "--x", "--y"].map(OsString::from).into();
        assert_eq!(without_restore_arg(args.into()), kept);
    }
}
