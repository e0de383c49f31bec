//! JS bindings for signing and webhook verification. Shapes are documented in `pkg/types/signature.d.ts`.

use wasm_bindgen::prelude::*;

use super::js::{self, Array, JsString, Map, Object};
use super::to_js::Out;
use super::{body_text, error, is_absent, js_text, known_options, now_ms, now_option, option, type_error, type_of};
use crate::json;
use crate::errors::Locale;
use crate::signature::{self as core, Secret};
use crate::webhook::{self, VerifyOptions, WebhookHeaders, WebhookKind, MAX_BODY_BYTES};

fn body_error(e: json::JsonError) -> JsValue {
    error(&format!("the body is not a strict JSON object: {e}"))
}

/// `canonicalize(body)`: the exact text hashed before `&key=`, or `null` without parameters.
#[wasm_bindgen(js_name = canonicalize)]
pub fn canonicalize(body: JsValue) -> Result<JsValue, JsValue> {
    let text = body_text(&body, "body")?;
    // `null`, as documented: an `Option<String>` return would reach JS as `undefined`.
    Ok(core::canonicalize(&text).map_err(body_error)?.map_or(JsValue::NULL, JsValue::from))
}

/// `sign(body, appSecret)`: 64 upper-case hex digits, with any secret (even an empty one).
#[wasm_bindgen(js_name = sign)]
pub fn sign(body: JsValue, app_secret: JsValue) -> Result<String, JsValue> {
    let text = body_text(&body, "body")?;
    let secret = js_text(&app_secret, "appSecret")?;
    core::sign(&text, &secret).map_err(body_error)
}

/// `signRequest({ appId, appSecret, body, timestamp? })`.
#[wasm_bindgen(js_name = signRequest)]
pub fn sign_request(options: JsValue) -> Result<JsValue, JsValue> {
    if !options.is_object() {
        return Err(type_error("signRequest expects an options object { appId, appSecret, body, timestamp? }"));
    }
    known_options(&options, &["appId", "appSecret", "body", "timestamp"], "signRequest")?;
    let app_id = js_text(&option(&options, "appId")?, "appId")?;
    let secret = Secret::new(js_text(&option(&options, "appSecret")?, "appSecret")?);
    let body = body_text(&option(&options, "body")?, "body")?;
    let timestamp = match option(&options, "timestamp")? {
        t if is_absent(&t) => now_ms(),
        // Spec 1: 13-digit milliseconds. Seconds (10 digits) are the usual slip, and the gateway would
        // see a time in 1970.
        t => match t.as_f64() {
            Some(ms) if (1e12..1e13).contains(&ms) && ms.fract() == 0.0 => ms,
            _ => return Err(type_error("timestamp must be a number of milliseconds since the epoch, 13 whole digits like Date.now() (not seconds, not a string)")),
        },
    };
    let signed = crate::request::sign_request(&app_id, &secret, &body, timestamp as u64)
        .map_err(|e| error(&e.to_string()))?;
    let mut o = Out::new();
    o.open('{').key("body").str(&signed.body).key("headers").open('{');
    for (name, value) in &signed.headers {
        o.key(name).str(value);
    }
    o.close('}').close('}').to_js()
}

/// The secrets: a string or a non-empty array of strings, none of them blank.
fn secrets(value: &JsValue) -> Result<Vec<Secret>, JsValue> {
    super::secret_list(value, "the appSecret string", "appSecret", |what, text| {
        let secret = Secret::new(text);
        secret.usable().map_err(|e| error(&format!("{what}: {e}")))?;
        Ok(secret)
    })
}

/// A header value that is not read: longer than [`MAX_INPUT`](super::MAX_INPUT) characters, or repeated
/// more than [`MAX_HEADER_PARTS`] times. No HTTP server hands over such a header (they cap a request's
/// headers at some KB); the verifiers answer it as a malformed one, without copying it into wasm memory.
pub(crate) struct HeaderTooLong;

/// The most values of a repeated header (a `string[]`) that are joined.
const MAX_HEADER_PARTS: u32 = 64;

impl HeaderTooLong {
    /// The rejection message for the header `name`.
    pub(crate) fn message(name: &str) -> String {
        format!("the {name} header is not read: over {} characters, or over {MAX_HEADER_PARTS} values", super::MAX_INPUT)
    }
}

/// A header's value, `None` when it is absent, or [`HeaderTooLong`].
pub(crate) type HeaderValue = Result<Option<String>, HeaderTooLong>;

