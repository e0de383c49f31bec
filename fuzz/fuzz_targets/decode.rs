//! Any HTTP status, business code, `msg`, event and response body, in any context: `decode`,
//! `decode_code`, `decode_status`, `decode_msg`, `decode_response`, `decode_event`, `read_body`,
//! `integer_from_text`/`integer_from_f64` and the `order_status` readers never panic, and
//! - every decode is deterministic; its category, retry and source are among the crate's enums
//!   (snake_case, one spelling each); `name`, `description` and `advice` are not blank; an unpublished row
//!   has no `suggestion`; `success` is never retried; `unknown` and source `none` are never `known`; a
//!   payout group comes only from the payout table; a `msg_conflict` has another category than the decode;
//! - the decode carries the answer's status and msg (and its code, unless an event notice decides);
//!   an event notice decodes as `fraud`, `dispute` or `unknown`;
//! - the locale changes only `description` and `advice`; the operation changes only `retry`, and a
//!   create differs from any other operation only by being `query_first`;
//! - `decode_response` is `Ok` only for a 2xx status with an envelope whose `code` reads as 0 and no
//!   event; its `Err` carries the status;
//! - integers read back from their own text; an order status found is one of `order_status::ALL` and is
//!   found again by its number and its name; `normalize_name` is idempotent.
//!
//! Input: byte 0 is the context (`api` = b % 3, `operation` = b / 3 % 4, locale = b / 12 % 2) and the
//! answer's own `api` (b / 24 % 3) and `notice` (b / 72 % 2), byte 1 the
//! fields present in the `Answer` (bits: status, code, code unreadable, msg, event, fraud code, dispute
//! category, body unreadable), bytes 2..10 the status and 10..18 the code (little-endian `i64`); the rest
//! is text: the response body, and, split at its first two newlines, the msg, event and dispute category.
#![no_main]
use std::borrow::Cow;

use libfuzzer_sys::fuzz_target;
use lesspay2::errors::{
    decode, decode_code, decode_event, decode_msg, decode_response, decode_status, integer_from_f64, integer_from_text,
    read_body, read_object, Answer, Api, Category, Context, Decoded, Locale, Operation, Retry, Source,
};
use lesspay2::json::{self, Value};
use lesspay2::order_status::{self, OrderStatus};

const CATEGORIES: [Category; 12] = [
    Category::Success,
    Category::InvalidRequest,
    Category::Authentication,
    Category::Permission,
    Category::NotFound,
    Category::Conflict,
    Category::BusinessRule,
    Category::Server,
    Category::Unavailable,
    Category::Fraud,
    Category::Dispute,
    Category::Unknown,
];
const RETRIES: [Retry; 4] = [Retry::No, Retry::AfterFix, Retry::Later, Retry::QueryFirst];
const SOURCES: [Source; 7] = [
    Source::HttpStatus,
    Source::PayinCode,
    Source::PayoutCode,
    Source::QueryMsg,
    Source::FraudCode,
    Source::Dispute,
    Source::None,
];

fn snake_case(name: &str) -> bool {
    !name.is_empty() && name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
}

/// The matches have no wildcard: a new category, retry or source fails to compile here.
fn check_vocabulary(d: &Decoded) {
    match d.category {
        Category::Success
        | Category::InvalidRequest
        | Category::Authentication
        | Category::Permission
        | Category::NotFound
        | Category::Conflict
        | Category::BusinessRule
        | Category::Server
        | Category::Unavailable
        | Category::Fraud
        | Category::Dispute
        | Category::Unknown => {}
    }
    match d.retry {
        Retry::No | Retry::AfterFix | Retry::Later | Retry::QueryFirst => {}
    }
    match d.source {
        Source::HttpStatus
        | Source::PayinCode
        | Source::PayoutCode
        | Source::QueryMsg
        | Source::FraudCode
        | Source::Dispute
        | Source::None => {}
    }
    let (c, r, s) = (d.category.as_str(), d.retry.as_str(), d.source.as_str());
    assert!(snake_case(c) && snake_case(r) && snake_case(s), "{d:?}");
    assert_eq!(CATEGORIES.iter().filter(|x| x.as_str() == c).count(), 1, "{c:?}");
    assert_eq!(RETRIES.iter().filter(|x| x.as_str() == r).count(), 1, "{r:?}");
    assert_eq!(SOURCES.iter().filter(|x| x.as_str() == s).count(), 1, "{s:?}");
}

