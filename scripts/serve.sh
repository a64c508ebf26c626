#!/usr/bin/env bash
# Sets everything up, builds the release app and serves it on http://127.0.0.1:${PORT:-8080}/
# Usage: scripts/serve.sh [--base /subpath/]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
. scripts/build/env.sh
base="/"
[ "${1:-}" = "--base" ] && base="${2:-/}"
trunk build --release --public-url "$base"
exec node scripts/static-server.mjs --dir dist --port "${PORT:-8080}" --base "$base"
