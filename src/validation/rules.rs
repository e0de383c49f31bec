//! The field rules and their interpreter. Each request is a static table of fields (`payin.rs`,
//! `payout.rs`) walked by one small interpreter, plus a few cross-field checks written by hand: a table
//! costs a few bytes per field in the `.wasm`, where a hand-written call per field cost kilobytes.

use super::formats::{self, DateFail, Fail};
use super::messages::{self as m, Msg};
use super::{currency, member, text, At, Code, Ctx, Need, Severity, P};
use crate::json::{Object, Value};

/// What a field must hold.
#[derive(Clone, Copy)]
pub(crate) enum Rule {
    /// A string of at most this many characters (0: no limit).
    Text(usize),
    /// An absolute http(s) URL of at most this many characters (0: no limit).
    Url(usize),
    /// A currency code; it sets the currency the following amounts are checked against.
    Currency,
    /// A decimal-string amount in the current currency.
    Amount,
    /// An ISO 3166-1 alpha-2 country code.
    Country,
    /// One of a comma-separated list.
    Choice(&'static str),
    /// `individual` or `business` (beneficiary and account types: business code 30004).
    Party,
    /// One of a comma-separated list that may be incomplete: another value is a warning.
    Known(&'static str),
    /// A JSON integer that must be one of a few values (`1, 2`).
    IntChoice(&'static str),
    /// A JSON integer within bounds.
    Int(i32, i32),
    /// A JSON integer or a string of digits within bounds (fetch pay-in sends strings).
    IntOrText(i32, i32),
    /// A 13-digit millisecond timestamp, number or string.
    Timestamp,
    Bool,
    Email,
    DateOfBirth,
    CallingCode,
    Iban,
    Ifsc,
    Aba,
    /// 6 digits (UK sort code, Australian BSB).
    SixDigits,
    /// 12 digits (Chinese CNAPS).
    Cnaps,
    /// A BIC; a warning when its country differs from the sibling field named here.
    Bic(Option<&'static str>),
    CardNumber,
    ExpiryYear,
    Cvv,
    /// A wallet address, checked for the sibling `network`.
    WalletAddress,
    /// An object with these fields.
    Object(&'static [Field]),
    /// A non-empty array of objects with these fields.
    Items(&'static [Field]),
}

/// One member of a request object.
#[derive(Clone, Copy)]
pub(crate) struct Field {
    pub(crate) key: &'static str,
    pub(crate) need: Need,
    pub(crate) rule: Rule,
}

pub(crate) const fn req(key: &'static str, rule: Rule) -> Field {
    Field { key, need: Need::Required, rule }
}

pub(crate) const fn opt(key: &'static str, rule: Rule) -> Field {
    Field { key, need: Need::Optional, rule }
}

/// Whether `value` is in a comma-separated `list`.
pub(crate) fn listed(list: &str, value: &str) -> bool {
    list.split(',').any(|item| item.trim_start() == value)
}

/// A whole number: an optional minus sign and ASCII digits, saturating at the `i64` bounds.
pub(crate) fn parse_integer(t: &str) -> Option<i64> {
    let (negative, digits) = match t.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, t),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n = digits.bytes().fold(0i64, |n, b| n.saturating_mul(10).saturating_add(i64::from(b - b'0')));
    Some(if negative { -n } else { n })
}

/// The integer a JSON number holds (not `1.0`, not `1e3`).
pub(crate) fn int_value(v: Option<&Value>) -> Option<i64> {
    match v? {
        Value::Number(t) => parse_integer(t),
        _ => None,
    }
}

/// A 13-digit millisecond timestamp given as a number or a string.
pub(crate) fn timestamp_value(v: Option<&Value>) -> Option<i64> {
    let t = match v? {
        Value::Number(t) => t,
        Value::String(s) => s.as_ref(),
        _ => return None,
    };
    // Exactly 13 digits: no sign (`-176274112200` is 13 characters, not 13 digits).
    if t.len() == 13 && t.bytes().all(|b| b.is_ascii_digit()) {
        parse_integer(t)
    } else {
        None
    }
}

/// The amount text when it is a valid amount for a currency with `minor` fraction digits.
pub(crate) fn amount_value<'v>(v: Option<&'v Value>, minor: Option<u8>) -> Option<&'v str> {
    let s = v?.as_str()?;
    let fraction = currency::plain_decimal(s)?;
    (minor.map_or(true, |d| fraction <= usize::from(d))).then_some(s)
}

fn fail(result: Result<(), Fail>, format: Msg, checksum: Msg) -> Option<(Code, Msg)> {
    match result {
        Ok(()) => None,
        Err(Fail::Format) => Some((Code::Format, format)),
        Err(Fail::Checksum) => Some((Code::Checksum, checksum)),
    }
}

impl Ctx<'_> {
    /// Checks `obj` against `fields`: unknown members (warnings), then every field in order.
    pub(crate) fn fields(&mut self, obj: &Object, at: &At, fields: &[Field]) {
        for (key, _) in obj.iter() {
            if !fields.iter().any(|f| f.key == key) {
                self.warn(&at.key(key), Code::UnknownField, m::UNKNOWN_FIELD, &[]);
            }
        }
        for f in fields {
            if let Some(v) = self.present(obj, f.key, at, f.need) {
                self.field(obj, v, &at.key(f.key), f.rule);
            }
        }
    }

    fn field(&mut self, obj: &Object, v: &Value, at: &At, rule: Rule) {
        match rule {
            Rule::Object(fields) => match v {
                Value::Object(o) => self.fields(o, at, fields),
                other => self.type_error(at, "object", other.type_name()),
            },
            Rule::Items(fields) => match v {
                Value::Array(items) if items.is_empty() => self.error(at, Code::Required, m::NOT_EMPTY, &[]),
                Value::Array(items) => {
                    for (i, item) in items.iter().enumerate() {
                        self.field(obj, item, &at.index(i), Rule::Object(fields));
                    }
                }
                other => self.type_error(at, "array", other.type_name()),
            },
            Rule::Bool => {
                if !matches!(v, Value::Bool(_)) {
                    self.type_error(at, "boolean", v.type_name());
                }
            }
            Rule::Int(min, max) | Rule::IntOrText(min, max) => {
                let (min, max) = (i64::from(min), i64::from(max));
                let n = match v {
                    Value::Number(t) => parse_integer(t),
                    Value::String(s) if matches!(rule, Rule::IntOrText(..)) => parse_integer(s),
                    _ => None,
                };
                match n {
                    // A string taken here, or a number that is not whole: the problem is the value.
                    None if matches!((rule, v), (Rule::IntOrText(..), Value::String(_)) | (_, Value::Number(_))) => {
                        self.error(at, Code::Format, m::OUT_OF_RANGE, &[("min", P::I(min)), ("max", P::I(max))]);
                    }
                    None => self.type_error(at, "integer", v.type_name()),
                    Some(n) if n < min || n > max => {
                        let params = &[("min", P::I(min)), ("max", P::I(max))];
                        self.error(at, Code::OutOfRange, m::OUT_OF_RANGE, params);
                    }
                    Some(_) => {}
                }
            }
            // A number that is not whole (`1.5`) is of the right type with the wrong value, as for
            // `Rule::Int`: said with the field's own message, not "must be an integer, not number".
            Rule::IntChoice(allowed) => match v {
                Value::Number(t) => {
                    if parse_integer(t).is_none() || !listed(allowed, t) {
                        self.error(at, Code::Enum, m::ENUM, &[("allowed", text(allowed))]);
                    }
                }
                other => self.type_error(at, "integer", other.type_name()),
            },
            Rule::ExpiryYear => match v {
                Value::Number(_) if !int_value(Some(v)).is_some_and(|y| (1000..=9999).contains(&y)) => {
                    self.error(at, Code::Format, m::EXPIRY_YEAR, &[]);
                }
                Value::Number(_) => {}
                other => self.type_error(at, "integer", other.type_name()),
            },
            Rule::Timestamp => match v {
                Value::Number(_) | Value::String(_) => {
                    if timestamp_value(Some(v)).is_none() {
                        self.error(at, Code::Format, m::TIMESTAMP, &[]);
                    }
                }
                other => self.type_error(at, "string or number", other.type_name()),
            },
            Rule::Amount => self.amount(v, at),
            _ => match v {
                Value::String(s) => self.text_rule(obj, s, at, rule),
                other => self.type_error(at, "string", other.type_name()),
            },
        }
    }

    fn amount(&mut self, v: &Value, at: &At) {
        let gateway = self.payout.then_some(30009);
        let s = match v {
            Value::String(s) => s,
            Value::Number(_) => return self.error_gw(at, Code::AmountNotString, m::AMOUNT_NOT_STRING, &[], gateway),
            other => return self.type_error(at, "string", other.type_name()),
        };
        let Some(fraction) = currency::plain_decimal(s) else {
            return self.error_gw(at, Code::AmountFormat, m::AMOUNT_FORMAT, &[], gateway);
        };
        // Taken and put back rather than cloned: no copy of the code per amount (measured −20 bytes
        // gzipped).
        let Some((code, digits)) = self.currency.take() else { return };
        if fraction > usize::from(digits) {
            let params = &[("digits", P::I(i64::from(digits))), ("currency", text(&code))];
            // "at most 0 decimal places" reads as a riddle: a currency without minor units says so.
            let message = if digits == 0 { m::AMOUNT_WHOLE } else { m::AMOUNT_PRECISION };
            self.error_gw(at, Code::AmountPrecision, message, params, gateway);
        }
        self.currency = Some((code, digits));
    }

    fn text_rule(&mut self, obj: &Object, s: &str, at: &At, rule: Rule) {
        let max = match rule {
            Rule::Text(max) | Rule::Url(max) => max,
            Rule::CallingCode => 5,
            _ => 0,
        };
        let length = crate::utf16_len(s);
        if max > 0 && length > max {
            let params = &[("max", P::I(max as i64)), ("length", P::I(length as i64))];
            // Counted as the gateway counts (UTF-16 units): said so when that is not what a reader counts.
            let message = if s.bytes().any(|b| b >= 0xF0) { m::TOO_LONG_UNITS } else { m::TOO_LONG };
            self.error(at, Code::TooLong, message, params);
            if matches!(rule, Rule::CallingCode) {
                return;
            }
        }
        let problem = match rule {
            Rule::Url(_) => (!formats::url(s)).then_some((Code::Url, m::URL)),
            Rule::Email => (!formats::email(s)).then_some((Code::Format, m::EMAIL)),
            Rule::DateOfBirth => match formats::date_of_birth(s, formats::civil_date(self.now_ms())) {
                Ok(()) => None,
                Err(DateFail::Format) => Some((Code::Format, m::DOB_FORMAT)),
                Err(DateFail::Impossible) => Some((Code::Format, m::DOB_IMPOSSIBLE)),
                Err(DateFail::Future) => Some((Code::Format, m::DOB_FUTURE)),
            },
            Rule::CallingCode => {
                let digits = s.strip_prefix('+').unwrap_or(s);
                (digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()))
                    .then_some((Code::Format, m::CALLING_CODE))
            }
            Rule::Iban => fail(formats::iban(s), m::IBAN, m::IBAN_CHECKSUM),
            Rule::Ifsc => (!formats::ifsc(s)).then_some((Code::Format, m::IFSC)),
            Rule::Aba => fail(formats::aba(s), m::ABA, m::ABA_CHECKSUM),
            Rule::SixDigits => (!formats::fixed_digits(s, 6)).then_some((Code::Format, m::SIX_DIGITS)),
            Rule::Cnaps => (!formats::fixed_digits(s, 12)).then_some((Code::Format, m::CNAPS)),
            Rule::CardNumber => fail(formats::card_number(s), m::CARD_NUMBER, m::CARD_LUHN),
            Rule::Cvv => (!(3..=4).contains(&s.len()) || !s.bytes().all(|b| b.is_ascii_digit())).then_some((Code::Format, m::CVV)),
            Rule::WalletAddress => match member(obj, "network").and_then(Value::as_str) {
                Some("TRC20") => fail(formats::trc20(s), m::TRC20, m::TRC20_CHECKSUM),
                Some(n @ ("ERC20" | "BEP20")) => match formats::evm(s) {
                    Err(Fail::Format) => return self.error(at, Code::Format, m::EVM, &[("network", text(n))]),
                    result => fail(result, m::EVM, m::EVM_CHECKSUM),
                },
                _ => None,
            },
            Rule::Choice(_) | Rule::Party => {
                let (allowed, gateway) = match rule {
                    Rule::Choice(allowed) => (allowed, None),
                    _ => ("individual, business", Some(30004)),
                };
                if !listed(allowed, s) {
                    self.error_gw(at, Code::Enum, m::ENUM, &[("allowed", text(allowed))], gateway);
                }
                None
            }
            Rule::Known(allowed) => {
                if !listed(allowed, s) {
                    self.warn(at, Code::Enum, m::ENUM_UNKNOWN, &[("allowed", text(allowed))]);
                }
                None
            }
            Rule::Currency => {
                self.currency_rule(s, at);
                None
            }
            Rule::Country => {
                let country_gateway = self.payout.then_some(30005);
                if s.len() != 2 || !s.bytes().all(|b| b.is_ascii_uppercase()) {
                    self.error_gw(at, Code::Format, m::COUNTRY_FORMAT, &[], country_gateway);
                } else if !currency::is_country(s) {
                    // The one unassigned code merchants write every day.
                    let message = if s == "UK" { m::COUNTRY_UK } else { m::COUNTRY_UNKNOWN };
                    self.error_gw(at, Code::Enum, message, &[], country_gateway);
                }
                None
            }
            Rule::Bic(sibling) => match formats::bic(s) {
                None => Some((Code::Format, m::BIC)),
                Some(_) => {
                    if let Some(sibling) = sibling {
                        self.bic_country(s, member(obj, sibling), at, sibling);
                    }
                    None
                }
            },
            _ => None,
        };
        if let Some((code, msg)) = problem {
            self.error(at, code, msg, &[]);
        }
    }

    /// Malformed is an error, well-formed but unknown a warning (lists go stale); payouts also warn
    /// outside the currencies of the gateway's error 30001.
    fn currency_rule(&mut self, code: &str, at: &At) {
        self.currency = None;
        if !(3..=4).contains(&code.len()) || !code.bytes().all(|b| b.is_ascii_uppercase()) {
            return self.error(at, Code::CurrencyFormat, m::CURRENCY_FORMAT, &[]);
        }
        let Some(digits) = currency::minor_units(code) else {
            // Known to ISO 4217 but not money a payment is made in: still a warning, saying so.
            let message = if currency::without_minor_units(code) { m::CURRENCY_NO_MINOR_UNITS } else { m::CURRENCY_UNKNOWN };
            return self.warn(at, Code::CurrencyUnknown, message, &[("currency", text(code))]);
        };
        self.currency = Some((code.to_owned(), digits));
        if self.payout && !listed(currency::PAYOUT, code) {
            let params = &[("allowed", text(currency::PAYOUT)), ("currency", text(code))];
            self.push(at, Code::Enum, super::Severity::Warning, m::PAYOUT_CURRENCY, params, Some(30001));
        }
    }

    /// A warning when a well-formed BIC's country part differs from a well-formed `country` (named
    /// `other` in the message): the SWIFT code probably belongs to another account.
    pub(crate) fn bic_country(&mut self, bic: &str, country: Option<&Value>, at: &At, other: &'static str) {
        let bic_country = formats::bic(bic);
        let country = country.and_then(Value::as_str).filter(|c| currency::is_country(c));
        if let (Some(bic_country), Some(country)) = (bic_country, country) {
            if bic_country != country {
                let params = &[("bic_country", text(bic_country)), ("other", text(other)), ("country", text(country))];
                self.warn(at, Code::UnsupportedCombination, m::BIC_COUNTRY, params);
            }
        }
    }

    /// `at` is required because the field `other` is `value`. One helper for the two cross-field
    /// checks that report it (measured −14 bytes gzipped).
    #[inline(never)]
    pub(crate) fn required_when(&mut self, at: &At, other: &'static str, value: &str) {
        self.error(at, Code::Required, m::REQUIRED_WHEN, &[("other", text(other)), ("value", text(value))]);
    }

    /// At least one of `keys` must be present; reported at the first of them, and named with the object
    /// they belong in unless that is the params themselves. As a warning it says what may follow, not
    /// that one is needed.
    pub(crate) fn one_of(&mut self, obj: &Object, keys: &'static str, at: &At, severity: Severity) {
        let mut names = keys.split(',').map(str::trim_start);
        if names.clone().all(|k| member(obj, k).is_none()) {
            let first = names.next().unwrap_or_default();
            let path = at.segments();
            if path.is_empty() && severity == Severity::Error {
                self.error(&at.key(first), Code::OneOfRequired, m::ONE_OF, &[("fields", text(keys))]);
            } else {
                let parent = if path.is_empty() { "params".into() } else { super::field_name(&path) };
                let params = &[("fields", text(keys)), ("parent", text(&parent))];
                let msg = if severity == Severity::Error { m::ONE_OF_IN } else { m::ONE_OF_IN_WARNING };
                self.report(severity, &at.key(first), Code::OneOfRequired, msg, params);
            }
        }
    }
}
