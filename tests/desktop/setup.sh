#!/usr/bin/env bash
# System packages the desktop build and its tests need (Debian 12). Installs only what is missing.
set -euo pipefail
packages=(libwebkit2gtk-4.1-dev build-essential curl wget file libxdo-dev libssl-dev
  libayatana-appindicator3-dev librsvg2-dev pkg-config xvfb xauth xserver-xorg-core xserver-xorg-video-dummy x11-xserver-utils x11-utils xdotool imagemagick dbus
  webkit2gtk-driver
  python3-dbus python3-gi gir1.2-glib-2.0) # the last three: tray-host.py, the tests' panel
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'ok installed' || missing+=("$package")
done
if ((${#missing[@]})); then
  echo "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# tauri-driver: WebDriver for the app's pages (the IPC test). Built once into the target dir.
root="$(cd "$(dirname "$0")/../.." && pwd)"
tools="${CARGO_TARGET_DIR:-$root/target}/tools"
if [ ! -x "$tools/bin/tauri-driver" ]; then
  CARGO_TARGET_DIR="$tools/build" cargo install tauri-driver --version '^2' --locked --root "$tools"
fi
