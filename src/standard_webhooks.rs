//! [Standard Webhooks](https://www.standardwebhooks.com) (spec 1.0.0, symmetric scheme): what the edge
//! gateway uses to re-sign a verified Lesspay2 webhook for the merchant's origin, so that the origin can
//! check it with any Standard Webhooks library.
//!
//! - Secret: random bytes, serialised as `whsec_` + base64 (the prefix is optional on input).
//! - Signed content: `{webhook-id}.{webhook-timestamp}.{body}`, HMAC-SHA256 with the secret bytes.
//! - `webhook-signature`: space-separated `v1,<base64>` entries (several during a key rotation); entries
//!   of other versions (`v1a,...`) are skipped.
//! - `webhook-timestamp`: whole seconds since the epoch, checked against a tolerance (5 minutes by
//!   default) in both directions.
//!
//! Like the rest of the core, nothing here reads a clock: `now_ms` is passed in.

use std::fmt;

use hmac::{Hmac, Mac};
use sha2::Sha256;
use subtle::ConstantTimeEq;

use crate::json;

type HmacSha256 = Hmac<Sha256>;

/// The prefix that identifies a serialised symmetric secret.
pub const SECRET_PREFIX: &str = "whsec_";

/// The freshness window the Standard Webhooks libraries apply by default: 5 minutes.
pub const DEFAULT_TOLERANCE_MS: u64 = 5 * 60 * 1000;

/// The most `v1` signatures read from one `webhook-signature` header, the first ones (bounds the work a
/// peer can cause: a producer sends one per secret it rotates through).
pub const MAX_SIGNATURES: usize = 16;

/// A Standard Webhooks signing key: the decoded bytes of a `whsec_...` secret. `Debug` is redacted.
#[derive(Clone)]
pub struct StandardSecret(Vec<u8>);

/// Why a Standard Webhooks secret or message id was refused (programmer misuse, never network input).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StandardWebhookError {
    /// The secret is empty (after the optional `whsec_` prefix), or decodes to no bytes.
    #[error("the Standard Webhooks secret is empty; is the environment variable set?")]
    EmptySecret,
    /// The secret is not base64 after the optional `whsec_` prefix.
    #[error("the Standard Webhooks secret is not `whsec_` followed by standard base64")]
    MalformedSecret,
    /// The message id is empty, or holds a `.`, whitespace or a non-printable/non-ASCII character.
    #[error("the webhook id must be 1 to 255 printable ASCII characters without `.` or spaces")]
    MalformedId,
    /// The timestamp has more than 12 digits, which no verifier reads (most likely milliseconds).
    #[error("the timestamp must be whole seconds since the epoch, at most 12 digits; was it given in milliseconds?")]
    MalformedTimestamp,
}

impl StandardSecret {
    /// Decodes `whsec_<base64>` (or the bare base64).
    pub fn from_whsec(secret: &str) -> Result<Self, StandardWebhookError> {
        let encoded = secret.strip_prefix(SECRET_PREFIX).unwrap_or(secret);
        if encoded.is_empty() {
            return Err(StandardWebhookError::EmptySecret);
        }
        let bytes = base64_decode(encoded.as_bytes()).ok_or(StandardWebhookError::MalformedSecret)?;
        if bytes.is_empty() {
            return Err(StandardWebhookError::EmptySecret);
        }
        Ok(StandardSecret(bytes))
    }

    /// Uses raw key bytes (what the `whsec_` text encodes).
    pub fn from_bytes(bytes: impl Into<Vec<u8>>) -> Result<Self, StandardWebhookError> {
        let bytes = bytes.into();
        if bytes.is_empty() {
            return Err(StandardWebhookError::EmptySecret);
        }
        Ok(StandardSecret(bytes))
    }

    /// The serialised form, `whsec_<base64>`.
    pub fn to_whsec(&self) -> String {
        format!("{SECRET_PREFIX}{}", base64_encode(&self.0))
    }

    fn mac(&self, id: &str, timestamp_s: u64, body: &[u8]) -> [u8; 32] {
        // HMAC takes keys of any length; `new_from_slice` cannot fail for it.
        let Ok(mut mac) = HmacSha256::new_from_slice(&self.0) else {
            return [0; 32];
        };
        mac.update(id.as_bytes());
        mac.update(b".");
        mac.update(decimal(timestamp_s).as_bytes());
        mac.update(b".");
        mac.update(body);
        mac.finalize().into_bytes().into()
    }
}

