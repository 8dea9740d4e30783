#!/usr/bin/env bash
# Builds the web app into dist/ (and the core tests compiled to wasm) with Emscripten.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# Emscripten's JS optimizer needs Debian's acorn even when another node comes first in PATH.
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}
JOBS="${JOBS:-$(nproc)}"
emcmake cmake -S . -B build/web -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-MinSizeRel}" -DTRAYECTO_BENCH=OFF \
  -DTRAYECTO_TESTS="${TRAYECTO_TESTS:-ON}" >/dev/null
cmake --build build/web -j"$JOBS"
