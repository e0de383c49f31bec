//! Signing: `UPPER(HEX(SHA256(UTF8(canonical(body) + "&key=" + appSecret))))` (spec section 3).
//! Not an HMAC: the secret is simply appended, which is why the canonical string must be bit-exact.

use std::fmt;

use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

use crate::canonical::canonical_string;
use crate::json::{self, JsonError, Object};
use crate::webhook::WebhookKind;

/// An appSecret. Its `Debug` output is redacted so that it never reaches a log by accident.
#[derive(Clone)]
pub struct Secret(String);

impl Secret {
    /// Wraps a secret. Any string is accepted here; the high-level APIs ([`crate::sign_request`],
    /// [`crate::verify_webhook`]) refuse an empty or blank one through [`Secret::usable`].
    pub fn new(secret: impl Into<String>) -> Self {
        Secret(secret.into())
    }

    /// The secret's text, for hashing.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// A secret that is empty or only whitespace is almost always a missing environment variable,
    /// and would make signatures anyone can forge.
    pub fn usable(&self) -> Result<&Self, SecretError> {
        if self.0.trim().is_empty() {
            Err(SecretError::Blank)
        } else {
            Ok(self)
        }
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(<redacted>)")
    }
}

/// A secret refused by the high-level APIs.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SecretError {
    /// Empty or whitespace only.
    #[error("the appSecret is empty or blank; is the environment variable set?")]
    Blank,
    /// No secret at all was given.
    #[error("no appSecret was given")]
    Missing,
}

/// The canonical string of a body text, or `None` when it has no parameters (`{}`).
pub fn canonicalize(body: &str) -> Result<Option<String>, JsonError> {
    // Natively, straight from the text when the common path can (most of the time of `sign` was
    // building the tree); the tree path has every error and every unusual case.
    #[cfg(not(target_arch = "wasm32"))]
    if let Some(canonical) = crate::canonical::direct::canonicalize(body) {
        return Ok(canonical);
    }
    let object = json::parse_object(body)?;
    Ok(canonical_string(&object, 0, body.len()))
}

/// The full text that is hashed: `canonical&key=secret`, or `key=secret` without parameters.
pub fn signed_string(canonical: Option<&str>, secret: &str) -> String {
    match canonical {
        Some(c) => format!("{c}&key={secret}"),
        None => format!("key={secret}"),
    }
}

/// The SHA-256 over `canonical&key=` + secret.
pub(crate) fn digest(canonical: Option<&str>, secret: &str) -> [u8; 32] {
    let mut out = [0u8; 32];
    digest_each(canonical, [secret], |_, digest| out = digest);
    out
}

/// The SHA-256 over `canonical&key=` + secret for each secret in turn, handed to `each` with the
/// secret's index (verification hashes every secret and does not stop at the first match).
///
/// `sha2` hashes the prefix once, and each secret after a copy of its state. In wasm, where the runtime
/// has a synchronous SHA-256 of its own (`node:crypto` in Node, Deno, Bun and workerd with
/// `nodejs_compat`; `wasm::host_sha256`), that one takes a long signed string instead, put together
/// once with each secret in turn at its end: wasm has no SHA instructions, and the host hashes 4–5x
/// faster. A host call that fails falls back to `sha2`.
pub(crate) fn digest_each<'s>(canonical: Option<&str>, secrets: impl IntoIterator<Item = &'s str>, mut each: impl FnMut(usize, [u8; 32])) {
    let prefix: [&[u8]; 2] = match canonical {
        Some(c) => [c.as_bytes(), b"&key="],
        None => [b"", b"key="],
    };
    #[cfg(all(target_arch = "wasm32", feature = "wasm-signing"))]
    let base = prefix[0].len() + prefix[1].len();
    #[cfg(all(target_arch = "wasm32", feature = "wasm-signing"))]
    let mut signed = crate::wasm::host_sha256::wanted(base).then(|| prefix.concat());
    let mut prefixed: Option<Sha256> = None;
    for (index, secret) in secrets.into_iter().enumerate() {
        #[cfg(all(target_arch = "wasm32", feature = "wasm-signing"))]
        if let Some(signed) = &mut signed {
            signed.truncate(base);
            signed.extend_from_slice(secret.as_bytes());
            if let Some(digest) = crate::wasm::host_sha256::digest(signed) {
                each(index, digest);
                continue;
            }
        }
        let mut hasher = prefixed
            .get_or_insert_with(|| {
                let mut hasher = Sha256::new();
                prefix.iter().for_each(|part| hasher.update(part));
                hasher
            })
            .clone();
        hasher.update(secret.as_bytes());
        each(index, hasher.finalize().into());
    }
}

