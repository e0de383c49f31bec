#!/usr/bin/env bash
# Builds the npm package in pkg/: three optimised modules, `lesspay2` (pkg/lesspay2_bg.wasm: everything),
# `lesspay2/client` (pkg/client/lesspay2_bg.wasm: validation and error decoding, nothing that takes a
# secret) and `lesspay2/edge` (pkg/edge/lesspay2_bg.wasm: signing and verification, no validation or error
# decoding), each with its wasm-bindgen glue (ESM for browsers, Node ESM, workerd and Deno; a CommonJS copy
# for `require`), next to the hand-written entry files that are committed in pkg/. Run through `make pkg`.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/tools/node_modules/.bin:$PATH"

# Debian's wasm-opt (binaryen 108) emits modules that fail to load: insist on the pinned npm one.
case "$(wasm-opt --version 2>/dev/null)" in
  *"version 132"*) ;;
  *) echo "build-pkg: wasm-opt 132 from tools/node_modules is required (run scripts/setup.sh)" >&2; exit 1 ;;
esac

# wasm-bindgen: the glue (ESM for browsers, Node ESM, workerd and Deno; no-modules for the CommonJS copy)
# and the .wasm with its bindings, for the build of `raw` into `out`.
bindgen() {
  local raw=$1 out=$2
  rm -rf "$out" && mkdir -p "$out/web" "$out/cjs"
  wasm-bindgen "$raw" --out-dir "$out/web" --target web --no-typescript
  wasm-bindgen "$raw" --out-dir "$out/cjs" --target no-modules --no-typescript
  # Both glues must drive the very same module: that is what lets each entry ship one .wasm.
  cmp -s "$out/web/lesspay2_bg.wasm" "$out/cjs/lesspay2_bg.wasm" || {
    echo "build-pkg: the web and no-modules builds produced different .wasm files" >&2; exit 1; }
  # `__lesspay2_renew`: a new instance after an error unwound through the old one (pkg/extras.js `resilient`).
  node scripts/glue-renew.mjs "$out/web/lesspay2.js" "$out/cjs/lesspay2.js"
}

# The optimised .wasm and the glue of one module into the directory `dir` (pkg/ or pkg/client/).
# -Oz measured against -Os and `-Oz --converge` (smaller raw, larger gzipped); the names, producers and
# target-features sections are dropped (nothing at run time reads them). The --enable-* list matches what
# rustc 1.95 emits for wasm32-unknown-unknown. Sizes: README "Benchmarks and size".
# -Oz, then flatten + rereloop + -Oz again until it converges: measured ~0.6 KB gzipped smaller than -Oz alone.
# `first`: passes run before those (the size-tuned modules merge functions that differ only in constants).
package() {
  local out=$1 dir=$2 first=${3:-}
  mkdir -p "$dir/glue"
  # shellcheck disable=SC2086 # `first` is a list of passes, or nothing
  wasm-opt $first -Oz --flatten --rereloop -Oz --converge --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
    --enable-reference-types --enable-multivalue --strip-debug --strip-producers --strip-target-features \
    "$out/web/lesspay2_bg.wasm" -o "$dir/lesspay2_bg.wasm"
  # The glue sits in glue/, the .wasm one level up: fix its default URL so that bundlers find the asset.
  sed "s|new URL('lesspay2_bg.wasm', import.meta.url)|new URL('../lesspay2_bg.wasm', import.meta.url)|" "$out/web/lesspay2.js" > "$dir/glue/web.js"
  grep -q "new URL('../lesspay2_bg.wasm', import.meta.url)" "$dir/glue/web.js" || {
    echo "build-pkg: the glue's default .wasm URL was not found; check the wasm-bindgen output" >&2; exit 1; }
  { cat "$out/cjs/lesspay2.js"; printf '\nmodule.exports = wasm_bindgen;\n'; } > "$dir/glue/web.cjs"
  local raw_size gz_size
  raw_size=$(stat -c %s "$dir/lesspay2_bg.wasm")
  gz_size=$(gzip -9 -n -c "$dir/lesspay2_bg.wasm" | wc -c)
  echo "pkg: $dir/lesspay2_bg.wasm $raw_size bytes, $gz_size gzipped"
}

# The crate is an `rlib` for Rust users; the wasm modules are built as a `cdylib` here alone
# (`cargo rustc --crate-type`), so that a Rust dependent never builds a shared library it does not use.
wasm() { cargo rustc --quiet --lib --release --target wasm32-unknown-unknown --crate-type cdylib "$@"; }
# `lesspay2`: everything. It and `lesspay2/client` are compiled for size, SHA-256 included (the
# `compact-sha2` feature, Cargo.toml).
wasm --features compact-sha2
bindgen target/wasm32-unknown-unknown/release/lesspay2.wasm target/bindgen
# `lesspay2/client`: validation and error decoding for pages, without the bindings that take a secret
# (the `wasm-client` feature alone). `lesspay2/edge`: signing and verification for edge workers, without
# validation and error decoding (the `wasm-signing` feature alone). Each in its own target directory, so
# that no build invalidates another.
wasm --no-default-features --features wasm-client,compact-sha2 --target-dir target/client
bindgen target/client/wasm32-unknown-unknown/release/lesspay2.wasm target/bindgen-client
# `lesspay2/edge` verifies a webhook per request and has room under the 60 KB goal: compiled for speed
# (opt-level 2: verifyWebhook 1.36x faster than at "z" for +5.4 KB gzipped; 3 is no faster and 3 KB
# larger; measured in bench/README.md).
CARGO_PROFILE_RELEASE_OPT_LEVEL=2 \
  wasm --no-default-features --features wasm-signing --target-dir target/edge
bindgen target/edge/wasm32-unknown-unknown/release/lesspay2.wasm target/bindgen-edge

# --merge-similar-functions first: −182 B gzipped in `lesspay2`, −125 B in `lesspay2/client`, no change
# in speed (interleaved, ±1%); not for `lesspay2/edge`, compiled for speed, whose `sign` it made 1–4% slower.
package target/bindgen pkg --merge-similar-functions
package target/bindgen-client pkg/client --merge-similar-functions
package target/bindgen-edge pkg/edge
# The package's page on npm.
cp README.md pkg/README.md
node scripts/cjs-extras.mjs pkg/extras.js pkg/glue/extras.cjs
node scripts/cjs-types.mjs pkg/index.d.ts pkg/index.d.cts
node scripts/cjs-types.mjs pkg/client/index.d.ts pkg/client/index.d.cts
node scripts/cjs-types.mjs pkg/edge/index.d.ts pkg/edge/index.d.cts
