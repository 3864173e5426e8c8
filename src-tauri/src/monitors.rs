//! Monitors plugged in or unplugged while the app runs, so the kitchen board follows its screen.
//! Tauri 2 has no "monitors changed" event; looking every two seconds works on every OS and
//! costs next to nothing (the OS keeps the list). What to do with the windows is windows.rs's.

use std::time::Duration;

use tauri::async_runtime::JoinHandle;
use tauri::{AppHandle, Monitor};

use crate::windows;

const LOOK_EVERY: Duration = Duration::from_secs(2);

pub fn watch(app: AppHandle) -> JoinHandle<()> {
    let mut known = connected(&app);
    tauri::async_runtime::spawn(async move {
        // Where the kitchen window was at the last look, while that monitor still existed (once
        // it is gone, the OS or the window manager may already have moved the window).
        let mut kitchen_on = windows::kitchen_monitor(&app);
        loop {
            tokio::time::sleep(LOOK_EVERY).await;
            let now = connected(&app);
            if !same_list(&now, &known) {
                tracing::info!(before = ?names(&known), now = ?names(&now), "monitors changed");
                let added: Vec<Monitor> = now
                    .iter()
                    .filter(|monitor| !known.iter().any(|old| same(old, monitor)))
                    .cloned()
                    .collect();
                let kitchen_monitor_gone = kitchen_on
                    .as_ref()
                    .is_some_and(|on| !now.iter().any(|monitor| same(monitor, on)));
                windows::follow_monitors(&app, &added, kitchen_monitor_gone);
                known = now;
            }
            kitchen_on = windows::kitchen_monitor(&app);
        }
    })
}

fn connected(app: &AppHandle) -> Vec<Monitor> {
    app.available_monitors().unwrap_or_default()
}

fn same(a: &Monitor, b: &Monitor) -> bool {
    a.name() == b.name() && a.position() == b.position() && a.size() == b.size()
}

fn same_list(a: &[Monitor], b: &[Monitor]) -> bool {
    a.len() == b.len()
        && a.iter()
            .all(|monitor| b.iter().any(|other| same(monitor, other)))
}

fn names(monitors: &[Monitor]) -> Vec<String> {
    monitors.iter().map(windows::describe).collect()
}
