#!/usr/bin/env bash
# Installs what Forno needs on Debian 12, as root. Idempotent: skips what is already there.
#   scripts/setup.sh          build tools, Rust, Node.js (to build and run the shop)
#   scripts/setup.sh test     also Chromium (browser tests), Xvfb and Tauri's system libraries
set -euo pipefail

want_test=false
[ "${1:-}" = "test" ] && want_test=true

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

packages=(build-essential pkg-config curl ca-certificates git)
if $want_test; then
  packages+=(chromium xvfb xauth socat procps
             libwebkit2gtk-4.1-dev libxdo-dev libssl-dev libayatana-appindicator3-dev
             librsvg2-dev librsvg2-bin webkit2gtk-driver file wget)
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if ! command -v cargo >/dev/null 2>&1; then
  [ -x "$HOME/.cargo/bin/cargo" ] || curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal -c clippy,rustfmt
  export PATH="$HOME/.cargo/bin:$PATH"
fi

node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$node_major" -lt 20 ]; then
  # Debian 12 ships Node 18; Vite needs 20 or newer.
  curl -fsSL https://deb.nodesource.com/setup_22.x | as_root bash -
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq nodejs
fi
echo "setup: ready (cargo $(cargo --version | cut -d' ' -f2), node $(node --version))"
