//! Every vector in `tests/vectors/` (produced by the gateway vendor's Java code), through the Rust core.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failure should stop loudly

use lesspay2::json::{self, JsonErrorKind};
use lesspay2::{canonicalize, sign, sign_webhook, verify_webhook, Secret, VerifyOptions, WebhookHeaders};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};

mod common;

use common::{signature_vectors, webhook_cases};

/// The vectors whose body the library refuses, with the reason: everything the reference treats
/// differently from strict RFC 8259 JSON (spec section 3, "Decision").
fn expected_refusal(id: &str) -> Option<JsonErrorKind> {
    use JsonErrorKind::*;
    Some(match id {
        "pub-0036" | "pub-0540" => NotAnObject,
        "pub-0037" | "pub-0542" => TrailingText,
        "pub-0038" | "pub-0041" | "pub-0553" | "pub-0557" | "pub-0559" => DirectiveKey("@type"),
        "pub-0039" | "pub-0040" | "pub-0539" | "pub-0554" | "pub-0555" | "pub-0558" => DirectiveKey("$ref"),
        "pub-0537" => NumberOutOfRange,
        "pub-0538" | "pub-0541" | "pub-0044" | "pub-0546" | "pub-0548" => InvalidNumber,
        "pub-0543" => UnexpectedChar('}'),
        "pub-0544" => UnexpectedChar('"'),
        "pub-0042" => UnexpectedChar('a'),
        "pub-0043" | "pub-0545" | "pub-0550" => NotAnObject,
        "pub-0547" | "pub-0551" => ControlCharacter,
        "pub-0549" => UnexpectedChar(']'),
        "pub-0552" => UnexpectedChar('t'),
        "pub-0045" | "pub-0560" | "pub-0561" | "pub-0562" => LoneSurrogate,
        _ => return None,
    })
}

#[test]
fn every_signature_vector() {
    let vectors = signature_vectors();
    assert_eq!(vectors.len(), 595);
    let mut failures = Vec::new();
    let (mut matched, mut refused) = (0, 0);
    for v in &vectors {
        let got = canonicalize(&v.body);
        match (expected_refusal(&v.id), got) {
            (Some(kind), Err(e)) if e.kind == kind => refused += 1,
            (Some(kind), other) => failures.push(format!("{} ({}): expected refusal {kind:?}, got {other:?}", v.id, v.category)),
            (None, Err(e)) => failures.push(format!("{} ({}): refused with {e}", v.id, v.category)),
            (None, Ok(canonical)) => {
                assert!(v.error.is_none(), "{}: the reference threw but no refusal is listed", v.id);
                let signature = sign(&v.body, &v.secret).unwrap();
                // The Rust API's other door: a body already parsed, signed through the tree.
                let parsed = lesspay2::json::parse_object(&v.body).map(|o| lesspay2::signature::sign_object(&o, &v.secret));
                assert_eq!(parsed.as_ref(), Ok(&signature), "{}: sign_object", v.id);
                if canonical != v.canonical || Some(&signature) != v.signature.as_ref() {
                    failures.push(format!(
                        "{} ({}):\n  body      {:?}\n  expected  {:?}\n  got       {:?}",
                        v.id, v.category, v.body, v.canonical, canonical
                    ));
                } else {
                    let joined = lesspay2::signature::signed_string(canonical.as_deref(), &v.secret);
                    assert_eq!(Some(&joined), v.signed_string.as_ref(), "{}", v.id);
                    matched += 1;
                }
            }
        }
    }
    assert!(failures.is_empty(), "{} of {} vectors differ:\n{}", failures.len(), vectors.len(), failures.join("\n"));
    assert_eq!((matched, refused), (595 - 35, 35));
}

/// `tests/vectors-expected/webhook-verdicts.json`: our expected message for each refused webhook case
/// (the vendor's file stays as given).
#[derive(Deserialize)]
struct ExpectedVerdicts {
    cases: BTreeMap<String, ExpectedMessage>,
}

#[derive(Deserialize)]
struct ExpectedMessage {
    message: String,
}

fn expected_messages() -> BTreeMap<String, String> {
    let file: ExpectedVerdicts = serde_json::from_str(include_str!("vectors-expected/webhook-verdicts.json")).unwrap();
    file.cases.into_iter().map(|(id, c)| (id, c.message)).collect()
}

#[test]
fn every_webhook_case() {
    let cases = webhook_cases();
    assert_eq!(cases.len(), 162);
    let messages = expected_messages();
    // The table names every refused case, and nothing else.
    let refused: BTreeSet<String> = cases.iter().filter(|c| !c.expect.valid).map(|c| c.id.clone()).collect();
    let listed: BTreeSet<String> = messages.keys().cloned().collect();
    assert_eq!((listed, refused.len()), (refused, 70));
    let mut failures = Vec::new();
    for c in &cases {
        let secrets: Vec<Secret> = c.secrets.iter().map(Secret::new).collect();
        let options = VerifyOptions { kind: c.webhook_kind(), tolerance_ms: c.tolerance_ms, now_ms: c.now };
        let headers = WebhookHeaders::from_pairs(c.headers.iter().map(|(k, v)| (k, v.as_str())));
        let verdict = verify_webhook(c.body.as_bytes(), headers, &secrets, options).unwrap();
        let got = match &verdict {
            Ok(v) => (true, Some(v.secret_index), None, None),
            Err(r) => (false, None, Some(r.reason.code().to_string()), Some(r.message.clone())),
        };
        let want = (c.expect.valid, c.expect.secret_index, c.expect.reason.clone(), messages.get(&c.id).cloned());
        if got != want {
            failures.push(format!("{}: expected {want:?}, got {got:?} {:?}", c.id, verdict.err().map(|r| r.message)));
        }
    }
    assert!(failures.is_empty(), "{} of {} cases differ:\n{}", failures.len(), cases.len(), failures.join("\n"));
}

#[test]
fn sign_webhook_gives_the_signature_of_every_valid_webhook_case() {
    let (mut signed, mut not_as_request) = (0, 0);
    for c in webhook_cases() {
        let (true, Some(index)) = (c.expect.valid, c.expect.secret_index) else { continue };
        let kind = c.webhook_kind();
        let received = c.received_signature().map(str::trim).unwrap();
        let signature = sign_webhook(&c.body, &c.secrets[index], kind).unwrap();
        assert!(signature.eq_ignore_ascii_case(received), "{}: {signature} {received}", c.id);
        assert_eq!(signature, signature.to_ascii_uppercase(), "{}", c.id);
        signed += 1;
        // What a fixture signed with `sign` (as a request) would have got wrong.
        if sign(&c.body, &c.secrets[index]).ok().as_deref() != Some(signature.as_str()) {
            not_as_request += 1;
        }
    }
    assert_eq!((signed, not_as_request), (92, 24));
}

#[test]
fn json_parse_of_vectors_agrees_with_refusals() {
    // A refusal is never a parser accident: each refused body fails for the listed reason.
    for v in signature_vectors() {
        if let Some(kind) = expected_refusal(&v.id) {
            assert_eq!(json::parse_object(&v.body).map(|_| ()).map_err(|e| e.kind), Err(kind), "{}", v.id);
        }
    }
}
