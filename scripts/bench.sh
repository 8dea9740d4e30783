#!/usr/bin/env bash
# Measures Trayecto's performance and writes the table to docs/performance.md. Benchmarks, not
# tests: not part of CI. About 7-8 minutes on a 2-core machine once the builds exist; the first
# run also compiles the native core, the web app and a bare ImGui page (~5 minutes more).
#
#   scripts/bench.sh                 RUNS=5 (median of 5 runs), BUILD_TYPE=MinSizeRel (as build-web.sh)
#   RUNS=3 BUILD_TYPE=Release scripts/bench.sh
#   CPU_SLOWDOWN=4 scripts/bench.sh  every page 4x slower (CDP Emulation.setCPUThrottlingRate): a slow
#                                    laptop; its table goes to a section of its own in the doc
#
# Builds in its own folders and never touches build/native, build/web or dist/:
#   build/bench-native                      core, CLI, trayecto_bench (Release)
#   build/bench-web/app-build -> dist       the web app, as scripts/build-web.sh builds it
#   build/bench-web/hello-build -> hello    the baseline: a bare ImGui page, same flags (bench/web/)
# Maps of 200, 5 000 and 20 000 cards come from `trayecto generate --seed 2026` in a temporary
# folder. The measurements: bench/web/measure.mjs (browser) and trayecto_bench (native core);
# bench/web/report.mjs folds them into one table. Raw results: build/bench-web/results/.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}   # emscripten's JS optimizer needs Debian's acorn
JOBS="${JOBS:-$(nproc)}"
RUNS="${RUNS:-5}"
BUILD_TYPE="${BUILD_TYPE:-MinSizeRel}"   # as scripts/build-web.sh
CPU_SLOWDOWN="${CPU_SLOWDOWN:-1}"
SEED=2026
OUT="$ROOT/build/bench-web"
LOG="$OUT/build.log"
step() { printf '[bench] %s\n' "$*" >&2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$OUT/results"
: > "$LOG"
quiet() {   # runs a build step, showing its output only when it fails
  if ! "$@" >>"$LOG" 2>&1; then
    tail -n 40 "$LOG" >&2
    echo "[bench] failed: $* (full log: $LOG)" >&2
    exit 1
  fi
}

step "setup"
bash scripts/setup.sh >&2

step "native build ($ROOT/build/bench-native)"
quiet cmake -S . -B build/bench-native -DCMAKE_BUILD_TYPE=Release -DTRAYECTO_TESTS=OFF -DTRAYECTO_BENCH=ON
quiet cmake --build build/bench-native -j"$JOBS" --target trayecto trayecto_bench

step "web build, $BUILD_TYPE ($OUT/dist)"
quiet emcmake cmake -S . -B build/bench-web/app-build -DCMAKE_BUILD_TYPE="$BUILD_TYPE" \
  -DTRAYECTO_BENCH=OFF -DTRAYECTO_TESTS=OFF -DTRAYECTO_DIST_DIR="$OUT/dist"
quiet cmake --build build/bench-web/app-build -j"$JOBS"

step "baseline ImGui hello page, $BUILD_TYPE ($OUT/hello)"
quiet emcmake cmake -S bench/web -B build/bench-web/hello-build -DCMAKE_BUILD_TYPE="$BUILD_TYPE" \
  -DHELLO_OUT_DIR="$OUT/hello"
quiet cmake --build build/bench-web/hello-build -j"$JOBS"

step "maps of 200, 5 000 and 20 000 cards (seed $SEED)"
mkdir -p "$work/maps"
for cards in 200 5000 20000; do
  build/bench-native/trayecto generate --cards "$cards" --seed "$SEED" -o "$work/maps/m$cards.json"
done

step "native core: trayecto_bench, median of $RUNS repetitions"
build/bench-native/bench/trayecto_bench --benchmark_filter='^Sizes/' --benchmark_repetitions="$RUNS" \
  --benchmark_report_aggregates_only=true --benchmark_format=json >"$work/native.json"

step "browser: $RUNS runs of each measurement (headless Chromium)"
node bench/web/measure.mjs --app "$OUT/dist" --hello "$OUT/hello" --maps "$work/maps" \
  --runs "$RUNS" --cpu-slowdown "$CPU_SLOWDOWN" --out "$work/browser.json"

stamp="$(date -u +%Y%m%dT%H%M%SZ)"
cp "$work/native.json" "$OUT/results/native-$stamp.json"
cp "$work/browser.json" "$OUT/results/browser-$stamp.json"
node bench/web/report.mjs --results "$work/browser.json" --native "$work/native.json" \
  --dist "$OUT/dist" --hello "$OUT/hello" --doc docs/performance.md --build-type "$BUILD_TYPE"

# Live rooms on loopback (docs/live.md): the server in its own process, Yjs clients in another.
# LIVE_SECONDS=0 leaves them out.
if [ "${LIVE_SECONDS:-60}" != 0 ]; then
  step "live rooms: ${LIVE_CLIENTS:-30} clients a room, one room then ${LIVE_ROOMS:-20}, ${LIVE_SECONDS:-60} s each"
  quiet cmake --build build/bench-web/app-build -j"$JOBS" --target sync_node
  node --no-experimental-fetch bench/live/rooms-bench.mjs "$OUT/dist" build/bench-web/app-build/tests/sync_node.js \
    --seconds "${LIVE_SECONDS:-60}" --clients "${LIVE_CLIENTS:-30}" --rooms "${LIVE_ROOMS:-20}" | tee "$work/live.txt"
  # A page joining such a room, against the same page opening the map from its text.
  node bench/live/join-page.mjs "$OUT/dist" "$work/maps/m5000.json" --runs "$RUNS" --cpu-slowdown "$CPU_SLOWDOWN" \
    | tee -a "$work/live.txt"
  cp "$work/live.txt" "$OUT/results/live-$stamp.txt"
  node -e '
    const fs = require("fs");
    const [doc, live] = process.argv.slice(1);
    const text = fs.readFileSync(doc, "utf8");
    const lines = fs.readFileSync(live, "utf8").trim().split("\n").map((l) => "- " + l);
    const block = "<!-- live:begin (written by scripts/bench.sh) -->\n" +
      `Measured ${new Date().toISOString().slice(0, 19)}Z, bench/live/rooms-bench.mjs and join-page.mjs on loopback:\n\n` + lines.join("\n") + "\n<!-- live:end -->";
    const re = /<!-- live:begin[\s\S]*?<!-- live:end -->/;
    fs.writeFileSync(doc, re.test(text) ? text.replace(re, block) : text.trimEnd() + "\n\n## Live rooms\n\n" + block + "\n");
  ' docs/performance.md "$work/live.txt"
fi
