#!/usr/bin/env bash
# cargo-fuzz over every target in fuzz/ for a bounded time: `scripts/fuzz.sh SECONDS_PER_TARGET`.
# `make fuzz` runs 120 s per target; `make test-fuzz-smoke` 12 s. Needs the nightly toolchain: without
# it the run is skipped with a loud message (never a silent pass). Seeds come from the public vectors.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
seconds=${1:-120}

skip() {
  printf '\n!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n' >&2
  printf '!!! FUZZING SKIPPED: %s\n' "$1" >&2
  printf '!!! install it (rustup toolchain install nightly) to run the fuzz targets\n' >&2
  printf '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n\n' >&2
  exit 0
}

rustup toolchain list 2>/dev/null | grep -q '^nightly' || skip "no nightly Rust toolchain on this machine"
if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "fuzz: installing cargo-fuzz from crates.io (once, ~2 min)"
  cargo install cargo-fuzz --quiet || skip "cargo install cargo-fuzz failed"
fi

# Seeds, per target and only into an empty corpus: the vector bodies for canonicalize and verify, the
# validation cases for validate, the error vectors for decode (scripts/fuzz-seeds.mjs).
for target in $(cargo +nightly fuzz list --fuzz-dir fuzz); do
  mkdir -p "fuzz/corpus/$target"
  if [[ -z "$(ls -A "fuzz/corpus/$target")" ]]; then
    node scripts/fuzz-seeds.mjs "$target" "fuzz/corpus/$target"
  fi
done

mkdir -p fuzz/target
# A target that does not compile is a failure of its own, not a crash to look for in artifacts/.
if ! cargo +nightly fuzz build -O --fuzz-dir fuzz >fuzz/target/build.log 2>&1; then
  grep -E '^(error|warning: unused)' -A8 fuzz/target/build.log >&2 || tail -40 fuzz/target/build.log >&2
  echo "fuzz: the fuzz targets do not build (fuzz/target/build.log)" >&2
  exit 1
fi
status=0
for target in $(cargo +nightly fuzz list --fuzz-dir fuzz); do
  echo "fuzz: $target for ${seconds}s"
  log="fuzz/target/$target.log"
  mkdir -p fuzz/target
  rc=0
  cargo +nightly fuzz run -O --fuzz-dir fuzz "$target" "fuzz/corpus/$target" -- \
    -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 >"$log" 2>&1 || rc=$?
  grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb)|ERROR|panicked|SUMMARY|Test unit written' "$log" || true
  if [[ $rc != 0 ]]; then
    tail -40 "$log" >&2
    if grep -q 'Test unit written' "$log"; then
      echo "fuzz: $target FAILED (the crashing input is in fuzz/artifacts/$target/)" >&2
    else
      echo "fuzz: $target FAILED (exit $rc, no crashing input written; see $log)" >&2
    fi
    status=1
  fi
done
exit $status
