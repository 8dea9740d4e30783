#!/usr/bin/env bash
# Installs what is missing, builds the web app and serves it on localhost.
#   PORT=9000 scripts/run.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
bash scripts/setup.sh
TRAYECTO_TESTS=OFF bash scripts/build-web.sh
exec node scripts/serve.mjs dist "${PORT:-8080}" 127.0.0.1
