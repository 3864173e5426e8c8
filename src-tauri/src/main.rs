//! Forno's desktop shell: the app the owner installs on the counter PC.
//!
//! It opens the shop's data dir, runs forno-app and forno-server inside Tauri's tokio runtime,
//! shows the counter window and the kitchen window (the same pages a browser gets from the
//! embedded server), keeps a tray icon with the shop's state, raises desktop alerts for new
//! online orders, starts the shop's background work (daily backups among it) and says when a
//! backup fails.
//!
//! Architecture Invariant: this crate holds no business logic. Remove it and `forno serve` still
//! runs the whole shop; every rule, query and file format (except the kitchen window's placement)
//! lives in forno-app or forno-server.
//!
//! Architecture Invariant: the shell shows no UI of its own beyond the tray, native dialogs and a
//! "starting…" page; screens are served by forno-server so browsers and the app show the same.

// No console window next to the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod alerts;
mod backups;
mod commands;
mod embedded;
mod logs;
mod monitors;
mod network;
mod owner_pin;
mod placement;
mod tray;
mod webview;
mod windows;

use std::path::PathBuf;

use tauri::{Manager, RunEvent, WindowEvent};

use crate::embedded::Shell;

fn main() {
    logs::init();

    let app = tauri::Builder::default()
        // Must come first: a second launch only focuses the running counter window.
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            windows::focus_counter(app);
        }))
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_notification::init())
        .invoke_handler(tauri::generate_handler![
            commands::toggle_kitchen_window,
            commands::shell_status
        ])
        .setup(|app| {
            let data_dir = data_dir(app.handle())?;
            if let Err(err) = logs::write_to(&data_dir) {
                tracing::warn!("logging to stderr only: cannot write a log file: {err}");
            }
            app.manage(Shell::new(data_dir));
            if let Some(counter) = app.get_webview_window(windows::COUNTER) {
                webview::make_lean(&counter);
            }
            tray::create(app.handle())?;
            embedded::start_in_background(app.handle().clone());
            stop_on_signals(app.handle().clone());
            Ok(())
        })
        .on_window_event(|window, event| {
            if window.label() == windows::COUNTER
                && let WindowEvent::CloseRequested { api, .. } = event
            {
                api.prevent_close();
                windows::confirm_quit(window.app_handle());
            }
        })
        .build(tauri::generate_context!())
        .expect("Forno could not create its windows: is a desktop session (display) available?");

    app.run(|app, event| match event {
        // Windows still exist here; on `Exit` they are gone.
        RunEvent::ExitRequested { .. } => windows::remember_kitchen_placement(app),
        RunEvent::Exit => {
            embedded::stop(app);
            backups::restart_if_restoring(app);
        }
        _ => {}
    });
}

/// The data dir: `FORNO_DATA_DIR` (tests, portable installs) or the OS app-data location.
fn data_dir(app: &tauri::AppHandle) -> Result<PathBuf, Box<dyn std::error::Error>> {
    let dir = match std::env::var_os("FORNO_DATA_DIR") {
        Some(dir) => PathBuf::from(dir),
        None => app.path().app_data_dir()?,
    };
    std::fs::create_dir_all(&dir).map_err(|err| {
        format!(
            "Forno cannot create its data folder {}: {err}. Check the disk and its permissions, \
             or set FORNO_DATA_DIR to a folder Forno may write to.",
            dir.display()
        )
    })?;
    Ok(dir)
}

/// SIGTERM (system shutdown, `kill`) and Ctrl-C end the app the same way as "Quit": the server
/// stops, writes finish and the WAL is checkpointed.
fn stop_on_signals(app: tauri::AppHandle) {
    tauri::async_runtime::spawn(async move {
        #[cfg(unix)]
        {
            use tokio::signal::unix::{SignalKind, signal};
            let Ok(mut term) = signal(SignalKind::terminate()) else {
                return;
            };
            tokio::select! {
                _ = term.recv() => {}
                _ = tokio::signal::ctrl_c() => {}
            }
        }
        #[cfg(not(unix))]
        {
            if tokio::signal::ctrl_c().await.is_err() {
                return;
            }
        }
        tracing::info!("stop signal received, shutting down");
        app.exit(0);
    });
}
