//! `explain_signature`'s `array_key_order`: where the gateway's key order inside arrays differs from the body's.
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