fn check(d: &Decoded) {
    check_vocabulary(d);
    assert!(!d.name.trim().is_empty() && !d.description.trim().is_empty() && !d.advice.trim().is_empty(), "{d:?}");
    assert!(d.published || d.suggestion.is_empty(), "unpublished row with a suggestion: {d:?}");
    assert!(d.category != Category::Success || d.retry == Retry::No, "{d:?}");
    assert!(d.category != Category::Unknown || !d.known, "{d:?}");
    assert!(d.source != Source::None || !d.known, "{d:?}");
    assert!(d.group.is_none() || d.source == Source::PayoutCode, "{d:?}");
    if let Some(conflict) = d.msg_conflict {
        assert_ne!(conflict.category, d.category, "{d:?}");
        assert!(!conflict.name.is_empty());
    }
}

fn with(ctx: Context, locale: Locale, operation: Option<Operation>) -> Context {
    Context { locale, operation, ..ctx }
}

/// `decode(answer)` in `ctx`, checked against itself, the other locale and the other operations.
fn check_decode(answer: &Answer, ctx: Context) {
    let d = decode(answer, &ctx);
    check(&d);
    assert_eq!(decode(answer, &ctx), d, "not deterministic");
    assert_eq!(d.status, answer.status);
    assert_eq!(d.msg, answer.msg);
    let notice = answer.event.as_deref().is_some_and(|e| !e.trim().is_empty());
    if notice {
        assert!(matches!(d.category, Category::Fraud | Category::Dispute | Category::Unknown), "{d:?}");
    } else if answer.code.is_some() {
        assert_eq!(d.code, answer.code);
    }

    let other_locale = if ctx.locale == Locale::En { Locale::ZhCn } else { Locale::En };
    let l = decode(answer, &with(ctx, other_locale, ctx.operation));
    assert_eq!(Decoded { description: d.description, advice: d.advice, ..l }, d, "the locale changed more than the text");

    let other = decode(answer, &with(ctx, ctx.locale, Some(Operation::Other)));
    let create = decode(answer, &with(ctx, ctx.locale, Some(Operation::Create)));
    assert_eq!(Decoded { retry: other.retry, ..create.clone() }, other, "the operation changed more than retry");
    assert!(create.retry == other.retry || create.retry == Retry::QueryFirst, "{create:?} / {other:?}");
    let same_as = if ctx.operation == Some(Operation::Create) { &create } else { &other };
    assert_eq!(d.retry, same_as.retry);
}

fn check_status(found: Option<OrderStatus>) {
    let Some(s) = found else { return };
    assert!(order_status::ALL.contains(&s), "{s:?}");
    assert_eq!(order_status::from_code(i64::from(s.code)), Some(s));
    assert_eq!(order_status::from_name(s.name), Some(s));
    assert!(!s.description_in(Locale::En).is_empty() && !s.description_in(Locale::ZhCn).is_empty());
}

fn check_text(piece: &str) {
    if let Some(n) = integer_from_text(piece) {
        assert!(n.abs() < 1_000_000_000_000_000, "{piece:?} -> {n}");
        assert_eq!(integer_from_text(&n.to_string()), Some(n));
    }
    let by_text = order_status::from_text(piece);
    check_status(by_text);
    assert_eq!(order_status::from_value(&Value::String(Cow::Borrowed(piece))), by_text);
    let by_name = order_status::from_name(piece);
    check_status(by_name);
    let normal = order_status::normalize_name(piece);
    assert_eq!(order_status::normalize_name(&normal), normal, "normalize_name({piece:?}) is not idempotent");
    if let Some(s) = by_name {
        assert_eq!(normal, s.name);
    }
}

fn i64_at(bytes: &[u8], at: usize) -> i64 {
    let mut b = [0u8; 8];
    b.iter_mut().zip(bytes.iter().skip(at)).for_each(|(d, s)| *d = *s);
    i64::from_le_bytes(b)
}

