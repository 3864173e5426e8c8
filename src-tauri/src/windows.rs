//! The counter window (main) and the kitchen window, both showing pages of the embedded server.

use chrono::Utc;
use forno_app::Actor;
use forno_domain::Role;
use tauri::{
    AppHandle, LogicalSize, Manager, Monitor, PhysicalPosition, PhysicalSize, Url, WebviewUrl,
    WebviewWindow, WebviewWindowBuilder, WindowEvent,
};
use tauri_plugin_dialog::{DialogExt, MessageDialogButtons, MessageDialogKind};

use crate::embedded::{Shell, ShopUrls};
use crate::placement::{self, KitchenPlacement};
use crate::webview;

pub const COUNTER: &str = "main";
pub const KITCHEN: &str = "kitchen";

/// The kitchen webview's own cookie store on macOS 14+ (where `data_directory` does not apply).
const KITCHEN_DATA_STORE: [u8; 16] = *b"forno-kitchen-01";

const COUNTER_PAGE: &str = "counter";
const KITCHEN_PAGE: &str = "kitchen";
/// What the owner sees in the list of paired devices for the app's own kitchen window.
const KITCHEN_DEVICE_NAME: &str = "Keuken (kassa-pc)";
/// The kitchen window's size when it is not fullscreen.
const KITCHEN_SIZE: LogicalSize<f64> = LogicalSize::new(1280.0, 800.0);

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
            Ok(_) => focus_counter(app),
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

fn open_kitchen(app: &AppHandle, urls: &ShopUrls) -> tauri::Result<WebviewWindow> {
    if let Some(kitchen) = app.get_webview_window(KITCHEN) {
        kitchen.show()?;
        kitchen.set_focus()?;
        return Ok(kitchen);
    }
    // Its own cookie jar: the kitchen window is a paired kitchen screen while the counter stays
    // logged in as the cashier (one shared jar would make them one session).
    let webview_data = app.state::<Shell>().data_dir.join("webviews").join(KITCHEN);
    // Blank until its web view is set up: WebKitGTK drops a page load that is under way when
    // the drawing changes (webview.rs), so the kitchen page is loaded after that.
    let blank = Url::parse("about:blank").expect("a valid URL");
    let kitchen = WebviewWindowBuilder::new(app, KITCHEN, WebviewUrl::External(blank))
        .title("Forno — Keuken")
        .data_directory(webview_data)
        .data_store_identifier(KITCHEN_DATA_STORE)
        .inner_size(KITCHEN_SIZE.width, KITCHEN_SIZE.height)
        .visible(false)
        .build()?;
    webview::make_lean(&kitchen);
    kitchen.navigate(kitchen_page(app, urls))?;
    place_kitchen(app, &kitchen);
    kitchen.show()?;

    let handle = app.clone();
    let window = kitchen.clone();
    kitchen.on_window_event(move |event| {
        if let WindowEvent::CloseRequested { .. } = event {
            save_placement(&handle, &window, false);
        }
    });
    Ok(kitchen)
}

/// A monitor was plugged in or unplugged while the app runs (monitors.rs looks). The kitchen
/// window leaves a monitor that is gone as a normal window on one that is there, and goes
/// fullscreen on a second monitor that was just plugged in: opened for it, unless the kitchen
/// window was closed on purpose (the remembered placement says closed).
pub fn follow_monitors(app: &AppHandle, added: &[Monitor], kitchen_monitor_gone: bool) {
    let kitchen = app.get_webview_window(KITCHEN);
    if let Some(window) = &kitchen
        && kitchen_monitor_gone
        && let Err(err) = bring_back(app, window)
    {
        tracing::warn!("could not bring the kitchen window back: {err}");
    }
    let Some(second) = second_monitor(app).filter(|second| {
        added
            .iter()
            .any(|monitor| monitor.position() == second.position())
    }) else {
        return;
    };
    let kitchen = match kitchen {
        Some(window) => window,
        None => {
            let shell = app.state::<Shell>();
            let wanted = placement::load(&shell.data_dir).is_none_or(|placement| placement.open);
            let Some(urls) = shell.urls().filter(|_| wanted) else {
                return;
            };
            match open_kitchen(app, &urls) {
                Ok(window) => window,
                Err(err) => {
                    tracing::error!("could not open the kitchen window: {err}");
                    return;
                }
            }
        }
    };
    tracing::info!(monitor = %describe(&second), "kitchen window to the new monitor");
    if let Err(err) = fullscreen_on(&kitchen, &second) {
        tracing::warn!("could not move the kitchen window: {err}");
    }
    // The cashier keeps typing in the counter window.
    focus_counter(app);
}

/// The monitor the kitchen window is on, if it is open.
pub fn kitchen_monitor(app: &AppHandle) -> Option<Monitor> {
    app.get_webview_window(KITCHEN)?.current_monitor().ok()?
}

/// A normal window in the middle of the primary monitor (the counter's), so nobody has to find
/// it: its own monitor is gone.
fn bring_back(app: &AppHandle, kitchen: &WebviewWindow) -> tauri::Result<()> {
    let monitors = app.available_monitors()?;
    let Some(monitor) = app
        .primary_monitor()?
        .or_else(|| monitors.into_iter().next())
    else {
        return Ok(());
    };
    tracing::info!(monitor = %describe(&monitor), "kitchen window back from a monitor that is gone");
    let size: PhysicalSize<u32> = KITCHEN_SIZE.to_physical(monitor.scale_factor());
    let size = PhysicalSize::new(
        size.width.min(monitor.size().width),
        size.height.min(monitor.size().height),
    );
    let at = monitor.position();
    let offset = |screen: u32, window: u32| i32::try_from((screen - window) / 2).unwrap_or(0);
    kitchen.set_fullscreen(false)?;
    kitchen.set_size(size)?;
    kitchen.set_position(PhysicalPosition::new(
        at.x + offset(monitor.size().width, size.width),
        at.y + offset(monitor.size().height, size.height),
    ))
}

/// The kitchen window pairs itself as a kitchen screen, so it shows orders without anybody
/// logging in: it opens a fresh pairing link, which a window that is paired already (its
/// cookie jar is kept) passes straight on to the kitchen view, leaving the code unused.
fn kitchen_page(app: &AppHandle, urls: &ShopUrls) -> Url {
    let code = app
        .state::<Shell>()
        .shop()
        .map(|shop| shop.start_pairing(&Actor::this_computer(), Role::Kitchen, Utc::now()));
    match code {
        Some(Ok(code)) => {
            let mut page = urls.page(&format!("pair/{}", code.code));
            page.query_pairs_mut()
                .append_pair("name", KITCHEN_DEVICE_NAME);
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
    monitors.iter().map(describe).collect()
}

/// "DUMMY1 1920x1080+1920+0", as xrandr says it.
pub fn describe(monitor: &Monitor) -> String {
    let at = monitor.position();
    let size = monitor.size();
    let name = monitor.name().map_or("?", String::as_str);
    format!("{name} {}x{}+{}+{}", size.width, size.height, at.x, at.y)
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
