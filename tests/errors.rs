//! Every row of spec section 5, decoded through the Rust API (the same vectors drive the JS suite).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failure should stop loudly

use lesspay2::errors::{
    self, decode, decode_code, decode_msg, decode_response, decode_status, integer_from_f64, integer_from_text, read_object,
    Answer, Api, Category, Context, Decoded, Locale, Operation, Retry, Source,
};
use lesspay2::json;
use serde_json::Value;

fn context(v: Option<&Value>) -> Context {
    let mut ctx = Context::default();
    let Some(v) = v else { return ctx };
    ctx.api = match v.get("api").and_then(Value::as_str) {
        Some("payin") => Some(Api::Payin),
        Some("payout") => Some(Api::Payout),
        None => None,
        Some(other) => panic!("api {other}"),
    };
    ctx.operation = match v.get("operation").and_then(Value::as_str) {
        Some("create") => Some(Operation::Create),
        Some("query") => Some(Operation::Query),
        None => None,
        Some(other) => panic!("operation {other}"),
    };
    ctx
}

/// Decodes a vector's input the way the JS boundary does for the same input form.
fn run(input: &Value, ctx: &Context) -> Decoded {
    if let Some(code) = input.get("code") {
        let n = code.as_f64().unwrap();
        return match integer_from_f64(n) {
            Some(c) => decode_code(c, ctx),
            None => decode(&Answer { code_unreadable: true, ..Answer::default() }, ctx),
        };
    }
    if let Some(text) = input.get("codeText").and_then(Value::as_str) {
        return decode_code(integer_from_text(text).unwrap(), ctx);
    }
    if let Some(status) = input.get("status").and_then(Value::as_i64) {
        return match input.get("body").and_then(Value::as_str) {
            Some(body) => decode_status(status, body, ctx),
            None => decode(&Answer { status: Some(status), ..Answer::default() }, ctx),
        };
    }
    if let Some(msg) = input.get("msg").and_then(Value::as_str) {
        return decode_msg(msg, ctx);
    }
    let object = input.get("envelope").or_else(|| input.get("event")).expect("an input form");
    let text = serde_json::to_string(object).unwrap();
    let parsed = json::parse_object(&text).unwrap();
    decode(&read_object(&parsed), ctx)
}

fn category(name: &str) -> Category {
    use Category::*;
    [Success, InvalidRequest, Authentication, Permission, NotFound, Conflict, BusinessRule, Server, Unavailable, Fraud, Dispute, Unknown]
        .into_iter()
        .find(|c| c.as_str() == name)
        .unwrap_or_else(|| panic!("category {name}"))
}

#[test]
fn every_row_of_every_table() {
    let vectors: Value = serde_json::from_str(include_str!("vectors/errors.json")).unwrap();
    let cases = vectors["cases"].as_array().unwrap();
    assert!(cases.len() > 100);
    for case in cases {
        let input = &case["input"];
        let expect = &case["expect"];
        let d = run(input, &context(case.get("context")));
        let label = format!("{input} {:?}", case.get("context"));
        assert_eq!(d.name, expect["name"].as_str().unwrap(), "{label}");
        assert_eq!(d.category, category(expect["category"].as_str().unwrap()), "{label}");
        assert_eq!(d.retry.as_str(), expect["retry"].as_str().unwrap(), "{label}");
        assert_eq!(d.source.as_str(), expect["source"].as_str().unwrap(), "{label}");
        assert_eq!(d.known, expect["known"].as_bool().unwrap(), "{label}");
        if let Some(s) = expect.get("suggestion") {
            assert_eq!(d.suggestion, s.as_str().unwrap(), "{label}");
        }
        if let Some(s) = expect.get("description") {
            assert_eq!(d.description, s.as_str().unwrap(), "{label}");
        }
        if let Some(g) = expect.get("group") {
            assert_eq!(d.group, g.as_str(), "{label}");
        }
        if let Some(p) = expect.get("published") {
            assert_eq!(d.published, p.as_bool().unwrap(), "{label}");
        }
        if let Some(c) = expect.get("code") {
            assert_eq!(d.code, c.as_i64(), "{label}");
        }
        if let Some(s) = expect.get("status") {
            assert_eq!(d.status, s.as_i64(), "{label}");
        }
        if let Some(m) = expect.get("msg") {
            assert_eq!(d.msg.as_deref(), m.as_str(), "{label}");
        }
        if let Some(c) = expect.get("msgConflict") {
            match (c.is_null(), d.msg_conflict) {
                (true, None) => {}
                (false, Some(m)) => {
                    assert_eq!(m.source.as_str(), c["source"].as_str().unwrap(), "{label}");
                    assert_eq!(m.name, c["name"].as_str().unwrap(), "{label}");
                    assert_eq!(m.category.as_str(), c["category"].as_str().unwrap(), "{label}");
                    assert_eq!(m.code, c.get("code").and_then(Value::as_i64), "{label}");
                }
                (_, got) => panic!("{label}: msgConflict {got:?}"),
            }
        }
        // Our labels never pretend to be the gateway's words.
        if !d.published {
            assert_eq!(d.suggestion, "", "{label}");
        }
    }
}

