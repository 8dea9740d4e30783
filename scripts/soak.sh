#!/usr/bin/env bash
# The soak test N times (60 s each, both cores kept busy): prints a line per run and, last,
# "runs N, edits made M, edits lost L". Builds the web app first when dist/ is missing.
#   scripts/soak.sh [N]        SOAK_SECONDS=S for another length
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
if [ ! -f dist/trayecto.wasm ] || [ ! -d node_modules/playwright-core ]; then
  bash scripts/setup.sh
  bash scripts/build-web.sh
fi
exec node tests/e2e/soak.mjs --runs "${1:-1}" --seconds "${SOAK_SECONDS:-60}"
