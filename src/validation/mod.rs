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
use std::collections::BTreeMap;

use crate::json::{self, Object, Value};

mod currency;
mod formats;
mod messages;
mod payin;
mod payout;

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

/// How bad an issue is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
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
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
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
}

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
        }
    }
}

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
pub struct Report {
    /// No issue has severity `error`.
    pub valid: bool,
    /// Every issue found, in document order.
    pub issues: Vec<Issue>,
}

impl Report {
    fn new(issues: Vec<Issue>) -> Self {
        Report { valid: issues.iter().all(|i| i.severity != Severity::Error), issues }
    }
}

/// Validates the parameters of a `kind` request.
pub fn validate(kind: Kind, params: &Value<'_>, options: &Options) -> Report {
    let mut c = Ctx { opts: options, gateway: kind.parameter_error_code(), issues: Vec::new() };
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
    match json::parse_value(text) {
        Ok(value) => validate(kind, &value, options),
        Err(e) => {
            let mut c = Ctx { opts: options, gateway: kind.parameter_error_code(), issues: Vec::new() };
            c.error(&At::ROOT, Code::Format, messages::PARSE, vec![("reason", Param::Text(e.to_string()))]);
            Report::new(c.issues)
        }
    }
}

/// The report for parameters that are no JSON value at all (a JavaScript `undefined` or function):
/// one `type` issue at `[]`.
pub fn not_an_object(kind: Kind, actual: &str, options: &Options) -> Report {
    let mut c = Ctx { opts: options, gateway: kind.parameter_error_code(), issues: Vec::new() };
    c.type_error(&At::ROOT, "object", actual);
    Report::new(c.issues)
}

