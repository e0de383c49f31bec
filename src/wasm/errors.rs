//! JS bindings for decoding gateway answers and order statuses, exported with the `wasm-client` feature
//! (`verifyWebhook` writes its status and event with `status` and `event` in every build). Shapes are
//! documented in `pkg/types/errors.d.ts`. Reading the input never throws (hostile getters are swallowed
//! by `get`); only a `context`/`options` of the wrong type does, or one whose getter throws (its own error).

use wasm_bindgen::prelude::*;

use super::js;
use super::to_js::Out;
use super::{body_text, get, is_absent, option, short_text, type_error};
use crate::errors::{self as core, Answer, Api, Context, Decoded, Event, Locale, MsgConflict, Operation};
use crate::json;
use crate::order_status;

fn context(value: &JsValue) -> Result<Context, JsValue> {
    if is_absent(value) {
        return Ok(Context::default());
    }
    if !value.is_object() {
        return Err(type_error("context must be an object { api?, operation?, locale? }"));
    }
    super::known_options(value, &["api", "operation", "locale"], "the context")?;
    let api = match option(value, "api")? {
        v if is_absent(&v) => None,
        v => match short_text(&v).as_deref() {
            Some("payin") => Some(Api::Payin),
            Some("payout") => Some(Api::Payout),
            _ => return Err(type_error("context.api must be 'payin' or 'payout'")),
        },
    };
    let operation = match option(value, "operation")? {
        v if is_absent(&v) => None,
        v => match short_text(&v).as_deref() {
            Some("create") => Some(Operation::Create),
            Some("query") => Some(Operation::Query),
            Some("banks" | "balance" | "notify") => Some(Operation::Other),
            _ => return Err(type_error("context.operation must be 'create', 'query', 'banks', 'balance' or 'notify'")),
        },
    };
    Ok(Context { api, operation, locale: super::locale_option(value, "context.locale")? })
}

/// A code from a number or a numeric string: `Some(None)` when present but unreadable.
fn js_integer(v: &JsValue) -> Option<Option<i64>> {
    if is_absent(v) {
        return None;
    }
    if let Some(n) = v.as_f64() {
        return Some(core::integer_from_f64(n));
    }
    match short_text(v) {
        Some(s) if s.trim().is_empty() => None,
        Some(s) => Some(core::integer_from_text(&s)),
        None => Some(None),
    }
}

/// The answer in a plain object's own fields (`code`, `msg`, `event`, `event_data`, `error_code`,
/// `error_msg`), read through `JSON.stringify` and the strict parser; a throwing getter, a cycle or a
/// bigint make it unreadable.
fn read_fields(v: &JsValue) -> Answer {
    let text = js::json_stringify(v).ok().and_then(|t| short_text(&t));
    text.and_then(|t| json::parse_answer(&t).ok().map(|o| core::read_object(&o))).unwrap_or_default()
}

/// The answer in a JS object: an envelope, a webhook payload, or a `{ status, body }` response (the
/// latter read with `get`, so that a fetch `Response`'s prototype getters work).
fn read_js_object(input: &JsValue) -> Answer {
    let status = js_integer(&get(input, "status")).flatten();
    let body = get(input, "body");
    let answer = if let Some(text) = short_text(&body) {
        core::read_body(status, &text).0
    } else if body.is_string() {
        Answer { status, body_unreadable: true, ..Answer::default() }
    } else if body.is_object() && get(&body, "getReader").is_undefined() {
        // An already parsed body (a fetch body stream has `getReader` and cannot be read here).
        core::with_status(status, read_fields(&body))
    } else {
        Answer { status, ..Answer::default() }
    };
    if answer.code.is_some() || answer.code_unreadable || answer.msg.is_some() || answer.event.is_some() {
        return answer;
    }
    Answer { status, body_unreadable: answer.body_unreadable, ..read_fields(input) }
}

fn read_js(input: &JsValue) -> Answer {
    if let Some(n) = input.as_f64() {
        // No answer holds NaN (JSON cannot): it is a caller's `Number(body.code)` of a missing code, so
        // unreadable, not an unknown code the gateway sent.
        if n.is_nan() {
            return Answer::default();
        }
        let code = core::integer_from_f64(n);
        return Answer { code, code_unreadable: code.is_none(), ..Answer::default() };
    }
    if let Some(text) = short_text(input) {
        if let Some(code) = core::integer_from_text(&text) {
            return Answer { code: Some(code), ..Answer::default() };
        }
        // The envelope as JSON text (what `await res.text()` gives) reads as the envelope; text that
        // starts like JSON but is not (truncated), or like a page (`<html>`), is no message at all;
        // any other text is a `msg`.
        let start = text.trim_start();
        if start.starts_with('{') {
            return json::parse_answer(&text).map(|envelope| core::read_object(&envelope)).unwrap_or_default();
        }
        if start.starts_with('<') {
            return Answer::default();
        }
        return Answer { msg: Some(text), ..Answer::default() };
    }
    // Arrays fall through `JSON.stringify` to "not an object" (no `Array.isArray`: it throws on a
    // revoked Proxy).
    if input.is_object() && !input.is_function() {
        return read_js_object(input);
    }
    Answer::default()
}

