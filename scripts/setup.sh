#!/usr/bin/env bash
# Installs every tool the build and the tests need, idempotently: each step checks first and is a no-op
# (well under a second) when the tool is already there. See ../shared/notes/toolchain.md for why each
# step is the way it is (no --locked for wasm-bindgen-cli, binaryen from npm and never from Debian, ...).
set -euo pipefail
cd "$(dirname "$0")/.."

# Must equal the `wasm-bindgen` crate version pinned with `=` in Cargo.toml.
WASM_BINDGEN_VERSION=$(sed -n 's/^wasm-bindgen = { version = "=\([0-9.]*\)".*/\1/p' Cargo.toml)
[ -n "$WASM_BINDGEN_VERSION" ] || { echo "setup: cannot read the wasm-bindgen pin from Cargo.toml" >&2; exit 1; }

export PATH="$HOME/.cargo/bin:$PATH"
if ! command -v cargo >/dev/null; then
  echo "setup: cargo not found; the machine's Rust toolchain (rustup) is required" >&2; exit 1
fi

rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown

if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
  echo "setup: installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 2 minutes, once)"
  cargo install wasm-bindgen-cli --version "=$WASM_BINDGEN_VERSION" --force
fi

# Debian's Chromium (the only browser we can get here) for wasm-bindgen-test and Playwright, and a small
# CJK font so that the console's Simplified Chinese renders in screenshots.
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null || [ ! -d /usr/share/fonts/truetype/wqy ]; then
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver fonts-wqy-microhei >/dev/null
fi

# JavaScript tools (wasm-opt from binaryen, typescript, playwright-core, workerd, deno, vite, ...) live in
# tools/node_modules, at the exact versions pinned in tools/package.json. (`npm ci` is not used: npm
# leaves other platforms' optional packages of workerd and deno out of the lock file and then refuses it.)
if [ ! -f tools/node_modules/.installed ] || [ tools/package.json -nt tools/node_modules/.installed ]; then
  (cd tools && npm install --no-audit --no-fund --loglevel=error)
  touch tools/node_modules/.installed
fi
