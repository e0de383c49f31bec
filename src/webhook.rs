//! Verifying the gateway's webhooks (spec section 3, "Verification rules"): one verdict with exactly one
//! reason, checked in a fixed order, never an error for anything a network peer controls.

use std::fmt;

use crate::canonical::{canonical_string, canonical_string_where};
use crate::errors::{Context, Event};
use crate::json::{self, Object, Value};
use crate::order_status::OrderStatus;
use crate::Locale;
use crate::signature::{digest_each, digests_equal, from_hex, Secret, SecretError};

/// The largest body the verifier reads: 1 MiB of UTF-8.
pub const MAX_BODY_BYTES: usize = 1_048_576;

/// The keys the gateway leaves out of a pay-in webhook's signature when `api_version` is v1 or absent.
pub const PAYIN_V1_UNSIGNED: [&str; 5] = ["api_version", "order_status_int", "channel_biz_data", "event", "event_data"];

/// Which signing payload to use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum WebhookKind {
    /// By the payload: the payout rule for a payout notice (`details` or `total_amount`), the pay-in
    /// rule otherwise.
    #[default]
    Auto,
    /// A pay-in notice (including fraud and dispute event notices).
    Payin,
    /// A payout notice: always the full body.
    Payout,
}

/// Why a webhook was rejected. The order of the variants is the order in which they are checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Reason {
    /// The body is over [`MAX_BODY_BYTES`].
    BodyTooLarge,
    /// No `X-Auth-Signature` header, or an empty one.
    MissingSignature,
    /// The signature is not 64 hex digits after trimming ASCII whitespace.
    MalformedSignature,
    /// The body is not a strict JSON object.
    MalformedBody,
    /// A freshness window was asked for and there is no `X-Auth-Timestamp` header.
    MissingTimestamp,
    /// The timestamp is not 1–16 ASCII digits.
    MalformedTimestamp,
    /// The timestamp is older than `now - tolerance`.
    TimestampTooOld,
    /// The timestamp is newer than `now + tolerance`.
    TimestampTooNew,
    /// No configured secret gives the received signature.
    SignatureMismatch,
}

impl Reason {
    /// The stable code, e.g. `signature_mismatch`.
    pub fn code(self) -> &'static str {
        match self {
            Reason::BodyTooLarge => "body_too_large",
            Reason::MissingSignature => "missing_signature",
            Reason::MalformedSignature => "malformed_signature",
            Reason::MalformedBody => "malformed_body",
            Reason::MissingTimestamp => "missing_timestamp",
            Reason::MalformedTimestamp => "malformed_timestamp",
            Reason::TimestampTooOld => "timestamp_too_old",
            Reason::TimestampTooNew => "timestamp_too_new",
            Reason::SignatureMismatch => "signature_mismatch",
        }
    }

    /// Every reason, in the order they are checked.
    pub const ALL: [Reason; 9] = [
        Reason::BodyTooLarge,
        Reason::MissingSignature,
        Reason::MalformedSignature,
        Reason::MalformedBody,
        Reason::MissingTimestamp,
        Reason::MalformedTimestamp,
        Reason::TimestampTooOld,
        Reason::TimestampTooNew,
        Reason::SignatureMismatch,
    ];
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A rejected webhook: the reason and a sentence for logs (never containing a secret).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejection {
    /// Why.
    pub reason: Reason,
    /// One sentence with the detail (e.g. the JSON error's position).
    pub message: String,
}

impl fmt::Display for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.reason.code(), self.message)
    }
}

impl std::error::Error for Rejection {}

/// The two headers the verifier reads, found case-insensitively.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[must_use]
pub struct WebhookHeaders<'h> {
    /// `X-Auth-Signature`.
    pub signature: Option<&'h str>,
    /// `X-Auth-Timestamp`.
    pub timestamp: Option<&'h str>,
}

