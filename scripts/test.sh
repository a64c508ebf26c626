#!/usr/bin/env bash
# Sets everything up and runs every test: native domain tests (cargo test), lints, the release
# build with its size report, and the browser tests in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
. scripts/build/env.sh

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "native tests (domain core, engine, storage format)"
cargo test --quiet

step "build scripts (node --test)"
node --test scripts/build/

step "lints"
cargo clippy --quiet --all-targets -- -D warnings
cargo clippy --quiet --target wasm32-unknown-unknown --lib --bins -- -D warnings

step "release build"
trunk build --release
node scripts/measure/size-report.mjs dist
node scripts/measure/first-load.mjs

step "browser tests (headless Chromium, 390x844 touch)"
cd tests/e2e
npx playwright test "$@"
