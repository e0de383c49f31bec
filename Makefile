# lesspay2: the two commands a newcomer needs are `make demo` and `make test`; everything else is a
# step of those. Every target installs what it needs first (scripts/setup.sh is idempotent).
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/tools/node_modules/.bin:$(PATH)
export CHROMEDRIVER := /usr/bin/chromedriver

.PHONY: setup pkg demo test bench fuzz \
        test-rust test-wasm-node test-wasm-browser test-js test-types test-size test-fuzz-smoke

setup:
	@bash scripts/setup.sh

## The npm package in pkg/ (one .wasm, glue, entry files).
pkg: setup
	@bash scripts/build-pkg.sh

## Builds the package and serves the merchant console in www/ on http://127.0.0.1:8080.
demo: pkg
	@node scripts/serve.mjs --port 8080

## Every test suite. The package is built once and reused by every suite after it.
test: setup test-rust pkg test-size test-wasm-node test-wasm-browser test-js test-types test-fuzz-smoke
	@echo "make test: every suite passed"

test-rust:
	cargo test --quiet --all-targets
	cargo test --quiet --doc
	cargo clippy --quiet --all-targets -- -D warnings

# wasm-bindgen-test, in Node and in real headless Chromium. The runner prints no test and exits 0 when
# it skips, so scripts/expect-tests.sh fails the build unless the expected suites really ran.
test-wasm-node:
	cargo test --quiet --target wasm32-unknown-unknown --test wasm 2>&1 | bash scripts/expect-tests.sh "wasm (node)"

test-wasm-browser:
	WASM_BINDGEN_USE_BROWSER=1 cargo test --quiet --target wasm32-unknown-unknown --test wasm 2>&1 \
	  | bash scripts/expect-tests.sh "wasm (chromium)"

## node:test over the built package through its Node ESM and CommonJS entries.
test-js:
	node --test tests/js/

## tsc --strict over a consumer that uses every export.
test-types:
	tsc -p tests/types/tsconfig.json

## The size budget of the built .wasm: prints the gzipped size, fails above 80 KB (the goal is 60 KB).
## Deterministic: gzip -9 -n of the file `make pkg` wrote.
test-size:
	@bash scripts/test-size.sh pkg/lesspay2_bg.wasm 81920

## cargo-fuzz: every target in fuzz/ for FUZZ_SECONDS each (default 120), seeded from the vectors.
FUZZ_SECONDS ?= 120
fuzz:
	@bash scripts/fuzz.sh $(FUZZ_SECONDS)

## A short fuzz run inside `make test` (12 s per target); skipped LOUDLY when nightly is missing.
test-fuzz-smoke:
	@bash scripts/fuzz.sh 12

## Benchmarks: Node (wasm vs correct JS baselines, memory over 1,000,000 verifications, cold start in
## Node and workerd), then native criterion. Medians and ratios side by side; nothing asserted.
bench: pkg
	node bench/node/bench.mjs
	node bench/node/cold-start.mjs
	bash bench/native.sh
