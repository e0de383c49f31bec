//! The exported wasm functions (what JavaScript calls), in Node and in headless Chromium:
//! `make test-wasm-node` and `make test-wasm-browser`. Every signature vector and webhook case goes
//! through the JS-facing functions with JS values, plus the misuse that must throw, with exact messages.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use js_sys::{Array, Function, Map, Reflect, Uint8Array};
use lesspay2::wasm::signature as api;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

mod common;

use common::{signature_vectors, webhook_cases, WebhookCase};

fn s(text: &str) -> JsValue {
    JsValue::from_str(text)
}

fn obj(props: &[(&str, JsValue)]) -> JsValue {
    let o = js_sys::Object::new();
    for (k, v) in props {
        Reflect::set(&o, &s(k), v).unwrap();
    }
    o.into()
}

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &s(key)).unwrap()
}

fn strings(v: &JsValue) -> Vec<String> {
    Array::from(v).iter().map(|x| x.as_string().unwrap()).collect()
}

/// `(error.name, error.message)` of what a call threw; fails when it returned.
fn thrown<T: std::fmt::Debug>(result: Result<T, JsValue>) -> (String, String) {
    let e = result.expect_err("expected a throw");
    (get(&e, "name").as_string().unwrap(), get(&e, "message").as_string().unwrap())
}

fn type_error(message: &str) -> (String, String) {
    ("TypeError".into(), message.into())
}

fn error(message: &str) -> (String, String) {
    ("Error".into(), message.into())
}

/// A JS string with an unpaired surrogate (Rust strings cannot hold one).
fn lone_surrogate_string(before: &str, after: &str) -> JsValue {
    let units: Vec<u16> = before.encode_utf16().chain([0xD800]).chain(after.encode_utf16()).collect();
    js_sys::JsString::from_char_code(&units).into()
}

/// `new Headers(init)` from the runtime (Node 18+ and browsers have it).
fn fetch_headers(init: &JsValue) -> JsValue {
    let ctor: Function = get(&js_sys::global(), "Headers").dyn_into().unwrap();
    Reflect::construct(&ctor, &Array::of1(init)).unwrap()
}

#[wasm_bindgen_test]
fn every_signature_vector_through_the_exports() {
    let vectors = signature_vectors();
    assert_eq!(vectors.len(), 595);
    let (mut signed, mut refused) = (0, 0);
    for v in &vectors {
        let body = s(&v.body);
        match lesspay2::canonicalize(&v.body) {
            Err(e) => {
                // The refusal the core gives, as the thrown Error's message, from all three entry points.
                let message = format!("the body is not a strict JSON object: {e}");
                assert_eq!(thrown(api::canonicalize(body.clone())), error(&message), "{}", v.id);
                assert_eq!(thrown(api::sign(body.clone(), s(&v.secret))), error(&message), "{}", v.id);
                assert_eq!(thrown(api::explain_signature(body, s(&v.secret), JsValue::UNDEFINED, JsValue::UNDEFINED)), error(&message), "{}", v.id);
                refused += 1;
            }
            Ok(_) => {
                let canonical = api::canonicalize(body.clone()).unwrap();
                // `null` (not `undefined`) without parameters, as documented.
                assert_eq!(canonical.as_string(), v.canonical, "{}", v.id);
                assert_eq!(canonical.is_null(), v.canonical.is_none(), "{}", v.id);
                let signature = api::sign(body.clone(), s(&v.secret)).unwrap();
                assert_eq!(Some(&signature), v.signature.as_ref(), "{}", v.id);
                let explained = api::explain_signature(body, s(&v.secret), s(&signature.to_lowercase()), JsValue::UNDEFINED).unwrap();
                assert_eq!(get(&explained, "expected").as_string(), v.signature, "{}", v.id);
                assert_eq!(get(&explained, "canonical").as_string(), v.canonical, "{}", v.id);
                assert_eq!(get(&explained, "matches").as_bool(), Some(true), "{}", v.id);
                let redacted = v.signed_string.as_ref().unwrap().replace(&format!("key={}", v.secret), "key=<appSecret>");
                assert_eq!(get(&explained, "signedString").as_string(), Some(redacted), "{}", v.id);
                signed += 1;
            }
        }
    }
    assert_eq!((signed, refused), (560, 35));
}