/// One header value from a fetch `Headers`, a `Map` or a plain object (any key casing, the lower-case
/// one first; string or string[] values, the latter joined with `, ` as fetch does). `Err` is what the
/// caller's object threw (a Proxy's trap, a getter, a `Map` whose iterator throws), thrown on.
pub(crate) fn header(headers: &JsValue, name: &'static str) -> Result<HeaderValue, JsValue> {
    let text = |v: &JsValue| match super::bounded_string(v) {
        Some(Ok(s)) => Ok(Some(s)),
        Some(Err(_)) => Err(HeaderTooLong),
        None => Ok(None),
    };
    let from_value = |v: JsValue| -> Result<HeaderValue, JsValue> {
        match text(&v) {
            Ok(None) => {}
            found => return Ok(found),
        }
        if !Array::is_array(&v) {
            return Ok(Ok(None));
        }
        // The string items joined with `, `, as fetch joins repeated headers.
        let parts: &Array = v.unchecked_ref();
        if parts.length()? > MAX_HEADER_PARTS {
            return Ok(Err(HeaderTooLong));
        }
        let mut joined: Option<String> = None;
        for part in parts.to_vec()? {
            let part = match text(&part) {
                Ok(Some(part)) => part,
                Ok(None) => continue,
                Err(too_long) => return Ok(Err(too_long)),
            };
            match &mut joined {
                Some(j) => {
                    j.push_str(", ");
                    j.push_str(&part);
                }
                None => joined = Some(part),
            }
            if joined.as_ref().is_some_and(|j| j.len() > super::MAX_INPUT as usize) {
                return Ok(Err(HeaderTooLong));
            }
        }
        Ok(Ok(joined))
    };
    let entries = if headers.is_instance_of::<Map>() {
        // A `Map`'s `[key, value]` entries (read through `Array.from`, not `forEach` and a closure).
        Array::from(headers)?
    } else {
        let getter = option(headers, "get")?;
        if getter.is_function() {
            // fetch `Headers` (and look-alikes): `get` is already case-insensitive.
            let getter: &js::Function = getter.unchecked_ref();
            let value = super::with_name(name, |name| Some(getter.call1(headers, name))).unwrap_or(Ok(JsValue::UNDEFINED))?;
            return Ok(text(&value));
        }
        // Node's `req.headers` has lower-case names, as `name` is: one read before a scan for another
        // casing, which crosses the boundary three times per header (+4 µs for a dozen headers).
        match from_value(option(headers, name)?)? {
            Ok(None) => {}
            found => return Ok(found),
        }
        Object::entries(headers)?
    };
    // Each entry is a [key, value] array, read as it is (`Array::from` would copy it).
    for i in 0..entries.length()? {
        let pair: Array = entries.get(i)?.unchecked_into();
        // `name` is ASCII: only a key of its length can equal it, and no other key is copied.
        let key = pair.get(0)?;
        let Some(key) = key.dyn_ref::<JsString>().filter(|k| k.length() as usize == name.len()) else { continue };
        if key.as_string().is_some_and(|k| k.eq_ignore_ascii_case(name)) {
            match from_value(pair.get(1)?)? {
                Ok(None) => {}
                found => return Ok(found),
            }
        }
    }
    Ok(Ok(None))
}

/// `options.headers` (of an options object): a fetch `Headers`, a `Map` or a plain object of the received
/// headers.
pub(crate) fn headers_option(options: &JsValue) -> Result<JsValue, JsValue> {
    let headers = option(options, "headers")?;
    // An array (Node's `req.rawHeaders`, a list of pairs) would read as having no signature.
    if !headers.is_object() || Array::is_array(&headers) {
        return Err(type_error(&format!(
            "headers must be a fetch Headers, a Map or a plain object of the received headers, not {}",
            type_of(&headers)
        )));
    }
    Ok(headers)
}

/// The rejection message for a body over the size limit.
pub(crate) fn too_large(size: usize) -> String {
    format!("the body is at least {size} bytes; at most {MAX_BODY_BYTES} are read")
}

/// The body as bytes, or too large (found without copying a huge one into wasm memory), or a string
/// that no UTF-8 body can be.
pub(crate) enum Body {
    Bytes(Vec<u8>),
    TooLarge(usize),
    LoneSurrogate,
}

/// Why a [`Body::LoneSurrogate`] is refused.
pub(crate) const LONE_SURROGATE_BODY: &str =
    "the body string contains an unpaired UTF-16 surrogate, which UTF-8 cannot carry, so it is not the body that was sent: pass the raw body (its bytes, or the text as received)";

