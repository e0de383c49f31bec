//! Parameter validation for every request the gateway takes (spec sections 2 and 4), for forms and for
//! servers: all issues at once, each with a path, a stable code, a severity, the gateway's business code
//! when known, and a message in English or Simplified Chinese.
//!
//! Input is arbitrary JSON ([`json::Value`]), because that is what forms produce. Nothing here reads the
//! clock: expiry and date-of-birth checks use [`Options::now_ms`].
//!
//! ```
//! use lesspay2::validation::{validate_json, Kind, Options};
//!
//! let report = validate_json(Kind::FetchPayout, r#"{"request_id":"R1"}"#, &Options::new(0));
//! assert!(report.valid);
//! let report = validate_json(Kind::FetchPayout, r#"{}"#, &Options::new(0));
//! assert_eq!(report.issues[0].code.as_str(), "one_of_required");
//! ```

use std::borrow::Cow;

use crate::json::{self, Object, Value};

mod currency;
mod formats;
mod messages;
mod payin;
mod payout;
mod rules;

pub use messages::Locale;
use messages::Msg;

/// The requests that can be validated (one per gateway endpoint that takes parameters).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    /// `/api/global/v1/pay/create-order`
    CreatePayin,
    /// `/api/global/v1/pay/query-order`
    FetchPayin,
    /// `/api/global/payout/create-order` (single payout, beneficiary model)
    CreatePayout,
    /// `/api/global/payout/batch/create-order`
    CreatePayoutBatch,
    /// `/api/global/payout/query`
    FetchPayout,
    /// `/api/global/payout/bank`
    PayoutBanks,
}

impl Kind {
    /// Every kind, in the order of the spec.
    pub const ALL: [Kind; 6] = [
        Kind::CreatePayin,
        Kind::FetchPayin,
        Kind::CreatePayout,
        Kind::CreatePayoutBatch,
        Kind::FetchPayout,
        Kind::PayoutBanks,
    ];

    /// The JavaScript name (`createPayin`, ...).
    pub fn name(self) -> &'static str {
        match self {
            Kind::CreatePayin => "createPayin",
            Kind::FetchPayin => "fetchPayin",
            Kind::CreatePayout => "createPayout",
            Kind::CreatePayoutBatch => "createPayoutBatch",
            Kind::FetchPayout => "fetchPayout",
            Kind::PayoutBanks => "payoutBanks",
        }
    }

    /// The API path of the request ([`crate::request::paths`]), for the URL it is sent to.
    pub fn path(self) -> &'static str {
        use crate::request::paths;
        match self {
            Kind::CreatePayin => paths::CREATE_PAYIN,
            Kind::FetchPayin => paths::FETCH_PAYIN,
            Kind::CreatePayout => paths::CREATE_PAYOUT,
            Kind::CreatePayoutBatch => paths::CREATE_PAYOUT_BATCH,
            Kind::FetchPayout => paths::FETCH_PAYOUT,
            Kind::PayoutBanks => paths::PAYOUT_BANKS,
        }
    }

    /// The kind with this JavaScript name.
    pub fn from_name(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.name() == name)
    }

    /// The business code the gateway answers a parameter error of this request with, when published:
    /// 11 (Parameter Error) for pay-ins, 30000 (Invalid Parameter) for payouts. The fetch pay-in
    /// messages come without a published code.
    fn parameter_error_code(self) -> Option<u32> {
        match self {
            Kind::CreatePayin => Some(11),
            Kind::FetchPayin => None,
            _ => Some(30000),
        }
    }
}

/// The JavaScript name, as [`Kind::name`] writes it.
impl std::fmt::Display for Kind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// The kind with this JavaScript name (`"createPayin"`), as [`Kind::from_name`] reads it.
impl std::str::FromStr for Kind {
    type Err = UnknownKind;
    fn from_str(name: &str) -> Result<Kind, UnknownKind> {
        Kind::from_name(name).ok_or(UnknownKind)
    }
}

/// A request kind name that is none of [`Kind::ALL`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UnknownKind;

impl std::fmt::Display for UnknownKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("not a request kind: createPayin, fetchPayin, createPayout, createPayoutBatch, fetchPayout or payoutBanks")
    }
}

impl std::error::Error for UnknownKind {}

/// How bad an issue is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Severity {
    /// The gateway rejects the request.
    Error,
    /// The request only looks wrong (an unknown field, an unknown but well-formed currency, ...).
    Warning,
}

