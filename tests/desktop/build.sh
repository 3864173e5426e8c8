#!/usr/bin/env bash
# Builds the desktop app in release mode and its Linux .deb (target/release/bundle/deb/).
# Also from a clean clone: Tauri's beforeBuildCommand (tauri.conf.json) builds the pages into
# ui/dist first (scripts/build-ui.mjs), which the app embeds.
set -euo pipefail
cd "$(dirname "$0")/../../src-tauri"
[ -x node_modules/.bin/tauri ] || npm ci --no-audit --no-fund
CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$(cd .. && pwd)/target}" npx tauri build --bundles deb
