#!/usr/bin/env bash
# Installs everything FasciaMap needs to build (and, with --test, to run the browser tests).
# Idempotent: each step checks first and returns at once when the tool is already right.
# Sources: the cargo registry, npm and Debian packages only (no other downloads).
#   build:  wasm32 target, trunk, wasm-bindgen-cli, wasm-split-cli (~/.cargo/bin);
#           wasm-opt and terser from scripts/build/package.json (scripts/build/node_modules)
#   --test: Playwright and axe from tests/e2e/package.json (tests/e2e/node_modules), and
#           Debian's Chromium
set -euo pipefail
cd "$(dirname "$0")/.."
want_test=0
[ "${1:-}" = "--test" ] && want_test=1

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
. scripts/build/env.sh

# 1. Rust target for the browser.
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# 2. Trunk (0.21.14: newer ones need a newer rustc than this machine has).
TRUNK_VERSION=0.21.14
if [ "$(trunk --version 2>/dev/null | awk '{print $2}')" != "$TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (about 6 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked --no-default-features --features rustls
fi

# 3. wasm-bindgen-cli at exactly the version Cargo.lock resolved (a mismatch breaks the build).
WB_VERSION=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/[^0-9.]/,""); print; exit}' Cargo.lock)
if [ -z "$WB_VERSION" ]; then
  cargo generate-lockfile
  WB_VERSION=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/[^0-9.]/,""); print; exit}' Cargo.lock)
fi
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WB_VERSION" ]; then
  say "installing wasm-bindgen-cli $WB_VERSION (about 3 minutes)"
  # Without --locked: its own lockfile pins a crate version this registry does not have.
  cargo install wasm-bindgen-cli --version "$WB_VERSION" --force
fi

# 3b. wasm-split-cli: cuts the wasm at its lazily loaded parts (scripts/build/bin/wasm-bindgen).
WS_VERSION=0.2.4
if ! command -v wasm-split-cli >/dev/null \
   || ! grep -q "wasm_split_cli_support $WS_VERSION " "$HOME/.cargo/.crates.toml" 2>/dev/null; then
  say "installing wasm-split-cli $WS_VERSION (about 2 minutes)"
  cargo install wasm_split_cli_support --version "$WS_VERSION" --locked --features build-binary
fi

# 4. npm tools, each folder from its own package-lock.json (npm ci), again only when that changed.
npm_ci() {
  local dir=$1 what=$2 stamp=$1/node_modules/.fasciamap-lock
  [ -f "$stamp" ] && cmp -s "$dir/package-lock.json" "$stamp" && return
  command -v npm >/dev/null || { echo "setup: npm is missing (Node 20 with npm is needed)" >&2; exit 1; }
  say "installing $what ($dir)"
  (cd "$dir" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
  cp "$dir/package-lock.json" "$stamp"
}
# The build's: wasm-opt (binaryen 132, never Debian's old one) and terser.
npm_ci scripts/build "the build's npm tools: wasm-opt, terser"
# The browser tests': Playwright (its browser download skipped) and axe.
if [ "$want_test" = 1 ]; then npm_ci tests/e2e "the browser tests' npm tools: Playwright, axe"; fi

# 5. Chromium for the browser tests (Debian's package; Playwright never downloads its own).
if [ "$want_test" = 1 ] && { [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; }; then
  say "installing Chromium from Debian"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
fi
say "ready"