impl Severity {
    /// `error` or `warning`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// The stable machine code of an issue (the README has the table).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[allow(missing_docs)]
pub enum Code {
    Required,
    Type,
    Format,
    TooLong,
    Enum,
    AmountNotString,
    AmountFormat,
    AmountPrecision,
    CurrencyFormat,
    CurrencyUnknown,
    Url,
    OneOfRequired,
    SumMismatch,
    Duplicate,
    Checksum,
    Expired,
    TimeRange,
    UnsupportedCombination,
    UnknownField,
    /// Added to the issue's vocabulary: a number outside its bounds (`page`, `page_size`,
    /// `expiry_month`, `expired_time`); `params.min` and `params.max` say which.
    OutOfRange,
    /// Added too: more than [`MAX_ISSUES`] problems. The report lists the first `params.max` and ends
    /// with this one, at `[]`.
    TooManyIssues,
}

/// The most issues a report lists before it ends with one `too_many_issues`. Every issue is a rendered
/// message: a batch of a million empty details would otherwise be nine million of them (gigabytes, and
/// in wasm the end of a 4 GB memory). A full batch of 1,000 details missing every field stays under it.
pub const MAX_ISSUES: usize = 10_000;

impl Code {
    /// The code as written in issues (`required`, `amount_format`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            Code::Required => "required",
            Code::Type => "type",
            Code::Format => "format",
            Code::TooLong => "too_long",
            Code::Enum => "enum",
            Code::AmountNotString => "amount_not_string",
            Code::AmountFormat => "amount_format",
            Code::AmountPrecision => "amount_precision",
            Code::CurrencyFormat => "currency_format",
            Code::CurrencyUnknown => "currency_unknown",
            Code::Url => "url",
            Code::OneOfRequired => "one_of_required",
            Code::SumMismatch => "sum_mismatch",
            Code::Duplicate => "duplicate",
            Code::Checksum => "checksum",
            Code::Expired => "expired",
            Code::TimeRange => "time_range",
            Code::UnsupportedCombination => "unsupported_combination",
            Code::UnknownField => "unknown_field",
            Code::OutOfRange => "out_of_range",
            Code::TooManyIssues => "too_many_issues",
        }
    }
}

display_as_str!(Severity, Code);

/// One step of an issue's path: an object key or an array index.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Segment {
    /// An object member.
    Key(String),
    /// An array element.
    Index(usize),
}

impl From<&str> for Segment {
    fn from(key: &str) -> Self {
        Segment::Key(key.to_owned())
    }
}

impl From<usize> for Segment {
    fn from(index: usize) -> Self {
        Segment::Index(index)
    }
}

/// A value in an issue's `params` (what the message was built from: limits, allowed values, ...).
/// Never a secret, a card number or a CVV.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Param {
    /// Text.
    Text(String),
    /// A whole number.
    Int(i64),
}

impl std::fmt::Display for Param {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Param::Text(s) => f.write_str(s),
            Param::Int(n) => write!(f, "{n}"),
        }
    }
}

/// One problem found in the parameters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Issue {
    /// Where: keys and indexes from the request's root; empty for the whole request.
    pub path: Vec<Segment>,
    /// What, as a stable machine code.
    pub code: Code,
    /// Whether the gateway rejects it.
    pub severity: Severity,
    /// One sentence a merchant can act on, in the requested locale.
    pub message: String,
    /// What the message was built from (`max`, `allowed`, `expected`, ...).
    pub params: Vec<(&'static str, Param)>,
    /// The business code the gateway would answer with, when known.
    pub gateway_code: Option<u32>,
}

impl Issue {
    /// The parameter `name`, if the issue has it.
    pub fn param(&self, name: &str) -> Option<&Param> {
        self.params.iter().find(|(n, _)| *n == name).map(|(_, v)| v)
    }
}

/// How to validate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Options {
    /// The language of messages.
    pub locale: Locale,
    /// The current time in milliseconds since the epoch (card expiry, date of birth).
    pub now_ms: i64,
}

impl Options {
    /// English messages at the given time.
    pub fn new(now_ms: i64) -> Self {
        Options { locale: Locale::En, now_ms }
    }
}

/// The outcome: `valid` when no issue is an error.
#[derive(Clone, Debug, PartialEq, Eq)]
#[must_use]
pub struct Report {
    /// No issue has severity `error`.
    pub valid: bool,
    /// Every issue found, object by object: unknown fields first, then each documented field in the
    /// order of the spec's table, then the checks across fields (one of, sums, combinations).
    pub issues: Vec<Issue>,
}

impl Report {
    fn new(issues: Vec<Issue>) -> Self {
        Report { valid: issues.iter().all(|i| i.severity != Severity::Error), issues }
    }
}