impl fmt::Debug for StandardSecret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("StandardSecret(<redacted>)")
    }
}

/// `n` in decimal, without the formatting machinery (this is on the wasm path).
fn decimal(n: u64) -> String {
    let mut text = String::with_capacity(20);
    json::push_u64(&mut text, n);
    text
}

/// A message id the spec allows: it goes into a header and into the signed content, so no `.`
/// (which would make the content ambiguous), no whitespace, nothing outside printable ASCII.
fn id_is_valid(id: &str) -> bool {
    !id.is_empty() && id.len() <= 255 && id.bytes().all(|b| b.is_ascii_graphic() && b != b'.')
}

/// The three headers of a signed webhook.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StandardSignedHeaders {
    /// `webhook-id`.
    pub id: String,
    /// `webhook-timestamp`: whole seconds since the epoch.
    pub timestamp: String,
    /// `webhook-signature`: `v1,<base64>`, one per secret, space-separated.
    pub signature: String,
}

/// Signs `body` for delivery: one `v1,` signature per secret (several while rotating keys).
/// `timestamp_s` is whole seconds since the epoch. Refuses an invalid id or an empty secret list.
pub fn standard_webhook_sign(
    id: &str,
    timestamp_s: u64,
    body: &[u8],
    secrets: &[StandardSecret],
) -> Result<StandardSignedHeaders, StandardWebhookError> {
    if !id_is_valid(id) {
        return Err(StandardWebhookError::MalformedId);
    }
    // What `standard_webhook_verify` (and the reference libraries) read: 1 to 12 digits.
    if timestamp_s > 999_999_999_999 {
        return Err(StandardWebhookError::MalformedTimestamp);
    }
    if secrets.is_empty() {
        return Err(StandardWebhookError::EmptySecret);
    }
    // One `v1,<base64>` per secret, space-separated.
    let mut signature = String::new();
    for s in secrets {
        if !signature.is_empty() {
            signature.push(' ');
        }
        signature.push_str("v1,");
        signature.push_str(&base64_encode(&s.mac(id, timestamp_s, body)));
    }
    Ok(StandardSignedHeaders { id: id.to_owned(), timestamp: decimal(timestamp_s), signature })
}

/// The received headers (any of them may be missing).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[must_use]
pub struct StandardHeaders<'h> {
    /// `webhook-id`.
    pub id: Option<&'h str>,
    /// `webhook-timestamp`.
    pub timestamp: Option<&'h str>,
    /// `webhook-signature`.
    pub signature: Option<&'h str>,
}

impl<'h> StandardHeaders<'h> {
    /// Picks the three headers out of `(name, value)` pairs, names in any casing (an `http::HeaderMap`'s
    /// `iter()` as it is), as [`WebhookHeaders::from_pairs`](crate::WebhookHeaders::from_pairs) does: a
    /// value that is not UTF-8, or a name that repeats, never verifies (the values are borrowed, not
    /// joined). In JavaScript a fetch `Headers` or Node joins a repeated header itself, `a, b`, and for
    /// `webhook-signature` [`standard_webhook_verify`] reads that as one list of signatures.
    pub fn from_pairs<I, N, V>(pairs: I) -> Self
    where
        I: IntoIterator<Item = (N, &'h V)>,
        N: AsRef<str>,
        V: AsRef<[u8]> + ?Sized + 'h,
    {
        let [id, timestamp, signature] = crate::webhook::header_values(pairs, ["webhook-id", "webhook-timestamp", "webhook-signature"]);
        StandardHeaders { id, timestamp, signature }
    }
}

/// Why a Standard Webhooks delivery was rejected, in the order the checks run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StandardReason {
    /// No `webhook-id` header (or an empty one).
    MissingId,
    /// No `webhook-timestamp` header (or an empty one).
    MissingTimestamp,
    /// No `webhook-signature` header (or an empty one).
    MissingSignature,
    /// `webhook-timestamp` is not 1 to 12 ASCII digits (whole seconds).
    MalformedTimestamp,
    /// The timestamp is older than `now - tolerance`.
    TimestampTooOld,
    /// The timestamp is newer than `now + tolerance`.
    TimestampTooNew,
    /// No `v1` signature in the header matches any secret.
    SignatureMismatch,
}