pub(crate) fn read_body(value: &JsValue) -> Result<Body, JsValue> {
    if let Some(s) = value.dyn_ref::<JsString>() {
        // UTF-8 takes at least one byte per UTF-16 unit: longer than the limit in units is too large
        // for sure, and that is decided before anything is copied.
        let units = s.length() as usize;
        if units > MAX_BODY_BYTES {
            return Ok(Body::TooLarge(units));
        }
        // The size first (rule 1), as the encoder counts it: a lone surrogate as U+FFFD, 3 bytes.
        let bytes = super::encoded(s);
        if bytes.len() > MAX_BODY_BYTES {
            return Ok(Body::TooLarge(bytes.len()));
        }
        // A lone surrogate cannot arrive over the network as UTF-8; refusing it keeps the encoder
        // from silently replacing it.
        return Ok(if super::faithful(s, &bytes) { Body::Bytes(bytes) } else { Body::LoneSurrogate });
    }
    let Some(bytes) = super::raw_bytes(value)? else {
        return Err(type_error(&format!(
            "body must be the raw body as a string, Uint8Array or ArrayBuffer, not {}",
            type_of(value)
        )));
    };
    Ok(match bytes.copy_out(MAX_BODY_BYTES as u32)? {
        Ok(bytes) => Body::Bytes(bytes),
        Err(len) => Body::TooLarge(len as usize),
    })
}

fn kind_text(kind: WebhookKind) -> &'static str {
    match kind {
        WebhookKind::Auto => "auto",
        WebhookKind::Payin => "payin",
        WebhookKind::Payout => "payout",
    }
}

/// `kind`: `'auto'` when absent.
fn webhook_kind(kind: &JsValue) -> Result<WebhookKind, JsValue> {
    if is_absent(kind) {
        return Ok(WebhookKind::Auto);
    }
    match super::short_text(kind).as_deref() {
        Some("auto") => Ok(WebhookKind::Auto),
        Some("payin") => Ok(WebhookKind::Payin),
        Some("payout") => Ok(WebhookKind::Payout),
        _ => Err(type_error("kind must be 'auto', 'payin' or 'payout'")),
    }
}

/// `signWebhook(body, appSecret, kind?)`: the `X-Auth-Signature` the gateway sends with this webhook,
/// for fixtures that test a handler.
#[wasm_bindgen(js_name = signWebhook)]
pub fn sign_webhook(body: JsValue, app_secret: JsValue, kind: JsValue) -> Result<String, JsValue> {
    let text = body_text(&body, "body")?;
    let secret = js_text(&app_secret, "appSecret")?;
    webhook::sign_webhook(&text, &secret, webhook_kind(&kind)?).map_err(body_error)
}

/// `{ valid: false, reason, message }`: the rejection both verifiers return.
pub(crate) fn rejected(reason: &str, message: &str) -> Result<JsValue, JsValue> {
    let mut o = Out::new();
    o.open('{').key("valid").bool(false).key("reason").str(reason).key("message").str(message).close('}').to_js()
}

