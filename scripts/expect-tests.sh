#!/usr/bin/env bash
# Reads a test runner's output on stdin, echoes it, and fails unless at least one test ran and none
# failed: wasm-bindgen-test-runner exits 0 having run nothing when it cannot find its browser.
set -uo pipefail
label=$1
output=$(cat)
printf '%s\n' "$output"
passed=$(printf '%s\n' "$output" | sed -n 's/.*test result: ok\. \([0-9]*\) passed.*/\1/p' | awk '{s+=$1} END {print s+0}')
if printf '%s\n' "$output" | grep -qE 'test result: FAILED|error(\[|:)'; then
  echo "$label: FAILED" >&2; exit 1
fi
if [ "$passed" -eq 0 ]; then
  echo "$label: no test ran (the runner skipped them); failing" >&2; exit 1
fi
echo "$label: $passed passed"
