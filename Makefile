# lesspay2: the two commands a newcomer needs are `make demo` and `make test`; everything else is a
# step of those. Every target installs what it needs first (scripts/setup.sh is idempotent).
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/tools/node_modules/.bin:$(PATH)
export CHROMEDRIVER := /usr/bin/chromedriver
# Panic locations in the .wasm name their source files, and the registry's crates are named from
# $CARGO_HOME: remapped, the modules are the same bytes whoever builds them (`make test-size` checks).
# Set for every wasm build (package and wasm tests alike), so that they share their compiled crates;
# not for a path with a space, which cargo's RUSTFLAGS cannot carry (test-size then leaves it unchecked).
cargo_home := $(or $(CARGO_HOME),$(HOME)/.cargo)
ifeq ($(words $(cargo_home)),1)
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS := --remap-path-prefix=$(cargo_home)=/cargo
endif

.PHONY: setup pkg demo test bench fuzz \
        test-rust test-wasm-node test-wasm-browser test-js test-types test-e2e java-fixtures \
        test-runtimes test-handler test-packages test-workerd test-vite test-next test-errors test-validation test-standard-schema \
        test-size test-fuzz-smoke java-diff

setup:
	@bash scripts/setup.sh

## The npm package in pkg/ (the .wasm of `lesspay2`, `lesspay2/client` and `lesspay2/edge`, glue, entry files,
## README).
pkg: setup
	@bash scripts/build-pkg.sh

## Builds the package and serves the merchant console in www/ on http://127.0.0.1:8080.
demo: pkg
	@node scripts/serve.mjs --port 8080

## Every test suite. The package is built once and reused by every suite after it.
test: setup test-rust pkg test-size test-wasm-node test-wasm-browser test-js test-standard-schema test-types test-e2e test-runtimes test-fuzz-smoke
	@echo "make test: every suite passed"

# Rust tests, lints, and the API docs (the README is the crate's front page) with no broken link.
test-rust:
	cargo test --quiet --all-targets
	cargo test --quiet --doc
	cargo clippy --quiet --all-targets -- -D warnings
	RUSTDOCFLAGS="-D warnings" cargo doc --quiet --no-deps --document-private-items

# wasm-bindgen-test, in Node and in real headless Chromium (after clippy over each module's feature set). The
# runner prints no test and exits 0 when it skips, so scripts/expect-tests.sh fails the build unless the
# expected suites really ran.
test-wasm-node:
	cargo clippy --quiet --target wasm32-unknown-unknown --lib --tests -- -D warnings
	cargo clippy --quiet --target wasm32-unknown-unknown --lib --no-default-features --features wasm-client --target-dir target/client -- -D warnings
	cargo clippy --quiet --target wasm32-unknown-unknown --lib --no-default-features --features wasm-signing --target-dir target/edge -- -D warnings
	cargo test --target wasm32-unknown-unknown --test wasm 2>&1 | bash scripts/expect-tests.sh "wasm (node)"

test-wasm-browser:
	WASM_BINDGEN_USE_BROWSER=1 cargo test --target wasm32-unknown-unknown --test wasm 2>&1 \
	  | bash scripts/expect-tests.sh "wasm (chromium)"

## node:test over the built package through its Node ESM and CommonJS entries; then the robustness tests again
## in Bun, whose engine is JavaScriptCore, not V8 (about 3 minutes: the stack-limit sweeps are slow there).
test-js:
	node --test tests/js/
	tools/node_modules/.bin/bun test --timeout 600000 ./tests/js/robustness.test.mjs

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

## The merchant console in real headless Chromium (playwright-core driving Debian's chromium): every tool
## used through the UI; screenshots at desktop and phone widths in tests/e2e/screenshots/.
## `make test-e2e UPDATE_DOCS_SCREENSHOT=1` also refreshes docs/console.png.
test-e2e:
	node --test --test-concurrency=1 tests/e2e/

## Regenerates the JDK fixtures (needs a JDK; not part of `make test`: the fixtures are committed):
## tests/java/hashmap_orders.json from a real java.util.HashMap (checked by tests/java_hashmap.rs and
## src/java_hashmap.rs), tests/java/bigdecimal_texts.json from java.math.BigDecimal (tests/java_bigdecimal.rs),
## tests/java/signutil_model.json from a model of the demo's SignUtil on the JDK (tests/java_signutil.rs).
java-fixtures:
	@command -v java >/dev/null || { echo "java-fixtures: no java on PATH" >&2; exit 1; }
	java tests/java/HashMapOrder.java > tests/java/hashmap_orders.json.tmp
	mv tests/java/hashmap_orders.json.tmp tests/java/hashmap_orders.json
	java tests/java/BigDecimalText.java > tests/java/bigdecimal_texts.json.tmp
	mv tests/java/bigdecimal_texts.json.tmp tests/java/bigdecimal_texts.json
	java -Xss64m tests/java/SignUtilModel.java > tests/java/signutil_model.json.tmp
	mv tests/java/signutil_model.json.tmp tests/java/signutil_model.json