impl<'h> WebhookHeaders<'h> {
    /// Picks the two headers out of `(name, value)` pairs, names in any casing: an `http::HeaderMap`'s
    /// `iter()` as it is, or `&str` pairs. Values are bytes, as HTTP sends them; one that is not UTF-8
    /// cannot be a signature or a timestamp and is kept as a malformed one (so the verdict is
    /// `malformed_signature`, not `missing_signature`). A name that repeats is read as HTTP joins its
    /// values (`a, b`), which is neither: the gateway sends each header once, and the verdict is then
    /// malformed whichever value comes first, as in JavaScript, where `fetch` and Node join them.
    pub fn from_pairs<I, N, V>(pairs: I) -> Self
    where
        I: IntoIterator<Item = (N, &'h V)>,
        N: AsRef<str>,
        V: AsRef<[u8]> + ?Sized + 'h,
    {
        let [signature, timestamp] = header_values(pairs, ["x-auth-signature", "x-auth-timestamp"]);
        WebhookHeaders { signature, timestamp }
    }
}

/// The values of the headers `names` (lower case) among `(name, value)` pairs, names in any casing, as
/// [`WebhookHeaders::from_pairs`] reads them: a value that is not UTF-8 stands as `"\u{FFFD}"`, a name
/// that repeats as `", "` (its values joined), texts no header check accepts.
pub(crate) fn header_values<'h, I, N, V, const K: usize>(pairs: I, names: [&str; K]) -> [Option<&'h str>; K]
where
    I: IntoIterator<Item = (N, &'h V)>,
    N: AsRef<str>,
    V: AsRef<[u8]> + ?Sized + 'h,
{
    let mut values = [None; K];
    for (name, value) in pairs {
        let name = name.as_ref();
        if let Some(slot) = names.iter().position(|n| name.eq_ignore_ascii_case(n)).and_then(|i| values.get_mut(i)) {
            let text = std::str::from_utf8(value.as_ref()).unwrap_or("\u{FFFD}");
            *slot = Some(if slot.is_some() { ", " } else { text });
        }
    }
    values
}

/// How to verify.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct VerifyOptions {
    /// Which payload to sign.
    pub kind: WebhookKind,
    /// The freshness window in ms, or `None` for no timestamp check (the default: the timestamp is not
    /// signed, so this is a sanity check, not replay protection).
    pub tolerance_ms: Option<u64>,
    /// The verifier's clock in ms since the epoch (only read when `tolerance_ms` is set).
    pub now_ms: i64,
}

/// A verified webhook.
#[derive(Debug, Clone, PartialEq)]
pub struct Verified<'a> {
    /// `Payin` or `Payout` (never `Auto`): what the body looks like.
    pub kind: WebhookKind,
    /// Which configured secret matched (0-based).
    pub secret_index: usize,
    /// The parsed body.
    pub payload: Object<'a>,
    /// Fields present in the body (with a value) that the signature does not cover: for a pay-in v1
    /// webhook, any of [`PAYIN_V1_UNSIGNED`]. Never trust them without another check.
    pub unsigned_fields: Vec<&'static str>,
}

/// Verifies a webhook. Refuses (as an `Err` of the outer result) only programmer misuse: no secret, or
/// an empty or blank one.
pub fn verify_webhook<'a>(
    body: &'a [u8],
    headers: WebhookHeaders<'_>,
    secrets: &[Secret],
    options: VerifyOptions,
) -> Result<Result<Verified<'a>, Rejection>, SecretError> {
    if secrets.is_empty() {
        return Err(SecretError::Missing);
    }
    for secret in secrets {
        secret.usable()?;
    }
    Ok(verify(body, headers, secrets, options))
}

fn reject<T>(reason: Reason, message: impl Into<String>) -> Result<T, Rejection> {
    Err(Rejection { reason, message: message.into() })
}