#[test]
fn query_first_only_for_unknown_outcomes_of_create() {
    let create = Context { operation: Some(Operation::Create), ..Context::default() };
    let query = Context { operation: Some(Operation::Query), ..Context::default() };
    for code in [10, 12] {
        assert_eq!(decode_code(code, &create).retry, Retry::QueryFirst);
        assert_eq!(decode_code(code, &query).retry, Retry::Later);
    }
    assert_eq!(decode_status(500, "", &create).retry, Retry::QueryFirst);
    assert_eq!(decode_status(500, "", &query).retry, Retry::Later);
    // 5002 is query_first whatever the operation; 1201 never.
    assert_eq!(decode_code(5002, &query).retry, Retry::QueryFirst);
    assert_eq!(decode_code(1201, &create).retry, Retry::No);
    assert_eq!(decode_code(11, &create).retry, Retry::AfterFix);
}

#[test]
fn code_30034_depends_on_the_api() {
    let payin = Context { api: Some(Api::Payin), ..Context::default() };
    let payout = Context { api: Some(Api::Payout), ..Context::default() };
    let fraud = decode_code(30034, &payin);
    assert_eq!((fraud.source, fraud.category, fraud.name), (Source::FraudCode, Category::Fraud, "suspected fraud (pick up)"));
    for ctx in [payout, Context::default()] {
        let d = decode_code(30034, &ctx);
        assert_eq!((d.source, d.category, d.group), (Source::PayoutCode, Category::BusinessRule, Some("unpublished")));
        assert!(d.known && !d.published);
    }
}