impl StandardReason {
    /// The stable code, e.g. `signature_mismatch`.
    pub fn code(self) -> &'static str {
        match self {
            StandardReason::MissingId => "missing_id",
            StandardReason::MissingTimestamp => "missing_timestamp",
            StandardReason::MissingSignature => "missing_signature",
            StandardReason::MalformedTimestamp => "malformed_timestamp",
            StandardReason::TimestampTooOld => "timestamp_too_old",
            StandardReason::TimestampTooNew => "timestamp_too_new",
            StandardReason::SignatureMismatch => "signature_mismatch",
        }
    }

    /// A sentence for logs (never holds a secret).
    pub fn message(self) -> &'static str {
        match self {
            StandardReason::MissingId => "no webhook-id header",
            StandardReason::MissingTimestamp => "no webhook-timestamp header",
            StandardReason::MissingSignature => "no webhook-signature header",
            StandardReason::MalformedTimestamp => "webhook-timestamp is not a whole number of seconds since the epoch",
            StandardReason::TimestampTooOld => "webhook-timestamp is older than the tolerance allows",
            StandardReason::TimestampTooNew => "webhook-timestamp is further in the future than the tolerance allows",
            StandardReason::SignatureMismatch => "no v1 signature in webhook-signature matches a configured secret",
        }
    }
}

impl fmt::Display for StandardReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl std::error::Error for StandardReason {}

/// A verified delivery.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StandardVerified<'h> {
    /// `webhook-id`: deduplicate on it.
    pub id: &'h str,
    /// `webhook-timestamp` in seconds.
    pub timestamp_s: u64,
    /// Which configured secret matched (0-based).
    pub secret_index: usize,
}

