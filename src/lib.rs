#![doc = include_str!("../README.md")]
//!
//! # Layout
//!
//! The core knows nothing of JavaScript; `wasm` (compiled for `wasm32` only, hidden from these docs)
//! is the single binding module that converts to and from JS values. One hook crosses the other way: in wasm,
//! `signature` hands a long signed string to the host's SHA-256 where the runtime has a synchronous
//! one (`wasm::host_sha256`, `node:crypto`), since wasm has no SHA instructions.
//!
//! | module | concern |
//! |---|---|
//! | [`json`] | the strict JSON parser that keeps number text and first-key positions |
//! | `canonical`, `java_hashmap` | the gateway's canonical string, bit for bit (natively, `sign` writes it straight from the body text: `canonical::direct`) |
//! | [`signature`] | signing, signed requests, `explain_signature`, `explain_webhook_signature` |
//! | [`webhook`] | webhook verification, the pay-in v1 rule, idempotency keys |
//! | [`order_status`] | order statuses and their spellings |
//! | [`validation`] | parameter validation for every request, messages in English and Chinese |
//! | [`errors`] | decoding the gateway's statuses, codes, messages and fraud/dispute notices |
//! | [`standard_webhooks`] | Standard Webhooks signing and verification (HMAC-SHA256, `whsec_` secrets) |

/// `Display` for the enums whose `as_str` is a stable name (`invalid_request`, `amount_format`, …), as
/// logs and metrics want it. Defined before the modules that use it.
macro_rules! display_as_str {
    ($($t:ty),*) => {$(
        impl std::fmt::Display for $t {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    )*};
}

pub mod errors;
pub mod json;
pub mod order_status;
pub mod request;
pub mod signature;
pub mod standard_webhooks;
pub mod validation;
pub mod webhook;

mod canonical;
mod java_hashmap;
mod locale;

// Public only so that `tests/wasm.rs` (a separate crate) can call the exported functions directly;
// JavaScript sees them through the package, Rust users have the core.
/// The wasm build's allocator: talc instead of dlmalloc (several KB smaller, and faster).
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(target_arch = "wasm32")]
#[doc(hidden)]
pub mod wasm;

/// The length of `s` in UTF-16 units, as Java's `String.length()` (the gateway's limits) and
/// JavaScript's `length` (a form's `maxlength`) count it: an emoji is 2. Each byte that starts a UTF-8
/// sequence is one unit, and one that starts a 4-byte sequence one more. The same answer as
/// `s.encode_utf16().count()`, without its 0.9 KB of the `.wasm` for texts a few dozen bytes long.
pub(crate) fn utf16_len(s: &str) -> usize {
    s.bytes().map(|b| usize::from((b as i8) >= -0x40) + usize::from(b >= 0xF0)).sum()
}

pub use locale::Locale;
pub use json::JsonError;
pub use request::{sign_request, SignRequestError, SignedRequest};
pub use signature::{canonicalize, explain_signature, explain_webhook_signature, sign, ArrayKeyOrder, Explanation, Hint, Secret, SecretError};
pub use webhook::{
    sign_webhook, verify_webhook, webhook_key, Reason, Rejection, Verified, VerifiedEvent, VerifyOptions, WebhookHeaders, WebhookKind,
};
pub use standard_webhooks::{
    standard_webhook_sign, standard_webhook_verify, StandardHeaders, StandardReason, StandardSecret, StandardSignedHeaders,
    StandardVerified, StandardWebhookError,
};

#[cfg(test)]
mod tests {
    #[test]
    fn utf16_len_counts_like_java_and_javascript() {
        for (s, len) in [("", 0), ("a", 1), ("é", 1), ("中文", 2), ("😀x", 3), ("a\u{0}b", 3), ("\u{10FFFF}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}", 8)] {
            assert_eq!(super::utf16_len(s), len, "{s:?}");
            assert_eq!(super::utf16_len(s), s.encode_utf16().count(), "{s:?}");
        }
    }
}
