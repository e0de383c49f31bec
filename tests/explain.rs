//! `explain_signature`'s hints: where the gateway's key order inside arrays differs from the body's
//! (`array_key_order`), and which numbers' text a re-serialiser changes (`number_values`).
#![allow(clippy::unwrap_used)]

mod common;

use lesspay2::{explain_signature, explain_webhook_signature, sign_webhook, ArrayKeyOrder, WebhookKind};

fn entry(path: &str, body: &[&str], gateway: &[&str]) -> ArrayKeyOrder {
    ArrayKeyOrder {
        path: path.into(),
        body_order: body.iter().map(|k| k.to_string()).collect(),
        gateway_order: gateway.iter().map(|k| k.to_string()).collect(),
    }
}

#[test]
fn paths_and_orders_of_reordered_objects() {
    // "a" (hash 97) is in an earlier bucket than "b" (98): the gateway writes a before b.
    let body = r#"{"details":[{"b":"1","a":"2"},{"a":"1","b":"2"}],"o":{"list":[[{"d":1,"c":{"y":[{"b":0,"a":0}]}}]]}}"#;
    let e = explain_signature(body, "k", None).unwrap();
    assert_eq!(
        e.array_key_order,
        vec![
            entry("details[0]", &["b", "a"], &["a", "b"]),
            entry("o.list[0][0]", &["d", "c"], &["c", "d"]),
            entry("o.list[0][0].c.y[0]", &["b", "a"], &["a", "b"]),
        ]
    );
    // The canonical string writes exactly those orders.
    assert_eq!(e.canonical.as_deref(), Some(r#"details=[{"a":"2","b":"1"},{"a":"1","b":"2"}]&o={list=[[{"c":{"y":[{"a":0,"b":0}]},"d":1}]]}"#));
}

#[test]
fn null_members_and_top_level_objects_are_not_reported() {
    // Null members are not written, so only the written keys are compared; objects outside arrays are
    // sorted by the canonical string and never reported.
    let e = explain_signature(r#"{"z":{"b":"1","a":"2"},"l":[{"c":null,"a":"1","b":"2"}]}"#, "k", None).unwrap();
    assert_eq!(e.array_key_order, vec![]);
    // The order of "Aa" and "BB" (same hash) is insertion order: nothing to report either way.
    let e = explain_signature(r#"{"l":[{"BB":"1","Aa":"2"}]}"#, "k", None).unwrap();
    assert_eq!(e.array_key_order, vec![]);
    // "BB" and "Aa" (hash 2112) are in bucket 0, "a" (97) in bucket 1; "c" is null and not written.
    let e = explain_signature(r#"{"l":[{"a":"x","c":null,"BB":"1","Aa":"2"}]}"#, "k", None).unwrap();
    assert_eq!(e.array_key_order, vec![entry("l[0]", &["a", "BB", "Aa"], &["BB", "Aa", "a"])]);
}

/// `number_values` names only numbers whose text a re-serialiser changes: a fraction, an exponent, or
/// more digits than a double holds. An integer such as a payout's `decimal_places` is left out.
#[test]
fn number_values_names_numbers_whose_text_can_change() {
    let codes = |body: &str| -> Vec<(&'static str, String)> {
        let e = explain_signature(body, "k", Some(&"0".repeat(64))).unwrap();
        e.hints.into_iter().filter(|h| h.code == "number_values").map(|h| (h.code, h.message)).collect()
    };
    assert_eq!(codes(r#"{"decimal_places":2,"order_status_int":1,"amount":"1.00"}"#), vec![]);
    let message = |names: &str| format!("{names} is sent as a JSON number, signed by its exact text (`100.5` and `100.50` differ; exponents become BigDecimal text); send amounts as strings");
    assert_eq!(
        codes(r#"{"decimal_places":2,"amount":100.50,"fee":1e2,"id":1234567890123456}"#),
        vec![("number_values", message("`amount`, `fee`, `id`"))]
    );
    // 15 digits are an integer a double holds (not named), 16 are not; at most five names.
    assert_eq!(codes(r#"{"a":123456789012345}"#), vec![]);
    assert_eq!(
        codes(r#"{"a":1.1,"b":1.2,"c":1.3,"d":1.4,"e":1.5,"f":1.6}"#),
        vec![("number_values", message("`a`, `b`, `c`, `d`, `e`"))]
    );
    // Numbers are looked for eight objects deep, not nine.
    let nested = |levels: usize| format!("{}{{\"n\":1.5}}{}", "{\"o\":".repeat(levels), "}".repeat(levels));
    assert_eq!(codes(&nested(8)), vec![("number_values", message("`n`"))]);
    assert_eq!(codes(&nested(9)), vec![]);
}

#[test]
fn array_key_order_is_hinted_for_objects_of_two_keys_or_more_in_arrays() {
    let array_hint = |body: &str| {
        let e = explain_signature(body, "k", Some(&"0".repeat(64))).unwrap();
        e.hints.iter().any(|h| h.code == "array_key_order")
    };
    // One key has one order; two may be reordered.
    assert_eq!((array_hint(r#"{"a":[{"x":1},{"y":2}]}"#), array_hint(r#"{"a":[{"x":1,"y":2}]}"#)), (false, true));
}

/// A v1 pay-in webhook's five unsigned keys are not signed, so their arrays have no key order to report.
#[test]
fn a_v1_pay_in_webhooks_unsigned_arrays_report_no_key_order() {
    let orders = |version: &str| {
        let body = format!(r#"{{"api_version":"{version}","pay_order_id":"P1","event_data":[{{"b":1,"a":2}}]}}"#);
        explain_webhook_signature(&body, "k", None, WebhookKind::Payin).unwrap().array_key_order
    };
    assert_eq!(orders("v1"), vec![]);
    // HashMap order: "a" (hash 97) before "b" (98).
    assert_eq!(orders("v2"), vec![entry("event_data[0]", &["b", "a"], &["a", "b"])]);
}

/// Every webhook vector, explained as the webhook it is: the gateway's signature is the one expected,
/// and the received one matches exactly when the vector's secret signed this body.
#[test]
fn webhooks_are_explained_by_their_own_rule() {
    // (secrets whose signature matches, secrets refused for the body, cases without a signature header)
    let (mut matched, mut refused, mut unsigned) = (0, 0, 0);
    for case in common::webhook_cases() {
        let (body, kind) = (case.body.as_str(), case.webhook_kind());
        let Some(received) = case.received_signature() else {
            unsigned += 1;
            continue;
        };
        for (i, secret) in case.secrets.iter().enumerate() {
            let Ok(e) = explain_webhook_signature(body, secret, Some(received), kind) else {
                // Only a body that is no strict JSON object cannot be explained: the verifier refuses
                // it too (as malformed_signature when the header is also malformed: that is checked first).
                assert!(matches!(case.expect.reason.as_deref(), Some("malformed_body" | "malformed_signature")), "{}", case.id);
                refused += 1;
                continue;
            };
            assert_eq!(e.expected, sign_webhook(body, secret, kind).unwrap(), "{}", case.id);
            let hashed = e.signed_string_redacted.replace("<appSecret>", secret);
            assert_eq!(sha256_hex(&hashed), e.expected, "{}", case.id);
            // Verification rule 3: only ASCII whitespace around it is ignored (a no-break space is not).
            let trimmed = received.trim_matches(|c| matches!(c, ' ' | '\t' | '\n' | '\u{b}' | '\u{c}' | '\r'));
            let same = trimmed.eq_ignore_ascii_case(&e.expected);
            assert_eq!(e.matches, Some(same), "{}", case.id);
            // A valid vector names the secret that signed it (the verdict's own expectation, not
            // derived from `e`).
            if case.expect.valid {
                assert_eq!(same, case.expect.secret_index == Some(i), "{} secret {i}", case.id);
            }
            matched += usize::from(same);
        }
    }
    assert_eq!((matched, refused, unsigned), (106, 23, 6));
}

fn sha256_hex(text: &str) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(text.as_bytes()).iter().map(|b| format!("{b:02X}")).collect()
}

#[test]
fn a_pay_in_v1_webhook_is_explained_without_its_five_keys_and_with_a_receivers_hints() {
    let body = r#"{"pay_order_id":"P1","order_status":"SUCCEED","api_version":"v1","order_status_int":2,"event":"x","l":[{"b":"1","a":"2"}]}"#;
    let payin = explain_webhook_signature(body, "k", Some(&"0".repeat(64)), WebhookKind::Payin).unwrap();
    assert_eq!(payin.canonical.as_deref(), Some(r#"l=[{"a":"2","b":"1"}]&order_status=SUCCEED&pay_order_id=P1"#));
    let raw_body = "check the body exactly as it was received (its raw text or bytes), not a parsed and re-serialised copy, which can change the text of numbers and the key order inside arrays: the gateway signs both as sent";
    let codes: Vec<_> = payin.hints.iter().map(|h| (h.code, h.message.as_str())).collect();
    assert_eq!(codes, [("raw_body", raw_body)]);
    // A signature made by the payout rule (the full body) is named as such.
    let by_payout = sign_webhook(body, "k", WebhookKind::Payout).unwrap();
    let e = explain_webhook_signature(body, "k", Some(&by_payout), WebhookKind::Auto).unwrap();
    assert_eq!(e.matches, Some(false));
    let codes: Vec<_> = e.hints.iter().map(|h| (h.code, h.message.as_str())).collect();
    assert_eq!(codes, [("webhook_kind", "the signature matches this body signed by the payout rule; verify it with kind 'payout'"), ("raw_body", raw_body)]);
    // And the other way round; a match has no hints.
    let by_payin = sign_webhook(body, "k", WebhookKind::Payin).unwrap();
    let e = explain_webhook_signature(body, "k", Some(&by_payin), WebhookKind::Payout).unwrap();
    let codes: Vec<_> = e.hints.iter().map(|h| (h.code, h.message.as_str())).collect();
    assert_eq!(
        (e.matches, codes),
        (Some(false), vec![("webhook_kind", "the signature matches this body signed by the pay-in rule; verify it with kind 'payin'"), ("raw_body", raw_body)])
    );
    let e = explain_webhook_signature(body, "k", Some(&by_payin), WebhookKind::Auto).unwrap();
    assert_eq!((e.matches, e.hints.len()), (Some(true), 0));
    // As a request, the same body gets the signer's hints.
    let e = explain_signature(body, "k", Some(&by_payin)).unwrap();
    let codes: Vec<_> = e.hints.iter().map(|h| (h.code, h.message.as_str())).collect();
    assert_eq!(
        codes,
        [
            (
                "array_key_order",
                "objects inside arrays are signed in Java HashMap key order, not sorted and not in your order; serialise the body once and sign that exact text"
            ),
            (
                "payin_v1_webhook",
                "if this is a pay-in webhook with api_version v1 (or none), the gateway leaves api_version, order_status_int, channel_biz_data, event and event_data out of the signature; verify it with verifyWebhook, or explain it as a webhook (kind 'payin')"
            ),
            ("exact_body", "sign the exact body text you send, after serialising it; re-serialising in between may change numbers or key order"),
        ]
    );
}

/// The pay-in rule parses the body once more, which can move keys of an object inside an array that
/// holds a tree bin: each rule's `array_key_order` is the order its own canonical string writes.
#[test]
fn array_key_order_follows_each_rules_parse_count() {
    // Strings made of "Aa" and "BB" blocks all share one hashCode: enough of them make a tree bin.
    let keys: Vec<String> = (0..32u32).map(|n| (0..5).map(|bit| if n >> bit & 1 == 1 { "BB" } else { "Aa" }).collect()).collect();
    let position = |canonical: &str, key: &str| canonical.find(&format!("\"{key}\":")).unwrap();
    let mut differ = Vec::new();
    for n in 8..=32 {
        let members: Vec<String> = keys[..n].iter().map(|k| format!("\"{k}\":\"v\"")).collect();
        let body = format!(r#"{{"pay_order_id":"P1","order_status":"SUCCEED","api_version":"v2","l":[{{{}}}]}}"#, members.join(","));
        let mut orders = Vec::new();
        for e in [explain_signature(&body, "k", None).unwrap(), explain_webhook_signature(&body, "k", None, WebhookKind::Payin).unwrap()] {
            let canonical = e.canonical.unwrap();
            let order: Vec<String> = match e.array_key_order.as_slice() {
                [] => keys[..n].to_vec(),
                [only] => {
                    assert_eq!(only.path, "l[0]");
                    only.gateway_order.clone()
                }
                more => panic!("{more:?}"),
            };
            let at: Vec<usize> = order.iter().map(|k| position(&canonical, k)).collect();
            assert!(at.windows(2).all(|w| w[0] < w[1]), "{n} keys: {order:?} is not the order of {canonical}");
            orders.push(order);
        }
        if orders[0] != orders[1] {
            differ.push(n);
        }
    }
    // Up to 11 keys both parse counts give one order; from 12 on they differ (counted).
    assert_eq!(differ, (12..=32).collect::<Vec<_>>(), "the bodies that tell the two parse counts apart");
}