#[wasm_bindgen_test]
fn a_body_given_as_an_object_is_serialised_first() {
    let body = obj(&[("b", s("2")), ("a", s("1"))]);
    assert_eq!(api::canonicalize(body.clone()).unwrap().as_string().as_deref(), Some("a=1&b=2"));
    // SHA-256 of `a=1&b=2&key=k`, computed with Python's hashlib.
    assert_eq!(api::sign(body, s("k")).unwrap(), "66484DEFD145BB362D2BD8BA490E1F6DB49CCD5514ABE3E9771485A6073185F7");
    assert!(api::canonicalize(s("{}")).unwrap().is_null());
}

/// The headers of a case in one of four shapes: a plain object, a `Map`, a `Map` of string arrays and a
/// fetch `Headers`. `Headers` trims values and refuses non-Latin-1 ones, so cases whose header values
/// it would change stay a plain object.
fn headers_in_shape(case: &WebhookCase, shape: usize) -> JsValue {
    let plain = obj(&case.headers.iter().map(|(k, v)| (k.as_str(), s(v))).collect::<Vec<_>>());
    match shape {
        1 => {
            let map = Map::new();
            for (k, v) in &case.headers {
                map.set(&s(k), &s(v));
            }
            map.into()
        }
        2 => {
            let map = Map::new();
            for (k, v) in &case.headers {
                map.set(&s(k), &Array::of1(&s(v)));
            }
            map.into()
        }
        3 if case.headers.values().all(|v| v.trim_matches([' ', '\t']) == v && v.chars().all(|c| (' '..='\u{ff}').contains(&c))) => {
            fetch_headers(&plain)
        }
        _ => plain,
    }
}

#[wasm_bindgen_test]
fn every_webhook_case_with_every_header_shape() {
    let cases = webhook_cases();
    assert_eq!(cases.len(), 162);
    for (n, case) in cases.iter().enumerate() {
        for shape in 0..4 {
            let secrets: Array = case.secrets.iter().map(|x| s(x)).collect();
            // The body as a string, and every other case also as bytes.
            let body = if (n + shape) % 2 == 0 { s(&case.body) } else { Uint8Array::from(case.body.as_bytes()).into() };
            let options = obj(&[
                ("body", body),
                ("headers", headers_in_shape(case, shape)),
                ("secret", secrets.into()),
                ("kind", s(&case.kind)),
                ("toleranceMs", case.tolerance_ms.map_or(JsValue::NULL, |ms| JsValue::from(ms as f64))),
                ("now", JsValue::from(case.now as f64)),
            ]);
            let verdict = api::verify_webhook(options).unwrap();
            let label = format!("{} (header shape {shape})", case.id);
            assert_eq!(get(&verdict, "valid").as_bool(), Some(case.expect.valid), "{label}");
            if case.expect.valid {
                assert_eq!(get(&verdict, "secretIndex").as_f64(), case.expect.secret_index.map(|i| i as f64), "{label}");
                assert_eq!(get(&verdict, "kind").as_string().as_deref(), Some(case.kind.as_str()), "{label}");
                let payload = lesspay2::json::parse_object(&case.body).unwrap();
                let key = lesspay2::webhook_key(&payload);
                assert_eq!(get(&verdict, "idempotencyKey").as_string(), key, "{label}");
            } else {
                assert_eq!(get(&verdict, "reason").as_string(), case.expect.reason, "{label}");
            }
        }
    }
}

fn webhook_options(body: JsValue, headers: JsValue, secret: JsValue) -> JsValue {
    obj(&[("body", body), ("headers", headers), ("secret", secret)])
}