/// Validates the parameters of a `kind` request.
pub fn validate(kind: Kind, params: &Value<'_>, options: &Options) -> Report {
    validate_below(kind, params, options, &[])
}

/// [`validate`], keeping only the issues at `below` or under it: they alone count toward
/// [`MAX_ISSUES`], so that a field's issues are never crowded out by the rest of a long form's.
fn validate_below(kind: Kind, params: &Value<'_>, options: &Options, below: &[Segment]) -> Report {
    let mut c = Ctx::new(kind, options);
    c.below = below;
    let root = At::ROOT;
    match params {
        Value::Object(p) => match kind {
            Kind::CreatePayin => payin::create(&mut c, p, &root),
            Kind::FetchPayin => payin::fetch(&mut c, p, &root),
            Kind::CreatePayout => payout::create(&mut c, p, &root),
            Kind::CreatePayoutBatch => payout::batch(&mut c, p, &root),
            Kind::FetchPayout => payout::fetch(&mut c, p, &root),
            Kind::PayoutBanks => payout::banks(&mut c, p, &root),
        },
        other => c.type_error(&root, "object", other.type_name()),
    }
    Report::new(c.issues)
}

/// Validates parameters given as JSON text. Text that is not strict JSON is one `format` issue at `[]`.
pub fn validate_json(kind: Kind, text: &str, options: &Options) -> Report {
    validate_json_below(kind, text, options, &[])
}

/// [`validate_json`] keeping only the issues at `below` or under it (and the `format` issue of text
/// that cannot be read at all, which a field may cause): `validateField`'s in JavaScript.
pub(crate) fn validate_json_below(kind: Kind, text: &str, options: &Options, below: &[Segment]) -> Report {
    match json::parse_value(text) {
        Ok(value) => validate_below(kind, &value, options, below),
        Err(e) => {
            let mut c = Ctx::new(kind, options);
            // Said in the user's language, of params (the parser's reasons are English, about a body).
            // A syntax error is said by where it is (its kind is what any JSON tool says, and each kind
            // in two languages measured 1.4 KB gzipped in `lesspay2/client`); what strict JSON allows
            // and the gateway does not is said in full.
            use json::JsonErrorKind as K;
            let at = ("at", P::I(i64::try_from(e.offset).unwrap_or(i64::MAX)));
            let (msg, params): (Msg, Params) = match &e.kind {
                K::Empty | K::NotAnObject => (messages::PARSE_EMPTY, &[]),
                // A form's usual cause: a length limit that cut an emoji in two.
                K::LoneSurrogate => (messages::HALF_CHARACTER, &[]),
                K::NumberOutOfRange => (messages::PARSE_NUMBER_RANGE, &[at]),
                K::TooDeep => (messages::PARSE_DEEP, &[at, ("max", P::I(json::MAX_DEPTH as i64))]),
                K::DirectiveKey(key) => (messages::PARSE_DIRECTIVE, &[at, ("key", P::T(key))]),
                _ => (messages::PARSE, &[at]),
            };
            c.error(&At::ROOT, Code::Format, msg, params);
            Report::new(c.issues)
        }
    }
}

/// The report for parameters that are no JSON value at all (a JavaScript `undefined` or function):
/// one `type` issue at `[]`.
pub fn not_an_object(kind: Kind, actual: &str, options: &Options) -> Report {
    let mut c = Ctx::new(kind, options);
    c.type_error(&At::ROOT, "object", actual);
    Report::new(c.issues)
}

/// Validates one field as a user types it: `value` (or its absence) placed at `path` inside `context`
/// (the rest of the form), with exactly the issues [`validate`] reports at `path` or below it.
///
/// A `path` of [`json::MAX_DEPTH`] steps or more, which puts the value deeper than params may nest,
/// has none: issues sit at a request's fields, a few levels deep, or at the first unknown key of a
/// path. It is answered without building it (a path passed along from a browser could otherwise be
/// deep enough to overflow the stack). So has an index past 100,000 that `context`'s list does not
/// already reach: the list is not padded that far (a typo's index must not allocate a huge list).
/// Only the field's issues count toward [`MAX_ISSUES`]: the rest of a long form cannot crowd them out.
pub fn validate_field(
    kind: Kind,
    path: &[Segment],
    value: Option<&Value<'_>>,
    context: Option<&Value<'_>>,
    options: &Options,
) -> Report {
    if path.len() >= json::MAX_DEPTH {
        return Report::new(Vec::new());
    }
    let mut params = match context {
        Some(v) => v.clone(),
        None => Value::Object(Object::default()),
    };
    set_at(&mut params, path, value.cloned());
    validate_below(kind, &params, options, path)
}

