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
    assert_eq!(cases.len(), 105);
    // How many rows pin each optional field (counted in the file): a row that loses one shows here.
    let mut pinned = [0usize; 8];
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
            pinned[0] += 1;
            assert_eq!(d.suggestion, s.as_str().unwrap(), "{label}");
        }
        if let Some(s) = expect.get("description") {
            pinned[1] += 1;
            assert_eq!(d.description, s.as_str().unwrap(), "{label}");
        }
        if let Some(g) = expect.get("group") {
            pinned[2] += 1;
            assert_eq!(d.group, g.as_str(), "{label}");
        }
        if let Some(p) = expect.get("published") {
            pinned[3] += 1;
            assert_eq!(d.published, p.as_bool().unwrap(), "{label}");
        }
        if let Some(c) = expect.get("code") {
            pinned[4] += 1;
            assert_eq!(d.code, c.as_i64(), "{label}");
        }
        if let Some(s) = expect.get("status") {
            pinned[5] += 1;
            assert_eq!(d.status, s.as_i64(), "{label}");
        }
        if let Some(m) = expect.get("msg") {
            pinned[6] += 1;
            assert_eq!(d.msg.as_deref(), m.as_str(), "{label}");
        }
        if let Some(c) = expect.get("msgConflict") {
            pinned[7] += 1;
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
    // suggestion, description, group, published, code, status, msg, msgConflict.
    assert_eq!(pinned, [62, 19, 21, 8, 12, 1, 1, 3]);
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
    // A 2xx body without a `code` is no envelope, whatever its `msg` says: as decode_response reads it.
    for body in [r#"{"msg":"SUCCESS"}"#, r#"{"code":null,"msg":"SUCCESS"}"#, "{}", r#"{"status":500,"error":"Internal Server Error"}"#] {
        let d = decode_status(200, body, &create);
        assert_eq!((d.name, d.category, d.retry), ("Not a Gateway Answer", Category::Unknown, Retry::QueryFirst), "{body}");
        assert_eq!(decode_response(200, body, &create).err().map(|e| *e), Some(d), "{body}");
    }
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
        assert_eq!(d.advice, "do not resend blindly: query the payout by request_id and ask the gateway what the code means (from a pay-in, or with a payment_declined notice, 30034 is the fraud code 'suspected fraud')");
    }
    // Its neighbours have the same group and none of its other reading.
    for code in [30030, 30033, 30035, 30079] {
        let d = decode_code(code, &payout);
        assert_eq!((d.category, d.group), (Category::BusinessRule, Some("unpublished")), "{code}");
        assert_eq!(d.advice, "do not resend blindly: query the payout by request_id and ask the gateway what the code means", "{code}");
    }
    // As an unknown code: after a create call the payout may exist, so query first (as the advice says).
    let create = Context { api: Some(Api::Payout), operation: Some(Operation::Create), ..Context::default() };
    for code in [30030, 30034, 30079] {
        assert_eq!((decode_code(code, &payout).retry, decode_code(code, &create).retry), (Retry::No, Retry::QueryFirst), "{code}");
    }
}

