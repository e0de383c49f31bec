//! Hostile and degenerate input to every public function of the Rust API, table by table: each row
//! states the exact error or verdict. (Wrong JS types are the wasm suites' job: `tests/wasm.rs`,
//! `tests/js/`.)
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use lesspay2::json::{self, JsonError, JsonErrorKind};
use lesspay2::{
    canonicalize, explain_signature, sign, sign_request, verify_webhook, webhook_key, Reason, Secret, SecretError, VerifyOptions,
    WebhookHeaders, WebhookKind,
};
use lesspay2::request::SignRequestError;

fn err(kind: JsonErrorKind, offset: usize) -> JsonError {
    JsonError { kind, offset }
}

/// `{"a":[[[…]]]}` with `depth` arrays.
fn deep_arrays(depth: usize) -> String {
    format!("{{\"a\":{}{}}}", "[".repeat(depth), "]".repeat(depth))
}

/// `{"a":{"a":…{}…}}` with `depth` objects.
fn deep_objects(depth: usize) -> String {
    format!("{}{}", "{\"a\":".repeat(depth - 1) + "{", "}".repeat(depth))
}

const MB20: usize = 20 * 1024 * 1024;

#[test]
fn body_parsing_refusals_are_exact() {
    let huge_number = format!("{{\"a\":1{}}}", "0".repeat(70_000));
    let rows: Vec<(String, JsonError)> = vec![
        ("".into(), err(JsonErrorKind::Empty, 0)),
        ("  \n\t".into(), err(JsonErrorKind::Empty, 4)),
        ("[]".into(), err(JsonErrorKind::NotAnObject, 0)),
        ("\"{}\"".into(), err(JsonErrorKind::NotAnObject, 0)),
        ("null".into(), err(JsonErrorKind::NotAnObject, 0)),
        ("{".into(), err(JsonErrorKind::UnexpectedEnd, 1)),
        ("{\"a\":\"\\ud800\"}".into(), err(JsonErrorKind::LoneSurrogate, 6)),
        ("{\"a\":\"\\udc00x\"}".into(), err(JsonErrorKind::LoneSurrogate, 6)),
        ("{\"a\":\"\u{1}\"}".into(), err(JsonErrorKind::ControlCharacter, 6)),
        ("{\"a\":\"\\x\"}".into(), err(JsonErrorKind::InvalidEscape, 6)),
        (deep_arrays(100_000), err(JsonErrorKind::TooDeep, 132)),
        (deep_objects(100_000), err(JsonErrorKind::TooDeep, 640)),
        (huge_number, err(JsonErrorKind::NumberOutOfRange, 5)),
    ];
    for (body, expected) in rows {
        let shown: String = body.chars().take(40).collect();
        assert_eq!(canonicalize(&body), Err(expected.clone()), "{shown:?}");
        assert_eq!(sign(&body, "k"), Err(expected.clone()), "{shown:?}");
        assert_eq!(explain_signature(&body, "k", Some("00")), Err(expected.clone()), "{shown:?}");
        assert_eq!(
            sign_request("app", &Secret::new("k"), &body, 0),
            Err(SignRequestError::Body(expected.clone())),
            "{shown:?}"
        );
        assert_eq!(json::parse_object_bytes(body.as_bytes()).map(|_| ()), Err(expected), "{shown:?}");
    }
    // 128 levels are accepted, 129 are not.
    assert_eq!(canonicalize(&deep_arrays(127)), Ok(Some(format!("a={}{}", "[".repeat(127), "]".repeat(127)))));
    assert_eq!(canonicalize(&deep_arrays(128)), Err(err(JsonErrorKind::TooDeep, 132)));
}

#[test]
fn invalid_utf8_bytes() {
    for (bytes, offset) in [(&b"{\"a\":\"\xff\"}"[..], 6), (&b"\xfe"[..], 0), (&b"{\"a\":\"\xc3\"}"[..], 6)] {
        assert_eq!(json::parse_object_bytes(bytes).map(|_| ()), Err(err(JsonErrorKind::InvalidUtf8, offset)), "{bytes:?}");
    }
}

