//! Any bytes as a request's parameters, for every request kind, in both locales and at any clock:
//! `validate_json`, `validate`, `validate_field`, `not_an_object`, `Kind::from_name` and `Locale::from_tag`
//! never panic, and
//! - every issue has a path, except the whole request's `type`/`format` issue at `[]`; its code is one of
//!   the crate's `Code`s (snake_case, one spelling per code) and carries the params the README's table
//!   names (`too_long`: `max` < `length`, `out_of_range`: `min` ≤ `max`, `sum_mismatch`: `expected` ≠
//!   `actual`, `duplicate`: `first` before the repeat, `too_many_issues`: `max`, last, after `max` others, ...); its message is not blank and has no unfilled
//!   `{placeholder}`; `valid` is exactly "no issue is an error"; fetch pay-in issues carry no gateway code;
//! - validating is deterministic, and zh-CN reports the same issues as English, messages aside;
//! - `validate_field` at the path of each reported issue, with the value found there and the document as
//!   context, reports exactly what `validate` reports at or below that path; at any other path (a required
//!   field given the raw text, a path through a non-container, a huge index) only issues at or below it;
//! - no message or param repeats a card number or CVV (`card_data.number` / `card_data.cvv`): checked for
//!   values of 12 or more digits found in no other key or value of the input (shorter digit runs, up to
//!   `2147483647`, occur in messages legitimately; sums of amounts are computed, so `sum_mismatch` issues
//!   are left out).
//!
//! Input: byte 0 picks the kind (`Kind::ALL[b % 6]`) and how the free `validate_field` call is made (`b / 6`:
//! context, value, suffix); bytes 1..9 are the clock (`now_ms`, little-endian `i64`); the rest is the JSON text.
#![no_main]
use std::borrow::Cow;

use libfuzzer_sys::fuzz_target;
use lesspay2::json::{self, JsonErrorKind, Object, Value};
use lesspay2::validation::{
    not_an_object, validate, validate_field, validate_json, Code, Issue, Kind, Locale, Options, Param, Report, Segment,
    Severity,
};

/// Every `Code`, from the crate's enum. The match below has no wildcard: a new code fails to compile here.
const CODES: [Code; 21] = [
    Code::Required,
    Code::Type,
    Code::Format,
    Code::TooLong,
    Code::Enum,
    Code::AmountNotString,
    Code::AmountFormat,
    Code::AmountPrecision,
    Code::CurrencyFormat,
    Code::CurrencyUnknown,
    Code::Url,
    Code::OneOfRequired,
    Code::SumMismatch,
    Code::Duplicate,
    Code::Checksum,
    Code::Expired,
    Code::TimeRange,
    Code::UnsupportedCombination,
    Code::UnknownField,
    Code::OutOfRange,
    Code::TooManyIssues,
];

fn check_code(code: Code) {
    match code {
        Code::Required
        | Code::Type
        | Code::Format
        | Code::TooLong
        | Code::Enum
        | Code::AmountNotString
        | Code::AmountFormat
        | Code::AmountPrecision
        | Code::CurrencyFormat
        | Code::CurrencyUnknown
        | Code::Url
        | Code::OneOfRequired
        | Code::SumMismatch
        | Code::Duplicate
        | Code::Checksum
        | Code::Expired
        | Code::TimeRange
        | Code::UnsupportedCombination
        | Code::UnknownField
        | Code::OutOfRange
        | Code::TooManyIssues => {}
    }
    let name = code.as_str();
    assert!(!name.is_empty() && name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'), "{code:?} is {name:?}");
    assert_eq!(CODES.iter().filter(|c| c.as_str() == name).count(), 1, "{name:?} names more than one code");
}

fn int(issue: &Issue, name: &str) -> Option<i64> {
    match issue.param(name) {
        Some(Param::Int(n)) => Some(*n),
        _ => None,
    }
}

fn text<'i>(issue: &'i Issue, name: &str) -> Option<&'i str> {
    match issue.param(name) {
        Some(Param::Text(s)) => Some(s),
        _ => None,
    }
}

