#!/usr/bin/env bash
# Sets up whatever is missing, builds the page if its sources changed, and serves it at
# http://127.0.0.1:${PORT:-8080}/ until Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
./scripts/build.sh --no-setup --if-stale
exec node scripts/server.mjs --port "${PORT:-8080}"