fn verify<'a>(
    body: &'a [u8],
    headers: WebhookHeaders<'_>,
    secrets: &[Secret],
    options: VerifyOptions,
) -> Result<Verified<'a>, Rejection> {
    if body.len() > MAX_BODY_BYTES {
        return reject(Reason::BodyTooLarge, format!("the body is {} bytes; at most {MAX_BODY_BYTES} are read", body.len()));
    }
    let received = match headers.signature {
        None => return reject(Reason::MissingSignature, "no X-Auth-Signature header"),
        // Present but empty: still no signature (the vectors' reason), said as it is.
        Some("") => return reject(Reason::MissingSignature, "the X-Auth-Signature header is empty"),
        Some(s) => crate::signature::trim_ascii_whitespace(s),
    };
    let Some(received) = from_hex(received) else {
        return reject(Reason::MalformedSignature, "X-Auth-Signature is not 64 hex digits");
    };
    let payload = match json::parse_object_bytes(body) {
        Ok(o) => o,
        Err(e) => return reject(Reason::MalformedBody, format!("the body is not a strict JSON object: {e}")),
    };
    if let Some(tolerance) = options.tolerance_ms {
        check_timestamp(headers.timestamp, tolerance, options.now_ms)?;
    }

    let Signed { kind, v1, canonical } = signed(&payload, options.kind, body.len());

    // Try every secret, without stopping early, so timing does not tell which one matched.
    let mut matched: Option<usize> = None;
    digest_each(canonical.as_deref(), secrets.iter().map(Secret::expose), |index, digest| {
        if digests_equal(&digest, &received) && matched.is_none() {
            matched = Some(index);
        }
    });
    let Some(secret_index) = matched else {
        // A line end kept from a file or an .env is the usual way a right secret goes wrong. It is
        // signed as given (the gateway's own signer does so), so it is only pointed out.
        let padded = secrets.iter().any(|s| s.expose() != s.expose().trim());
        return reject(
            Reason::SignatureMismatch,
            if padded {
                "no configured appSecret gives the received signature; one starts or ends with whitespace (a line end from a file?)"
            } else {
                "no configured appSecret gives the received signature"
            },
        );
    };

    let unsigned_fields = if v1 {
        PAYIN_V1_UNSIGNED.into_iter().filter(|k| payload.get(k).is_some_and(|v| !v.is_empty_value())).collect()
    } else {
        Vec::new()
    };
    Ok(Verified { kind, secret_index, payload, unsigned_fields })
}

/// What the gateway signs of a webhook payload: the rule (`kind`, and whether it is a pay-in v1) and
/// the canonical string.
pub(crate) struct Signed {
    pub(crate) kind: WebhookKind,
    pub(crate) v1: bool,
    pub(crate) canonical: Option<String>,
}

/// `capacity`: the body's length, a good guess of the canonical string's.
pub(crate) fn signed(payload: &Object<'_>, kind: WebhookKind, capacity: usize) -> Signed {
    // `Auto` picks the rule by the payload's shape: a payout notice is signed on the full body, which
    // differs from the pay-in rule when every member is empty (`&key=` against `key=`) or when an array
    // holds a tree bin (the pay-in rule's extra parse can reorder it).
    let kind = match kind {
        WebhookKind::Auto => detect_kind(payload),
        k => k,
    };
    let payin_rule = kind == WebhookKind::Payin;
    let v1 = payin_rule && payload_is_v1(payload);
    let canonical = if payin_rule {
        // The demo signs `parseObject(toJSONString(parseObject(body)))`: writing drops top-level nulls
        // (so `{"a":null}` has no parameters), and the extra parse shows in array key order.
        canonical_string_where(payload, 1, capacity, |k, v| !(matches!(v, Value::Null) || (v1 && PAYIN_V1_UNSIGNED.contains(&k))))
    } else {
        canonical_string(payload, 0, capacity)
    };
    Signed { kind, v1, canonical }
}

