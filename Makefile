# lesspay2: the two commands a newcomer needs are `make demo` and `make test`; everything else is a
# step of those. Every target installs what it needs first (scripts/setup.sh is idempotent).
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/tools/node_modules/.bin:$(PATH)
export CHROMEDRIVER := /usr/bin/chromedriver

.PHONY: setup pkg demo test bench fuzz \
        test-rust test-wasm-node test-wasm-browser test-js test-types \
        test-runtimes test-handler test-packages test-workerd test-vite

setup:
	@bash scripts/setup.sh

## The npm package in pkg/ (one .wasm, glue, entry files).
pkg: setup
	@bash scripts/build-pkg.sh

## Builds the package and serves the merchant console in www/ on http://127.0.0.1:8080.
demo: pkg
	@node scripts/serve.mjs --port 8080

## Every test suite. The package is built once and reused by every suite after it.
test: setup test-rust pkg test-runtimes test-wasm-node test-wasm-browser test-js test-types
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

## The packed package (`npm pack`, installed from the tarball into fresh projects) on the real runtimes.
test-runtimes: test-handler test-packages test-workerd test-vite

# createWebhookHandler and the Standard Webhooks signer, cross-checked with the standardwebhooks library.
test-handler:
	node --test tests/runtimes/handler.test.mjs

# Node 20 ESM + CommonJS, Deno, tsc --strict (node16 and bundler) over the vectors.
test-packages:
	node tests/runtimes/packages.mjs

# The edge-webhook example worker served by workerd, with an origin stub checking Standard Webhooks.
test-workerd:
	node tests/runtimes/workerd.mjs

# A Vite production build of a small app importing the package, served and opened in headless Chromium.
test-vite:
	node tests/runtimes/vite.mjs
