//! The vector files of `tests/vectors/` as Rust values, shared by the native (`tests/vectors.rs`) and
//! wasm (`tests/wasm.rs`) suites so that both read the data the same way. `include_str!` works on both.
#![allow(dead_code, clippy::unwrap_used, clippy::panic)] // each suite uses part of it; a broken data file should stop loudly

use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Deserialize)]
struct SignatureFile {
    vectors: Vec<SignatureVector>,
}

/// One vector of `signatures.json` (fields as its README describes them).
#[derive(Deserialize)]
pub struct SignatureVector {
    pub id: String,
    pub category: String,
    pub body: String,
    pub secret: String,
    #[serde(default)]
    pub canonical: Option<String>,
    #[serde(default)]
    pub signed_string: Option<String>,
    #[serde(default)]
    pub signature: Option<String>,
    #[serde(default)]
    pub error: Option<String>,
}

#[derive(Deserialize)]
struct WebhookFile {
    cases: Vec<WebhookCase>,
}

/// One case of `webhooks.json`.
#[derive(Deserialize)]
pub struct WebhookCase {
    pub id: String,
    pub kind: String,
    pub body: String,
    pub headers: BTreeMap<String, String>,
    pub secrets: Vec<String>,
    pub now: i64,
    pub tolerance_ms: Option<u64>,
    pub expect: Expect,
}

/// The verdict a webhook case expects.
#[derive(Deserialize)]
pub struct Expect {
    pub valid: bool,
    #[serde(default)]
    pub secret_index: Option<usize>,
    #[serde(default)]
    pub reason: Option<String>,
}

impl WebhookCase {
    /// The rule the case is signed by.
    pub fn webhook_kind(&self) -> lesspay2::WebhookKind {
        match self.kind.as_str() {
            "payin" => lesspay2::WebhookKind::Payin,
            "payout" => lesspay2::WebhookKind::Payout,
            other => panic!("unknown kind {other}"),
        }
    }

    /// The `X-Auth-Signature` header as sent (in whatever casing the case names it).
    pub fn received_signature(&self) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case("x-auth-signature")).map(|(_, v)| v.as_str())
    }
}

pub fn signature_vectors() -> Vec<SignatureVector> {
    serde_json::from_str::<SignatureFile>(include_str!("../vectors/signatures.json")).unwrap().vectors
}

pub fn webhook_cases() -> Vec<WebhookCase> {
    serde_json::from_str::<WebhookFile>(include_str!("../vectors/webhooks.json")).unwrap().cases
}
