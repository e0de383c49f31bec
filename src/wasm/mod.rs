//! The JavaScript boundary: every `#[wasm_bindgen]` item lives below this module, and it only converts
//! between JS values and the pure Rust core. Errors by audience: network input gets a verdict, programmer
//! misuse a thrown `TypeError`/`Error` with a sentence that says what to pass instead.
//!
//! One file per concern of the gateway: `signature.rs` (sign, verify, explain), `validation.rs`
//! (validate), `errors.rs` (decoding gateway answers), `standard_webhooks.rs` (re-signing for merchants'
//! origins). Shared conversion helpers are here.
//!
//! Two features choose what is exported (Cargo.toml). Without `wasm-signing` (the `lesspay2/client`
//! module: validation and error decoding for pages) `signature.rs` and `standard_webhooks.rs` are left
//! out; without `wasm-client` (the `lesspay2/edge` module: signing and verification for edge workers)
//! `validation.rs` and the exports of `errors.rs` are, and `errors.rs` keeps only what `verifyWebhook`
//! writes with it. Helpers and imports only the left-out half uses are then unused: that is allowed in
//! those builds only, so the full build still reports any.
#![cfg_attr(not(all(feature = "wasm-signing", feature = "wasm-client")), allow(dead_code, unused_imports))]

use wasm_bindgen::prelude::*;

use js::{Array, JsString};

mod errors;
#[cfg(feature = "wasm-signing")]
pub(crate) mod host_sha256;
mod js;
#[cfg(feature = "wasm-signing")]
pub mod signature;
#[cfg(feature = "wasm-signing")]
mod standard_webhooks;
mod to_js;
#[cfg(feature = "wasm-client")]
mod validation;

/// The longest string (in UTF-16 units, JS's `length`) or byte array any one input may be: 8 Mi. Nothing
/// longer is copied into wasm memory. That memory is a 32-bit space of at most 4 GB, and an allocation
/// that fails in it aborts the instance (a `WebAssembly.RuntimeError`, not an `Error`): bounding every
/// input bounds what one call can allocate (a 500 MB body trapped `explainSignature` and `validate`,
/// twelve references to one 400 MB string as secrets `verifyWebhook`). 8 Mi units is at most 24 MiB of
/// UTF-8, whose canonical string is at most six times that; the gateway's largest requests and answers
/// (a fetch of 1,000 records with long URLs and channel data passes 1 MiB) leave room for several KB a
/// record.
pub(crate) const MAX_INPUT: u32 = 8 << 20;

/// `v`'s text when it is a string: `Some(Err(length))`, unread, when it is longer than [`MAX_INPUT`].
#[inline(never)]
pub(crate) fn bounded_string(v: &JsValue) -> Option<Result<String, u32>> {
    let s = v.dyn_ref::<JsString>()?;
    let units = s.length();
    Some(if units > MAX_INPUT { Err(units) } else { Ok(s.as_string().unwrap_or_default()) })
}

/// `v`'s text when it is a string of at most [`MAX_INPUT`] units: `None` for anything else, which
/// reads as not the name or answer looked for.
pub(crate) fn short_text(v: &JsValue) -> Option<String> {
    bounded_string(v).and_then(Result::ok)
}

/// The thrown `Error` for an input over [`MAX_INPUT`] (`unit`: "characters" or "bytes").
pub(crate) fn too_long(what: &str, length: u32, unit: &str) -> JsValue {
    error(&format!("{what} is {length} {unit} long; at most {MAX_INPUT} are read"))
}

/// A thrown `TypeError` (wrong argument type).
pub(crate) fn type_error(message: &str) -> JsValue {
    js::TypeError::new(message).into()
}

/// A thrown `Error` (a value of the right type that cannot be used).
pub(crate) fn error(message: &str) -> JsValue {
    js::Error::new(message).into()
}

