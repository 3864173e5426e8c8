//! What the counter and kitchen pages may ask of the desktop shell (granted to the embedded
//! server's loopback origin in capabilities/default.json).

use serde::Serialize;
use tauri::{AppHandle, State};

use crate::embedded::Shell;
use crate::windows;

/// Opens or closes the kitchen window; answers whether it is open now.
#[tauri::command]
pub fn toggle_kitchen_window(app: AppHandle) -> Result<bool, String> {
    windows::toggle_kitchen(&app)
}

#[derive(Serialize)]
pub struct ShellStatus {
    /// The server's address on the shop network, for pairing kitchen screens; none while starting.
    lan_url: Option<String>,
    kitchen_window_open: bool,
}

/// Lets a page know it runs inside the desktop app, and where other devices reach the shop.
#[tauri::command]
pub fn shell_status(app: AppHandle, shell: State<'_, Shell>) -> ShellStatus {
    use tauri::Manager;
    ShellStatus {
        lan_url: shell.urls().map(|urls| urls.lan),
        kitchen_window_open: app.get_webview_window(windows::KITCHEN).is_some(),
    }
}
