//! How the windows' web views are set up. The counter PC runs the whole shop besides its two
//! windows, so the web views are kept lean: the pages are lists, buttons and forms, served from
//! this computer, and need neither the GPU nor a browser's caches.
//!
//! On Linux (WebKitGTK) without a GPU driver, accelerated compositing runs on Mesa's software
//! renderer, which loads LLVM into both the app and its web process (about 75 MiB here), and on
//! some drivers it shows a blank window; drawing on the CPU avoids both. The document-viewer
//! cache model keeps the smallest memory caches, since every page comes from the embedded
//! server on this computer. WebView2 (Windows) and WKWebView (macOS) are left as they are.

use tauri::WebviewWindow;

/// Applies the lean settings to a window's web view. Call it right after the window is built,
/// before it loads its page: a load under way when the drawing changes may be dropped.
pub fn make_lean(window: &WebviewWindow) {
    #[cfg(target_os = "linux")]
    if let Err(err) = window.with_webview(|webview| linux::make_lean(&webview.inner())) {
        tracing::warn!(
            window = window.label(),
            "could not set up the web view: {err}"
        );
    }
    #[cfg(not(target_os = "linux"))]
    let _ = window;
}

#[cfg(target_os = "linux")]
mod linux {
    use webkit2gtk::{
        CacheModel, HardwareAccelerationPolicy, SettingsExt, WebContextExt, WebViewExt,
    };

    pub fn make_lean(webview: &webkit2gtk::WebView) {
        if let Some(settings) = webview.settings() {
            settings.set_hardware_acceleration_policy(HardwareAccelerationPolicy::Never);
        }
        if let Some(context) = webview.context() {
            context.set_cache_model(CacheModel::DocumentViewer);
        }
    }
}
