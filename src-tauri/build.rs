fn main() {
    // Declaring the app's commands makes Tauri generate `allow-*` permissions for them, so the
    // capability file can grant them to the pages served by the embedded server.
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(
        tauri_build::AppManifest::new().commands(&["toggle_kitchen_window", "shell_status"]),
    ))
    .expect("tauri-build failed: check tauri.conf.json and capabilities/");
}
