# Puts the build's tools first in PATH. Sourced from the project root by scripts/setup.sh,
# serve.sh, test.sh and measure/*.sh; to run Trunk by hand: `. scripts/build/env.sh && trunk build`.
#   scripts/build/bin           the wasm-bindgen shim (it must come before the real wasm-bindgen)
#   ~/.cargo/bin                trunk, the real wasm-bindgen, wasm-split-cli (cargo install)
#   scripts/build/node_modules  wasm-opt from binaryen 132 (npm), never Debian's older one
export PATH="$PWD/scripts/build/bin:$HOME/.cargo/bin:$PWD/scripts/build/node_modules/.bin:$PATH"
