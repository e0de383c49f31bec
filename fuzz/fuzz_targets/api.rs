//! The rest of the public Rust API on any input, the functions the other targets do not call:
//! `sign_request`, `sign_webhook`, `explain_signature` and `explain_webhook_signature` with any received
//! signature, `webhook_key`, what a verified webhook answers (`event`, `order_status`,
//! `idempotency_key`, `into_owned`), the header readers, and Standard Webhooks signing and verification.
//! None of them panics, no message depends on the secret (but for whitespace at its ends), and each pair
//! agrees: what one signs, the other verifies (or explains).
//!
//! Input (`scripts/fuzz-seeds.mjs` writes the webhook vectors in it): byte 0 the webhook kind (`% 3`:
//! auto, pay-in, payout) and the locale (bit 2: zh-CN); bytes 1..9 a timestamp (u64 LE), 9..17 now
//! (i64 LE, ms), 17..21 a tolerance (u32 LE, ms; `u32::MAX` for none); then text fields split at 0xFF
//! (a byte UTF-8 never has): the body, the appId, the secret, the `X-Auth-Signature` received, a
//! `webhook-id`, a `whsec_` secret and a `webhook-signature`. Missing fields are empty.
#![no_main]
use libfuzzer_sys::fuzz_target;
use lesspay2::errors::{decode_event, Context};
use lesspay2::standard_webhooks::{standard_webhook_sign, standard_webhook_verify, StandardHeaders, StandardSecret, StandardWebhookError};
use lesspay2::{
    explain_signature, explain_webhook_signature, sign, sign_request, sign_webhook, verify_webhook, webhook_key, Locale, Secret, SignRequestError, VerifyOptions,
    WebhookHeaders, WebhookKind,
};

fuzz_target!(|data: &[u8]| {
    let Some((head, rest)) = data.split_first_chunk::<21>() else { return };
    let kind = [WebhookKind::Auto, WebhookKind::Payin, WebhookKind::Payout][usize::from(head[0] % 3)];
    let locale = if head[0] & 4 != 0 { Locale::ZhCn } else { Locale::En };
    let timestamp = u64::from_le_bytes(head[1..9].try_into().unwrap());
    let now = i64::from_le_bytes(head[9..17].try_into().unwrap());
    let tolerance = match u32::from_le_bytes(head[17..21].try_into().unwrap()) {
        u32::MAX => None,
        t => Some(u64::from(t)),
    };
    let mut fields = rest.split(|&b| b == 0xFF);
    let mut next = || fields.next().unwrap_or_default();
    let (body, app_id, secret, received, id, whsec, standard_signature) = (next(), next(), next(), next(), next(), next(), next());
    let (Ok(app_id), Ok(secret), Ok(received), Ok(id), Ok(whsec), Ok(standard_signature)) = (
        std::str::from_utf8(app_id),
        std::str::from_utf8(secret),
        std::str::from_utf8(received),
        std::str::from_utf8(id),
        std::str::from_utf8(whsec),
        std::str::from_utf8(standard_signature),
    ) else {
        return;
    };
    // Another secret with whitespace in the same places: messages may point out whitespace at an end
    // (a line end from a file), and must not otherwise depend on the secret.
    let other: String = secret.chars().map(|c| if c.is_whitespace() { c } else if c == 'x' { 'y' } else { 'x' }).collect();
    let usable = !secret.trim().is_empty();

    standard(body, id, whsec, secret, standard_signature, timestamp, tolerance, now);

    let Ok(text) = std::str::from_utf8(body) else { return };
    let signed = sign(text, secret);

    // sign_request: the body as given, headers from `sign`; a refusal does not depend on the secret.
    match sign_request(app_id, &Secret::new(secret), text, timestamp) {
        Ok(request) => {
            assert_eq!(request.body, text);
            let header = |name: &str| request.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str());
            assert_eq!(header("x-auth-signature"), signed.as_deref().ok());
            assert_eq!(header("x-auth-appid"), Some(app_id));
            assert_eq!(header("x-auth-timestamp"), Some(timestamp.to_string().as_str()));
        }
        Err(e) => {
            assert_eq!(sign_request(app_id, &Secret::new(other.as_str()), text, timestamp).err(), Some(e.clone()));
            if let (SignRequestError::Body(error), true) = (&e, usable) {
                assert_eq!(signed.as_ref().err(), Some(error));
            }
        }
    }

    // explain_signature: the gateway's signature, the redacted string, and the received one compared
    // ignoring case and surrounding ASCII whitespace.
    if let Ok(e) = explain_signature(text, secret, Some(received)) {
        assert_eq!(Ok(&e.expected), signed.as_ref());
        let redacted = match &e.canonical {
            Some(c) => format!("{c}&key=<appSecret>"),
            None => "key=<appSecret>".to_string(),
        };
        assert_eq!(e.signed_string_redacted, redacted);
        assert_eq!(e.matches, Some(trim_rule3(received).eq_ignore_ascii_case(&e.expected)));
    }

    // Any received header: a rejection's message does not depend on the secret.
    if usable {
        let options = VerifyOptions { kind, tolerance_ms: tolerance, now_ms: now };
        let headers = WebhookHeaders::from_pairs([("X-Auth-Signature", received.as_bytes())]);
        assert_eq!(headers.signature, Some(received));
        let verdict = |secret: &str| verify_webhook(body, headers, &[Secret::new(secret)], options).unwrap().err();
        if let (Some(a), Some(b)) = (verdict(secret), verdict(&other)) {
            if a.reason == b.reason {
                assert_eq!(a.message, b.message);
            }
        }
    }

    // sign_webhook and verify_webhook agree, and the verdict answers its questions.
    let Ok(signature) = sign_webhook(text, secret, kind) else { return };
    assert_eq!(signed.as_ref().map(|_| ()), Ok(()));
    // explain_webhook_signature explains what sign_webhook signs, by the same rule.
    let e = explain_webhook_signature(text, secret, Some(received), kind).unwrap();
    assert_eq!(e.expected, signature);
    assert_eq!(e.matches, Some(trim_rule3(received).eq_ignore_ascii_case(&signature)));
    if kind == WebhookKind::Payout {
        assert_eq!(Ok(&signature), signed.as_ref(), "a payout notice is signed as a request");
    }
    if !usable {
        return;
    }
    let secrets = [Secret::new("another secret"), Secret::new(secret)];
    let headers = WebhookHeaders { signature: Some(&signature), timestamp: None };
    let options = VerifyOptions { kind, tolerance_ms: None, now_ms: now };
    let verified = match verify_webhook(body, headers, &secrets, options).unwrap() {
        Ok(v) => v,
        // The only secret that can match first is the other one, when they are the same.
        Err(r) => panic!("sign_webhook's signature did not verify: {}", r.message),
    };
    assert_eq!(verified.secret_index, usize::from(secret != "another secret"));
    assert_ne!(verified.kind, WebhookKind::Auto);
    assert_eq!(sign_webhook(text, secret, verified.kind).as_ref(), Ok(&signature));
    let status = verified.order_status();
    let key = verified.idempotency_key();
    if let Some(k) = &key {
        assert!(k.starts_with("lesspay2:"), "{k}");
    }
    if kind == WebhookKind::Auto {
        // `webhook_key` reads the rule from the payload as `Auto` does.
        assert_eq!(webhook_key(&verified.payload), key);
    }
    let event = verified.event(locale);
    assert_eq!(event.as_ref().map(|e| &e.event), decode_event(&verified.payload, &Context { locale, ..Context::default() }).as_ref());
    let owned = verified.clone().into_owned();
    assert_eq!(owned, verified);
    assert_eq!((owned.order_status(), owned.idempotency_key(), owned.event(locale)), (status, key, event));
});

