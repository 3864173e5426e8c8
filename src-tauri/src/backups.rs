//! When backups happen, and restoring one. How a backup is made and kept (SQLite online backup,
//! the last 30 days) is forno-app's business; the shell only calls it.

use std::path::PathBuf;
use std::time::Duration;

use forno_app::Shop;
use tauri::async_runtime::JoinHandle;
use tauri::{AppHandle, Manager};
use tauri_plugin_dialog::{DialogExt, MessageDialogButtons, MessageDialogKind};

use crate::embedded::{self, Shell};

/// How often the app checks whether today's backup exists; the first check is at start.
const CHECK_EVERY: Duration = Duration::from_secs(60 * 60);

pub fn schedule_daily(app: AppHandle, shop: Shop) -> JoinHandle<()> {
    tauri::async_runtime::spawn(async move {
        let mut ticks = tokio::time::interval(CHECK_EVERY);
        loop {
            ticks.tick().await;
            let shop = shop.clone();
            match tauri::async_runtime::spawn_blocking(move || {
                shop.daily_backup(chrono::Utc::now())
            })
            .await
            {
                Ok(Ok(Some(file))) => tracing::info!(file = %file.display(), "daily backup made"),
                Ok(Ok(None)) => {}
                Ok(Err(err)) => {
                    tracing::error!("daily backup failed: {err}");
                    app.dialog()
                        .message(format!(
                            "Today's backup failed: {err}. Check that the disk is not full, \
                             then choose \"Back up now\" in the tray menu."
                        ))
                        .title("Forno backup failed")
                        .kind(MessageDialogKind::Warning)
                        .show(|_| {});
                }
                Err(_) => return,
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

fn restore(app: &AppHandle, file: &std::path::Path) {
    let shell = app.state::<Shell>();
    let data_dir = shell.data_dir.clone();
    let Some(shop) = shell.shop() else {
        return;
    };
    let config = shop.config().clone();
    {
        let safety =
            backups_dir(&data_dir).join(format!("forno-before-restore-{}.sqlite", timestamp()));
        let made = std::fs::create_dir_all(backups_dir(&data_dir))
            .map_err(|err| err.to_string())
            .and_then(|()| shop.backup_to(&safety).map_err(|err| err.to_string()));
        if let Err(err) = made {
            failed(
                app,
                &format!(
                    "Forno could not back up the current data first ({err}), so nothing was restored. Check that the disk is not full."
                ),
            );
            return;
        }
    }
    drop(shop);
    embedded::stop(app);
    match forno_app::restore(&config, file) {
        Ok(()) => {
            tracing::info!(from = %file.display(), "backup restored; restarting");
            app.restart();
        }
        Err(err) => {
            tracing::error!("restore failed: {err}");
            failed(
                app,
                &format!(
                    "Restoring {} failed: {err}. The current data was kept; Forno restarts with it.",
                    file.display()
                ),
            );
        }
    }
}

fn failed(app: &AppHandle, message: &str) {
    let handle = app.clone();
    app.dialog()
        .message(message)
        .title("Restore failed")
        .kind(MessageDialogKind::Error)
        .show(move |_| handle.restart());
}

fn backups_dir(data_dir: &std::path::Path) -> PathBuf {
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