/// 64 upper-case hex digits.
pub(crate) fn to_hex(digest: &[u8; 32]) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut s = String::with_capacity(64);
    for &b in digest {
        s.push(char::from(HEX.get(usize::from(b >> 4)).copied().unwrap_or(b'0')));
        s.push(char::from(HEX.get(usize::from(b & 0xF)).copied().unwrap_or(b'0')));
    }
    s
}

/// Parses 64 hex digits (either case) into the 32 bytes of a digest.
pub(crate) fn from_hex(text: &str) -> Option<[u8; 32]> {
    let bytes = text.as_bytes();
    if bytes.len() != 64 {
        return None;
    }
    let mut out = [0u8; 32];
    for (slot, pair) in out.iter_mut().zip(bytes.chunks_exact(2)) {
        let hi = json::hex_digit(*pair.first()?)?;
        let lo = json::hex_digit(*pair.get(1)?)?;
        *slot = (hi << 4) | lo;
    }
    Some(out)
}

/// Signs a body text with any secret, even an empty one (the low-level primitive; vector pub-0002).
pub fn sign(body: &str, secret: &str) -> Result<String, JsonError> {
    let canonical = canonicalize(body)?;
    Ok(to_hex(&digest(canonical.as_deref(), secret)))
}

/// Signs an already parsed body.
pub fn sign_object(body: &Object<'_>, secret: &str) -> String {
    to_hex(&digest(canonical_string(body, 0, 256).as_deref(), secret))
}

/// Compares two digests in constant time.
pub(crate) fn digests_equal(a: &[u8; 32], b: &[u8; 32]) -> bool {
    a.ct_eq(b).into()
}

/// What [`explain_signature`] found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explanation {
    /// The canonical string (empty when the body has no parameters).
    pub canonical: Option<String>,
    /// The hashed text with the secret replaced by `<appSecret>`.
    pub signed_string_redacted: String,
    /// The signature the gateway computes.
    pub expected: String,
    /// Whether the received signature (if one was given) matches, ignoring case and surrounding ASCII
    /// whitespace.
    pub matches: Option<bool>,
    /// Concrete reasons a merchant's signature may differ, most likely first.
    pub hints: Vec<Hint>,
    /// Every object inside an array whose keys the gateway writes in another order than the body has
    /// them, in document order (the demo highlights these).
    pub array_key_order: Vec<ArrayKeyOrder>,
}

/// An object inside an array that the gateway signs with its keys in another order than the body's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArrayKeyOrder {
    /// Where the object is, e.g. `details[0]` or `a.b[1][0]`.
    pub path: String,
    /// Its keys in the body, without the `null` members (which the gateway does not write).
    pub body_order: Vec<String>,
    /// Its keys in the order the gateway writes them (Java `HashMap` order).
    pub gateway_order: Vec<String>,
}

/// A hint from [`explain_signature`]: a stable code and a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hint {
    /// Stable machine code, e.g. `number_values`.
    pub code: &'static str,
    /// What to check, in one sentence.
    pub message: String,
}

/// A received signature without the ASCII whitespace around it (verification rule 3): space, tab, LF,
/// VT, FF and CR, as C's `isspace`, Java's `trim` and Python's `string.whitespace` count it (Rust's
/// `is_ascii_whitespace` leaves VT out).
pub(crate) fn trim_ascii_whitespace(s: &str) -> &str {
    s.trim_matches(|c: char| matches!(c, ' ' | '\t' | '\n' | '\u{b}' | '\u{c}' | '\r'))
}

/// Explains a signature for a merchant whose own does not match: the canonical string (secret
/// redacted), the expected signature, whether a received one matches, and hints.
pub fn explain_signature(body: &str, secret: &str, received: Option<&str>) -> Result<Explanation, JsonError> {
    explain(body, secret, received, None)
}

/// [`explain_signature`] for a webhook the gateway sent, signed by the rule `kind` names (as
/// [`verify_webhook`](crate::verify_webhook) and [`sign_webhook`](crate::sign_webhook) read it): for a
/// receiver whose check fails, what the gateway hashed of this body. Its hints are a receiver's: the
/// body must be checked exactly as received, and the other rule is named when the signature matches
/// that one.
pub fn explain_webhook_signature(body: &str, secret: &str, received: Option<&str>, kind: WebhookKind) -> Result<Explanation, JsonError> {
    explain(body, secret, received, Some(kind))
}

