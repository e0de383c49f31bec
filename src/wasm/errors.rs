//! JS bindings for decoding gateway answers and order statuses. Shapes are documented in
//! `pkg/types/errors.d.ts`. Reading the input never throws (hostile getters are swallowed by `get`);
//! only a `context`/`options` of the wrong type does.

use wasm_bindgen::prelude::*;

use super::js::{self, JsString, Object};
use super::{body_text, get, is_absent, object, type_error};
use crate::errors::{self as core, Answer, Api, Context, Decoded, Locale, MsgConflict, Operation};
use crate::json;
use crate::order_status;

/// Bodies longer than this (in UTF-16 units) are not copied into wasm: no gateway envelope is that long.
const MAX_BODY_UNITS: u32 = 1 << 20;

fn context(value: &JsValue) -> Result<Context, JsValue> {
    if is_absent(value) {
        return Ok(Context::default());
    }
    if !value.is_object() {
        return Err(type_error("context must be an object { api?, operation?, locale? }"));
    }
    let api = match get(value, "api") {
        v if is_absent(&v) => None,
        v => match v.as_string().as_deref() {
            Some("payin") => Some(Api::Payin),
            Some("payout") => Some(Api::Payout),
            _ => return Err(type_error("context.api must be 'payin' or 'payout'")),
        },
    };
    let operation = match get(value, "operation") {
        v if is_absent(&v) => None,
        v => match v.as_string().as_deref() {
            Some("create") => Some(Operation::Create),
            Some("query") => Some(Operation::Query),
            Some("banks" | "balance" | "notify") => Some(Operation::Other),
            _ => return Err(type_error("context.operation must be 'create', 'query', 'banks', 'balance' or 'notify'")),
        },
    };
    Ok(Context { api, operation, locale: locale(value)? })
}

fn locale(value: &JsValue) -> Result<Locale, JsValue> {
    match get(value, "locale") {
        v if is_absent(&v) => Ok(Locale::En),
        v => match v.as_string().as_deref() {
            Some("en") => Ok(Locale::En),
            Some("zh-CN") => Ok(Locale::ZhCn),
            _ => Err(type_error("locale must be 'en' or 'zh-CN'")),
        },
    }
}

/// A JS string as text, or `None` when it is not a string or is too long to be a gateway answer.
fn short_text(v: &JsValue) -> Option<String> {
    let s = v.dyn_ref::<JsString>()?;
    (s.length() <= MAX_BODY_UNITS).then(|| s.as_string()).flatten()
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
    text.and_then(|t| json::parse_object(&t).ok().map(|o| core::read_object(&o))).unwrap_or_default()
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
        Answer { status, ..read_fields(&body) }
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
        let code = core::integer_from_f64(n);
        return Answer { code, code_unreadable: code.is_none(), ..Answer::default() };
    }
    if let Some(text) = short_text(input) {
        return match core::integer_from_text(&text) {
            Some(code) => Answer { code: Some(code), ..Answer::default() },
            None => Answer { msg: Some(text), ..Answer::default() },
        };
    }
    // Arrays fall through `JSON.stringify` to "not an object" (no `Array.isArray`: it throws on a
    // revoked Proxy).
    if input.is_object() && !input.is_function() {
        return read_js_object(input);
    }
    Answer::default()
}

fn set(o: &Object, key: &str, value: JsValue) {
    let _ = js::reflect_set(o, &JsValue::from_str(key), &value);
}

fn set_some(o: &Object, key: &str, value: Option<JsValue>) {
    if let Some(v) = value {
        set(o, key, v);
    }
}

fn number(n: i64) -> JsValue {
    JsValue::from_f64(n as f64)
}

fn decoded_js(d: &Decoded) -> JsValue {
    let o = Object::new();
    set(&o, "known", d.known.into());
    set(&o, "published", d.published.into());
    set(&o, "source", d.source.as_str().into());
    set_some(&o, "status", d.status.map(number));
    set_some(&o, "code", d.code.map(number));
    set_some(&o, "msg", d.msg.as_deref().map(JsValue::from_str));
    set_some(&o, "group", d.group.map(JsValue::from_str));
    set(&o, "name", d.name.into());
    set(&o, "description", d.description.into());
    set(&o, "suggestion", d.suggestion.into());
    set(&o, "advice", d.advice.into());
    set(&o, "category", d.category.as_str().into());
    set(&o, "retry", d.retry.as_str().into());
    set(&o, "msgConflict", d.msg_conflict.map_or(JsValue::NULL, conflict_js));
    o.into()
}

fn conflict_js(m: MsgConflict) -> JsValue {
    let c = Object::new();
    set(&c, "source", m.source.as_str().into());
    set_some(&c, "code", m.code.map(number));
    set(&c, "name", m.name.into());
    set(&c, "category", m.category.as_str().into());
    c.into()
}

/// `decodeError(input, context?)`.
#[wasm_bindgen(js_name = decodeError)]
pub fn decode_error(input: JsValue, context_value: JsValue) -> Result<JsValue, JsValue> {
    let ctx = context(&context_value)?;
    Ok(decoded_js(&core::decode(&read_js(&input), &ctx)))
}

/// `decodeResponse(status, bodyText, context?)`.
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
    Ok(match core::decode_response(status, &text, &ctx) {
        Ok(success) => {
            // Strictly parsed above; JS parses it into the caller's object.
            let parsed = js::json_parse(&text).unwrap_or(JsValue::NULL);
            let data = get(&parsed, "data");
            object(&[
                ("ok", true.into()),
                ("data", if data.is_undefined() { JsValue::NULL } else { data }),
                ("msgConflict", success.msg_conflict.map_or(JsValue::NULL, conflict_js)),
            ])
        }
        Err(error) => object(&[("ok", false.into()), ("error", decoded_js(&error))]),
    })
}

/// An order status as the JS object `orderStatus` and `verifyWebhook` return.
pub(super) fn status_js(s: order_status::OrderStatus, locale: Locale) -> JsValue {
    object(&[
        ("code", s.code.into()),
        ("name", s.name.into()),
        ("final", s.is_final.into()),
        ("description", s.description_in(locale).into()),
    ])
}

/// `orderStatus(value, options?)`.
#[wasm_bindgen(js_name = orderStatus)]
pub fn order_status(value: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let locale = if is_absent(&options) {
        Locale::En
    } else if options.is_object() {
        locale(&options)?
    } else {
        return Err(type_error("options must be an object { locale? }"));
    };
    let status = if let Some(n) = value.as_f64() {
        core::integer_from_f64(n).and_then(order_status::from_code)
    } else {
        short_text(&value).and_then(|s| order_status::from_text(&s))
    };
    Ok(status.map_or(JsValue::NULL, |s| status_js(s, locale)))
}

/// The `event` of a verified webhook payload, decoded, or `null` (used by `verifyWebhook`). `signed`
/// is false when the gateway left `event` out of the signature (pay-in v1).
pub(super) fn event_of(payload: &json::Object<'_>, signed: bool) -> JsValue {
    let Some(event) = core::decode_event(payload, &Context::default()) else {
        return JsValue::NULL;
    };
    let d = &event.decoded;
    object(&[
        ("type", event.kind.as_str().into()),
        ("category", d.category.as_str().into()),
        ("known", d.known.into()),
        ("fraudCode", event.fraud_code.map_or(JsValue::NULL, number)),
        ("disputeCategory", event.dispute_category.as_deref().map_or(JsValue::NULL, JsValue::from_str)),
        ("name", d.name.into()),
        ("description", d.description.into()),
        ("advice", d.advice.into()),
        ("signed", signed.into()),
    ])
}
