#!/usr/bin/env bash
# Builds the browser module with the settings in wasm-pack.toml: wasm-pack (no downloads),
# then wasm-opt from node_modules. Prints the settings it used and the .wasm size, copies the
# timing page's peer library (compromise, a devDependency) to www/bench-lib/, writes the .wasm
# brotli-compressed next to it (.wasm.br, which scripts/server.mjs sends when accepted), and writes the
# download size report (scripts/size_report.py) to target/size-report.txt.
#   scripts/build.sh [--config FILE] [--dry-run] [--no-setup] [--if-stale]
# --dry-run prints the settings and the commands without running them.
# --no-setup skips scripts/setup.sh (the caller ran it).
# --if-stale does nothing when the module is newer than every input of the build.
set -euo pipefail
cd "$(dirname "$0")/.."

config=wasm-pack.toml
dry_run=0
setup=1
if_stale=0
while [ $# -gt 0 ]; do
  case "$1" in
    --config) config="$2"; shift 2 ;;
    --dry-run) dry_run=1; shift ;;
    --no-setup) setup=0; shift ;;
    --if-stale) if_stale=1; shift ;;
    *) echo "build: unknown argument $1" >&2; exit 2 ;;
  esac
done

settings=$(python3 scripts/build_settings.py "$config")
eval "$settings"

echo "build: settings from $config: target=$TARGET profile=$PROFILE out_dir=$OUT_DIR out_name=$OUT_NAME" \
  "wasm-opt=$([ "$WASM_OPT" = 1 ] && echo "$WASM_OPT_LEVEL $WASM_OPT_FLAGS" || echo off)"

wasm="$OUT_DIR/${OUT_NAME}_bg.wasm"
# --no-opt: wasm-pack must never run whatever wasm-opt is first in PATH; we run ours below.
case "$PROFILE" in
  release|profiling|dev) profile_arg=("--$PROFILE") ;;
  *) profile_arg=(--profile "$PROFILE") ;;   # a custom [profile.NAME] of Cargo.toml
esac
pack=(wasm-pack build --target "$TARGET" "${profile_arg[@]}" --mode no-install --no-opt --no-pack
      --out-dir "$OUT_DIR" --out-name "$OUT_NAME")
# shellcheck disable=SC2206  # the flags are single words by construction (build_settings.py)
opt=(node_modules/.bin/wasm-opt "$WASM_OPT_LEVEL" $WASM_OPT_FLAGS "$wasm" -o "$wasm")
# For the size report: the same optimisation with the function names kept (-g), so that twiggy
# can say what the shipped code is made of (-g changes the result by well under 0.1 %). Only
# for the page's own build, from wasm-bindgen's output, before the in-place run above.
named=target/size/${OUT_NAME}_bg.named.wasm
# shellcheck disable=SC2206
named_opt=(node_modules/.bin/wasm-opt "$WASM_OPT_LEVEL" -g $WASM_OPT_FLAGS "$wasm" -o "$named")

if [ "$dry_run" = 1 ]; then
  echo "build: would run: ${pack[*]}"
  [ "$WASM_OPT" = 1 ] && [ "$OUT_DIR" = www/pkg ] && echo "build: would run: ${named_opt[*]}"
  [ "$WASM_OPT" = 1 ] && echo "build: would run: ${opt[*]}"
  exit 0
fi

# Only www/bench.html loads it; the page and the widget never do.
bench_lib() {
  local from=node_modules/compromise/builds/three/compromise-three.mjs
  if [ -f "$from" ]; then
    mkdir -p www/bench-lib
    cp "$from" www/bench-lib/compromise.mjs
  else
    echo "build: $from is missing (npm ci): the timing page will say so" >&2
  fi
}

if [ "$if_stale" = 1 ] && [ -f "$wasm" ] &&
   [ -z "$(find src Cargo.toml Cargo.lock "$config" package-lock.json -newer "$wasm" -print -quit)" ]; then
  echo "build: $wasm is up to date"
  bench_lib
  exit 0
fi

[ "$setup" = 1 ] && ./scripts/setup.sh
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

"${pack[@]}"
before=$(stat -c %s "$wasm")
if [ "$OUT_DIR" = www/pkg ]; then
  mkdir -p target/size
  rm -f "$named"   # never report on a module from an earlier build
fi
if [ "$WASM_OPT" = 1 ]; then
  [ "$OUT_DIR" = www/pkg ] && "${named_opt[@]}"
  "${opt[@]}"
fi
raw=$(stat -c %s "$wasm")
gz=$(gzip -9 -c "$wasm" | wc -c)
echo "build: $wasm: $raw bytes ($gz gzip -9); $before before wasm-opt"
node scripts/precompress.mjs "$wasm"
bench_lib
if [ "$OUT_DIR" = www/pkg ]; then
  mkdir -p target
  python3 scripts/size_report.py > target/size-report.txt
  echo "build: download sizes (target/size-report.txt):"
  sed -n '1,/^  total/p' target/size-report.txt
fi
