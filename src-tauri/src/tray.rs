//! The tray icon: the server's state, its address on the shop network, the number of open
//! online orders, and the few actions the counter needs without the window.

use tauri::menu::{Menu, MenuItem, PredefinedMenuItem};
use tauri::tray::TrayIconBuilder;
use tauri::{AppHandle, Manager, Wry};

use forno_app::Shop;

use crate::embedded::ShopUrls;
use crate::{backups, owner_pin, windows};

const TRAY_ID: &str = "forno";

/// The menu lines that change while the app runs.
struct TrayLines {
    server: MenuItem<Wry>,
    address: MenuItem<Wry>,
    online_orders: MenuItem<Wry>,
}

pub fn create(app: &AppHandle) -> tauri::Result<()> {
    let lines = TrayLines {
        server: MenuItem::with_id(app, "server", "Server: starting…", false, None::<&str>)?,
        address: MenuItem::with_id(app, "address", "Address: -", false, None::<&str>)?,
        online_orders: MenuItem::with_id(
            app,
            "orders",
            "Open online orders: -",
            false,
            None::<&str>,
        )?,
    };
    let menu = Menu::with_items(
        app,
        &[
            &lines.server,
            &lines.address,
            &lines.online_orders,
            &PredefinedMenuItem::separator(app)?,
            &MenuItem::with_id(app, "counter", "Show counter", true, None::<&str>)?,
            &MenuItem::with_id(app, "kitchen", "Kitchen window on/off", true, None::<&str>)?,
            &PredefinedMenuItem::separator(app)?,
            &MenuItem::with_id(app, "backup", "Back up now", true, None::<&str>)?,
            &MenuItem::with_id(app, "restore", "Restore from a backup…", true, None::<&str>)?,
            &MenuItem::with_id(
                app,
                "owner_pin",
                "Reset the owner's PIN…",
                true,
                None::<&str>,
            )?,
            &PredefinedMenuItem::separator(app)?,
            &MenuItem::with_id(app, "quit", "Quit Forno", true, None::<&str>)?,
        ],
    )?;
    let mut tray = TrayIconBuilder::with_id(TRAY_ID)
        .tooltip("Forno: starting…")
        .menu(&menu)
        .on_menu_event(|app, event| match event.id().as_ref() {
            "counter" => windows::focus_counter(app),
            "kitchen" => {
                if let Err(err) = windows::toggle_kitchen(app) {
                    tracing::warn!("kitchen window: {err}");
                }
            }
            "backup" => backups::backup_now(app),
            "restore" => backups::choose_and_restore(app),
            "owner_pin" => owner_pin::confirm_and_reset(app),
            "quit" => windows::confirm_quit(app),
            _ => {}
        });
    if let Some(icon) = app.default_window_icon() {
        tray = tray.icon(icon.clone());
    }
    tray.build(app)?;
    app.manage(lines);
    Ok(())
}

pub fn show_running(app: &AppHandle, urls: &ShopUrls) {
    let lines = app.state::<TrayLines>();
    let _ = lines.server.set_text("Server: running");
    let _ = lines.address.set_text(format!("Address: {}", urls.lan));
    set_tooltip(app, &format!("Forno: running on {}", urls.lan));
}

pub fn show_stopped(app: &AppHandle) {
    let lines = app.state::<TrayLines>();
    let _ = lines.server.set_text("Server: stopped");
    let _ = lines.address.set_text("Address: -");
    set_tooltip(app, "Forno: stopped");
}

/// Shows the number of online orders still waiting to be finished, read from the shop.
pub async fn refresh_online_orders(app: &AppHandle, shop: &Shop) {
    let shop = shop.clone();
    let count = tauri::async_runtime::spawn_blocking(move || shop.open_online_orders()).await;
    let text = match count {
        Ok(Ok(count)) => {
            // Tests and support read this line to see what the tray shows.
            tracing::info!(open_online_orders = count, "tray updated");
            format!("Open online orders: {count}")
        }
        Ok(Err(err)) => {
            tracing::warn!("could not count open online orders: {err}");
            "Open online orders: ?".to_string()
        }
        Err(_) => return,
    };
    let _ = app.state::<TrayLines>().online_orders.set_text(text);
}

fn set_tooltip(app: &AppHandle, text: &str) {
    if let Some(tray) = app.tray_by_id(TRAY_ID) {
        let _ = tray.set_tooltip(Some(text));
    }
}