/// The `X-Auth-Signature` the gateway sends with this webhook body, by the rule `kind` names (`Auto`:
/// by the payload's shape, as [`verify_webhook`] picks it). For fixtures that test a webhook handler:
/// [`sign`](crate::sign) signs a body as a request, which differs on a pay-in v1 webhook (signed
/// without [`PAYIN_V1_UNSIGNED`]) and, rarely, on other pay-in webhooks (the gateway writes those out
/// and parses them once more before signing).
pub fn sign_webhook(body: &str, secret: &str, kind: WebhookKind) -> Result<String, json::JsonError> {
    let payload = json::parse_object(body)?;
    let canonical = signed(&payload, kind, body.len()).canonical;
    Ok(crate::signature::to_hex(&crate::signature::digest(canonical.as_deref(), secret)))
}

fn check_timestamp(header: Option<&str>, tolerance: u64, now: i64) -> Result<(), Rejection> {
    let Some(text) = header else {
        return reject(Reason::MissingTimestamp, "no X-Auth-Timestamp header");
    };
    if text.is_empty() || text.len() > 16 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return reject(Reason::MalformedTimestamp, "X-Auth-Timestamp is not 1 to 16 digits of milliseconds");
    }
    let ts = text.bytes().fold(0i128, |v, d| v * 10 + i128::from(d - b'0'));
    let (now, tolerance) = (i128::from(now), i128::from(tolerance));
    // Differences are printed as u64 (saturating): formatting an i128 would pull 128-bit division
    // and its formatter into the wasm module.
    let ms = |d: i128| u64::try_from(d).unwrap_or(u64::MAX);
    if ts < now - tolerance {
        return reject(Reason::TimestampTooOld, format!("X-Auth-Timestamp is {} ms older than allowed", ms(now - tolerance - ts)));
    }
    if ts > now + tolerance {
        return reject(Reason::TimestampTooNew, format!("X-Auth-Timestamp is {} ms newer than allowed", ms(ts - now - tolerance)));
    }
    Ok(())
}

/// The pay-in v1 rule: `api_version` missing, `null`, blank (Java `isBlank`), or `v1` in any case,
/// without trimming. A non-string (e.g. the number 1) is never v1.
pub(crate) fn payload_is_v1(payload: &Object<'_>) -> bool {
    match payload.get("api_version") {
        None | Some(Value::Null) => true,
        Some(Value::String(s)) => is_v1(s),
        Some(_) => false,
    }
}

/// Whether an `api_version` string selects the v1 payload.
fn is_v1(version: &str) -> bool {
    version.eq_ignore_ascii_case("v1") || version.chars().all(java_is_whitespace)
}

/// `Character.isWhitespace`: Unicode space separators except the no-break ones, line and paragraph
/// separators, and the ASCII controls U+0009–U+000D and U+001C–U+001F (spec: U+3000 counts, U+00A0 not).
fn java_is_whitespace(c: char) -> bool {
    matches!(
        c,
        '\u{9}'..='\u{d}'
            | '\u{1c}'..='\u{20}'
            | '\u{1680}'
            | '\u{2000}'..='\u{2006}'
            | '\u{2008}'..='\u{200a}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{205f}'
            | '\u{3000}'
    )
}

/// A payout notice carries `details` or `total_amount`; anything else is a pay-in notice.
fn detect_kind(payload: &Object<'_>) -> WebhookKind {
    if payload.get("details").is_some() || payload.get("total_amount").is_some() {
        WebhookKind::Payout
    } else {
        WebhookKind::Payin
    }
}

/// A stable idempotency key for a verified webhook: `pay_order_id`, the order status (its canonical
/// name, as [`order_status::from_value`](crate::order_status::from_value) reads it) and, for fraud and
/// dispute notices, the event (in lower case), as `lesspay2:P1:FAILED:payment_declined`. The gateway
/// does not sign `X-Auth-Timestamp`, so deduplicating on this key is the real defence against replays
/// and duplicate deliveries. `None` without a `pay_order_id`.
///
/// Only signed fields go into it: a pay-in v1 webhook's `event` is not signed (spec 3), and a replay
/// with another `event` must not get a fresh key. A v1 notice therefore shares the key of the status
/// notice with the same `order_status`. [`Verified::idempotency_key`] applies what verification found;
/// this function reads the same from the payload (a pay-in payload is v1 by its `api_version`).
pub fn webhook_key(payload: &Object<'_>) -> Option<String> {
    key_of(payload, !(detect_kind(payload) == WebhookKind::Payin && payload_is_v1(payload)))
}