/// The invariants of one report. `braces`: whether any key or string of the input holds `{` or `}`
/// (`None` when the input is not a parsed document: parse errors quote it).
fn check(kind: Kind, report: &Report, braces: Option<bool>) {
    assert_eq!(report.valid, report.issues.iter().all(|i| i.severity != Severity::Error));
    for issue in &report.issues {
        assert!(!issue.path.is_empty() || matches!(issue.code, Code::Type | Code::Format | Code::TooManyIssues), "{issue:?}");
        check_code(issue.code);
        assert!(!issue.message.trim().is_empty(), "{issue:?}");
        if braces == Some(false) {
            assert!(!issue.message.contains(['{', '}']), "unfilled placeholder: {issue:?}");
        }
        if kind == Kind::FetchPayin {
            assert_eq!(issue.gateway_code, None, "{issue:?}");
        }
        match issue.code {
            Code::TooLong => {
                let (max, length) = (int(issue, "max"), int(issue, "length"));
                assert!(matches!((max, length), (Some(m), Some(l)) if m < l), "{issue:?}");
            }
            Code::TooManyIssues => {
                // The last issue, after exactly `max` others.
                assert_eq!(int(issue, "max"), Some(lesspay2::validation::MAX_ISSUES as i64), "{issue:?}");
                assert!(std::ptr::eq(issue, report.issues.last().unwrap_or(issue)), "{issue:?}");
                assert_eq!(report.issues.len(), lesspay2::validation::MAX_ISSUES + 1);
            }
            Code::OutOfRange => {
                let (min, max) = (int(issue, "min"), int(issue, "max"));
                assert!(matches!((min, max), (Some(a), Some(b)) if a <= b), "{issue:?}");
            }
            Code::SumMismatch => {
                let (expected, actual) = (text(issue, "expected"), text(issue, "actual"));
                assert!(matches!((expected, actual), (Some(e), Some(a)) if e != a), "{issue:?}");
            }
            Code::Duplicate => {
                let repeat = issue.path.iter().rev().find_map(|s| match s {
                    Segment::Index(i) => i64::try_from(*i).ok(),
                    Segment::Key(_) => None,
                });
                assert!(matches!((int(issue, "first"), repeat), (Some(f), Some(r)) if f < r), "{issue:?}");
            }
            Code::OneOfRequired => assert!(text(issue, "fields").is_some(), "{issue:?}"),
            Code::AmountPrecision => {
                assert!(int(issue, "digits").is_some() && text(issue, "currency").is_some(), "{issue:?}");
            }
            _ => {}
        }
    }
}

/// Everything but the messages.
fn same_issues(a: &Report, b: &Report) -> bool {
    a.valid == b.valid
        && a.issues.len() == b.issues.len()
        && a.issues.iter().zip(&b.issues).all(|(x, y)| {
            x.path == y.path
                && x.code == y.code
                && x.severity == y.severity
                && x.params == y.params
                && x.gateway_code == y.gateway_code
        })
}

/// The keys, strings and number texts of a document, apart from the card numbers and CVVs.
#[derive(Default)]
struct Texts<'v> {
    card: Vec<&'v str>,
    other: Vec<&'v str>,
}

impl<'v> Texts<'v> {
    fn walk(&mut self, value: &'v Value<'_>, in_card_data: bool) {
        match value {
            Value::Null | Value::Bool(_) => {}
            Value::Number(n) => self.other.push(n),
            Value::String(s) => self.other.push(s),
            Value::Array(items) => items.iter().for_each(|v| self.walk(v, false)),
            Value::Object(obj) => self.object(obj, in_card_data),
        }
    }

    fn object(&mut self, obj: &'v Object<'_>, in_card_data: bool) {
        for (key, value) in obj.iter() {
            self.other.push(key);
            match value {
                Value::String(s) if in_card_data && (key == "number" || key == "cvv") => self.card.push(s),
                _ => self.walk(value, key == "card_data"),
            }
        }
    }
}

fn check_card_data(report: &Report, texts: &Texts) {
    for secret in &texts.card {
        if secret.len() < 12 || !secret.bytes().all(|b| b.is_ascii_digit()) || texts.other.iter().any(|o| o.contains(secret)) {
            continue;
        }
        for issue in report.issues.iter().filter(|i| i.code != Code::SumMismatch) {
            assert!(!issue.message.contains(secret), "card data in a message: {issue:?}");
            for (name, param) in &issue.params {
                assert!(!matches!(param, Param::Text(t) if t.contains(secret)), "card data in param {name}: {issue:?}");
            }
        }
    }
}

/// The value at `path`, if there is one.
fn value_at<'d, 'a>(doc: &'d Value<'a>, path: &[Segment]) -> Option<&'d Value<'a>> {
    path.iter().try_fold(doc, |v, seg| match (v, seg) {
        (Value::Object(o), Segment::Key(k)) => o.get(k),
        (Value::Array(a), Segment::Index(i)) => a.get(*i),
        _ => None,
    })
}