/// Puts `value` at `path` (removing the member when `None`), making objects and arrays on the way.
fn set_at<'a>(target: &mut Value<'a>, path: &[Segment], value: Option<Value<'a>>) {
    let Some((first, rest)) = path.split_first() else {
        *target = value.unwrap_or(Value::Null);
        return;
    };
    match first {
        Segment::Key(key) => {
            if !matches!(target, Value::Object(_)) {
                *target = Value::Object(Object::default());
            }
            let Value::Object(obj) = target else { return };
            if rest.is_empty() && value.is_none() {
                obj.remove(key);
                return;
            }
            if obj.get(key).is_none() {
                obj.insert(Cow::Owned(key.clone()), Value::Null);
            }
            if let Some(slot) = obj.get_mut(key) {
                set_at(slot, rest, value);
            }
        }
        Segment::Index(index) => {
            if !matches!(target, Value::Array(_)) {
                *target = Value::Array(Vec::new());
            }
            let Value::Array(items) = target else { return };
            // Forms have small arrays; a huge index from a typo must not allocate gigabytes. An element
            // the form already has is replaced whatever its index.
            if *index > 100_000 && *index >= items.len() {
                return;
            }
            while items.len() <= *index {
                items.push(Value::Null);
            }
            if let Some(slot) = items.get_mut(*index) {
                set_at(slot, rest, value);
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------------
// The machinery the request modules share.

/// A path under construction: a linked list on the stack, turned into segments only for an issue.
#[derive(Clone, Copy)]
pub(crate) struct At<'a> {
    parent: Option<&'a At<'a>>,
    seg: Seg<'a>,
}

#[derive(Clone, Copy)]
enum Seg<'a> {
    Root,
    Key(&'a str),
    Index(usize),
}

impl<'a> At<'a> {
    const ROOT: At<'static> = At { parent: None, seg: Seg::Root };

    pub(crate) fn key<'b>(&'b self, key: &'b str) -> At<'b> {
        At { parent: Some(self), seg: Seg::Key(key) }
    }

    pub(crate) fn index(&'a self, index: usize) -> At<'a> {
        At { parent: Some(self), seg: Seg::Index(index) }
    }

    fn segments(&self) -> Vec<Segment> {
        let mut out = Vec::new();
        let mut at = Some(self);
        while let Some(a) = at {
            match a.seg {
                Seg::Root => {}
                Seg::Key(k) => out.push(Segment::Key(k.to_owned())),
                Seg::Index(i) => out.push(Segment::Index(i)),
            }
            at = a.parent;
        }
        out.reverse();
        out
    }
}

/// `payout_order_details[3].amount`, or `params` for the whole request.
pub(crate) fn field_name(path: &[Segment]) -> String {
    if path.is_empty() {
        return "params".into();
    }
    let mut out = String::new();
    for seg in path {
        match seg {
            Segment::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            Segment::Index(i) => {
                out.push('[');
                crate::json::push_int(&mut out, *i as i64);
                out.push(']');
            }
        }
    }
    out
}

/// Whether a missing field is an error, a warning, or fine.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Need {
    Required,
    Optional,
}

/// A param as the checks give it: borrowed, turned into an owned [`Param`] only when an issue is made.
#[derive(Clone, Copy)]
pub(crate) enum P<'a> {
    T(&'a str),
    I(i64),
}

type Params<'p, 'a> = &'p [(&'static str, P<'a>)];

fn text(s: &str) -> P<'_> {
    P::T(s)
}

/// A member, with `null` and `""` counted as absent (the gateway drops both before reading anything).
pub(crate) fn member<'v, 'a>(obj: &'v Object<'a>, key: &str) -> Option<&'v Value<'a>> {
    obj.get(key).filter(|v| !v.is_empty_value())
}

pub(crate) struct Ctx<'o> {
    opts: &'o Options,
    /// The business code of a parameter error of this request (11 or 30000).
    gateway: Option<u32>,
    /// A payout request: amounts, countries and currencies have their own business codes.
    payout: bool,
    /// The currency the following amounts are checked against (code, fraction digits).
    currency: Option<(String, u8)>,
    /// Only issues at this path or under it are kept (`validate_field`'s); empty: all.
    below: &'o [Segment],
    issues: Vec<Issue>,
}

impl<'o> Ctx<'o> {
    fn new(kind: Kind, opts: &'o Options) -> Self {
        let payout = !matches!(kind, Kind::CreatePayin | Kind::FetchPayin);
        Ctx { opts, gateway: kind.parameter_error_code(), payout, currency: None, below: &[], issues: Vec::new() }
    }
}

