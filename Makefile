# lesspay2: the two commands a newcomer needs are `make demo` and `make test`; everything else is a
# step of those. Every target installs what it needs first (scripts/setup.sh is idempotent).
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/tools/node_modules/.bin:$(PATH)
export CHROMEDRIVER := /usr/bin/chromedriver

.PHONY: setup pkg demo test bench fuzz \
        test-rust test-wasm-node test-wasm-browser test-js test-types test-validation test-standard-schema

setup:
	@bash scripts/setup.sh

## The npm package in pkg/ (one .wasm, glue, entry files).
pkg: setup
	@bash scripts/build-pkg.sh

## Builds the package and serves the merchant console in www/ on http://127.0.0.1:8080.
demo: pkg
	@node scripts/serve.mjs --port 8080

## Every test suite. The package is built once and reused by every suite after it.
test: setup test-rust pkg test-wasm-node test-wasm-browser test-js test-standard-schema test-types
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

## Parameter validation alone (Rust, then the package), for iterating on it; `test` runs both suites
## through test-rust and test-js.
test-validation: pkg
	cargo test --quiet --test validation
	node --test tests/js/validation.test.mjs

## The Standard Schema objects in a real consumer (Hono's standard validator), installed from the exact
## versions in tests/standard-schema/package-lock.json (once; again only when package.json changes).
test-standard-schema: pkg
	@cd tests/standard-schema && { [ node_modules/.installed -nt package.json ] || \
	  { npm ci --no-audit --no-fund --loglevel=error && touch node_modules/.installed; }; }
	node --test tests/standard-schema/

## tsc --strict over a consumer that uses every export.
test-types:
	tsc -p tests/types/tsconfig.json