fn run(kind: Kind, variant: u8, now_ms: i64, text: &str) {
    let en = Options { locale: Locale::En, now_ms };
    let zh = Options { locale: Locale::ZhCn, now_ms };
    let report = validate_json(kind, text, &en);
    assert_eq!(validate_json(kind, text, &en), report, "not deterministic");
    let report_zh = validate_json(kind, text, &zh);
    assert!(same_issues(&report, &report_zh), "zh-CN differs from English beyond the messages:\n{report:?}\n{report_zh:?}");

    let doc = json::parse_value(text).ok();
    let mut braces = None;
    if let Some(doc) = &doc {
        let mut texts = Texts::default();
        texts.walk(doc, false);
        braces = Some(texts.other.iter().chain(&texts.card).any(|t| t.contains(['{', '}'])));
        check_card_data(&report, &texts);
        check_card_data(&report_zh, &texts);
        assert_eq!(validate(kind, doc, &en), report);
    } else {
        assert_eq!(report.issues.len(), 1);
        assert!(report.issues.iter().all(|i| i.path.is_empty() && i.code == Code::Format));
    }
    check(kind, &report, braces);
    check(kind, &report_zh, braces);

    // Field by field at the reported paths: exactly the issues at or below each.
    if let Some(doc) = &doc {
        let mut paths: Vec<&[Segment]> = Vec::new();
        for issue in &report.issues {
            if paths.len() < 4 && !paths.contains(&issue.path.as_slice()) {
                paths.push(&issue.path);
            }
        }
        for path in paths {
            let field = validate_field(kind, path, value_at(doc, path), Some(doc), &en);
            let expected: Vec<&Issue> = report.issues.iter().filter(|i| i.path.starts_with(path)).collect();
            assert_eq!(field.issues.iter().collect::<Vec<_>>(), expected, "validate_field at {path:?}");
            assert_eq!(field.valid, expected.iter().all(|i| i.severity != Severity::Error));
        }
    }

    // Anywhere else: a required field (from the empty request's report, picked by the text's length) given
    // nothing, the raw text or the document, as is or below it (an index into what may be no array, or one
    // too large to make), with or without the document as context.
    let empty = validate(kind, &Value::Object(Object::default()), &en);
    let pick = empty.issues.get(text.len() % empty.issues.len().max(1));
    let mut path = pick.map(|i| i.path.clone()).unwrap_or_default();
    match (variant / 6) % 3 {
        1 => path.push(Segment::Index(usize::from(variant % 8))),
        2 => path.push(Segment::Index(100_001)),
        _ => {}
    }
    let raw = Value::String(Cow::Borrowed(text));
    let value = match (variant / 2) % 3 {
        0 => None,
        1 => Some(&raw),
        _ => Some(doc.as_ref().unwrap_or(&raw)),
    };
    let context = if variant % 2 == 0 { doc.as_ref() } else { None };
    for options in [&en, &zh] {
        let field = validate_field(kind, &path, value, context, options);
        assert!(field.issues.iter().all(|i| i.path.starts_with(&path)), "validate_field at {path:?}: {field:?}");
        check(kind, &field, None);
    }

    let whole = not_an_object(kind, text, &zh);
    assert!(!whole.valid && whole.issues.len() == 1);
    check(kind, &whole, None);

    if let Some(k) = Kind::from_name(text) {
        assert_eq!(k.name(), text);
    }
    assert_eq!(Locale::from_tag(text), Locale::from_tag(&text.to_ascii_uppercase()));
}

fuzz_target!(|data: &[u8]| {
    let (head, body) = data.split_at(data.len().min(9));
    let selector = head.first().copied().unwrap_or(0);
    let kind = Kind::ALL[usize::from(selector) % Kind::ALL.len()];
    let mut clock = [0u8; 8];
    clock.iter_mut().zip(head.iter().skip(1)).for_each(|(c, b)| *c = *b);
    let now_ms = i64::from_le_bytes(clock);
    match std::str::from_utf8(body) {
        Ok(text) => run(kind, selector / 6, now_ms, text),
        Err(_) => {
            let err = json::parse_object_bytes(body).err().map(|e| e.kind);
            assert_eq!(err, Some(JsonErrorKind::InvalidUtf8));
            run(kind, selector / 6, now_ms, &String::from_utf8_lossy(body));
        }
    }
});