#[wasm_bindgen_test]
fn webhook_verdicts_for_what_the_network_controls() {
    let signature = lesspay2::sign(r#"{"a":"1"}"#, "k").unwrap();
    let headers = obj(&[("x-auth-signature", s(&signature))]);
    let verdict = |body: JsValue, headers: JsValue| api::verify_webhook(webhook_options(body, headers, s("k"))).unwrap();
    let reason = |v: &JsValue| (get(v, "valid").as_bool(), get(v, "reason").as_string(), get(v, "message").as_string());
    let rejected = |reason: &str, message: &str| (Some(false), Some(reason.to_owned()), Some(message.to_owned()));
    // A valid verdict's secret index and rule: {"a":"1"} is read as a pay-in (no `details` or
    // `total_amount`), without a `pay_order_id`, so without an idempotency key.
    let accepted = |v: &JsValue| {
        (get(v, "valid").as_bool(), get(v, "secretIndex").as_f64(), get(v, "kind").as_string(), get(v, "idempotencyKey").is_null())
    };

    let valid = verdict(s(r#"{"a":"1"}"#), headers.clone());
    assert_eq!(accepted(&valid), (Some(true), Some(0.0), Some("payin".into()), true));
    assert_eq!(strings(&get(&valid, "unsignedFields")), Vec::<String>::new());
    assert!(get(&valid, "orderStatus").is_null());

    // One byte over the limit, decided without copying the body into wasm memory.
    let big = "x".repeat(1_048_577);
    assert_eq!(
        reason(&verdict(s(&big), headers.clone())),
        (Some(false), Some("body_too_large".into()), Some("the body is at least 1048577 bytes; at most 1048576 are read".into()))
    );
    // 20 MB as a string and as bytes.
    let huge = "y".repeat(20 * 1024 * 1024);
    let too_large = rejected("body_too_large", "the body is at least 20971520 bytes; at most 1048576 are read");
    assert_eq!(reason(&verdict(s(&huge), headers.clone())), too_large);
    assert_eq!(reason(&verdict(Uint8Array::from(huge.as_bytes()).into(), headers.clone())), too_large);

    // Invalid UTF-8 bytes and a lone surrogate are malformed bodies, not throws.
    let bad_utf8 = Uint8Array::from(&b"{\"a\":\"\xff\"}"[..]);
    assert_eq!(
        reason(&verdict(bad_utf8.into(), headers.clone())),
        rejected("malformed_body", "the body is not a strict JSON object: the body is not valid UTF-8 (byte 6)")
    );
    assert_eq!(
        reason(&verdict(lone_surrogate_string("{\"a\":\"", "\"}"), headers.clone())),
        rejected(
            "malformed_body",
            "the body string contains an unpaired UTF-16 surrogate, which UTF-8 cannot carry, so it is not the body that was sent: pass the raw body (its bytes, or the text as received)"
        )
    );
    // An ArrayBuffer body.
    let buffer = Uint8Array::from(&br#"{"a":"1"}"#[..]).buffer();
    assert_eq!(accepted(&verdict(buffer.into(), headers.clone())), (Some(true), Some(0.0), Some("payin".into()), true));

    // 100,000 nested arrays: a verdict, no stack overflow.
    let deep = format!("{{\"a\":{}{}}}", "[".repeat(100_000), "]".repeat(100_000));
    assert_eq!(
        reason(&verdict(s(&deep), headers.clone())),
        rejected("malformed_body", "the body is not a strict JSON object: the body is nested deeper than 128 levels (byte 132)")
    );

    assert_eq!(reason(&verdict(s(r#"{"a":"1"}"#), obj(&[]))), rejected("missing_signature", "no X-Auth-Signature header"));
    assert_eq!(
        reason(&verdict(s(r#"{"a":"1"}"#), obj(&[("X-Auth-Signature", s("sha256=00"))]))),
        rejected("malformed_signature", "X-Auth-Signature is not 64 hex digits")
    );
}

#[wasm_bindgen_test]
fn misuse_throws_with_exact_messages() {
    let body = s(r#"{"a":"1"}"#);
    for (value, name) in [
        (JsValue::from(5), "a number"),
        (JsValue::UNDEFINED, "undefined"),
        (JsValue::NULL, "null"),
        (JsValue::TRUE, "a boolean"),
    ] {
        let message = format!("body must be a JSON string, its UTF-8 bytes or an object, not {name}");
        assert_eq!(thrown(api::canonicalize(value.clone())), type_error(&message));
        assert_eq!(thrown(api::sign(value.clone(), s("k"))), type_error(&message));
        assert_eq!(thrown(api::explain_signature(value.clone(), s("k"), JsValue::UNDEFINED, JsValue::UNDEFINED)), type_error(&message));
        let payload_message = format!("payload must be a JSON string, its UTF-8 bytes or an object, not {name}");
        assert_eq!(thrown(api::webhook_key(value)), type_error(&payload_message));
    }
    assert_eq!(thrown(api::sign(body.clone(), JsValue::from(1))), type_error("appSecret must be a string"));
    assert_eq!(
        thrown(api::explain_signature(body.clone(), s("k"), JsValue::from(1), JsValue::UNDEFINED)),
        type_error("receivedSignature must be a string")
    );
    let surrogate = "contains an unpaired UTF-16 surrogate; the gateway would sign `?` in its place";
    assert_eq!(thrown(api::canonicalize(lone_surrogate_string("{\"a\":\"", "\"}"))), error(&format!("body {surrogate}")));
    assert_eq!(thrown(api::sign(body.clone(), lone_surrogate_string("k", ""))), error(&format!("appSecret {surrogate}")));
    // A body whose JSON.stringify throws (a BigInt).
    let bigint = obj(&[("a", js_sys::BigInt::from(1u32).into())]);
    // (The second half is V8's own message, in Node and in Chromium alike.)
    assert_eq!(
        thrown(api::canonicalize(bigint)),
        error("body could not be serialised with JSON.stringify: Do not know how to serialize a BigInt")
    );

    // signRequest
    assert_eq!(
        thrown(api::sign_request(s("x"))),
        type_error("signRequest expects an options object { appId, appSecret, body, timestamp? }")
    );
    let request = |app_id: JsValue, secret: JsValue, timestamp: JsValue| {
        api::sign_request(obj(&[("appId", app_id), ("appSecret", secret), ("body", body.clone()), ("timestamp", timestamp)]))
    };
    assert_eq!(thrown(request(JsValue::UNDEFINED, s("k"), JsValue::UNDEFINED)), type_error("appId must be a string"));
    assert_eq!(thrown(request(s("app"), JsValue::UNDEFINED, JsValue::UNDEFINED)), type_error("appSecret must be a string"));
    assert_eq!(
        thrown(request(s("app"), s(" \n"), JsValue::UNDEFINED)),
        error("the appSecret is empty or blank; is the environment variable set?")
    );
    assert_eq!(thrown(request(s(" "), s("k"), JsValue::UNDEFINED)), error("the appId is empty"));
    let seconds = JsValue::from(1_762_741_122);
    for bad in [JsValue::from(-1), JsValue::from(0), seconds, JsValue::from(1.5), JsValue::from(1e13), JsValue::from(f64::NAN), s("1762741122000")] {
        assert_eq!(thrown(request(s("app"), s("k"), bad)), type_error("timestamp must be a number of milliseconds since the epoch, 13 whole digits like Date.now() (not seconds, not a string)"));
    }
    let signed = request(s("app"), s("k"), JsValue::from(1_700_000_000_000_f64)).unwrap();
    assert_eq!(get(&signed, "body").as_string().as_deref(), Some(r#"{"a":"1"}"#));
    let headers = get(&signed, "headers");
    let names: Vec<String> = js_sys::Object::keys(headers.unchecked_ref::<js_sys::Object>()).iter().map(|k| k.as_string().unwrap()).collect();
    assert_eq!(names, ["x-auth-appid", "X-Auth-Timestamp", "x-auth-signature", "Content-Type"]);
    assert_eq!(get(&headers, "x-auth-appid").as_string().as_deref(), Some("app"));
    assert_eq!(get(&headers, "X-Auth-Timestamp").as_string().as_deref(), Some("1700000000000"));
    // SHA-256 of `a=1&key=k`, computed with Python's hashlib.
    assert_eq!(get(&headers, "x-auth-signature").as_string().as_deref(), Some("E2FDCC0CEC7B4510933817B55B2055036909CBF894E0DC75528DA750A5ADCCC9"));
    assert_eq!(get(&headers, "Content-Type").as_string().as_deref(), Some("application/json"));

    // verifyWebhook
    let headers = obj(&[]);
    assert_eq!(
        thrown(api::verify_webhook(s("x"))),
        type_error("verifyWebhook expects an options object { body, headers, secret, kind?, toleranceMs?, now? }")
    );
    assert_eq!(
        thrown(api::verify_webhook(webhook_options(body.clone(), headers.clone(), JsValue::from(1)))),
        type_error("secret must be the appSecret string or an array of them (rotation), not a number")
    );
    assert_eq!(
        thrown(api::verify_webhook(webhook_options(body.clone(), headers.clone(), Array::new().into()))),
        error("secret is an empty array; pass at least one appSecret")
    );
    assert_eq!(
        thrown(api::verify_webhook(webhook_options(body.clone(), headers.clone(), Array::of2(&s("k"), &s("")).into()))),
        error("secret[1]: the appSecret is empty or blank; is the environment variable set?")
    );
    assert_eq!(
        thrown(api::verify_webhook(webhook_options(body.clone(), headers.clone(), Array::of1(&JsValue::from(2)).into()))),
        type_error("secret[0] must be a string")
    );
    assert_eq!(
        thrown(api::verify_webhook(webhook_options(body.clone(), JsValue::UNDEFINED, s("k")))),
        type_error("headers must be a fetch Headers, a Map or a plain object of the received headers, not undefined")
    );
    assert_eq!(
        thrown(api::verify_webhook(webhook_options(JsValue::from(3), headers.clone(), s("k")))),
        type_error("body must be the raw body as a string, Uint8Array or ArrayBuffer, not a number")
    );
    let with = |key: &str, value: JsValue| {
        let options = webhook_options(body.clone(), headers.clone(), s("k"));
        Reflect::set(&options, &s(key), &value).unwrap();
        api::verify_webhook(options)
    };
    assert_eq!(thrown(with("kind", s("refund"))), type_error("kind must be 'auto', 'payin' or 'payout'"));
    assert_eq!(
        thrown(with("toleranceMs", JsValue::from(-1))),
        type_error("toleranceMs must be a finite, non-negative number of milliseconds, or null for no freshness check")
    );
    assert_eq!(thrown(with("now", s("today"))), type_error("now must be a time in milliseconds since the epoch or a valid Date"));
    assert_eq!(
        thrown(with("toleranceMS", JsValue::from(1))),
        type_error("toleranceMS is not an option of verifyWebhook; did you mean toleranceMs?")
    );

    // webhookKey
    assert_eq!(
        thrown(api::webhook_key(s("[1]"))),
        error(&format!("payload is not a JSON object: {}", lesspay2::json::parse_object("[1]").unwrap_err()))
    );
}

#[wasm_bindgen_test]
fn webhook_key_through_the_export() {
    let text = r#"{"pay_order_id":"P1","order_status":"SUCCEED","event":"FRAUD"}"#;
    // A pay-in v1 payload (no api_version): its `event` is not signed, so it is not in the key.
    assert_eq!(api::webhook_key(s(text)).unwrap().as_string().as_deref(), Some("lesspay2:P1:SUCCEED"));
    assert!(api::webhook_key(s(r#"{"order_status":"SUCCEED"}"#)).unwrap().is_null());
}

#[wasm_bindgen_test]
fn deep_bodies_throw_the_parser_error_and_huge_ones_the_limit() {
    let deep = format!("{{\"a\":{}{}}}", "[".repeat(100_000), "]".repeat(100_000));
    let expected = format!("the body is not a strict JSON object: {}", lesspay2::canonicalize(&deep).unwrap_err());
    assert_eq!(thrown(api::canonicalize(s(&deep))), error(&expected));
    // The largest input the bindings read is 8 Mi characters (the module's memory is bounded): a body at
    // the limit signs like the core does, one over it is refused before it is copied into wasm memory.
    let limit = 8 << 20;
    let largest = format!("{{\"a\":\"{}\"}}", "z".repeat(limit - 8));
    assert_eq!(api::sign(s(&largest), s("k")).unwrap(), lesspay2::sign(&largest, "k").unwrap());
    let huge = format!("{{\"a\":\"{}\"}}", "z".repeat(20 * 1024 * 1024));
    let refused = format!("body is {} characters long; at most {limit} are read", huge.len());
    assert_eq!(thrown(api::sign(s(&huge), s("k"))), error(&refused));
}

/// The Makefile runs this file twice, once with `WASM_BINDGEN_USE_BROWSER=1`: each run must really be in
/// the runtime it claims (the runner otherwise falls back or skips silently).
#[wasm_bindgen_test]
fn runs_in_the_runtime_the_makefile_asked_for() {
    let global = js_sys::global();
    if option_env!("WASM_BINDGEN_USE_BROWSER").is_some() {
        let agent = get(&get(&global, "navigator"), "userAgent").as_string().unwrap();
        assert!(agent.contains("HeadlessChrome/"), "{agent}");
    } else {
        let node = get(&get(&get(&global, "process"), "versions"), "node");
        assert!(node.is_string(), "not Node");
    }
}

#[wasm_bindgen_test]
fn explain_signature_reports_array_key_order() {
    let body = r#"{"details":[{"b":"1","a":"2"},{"a":"1","b":"2"}],"o":{"l":[{"x":null,"d":"1","c":"2"}]}}"#;
    let explained = api::explain_signature(s(body), s("k"), JsValue::UNDEFINED, JsValue::UNDEFINED).unwrap();
    let entries = Array::from(&get(&explained, "arrayKeyOrder"));
    let core = lesspay2::explain_signature(body, "k", None).unwrap().array_key_order;
    assert_eq!(entries.length(), 2);
    assert_eq!(core.len(), 2);
    for (entry, want) in entries.iter().zip(&core) {
        assert_eq!(get(&entry, "path").as_string().as_ref(), Some(&want.path));
        assert_eq!(strings(&get(&entry, "bodyOrder")), want.body_order);
        assert_eq!(strings(&get(&entry, "gatewayOrder")), want.gateway_order);
    }
    assert_eq!(get(&entries.get(0), "path").as_string().as_deref(), Some("details[0]"));
    assert_eq!(strings(&get(&entries.get(1), "gatewayOrder")), ["c", "d"]);
    // With a kind, the webhook's rule: a pay-in v1 body's canonical string leaves its five keys out.
    let v1 = r#"{"pay_order_id":"P1","order_status":"SUCCEED","api_version":"v1","order_status_int":2}"#;
    let webhook = api::explain_signature(s(v1), s("k"), JsValue::UNDEFINED, s("payin")).unwrap();
    assert_eq!(get(&webhook, "canonical").as_string().as_deref(), Some("order_status=SUCCEED&pay_order_id=P1"));
    // SHA-256 of `order_status=SUCCEED&pay_order_id=P1&key=k`, computed with Python's hashlib.
    assert_eq!(get(&webhook, "expected").as_string().as_deref(), Some("6C9B210C1D66B7F565272A33BB3428F5F88AF29A06A16CD3CB1C6AE47F7DB71D"));
    assert_eq!(thrown(api::explain_signature(s(v1), s("k"), JsValue::UNDEFINED, s("refund"))), type_error("kind must be 'auto', 'payin' or 'payout'"));
    assert!(get(&explained, "matches").is_null());
}
