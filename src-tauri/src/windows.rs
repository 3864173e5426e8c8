//! The counter window (main) and the kitchen window, both showing pages of the embedded server.

use chrono::Utc;
use forno_app::Actor;
use forno_domain::Role;
use tauri::{
    AppHandle, Manager, Monitor, PhysicalPosition, PhysicalSize, Url, WebviewUrl, WebviewWindow,
    WebviewWindowBuilder, WindowEvent,
};
use tauri_plugin_dialog::{DialogExt, MessageDialogButtons, MessageDialogKind};

use crate::embedded::{Shell, ShopUrls};
use crate::placement::{self, KitchenPlacement};

pub const COUNTER: &str = "main";
pub const KITCHEN: &str = "kitchen";

/// The kitchen webview's own cookie store on macOS 14+ (where `data_directory` does not apply).
const KITCHEN_DATA_STORE: [u8; 16] = *b"forno-kitchen-01";

const COUNTER_PAGE: &str = "staff";
const KITCHEN_PAGE: &str = "staff?view=kitchen";
/// What the owner sees in the list of paired devices for the app's own kitchen window.
const KITCHEN_DEVICE_NAME: &str = "Keuken (kassa-pc)";

/// Once the server answers: the counter window leaves the "starting…" page, and the kitchen
/// window opens if it was open last time or a second monitor is there for it.
pub fn show_shop(app: &AppHandle, urls: &ShopUrls) {
    if let Some(counter) = app.get_webview_window(COUNTER)
        && let Err(err) = counter.navigate(urls.page(COUNTER_PAGE))
    {
        tracing::error!("could not load the counter page: {err}");
    }
    let data_dir = app.state::<Shell>().data_dir.clone();
    let remembered = placement::load(&data_dir);
    let wanted = match &remembered {
        Some(placement) => placement.open,
        None => second_monitor(app).is_some(),
    };
    tracing::info!(
        monitors = ?monitor_names(app),
        remembered = remembered.is_some(),
        kitchen_window = wanted,
        "windows"
    );
    if wanted {
        match open_kitchen(app, urls) {
            // The cashier keeps typing in the counter window.
            Ok(()) => focus_counter(app),
            Err(err) => tracing::error!("could not open the kitchen window: {err}"),
        }
    }
}

pub fn focus_counter(app: &AppHandle) {
    if let Some(counter) = app.get_webview_window(COUNTER) {
        let _ = counter.unminimize();
        let _ = counter.show();
        let _ = counter.set_focus();
    }
}

/// Opens the kitchen window, or closes it if it is open. Returns whether it is open now.
pub fn toggle_kitchen(app: &AppHandle) -> Result<bool, String> {
    if let Some(kitchen) = app.get_webview_window(KITCHEN) {
        save_placement(app, &kitchen, false);
        kitchen.destroy().map_err(|err| err.to_string())?;
        return Ok(false);
    }
    let urls = app
        .state::<Shell>()
        .urls()
        .ok_or("The shop is still starting; try again in a moment.")?;
    open_kitchen(app, &urls).map_err(|err| err.to_string())?;
    Ok(true)
}

fn open_kitchen(app: &AppHandle, urls: &ShopUrls) -> tauri::Result<()> {
    if let Some(kitchen) = app.get_webview_window(KITCHEN) {
        kitchen.show()?;
        return kitchen.set_focus();
    }
    // Its own cookie jar: the kitchen window is a paired kitchen screen while the counter stays
    // logged in as the cashier (one shared jar would make them one session).
    let webview_data = app.state::<Shell>().data_dir.join("webviews").join(KITCHEN);
    let kitchen =
        WebviewWindowBuilder::new(app, KITCHEN, WebviewUrl::External(kitchen_page(app, urls)))
            .title("Forno — Keuken")
            .data_directory(webview_data)
            .data_store_identifier(KITCHEN_DATA_STORE)
            .inner_size(1280.0, 800.0)
            .visible(false)
            .build()?;
    place_kitchen(app, &kitchen);
    kitchen.show()?;

    let handle = app.clone();
    let window = kitchen.clone();
    kitchen.on_window_event(move |event| {
        if let WindowEvent::CloseRequested { .. } = event {
            save_placement(&handle, &window, false);
        }
    });
    Ok(())
}