/// The fraud or dispute notice of a verified webhook, and whether its signature covers it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifiedEvent {
    /// The notice, decoded.
    pub event: Event,
    /// `false` on a pay-in v1 webhook: the gateway leaves `event` and `event_data` out of the
    /// signature, so anyone could have added or changed them. Act on such a notice only after fetching
    /// the order from the gateway.
    pub signed: bool,
}

impl Verified<'_> {
    /// The same verdict owning its payload, so that it outlives the body it was verified from (to
    /// hand it to another task, `tokio::spawn` among them).
    pub fn into_owned(self) -> Verified<'static> {
        Verified { payload: self.payload.into_owned(), ..self }
    }

    /// [`webhook_key`] of the payload, with the event only when the signature covers it.
    pub fn idempotency_key(&self) -> Option<String> {
        key_of(&self.payload, self.event_is_signed())
    }

    /// The fraud or dispute notice (`event` and `event_data`), decoded with `locale`, and whether the
    /// signature covers it; `None` when the payload has no event. Prefer this to
    /// [`decode_event`](crate::errors::decode_event) on a verified payload: that cannot tell a forged
    /// event on a v1 pay-in webhook from a signed one.
    pub fn event(&self, locale: Locale) -> Option<VerifiedEvent> {
        let event = crate::errors::decode_event(&self.payload, &Context { locale, ..Context::default() })?;
        Some(VerifiedEvent { event, signed: self.event_is_signed() })
    }

    /// The order status the payload's `order_status` names, in any of the gateway's spellings.
    pub fn order_status(&self) -> Option<OrderStatus> {
        self.payload.get("order_status").and_then(crate::order_status::from_value)
    }

    fn event_is_signed(&self) -> bool {
        !self.unsigned_fields.contains(&"event")
    }
}

fn key_of(payload: &Object<'_>, event_signed: bool) -> Option<String> {
    let text = |key: &str| match payload.get(key) {
        Some(Value::String(s)) if !s.is_empty() => Some(s.as_ref()),
        Some(Value::Number(n)) => Some(n.as_ref()),
        _ => None,
    };
    let id = text("pay_order_id")?;
    // Written piece by piece, a known status borrowed: this runs for every verified webhook (`format!`
    // and a `String` per piece measured 0.45 µs of a 2-detail payout's 18.4 µs).
    let mut key = String::with_capacity(64);
    key.push_str("lesspay2:");
    key.push_str(id);
    key.push(':');
    // The status as `orderStatus` reads it, its number (`"2"`) included; an unknown one as written,
    // upper-cased.
    match payload.get("order_status").and_then(crate::order_status::from_value) {
        Some(status) => key.push_str(status.name),
        None => crate::order_status::push_unknown_name(&mut key, text("order_status").unwrap_or_default()),
    }
    // The event as `event()` decodes it (trimmed, in any case): a blank or non-string `event` is no
    // event there, nor here.
    if let Some(event) = crate::errors::event_name(payload).filter(|_| event_signed) {
        key.push(':');
        key.push_str(&event.trim().to_ascii_lowercase());
    }
    Some(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn java_blank_and_v1() {
        for v in ["v1", "V1", "", "  ", "\t", "\u{3000}"] {
            assert!(is_v1(v), "{v:?}");
        }
        for v in ["v2", " v1", "v1 ", "v1.0", "\u{a0}", "1"] {
            assert!(!is_v1(v), "{v:?}");
        }
    }
}
