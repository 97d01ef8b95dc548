#!/usr/bin/env bash
# Fuzzes the analysis with libFuzzer (cargo-fuzz): the whole analysis, HTML input and the
# sentence splitter, each checking that nothing panics and every offset keeps its promises.
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET ...]     (default: 20 s, all targets)
# Installs cargo-fuzz when missing. The stable toolchain runs libFuzzer's nightly flags
# through RUSTC_BOOTSTRAP=1; no sanitizer (-s none) keeps it on the one toolchain we have.
# A crash leaves its input in fuzz/artifacts/<target>/ and fails the script: turn it into a
# regression test in tests/robustness.rs.
set -euo pipefail
cd "$(dirname "$0")/.."
secs="${1:-20}"; shift || true
targets=("$@"); [ ${#targets[@]} -gt 0 ] || targets=(analyze_text analyze_html split_sentences)
FUZZ_VER=0.13.2
if [ "$(cargo fuzz --version 2>/dev/null | awk '{print $2}')" != "$FUZZ_VER" ]; then
  cargo install cargo-fuzz --version "$FUZZ_VER" --locked
fi
export RUSTC_BOOTSTRAP=1
for t in "${targets[@]}"; do
  mkdir -p "fuzz/corpus/$t"
  cp -n fuzz/seeds/* "fuzz/corpus/$t/" 2>/dev/null || true
  echo "fuzz: $t for ${secs}s"
  cargo fuzz run -s none "$t" "fuzz/corpus/$t" -- -max_total_time="$secs" -max_len=65536 -timeout=20 -rss_limit_mb=2048 2>&1 \
    | grep -E "^(#[0-9]+ *DONE|Done|INFO: fuzzing|==[0-9]+== ERROR|thread .* panicked|SUMMARY|artifact_prefix|Test unit written)" || true
  if [ -n "$(ls -A "fuzz/artifacts/$t" 2>/dev/null)" ]; then
    echo "fuzz: $t found a crash: fuzz/artifacts/$t/"; exit 1
  fi
done
echo "fuzz: no crashes"