/// `verifyWebhook({ body, headers, secret, kind?, toleranceMs?, now? })`.
#[wasm_bindgen(js_name = verifyWebhook)]
pub fn verify_webhook(options: JsValue) -> Result<JsValue, JsValue> {
    if !options.is_object() {
        return Err(type_error("verifyWebhook expects an options object { body, headers, secret, kind?, toleranceMs?, now? }"));
    }
    known_options(&options, &["body", "headers", "secret", "kind", "toleranceMs", "now"], "verifyWebhook")?;
    let secrets = secrets(&option(&options, "secret")?)?;
    let headers = headers_option(&options)?;
    let kind = webhook_kind(&option(&options, "kind")?)?;
    let tolerance_ms = match option(&options, "toleranceMs")? {
        t if is_absent(&t) => None,
        t => match t.as_f64() {
            Some(ms) if ms.is_finite() && ms >= 0.0 => Some(ms.floor() as u64),
            _ => return Err(type_error("toleranceMs must be a finite, non-negative number of milliseconds, or null for no freshness check")),
        },
    };
    // The clock is only read for a freshness window.
    let now = now_option(&options, "now")?.unwrap_or_else(|| tolerance_ms.map_or(0.0, |_| now_ms()));
    let body_value = option(&options, "body")?;
    let (body, lone_surrogate) = match read_body(&body_value)? {
        Body::TooLarge(size) => {
            return rejected(webhook::Reason::BodyTooLarge.code(), &too_large(size))
        }
        // Rejected where the checks reach the body (after the signature header's), with its own message.
        Body::LoneSurrogate => (vec![0xFF], true),
        Body::Bytes(b) => (b, false),
    };
    let Ok(signature) = header(&headers, "x-auth-signature")? else {
        return rejected(webhook::Reason::MalformedSignature.code(), &HeaderTooLong::message("X-Auth-Signature"));
    };
    // The timestamp is unsigned and only read for a freshness window (a lookup saved per call).
    let timestamp = match tolerance_ms.map(|_| header(&headers, "x-auth-timestamp")).transpose()? {
        Some(Err(HeaderTooLong)) => {
            return rejected(webhook::Reason::MalformedTimestamp.code(), &HeaderTooLong::message("X-Auth-Timestamp"))
        }
        Some(Ok(timestamp)) => timestamp,
        None => None,
    };
    let headers = WebhookHeaders { signature: signature.as_deref(), timestamp: timestamp.as_deref() };
    let options = VerifyOptions { kind, tolerance_ms, now_ms: now.floor() as i64 };
    let verdict = webhook::verify_webhook(&body, headers, &secrets, options).map_err(|e| error(&e.to_string()))?;
    match verdict {
        Err(rejection) if lone_surrogate && rejection.reason == webhook::Reason::MalformedBody => {
            rejected(rejection.reason.code(), LONE_SURROGATE_BODY)
        }
        Err(rejection) => rejected(rejection.reason.code(), &rejection.message),
        Ok(verified) => {
            // The body is a valid JSON object here; JS parses it into the caller's object, a string
            // body where it already lives instead of copied back out of wasm memory.
            let payload = match body_value.dyn_ref::<JsString>() {
                Some(text) => js::json_parse_js(text),
                None => js::json_parse(std::str::from_utf8(&body).unwrap_or_default()),
            }
            .unwrap_or(JsValue::NULL);
            let mut o = Out::new();
            o.open('{').key("valid").bool(true).key("kind").str(kind_text(verified.kind));
            o.key("secretIndex").int(verified.secret_index as i64);
            // The caller's object, set below: parsed by JS, not written out from wasm.
            o.key("payload").null();
            o.key("unsignedFields").strings(verified.unsigned_fields.iter().copied());
            o.key("orderStatus");
            match verified.order_status() {
                Some(status) => super::errors::status(&mut o, status, Locale::En),
                None => o.null(),
            };
            o.key("event");
            match verified.event(Locale::En) {
                Some(e) => super::errors::event(&mut o, &e.event, e.signed),
                None => o.null(),
            };
            o.key("idempotencyKey").opt_str(verified.idempotency_key().as_deref());
            let result = o.close('}').to_js()?;
            super::with_name("payload", |name| {
                let _ = js::reflect_set(&result, name, &payload);
            });
            Ok(result)
        }
    }
}

/// `explainSignature(body, appSecret, receivedSignature?, kind?)`.
#[wasm_bindgen(js_name = explainSignature)]
pub fn explain_signature(body: JsValue, app_secret: JsValue, received_signature: JsValue, kind: JsValue) -> Result<JsValue, JsValue> {
    let text = body_text(&body, "body")?;
    let secret = js_text(&app_secret, "appSecret")?;
    let received = if is_absent(&received_signature) { None } else { Some(js_text(&received_signature, "receivedSignature")?) };
    // Without a `kind` the body is a request; with one, a webhook signed by that rule (as `signWebhook`).
    let rule = if is_absent(&kind) { None } else { Some(webhook_kind(&kind)?) };
    let e = core::explain(&text, &secret, received.as_deref(), rule).map_err(body_error)?;
    let mut o = Out::new();
    o.open('{').key("canonical").opt_str(e.canonical.as_deref());
    o.key("signedString").str(&e.signed_string_redacted).key("expected").str(&e.expected);
    o.key("matches");
    match e.matches {
        Some(matches) => o.bool(matches),
        None => o.null(),
    };
    o.key("hints").open('[');
    for h in &e.hints {
        o.open('{').key("code").str(h.code).key("message").str(&h.message).close('}');
    }
    o.close(']').key("arrayKeyOrder").open('[');
    for k in &e.array_key_order {
        o.open('{').key("path").str(&k.path);
        o.key("bodyOrder").strings(k.body_order.iter().map(String::as_str));
        o.key("gatewayOrder").strings(k.gateway_order.iter().map(String::as_str));
        o.close('}');
    }
    o.close(']').close('}').to_js()
}

/// `webhookKey(payload)`: a stable idempotency key, or `null` without a `pay_order_id`.
#[wasm_bindgen(js_name = webhookKey)]
pub fn webhook_key(payload: JsValue) -> Result<JsValue, JsValue> {
    let text = body_text(&payload, "payload")?;
    let object = json::parse_object(&text).map_err(|e| error(&format!("payload is not a JSON object: {e}")))?;
    // `null`, not `undefined`, without a `pay_order_id` (as documented and as `idempotencyKey` is).
    Ok(webhook::webhook_key(&object).map_or(JsValue::NULL, JsValue::from))
}
