#!/usr/bin/env bash
# Builds the desktop app in release mode and its Linux .deb (target/release/bundle/deb/).
set -euo pipefail
cd "$(dirname "$0")/../../src-tauri"
[ -x node_modules/.bin/tauri ] || npm ci --no-audit --no-fund
CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$(cd .. && pwd)/target}" npx tauri build --bundles deb
