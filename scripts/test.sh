#!/usr/bin/env bash
# Sets up whatever is missing, then runs every test, stopping at the first failure:
#   1. native: cargo test (unit, integration and doc tests)
#   2. wasm in headless Chromium: wasm-pack test (tests/wasm.rs; browser flags in webdriver.json)
#   3. the release build of the page (settings in wasm-pack.toml) with wasm-opt
#   4. end to end: node --test tests/e2e/ (playwright-core driving /usr/bin/chromium)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

started=$SECONDS
step() {
  echo
  echo "== $* ($((SECONDS - started)) s so far) =="
}

step "setup"
./scripts/setup.sh

step "native tests: cargo test"
cargo test --locked

step "wasm tests in headless Chromium: wasm-pack test"
# --test wasm: the browser tests only; unit and doc tests ran natively above.
wasm-pack test --headless --chrome --mode no-install --test wasm

step "release build of the page"
./scripts/build.sh --no-setup

step "end-to-end tests: node --test tests/e2e/"
node --test tests/e2e/

echo
echo "== all tests passed in $((SECONDS - started)) s =="
