//! `explain_signature`'s hints: where the gateway's key order inside arrays differs from the body's
//! (`array_key_order`), and which numbers' text a re-serialiser changes (`number_values`).
#![allow(clippy::unwrap_used)]

use lesspay2::{explain_signature, ArrayKeyOrder};

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
}