#[test]
fn responses() {
    let ctx = Context::default();
    let ok = decode_response(200, r#"{"code":0,"msg":"SUCCESS","data":{"pay_order_id":"P1"}}"#, &ctx).unwrap();
    assert_eq!(ok.msg_conflict, None);
    let ok = ok.envelope;
    assert_eq!(ok.get("data").and_then(|d| d.as_object()).and_then(|d| d.get("pay_order_id")).and_then(|v| v.as_str()), Some("P1"));
    assert!(decode_response(200, r#"{"code":"0","msg":""}"#, &ctx).is_ok());
    let contradicted = decode_response(200, r#"{"code":0,"msg":"Order does not exist"}"#, &ctx).unwrap();
    let conflict = contradicted.msg_conflict.unwrap();
    assert_eq!((conflict.source, conflict.name, conflict.category), (Source::QueryMsg, "Order does not exist", Category::NotFound));

    let e = decode_response(200, r#"{"code":11,"msg":"amount: must be a string"}"#, &ctx).unwrap_err();
    assert_eq!((e.code, e.status, e.category), (Some(11), Some(200), Category::InvalidRequest));
    assert_eq!(e.msg.as_deref(), Some("amount: must be a string"));

    let html = "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>";
    let e = decode_response(502, html, &ctx).unwrap_err();
    assert_eq!((e.category, e.retry, e.known, e.code), (Category::Server, Retry::Later, false, None));

    for body in ["", "   ", "SUCCESS", "{", "[]", "null", "{\"data\":{}}", "\u{feff}{\"code\":0}"] {
        let e = decode_response(200, body, &ctx).unwrap_err();
        assert_eq!((e.name, e.category, e.retry), ("Not a Gateway Answer", Category::Unknown, Retry::Later), "{body:?}");
    }
    let e = decode_response(503, "Service Unavailable", &ctx).unwrap_err();
    assert_eq!((e.name, e.category, e.retry, e.known), ("Service Unavailable", Category::Unavailable, Retry::Later, true));
    let e = decode_response(200, r#"{"code":1e400}"#, &ctx).unwrap_err();
    assert_eq!((e.name, e.code, e.category), ("Unknown Code", None, Category::Unknown));
}

#[test]
fn junk_never_panics() {
    let ctx = Context::default();
    for status in [i64::MIN, -1, 0, 99, 600, 1000, i64::MAX] {
        let d = decode_status(status, "", &ctx);
        assert_eq!((d.source, d.category, d.known), (Source::None, Category::Unknown, false), "{status}");
    }
    for code in [i64::MIN, -30034, -1, 1, 99999, i64::MAX] {
        let d = decode_code(code, &ctx);
        assert_eq!((d.name, d.known, d.code), ("Unknown Code", false, Some(code)), "{code}");
    }
    for text in ["", "-", "1e3", "0x10", "１２", "1234567890123456", "12.0", "+12"] {
        assert_eq!(integer_from_text(text), None, "{text:?}");
    }
    for n in [f64::NAN, f64::INFINITY, -f64::INFINITY, 1e15, 0.5, -1e300] {
        assert_eq!(integer_from_f64(n), None, "{n}");
    }
    assert_eq!(integer_from_f64(-0.0), Some(0));
    let nothing = decode(&Answer::default(), &ctx);
    assert_eq!((nothing.name, nothing.source, nothing.retry), ("Unreadable Answer", Source::None, Retry::Later));
    let huge = "x".repeat(1 << 20);
    assert_eq!(decode_msg(&huge, &ctx).name, "Unknown Message");
}

#[test]
fn locales() {
    let zh = Context { locale: Locale::ZhCn, ..Context::default() };
    let en = Context::default();
    let (a, b) = (decode_code(1201, &en), decode_code(1201, &zh));
    // The gateway's words stay as published; ours are translated.
    assert_eq!((a.name, a.suggestion), (b.name, b.suggestion));
    assert_eq!(a.description, "Duplicate Data Exists");
    assert_eq!(b.description, "数据重复");
    assert_eq!(a.advice, "the order exists: query it by request_id and use its result; a new order needs a new request_id");
    assert_eq!(b.advice, "订单已存在：用 request_id 查询并使用其结果；新订单须用新的 request_id");
    let s = decode_status(401, "", &zh);
    assert_eq!((s.name, s.description), ("Unauthorized", "API Key 或签名无效或缺失"));
}

#[test]
fn events_from_webhook_payloads() {
    let ctx = Context::default();
    let text = r#"{"pay_order_id":"P1","order_status":"SUCCEED","event":"payment_declined","event_data":{"response_code":41301}}"#;
    let payload = json::parse_object(text).unwrap();
    let e = errors::decode_event(&payload, &ctx).unwrap();
    assert_eq!((e.kind.as_str(), e.fraud_code, e.decoded.name), ("payment_declined", Some(41301), "fraud score over threshold"));
    // 30034 in a payment_declined notice is the fraud code even without context.
    let text = r#"{"event":"payment_declined","error_code":"30034"}"#;
    let e = errors::decode_event(&json::parse_object(text).unwrap(), &ctx).unwrap();
    assert_eq!((e.decoded.category, e.decoded.name), (Category::Fraud, "suspected fraud (pick up)"));
    let text = r#"{"event":"dispute_received","event_data":{"reason":"DUPLICATE"}}"#;
    let e = errors::decode_event(&json::parse_object(text).unwrap(), &ctx).unwrap();
    assert_eq!((e.decoded.category, e.decoded.name, e.dispute_category.as_deref()), (Category::Dispute, "duplicate", Some("DUPLICATE")));
    for text in [r#"{"event":null}"#, r#"{"event":""}"#, r#"{"pay_order_id":"P1"}"#, r#"{"event":5}"#] {
        assert_eq!(errors::decode_event(&json::parse_object(text).unwrap(), &ctx), None, "{text}");
    }
}
