#!/usr/bin/env bash
# Installs what is missing, builds the web app and serves it on localhost, with the live room
# server on the same port (rooms kept in TRAYECTO_DATA, default live-data/; docs/live.md).
#   PORT=9000 scripts/run.sh          HOST=0.0.0.0 for other machines of the intranet
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
bash scripts/setup.sh
TRAYECTO_TESTS=OFF bash scripts/build-web.sh
exec node scripts/serve.mjs dist "${PORT:-8080}" "${HOST:-127.0.0.1}"