/// Verifies a delivery: the headers, the timestamp within `tolerance_ms` of `now_ms` (`None`: no
/// freshness check), then every `v1` signature against every secret, in constant time and without
/// stopping early. Only an empty secret list is an `Err` of the outer result.
pub fn standard_webhook_verify<'h>(
    body: &[u8],
    headers: StandardHeaders<'h>,
    secrets: &[StandardSecret],
    tolerance_ms: Option<u64>,
    now_ms: i64,
) -> Result<Result<StandardVerified<'h>, StandardReason>, StandardWebhookError> {
    if secrets.is_empty() {
        return Err(StandardWebhookError::EmptySecret);
    }
    // fetch and HTTP servers hand over header values already trimmed.
    let present = |h: Option<&'h str>| h.filter(|v| !v.is_empty());
    let Some(id) = present(headers.id) else { return Ok(Err(StandardReason::MissingId)) };
    let Some(timestamp) = present(headers.timestamp) else { return Ok(Err(StandardReason::MissingTimestamp)) };
    let Some(signatures) = present(headers.signature) else { return Ok(Err(StandardReason::MissingSignature)) };
    if timestamp.len() > 12 || !timestamp.bytes().all(|b| b.is_ascii_digit()) {
        return Ok(Err(StandardReason::MalformedTimestamp));
    }
    let Ok(timestamp_s) = timestamp.parse::<u64>() else { return Ok(Err(StandardReason::MalformedTimestamp)) };
    if let Some(tolerance) = tolerance_ms {
        // At most 12 digits of seconds: the products stay far inside i128.
        let sent = i128::from(timestamp_s) * 1000;
        let now = i128::from(now_ms);
        let tolerance = i128::from(tolerance);
        if sent < now - tolerance {
            return Ok(Err(StandardReason::TimestampTooOld));
        }
        if sent > now + tolerance {
            return Ok(Err(StandardReason::TimestampTooNew));
        }
    }
    let expected: Vec<[u8; 32]> = secrets.iter().map(|s| s.mac(id, timestamp_s, body)).collect();
    let mut matched: Option<usize> = None;
    // Space-separated entries; a header sent twice arrives joined as `a, b`, so one trailing comma is
    // the separator, not part of the entry (base64 has none).
    let entries = signatures.as_bytes().split(|&b| b == b' ');
    let v1 = entries.filter_map(|entry| entry.strip_suffix(b",").unwrap_or(entry).strip_prefix(b"v1,"));
    for b64 in v1.take(MAX_SIGNATURES) {
        let Some(candidate) = base64_decode(b64) else { continue };
        for (index, mac) in expected.iter().enumerate() {
            if bool::from(mac.as_slice().ct_eq(&candidate)) && matched.is_none() {
                matched = Some(index);
            }
        }
    }
    Ok(match matched {
        Some(secret_index) => Ok(StandardVerified { id, timestamp_s, secret_index }),
        None => Err(StandardReason::SignatureMismatch),
    })
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Standard base64 with padding (RFC 4648 section 4).
pub(crate) fn base64_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [chunk.first().copied().unwrap_or(0), chunk.get(1).copied().unwrap_or(0), chunk.get(2).copied().unwrap_or(0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for (i, shift) in [18u32, 12, 6, 0].into_iter().enumerate() {
            if i <= chunk.len() {
                out.push(ALPHABET.get(((n >> shift) & 63) as usize).map_or('=', |&c| char::from(c)));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Standard base64, padding optional; `None` for any other character, misplaced padding or
/// non-zero trailing bits.
pub(crate) fn base64_decode(text: &[u8]) -> Option<Vec<u8>> {
    let padding = text.iter().rev().take_while(|&&b| b == b'=').count();
    if padding > 2 || (padding > 0 && text.len() % 4 != 0) {
        return None;
    }
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0u32);
    for &c in text.iter().take(text.len() - padding) {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    // A lone final character (6 bits) cannot encode a byte; leftover bits must be zero.
    if bits >= 6 || acc != 0 {
        return None;
    }
    Some(out)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    // The published vector of the Standard Webhooks libraries ("sign function works").
    const SECRET: &str = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    const ID: &str = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    const TIMESTAMP: u64 = 1_614_265_330;
    const BODY: &str = r#"{"test": 2432232314}"#;
    const SIGNATURE: &str = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
    const NOW: i64 = 1_614_265_330_000;

    fn secret() -> StandardSecret {
        StandardSecret::from_whsec(SECRET).unwrap()
    }

    fn headers(signature: &str) -> StandardHeaders<'_> {
        StandardHeaders { id: Some(ID), timestamp: Some("1614265330"), signature: Some(signature) }
    }

    fn verify(h: StandardHeaders<'_>, secrets: &[StandardSecret]) -> Result<usize, StandardReason> {
        match standard_webhook_verify(BODY.as_bytes(), h, secrets, Some(DEFAULT_TOLERANCE_MS), NOW) {
            Ok(v) => v.map(|v| v.secret_index),
            Err(e) => panic!("unexpected refusal {e}"),
        }
    }

    #[test]
    fn signs_the_published_example() {
        let signed = standard_webhook_sign(ID, TIMESTAMP, BODY.as_bytes(), &[secret()]);
        assert_eq!(
            signed,
            Ok(StandardSignedHeaders { id: ID.into(), timestamp: "1614265330".into(), signature: SIGNATURE.into() })
        );
        // The prefix is optional: the bare secret signs the published example alike.
        let bare = StandardSecret::from_whsec("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        assert_eq!(standard_webhook_sign(ID, TIMESTAMP, BODY.as_bytes(), &[bare.unwrap()]).map(|s| s.signature), Ok(SIGNATURE.to_owned()));
    }

    #[test]
    fn verifies_the_published_example() {
        assert_eq!(verify(headers(SIGNATURE), &[secret()]), Ok(0));
    }

    #[test]
    fn negative_checklist() {
        let other = StandardSecret::from_bytes(vec![7; 24]).unwrap();
        // Rotation: the matching secret's index, whichever position it has.
        assert_eq!(verify(headers(SIGNATURE), &[other.clone(), secret()]), Ok(1));
        assert_eq!(verify(headers(SIGNATURE), std::slice::from_ref(&other)), Err(StandardReason::SignatureMismatch));
        // Several signatures, other versions and junk skipped (the libraries' "multi sig" case).
        let multi = format!(
            "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= v2,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= {SIGNATURE} v1a,xx"
        );
        assert_eq!(verify(headers(&multi), &[secret()]), Ok(0));
        // Two `webhook-signature` headers joined by a fetch `Headers` (`a, b`), in either order.
        let wrong_one = "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=";
        for joined in [format!("{SIGNATURE}, {wrong_one}"), format!("{wrong_one}, {SIGNATURE}")] {
            assert_eq!(verify(headers(&joined), &[secret()]), Ok(0), "{joined}");
        }
        // The first `MAX_SIGNATURES` `v1` entries are read (other versions do not count), no more.
        let wrong = "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= ";
        let after = |n: usize| format!("{}v2,x {SIGNATURE}", wrong.repeat(n));
        assert_eq!(verify(headers(&after(MAX_SIGNATURES - 1)), &[secret()]), Ok(0));
        assert_eq!(verify(headers(&after(MAX_SIGNATURES)), &[secret()]), Err(StandardReason::SignatureMismatch));
        for bad in ["v1,dawfeoifkpqwoekfpqoekf", "v1,", "v1,g0hM9SsE", "g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", "v2,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="] {
            assert_eq!(verify(headers(bad), &[secret()]), Err(StandardReason::SignatureMismatch), "{bad}");
        }
        // A tampered body.
        let tampered = standard_webhook_verify(br#"{"test": 2432232315}"#, headers(SIGNATURE), &[secret()], None, NOW);
        assert_eq!(tampered, Ok(Err(StandardReason::SignatureMismatch)));
        // Missing headers, in order.
        assert_eq!(verify(StandardHeaders { id: None, ..headers(SIGNATURE) }, &[secret()]), Err(StandardReason::MissingId));
        assert_eq!(verify(StandardHeaders { timestamp: Some(""), ..headers(SIGNATURE) }, &[secret()]), Err(StandardReason::MissingTimestamp));
        assert_eq!(verify(StandardHeaders { timestamp: Some(" "), ..headers(SIGNATURE) }, &[secret()]), Err(StandardReason::MalformedTimestamp));
        assert_eq!(verify(StandardHeaders { signature: None, ..headers(SIGNATURE) }, &[secret()]), Err(StandardReason::MissingSignature));
        for ts in ["hello", "-1", "1614265330.5", "1e9", "1234567890123"] {
            assert_eq!(
                verify(StandardHeaders { timestamp: Some(ts), ..headers(SIGNATURE) }, &[secret()]),
                Err(StandardReason::MalformedTimestamp),
                "{ts}"
            );
        }
        // Tolerance in both directions, inclusive at the edge.
        // The libraries' default window: 5 minutes.
        let at = |now: i64| standard_webhook_verify(BODY.as_bytes(), headers(SIGNATURE), &[secret()], Some(DEFAULT_TOLERANCE_MS), now);
        let verified = StandardVerified { id: ID, timestamp_s: TIMESTAMP, secret_index: 0 };
        assert_eq!(at(NOW + 300_000), Ok(Ok(verified)));
        assert_eq!(at(NOW + 300_001), Ok(Err(StandardReason::TimestampTooOld)));
        assert_eq!(at(NOW - 300_000), Ok(Ok(verified)));
        assert_eq!(at(NOW - 300_001), Ok(Err(StandardReason::TimestampTooNew)));
        // No tolerance: no freshness check.
        let any = standard_webhook_verify(BODY.as_bytes(), headers(SIGNATURE), &[secret()], None, 0);
        assert_eq!(any.map(|v| v.map(|v| v.timestamp_s)), Ok(Ok(TIMESTAMP)));
        assert_eq!(standard_webhook_verify(BODY.as_bytes(), headers(SIGNATURE), &[], None, 0), Err(StandardWebhookError::EmptySecret));
    }

    #[test]
    fn refuses_misuse_without_echoing_secrets() {
        assert_eq!(StandardSecret::from_whsec("").err(), Some(StandardWebhookError::EmptySecret));
        assert_eq!(StandardSecret::from_whsec("whsec_").err(), Some(StandardWebhookError::EmptySecret));
        assert_eq!(StandardSecret::from_whsec("whsec_not base64!").err(), Some(StandardWebhookError::MalformedSecret));
        assert_eq!(format!("{:?}", secret()), "StandardSecret(<redacted>)");
        for id in ["", "a.b", "has space", "é", &"x".repeat(256)] {
            assert_eq!(standard_webhook_sign(id, 1, b"{}", &[secret()]), Err(StandardWebhookError::MalformedId), "{id}");
        }
        assert_eq!(standard_webhook_sign("id", 1, b"{}", &[]), Err(StandardWebhookError::EmptySecret));
        // Signed only with a timestamp the verifier reads: 12 digits at most (milliseconds have 13).
        let at = |seconds: u64| standard_webhook_sign("id", seconds, b"{}", &[secret()]).map(|s| s.timestamp);
        assert_eq!(at(999_999_999_999), Ok("999999999999".to_owned()));
        for seconds in [1_000_000_000_000, 1_781_524_800_000, u64::MAX] {
            assert_eq!(at(seconds), Err(StandardWebhookError::MalformedTimestamp), "{seconds}");
        }
        let signed = standard_webhook_sign("id", 999_999_999_999, b"{}", &[secret()]).unwrap_or_else(|_| unreachable!());
        let received = StandardHeaders { id: Some("id"), timestamp: Some(&signed.timestamp), signature: Some(&signed.signature) };
        assert_eq!(standard_webhook_verify(b"{}", received, &[secret()], None, 0).map(|v| v.map(|v| v.timestamp_s)), Ok(Ok(999_999_999_999)));
    }

    #[test]
    fn headers_from_pairs_as_http_sends_them() {
        let ts = TIMESTAMP.to_string();
        let pairs = |extra: &[(&'static str, &'static [u8])]| {
            let mut p: Vec<(&str, Vec<u8>)> =
                vec![("Webhook-Id", ID.into()), ("WEBHOOK-TIMESTAMP", ts.clone().into_bytes()), ("webhook-signature", SIGNATURE.into())];
            p.extend(extra.iter().map(|&(n, v)| (n, v.to_vec())));
            p
        };
        let read = |p: &[(&str, Vec<u8>)]| -> Result<usize, StandardReason> {
            verify(StandardHeaders::from_pairs(p.iter().map(|(n, v)| (n, v))), &[secret()])
        };
        assert_eq!(read(&pairs(&[("content-type", b"application/json")])), Ok(0));
        // A repeated name, and a value that is not UTF-8 (no text at all): neither verifies.
        assert_eq!(read(&pairs(&[("Webhook-Signature", b"v1,x")])), Err(StandardReason::SignatureMismatch));
        assert_eq!(read(&pairs(&[("webhook-timestamp", b"1614265330")])), Err(StandardReason::MalformedTimestamp));
        let mut latin1 = pairs(&[]);
        latin1[0].1 = b"msg_\xE9".to_vec();
        assert_eq!(read(&latin1), Err(StandardReason::SignatureMismatch));
        assert_eq!(StandardHeaders::from_pairs(Vec::<(&str, &[u8])>::new()), StandardHeaders::default());
    }

    #[test]
    fn reasons_have_their_codes_and_messages() {
        use StandardReason as R;
        let all = [
            (R::MissingId, "missing_id", "no webhook-id header"),
            (R::MissingTimestamp, "missing_timestamp", "no webhook-timestamp header"),
            (R::MissingSignature, "missing_signature", "no webhook-signature header"),
            (R::MalformedTimestamp, "malformed_timestamp", "webhook-timestamp is not a whole number of seconds since the epoch"),
            (R::TimestampTooOld, "timestamp_too_old", "webhook-timestamp is older than the tolerance allows"),
            (R::TimestampTooNew, "timestamp_too_new", "webhook-timestamp is further in the future than the tolerance allows"),
            (R::SignatureMismatch, "signature_mismatch", "no v1 signature in webhook-signature matches a configured secret"),
        ];
        for (reason, code, message) in all {
            assert_eq!((reason.code(), reason.message(), reason.to_string()), (code, message, code.to_string()));
        }
    }

    #[test]
    fn signs_once_per_secret_for_rotation() {
        let other = StandardSecret::from_bytes(vec![7; 24]).unwrap();
        let signed = standard_webhook_sign(ID, TIMESTAMP, BODY.as_bytes(), &[secret(), other.clone()]);
        let signature = signed.map(|s| s.signature).unwrap();
        // The second: base64 of HMAC-SHA256 of `{ID}.{TIMESTAMP}.{BODY}` with 24 bytes of 7 as the key
        // (computed with Python's hmac).
        assert_eq!(signature, format!("{SIGNATURE} v1,n+3FEHUk3SEPes8OkJLzz5oNeY7dNUg973c0p9vd8Jo="));
        assert_eq!(verify(headers(&signature), &[other]), Ok(0));
    }

    #[test]
    fn base64_round_trips_and_is_strict() {
        for len in 0..40u8 {
            let bytes: Vec<u8> = (0..len).map(|i| i.wrapping_mul(37).wrapping_add(len)).collect();
            let text = base64_encode(&bytes);
            assert_eq!(base64_decode(text.as_bytes()), Some(bytes.clone()));
            assert_eq!(base64_decode(text.trim_end_matches('=').as_bytes()), Some(bytes));
        }
        assert_eq!(base64_encode(b"foobar"), "Zm9vYmFy");
        assert_eq!(base64_encode(b"fo"), "Zm8=");
        // Only the unpadded "Zm8" ("fo") is read; the rest are refused.
        for bad in ["Zm8", "Z===", "Zm9=", "Zm8==", "Zm=8", "Zg=", "Z", "Zm8-", "Zm8_"] {
            assert_eq!(base64_decode(bad.as_bytes()), (bad == "Zm8").then(|| b"fo".to_vec()), "{bad}");
        }
        assert_eq!(StandardSecret::from_bytes(vec![1, 2, 3]).map(|s| s.to_whsec()), Ok("whsec_AQID".into()));
    }
}