/// Standard Webhooks: a secret read from `whsec` (else the secret's bytes), what it signs verifies, and
/// any headers get a verdict.
#[allow(clippy::too_many_arguments)]
fn standard(body: &[u8], id: &str, whsec: &str, secret: &str, signature: &str, timestamp: u64, tolerance: Option<u64>, now: i64) {
    let key = match StandardSecret::from_whsec(whsec) {
        Ok(key) => key,
        Err(e) => {
            assert!(matches!(e, StandardWebhookError::EmptySecret | StandardWebhookError::MalformedSecret), "{e:?}");
            match StandardSecret::from_bytes(secret.as_bytes()) {
                Ok(key) => key,
                Err(e) => return assert_eq!((e, secret), (StandardWebhookError::EmptySecret, "")),
            }
        }
    };
    let again = StandardSecret::from_whsec(&key.to_whsec()).unwrap();
    let secrets = [key];
    match standard_webhook_sign(id, timestamp, body, &secrets) {
        Ok(headers) => {
            // The secret read back from its `whsec_` form signs the same.
            let same = standard_webhook_sign(id, timestamp, body, &[again]).unwrap();
            assert_eq!(same.signature, headers.signature);
            assert_eq!(headers.timestamp, timestamp.to_string());
            let received = StandardHeaders { id: Some(&headers.id), timestamp: Some(&headers.timestamp), signature: Some(&headers.signature) };
            let verdict = standard_webhook_verify(body, received, &secrets, tolerance, now).unwrap();
            if tolerance.is_none() {
                let v = verdict.unwrap();
                assert_eq!((v.id, v.timestamp_s, v.secret_index), (id, timestamp, 0));
            }
        }
        Err(e) => assert!(matches!(e, StandardWebhookError::MalformedId | StandardWebhookError::MalformedTimestamp), "{e:?}"),
    }
    let sent = timestamp.to_string();
    let received = StandardHeaders::from_pairs([("Webhook-Id", id), ("webhook-timestamp", sent.as_str()), ("WEBHOOK-SIGNATURE", signature)]);
    if let Ok(v) = standard_webhook_verify(body, received, &secrets, tolerance, now).unwrap() {
        assert_eq!(v.id, id);
    }
}

/// Verification rule 3: the ASCII whitespace C's `isspace` counts (VT included, which Rust's
/// `is_ascii_whitespace` leaves out) is ignored around a received signature.
fn trim_rule3(s: &str) -> &str {
    s.trim_matches(|c| matches!(c, ' ' | '\t' | '\n' | '\u{b}' | '\u{c}' | '\r'))
}
