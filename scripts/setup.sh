#!/usr/bin/env bash
# Installs everything Trayecto needs on a Debian bookworm machine, as root.
# Idempotent: a second run finds everything in place and installs nothing.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

log() { printf '[setup] %s\n' "$*"; }
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive

# 1. Debian packages ---------------------------------------------------------
PACKAGES=(emscripten nlohmann-json3-dev catch2 chromium chromium-driver fonts-dejavu-core fonts-symbola
          libbenchmark-dev clang-14 libclang-rt-14-dev dpkg-dev xz-utils python3-fonttools)
missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
updated=0
apt_update() { if [ "$updated" = 0 ]; then log "apt-get update"; $SUDO apt-get update -qq; updated=1; fi; }
if [ "${#missing[@]}" -gt 0 ]; then
  apt_update
  log "installing: ${missing[*]}"
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  log "Debian packages already installed"
fi

source "$ROOT/scripts/apt-mirror.sh"   # debian_mirror

# 2. Dear ImGui 1.86 sources from Debian's source package ---------------------
IMGUI_DIR="$ROOT/third_party/imgui"
if [ ! -f "$IMGUI_DIR/imgui.cpp" ] || [ ! -f "$IMGUI_DIR/backends/imgui_impl_opengl3.cpp" ]; then
  SRC_LIST=/etc/apt/sources.list.d/trayecto-deb-src.sources
  if ! grep -rqsE '^[[:space:]]*(deb-src[[:space:]]|Types:.*deb-src)' "$APT_ETC/sources.list" "$APT_ETC/sources.list.d/"; then
    log "adding a deb-src entry for bookworm"
    uri=$(debian_mirror)
    if [ -z "$uri" ]; then
      echo "setup: no Debian mirror for bookworm found in $APT_ETC/sources.list or $APT_ETC/sources.list.d/" >&2
      echo "setup: add one (a 'deb URL bookworm main' line) and run this again" >&2
      exit 1
    fi
    printf 'Types: deb-src\nURIs: %s\nSuites: bookworm\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' "$uri" \
      | $SUDO tee "$SRC_LIST" >/dev/null
    updated=0
  fi
  apt_update
  tmp=$(mktemp -d); chmod 755 "$tmp"
  log "fetching the imgui source package"
  (cd "$tmp" && apt-get source --download-only -qq imgui >/dev/null)
  tarball=$(ls "$tmp"/imgui_1.86*.orig.tar.* | head -n1)
  rm -rf "$IMGUI_DIR" && mkdir -p "$IMGUI_DIR"
  tar -xf "$tarball" -C "$IMGUI_DIR" --strip-components=1
  rm -rf "$tmp"
  [ -f "$IMGUI_DIR/imgui.cpp" ] || { echo "setup: imgui sources not found in $tarball" >&2; exit 1; }
  log "imgui sources in third_party/imgui"
else
  log "imgui sources already in third_party/imgui"
fi

# 3. Playwright (driver only; the browser is Debian's chromium) ----------------
if [ ! -f "$ROOT/node_modules/playwright-core/package.json" ] \
   || [ "$ROOT/package-lock.json" -nt "$ROOT/node_modules/.package-lock.json" ]; then
  log "npm ci"
  (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error)
else
  log "node modules already installed"
fi
log "done"
