#!/usr/bin/env bash
# The desktop app's tests (issue 5): install what is missing, build the app and the .deb, then run
# the black-box tests on a virtual X display with two monitors (tray.test.mjs: the tray menu, its
# dialogs and monitor hot-plug, with tray-host.py as the panel). Screenshots: target/desktop-screenshots/.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bash "$here/setup.sh"
[ "${FORNO_SKIP_BUILD:-}" = 1 ] || bash "$here/build.sh"
node --test --test-concurrency=1 "$here/desktop.test.mjs" "$here/tray.test.mjs"