/// Validates one field as a user types it: `value` (or its absence) placed at `path` inside `context`
/// (the rest of the form), with exactly the issues [`validate`] reports at `path` or below it.
pub fn validate_field(
    kind: Kind,
    path: &[Segment],
    value: Option<&Value<'_>>,
    context: Option<&Value<'_>>,
    options: &Options,
) -> Report {
    let mut params = match context {
        Some(v) => v.clone(),
        None => Value::Object(Object::default()),
    };
    set_at(&mut params, path, value.cloned());
    let report = validate(kind, &params, options);
    Report::new(report.issues.into_iter().filter(|i| i.path.starts_with(path)).collect())
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
            // Forms have small arrays; a huge index from a typo must not allocate gigabytes.
            if *index > 100_000 {
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
fn field_name(path: &[Segment]) -> String {
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
                out.push_str(&i.to_string());
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
    /// The docs mark it required but the vendor's own demo leaves it out: a warning.
    Expected,
    Optional,
}

/// A well-formed currency code and its minor units when known.
#[derive(Clone, Copy)]
pub(crate) struct Currency<'v> {
    code: &'v str,
    minor: Option<u8>,
}

type Params = Vec<(&'static str, Param)>;

fn text(s: &str) -> Param {
    Param::Text(s.to_owned())
}

/// A member, with `null` and `""` counted as absent (the gateway drops both before reading anything).
pub(crate) fn member<'v, 'a>(obj: &'v Object<'a>, key: &str) -> Option<&'v Value<'a>> {
    obj.get(key).filter(|v| !v.is_empty_value())
}

pub(crate) struct Ctx<'o> {
    opts: &'o Options,
    gateway: Option<u32>,
    issues: Vec<Issue>,
}

impl Ctx<'_> {
    fn push(&mut self, at: &At, code: Code, severity: Severity, msg: Msg, params: Params, gateway: Option<u32>) {
        let path = at.segments();
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

    pub(crate) fn now_ms(&self) -> i64 {
        self.opts.now_ms
    }

    fn type_error(&mut self, at: &At, expected: &'static str, actual: &str) {
        let params = vec![("expected", text(expected)), ("actual", text(actual))];
        let msg = if matches!(at.seg, Seg::Root) { messages::PARAMS_TYPE } else { messages::TYPE };
        self.error(at, Code::Type, msg, params);
    }

    /// The member `key`, reporting it when missing.
    pub(crate) fn present<'v, 'a>(&mut self, obj: &'v Object<'a>, key: &str, at: &At, need: Need) -> Option<&'v Value<'a>> {
        let v = member(obj, key);
        if v.is_none() {
            match need {
                Need::Required => self.error(&at.key(key), Code::Required, messages::REQUIRED, vec![]),
                Need::Expected => self.warn(&at.key(key), Code::Required, messages::EXPECTED, vec![]),
                Need::Optional => {}
            }
        }
        v
    }

    /// Warns about every member not in `known` (a typo the gateway silently ignores).
    pub(crate) fn unknown_fields(&mut self, obj: &Object, at: &At, known: &[&str]) {
        for (key, _) in obj.iter() {
            if !known.contains(&key) {
                self.warn(&at.key(key), Code::UnknownField, messages::UNKNOWN_FIELD, vec![]);
            }
        }
    }

    /// `v` as an object with the `known` members, or a `type` issue.
    pub(crate) fn object_value<'v, 'a>(&mut self, v: &'v Value<'a>, at: &At, known: &[&str]) -> Option<&'v Object<'a>> {
        match v {
            Value::Object(o) => {
                self.unknown_fields(o, at, known);
                Some(o)
            }
            other => {
                self.type_error(at, "object", other.type_name());
                None
            }
        }
    }

    /// The member `key` as an object with the `known` members.
    pub(crate) fn object<'v, 'a>(
        &mut self,
        obj: &'v Object<'a>,
        key: &str,
        at: &At,
        need: Need,
        known: &[&str],
    ) -> Option<&'v Object<'a>> {
        let v = self.present(obj, key, at, need)?;
        self.object_value(v, &at.key(key), known)
    }

    /// The member `key` as a string of at most `max` characters (0: no limit).
    pub(crate) fn text<'v>(&mut self, obj: &'v Object, key: &str, at: &At, need: Need, max: usize) -> Option<&'v str> {
        let v = self.present(obj, key, at, need)?;
        let Some(s) = v.as_str() else {
            self.type_error(&at.key(key), "string", v.type_name());
            return None;
        };
        let length = s.chars().count();
        if max > 0 && length > max {
            let params = vec![("max", Param::Int(max as i64)), ("length", Param::Int(length as i64))];
            self.error(&at.key(key), Code::TooLong, messages::TOO_LONG, params);
        }
        Some(s)
    }

    /// The member `key` as one of `allowed`: an error otherwise, or a warning when `known_only` (a list
    /// that may be incomplete). `gateway` overrides the request's business code.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn choice<'v>(
        &mut self,
        obj: &'v Object,
        key: &str,
        at: &At,
        need: Need,
        allowed: &[&str],
        known_only: bool,
        gateway: Option<u32>,
    ) -> Option<&'v str> {
        let s = self.text(obj, key, at, need, 0)?;
        if !allowed.contains(&s) {
            let params = vec![("allowed", Param::Text(allowed.join(", ")))];
            if known_only {
                self.warn(&at.key(key), Code::Enum, messages::ENUM_UNKNOWN, params);
            } else {
                self.error_gw(&at.key(key), Code::Enum, messages::ENUM, params, gateway);
            }
        }
        Some(s)
    }

    /// The member `key` as a whole number (a JSON number, or a digit string when `strings` — fetch pay-in
    /// sends every value as a string). Saturates instead of overflowing: the bounds check reports it.
    pub(crate) fn integer(&mut self, obj: &Object, key: &str, at: &At, need: Need, strings: bool) -> Option<i64> {
        let v = self.present(obj, key, at, need)?;
        let digits = match v {
            Value::Number(t) => Some(*t),
            Value::String(s) if strings => Some(s.as_ref()),
            _ => None,
        };
        let parsed = digits.and_then(parse_integer);
        if parsed.is_none() {
            self.type_error(&at.key(key), "integer", v.type_name());
        }
        parsed
    }

    /// An integer member within `min..=max`.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn int_range(
        &mut self,
        obj: &Object,
        key: &str,
        at: &At,
        need: Need,
        strings: bool,
        min: i64,
        max: i64,
    ) -> Option<i64> {
        let n = self.integer(obj, key, at, need, strings)?;
        if n < min || n > max {
            let params = vec![("min", Param::Int(min)), ("max", Param::Int(max))];
            self.error(&at.key(key), Code::OutOfRange, messages::OUT_OF_RANGE, params);
            return None;
        }
        Some(n)
    }

    pub(crate) fn boolean(&mut self, obj: &Object, key: &str, at: &At, need: Need) -> Option<bool> {
        match self.present(obj, key, at, need)? {
            Value::Bool(b) => Some(*b),
            other => {
                self.type_error(&at.key(key), "boolean", other.type_name());
                None
            }
        }
    }

    /// An absolute http(s) URL of at most `max` characters (0: no limit).
    pub(crate) fn url(&mut self, obj: &Object, key: &str, at: &At, need: Need, max: usize) {
        if let Some(s) = self.text(obj, key, at, need, max) {
            if !formats::url(s) {
                self.error(&at.key(key), Code::Url, messages::URL, vec![]);
            }
        }
    }

    /// A currency code: malformed is an error, well-formed but unknown a warning (lists go stale).
    pub(crate) fn currency<'v>(&mut self, obj: &'v Object, key: &str, at: &At, need: Need) -> Option<Currency<'v>> {
        let code = self.text(obj, key, at, need, 0)?;
        let letters = code.len();
        if !(3..=4).contains(&letters) || !code.bytes().all(|b| b.is_ascii_uppercase()) {
            self.error(&at.key(key), Code::CurrencyFormat, messages::CURRENCY_FORMAT, vec![]);
            return None;
        }
        let minor = currency::minor_units(code);
        if minor.is_none() {
            self.warn(&at.key(key), Code::CurrencyUnknown, messages::CURRENCY_UNKNOWN, vec![("currency", text(code))]);
        }
        Some(Currency { code, minor })
    }

    /// A payout currency: the gateway's 30001 says only PHP, INR and IDR, other pages show more.
    pub(crate) fn payout_currency<'v>(&mut self, obj: &'v Object, key: &str, at: &At) -> Option<Currency<'v>> {
        let cur = self.currency(obj, key, at, Need::Required)?;
        if cur.minor.is_some() && !currency::PAYOUT.contains(&cur.code) {
            let params = vec![("allowed", Param::Text(currency::PAYOUT.join(", "))), ("currency", text(cur.code))];
            self.push(&at.key(key), Code::Enum, Severity::Warning, messages::PAYOUT_CURRENCY, params, Some(30001));
        }
        Some(cur)
    }

    /// A positive decimal string with at most the currency's fraction digits; the valid text, if any.
    pub(crate) fn amount<'v>(
        &mut self,
        obj: &'v Object,
        key: &str,
        at: &At,
        currency: Option<Currency>,
        gateway: Option<u32>,
    ) -> Option<&'v str> {
        let v = self.present(obj, key, at, Need::Required)?;
        let at = at.key(key);
        let s = match v {
            Value::String(s) => s.as_ref(),
            Value::Number(_) => {
                self.error_gw(&at, Code::AmountNotString, messages::AMOUNT_NOT_STRING, vec![], gateway);
                return None;
            }
            other => {
                self.type_error(&at, "string", other.type_name());
                return None;
            }
        };
        let Some(fraction) = currency::plain_decimal(s) else {
            self.error_gw(&at, Code::AmountFormat, messages::AMOUNT_FORMAT, vec![], gateway);
            return None;
        };
        if let Some(Currency { code, minor: Some(digits) }) = currency {
            if fraction > usize::from(digits) {
                let params = vec![("digits", Param::Int(i64::from(digits))), ("currency", text(code))];
                self.error_gw(&at, Code::AmountPrecision, messages::AMOUNT_PRECISION, params, gateway);
                return None;
            }
        }
        Some(s)
    }

    /// An ISO 3166-1 alpha-2 country code.
    pub(crate) fn country<'v>(&mut self, obj: &'v Object, key: &str, at: &At, need: Need, gateway: Option<u32>) -> Option<&'v str> {
        let code = self.text(obj, key, at, need, 0)?;
        if code.len() != 2 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
            self.error_gw(&at.key(key), Code::Format, messages::COUNTRY_FORMAT, vec![], gateway);
            return None;
        }
        if !currency::is_country(code) {
            self.error_gw(&at.key(key), Code::Enum, messages::COUNTRY_UNKNOWN, vec![], gateway);
            return None;
        }
        Some(code)
    }

    /// At least one of `keys` must be present; reported at the first of them.
    pub(crate) fn one_of(&mut self, obj: &Object, keys: &[&str], at: &At) {
        if keys.iter().all(|k| member(obj, k).is_none()) {
            let first = keys.first().copied().unwrap_or_default();
            self.error(&at.key(first), Code::OneOfRequired, messages::ONE_OF, vec![("fields", Param::Text(keys.join(", ")))]);
        }
    }

    /// Reports duplicates among `(value, index)` pairs at `at[index].key`, naming the first occurrence.
    pub(crate) fn unique(&mut self, values: &[(&str, usize)], at: &At, key: &str, gateway: Option<u32>) {
        let mut first: BTreeMap<&str, usize> = BTreeMap::new();
        for &(value, index) in values {
            match first.get(value) {
                Some(&seen) => {
                    let item = at.index(index);
                    let params = vec![("first", Param::Int(seen as i64))];
                    self.error_gw(&item.key(key), Code::Duplicate, messages::DUPLICATE, params, gateway);
                }
                None => {
                    first.insert(value, index);
                }
            }
        }
    }
}

/// An optional minus sign and ASCII digits, saturating at the `i64` bounds.
fn parse_integer(t: &str) -> Option<i64> {
    let (negative, digits) = match t.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, t),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut n: i64 = 0;
    for b in digits.bytes() {
        n = n.saturating_mul(10).saturating_add(i64::from(b - b'0'));
    }
    Some(if negative { -n } else { n })
}