/// The kitchen window pairs itself as a kitchen screen, so it shows orders without anybody
/// logging in: it opens a fresh pairing link, which a window that is paired already (its
/// cookie jar is kept) passes straight on to the kitchen view, leaving the code unused.
fn kitchen_page(app: &AppHandle, urls: &ShopUrls) -> Url {
    let code = app.state::<Shell>().shop().map(|shop| {
        shop.start_pairing(&Actor::this_computer(), Role::Kitchen, Utc::now())
    });
    match code {
        Some(Ok(code)) => {
            let mut page = urls.page(&format!("pair/{}", code.code));
            page.query_pairs_mut().append_pair("name", KITCHEN_DEVICE_NAME);
            page
        }
        Some(Err(err)) => {
            tracing::error!("the kitchen window cannot pair itself: {err}");
            urls.page(KITCHEN_PAGE)
        }
        None => urls.page(KITCHEN_PAGE),
    }
}

/// The remembered placement if its monitor is still connected; otherwise fullscreen on the
/// second monitor; otherwise a normal window where the OS puts it.
fn place_kitchen(app: &AppHandle, kitchen: &WebviewWindow) {
    let monitors = app.available_monitors().unwrap_or_default();
    let data_dir = app.state::<Shell>().data_dir.clone();
    let remembered = placement::load(&data_dir).filter(|placement| {
        placement.monitor.is_none()
            || monitors
                .iter()
                .any(|monitor| monitor.name() == placement.monitor.as_ref())
    });
    let result = match remembered {
        Some(placement) if placement.fullscreen => {
            let monitor = monitors
                .iter()
                .find(|monitor| monitor.name() == placement.monitor.as_ref());
            match monitor {
                Some(monitor) => fullscreen_on(kitchen, monitor),
                None => Ok(()),
            }
        }
        Some(placement) if placement.width > 0 && placement.height > 0 => kitchen
            .set_position(PhysicalPosition::new(placement.x, placement.y))
            .and_then(|()| kitchen.set_size(PhysicalSize::new(placement.width, placement.height))),
        _ => match second_monitor(app) {
            Some(monitor) => fullscreen_on(kitchen, &monitor),
            None => Ok(()),
        },
    };
    if let Err(err) = result {
        tracing::warn!("could not place the kitchen window: {err}");
    }
}

/// Moving the window onto the monitor first tells the OS which monitor "fullscreen" means.
fn fullscreen_on(window: &WebviewWindow, monitor: &Monitor) -> tauri::Result<()> {
    window.set_position(*monitor.position())?;
    window.set_size(*monitor.size())?;
    window.set_fullscreen(true)
}

/// A monitor other than the primary one (the counter screen), if one is connected.
fn second_monitor(app: &AppHandle) -> Option<Monitor> {
    let primary = app.primary_monitor().ok().flatten();
    let monitors = app.available_monitors().ok()?;
    monitors.into_iter().find(|monitor| match &primary {
        Some(primary) => monitor.position() != primary.position(),
        None => monitor.position().x != 0 || monitor.position().y != 0,
    })
}

fn monitor_names(app: &AppHandle) -> Vec<String> {
    let monitors = app.available_monitors().unwrap_or_default();
    monitors
        .iter()
        .map(|monitor| {
            let at = monitor.position();
            let size = monitor.size();
            let name = monitor.name().map_or("?", String::as_str);
            format!("{name} {}x{}+{}+{}", size.width, size.height, at.x, at.y)
        })
        .collect()
}

/// Called while the app exits: an open kitchen window opens again at the next start.
pub fn remember_kitchen_placement(app: &AppHandle) {
    if let Some(kitchen) = app.get_webview_window(KITCHEN) {
        save_placement(app, &kitchen, true);
    }
}

fn save_placement(app: &AppHandle, kitchen: &WebviewWindow, open: bool) {
    let position = kitchen.outer_position().unwrap_or_default();
    let size = kitchen.outer_size().unwrap_or_default();
    let placement = KitchenPlacement {
        open,
        monitor: kitchen
            .current_monitor()
            .ok()
            .flatten()
            .and_then(|monitor| monitor.name().cloned()),
        fullscreen: kitchen.is_fullscreen().unwrap_or(false),
        x: position.x,
        y: position.y,
        width: size.width,
        height: size.height,
    };
    let data_dir = &app.state::<Shell>().data_dir;
    if let Err(err) = placement::save(data_dir, &placement) {
        tracing::warn!("could not remember the kitchen window's place: {err}");
    }
}

/// Closing the counter window stops the shop for everyone (online orders, kitchen screens), so
/// it asks first.
pub fn confirm_quit(app: &AppHandle) {
    let handle = app.clone();
    app.dialog()
        .message(
            "Closing Forno stops online orders and the kitchen screens until Forno is started \
             again.",
        )
        .title("Close Forno?")
        .kind(MessageDialogKind::Warning)
        .buttons(MessageDialogButtons::OkCancelCustom(
            "Close Forno".into(),
            "Keep running".into(),
        ))
        .show(move |close| {
            if close {
                handle.exit(0);
            }
        });
}
