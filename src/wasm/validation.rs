//! JS bindings for parameter validation. Shapes are documented in `pkg/types/validation.d.ts`.
//! `validateField` is written in JavaScript on top of `validate` (`pkg/extras.js`): the same answers
//! for a smaller `.wasm` than a second export that clones and edits the parsed tree.
//!
//! Params travel as `JSON.stringify` text parsed by our own strict parser, so a JS number arrives as a
//! JSON number (what `amount_not_string` needs) and no serde is linked at runtime; `validateJson` takes
//! the caller's own text.

use wasm_bindgen::prelude::*;

use super::js;
use super::to_js::Out;
use super::{describe, error, is_absent, js_text, now_ms, type_error, type_of};
use crate::validation::{self as core, Kind, Options, Param, Report, Segment};

fn kind_of(v: &JsValue) -> Result<Kind, JsValue> {
    let name = super::bounded_string(v);
    let read = name.as_ref().and_then(|n| n.as_deref().ok()).unwrap_or_default();
    Kind::from_name(read).ok_or_else(|| {
        let shown = match name {
            Some(Ok(name)) => format!("'{name}'"),
            Some(Err(length)) => format!("a string of {length} characters"),
            None => type_of(v).to_owned(),
        };
        type_error(&format!(
            "kind must be one of 'createPayin', 'fetchPayin', 'createPayout', 'createPayoutBatch', 'fetchPayout', 'payoutBanks', not {shown}"
        ))
    })
}

/// `{ locale?, now? }` of `function`: `now` is milliseconds or a `Date`, default `Date.now()`.
fn options_of(v: &JsValue, function: &str) -> Result<Options, JsValue> {
    if is_absent(v) {
        return Ok(Options::new(now_ms() as i64));
    }
    if !v.is_object() {
        return Err(type_error(&format!("options must be an object {{ locale?, now? }}, not {}", type_of(v))));
    }
    super::known_options(v, &["locale", "now"], function)?;
    let locale = super::locale_option(v, "options.locale")?;
    let now = super::now_option(v, "options.now")?.unwrap_or_else(now_ms);
    Ok(Options { locale, now_ms: now as i64 })
}

/// `JSON.stringify(value)`, or `None` when it has no JSON form (`undefined`, a function, a symbol).
fn json_text(v: &JsValue, what: &str) -> Result<Option<String>, JsValue> {
    let text = js::json_stringify(v)
        .map_err(|e| error(&format!("{what} could not be serialised with JSON.stringify: {}", describe(&e))))?;
    if text.is_undefined() {
        return Ok(None);
    }
    js_text(&text, what).map(Some)
}

fn report(report: &Report) -> Result<JsValue, JsValue> {
    let mut o = Out::new();
    o.open('{').key("valid").bool(report.valid).key("issues").open('[');
    for issue in &report.issues {
        o.open('{').key("path").open('[');
        for segment in &issue.path {
            match segment {
                Segment::Key(k) => o.str(k),
                Segment::Index(i) => o.int(*i as i64),
            };
        }
        o.close(']').key("code").str(issue.code.as_str()).key("severity").str(issue.severity.as_str());
        o.key("message").str(&issue.message);
        if !issue.params.is_empty() {
            o.key("params").open('{');
            for (name, value) in &issue.params {
                o.key(name);
                match value {
                    Param::Text(s) => o.str(s),
                    Param::Int(n) => o.int(*n),
                };
            }
            o.close('}');
        }
        if let Some(code) = issue.gateway_code {
            o.key("gatewayCode").int(i64::from(code));
        }
        o.close('}');
    }
    o.close(']').close('}').to_js()
}

/// `validate(kind, params, options?)`: every issue at once.
#[wasm_bindgen(js_name = validate)]
pub fn validate(kind: JsValue, params: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let kind = kind_of(&kind)?;
    let options = options_of(&options, "validate")?;
    let report = match json_text(&params, "params")? {
        Some(text) => core::validate_json(kind, &text, &options),
        None => not_json(kind, &params, &options),
    };
    self::report(&report)
}

/// The report for params that have no JSON form.
fn not_json(kind: Kind, params: &JsValue, options: &Options) -> Report {
    let actual = if params.is_function() { "function" } else if params.is_symbol() { "symbol" } else { "undefined" };
    core::not_an_object(kind, actual, options)
}

/// `validate(kind, params, options)` keeping only the issues at `path` (the JSON text of an array of keys
/// and indexes, checked by the caller) or under it, so that only they count toward the report's 10,000
/// issues. Internal: `validateField` in `pkg/extras.js` is its one caller.
#[wasm_bindgen(js_name = __validateBelow)]
pub fn validate_below(kind: JsValue, params: JsValue, options: JsValue, path: JsValue) -> Result<JsValue, JsValue> {
    let kind = kind_of(&kind)?;
    let options = options_of(&options, "validateField")?;
    let not_a_path = || type_error("path must be an array of keys and indexes");
    let path = js_text(&path, "path")?;
    let Ok(crate::json::Value::Array(steps)) = crate::json::parse_value(&path) else { return Err(not_a_path()) };
    let mut below = Vec::with_capacity(steps.len());
    for step in &steps {
        below.push(match step {
            crate::json::Value::String(key) => Segment::Key(key.to_string()),
            crate::json::Value::Number(n) => Segment::Index(n.parse().map_err(|_| not_a_path())?),
            _ => return Err(not_a_path()),
        });
    }
    let report = match json_text(&params, "params")? {
        Some(text) => core::validate_json_below(kind, &text, &options, &below),
        // Only with an empty path (the value is the params): what `validate` says of it.
        None => not_json(kind, &params, &options),
    };
    self::report(&report)
}

/// `validateJson(kind, text, options?)`: params as the JSON text that will be sent, read as the gateway
/// reads it (a number's own text: `1.0` where an integer is due, `1e400`), which `JSON.parse` loses.
#[wasm_bindgen(js_name = validateJson)]
pub fn validate_json(kind: JsValue, text: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let kind = kind_of(&kind)?;
    let options = options_of(&options, "validateJson")?;
    let text = js_text(&text, "text")?;
    self::report(&core::validate_json(kind, &text, &options))
}