fuzz_target!(|data: &[u8]| {
    let (head, body) = data.split_at(data.len().min(18));
    let ctx_byte = head.first().copied().unwrap_or(0);
    let flags = head.get(1).copied().unwrap_or(0);
    let (status, code) = (i64_at(head, 2), i64_at(head, 10));
    let ctx = Context {
        api: [None, Some(Api::Payin), Some(Api::Payout)][usize::from(ctx_byte % 3)],
        operation: [None, Some(Operation::Create), Some(Operation::Query), Some(Operation::Other)][usize::from(ctx_byte / 3 % 4)],
        locale: if ctx_byte / 12 % 2 == 0 { Locale::En } else { Locale::ZhCn },
    };
    let text = String::from_utf8_lossy(body);
    let text = text.as_ref();
    let mut pieces = text.splitn(3, '\n');
    let (msg, event, dispute) = (pieces.next().unwrap_or(""), pieces.next().unwrap_or(""), pieces.next().unwrap_or(""));
    let bit = |n: u8| flags & (1 << n) != 0;

    let answer = Answer {
        status: bit(0).then_some(status),
        code: bit(1).then_some(code),
        code_unreadable: bit(2),
        msg: bit(3).then(|| msg.to_owned()),
        event: bit(4).then(|| event.to_owned()),
        fraud_code: bit(5).then_some(code),
        dispute_category: bit(6).then(|| dispute.to_owned()),
        body_unreadable: bit(7),
        api: [None, Some(Api::Payin), Some(Api::Payout)][usize::from(ctx_byte / 24 % 3)],
        notice: ctx_byte / 72 % 2 == 1,
    };
    check_decode(&answer, ctx);

    let d = decode_code(code, &ctx);
    check(&d);
    assert_eq!(d.code, Some(code));
    let d = decode_msg(msg, &ctx);
    check(&d);
    assert_eq!(d.msg.as_deref(), Some(msg));
    let d = decode_status(status, text, &ctx);
    check(&d);
    assert_eq!(d.status, Some(status));

    // The body as the gateway's answer.
    let (read, object) = read_body(Some(status), text);
    assert_eq!(read.status, Some(status));
    // Unreadable: no JSON object, or a 2xx one that is not the envelope (no `code`, no `event`).
    let own = object.as_ref().map(read_object);
    let not_envelope = |a: &Answer| a.code.is_none() && !a.code_unreadable && a.event.is_none();
    assert_eq!(read.body_unreadable, own.as_ref().is_none_or(|a| (200..=299).contains(&status) && not_envelope(a)));
    assert!(!read.code_unreadable || read.code.is_none());
    check_decode(&read, ctx);
    let response = decode_response(status, text, &ctx);
    assert_eq!(decode_response(status, text, &ctx), response, "not deterministic");
    match &response {
        Ok(success) => {
            assert!((200..=299).contains(&status));
            let envelope = read_object(&success.envelope);
            assert_eq!(envelope.code, Some(0));
            assert_eq!(envelope.event, None);
            assert!(success.msg_conflict.is_none_or(|c| c.category != Category::Success));
        }
        Err(d) => {
            check(d);
            assert_eq!(d.status, Some(status));
        }
    }
    if let Some(object) = &object {
        let notice = decode_event(object, &ctx);
        let has_event = read.event.as_deref().is_some_and(|e| !e.trim().is_empty());
        assert_eq!(notice.is_some(), has_event);
        if let Some(e) = notice {
            assert!(!e.kind.trim().is_empty());
            assert!(matches!(e.decoded.category, Category::Fraud | Category::Dispute | Category::Unknown), "{e:?}");
            check(&e.decoded);
        }
        for (_, value) in object.iter().take(16) {
            check_status(order_status::from_value(value));
        }
    }
    if let Ok(value) = json::parse_value(text) {
        check_status(order_status::from_value(&value));
    }

    for piece in [msg, event, dispute] {
        check_text(piece);
    }
    check_status(order_status::from_code(code));
    check_status(order_status::from_code(status));
    for f in [f64::from_bits(code as u64), code as f64] {
        if let Some(n) = integer_from_f64(f) {
            assert_eq!(n as f64, f);
            assert!(n.abs() < 1_000_000_000_000_000);
        }
    }
});
