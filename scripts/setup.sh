#!/usr/bin/env bash
# Installs whatever the build and the tests need and is missing; a no-op (under a second)
# when everything is there. Safe to run any number of times.
#   wasm32 target, wasm-pack 0.15.1, wasm-bindgen-cli (the version in Cargo.lock),
#   chromium + chromium-driver (apt), playwright-core, binaryen and compromise (for the timing
#   page only) (npm ci, package-lock.json).
set -euo pipefail
cd "$(dirname "$0")/.."

WASM_PACK_VER=0.15.1
# wasm-pack only uses a wasm-bindgen whose version string equals the crate's exactly.
WB_VER=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock)
if [ -z "$WB_VER" ]; then
  echo "setup: no wasm-bindgen in Cargo.lock" >&2
  exit 1
fi

say() { echo "setup: $*" >&2; }
ver() { command -v "$1" >/dev/null 2>&1 && "$1" --version 2>/dev/null | awk '{ print $2; exit }'; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# cargo install puts binaries here; a fresh shell may not have it in PATH yet.
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

for tool in cargo rustup node npm python3; do
  command -v "$tool" >/dev/null || { say "$tool is required but not installed"; exit 1; }
done

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(ver wasm-pack || true)" != "$WASM_PACK_VER" ]; then
  say "installing wasm-pack $WASM_PACK_VER (about 2 minutes)"
  cargo install wasm-pack --version "$WASM_PACK_VER" --locked
fi

if [ "$(ver wasm-bindgen || true)" != "$WB_VER" ] || ! command -v wasm-bindgen-test-runner >/dev/null; then
  say "installing wasm-bindgen-cli $WB_VER (about 4 minutes)"
  # Not --locked: its lockfile wants crate versions the registry may not have.
  cargo install wasm-bindgen-cli --version "$WB_VER" --force
fi

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  say "installing chromium and chromium-driver"
  as_root apt-get update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium chromium-driver
fi

# npm ci only when node_modules does not match package-lock.json (checked by the versions
# of the two packages in it), so a second run costs nothing.
npm_ok() {
  node -e '
    const lock = require("./package-lock.json").packages;
    for (const name of ["binaryen", "playwright-core", "compromise"]) {
      const want = lock["node_modules/" + name].version;
      const have = require("./node_modules/" + name + "/package.json").version;
      if (want !== have) process.exit(1);
    }' 2>/dev/null && [ -x node_modules/.bin/wasm-opt ]
}
if ! npm_ok; then
  say "installing npm packages (npm ci)"
  npm ci --no-audit --no-fund
fi