#[test]
fn twenty_megabytes_sign_like_sha256_of_the_joined_text() {
    let value = "z".repeat(MB20);
    let body = format!("{{\"a\":\"{value}\"}}");
    assert_eq!(canonicalize(&body).unwrap().as_deref().map(str::len), Some(MB20 + 2));
    // The signature is the SHA-256 of `a=zzz…&key=k`, hashed here independently of the library.
    use sha2::Digest;
    let digest = sha2::Sha256::digest(format!("a={value}&key=k").as_bytes());
    let hex: String = digest.iter().map(|b| format!("{b:02X}")).collect();
    assert_eq!(sign(&body, "k").unwrap(), hex);
}

fn options(tolerance_ms: Option<u64>) -> VerifyOptions {
    VerifyOptions { kind: WebhookKind::Auto, tolerance_ms, now_ms: 1_700_000_000_000 }
}

type Row<'a> = (&'a [u8], Option<&'a str>, Option<&'a str>, Option<u64>, Reason, String);

#[test]
fn webhook_verdicts_for_hostile_bodies_and_headers() {
    let secrets = [Secret::new("k")];
    let good = sign(r#"{"a":"1"}"#, "k").unwrap();
    let huge = vec![b'x'; MB20];
    let deep = deep_arrays(100_000);
    // (body, X-Auth-Signature, X-Auth-Timestamp, toleranceMs, reason, message)
    let rows: Vec<Row> = vec![
        (&huge, Some(&good), None, None, Reason::BodyTooLarge, format!("the body is {MB20} bytes; at most 1048576 are read")),
        (b"", None, None, None, Reason::MissingSignature, "no X-Auth-Signature header".into()),
        (b"{}", Some(""), None, None, Reason::MissingSignature, "the X-Auth-Signature header is empty".into()),
        (b"{}", Some("   "), None, None, Reason::MalformedSignature, "X-Auth-Signature is not 64 hex digits".into()),
        (b"{}", Some("sha256=00"), None, None, Reason::MalformedSignature, "X-Auth-Signature is not 64 hex digits".into()),
        (
            b"",
            Some(&good),
            None,
            None,
            Reason::MalformedBody,
            "the body is not a strict JSON object: the body is empty; expected a JSON object".into(),
        ),
        (
            b"{\"a\":\"\xff\"}",
            Some(&good),
            None,
            None,
            Reason::MalformedBody,
            "the body is not a strict JSON object: the body is not valid UTF-8 (byte 6)".into(),
        ),
        (
            b"{\"a\":\"\\ud800\"}",
            Some(&good),
            None,
            None,
            Reason::MalformedBody,
            "the body is not a strict JSON object: unpaired UTF-16 surrogate escape at byte 6; the gateway would sign `?` in its place"
                .into(),
        ),
        (
            deep.as_bytes(),
            Some(&good),
            None,
            None,
            Reason::MalformedBody,
            "the body is not a strict JSON object: the body is nested deeper than 128 levels (byte 132)".into(),
        ),
        (br#"{"a":"1"}"#, Some(&good), None, Some(1000), Reason::MissingTimestamp, "no X-Auth-Timestamp header".into()),
        (
            br#"{"a":"1"}"#,
            Some(&good),
            Some(""),
            Some(1000),
            Reason::MalformedTimestamp,
            "X-Auth-Timestamp is not 1 to 16 digits of milliseconds".into(),
        ),
        (br#"{"a":"2"}"#, Some(&good), None, None, Reason::SignatureMismatch, "no configured appSecret gives the received signature".into()),
    ];
    for (body, signature, timestamp, tolerance, reason, message) in rows {
        let headers = WebhookHeaders { signature, timestamp };
        let rejection = verify_webhook(body, headers, &secrets, options(tolerance)).unwrap().err().unwrap();
        assert_eq!(rejection.reason, reason, "{signature:?} {timestamp:?}");
        assert_eq!(rejection.message, message, "{reason:?}");
    }
    let headers = WebhookHeaders { signature: Some(&good), timestamp: None };
    let verified = verify_webhook(br#"{"a":"1"}"#, headers, &secrets, options(None)).unwrap().unwrap();
    // Auto reads {"a":"1"} (no `details`, no `total_amount`) as a pay-in; it has no api_version, so
    // it is v1, and none of the fields v1 leaves unsigned is there.
    assert_eq!((verified.kind, verified.secret_index, verified.unsigned_fields), (WebhookKind::Payin, 0, vec![]));
}

/// The upper-case hex SHA-256 of `text`, computed here, independently of the library.
fn sha256_hex(text: &str) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(text.as_bytes()).iter().map(|b| format!("{b:02X}")).collect()
}

#[test]
fn a_body_of_exactly_max_body_bytes_is_read() {
    let secrets = [Secret::new("k")];
    // {"a":"zzz…"}: 8 bytes of JSON around the value, 1 MiB in all.
    let value = "z".repeat(1_048_576 - 8);
    let body = format!("{{\"a\":\"{value}\"}}");
    assert_eq!(body.len(), 1_048_576);
    let signature = sha256_hex(&format!("a={value}&key=k"));
    let headers = WebhookHeaders { signature: Some(&signature), timestamp: None };
    let verdict = verify_webhook(body.as_bytes(), headers, &secrets, options(None)).unwrap();
    assert_eq!(verdict.map(|v| (v.kind, v.secret_index)), Ok((WebhookKind::Payin, 0)));
    // One byte more is not read.
    let over = format!("{{\"a\":\"{value}z\"}}");
    let rejection = verify_webhook(over.as_bytes(), headers, &secrets, options(None)).unwrap().unwrap_err();
    assert_eq!(
        (rejection.reason, rejection.message.as_str()),
        (Reason::BodyTooLarge, "the body is 1048577 bytes; at most 1048576 are read")
    );
}

#[test]
fn reasons_and_rejections_display_as_code_and_message() {
    let shown: Vec<String> = Reason::ALL.iter().map(Reason::to_string).collect();
    assert_eq!(
        shown,
        [
            "body_too_large", "missing_signature", "malformed_signature", "malformed_body", "missing_timestamp", "malformed_timestamp",
            "timestamp_too_old", "timestamp_too_new", "signature_mismatch",
        ]
    );
    let rejection = verify_webhook(b"{}", WebhookHeaders::default(), &[Secret::new("k")], options(None)).unwrap().unwrap_err();
    assert_eq!(rejection.to_string(), "missing_signature: no X-Auth-Signature header");
    let rejection = verify_webhook(b"{}", WebhookHeaders { signature: Some("sha256=00"), timestamp: None }, &[Secret::new("k")], options(None));
    assert_eq!(rejection.unwrap().unwrap_err().to_string(), "malformed_signature: X-Auth-Signature is not 64 hex digits");
}

#[test]
fn webhook_secret_misuse() {
    let headers = WebhookHeaders::default();
    let run = |secrets: &[Secret]| verify_webhook(b"{}", headers, secrets, options(None)).map(|_| ());
    assert_eq!(run(&[]), Err(SecretError::Missing));
    assert_eq!(run(&[Secret::new("")]), Err(SecretError::Blank));
    assert_eq!(run(&[Secret::new("k"), Secret::new(" \t\n")]), Err(SecretError::Blank));
    assert_eq!(run(&[Secret::new("\u{3000}")]), Err(SecretError::Blank));
    // The right secret with a line end from a file is signed as given, and pointed out on a mismatch.
    let body = br#"{"a":"1"}"#;
    let signature = sign(r#"{"a":"1"}"#, "k").unwrap();
    let headers = WebhookHeaders { signature: Some(&signature), timestamp: None };
    let rejection = verify_webhook(body, headers, &[Secret::new("old"), Secret::new("k\r\n")], options(None)).unwrap().unwrap_err();
    assert_eq!(
        (rejection.reason, rejection.message.as_str()),
        (
            Reason::SignatureMismatch,
            "no configured appSecret gives the received signature; one starts or ends with whitespace (a line end from a file?)"
        )
    );
    let padded = sign(r#"{"a":"1"}"#, " k").unwrap();
    // The space is part of the key: SHA-256 of `a=1&key= k`.
    assert_eq!(padded, sha256_hex("a=1&key= k"));
    let headers = WebhookHeaders { signature: Some(&padded), timestamp: None };
    assert_eq!(
        verify_webhook(body, headers, &[Secret::new(" k")], options(None)).unwrap().map(|v| (v.kind, v.secret_index, v.unsigned_fields)),
        Ok((WebhookKind::Payin, 0, vec![]))
    );
}

#[test]
fn sign_request_misuse() {
    let body = r#"{"a":"1"}"#;
    assert_eq!(sign_request("app", &Secret::new(""), body, 0), Err(SignRequestError::Secret(SecretError::Blank)));
    assert_eq!(sign_request("", &Secret::new("k"), body, 0), Err(SignRequestError::AppId));
    assert_eq!(sign_request(" \t", &Secret::new("k"), body, 0), Err(SignRequestError::AppId));
    // A line end kept from a file, a header injection, a non-ASCII character: refused, not sent.
    for app_id in ["app\n", "app\r\nX-Evil: 1", "a\tb", "app\u{7f}", "appé", "app\0"] {
        assert_eq!(sign_request(app_id, &Secret::new("k"), body, 0), Err(SignRequestError::AppIdCharacters), "{app_id:?}");
    }
    assert_eq!(
        SignRequestError::AppIdCharacters.to_string(),
        "the appId must be printable ASCII, as it goes in a header; it has a line break, a control or a non-ASCII character"
    );
    // Every printable ASCII character, the space included, goes through as it is.
    let printable: String = (b' '..=b'~').map(char::from).collect();
    assert_eq!(sign_request(&printable, &Secret::new("k"), body, 0).unwrap().headers[0], ("x-auth-appid", printable.clone()));
    assert_eq!(
        sign_request("app", &Secret::new("k"), "", 0).map_err(|e| e.to_string()),
        Err("the body is not a strict JSON object: the body is empty; expected a JSON object".into())
    );
    // The low-level `sign` takes any secret, even an empty one: `key=` then ends the signed text.
    use sha2::Digest;
    let hex: String = sha2::Sha256::digest(b"a=1&key=").iter().map(|b| format!("{b:02X}")).collect();
    assert_eq!(sign(body, "").unwrap(), hex);
}

#[test]
fn webhook_key_of_degenerate_payloads() {
    let key = |text: &str| webhook_key(&json::parse_object(text).unwrap());
    assert_eq!(key("{}"), None);
    assert_eq!(key(r#"{"pay_order_id":""}"#), None);
    assert_eq!(key(r#"{"pay_order_id":null}"#), None);
    assert_eq!(key(r#"{"pay_order_id":["P1"]}"#), None);
    assert_eq!(key(r#"{"pay_order_id":12}"#).as_deref(), Some("lesspay2:12:"));
    let long = "P".repeat(MB20);
    assert_eq!(key(&format!("{{\"pay_order_id\":\"{long}\"}}")), Some(format!("lesspay2:{long}:")));
}

/// `body` verified with the secret `sk` and the rule picked by its shape; it must be valid.
fn verified_with_sk<'b>(body: &'b str, signature: &str) -> lesspay2::Verified<'b> {
    use lesspay2::{WebhookHeaders, WebhookKind};
    let headers = WebhookHeaders { signature: Some(signature), timestamp: None };
    let options = VerifyOptions { kind: WebhookKind::Auto, tolerance_ms: None, now_ms: 0 };
    verify_webhook(body.as_bytes(), headers, &[Secret::new("sk")], options).unwrap().unwrap()
}

#[test]
fn the_idempotency_key_holds_only_signed_fields() {
    let key = |body: &str, signature: &str| {
        let verified = verified_with_sk(body, signature);
        (verified.idempotency_key(), webhook_key(&verified.payload))
    };
    // Pay-in v1: `event` is not signed, so a replay that changes it keeps the key (and stays valid).
    let v1 = r#"{"pay_order_id":"P1","order_status":"SUCCEED","api_version":"v1","event":null}"#;
    let signature = sign(r#"{"pay_order_id":"P1","order_status":"SUCCEED"}"#, "sk").unwrap();
    let plain = Some("lesspay2:P1:SUCCEED".to_owned());
    assert_eq!(key(v1, &signature), (plain.clone(), plain.clone()));
    for event in ["payment_declined", "x", "dispute_received"] {
        let replay = v1.replace("\"event\":null", &format!("\"event\":\"{event}\""));
        assert_eq!(key(&replay, &signature), (plain.clone(), plain.clone()), "{event}");
    }
    // Pay-in v2 signs `event`: a notice has its own key.
    let v2 = r#"{"pay_order_id":"P1","order_status":"SUCCEED","api_version":"v2","event":"payment_declined"}"#;
    let notice = Some("lesspay2:P1:SUCCEED:payment_declined".to_owned());
    assert_eq!(key(v2, &sign(v2, "sk").unwrap()), (notice.clone(), notice.clone()));
    // A blank or non-string `event` is no event to `event()`, and none in the key either.
    let plain_v2 = Some("lesspay2:P1:SUCCEED".to_owned());
    for event in [r#""  ""#, "42", "null", r#"["payment_declined"]"#] {
        let body = v2.replace(r#""payment_declined""#, event);
        let verified = verified_with_sk(&body, &sign(&body, "sk").unwrap());
        assert_eq!(verified.event(lesspay2::Locale::En), None, "{event}");
        assert_eq!((verified.idempotency_key(), webhook_key(&verified.payload)), (plain_v2.clone(), plain_v2.clone()), "{event}");
    }
    // One notice, one key: the status read as its number or another spelling, the event in any case.
    for (status, event) in [(r#""2""#, r#"" Payment_Declined ""#), ("2", r#""PAYMENT_DECLINED""#), (r#""success""#, r#""payment_declined""#)] {
        let body = format!(r#"{{"pay_order_id":"P1","order_status":{status},"api_version":"v2","event":{event}}}"#);
        assert_eq!(key(&body, &sign(&body, "sk").unwrap()), (notice.clone(), notice.clone()), "{body}");
    }
}

#[test]
fn a_verified_event_says_whether_the_signature_covers_it() {
    use lesspay2::errors::Category;
    use lesspay2::Locale;
    let event = |body: &str, signature: &str| {
        let verified = verified_with_sk(body, signature);
        assert_eq!(verified.order_status().map(|s| s.name), Some("SUCCEED"));
        verified.event(Locale::En).map(|e| (e.event.kind, e.event.decoded.category, e.signed))
    };
    // Pay-in v1 leaves `event` unsigned: a dispute added to a genuine notice still verifies, and says so.
    let v1 = r#"{"pay_order_id":"P1","order_status":"SUCCEED","event":null}"#;
    let signature = sign(r#"{"pay_order_id":"P1","order_status":"SUCCEED"}"#, "sk").unwrap();
    assert_eq!(event(v1, &signature), None);
    let forged = v1.replace("\"event\":null", "\"event\":\"dispute_received\"");
    assert_eq!(event(&forged, &signature), Some(("dispute_received".to_owned(), Category::Dispute, false)));
    // Pay-in v2 signs it.
    let v2 = r#"{"pay_order_id":"P1","order_status":"SUCCEED","api_version":"v2","event":"dispute_received"}"#;
    assert_eq!(event(v2, &sign(v2, "sk").unwrap()), Some(("dispute_received".to_owned(), Category::Dispute, true)));
    // Decoded in the language asked for (the description of the dispute_received row is ours).
    let verified = verified_with_sk(v2, &sign(v2, "sk").unwrap());
    let described = |locale| verified.event(locale).map(|e| (e.event.decoded.description, e.event.decoded.advice));
    assert_eq!(
        described(Locale::En),
        Some((
            "the card scheme reported a dispute (chargeback initiated)",
            "a chargeback started: answer it through the gateway with the order's evidence before its deadline; do not refund separately"
        ))
    );
    assert_eq!(described(Locale::ZhCn), Some(("卡组织报告了争议（已发起拒付）", "拒付已发起：在期限内通过网关提交订单证据答辩；不要另行退款")));
}

#[test]
fn headers_are_read_from_byte_values_as_http_sends_them() {
    use lesspay2::{WebhookHeaders, WebhookKind};
    let body = r#"{"pay_order_id":"P1","order_status":"SUCCEED","details":[]}"#;
    let signature = sign(body, "k").unwrap();
    let secrets = [Secret::new("k")];
    let options = VerifyOptions { kind: WebhookKind::Payout, tolerance_ms: Some(1000), now_ms: 1_700_000_000_000 };
    let verdict = |headers: WebhookHeaders<'_>| verify_webhook(body.as_bytes(), headers, &secrets, options).unwrap().map(|_| ()).map_err(|r| r.reason);
    // Owned byte values, names in any casing (what an `http::HeaderMap`'s `iter()` gives, as bytes).
    let received: Vec<(String, Vec<u8>)> = vec![
        ("x-Auth-Signature".into(), signature.clone().into_bytes()),
        ("X-AUTH-TIMESTAMP".into(), b"1700000000000".to_vec()),
    ];
    assert_eq!(verdict(WebhookHeaders::from_pairs(received.iter().map(|(name, value)| (name, value)))), Ok(()));
    // A value that is not UTF-8 is malformed, not missing (spec section 3, rule 3).
    let latin1: [(&str, &[u8]); 2] = [("X-Auth-Signature", b"\xE9t\xE9"), ("X-Auth-Timestamp", b"1700000000000")];
    assert_eq!(verdict(WebhookHeaders::from_pairs(latin1)), Err(Reason::MalformedSignature));
    let latin1: [(&str, &[u8]); 2] = [("X-Auth-Signature", signature.as_bytes()), ("X-Auth-Timestamp", b"17\xFF")];
    assert_eq!(verdict(WebhookHeaders::from_pairs(latin1)), Err(Reason::MalformedTimestamp));
    // A repeated header is malformed whichever value comes first, as `fetch` joins it in JS.
    let ts: (&str, &[u8]) = ("x-auth-timestamp", b"1700000000000");
    for pairs in [
        [("x-auth-signature", signature.as_bytes()), ("X-Auth-Signature", b"zz"), ts],
        [("x-auth-signature", b"zz"), ("X-Auth-Signature", signature.as_bytes()), ts],
        [("x-auth-signature", signature.as_bytes()), ("x-auth-signature", signature.as_bytes()), ts],
    ] {
        assert_eq!(verdict(WebhookHeaders::from_pairs(pairs)), Err(Reason::MalformedSignature));
    }
    let sig: (&str, &[u8]) = ("x-auth-signature", signature.as_bytes());
    let pairs = [sig, ("X-Auth-Timestamp", b"1700000000000"), ("X-Auth-Timestamp", b"1700000000000")];
    assert_eq!(verdict(WebhookHeaders::from_pairs(pairs)), Err(Reason::MalformedTimestamp));
}

#[test]
fn auto_verifies_payout_notices_by_the_payout_rule() {
    use lesspay2::{WebhookHeaders, WebhookKind};
    let secrets = [Secret::new("k")];
    let verify = |body: &str, kind: WebhookKind| {
        let signature = sign(body, "k").unwrap(); // the full body: how the gateway signs a payout notice
        let headers = WebhookHeaders { signature: Some(&signature), timestamp: None };
        let options = VerifyOptions { kind, tolerance_ms: None, now_ms: 0 };
        verify_webhook(body.as_bytes(), headers, &secrets, options).unwrap().map(|v| v.kind).map_err(|r| r.reason)
    };
    // Every member empty: the payout rule hashes `&key=k`, the pay-in rule (which writes the body out
    // first, dropping nulls) `key=k`.
    let emptied = r#"{"details":null,"total_amount":null}"#;
    // Twelve keys of one String.hashCode in an array object: a tree bin, which the pay-in rule's extra
    // parse reorders.
    let keys = ["AaAaAaAa", "BBAaAaAa", "AaBBAaAa", "BBBBAaAa", "AaAaBBAa", "BBAaBBAa", "AaBBBBAa", "BBBBBBAa", "AaAaAaBB", "BBAaAaBB", "AaBBAaBB", "BBBBAaBB"];
    let object: Vec<String> = keys.iter().map(|k| format!("\"{k}\":1")).collect();
    let tree = format!(r#"{{"pay_order_id":"P1","details":[{{{}}}]}}"#, object.join(","));
    for body in [emptied, tree.as_str()] {
        assert_eq!(verify(body, WebhookKind::Auto), Ok(WebhookKind::Payout), "{body}");
        assert_eq!(verify(body, WebhookKind::Payout), Ok(WebhookKind::Payout), "{body}");
        assert_eq!(verify(body, WebhookKind::Payin), Err(Reason::SignatureMismatch), "{body}");
    }
}

#[test]
fn the_signature_is_trimmed_of_ascii_whitespace_only() {
    use lesspay2::{WebhookHeaders, WebhookKind};
    let body = r#"{"pay_order_id":"P1","order_status":"SUCCEED","details":[]}"#;
    let signature = sign(body, "k").unwrap();
    let secrets = [Secret::new("k")];
    let options = VerifyOptions { kind: WebhookKind::Payout, tolerance_ms: None, now_ms: 0 };
    let verdict = |received: String| {
        let headers = WebhookHeaders { signature: Some(&received), timestamp: None };
        verify_webhook(body.as_bytes(), headers, &secrets, options).unwrap().map(|_| ()).map_err(|r| r.reason)
    };
    for space in [" ", "\t", "\n", "\u{b}", "\u{c}", "\r", " \t\u{b} "] {
        assert_eq!(verdict(format!("{space}{signature}{space}")), Ok(()), "{space:?}");
    }
    for other in ["\u{a0}", "\u{85}", "\u{3000}", "\u{0}"] {
        assert_eq!(verdict(format!("{other}{signature}")), Err(Reason::MalformedSignature), "{other:?}");
    }
}

#[test]
fn explanation_of_empty_and_odd_input() {
    let e = explain_signature("{}", "", Some("")).unwrap();
    assert_eq!(e.canonical, None);
    assert_eq!(e.signed_string_redacted, "key=<appSecret>");
    assert_eq!(e.matches, Some(false));
    let codes: Vec<&str> = e.hints.iter().map(|h| h.code).collect();
    assert_eq!(codes, ["signature_format", "secret_empty", "exact_body"]);
    assert_eq!(e.hints[0].message, "the received signature is not 64 hex digits (0 characters); the gateway's is the bare upper-case hex SHA-256, without a prefix such as `sha256=`");
    // A secret never appears in what is shown.
    let e = explain_signature(r#"{"a":"s3cr3t-value"}"#, "TOPSECRET", Some("x")).unwrap();
    assert!(!format!("{e:?}").contains("TOPSECRET"));
    // What it does show: the expected signature is SHA-256 of `a=s3cr3t-value&key=TOPSECRET` (computed
    // with Python's hashlib).
    assert_eq!(
        (e.canonical.as_deref(), e.signed_string_redacted.as_str(), e.expected.as_str()),
        (Some("a=s3cr3t-value"), "a=s3cr3t-value&key=<appSecret>", "3A4029F6F53C42D88921F09F8D1809B4076E898562104B779836C1EAB7E34427")
    );
}

#[test]
fn a_verified_payload_outlives_its_body() {
    let text = r#"{"pay_order_id":"P1","order_status":"SUCCEED","note":"caf\u00e9 \"x\"","amount":100.50,"details":[{"n":1e5,"k":null}]}"#;
    let signature = sign(text, "k").unwrap();
    let body = text.as_bytes().to_vec();
    let headers = WebhookHeaders { signature: Some(&signature), timestamp: None };
    let borrowed = verify_webhook(&body, headers, &[Secret::new("k")], options(None)).unwrap().unwrap();
    let owned: lesspay2::Verified<'static> = borrowed.into_owned();
    drop(body);
    // A 'static value: it can move to another thread (or a spawned task) once the body is gone.
    let (key, note, amount, n) = std::thread::spawn(move || {
        let detail = owned.payload.get("details").and_then(|d| d.as_array()).and_then(|d| d.first()).and_then(|d| d.as_object()).cloned();
        (
            owned.idempotency_key(),
            owned.payload.get("note").and_then(|v| v.as_str()).map(str::to_owned),
            owned.payload.get("amount").cloned(),
            detail.and_then(|d| d.get("n").cloned()),
        )
    })
    .join()
    .unwrap();
    assert_eq!(key.as_deref(), Some("lesspay2:P1:SUCCEED"));
    assert_eq!(note.as_deref(), Some("café \"x\""));
    assert_eq!(amount, Some(json::Value::Number("100.50".into())));
    assert_eq!(n, Some(json::Value::Number("1e5".into())));
}
