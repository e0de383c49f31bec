//! The host's native SHA-256, where the runtime has a synchronous one: `hash` of `node:crypto`, found
//! through `process.getBuiltinModule` (Node 20.16+ and 22.3+, Deno, Bun, workerd with `nodejs_compat`).
//! Browsers have none (`crypto.subtle.digest` is asynchronous), nor has workerd without
//! `nodejs_compat`; there `sha2` hashes in wasm, as it does on any failure here.
//!
//! Why: wasm has no SHA instructions. Measured in Node 20 on this VM, SHA-256 compiled to wasm runs at
//! about 280 MB/s whatever the implementation (`sha2`'s and a plain unrolled one measured the same),
//! `node:crypto`'s at 1.4 GB/s, with about 0.6 µs per call on top. A 1 KB signed string (a 2-detail
//! payout webhook's) is hashed in 1.1 µs instead of 3.7 µs, 64 KB in 46 µs instead of 234 µs
//! (bench/README.md).
//!
//! Only the digest crosses back; the comparison stays in wasm, in constant time. The signed string
//! (with the secret) is handed over as a view of wasm memory for the duration of the call, as to any
//! other hash function in the process; nothing keeps it.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;

use super::js::Function;
use super::get;

/// Below this many bytes the call costs more than it saves. Measured in Node 20 (`sign`, hex digests): a
/// 192-byte signed string takes as long either way, 256 bytes 1.09x faster through the host, 512 bytes
/// 1.32x; 64 bytes 0.83x.
const MIN_LEN: usize = 256;

/// SHA-256("abc") (FIPS 180-2, appendix B.1): the host is used only after it gives this.
const ABC: [u8; 32] = [
    0xba, 0x78, 0x16, 0xbf, 0x8f, 0x01, 0xcf, 0xea, 0x41, 0x41, 0x40, 0xde, 0x5d, 0xae, 0x22, 0x23, 0xb0, 0x03, 0x61, 0xa3, 0x96,
    0x17, 0x7a, 0x9c, 0xb4, 0x10, 0xff, 0x61, 0xf2, 0x00, 0x15, 0xad,
];

#[wasm_bindgen]
extern "C" {
    /// The `process` global, or `None` where there is none (browsers).
    #[wasm_bindgen(thread_local_v2, js_name = process)]
    static PROCESS: Option<JsValue>;

    /// `hash.call(crypto, algorithm, data, outputEncoding)`; `data` is a view of wasm memory.
    #[wasm_bindgen(method, catch, js_name = call)]
    fn call_hash(this: &Function, crypto: &JsValue, algorithm: &JsValue, data: &[u8], output: &JsValue) -> Result<JsValue, JsValue>;
}

/// `node:crypto`, its `hash`, and the two strings every call passes.
struct Host {
    crypto: JsValue,
    hash: Function,
    sha256: JsValue,
    hex: JsValue,
}

impl Host {
    fn digest(&self, data: &[u8]) -> Option<[u8; 32]> {
        // As hex text, not a `Buffer`: Node makes a `Buffer` per call (measured in Node 20, 1 KB: 1.67 µs
        // with `'buffer'`, 1.06 µs with `'hex'`), and 64 ASCII characters cross back cheaply.
        let out = self.hash.call_hash(&self.crypto, &self.sha256, data, &self.hex).ok()?;
        crate::signature::from_hex(&out.as_string()?)
    }
}

thread_local! {
    /// `None` until first asked, then whether the host has one (looked up once per instance).
    static HOST: RefCell<Option<Option<Host>>> = const { RefCell::new(None) };
}

/// `node:crypto`'s `hash`, if this runtime hands it over synchronously and it hashes correctly.
fn find() -> Option<Host> {
    let process = PROCESS.with(Clone::clone)?;
    let get_builtin = get(&process, "getBuiltinModule");
    if !get_builtin.is_function() {
        return None;
    }
    let crypto = get_builtin.unchecked_ref::<Function>().call1(&process, &JsValue::from_str("node:crypto")).ok()?;
    let hash = get(&crypto, "hash");
    if !hash.is_function() {
        return None;
    }
    let host = Host { crypto, hash: hash.unchecked_into(), sha256: JsValue::from_str("sha256"), hex: JsValue::from_str("hex") };
    (host.digest(b"abc") == Some(ABC)).then_some(host)
}

/// Whether a signed string of `len` bytes goes to the host: it is long enough for the call to pay, and
/// the runtime has a SHA-256 that this module uses (looked up on the first long one).
pub(crate) fn wanted(len: usize) -> bool {
    len >= MIN_LEN && with_host(|_| ()).is_some()
}

/// The host's SHA-256 of `data`, or `None` if the runtime has none or the call failed.
pub(crate) fn digest(data: &[u8]) -> Option<[u8; 32]> {
    with_host(|host| host.digest(data)).flatten()
}

fn with_host<T>(f: impl FnOnce(&Host) -> T) -> Option<T> {
    HOST.try_with(|cell| {
        let mut cell = cell.try_borrow_mut().ok()?;
        cell.get_or_insert_with(find).as_ref().map(f)
    })
    .ok()
    .flatten()
}
