#!/usr/bin/env bash
# Sets up whatever is missing, then runs every test, stopping at the first failure:
#   1. native: cargo test (unit, integration and doc tests), and cargo doc with warnings as errors
#   2. wasm in headless Chromium: wasm-pack test (tests/wasm.rs; browser flags in webdriver.json)
#   3. the release build of the page (settings in wasm-pack.toml) with wasm-opt
#   4. end to end: node --test tests/e2e/ (playwright-core driving /usr/bin/chromium)
#   5. every document of ../shared/data through the CLI, offsets checked (skipped, saying so, without ../shared)
#   6. a short fuzz run of each libFuzzer target (scripts/fuzz.sh; FUZZ_SECONDS, default 20 per target)
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

step "API docs build without warnings: cargo doc"
RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --locked --quiet

step "wasm tests in headless Chromium: wasm-pack test"
# --test wasm: the browser tests only; unit and doc tests ran natively above.
wasm-pack test --headless --chrome --mode no-install --test wasm

step "release build of the page"
./scripts/build.sh --no-setup

step "end-to-end tests: node --test tests/e2e/"
node --test tests/e2e/

step "every data set through the CLI: scripts/check_data.py"
cargo build --release --locked --bin precis
python3 scripts/check_data.py

step "short fuzz run: scripts/fuzz.sh"
./scripts/fuzz.sh "${FUZZ_SECONDS:-20}"

echo
echo "== all tests passed in $((SECONDS - started)) s =="