/// `webhook`: `None` for a request, or the webhook rule to sign by.
pub(crate) fn explain(body: &str, secret: &str, received: Option<&str>, webhook: Option<WebhookKind>) -> Result<Explanation, JsonError> {
    let object = json::parse_object(body)?;
    // The rule applied: the request's, or a webhook's (a pay-in one drops top-level nulls, and v1 five
    // keys, and parses the body once more, which shows in the key order inside arrays).
    let (canonical, rule) = match webhook {
        None => (canonical_string(&object, 0, body.len()), None),
        Some(kind) => {
            let signed = crate::webhook::signed(&object, kind, body.len());
            (signed.canonical, Some((signed.kind, signed.v1)))
        }
    };
    let expected_digest = digest(canonical.as_deref(), secret);
    let expected = to_hex(&expected_digest);
    let received_trimmed = received.map(trim_ascii_whitespace);
    let received_digest = received_trimmed.and_then(from_hex);
    let matches = received_trimmed.map(|_| received_digest.is_some_and(|d| digests_equal(&d, &expected_digest)));
    let mut hints = Vec::new();
    let mut hint = |code: &'static str, message: String| hints.push(Hint { code, message });

    if let Some(r) = received_trimmed {
        if received_digest.is_none() {
            hint(
                "signature_format",
                format!(
                    "the received signature is not 64 hex digits ({} characters); the gateway's is the bare upper-case hex SHA-256, without a prefix such as `sha256=`",
                    crate::utf16_len(r)
                ),
            );
        } else if matches == Some(true) && r != expected {
            hint("lowercase_hex", "the signature matches but is not upper case; the gateway sends and expects upper-case hex".into());
        }
    }
    if matches != Some(true) {
        if secret != secret.trim() {
            hint("secret_whitespace", "the appSecret starts or ends with whitespace; copy it again without spaces or a newline".into());
        }
        if secret.is_empty() {
            hint("secret_empty", "the appSecret is empty".into());
        }
        match rule {
            None => request_hints(&object, &mut hint),
            Some((kind, _)) => {
                // Signed by the other webhook rule (`auto` read the payload's shape the other way)?
                let other = if kind == WebhookKind::Payout { WebhookKind::Payin } else { WebhookKind::Payout };
                if let Some(received) = received_digest {
                    let other_canonical = crate::webhook::signed(&object, other, body.len()).canonical;
                    if digests_equal(&received, &digest(other_canonical.as_deref(), secret)) {
                        let (name, rule) = if other == WebhookKind::Payin { ("payin", "pay-in") } else { ("payout", "payout") };
                        hint("webhook_kind", format!("the signature matches this body signed by the {rule} rule; verify it with kind '{name}'"));
                    }
                }
                hint(
                    "raw_body",
                    "check the body exactly as it was received (its raw text or bytes), not a parsed and re-serialised copy, which can change the text of numbers and the key order inside arrays: the gateway signs both as sent".into(),
                );
            }
        }
    }
    let mut array_key_order = Vec::new();
    // An array directly in the body is parsed twice, one more time per object level above it: the
    // same count `canonical_string(&object, 0)` uses; the pay-in webhook rule parses once more, and
    // leaves a v1 payload's five keys out.
    let (parses, left_out): (u32, &[&str]) = match rule {
        Some((WebhookKind::Payin, true)) => (3, &crate::webhook::PAYIN_V1_UNSIGNED),
        Some((WebhookKind::Payin, false)) => (3, &[]),
        _ => (2, &[]),
    };
    for (key, value) in object.iter().filter(|(k, _)| !left_out.contains(k)) {
        key_orders_in_member(key, value, parses, "", &mut array_key_order);
    }
    Ok(Explanation {
        array_key_order,
        signed_string_redacted: signed_string(canonical.as_deref(), "<appSecret>"),
        canonical,
        expected,
        matches,
        hints,
    })
}