thread_local! {
    /// Property names already made into JS strings: each `JsValue::from_str` decodes UTF-8 with a
    /// `TextDecoder` call (~0.15 µs in Node 20), and every option read names a property. Results do not
    /// need it: they cross as one JSON text (`to_js.rs`).
    static NAMES: std::cell::RefCell<Vec<(&'static str, JsValue)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// `f` of a property name as a JS string, made once per name (at most 128 names are kept) and lent,
/// not cloned: a clone crosses to JS and back, and its drop frees a slot of the reference table.
pub(crate) fn with_name<T: Default>(key: &'static str, f: impl FnOnce(&JsValue) -> T) -> T {
    let (mut f, mut answer) = (Some(f), None);
    lend_name(key, &mut |name| answer = f.take().map(|f| f(name)));
    // `lend_name` calls back exactly once.
    answer.unwrap_or_default()
}

/// [`with_name`]'s one body (a `dyn` callback: one copy in the module, not one per caller).
fn lend_name(key: &'static str, f: &mut dyn FnMut(&JsValue)) {
    // The names are literals: the same address is the same name, and the text decides otherwise (one
    // literal may have two copies).
    let find = |names: &[(&'static str, JsValue)]| names.iter().position(|(k, _)| std::ptr::eq(*k, key) || *k == key);
    // `try_with` and `try_borrow_mut`: no panicking path (and its message) is linked for either, and a
    // read re-entered from a getter makes its own name instead of waiting on this borrow.
    let lent = NAMES.try_with(|names| {
        let Ok(mut names) = names.try_borrow_mut() else { return false };
        let at = match find(&names) {
            Some(at) => at,
            None if names.len() < 128 => {
                names.push((key, JsValue::from_str(key)));
                names.len() - 1
            }
            None => return false,
        };
        let Some((_, name)) = names.get(at) else { return false };
        f(name);
        true
    });
    if lent != Ok(true) {
        f(&JsValue::from_str(key));
    }
}

/// `obj[key]` of something read (an answer, a header object), or `undefined` when `obj` is not an
/// object or the read throws (a hostile getter in what came over the wire).
pub(crate) fn get(obj: &JsValue, key: &'static str) -> JsValue {
    if !obj.is_object() {
        return JsValue::UNDEFINED;
    }
    option(obj, key).unwrap_or(JsValue::UNDEFINED)
}

/// `options[key]` of an options object the caller has already checked is one. A getter that throws
/// (a configuration object that reads a vault, say) throws its own error out of the call, as reading
/// the option in JavaScript would, instead of reading as a missing option with a misleading message.
// Out of line: inlined at each read, `lesspay2/edge` (opt-level 2) measured 1.7 KB gzipped larger.
#[inline(never)]
pub(crate) fn option(options: &JsValue, key: &'static str) -> Result<JsValue, JsValue> {
    with_name(key, |k| Some(js::reflect_get(options, k))).unwrap_or(Ok(JsValue::UNDEFINED))
}

/// `options.locale` (`what` names it in the message): English when absent, else what
/// [`Locale::from_tag`](crate::Locale::from_tag) reads from the tag, so that every function takes the same ones.
pub(crate) fn locale_option(options: &JsValue, what: &str) -> Result<crate::Locale, JsValue> {
    let value = option(options, "locale")?;
    if is_absent(&value) {
        return Ok(crate::Locale::En);
    }
    match bounded_string(&value) {
        Some(Ok(tag)) => Ok(crate::Locale::from_tag(&tag)),
        Some(Err(length)) => Err(too_long(what, length, "characters")),
        None => Err(type_error(&format!("{what} must be a language tag such as 'en' or 'zh-CN', not {}", type_of(&value)))),
    }
}

/// `undefined` or `null`.
pub(crate) fn is_absent(v: &JsValue) -> bool {
    v.is_undefined() || v.is_null()
}

/// A JS string as Rust text, refusing lone surrogates (which the gateway would sign as `?`, and which
/// a plain conversion would silently turn into U+FFFD).
pub(crate) fn js_text(v: &JsValue, what: &str) -> Result<String, JsValue> {
    text_of(v, what, |s| s.as_string().unwrap_or_default())
}

#[cfg(feature = "wasm-signing")]
thread_local! {
    /// One encoder for the instance: a new one per call measured ~1 µs more.
    static ENCODER: js::TextEncoder = js::TextEncoder::new();
}

/// A long string (a body) as UTF-8, written by the platform's `TextEncoder` (see [`js::TextEncoder`])
/// straight into wasm memory: a lone surrogate becomes U+FFFD. `encodeInto` needs room for the worst
/// case, 3 bytes per UTF-16 unit; over 1 MB of them, `encode` and a copy instead of a buffer three
/// times the body. Measured in Node 20 on the 1.4 KB payout webhook: `encodeInto` 0.17 µs, `encode` and
/// the copy 1.5 µs.
#[cfg(feature = "wasm-signing")]
pub(crate) fn encoded(s: &JsString) -> Vec<u8> {
    let units = s.length() as usize;
    ENCODER
        .try_with(|encoder| {
            if units > 1 << 20 {
                return js::bytes_of(&encoder.encode(s));
            }
            let mut utf8 = vec![0; units * 3];
            let written = encoder.encode_into(s, &mut utf8).written() as usize;
            utf8.truncate(written);
            utf8
        })
        .unwrap_or_else(|_| js::bytes_of(&js::TextEncoder::new().encode(s)))
}

/// [`js_text`] for a body to sign, which is long: [`encoded`] (measured in Node 20: `sign` 18.3 → 16.1 µs
/// on the 1.4 KB payout webhook, 273 → 238 µs on the 22 KB one).
#[cfg(feature = "wasm-signing")]
fn body_string(v: &JsValue, what: &str) -> Result<String, JsValue> {
    // The encoder writes valid UTF-8; were it ever not, wasm-bindgen's copy.
    text_of(v, what, |s| String::from_utf8(encoded(s)).unwrap_or_else(|_| s.as_string().unwrap_or_default()))
}

/// Without the signing bindings only `decodeResponse` reads a body, off any hot path: wasm-bindgen's
/// copy, and no encoder in the module (0.5 KB gzipped).
#[cfg(not(feature = "wasm-signing"))]
fn body_string(v: &JsValue, what: &str) -> Result<String, JsValue> {
    js_text(v, what)
}

fn text_of(v: &JsValue, what: &str, utf8: impl FnOnce(&JsString) -> String) -> Result<String, JsValue> {
    let Some(s) = v.dyn_ref::<JsString>() else {
        return Err(type_error(&format!("{what} must be a string")));
    };
    if s.length() > MAX_INPUT {
        return Err(too_long(what, s.length(), "characters"));
    }
    let text = utf8(s);
    if faithful(s, text.as_bytes()) {
        Ok(text)
    } else {
        Err(error(&format!("{what} contains an unpaired UTF-16 surrogate; the gateway would sign `?` in its place")))
    }
}


/// Whether `utf8`, converted from `s`, is faithful. Both conversions turn a lone surrogate into
/// U+FFFD, so only a result containing U+FFFD needs `s` checked: `JsString::is_valid_utf16` is a whole
/// extra pass in JS, not worth running on every body. U+FFFD is EF BF BD in UTF-8 (a byte search:
/// `str::contains` with a non-ASCII char would pull the two-way string searcher and its panic
/// messages into the module).
pub(crate) fn faithful(s: &JsString, utf8: &[u8]) -> bool {
    let replaced = utf8.contains(&0xEF) && utf8.windows(3).any(|w| w == [0xEF, 0xBF, 0xBD]);
    !replaced || s.is_valid_utf16()
}

/// A request or webhook body given as a string, as its UTF-8 bytes (a `Uint8Array`, such as Node's
/// `Buffer`, or an `ArrayBuffer`: what a server reads, and what `verifyWebhook` takes), or as an object
/// that `JSON.stringify` serialises first (so amounts must be strings: numbers are signed by their JS
/// text).
pub(crate) fn body_text(v: &JsValue, what: &str) -> Result<String, JsValue> {
    if v.is_string() {
        return body_string(v, what);
    }
    // Only the signing bindings take bytes and refuse what would be signed wrong (`lesspay2/client`'s
    // `decodeResponse` reads answer text, and reads a body it cannot use as none: 0.9 KB gzipped saved).
    #[cfg(feature = "wasm-signing")]
    {
        if let Some(bytes) = raw_bytes(v)? {
            let bytes = bytes.copy_out(MAX_INPUT)?.map_err(|len| too_long(what, len, "bytes"))?;
            return String::from_utf8(bytes).map_err(|e| {
                error(&format!("{what} is not valid UTF-8 (at byte {}); the gateway signs UTF-8 JSON text", e.utf8_error().valid_up_to()))
            });
        }
        // Objects that `JSON.stringify` would write as something else than what they hold, and so sign
        // silently wrong: `{"0":1,...}` for other typed arrays, `{}` for a `Map` or `Set`.
        if js::ArrayBuffer::is_view(v) {
            return Err(type_error(&format!("{what} as bytes must be a Uint8Array (a Node Buffer is one) or an ArrayBuffer")));
        }
        if v.is_instance_of::<js::Map>() || v.is_instance_of::<js::Set>() {
            return Err(type_error(&format!(
                "{what} is a Map or Set, which JSON.stringify writes as {{}}: pass the JSON text or a plain object (Object.fromEntries(map))"
            )));
        }
    }
    if v.is_object() && !v.is_function() {
        let json = js::json_stringify(v)
            .map_err(|e| error(&format!("{what} could not be serialised with JSON.stringify: {}", describe(&e))))?;
        return body_string(&json, what);
    }
    Err(type_error(&format!("{what} must be a JSON string, its UTF-8 bytes or an object, not {}", type_of(v))))
}

/// Raw bytes: a `Uint8Array` (Node's `Buffer` is one) or an `ArrayBuffer` or `SharedArrayBuffer`,
/// viewed as one (`JSON.stringify` would write a `SharedArrayBuffer` as `{}`). Read with
/// [`js::Uint8Array::copy_out`], which does not trust a subclass's `length`.
#[cfg(feature = "wasm-signing")]
pub(crate) fn raw_bytes(v: &JsValue) -> Result<Option<js::Uint8Array>, JsValue> {
    if v.is_instance_of::<js::Uint8Array>() {
        Ok(Some(v.clone().unchecked_into()))
    } else if v.is_instance_of::<js::ArrayBuffer>() || v.is_instance_of::<js::SharedArrayBuffer>() {
        js::Uint8Array::new(v).map(Some)
    } else {
        Ok(None)
    }
}

/// `typeof v`, with `null` and arrays told apart, for messages.
pub(crate) fn type_of(v: &JsValue) -> &'static str {
    if v.is_null() {
        "null"
    } else if Array::is_array(v) {
        "an array"
    } else if v.is_undefined() {
        "undefined"
    } else if v.is_string() {
        "a string"
    } else if v.as_f64().is_some() {
        "a number"
    } else if v.as_bool().is_some() {
        "a boolean"
    } else if v.is_bigint() {
        "a bigint"
    } else if v.is_symbol() {
        "a symbol"
    } else if v.is_function() {
        "a function"
    } else {
        "an object"
    }
}

/// The message of a thrown JS value.
pub(crate) fn describe(e: &JsValue) -> String {
    short_text(&get(e, "message")).or_else(|| short_text(e)).unwrap_or_else(|| "unknown error".into())
}

/// The most secrets a rotation list may hold: each is tried on every verification, and each may be as
/// long as any input.
pub(crate) const MAX_SECRETS: u32 = 16;

/// The secrets option: one string or a non-empty array of strings (rotation), each turned into a `T` by
/// `make(name, text)`, where `name` is `secret[i]` for the caller's own errors. `one` and `at_least` name a
/// single item in the messages (`the appSecret string`, `appSecret`).
pub(crate) fn secret_list<T>(
    value: &JsValue,
    one: &str,
    at_least: &str,
    mut make: impl FnMut(&str, String) -> Result<T, JsValue>,
) -> Result<Vec<T>, JsValue> {
    let single = value.is_string();
    let items: Vec<JsValue> = if single {
        vec![value.clone()]
    } else if Array::is_array(value) {
        // Each is at most `MAX_INPUT`: their number is bounded too, before any is copied.
        let list: &Array = value.unchecked_ref();
        let length = list.length()?;
        if length > MAX_SECRETS {
            return Err(error(&format!("secret is an array of {length} items; at most {MAX_SECRETS} are tried")));
        }
        list.to_vec()?
    } else {
        // `undefined` is most often a missing environment variable (`env.APP_SECRET`).
        let hint = if value.is_undefined() { "; is the environment variable set?" } else { "" };
        return Err(type_error(&format!("secret must be {one} or an array of them (rotation), not {}{hint}", type_of(value))));
    };
    if items.is_empty() {
        return Err(error(&format!("secret is an empty array; pass at least one {at_least}")));
    }
    let mut out = Vec::with_capacity(items.len());
    // The names are for messages only, and made for every secret of every call: from a table for the
    // few secrets a rotation has, not with `format!`.
    const NAMES: [&str; 4] = ["secret[0]", "secret[1]", "secret[2]", "secret[3]"];
    for (i, item) in items.iter().enumerate() {
        let what: std::borrow::Cow<'_, str> = match NAMES.get(i) {
            _ if single => "secret".into(),
            Some(name) => (*name).into(),
            None => format!("secret[{i}]").into(),
        };
        out.push(make(&what, js_text(item, &what)?)?);
    }
    Ok(out)
}

/// The clock, for defaults (the core never reads it).
pub(crate) fn now_ms() -> f64 {
    js::Date::now()
}

/// `options.now` (`what` names it in the message), read alike by every function that takes a clock:
/// milliseconds since the epoch or a valid `Date`; `None` when absent.
pub(crate) fn now_option(options: &JsValue, what: &str) -> Result<Option<f64>, JsValue> {
    let now = option(options, "now")?;
    if is_absent(&now) {
        return Ok(None);
    }
    let ms = match now.dyn_ref::<js::Date>() {
        // An object that only inherits from `Date.prototype` throws: not a valid Date.
        Some(d) => d.get_time().unwrap_or(f64::NAN),
        None => now.as_f64().unwrap_or(f64::NAN),
    };
    if ms.is_finite() {
        Ok(Some(ms))
    } else {
        Err(type_error(&format!("{what} must be a time in milliseconds since the epoch or a valid Date")))
    }
}

/// Refuses an options object with a key that `known` does not name. A misspelt option would otherwise
/// be read as absent in silence, and with it a freshness check (`toleranceMS`) or the advice to query
/// before resending a create call (`opertion`). One string crosses into wasm for all the names.
pub(crate) fn known_options(options: &JsValue, known: &[&str], function: &str) -> Result<(), JsValue> {
    let keys = js::Object::keys(options)?;
    let count = keys.length()?;
    if count == 0 {
        return Ok(());
    }
    // For the messages only.
    let list = || {
        let mut list = String::new();
        for (i, name) in known.iter().enumerate() {
            list.push_str(if i == 0 { "" } else { ", " });
            list.push_str(name);
        }
        list
    };
    // Bounded like every input (a join past the engine's longest string throws).
    let Some(Ok(joined)) = keys.join(",").ok().and_then(|j| bounded_string(&j)) else {
        return Err(error(&format!("the option names of {function} are too long to read; it takes {}", list())));
    };
    // Split as bytes: `str::split` links a searcher that `lesspay2/edge` has no other use for (0.6 KB
    // gzipped there). Pieces that do not add up mean a name with a comma, which no option has.
    let pieces = || joined.as_bytes().split(|&b| b == b',');
    if pieces().count() != count as usize {
        return Err(type_error(&format!("an option name of {function} holds a comma; it takes {}", list())));
    }
    let Some(unknown) = pieces().find(|key| !known.iter().any(|name| name.as_bytes() == *key)) else {
        return Ok(());
    };
    let unknown = std::str::from_utf8(unknown).unwrap_or_default();
    // Shown whole up to 64 characters: an error message is no place for a megabyte of key.
    let shown = match unknown.char_indices().nth(64) {
        _ if unknown.is_empty() => "\"\"".into(),
        Some((end, _)) => format!("{}…", unknown.get(..end).unwrap_or_default()),
        None => unknown.to_owned(),
    };
    Err(type_error(&match known.iter().find(|name| name.eq_ignore_ascii_case(unknown)) {
        Some(name) => format!("{shown} is not an option of {function}; did you mean {name}?"),
        None => format!("{shown} is not an option of {function}; it takes {}", list()),
    }))
}
