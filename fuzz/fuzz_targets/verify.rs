//! Any body, signature header, timestamp header and options: `verify_webhook` never panics, returns
//! exactly one verdict, and a signature it computed itself always verifies.
#![no_main]
use libfuzzer_sys::fuzz_target;
use lesspay2::{verify_webhook, Secret, VerifyOptions, WebhookHeaders, WebhookKind};

fuzz_target!(|input: (&[u8], &str, &str, u8, Option<u32>, i64)| {
    let (body, signature, timestamp, kind, tolerance, now) = input;
    let kind = match kind % 3 {
        0 => WebhookKind::Auto,
        1 => WebhookKind::Payin,
        _ => WebhookKind::Payout,
    };
    let secrets = [Secret::new("k1"), Secret::new("second secret")];
    let options = VerifyOptions { kind, tolerance_ms: tolerance.map(u64::from), now_ms: now };
    let headers = WebhookHeaders { signature: Some(signature), timestamp: Some(timestamp) };
    let verdict = verify_webhook(body, headers, &secrets, options).unwrap();
    if let Err(rejection) = &verdict {
        assert!(!rejection.message.is_empty());
    }
    // A payout-kind signature computed by `sign` must verify as payout (no timestamp check).
    if let Ok(text) = std::str::from_utf8(body) {
        if let Ok(sig) = lesspay2::sign(text, "second secret") {
            let headers = WebhookHeaders { signature: Some(&sig), timestamp: None };
            let options = VerifyOptions { kind: WebhookKind::Payout, tolerance_ms: None, now_ms: 0 };
            let verified = verify_webhook(body, headers, &secrets, options).unwrap();
            assert_eq!(verified.map(|v| v.secret_index).ok(), Some(1));
        }
    }
});