#[test]
fn responses() {
    let ctx = Context::default();
    let ok = decode_response(200, r#"{"code":0,"msg":"SUCCESS","data":{"pay_order_id":"P1"}}"#, &ctx).unwrap();
    assert_eq!(ok.msg_conflict, None);
    let ok = ok.envelope;
    assert_eq!(ok.get("data").and_then(|d| d.as_object()).and_then(|d| d.get("pay_order_id")).and_then(|v| v.as_str()), Some("P1"));
    let s = decode_response(200, r#"{"code":"0","msg":""}"#, &ctx).unwrap();
    assert_eq!((s.envelope.get("code"), s.msg_conflict), (Some(&json::Value::String("0".into())), None));
    let contradicted = decode_response(200, r#"{"code":0,"msg":"Order does not exist"}"#, &ctx).unwrap();
    let conflict = contradicted.msg_conflict.unwrap();
    assert_eq!((conflict.source, conflict.name, conflict.category), (Source::QueryMsg, "Order does not exist", Category::NotFound));

    // A 2xx without a `code` is no envelope, whatever its `msg` says.
    for body in [r#"{"msg":"SUCCESS"}"#, r#"{"code":null,"msg":"SUCCESS","data":{}}"#] {
        let e = decode_response(200, body, &ctx).unwrap_err();
        assert_eq!((e.name, e.category, e.source), ("Not a Gateway Answer", Category::Unknown, Source::HttpStatus), "{body}");
    }
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
    // Up to 15 digits are read (the 16-digit 1234567890123456 above is not).
    for (text, n) in [("999999999999999", 999_999_999_999_999), ("-999999999999999", -999_999_999_999_999), (" 000000000000042 ", 42)] {
        assert_eq!(integer_from_text(text), Some(n), "{text:?}");
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
    // Spec 5.2, row 1201, as published.
    assert_eq!(
        (a.name, a.suggestion),
        ("Duplicate Data Exists", "The request_id or another unique field already exists. Do not retry with the same ID.")
    );
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

#[test]
fn fetch_payin_messages_refine_9999_and_unknown_codes() {
    let query = Context { api: Some(Api::Payin), operation: Some(Operation::Query), ..Context::default() };
    // 9999's suggestion: "The msg field contains specific details" (spec 5.2). A fetch message is that detail.
    let e = decode_response(200, r#"{"code":9999,"msg":"Order does not exist"}"#, &query).unwrap_err();
    assert_eq!((e.source, e.name, e.category, e.code), (Source::QueryMsg, "Order does not exist", Category::NotFound, Some(9999)));
    assert_eq!(e.msg_conflict, None);
    // A code no table has: the message decides (with the code kept), whatever its case and spacing.
    // Unicode spaces around it too, as a bare `msg` and 9999 read them.
    for msg in ["Order does not exist", "order  does NOT exist", " Order does not exist\n", "Order does not exist\u{a0}", "\u{3000}Order does not exist\u{2028}"] {
        for code in [77, 9999] {
            let body = format!(r#"{{"code":{code},"msg":{}}}"#, serde_json::to_string(msg).unwrap());
            let e = decode_response(200, &body, &query).unwrap_err();
            assert_eq!((e.source, e.category, e.retry, e.code), (Source::QueryMsg, Category::NotFound, Retry::AfterFix, Some(code)), "{code} {msg:?}");
        }
        let bare = decode_msg(msg, &query);
        assert_eq!((bare.source, bare.category, bare.retry), (Source::QueryMsg, Category::NotFound, Retry::AfterFix), "{msg:?}");
    }
    let e = decode_response(200, r#"{"code":-1,"msg":"mchOrderNo and payOrderId cannot be empty at the same time"}"#, &query).unwrap_err();
    assert_eq!((e.source, e.category), (Source::QueryMsg, Category::InvalidRequest));
    // A published code still decides over a message, which is reported.
    let e = decode_response(200, r#"{"code":1202,"msg":"Request time error"}"#, &query).unwrap_err();
    assert_eq!((e.source, e.category), (Source::PayinCode, Category::NotFound));
    assert_eq!(e.msg_conflict.map(|m| (m.source, m.category)), Some((Source::QueryMsg, Category::InvalidRequest)));
    // An error status still decides over an unknown code.
    let e = decode_response(500, r#"{"code":77,"msg":"Order does not exist"}"#, &query).unwrap_err();
    assert_eq!((e.source, e.category), (Source::HttpStatus, Category::Server));
    // Not a fetch message: an unknown code stays unknown.
    assert_eq!(decode_response(200, r#"{"code":77,"msg":"Order gone"}"#, &query).unwrap_err().name, "Unknown Code");
}

#[test]
fn risk_codes_are_the_card_channel_s() {
    let payout = Context { api: Some(Api::Payout), ..Context::default() };
    let d = decode_code(41101, &payout);
    assert_eq!((d.name, d.category, d.known), ("Unknown Code", Category::Unknown, false));
    let d = decode_code(41101, &Context::default());
    assert_eq!((d.source, d.category), (Source::FraudCode, Category::Fraud));
    // A pay-in webhook's error_code is the pay-in API's: 30034 there is the fraud code (spec 5.5),
    // unless the caller says otherwise.
    let failed = json::parse_object(r#"{"pay_order_id":"P1","order_status":"FAILED","error_code":"30034","error_msg":"Suspected fraud"}"#).unwrap();
    let answer = read_object(&failed);
    assert_eq!(answer.api, Some(Api::Payin));
    assert_eq!(decode(&answer, &Context::default()).category, Category::Fraud);
    assert_eq!(decode(&answer, &payout).source, Source::PayoutCode);
    // An envelope's code says nothing about the API.
    assert_eq!(read_object(&json::parse_object(r#"{"code":30034}"#).unwrap()).api, None);
}

#[test]
fn notices_whatever_the_event_s_case_and_code() {
    let ctx = Context::default();
    let text = r#"{"event":"PAYMENT_DECLINED","event_data":{"response_code":"12345"}}"#;
    let e = errors::decode_event(&json::parse_object(text).unwrap(), &ctx).unwrap();
    // An unlisted response code goes with the notice.
    assert_eq!((e.decoded.name, e.decoded.category, e.decoded.code, e.fraud_code), ("payment_declined", Category::Fraud, Some(12345), Some(12345)));
    let text = r#"{"event":"Payment_Declined","error_code":"41201"}"#;
    let e = errors::decode_event(&json::parse_object(text).unwrap(), &ctx).unwrap();
    assert_eq!((e.decoded.name, e.decoded.code), ("card number on the client decline list", Some(41201)));
}

#[test]
fn codes_as_json_number_text_read_as_javascript_reads_them() {
    use errors::integer_from_number;
    for (text, n) in [
        ("1201", 1201), ("1201.0", 1201), ("1.201e3", 1201), ("1201E0", 1201), ("12010e-1", 1201), ("-1", -1), ("-0", 0),
        ("0.0e-9", 0), ("0e99", 0), ("999999999999999", 999_999_999_999_999), ("99999999999999.9e1", 999_999_999_999_999),
        ("30034.000", 30034), ("3.0034E+4", 30034),
        // Zeros the exponent adds past the digits (JavaScript: 1e3 === 1000, 99999999999999e1 === 999999999999990).
        ("1e3", 1000), ("12e2", 1200), ("-5e1", -50), ("1e14", 100_000_000_000_000), ("99999999999999e1", 999_999_999_999_990),
        ("0e999999999", 0),
    ] {
        assert_eq!(integer_from_number(text), Some(n), "{text}");
    }
    // An exponent of ±10^9 or beyond leaves no readable code, not even a zero (the rule of
    // integer_from_number; JavaScript would read 0e1000000000 as 0).
    for text in [
        "1.5", "1201.01", "1e15", "1000000000000000", "1e400", "12e-1", "1e99999999999999999999", "", "-", "x", "0e1000000000",
        "0e-1000000000", "1e999999999",
    ] {
        assert_eq!(integer_from_number(text), None, "{text}");
    }
    let e = decode_response(200, r#"{"code":1.201e3,"msg":"Duplicate Data Exists"}"#, &Context::default()).unwrap_err();
    assert_eq!((e.code, e.name), (Some(1201), "Duplicate Data Exists"));
    let s = decode_response(200, r#"{"code":0.0,"msg":"","data":1}"#, &Context::default()).unwrap();
    assert_eq!(
        (s.envelope.get("code"), s.envelope.get("data"), s.msg_conflict),
        (Some(&json::Value::Number("0.0".into())), Some(&json::Value::Number("1".into())), None)
    );
}

#[test]
fn answers_are_read_without_the_signing_rules() {
    let ctx = Context::default();
    // fastjson writes `$ref` for a repeated object; nothing in an answer is signed.
    let body = r#"{"code":0,"msg":"SUCCESS","data":{"a":{"x":1},"b":{"$ref":"$.data.a"},"@type":"x","n":1e5000000000}}"#;
    let ok = decode_response(200, body, &ctx).unwrap();
    assert_eq!(ok.envelope.get("code"), Some(&json::Value::Number("0".into())));
    let e = decode_response(200, r#"{"code":1201,"data":{"$ref":"x"}}"#, &ctx).unwrap_err();
    assert_eq!(e.name, "Duplicate Data Exists");
    // Still strict JSON.
    assert_eq!(decode_response(200, r#"{"code":0,}"#, &ctx).unwrap_err().name, "Not a Gateway Answer");
}

#[test]
fn a_notice_without_an_error_is_not_an_unreadable_answer() {
    let ctx = Context::default();
    let paid = json::parse_object(r#"{"pay_order_id":"P1","order_status":"SUCCEED","order_status_int":2,"error_code":null,"event":null}"#).unwrap();
    let d = decode(&read_object(&paid), &ctx);
    assert_eq!((d.name, d.category, d.retry, d.known), ("Order Notice", Category::Unknown, Retry::No, false));
    // With an error_code it decodes the code; without order_status nothing is readable.
    let failed = json::parse_object(r#"{"pay_order_id":"P1","order_status":"FAILED","error_code":"5000"}"#).unwrap();
    assert_eq!(decode(&read_object(&failed), &ctx).name, "Create Failed");
    let other = json::parse_object(r#"{"pay_order_id":"P1"}"#).unwrap();
    assert_eq!(decode(&read_object(&other), &ctx).name, "Unreadable Answer");
}

#[test]
fn each_notice_reads_only_its_own_fields() {
    let ctx = Context::default();
    let declined = r#"{"event":"payment_declined","event_data":{"response_code":"41201","reason":"Card on decline list"}}"#;
    let e = errors::decode_event(&json::parse_object(declined).unwrap(), &ctx).unwrap();
    assert_eq!((e.fraud_code, e.dispute_category), (Some(41201), None));
    let dispute = r#"{"event":"dispute_received","event_data":{"code":4855,"reason":"product_service_not_received"}}"#;
    let e = errors::decode_event(&json::parse_object(dispute).unwrap(), &ctx).unwrap();
    assert_eq!((e.fraud_code, e.dispute_category.as_deref(), e.decoded.name), (None, Some("product_service_not_received"), "product_service_not_received"));
    assert_eq!(e.decoded.code, None);
}

#[test]
fn failures_are_errors_a_server_can_return_and_log() {
    // What a handler written with `?` into `Box<dyn Error>` (or anyhow) needs from each failure type.
    fn create(body: &str) -> Result<String, Box<dyn std::error::Error>> {
        let success = decode_response(200, body, &Context { operation: Some(Operation::Create), ..Context::default() })?;
        Ok(format!("{:?}", success.envelope.get("data")))
    }
    let e = create(r#"{"code":1201,"msg":"Duplicate Data Exists"}"#).unwrap_err();
    assert_eq!(
        e.to_string(),
        "Duplicate Data Exists: the order exists: query it by request_id and use its result; a new order needs a new request_id"
    );
    assert_eq!(e.downcast_ref::<Box<Decoded>>().map(|d| (d.category, d.retry)), Some((Category::Conflict, Retry::No)));
    assert_eq!(format!("{} {} {}", Category::InvalidRequest, Retry::QueryFirst, Source::PayoutCode), "invalid_request query_first payout_code");
    // The crate-level errors, each named at the root.
    fn sign_it(secret: &str) -> Result<lesspay2::SignedRequest, Box<dyn std::error::Error>> {
        Ok(lesspay2::sign_request("app", &lesspay2::Secret::new(secret), "{}", 1_781_524_800_000)?)
    }
    assert_eq!(sign_it(" ").unwrap_err().downcast_ref::<lesspay2::SignRequestError>().map(|e| e.to_string()), Some("the appSecret is empty or blank; is the environment variable set?".to_owned()));
    let json: lesspay2::JsonError = lesspay2::canonicalize("[1]").unwrap_err();
    assert_eq!(json.to_string(), "the body is JSON but not an object; expected `{...}`");
}

#[test]
fn code_0_is_in_the_payout_table_too() {
    let payout = decode_code(0, &Context { api: Some(Api::Payout), ..Context::default() });
    assert_eq!((payout.source, payout.group, payout.name, payout.category), (Source::PayoutCode, Some("general"), "Success", Category::Success));
    let payin = decode_code(0, &Context { api: Some(Api::Payin), ..Context::default() });
    assert_eq!((payin.source, payin.group, payin.name), (Source::PayinCode, None, "Success"));
}

#[test]
fn an_undocumented_2xx_status_alone_is_the_success_class() {
    // Spec 5.1 lists 200 only: 201, 204 and 299 take our row for the 2xx class, 300 the 3xx one.
    let ctx = Context::default();
    for status in [201, 204, 299] {
        let d = decode(&Answer { status: Some(status), ..Answer::default() }, &ctx);
        assert_eq!(
            (d.name, d.description, d.category, d.retry, d.source, d.known, d.published, d.status),
            ("Success Status", "an undocumented success status", Category::Success, Retry::No, Source::HttpStatus, false, false, Some(status)),
            "{status}"
        );
    }
    let d = decode(&Answer { status: Some(300), ..Answer::default() }, &ctx);
    assert_eq!((d.name, d.category, d.source), ("Redirect", Category::InvalidRequest, Source::HttpStatus));
}

#[test]
fn a_msg_matches_a_label_word_for_word() {
    // Case and the width of spaces may differ; a space on one side only makes other words.
    let ctx = Context::default();
    for msg in ["Orderdoes not exist", "Order doesnot exist", "Order does not exis t", "Duplicate DataExists", "Invalid  Para meter"] {
        let d = decode_msg(msg, &ctx);
        assert_eq!((d.name, d.source, d.known, d.code), ("Unknown Message", Source::None, false, None), "{msg:?}");
        // There is no code to ask about: the advice speaks of the message.
        assert_eq!(d.advice, "do not resend blindly: query the order by request_id and ask the gateway what the message means");
    }
    let d = decode_msg("duplicate \t DATA  exists", &ctx);
    assert_eq!((d.name, d.source, d.code), ("Duplicate Data Exists", Source::PayinCode, Some(1201)));
}

#[test]
fn a_payout_label_as_msg_carries_its_code_and_group() {
    // The payout rows of the vectors (copied from spec 5.4): each label, sent alone as a msg, reads as
    // that row with its code and group.
    let vectors: Value = serde_json::from_str(include_str!("vectors/errors.json")).unwrap();
    let mut rows = 0;
    for case in vectors["cases"].as_array().unwrap() {
        let (Some(envelope), Some(group)) = (case["input"].get("envelope"), case["expect"].get("group")) else { continue };
        let (code, label) = (envelope["code"].as_i64().unwrap(), case["expect"]["name"].as_str().unwrap());
        let d = decode_msg(label, &Context::default());
        assert_eq!((d.source, d.name, d.code, d.group), (Source::PayoutCode, label, Some(code), group.as_str()), "{label}");
        rows += 1;
    }
    assert_eq!(rows, 14);
    // As the msg that contradicts a success, with its code.
    let s = decode_response(200, r#"{"code":0,"msg":"Order Not Found"}"#, &Context::default()).unwrap();
    assert_eq!(
        s.msg_conflict,
        Some(errors::MsgConflict { source: Source::PayoutCode, code: Some(30020), name: "Order Not Found", category: Category::NotFound })
    );
}

#[test]
fn a_published_error_code_decides_over_an_error_status() {
    let ctx = Context::default();
    let e = decode_response(500, r#"{"code":1201,"msg":"Duplicate Data Exists"}"#, &ctx).unwrap_err();
    assert_eq!(
        (e.name, e.source, e.category, e.retry, e.code, e.status),
        ("Duplicate Data Exists", Source::PayinCode, Category::Conflict, Retry::No, Some(1201), Some(500))
    );
    let e = decode_response(400, r#"{"code":30001,"msg":"Unsupported Currency"}"#, &ctx).unwrap_err();
    assert_eq!((e.name, e.source, e.group, e.code), ("Unsupported Currency", Source::PayoutCode, Some("parameter validation"), Some(30001)));
    // Code 0 with an error status is no success: the status decides.
    let e = decode_response(503, r#"{"code":0,"msg":"SUCCESS"}"#, &ctx).unwrap_err();
    assert_eq!((e.name, e.source, e.category, e.code), ("Service Unavailable", Source::HttpStatus, Category::Unavailable, Some(0)));
}

#[test]
fn a_blank_code_string_is_no_code() {
    let read = |text: &str| read_object(&json::parse_object(text).unwrap());
    // Blank: as if absent, so a pay-in webhook's error_code is read instead.
    assert_eq!(read(r#"{"code":"  ","error_code":"5000"}"#), Answer { code: Some(5000), api: Some(Api::Payin), ..Answer::default() });
    assert_eq!(read(r#"{"code":"","msg":"Order does not exist"}"#), Answer { msg: Some("Order does not exist".into()), ..Answer::default() });
    let paid = r#"{"pay_order_id":"P1","order_status":"SUCCEED","error_code":" "}"#;
    assert_eq!(read(paid), Answer { notice: true, ..Answer::default() });
    assert_eq!(decode(&read(paid), &Context::default()).name, "Order Notice");
    // Not blank and not a number: a code that cannot be read.
    assert_eq!(read(r#"{"code":"abc"}"#), Answer { code_unreadable: true, ..Answer::default() });
}
