#!/usr/bin/env bash
# Prints the desktop app's figures, each next to its baseline from the same run:
# cold start to /healthz (vs headless `forno serve`), idle PSS (vs an empty Tauri 2 window), .deb size.
# Builds what is missing: the app and .deb (build.sh), `forno`, and the empty Tauri app in /tmp.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target}"
bash "$here/setup.sh"
[ -x "$CARGO_TARGET_DIR/release/forno-desktop" ] || bash "$here/build.sh"
[ -x "$CARGO_TARGET_DIR/release/forno" ] || (cd "$root" && cargo build --release --bin forno)

# The baseline: an empty Tauri 2 window built with the same tauri version, features and release
# profile (it shares compiled dependencies with the app in the same target dir).
empty=/tmp/forno-empty-tauri
if [ ! -x "$CARGO_TARGET_DIR/release/empty-tauri" ]; then
  mkdir -p "$empty/src" "$empty/dist"
  cp "$root/Cargo.lock" "$empty/Cargo.lock"
  cat > "$empty/Cargo.toml" <<'TOML'
[package]
name = "empty-tauri"
version = "0.1.0"
edition = "2024"
[workspace]
[build-dependencies]
tauri-build = { version = "2", features = [] }
[dependencies]
tauri = { version = "2", features = ["tray-icon", "image-png", "custom-protocol"] }
[profile.release]
lto = "thin"
codegen-units = 4
strip = true
TOML
  echo 'fn main() { tauri_build::build() }' > "$empty/build.rs"
  echo 'fn main() { tauri::Builder::default().run(tauri::generate_context!()).expect("run"); }' > "$empty/src/main.rs"
  echo '<!doctype html><title>empty</title><body></body>' > "$empty/dist/index.html"
  cat > "$empty/tauri.conf.json" <<JSON
{ "productName": "empty-tauri", "version": "0.1.0", "identifier": "test.empty.tauri",
  "build": { "frontendDist": "dist" },
  "app": { "windows": [ { "title": "empty", "width": 1280, "height": 800 } ] },
  "bundle": { "icon": ["$root/icons/32x32.png", "$root/icons/128x128.png", "$root/icons/icon.png"] } }
JSON
  (cd "$empty" && cargo build --release)
fi

EMPTY_TAURI_BIN="$CARGO_TARGET_DIR/release/empty-tauri" node "$here/measure.mjs"
deb=$(ls -t "$CARGO_TARGET_DIR"/release/bundle/deb/*.deb | head -1)
bytes=$(stat -c %s "$deb")
echo "deb size: $(awk "BEGIN{printf \"%.1f\", $bytes/1048576}") MiB ($bytes bytes, $(basename "$deb")), target < 12 MiB"
