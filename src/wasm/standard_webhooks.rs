//! JS bindings for Standard Webhooks signing and verification. Shapes are documented in
//! `pkg/types/standard-webhooks.d.ts`.

use wasm_bindgen::prelude::*;

use super::signature::{header, headers_option, read_body, rejected, too_large, Body, HeaderTooLong, LONE_SURROGATE_BODY};
use super::to_js::Out;
use super::{error, js_text, known_options, now_ms, now_option, option, type_error};
use crate::standard_webhooks::{self as core, StandardHeaders, StandardReason, StandardSecret, DEFAULT_TOLERANCE_MS};
use crate::webhook::MAX_BODY_BYTES;

/// The secrets: a `whsec_...` string or a non-empty array of them.
fn secrets(value: &JsValue) -> Result<Vec<StandardSecret>, JsValue> {
    super::secret_list(value, "a Standard Webhooks secret string ('whsec_...')", "'whsec_...' secret", |what, text| {
        StandardSecret::from_whsec(text.trim()).map_err(|e| error(&format!("{what}: {e}")))
    })
}


/// `standardWebhookSign({ id, body, secret, now? })`: the three `webhook-*` headers.
#[wasm_bindgen(js_name = standardWebhookSign)]
pub fn standard_webhook_sign(options: JsValue) -> Result<JsValue, JsValue> {
    if !options.is_object() {
        return Err(type_error("standardWebhookSign expects an options object { id, body, secret, now? }"));
    }
    known_options(&options, &["id", "body", "secret", "now"], "standardWebhookSign")?;
    let secrets = secrets(&option(&options, "secret")?)?;
    let id = js_text(&option(&options, "id")?, "id")?;
    let body = match read_body(&option(&options, "body")?)? {
        Body::Bytes(b) => b,
        Body::TooLarge(_) => return Err(error(&format!("body is larger than {MAX_BODY_BYTES} bytes"))),
        Body::LoneSurrogate => return Err(error(LONE_SURROGATE_BODY)),
    };
    // Written into `webhook-timestamp`: seconds passed as milliseconds (the usual slip) would sign a
    // time in 1970 that every receiver refuses.
    let now = match now_option(&options, "now")? {
        None => now_ms(),
        Some(ms) if ms >= 1e12 => ms,
        Some(_) => return Err(type_error("now must be milliseconds since the epoch (13 digits, like Date.now()), not seconds")),
    };
    let seconds = (now / 1000.0).floor() as u64;
    let signed = core::standard_webhook_sign(&id, seconds, &body, &secrets).map_err(|e| error(&e.to_string()))?;
    let mut o = Out::new();
    o.open('{').key("webhook-id").str(&signed.id).key("webhook-timestamp").str(&signed.timestamp);
    o.key("webhook-signature").str(&signed.signature).close('}').to_js()
}

/// `standardWebhookVerify({ body, headers, secret, toleranceMs?, now? })`.
#[wasm_bindgen(js_name = standardWebhookVerify)]
pub fn standard_webhook_verify(options: JsValue) -> Result<JsValue, JsValue> {
    if !options.is_object() {
        return Err(type_error(
            "standardWebhookVerify expects an options object { body, headers, secret, toleranceMs?, now? }",
        ));
    }
    known_options(&options, &["body", "headers", "secret", "toleranceMs", "now"], "standardWebhookVerify")?;
    let secrets = secrets(&option(&options, "secret")?)?;
    let headers = headers_option(&options)?;
    let tolerance_ms = match option(&options, "toleranceMs")? {
        t if t.is_undefined() => Some(DEFAULT_TOLERANCE_MS),
        t if t.is_null() => None,
        t => match t.as_f64() {
            Some(ms) if ms.is_finite() && ms >= 0.0 => Some(ms.floor() as u64),
            _ => {
                return Err(type_error(
                    "toleranceMs must be a finite, non-negative number of milliseconds (default 300000), or null for no freshness check",
                ))
            }
        },
    };
    let now = now_option(&options, "now")?.unwrap_or_else(now_ms);
    let (body, lone_surrogate) = match read_body(&option(&options, "body")?)? {
        Body::Bytes(b) => (b, false),
        Body::TooLarge(size) => {
            return rejected("body_too_large", &too_large(size))
        }
        // Not the bytes that were signed: no signature matches them, which the last check says.
        Body::LoneSurrogate => (vec![0xFF], true),
    };
    // A header too long to read: a timestamp that long is malformed; an id or a signature list that
    // long is not checked, so no signature in it matches.
    let Ok(timestamp) = header(&headers, "webhook-timestamp")? else {
        return rejected(StandardReason::MalformedTimestamp.code(), &HeaderTooLong::message("webhook-timestamp"));
    };
    let (Ok(id), Ok(signature)) = (header(&headers, "webhook-id")?, header(&headers, "webhook-signature")?) else {
        return rejected(StandardReason::SignatureMismatch.code(), &HeaderTooLong::message("webhook-id or webhook-signature"));
    };
    let received = StandardHeaders { id: id.as_deref(), timestamp: timestamp.as_deref(), signature: signature.as_deref() };
    let verdict = core::standard_webhook_verify(&body, received, &secrets, tolerance_ms, now.floor() as i64)
        .map_err(|e| error(&e.to_string()))?;
    match verdict {
        Err(StandardReason::SignatureMismatch) if lone_surrogate => rejected(StandardReason::SignatureMismatch.code(), LONE_SURROGATE_BODY),
        Err(reason) => rejected(reason.code(), reason.message()),
        Ok(verified) => {
            let mut o = Out::new();
            o.open('{').key("valid").bool(true).key("id").str(verified.id);
            o.key("timestamp").int(verified.timestamp_s as i64).key("secretIndex").int(verified.secret_index as i64);
            o.close('}').to_js()
        }
    }
}
