/**
 * Loads the WebAssembly module.
 *
 * - Browsers and bundlers: call `await init()` once before anything else. It is idempotent and safe to
 *   call concurrently; a failed load (network, wrong URL) is not kept, so a later call tries again. Pass
 *   a URL, `Response`, bytes or `WebAssembly.Module` to load the `.wasm` from elsewhere (it is also
 *   exported as `lesspay2/lesspay2.wasm`, and `lesspay2/client`'s as `lesspay2/client.wasm`: each entry
 *   needs its own). A function called before the module is loaded throws an
 *   `Error` that says to `await init()` first.
 * - Node (ESM and CommonJS), Deno and Cloudflare Workers: the module is ready on import; `init()` resolves
 *   at once, so code shared with browsers may always call it.
 *
 * Every function may also throw the engine's own `RangeError` when called with the stack almost full
 * (from deep recursion). The module then replaces its instance before the next call, which answers as
 * usual; a call that such an error interrupted inside the module throws an `Error` ("lesspay2: …() was
 * interrupted …") rather than answer from memory that may be corrupt.
 */
export default function init(moduleOrPath?: string | URL | Request | Response | WasmSource): Promise<void>;
export { init };

/** Synchronous instantiation from a compiled module or bytes (what the Node, Deno and Worker entries do). */
export function initSync(options: { module: WasmSource }): unknown;

/**
 * The `.wasm` as bytes or a compiled `WebAssembly.Module`. Spelled out instead of the DOM library's
 * `BufferSource`, and the module type taken from `globalThis` where a library declares it, so that these
 * types also compile in a Node project without `"DOM"` in `lib` (there the compiled module is left out).
 */
export type WasmSource =
  | ArrayBuffer
  | ArrayBufferView
  | (typeof globalThis extends { WebAssembly: { Module: { prototype: infer M } } } ? M : never);