fn decoded(o: &mut Out, d: &Decoded) {
    o.open('{').key("known").bool(d.known).key("published").bool(d.published).key("source").str(d.source.as_str());
    // Absent, not `null`, when the answer had none.
    if let Some(status) = d.status {
        o.key("status").int(status);
    }
    if let Some(code) = d.code {
        o.key("code").int(code);
    }
    if let Some(msg) = &d.msg {
        o.key("msg").str(msg);
    }
    if let Some(group) = d.group {
        o.key("group").str(group);
    }
    o.key("name").str(d.name).key("description").str(d.description);
    o.key("suggestion").str(d.suggestion).key("advice").str(d.advice);
    o.key("category").str(d.category.as_str()).key("retry").str(d.retry.as_str());
    o.key("msgConflict");
    match &d.msg_conflict {
        Some(m) => conflict(o, m),
        None => o.null(),
    }
    .close('}');
}

fn conflict<'o>(o: &'o mut Out, m: &MsgConflict) -> &'o mut Out {
    o.open('{').key("source").str(m.source.as_str());
    if let Some(code) = m.code {
        o.key("code").int(code);
    }
    o.key("name").str(m.name).key("category").str(m.category.as_str()).close('}')
}

/// `decodeError(input, context?)`.
#[cfg(feature = "wasm-client")]
#[wasm_bindgen(js_name = decodeError)]
pub fn decode_error(input: JsValue, context_value: JsValue) -> Result<JsValue, JsValue> {
    let ctx = context(&context_value)?;
    let mut o = Out::new();
    decoded(&mut o, &core::decode(&read_js(&input), &ctx));
    o.to_js()
}

/// `decodeResponse(status, bodyText, context?)`.
#[cfg(feature = "wasm-client")]
#[wasm_bindgen(js_name = decodeResponse)]
pub fn decode_response(status: JsValue, body: JsValue, context_value: JsValue) -> Result<JsValue, JsValue> {
    let ctx = context(&context_value)?;
    // A status that is not a whole number decodes as "not an HTTP status" (0).
    let status = js_integer(&status).flatten().unwrap_or(0);
    let text = match short_text(&body) {
        Some(t) => t,
        None if body.is_object() => body_text(&body, "body").unwrap_or_default(),
        None => String::new(),
    };
    match core::decode_response(status, &text, &ctx) {
        Ok(success) => {
            let mut o = Out::new();
            // `data` is set below: strictly parsed above, and JS parses it into the caller's object.
            o.open('{').key("ok").bool(true).key("data").null().key("msgConflict");
            let result = match &success.msg_conflict {
                Some(m) => conflict(&mut o, m),
                None => o.null(),
            }
            .close('}')
            .to_js()?;
            let data = get(&js::json_parse(&text).unwrap_or(JsValue::NULL), "data");
            if !data.is_undefined() {
                super::with_name("data", |name| {
                    let _ = js::reflect_set(&result, name, &data);
                });
            }
            Ok(result)
        }
        Err(error) => {
            let mut o = Out::new();
            o.open('{').key("ok").bool(false).key("error");
            decoded(&mut o, &error);
            o.close('}').to_js()
        }
    }
}

/// An order status as the JS object `orderStatus` and `verifyWebhook` return.
pub(super) fn status(o: &mut Out, s: order_status::OrderStatus, locale: Locale) -> &mut Out {
    o.open('{').key("code").int(i64::from(s.code)).key("name").str(s.name).key("final").bool(s.is_final);
    o.key("description").str(s.description_in(locale)).close('}')
}

/// `orderStatus(value, options?)`.
#[cfg(feature = "wasm-client")]
#[wasm_bindgen(js_name = orderStatus)]
pub fn order_status(value: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let locale = if is_absent(&options) {
        Locale::En
    } else if options.is_object() {
        super::known_options(&options, &["locale"], "orderStatus")?;
        super::locale_option(&options, "options.locale")?
    } else {
        return Err(type_error("options must be an object { locale? }"));
    };
    let status = if let Some(n) = value.as_f64() {
        core::integer_from_f64(n).and_then(order_status::from_code)
    } else {
        short_text(&value).and_then(|s| order_status::from_text(&s))
    };
    let mut o = Out::new();
    match status {
        Some(s) => self::status(&mut o, s, locale),
        None => o.null(),
    }
    .to_js()
}

/// The decoded `event` of a verified webhook payload (used by `verifyWebhook`). `signed` is false when
/// the gateway left `event` out of the signature (pay-in v1).
pub(super) fn event<'o>(o: &'o mut Out, event: &Event, signed: bool) -> &'o mut Out {
    let d = &event.decoded;
    o.open('{').key("type").str(&event.kind).key("category").str(d.category.as_str()).key("known").bool(d.known);
    o.key("fraudCode");
    match event.fraud_code {
        Some(code) => o.int(code),
        None => o.null(),
    };
    o.key("disputeCategory").opt_str(event.dispute_category.as_deref());
    o.key("name").str(d.name).key("description").str(d.description).key("advice").str(d.advice);
    o.key("signed").bool(signed).close('}')
}
