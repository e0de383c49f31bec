//! Native benchmarks of the core on the bodies in `bench/bodies/` (the same text the Node bench times):
//! sign (parse + canonicalise + hash), verify_webhook, canonicalisation alone, and the floor — the bare
//! SHA-256 of the signed string. `cargo bench --bench core`; `make bench` prints the ratios.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use lesspay2::{verify_webhook, Secret, VerifyOptions, WebhookHeaders, WebhookKind};
use sha2::{Digest, Sha256};

struct Case {
    name: &'static str,
    kind: WebhookKind,
    webhook: bool,
    body: &'static str,
}

const SECRET: &str = "sk_live_9fQ2xLw7TzR4mB8vN1cK";

fn cases() -> Vec<Case> {
    vec![
        Case { name: "payin-webhook", kind: WebhookKind::Payin, webhook: true, body: include_str!("../bench/bodies/payin-webhook.json") },
        Case { name: "payout-webhook-2", kind: WebhookKind::Payout, webhook: true, body: include_str!("../bench/bodies/payout-webhook-2.json") },
        Case { name: "payout-webhook-50", kind: WebhookKind::Payout, webhook: true, body: include_str!("../bench/bodies/payout-webhook-50.json") },
        Case { name: "payout-batch-200", kind: WebhookKind::Payout, webhook: false, body: include_str!("../bench/bodies/payout-batch-200.json") },
        Case { name: "body-64k", kind: WebhookKind::Payin, webhook: true, body: include_str!("../bench/bodies/body-64k.json") },
    ]
}

fn bench(c: &mut Criterion) {
    let secrets = [Secret::new(SECRET)];
    for case in cases() {
        let signed = lesspay2::signature::signed_string(lesspay2::canonicalize(case.body).unwrap().as_deref(), SECRET);
        let signature = lesspay2::sign(case.body, SECRET).unwrap();
        let mut group = c.benchmark_group(case.name);
        group.bench_function("sha256-floor", |b| {
            b.iter(|| {
                let d: [u8; 32] = Sha256::digest(black_box(signed.as_bytes())).into();
                d
            })
        });
        group.bench_function("canonicalize", |b| b.iter(|| lesspay2::canonicalize(black_box(case.body)).unwrap()));
        group.bench_function("sign", |b| b.iter(|| lesspay2::sign(black_box(case.body), SECRET).unwrap()));
        if case.webhook {
            // The payout bodies are signed over the full body, so `sign` gives the header for both kinds
            // except the pay-in rule's extra parse, which only matters for tree bins (none here).
            let headers = WebhookHeaders { signature: Some(&signature), timestamp: None };
            let options = VerifyOptions { kind: case.kind, tolerance_ms: None, now_ms: 0 };
            let verdict = verify_webhook(case.body.as_bytes(), headers, &secrets, options).unwrap();
            assert!(verdict.is_ok(), "{}: {:?}", case.name, verdict.err());
            group.bench_function("verify_webhook", |b| {
                b.iter(|| verify_webhook(black_box(case.body.as_bytes()), headers, &secrets, options).unwrap().is_ok())
            });
        }
        group.finish();
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(std::time::Duration::from_millis(200))
        .measurement_time(std::time::Duration::from_millis(600))
        .sample_size(20)
        .without_plots();
    targets = bench
}
criterion_main!(benches);
