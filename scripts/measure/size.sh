#!/usr/bin/env bash
# Prints every file of the release build raw, gzip and brotli, and the first-load total.
# Usage: scripts/size.sh [--no-build]
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" != "--no-build" ]; then
  scripts/setup.sh >/dev/null
  export PATH="$PWD/scripts/bin:$HOME/.cargo/bin:$PWD/tests/e2e/node_modules/.bin:$PATH"
  trunk build --release >/dev/null 2>&1
fi
node scripts/size-report.mjs dist
