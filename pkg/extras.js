// Conveniences written in JavaScript on top of the wasm API, shared by every entry file. Each takes the
// wasm API object, so the same code serves the ESM and the CommonJS entries (see scripts/cjs-extras.mjs
// for the shape this file keeps: no imports, only top-level `export function`/`export const`).

/** The JavaScript-level helpers built on the wasm API object `api`. */
export function extend(api) {
  return {};
}