## The SignUtil model on a new seed, many more and longer bodies than its committed fixture, checked against
## the native crate and the built package (needs a JDK): `make java-diff [SEED=n] [COUNT=n]`. COUNT up to about
## 200,000: the JS check reads the model's output as one string, which V8 caps at 512 MB (300,000 bodies made 612 MB).
ifndef SEED
SEED := $(shell date +%s)
endif
COUNT ?= 20000
java-diff: pkg
	@command -v java >/dev/null || { echo "java-diff: no java on PATH" >&2; exit 1; }
	mkdir -p target/java-model
	java -Xss64m -Dseed=$(SEED) -Dcount=$(COUNT) -Dmaxlen=20000 tests/java/SignUtilModel.java > target/java-model/seed-$(SEED).json
	LESSPAY2_JAVA_MODEL=$(CURDIR)/target/java-model/seed-$(SEED).json cargo test --quiet --release --test java_signutil
	JAVA_MODEL=$(CURDIR)/target/java-model/seed-$(SEED).json node --test tests/js/java-model.test.mjs
	@echo "java-diff: $(COUNT) bodies on seed $(SEED) agree with the model"

## The packed package (`npm pack`, installed from the tarball into fresh projects) on the real runtimes.
test-runtimes: test-handler test-packages test-workerd test-vite test-next

# createWebhookHandler and the Standard Webhooks signer, cross-checked with the standardwebhooks library;
# the README's node:http webhook server, run as written and sent real requests.
test-handler:
	node --test tests/runtimes/handler.test.mjs tests/runtimes/readme.test.mjs

# Node 18, 20, 22, 24 and 26, ESM + CommonJS; Deno, Bun, tsc --strict (node16 and bundler) over the vectors; Node servers bundled by esbuild.
test-packages:
	node tests/runtimes/packages.mjs

# The edge-webhook example worker served by workerd, with an origin stub checking Standard Webhooks, and
# workers on lesspay2/client and lesspay2: each module by module and as bundled by `wrangler deploy`.
test-workerd:
	node tests/runtimes/workerd.mjs

# A Vite production build of a small app importing the package, served and opened in headless Chromium.
test-vite:
	node tests/runtimes/vite.mjs

# A Next.js app (server component, route handler, client component in headless Chromium) built with
# Turbopack and with webpack under `next start`, and as a standalone server (with and without
# serverExternalPackages).
test-next:
	node tests/runtimes/next.mjs

## Error decoding alone (tests/errors.rs and tests/js/errors.test.mjs; `make test` runs both through
## test-rust and test-js).
test-errors: pkg
	cargo test --quiet --test errors
	node --test tests/js/errors.test.mjs

## The size budget of the built .wasm files: prints the gzipped sizes, fails above 80 KB = 80,000 bytes for
## `lesspay2` (the goal is 60 KB) and above the 60 KB goal itself for `lesspay2/client` and `lesspay2/edge`.
## Deterministic: gzip -9 -n of the files `make pkg` wrote.
test-size:
	@bash scripts/test-size.sh pkg/lesspay2_bg.wasm 80000
	@bash scripts/test-size.sh pkg/client/lesspay2_bg.wasm 60000
	@bash scripts/test-size.sh pkg/edge/lesspay2_bg.wasm 60000

## cargo-fuzz: every target in fuzz/ for FUZZ_SECONDS each (default 120), seeded from the vectors.
FUZZ_SECONDS ?= 120
fuzz:
	@bash scripts/fuzz.sh $(FUZZ_SECONDS)

## A short fuzz run inside `make test` (12 s per target); skipped LOUDLY when nightly is missing.
test-fuzz-smoke:
	@bash scripts/fuzz.sh 12

## Benchmarks: Node (wasm vs correct JS baselines, memory over 1,000,000 verifications) on this machine's Node
## and on the active LTS line's (scripts/nodes.mjs), cold start in both Nodes and workerd, then native criterion.
## Medians and ratios side by side; nothing asserted.
bench: pkg
	node bench/node/bench.mjs
	node scripts/nodes.mjs lts bench/node/bench.mjs
	node bench/node/cold-start.mjs
	node scripts/nodes.mjs lts bench/node/cold-start.mjs --node-only
	bash bench/native.sh
