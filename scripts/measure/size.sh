#!/usr/bin/env bash
# Prints every file of the release build raw, gzip and brotli, and the first-load total.
# Usage: scripts/measure/size.sh [--no-build]
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ "${1:-}" != "--no-build" ]; then
  scripts/setup.sh >/dev/null
  . scripts/build/env.sh
  trunk build --release >/dev/null 2>&1
fi
node scripts/measure/size-report.mjs dist