/// The hints for a request the merchant signed: how its own serialisation may differ from the gateway's.
fn request_hints(object: &Object<'_>, hint: &mut impl FnMut(&'static str, String)) {
    let mut numbers = Vec::new();
    let mut array_objects = false;
    scan(object, &mut numbers, &mut array_objects, 0);
    if !numbers.is_empty() {
        let mut names = String::new();
        for key in &numbers {
            if !names.is_empty() {
                names.push_str(", ");
            }
            names.push('`');
            names.push_str(key);
            names.push('`');
        }
        hint(
            "number_values",
            format!(
                "{names} is sent as a JSON number, signed by its exact text (`100.5` and `100.50` differ; exponents become BigDecimal text); send amounts as strings"
            ),
        );
    }
    if array_objects {
        hint(
            "array_key_order",
            "objects inside arrays are signed in Java HashMap key order, not sorted and not in your order; serialise the body once and sign that exact text".into(),
        );
    }
    let v1 = crate::webhook::payload_is_v1(object);
    let has_v1_unsigned = crate::webhook::PAYIN_V1_UNSIGNED.iter().any(|k| object.get(k).is_some());
    if v1 && has_v1_unsigned {
        hint(
            "payin_v1_webhook",
            "if this is a pay-in webhook with api_version v1 (or none), the gateway leaves api_version, order_status_int, channel_biz_data, event and event_data out of the signature; verify it with verifyWebhook, or explain it as a webhook (kind 'payin')".into(),
        );
    }
    hint(
        "exact_body",
        "sign the exact body text you send, after serialising it; re-serialising in between may change numbers or key order".into(),
    );
}

/// Walks a member of a top-level or nested object the way the canonical string does: objects one parse
/// deeper, arrays with the parses of the object that holds them.
fn key_orders_in_member(key: &str, value: &json::Value<'_>, parses: u32, prefix: &str, out: &mut Vec<ArrayKeyOrder>) {
    let path = if prefix.is_empty() { key.to_string() } else { format!("{prefix}.{key}") };
    match value {
        json::Value::Object(o) => {
            for (key, value) in o.iter() {
                key_orders_in_member(key, value, parses + 1, &path, out);
            }
        }
        json::Value::Array(_) => key_orders_in_value(value, parses, &path, out),
        _ => {}
    }
}

/// Everything inside an array is written as JSON with the array's parse count, nested objects included.
fn key_orders_in_value(value: &json::Value<'_>, parses: u32, path: &str, out: &mut Vec<ArrayKeyOrder>) {
    match value {
        json::Value::Object(o) => {
            let gateway: Vec<&str> = crate::canonical::gateway_key_order(o, parses);
            let body: Vec<&str> = o.iter().filter(|(_, v)| !matches!(v, json::Value::Null)).map(|(k, _)| k).collect();
            if body != gateway {
                out.push(ArrayKeyOrder {
                    path: path.to_string(),
                    body_order: body.into_iter().map(str::to_string).collect(),
                    gateway_order: gateway.into_iter().map(str::to_string).collect(),
                });
            }
            for (key, value) in o.iter() {
                key_orders_in_value(value, parses, &format!("{path}.{key}"), out);
            }
        }
        json::Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                key_orders_in_value(item, parses, &format!("{path}[{i}]"), out);
            }
        }
        _ => {}
    }
}

fn scan<'o>(object: &'o Object<'_>, numbers: &mut Vec<&'o str>, array_objects: &mut bool, depth: usize) {
    for (key, value) in object.iter() {
        match value {
            // Only numbers whose text a re-serialiser changes (`100.50` → `100.5`, `1e5`, digits past what
            // a double holds): an integer such as a payout's `decimal_places` keeps its text everywhere.
            json::Value::Number(n) if numbers.len() < 5 && (n.contains(['.', 'e', 'E']) || n.len() > 15) => numbers.push(key),
            json::Value::Object(o) if depth < 8 => scan(o, numbers, array_objects, depth + 1),
            json::Value::Array(items) if items.iter().any(|i| matches!(i, json::Value::Object(o) if o.len() > 1)) => {
                *array_objects = true;
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secret_debug_is_redacted() {
        assert_eq!(format!("{:?}", Secret::new("s3cr3t")), "Secret(<redacted>)");
    }

    #[test]
    fn hex_round_trip() {
        let d = digest(Some("a=1"), "k");
        // SHA-256 of `a=1&key=k`, computed with Python's hashlib.
        assert_eq!(to_hex(&d), "E2FDCC0CEC7B4510933817B55B2055036909CBF894E0DC75528DA750A5ADCCC9");
        assert_eq!(from_hex(&to_hex(&d)), Some(d));
        assert_eq!(from_hex(&to_hex(&d).to_lowercase()), Some(d));
        assert_eq!(from_hex("zz"), None);
    }
}
