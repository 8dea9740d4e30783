#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test: native (ctest: core, app, CLI),
# a short fuzz run, the core tests compiled to wasm under node, the live room server's tests and
# the browser tests.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
JOBS="${JOBS:-$(nproc)}"
section() { printf '\n==== %s ====\n' "$*"; }

section "setup"
bash scripts/setup.sh

section "native build and tests"
cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/native -j"$JOBS"
(cd build/native && ctest --output-on-failure -j"$JOBS")

if [ -f scripts/fuzz.sh ]; then
  section "fuzzing the loader, the exports, the merge and the link decoder (short run)"
  bash scripts/fuzz.sh "${FUZZ_SECONDS:-30}"
fi

section "web build, and the core tests under node (wasm)"
bash scripts/build-web.sh
(cd build/web && ctest --output-on-failure)

section "live room server (node, Yjs clients over WebSockets)"
node tests/live/rooms.test.mjs

section "browser tests (headless Chromium)"
node tests/e2e/run.mjs
