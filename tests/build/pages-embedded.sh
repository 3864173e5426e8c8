#!/usr/bin/env bash
# Issue 13: a release binary always carries the current pages, whatever order people build in,
# or it does not build and says what to run. Run from anywhere; it uses this checkout and its
# target/ (three incremental release builds of the `forno` binary: a few minutes on 2 cores).
#
#   1. No ui/dist: `cargo build --release --bin forno` stops and says to run `make ui`.
#   2. Build the UI, then build again: /staff is ui/dist/staff.html, its script loads.
#   3. The UI changes after that build (a page edited, an asset added): build again and the
#      binary serves the new page and the new file, without any clean.
#   4. The UI is built for real again (the added asset is gone): build again and the binary
#      serves exactly that: the real page, and 404 for the asset that no longer exists.
#
# Leaves a real ui/dist and a target/release/forno that embeds it.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
work="$(mktemp -d)"
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

step() { echo; echo "== $*"; }
fail() { echo "FAIL: $*" >&2; exit 1; }

build() { cargo build --release --bin forno 2>"$work/build.log" || { cat "$work/build.log" >&2; return 1; }; }

# Starts the release binary on a free loopback port with a fresh data dir; sets $url.
serve() {
  stop
  rm -rf "$work/data" && mkdir -p "$work/data"
  target/release/forno serve --data-dir "$work/data" --listen 127.0.0.1:0 >"$work/serve.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 100); do
    url=$(grep -o 'Forno is serving on http://[^ ]*' "$work/serve.log" | head -1 | sed 's/.* on //') || true
    [ -n "$url" ] && return 0
    kill -0 "$server_pid" 2>/dev/null || { cat "$work/serve.log" >&2; fail "the server stopped"; }
    sleep 0.1
  done
  cat "$work/serve.log" >&2
  fail "the server did not say where it serves"
}
stop() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  server_pid=""
}

# GET $1 must answer $2 (a status); with $3, its body must equal that file byte for byte.
expect_get() {
  local path=$1 status=$2 file=${3:-}
  local got
  got=$(curl -s -o "$work/body" -w '%{http_code}' "$url$path")
  [ "$got" = "$status" ] || fail "GET $path answered $got, expected $status"
  if [ -n "$file" ]; then
    cmp -s "$work/body" "$file" || fail "GET $path is not the current $file"
  fi
  echo "ok: GET $path → $status${file:+ (= $file)}"
}

# The staff page and the script it loads, as in ui/dist now.
expect_current_staff_page() {
  expect_get /staff 200 ui/dist/staff.html
  local script
  script=$(grep -o '/assets/staff-[^"]*\.js' ui/dist/staff.html | head -1)
  [ -n "$script" ] || fail "ui/dist/staff.html loads no /assets/staff-*.js"
  expect_get "$script" 200 "ui/dist$script"
}

step "1. cargo build --release before the UI is built"
rm -rf ui/dist
if build; then fail "a release build without ui/dist succeeded: it would serve 404s"; fi
grep -q 'run `make ui`' "$work/build.log" || { cat "$work/build.log" >&2; fail "the refusal does not say to run make ui"; }
echo "ok: refused with: $(grep -o 'the shop.s pages are not built.*' "$work/build.log" | head -1)"

step "2. make ui, then cargo build --release"
node scripts/build-ui.mjs >"$work/ui.log" 2>&1 || { cat "$work/ui.log" >&2; fail "building the UI failed"; }
build
serve
expect_current_staff_page
stop

step "3. the UI changes after the binary was built; cargo build --release again"
marker="pages-check-$$-$RANDOM"
echo "<!-- $marker -->" >>ui/dist/staff.html
echo "console.log('$marker');" >"ui/dist/assets/$marker.js"
build
serve
expect_current_staff_page
expect_get "/assets/$marker.js" 200 "ui/dist/assets/$marker.js"
stop

step "4. make ui again (the added file is gone); cargo build --release"
node scripts/build-ui.mjs >"$work/ui.log" 2>&1 || { cat "$work/ui.log" >&2; fail "building the UI failed"; }
build
serve
expect_current_staff_page
grep -q "$marker" ui/dist/staff.html && fail "make ui kept the edited page"
expect_get "/assets/$marker.js" 404
stop

echo
echo "pages-embedded: every build order gives a binary with the current pages, or a clear refusal"