impl Ctx<'_> {
    fn push(&mut self, at: &At, code: Code, severity: Severity, msg: Msg, params: Params, gateway: Option<u32>) {
        let path = at.segments();
        if !path.starts_with(self.below) {
            return;
        }
        // Past the limit nothing more is rendered: one issue says so, and the rest is dropped.
        if self.issues.len() >= MAX_ISSUES {
            // (Said at `[]`, so not in a field's report, which holds only issues at its path.)
            if self.issues.len() == MAX_ISSUES && self.below.is_empty() {
                let params = vec![("max", Param::Int(MAX_ISSUES as i64))];
                let message = messages::TOO_MANY_ISSUES.render(self.opts.locale, "", &params);
                let issue = Issue { path: Vec::new(), code: Code::TooManyIssues, severity: Severity::Error, message, params, gateway_code: None };
                self.issues.push(issue);
            }
            return;
        }
        let params: Vec<(&'static str, Param)> = params
            .iter()
            .map(|(name, p)| {
                let value = match p {
                    P::T(s) => Param::Text((*s).to_owned()),
                    P::I(n) => Param::Int(*n),
                };
                (*name, value)
            })
            .collect();
        let message = msg.render(self.opts.locale, &field_name(&path), &params);
        self.issues.push(Issue { path, code, severity, message, params, gateway_code: gateway });
    }

    pub(crate) fn error(&mut self, at: &At, code: Code, msg: Msg, params: Params) {
        self.push(at, code, Severity::Error, msg, params, self.gateway);
    }

    /// An error with a specific business code (30002, 30004, ...) instead of the request's generic one.
    pub(crate) fn error_gw(&mut self, at: &At, code: Code, msg: Msg, params: Params, gateway: Option<u32>) {
        let gateway = gateway.or(self.gateway);
        self.push(at, code, Severity::Error, msg, params, gateway);
    }

    pub(crate) fn warn(&mut self, at: &At, code: Code, msg: Msg, params: Params) {
        self.push(at, code, Severity::Warning, msg, params, None);
    }

    /// [`Ctx::error`] or [`Ctx::warn`], for a check whose severity its caller decides.
    pub(crate) fn report(&mut self, severity: Severity, at: &At, code: Code, msg: Msg, params: Params) {
        match severity {
            Severity::Error => self.error(at, code, msg, params),
            Severity::Warning => self.warn(at, code, msg, params),
        }
    }

    pub(crate) fn now_ms(&self) -> i64 {
        self.opts.now_ms
    }

    fn type_error(&mut self, at: &At, expected: &'static str, actual: &str) {
        let params = &[("expected", text(expected)), ("actual", text(actual))];
        let msg = if matches!(at.seg, Seg::Root) { messages::PARAMS_TYPE } else { messages::TYPE };
        self.error(at, Code::Type, msg, params);
    }

    /// The member `key`, reporting it when missing.
    pub(crate) fn present<'v, 'a>(&mut self, obj: &'v Object<'a>, key: &str, at: &At, need: Need) -> Option<&'v Value<'a>> {
        let v = member(obj, key);
        if v.is_none() {
            match need {
                Need::Required => self.error(&at.key(key), Code::Required, messages::REQUIRED, &[]),
                Need::Optional => {}
            }
        }
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn length(v: &Value<'_>) -> Option<usize> {
        match v {
            Value::Array(items) => Some(items.len()),
            _ => None,
        }
    }

    #[test]
    fn set_at_pads_an_array_up_to_index_100_000_and_replaces_any_element_it_has() {
        let one = Some(Value::Bool(true));
        // Padded with nulls up to index 100,000; past it nothing is made.
        let mut padded = Value::Array(Vec::new());
        set_at(&mut padded, &[Segment::from(100_000)], one.clone());
        assert_eq!((length(&padded), matches!(&padded, Value::Array(a) if a.last() == Some(&Value::Bool(true)))), (Some(100_001), true));
        let mut refused = Value::Array(Vec::new());
        set_at(&mut refused, &[Segment::from(100_001)], one.clone());
        assert_eq!(length(&refused), Some(0));
        // An array that already reaches the index gets the value there.
        let mut long = Value::Array(vec![Value::Null; 100_003]);
        set_at(&mut long, &[Segment::from(100_002)], one);
        assert_eq!(
            (length(&long), matches!(&long, Value::Array(a) if a.get(100_002) == Some(&Value::Bool(true)))),
            (Some(100_003), true)
        );
    }
}
