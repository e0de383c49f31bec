//! Pay-in requests: create (spec 4.1: cashier, crypto, card in cashier and OpenAPI modes) and fetch (4.2).

use super::formats::{self, Fail};
use super::{messages as m, member, text, At, Code, Ctx, Need, Param};
use crate::json::{Object, Value};

const CREATE_FIELDS: &[&str] = &[
    "request_id",
    "product_name",
    "description",
    "target_amount",
    "target_currency",
    "transaction_type",
    "success_url",
    "fail_url",
    "api_version",
    "pay_access_type",
    "notify_url",
    "expired_time",
    "way_code",
    "way_type",
    "transaction_network",
    "use_channel_request_id",
    "channel_extra",
];
const EXTRA_FIELDS: &[&str] = &["extra_type", "card_data", "token_data", "three_ds"];
const CARD_FIELDS: &[&str] = &["number", "expiry_month", "expiry_year", "cvv", "store_for_future_use"];
const WAY_TYPES: &[&str] = &["CRYPTO", "BANK_TRANSFER", "CARD_PAYMENT", "WECHAT"];
const EXTRA_TYPES: &[&str] = &["payment session", "card", "token"];

/// Create pay-in.
pub(super) fn create(c: &mut Ctx, p: &Object, at: &At) {
    c.unknown_fields(p, at, CREATE_FIELDS);
    c.text(p, "request_id", at, Need::Required, 20);
    c.text(p, "product_name", at, Need::Required, 30);
    c.text(p, "description", at, Need::Required, 50);
    let currency = c.currency(p, "target_currency", at, Need::Required);
    c.amount(p, "target_amount", at, currency, None);
    c.choice(p, "transaction_type", at, Need::Required, &["PAY_IN"], false, None);
    c.url(p, "success_url", at, Need::Required, 255);
    c.url(p, "fail_url", at, Need::Required, 255);
    if c.choice(p, "api_version", at, Need::Required, &["V2", "V1"], false, None) == Some("V1") {
        c.warn(&at.key("api_version"), Code::Enum, m::API_VERSION_LEGACY, vec![]);
    }
    let mode = match c.integer(p, "pay_access_type", at, Need::Required, false) {
        Some(n @ (1 | 2)) => Some(n),
        Some(_) => {
            let params = vec![("allowed", text("1, 2"))];
            c.error(&at.key("pay_access_type"), Code::Enum, m::ENUM, params);
            None
        }
        None => None,
    };
    c.url(p, "notify_url", at, Need::Optional, 0);
    c.int_range(p, "expired_time", at, Need::Optional, false, 1, i64::from(i32::MAX));
    c.text(p, "way_code", at, Need::Optional, 0);
    let way_type = c.choice(p, "way_type", at, Need::Optional, WAY_TYPES, true, None);
    c.text(p, "transaction_network", at, Need::Optional, 0);
    c.boolean(p, "use_channel_request_id", at, Need::Optional);

    match member(p, "channel_extra") {
        None => {
            if mode == Some(2) && way_type == Some("CARD_PAYMENT") {
                c.error(&at.key("channel_extra"), Code::Required, m::CHANNEL_EXTRA_REQUIRED, vec![]);
            }
        }
        Some(v) => {
            let at_extra = at.key("channel_extra");
            if let Some(extra) = c.object_value(v, &at_extra, EXTRA_FIELDS) {
                channel_extra(c, p, extra, at, &at_extra, mode, way_type);
            }
        }
    }
}

fn channel_extra(c: &mut Ctx, p: &Object, extra: &Object, at: &At, at_extra: &At, mode: Option<i64>, way_type: Option<&str>) {
    let kind = c.choice(extra, "extra_type", at_extra, Need::Required, EXTRA_TYPES, false, None);
    let kind = kind.filter(|k| EXTRA_TYPES.contains(k));
    if let Some(kind) = kind {
        extra_type_rules(c, p, extra, at, at_extra, kind, mode, way_type);
    }
    // Card and token data are checked whenever present, so that a form gets answers field by field.
    if let Some(v) = member(extra, "card_data") {
        let at_card = at_extra.key("card_data");
        if let Some(card) = c.object_value(v, &at_card, CARD_FIELDS) {
            card_data(c, card, &at_card);
        }
    }
    if let Some(v) = member(extra, "token_data") {
        let at_token = at_extra.key("token_data");
        if let Some(token) = c.object_value(v, &at_token, &["token"]) {
            c.text(token, "token", &at_token, Need::Required, 0);
        }
    }
    if let Some(v) = member(extra, "three_ds") {
        let at_3ds = at_extra.key("three_ds");
        if kind == Some("token") {
            c.error(&at_3ds, Code::UnsupportedCombination, m::THREE_DS_TOKEN, vec![]);
        } else if let Some(three_ds) = c.object_value(v, &at_3ds, &["enabled"]) {
            c.boolean(three_ds, "enabled", &at_3ds, Need::Optional);
        }
    }
}

/// What the extra_type asks of the rest of the request.
#[allow(clippy::too_many_arguments)]
fn extra_type_rules(
    c: &mut Ctx,
    p: &Object,
    extra: &Object,
    at: &At,
    at_extra: &At,
    kind: &str,
    mode: Option<i64>,
    way_type: Option<&str>,
) {
    // Every channel_extra is a card payment: way_type must say so (spec 4.1).
    match way_type {
        None if member(p, "way_type").is_none() => {
            let params = vec![("other", text("channel_extra.extra_type")), ("value", text(kind))];
            c.error(&at.key("way_type"), Code::Required, m::REQUIRED_WHEN, params);
        }
        Some(w) if w != "CARD_PAYMENT" => {
            c.error(&at.key("way_type"), Code::UnsupportedCombination, m::CARD_WAY_TYPE, vec![]);
        }
        _ => {}
    }
    // Payment sessions are the cashier's (1); card data and tokens are sent directly (OpenAPI, 2).
    let expected_mode = if kind == "payment session" { 1 } else { 2 };
    if mode.is_some_and(|m| m != expected_mode) {
        let params = vec![("value", text(kind)), ("expected", Param::Int(expected_mode))];
        c.warn(&at_extra.key("extra_type"), Code::UnsupportedCombination, m::EXTRA_MODE, params);
    }
    let needed = match kind {
        "card" => "card_data",
        "token" => "token_data",
        _ => return,
    };
    if member(extra, needed).is_none() {
        let params = vec![("other", text("channel_extra.extra_type")), ("value", text(kind))];
        c.error(&at_extra.key(needed), Code::Required, m::REQUIRED_WHEN, params);
    }
}

/// Card data: never copied into a message or a param.
fn card_data(c: &mut Ctx, card: &Object, at: &At) {
    let at_number = at.key("number");
    match c.present(card, "number", at, Need::Required) {
        Some(Value::String(number)) => match formats::card_number(number) {
            Ok(()) => {}
            Err(Fail::Format) => c.error(&at_number, Code::Format, m::CARD_NUMBER, vec![]),
            Err(Fail::Checksum) => c.error(&at_number, Code::Checksum, m::CARD_LUHN, vec![]),
        },
        Some(other) => {
            let params = vec![("expected", text("string")), ("actual", text(other.type_name()))];
            c.error(&at_number, Code::Type, m::TYPE, params);
        }
        None => {}
    }
    let month = c.int_range(card, "expiry_month", at, Need::Required, false, 1, 12);
    let year = match c.integer(card, "expiry_year", at, Need::Required, false) {
        Some(y) if (1000..=9999).contains(&y) => Some(y),
        Some(_) => {
            c.error(&at.key("expiry_year"), Code::Format, m::EXPIRY_YEAR, vec![]);
            None
        }
        None => None,
    };
    if let (Some(month), Some(year)) = (month, year) {
        let (this_year, this_month, _) = formats::civil_date(c.now_ms());
        // A card is valid through the last day of its expiry month.
        if year < this_year {
            c.error(&at.key("expiry_year"), Code::Expired, m::EXPIRED, vec![]);
        } else if year == this_year && month < i64::from(this_month) {
            c.error(&at.key("expiry_month"), Code::Expired, m::EXPIRED, vec![]);
        }
    }
    let at_cvv = at.key("cvv");
    match c.present(card, "cvv", at, Need::Required) {
        Some(Value::String(cvv)) if !(3..=4).contains(&cvv.len()) || !cvv.bytes().all(|b| b.is_ascii_digit()) => {
            c.error(&at_cvv, Code::Format, m::CVV, vec![]);
        }
        Some(Value::String(_)) => {}
        Some(other) => {
            let params = vec![("expected", text("string")), ("actual", text(other.type_name()))];
            c.error(&at_cvv, Code::Type, m::TYPE, params);
        }
        None => {}
    }
    c.boolean(card, "store_for_future_use", at, Need::Optional);
}

const FETCH_FIELDS: &[&str] = &["request_id", "pay_order_id", "start_time", "end_time", "page", "page_size"];
const SEVEN_DAYS_MS: i64 = 7 * 24 * 60 * 60 * 1000;

/// Fetch pay-in: the docs send every value as a string, so numbers and digit strings are both taken.
pub(super) fn fetch(c: &mut Ctx, p: &Object, at: &At) {
    c.unknown_fields(p, at, FETCH_FIELDS);
    c.text(p, "request_id", at, Need::Optional, 0);
    c.text(p, "pay_order_id", at, Need::Optional, 0);
    c.one_of(p, &["request_id", "pay_order_id"], at);
    let start = timestamp(c, p, "start_time", at, Need::Required);
    let end = timestamp(c, p, "end_time", at, Need::Optional);
    if let (Some(start), Some(end)) = (start, end) {
        if start >= end {
            c.error(&at.key("end_time"), Code::TimeRange, m::TIME_ORDER, vec![]);
        } else if end - start > SEVEN_DAYS_MS {
            c.error(&at.key("end_time"), Code::TimeRange, m::TIME_SPAN, vec![("max_days", Param::Int(7))]);
        }
    }
    c.int_range(p, "page", at, Need::Optional, true, 1, i64::from(i32::MAX));
    c.int_range(p, "page_size", at, Need::Optional, true, 1, 1000);
}

/// A 13-digit millisecond timestamp, as a JSON number or a string.
fn timestamp(c: &mut Ctx, p: &Object, key: &str, at: &At, need: Need) -> Option<i64> {
    let v = c.present(p, key, at, need)?;
    let t = match v {
        Value::Number(t) => *t,
        Value::String(s) => s.as_ref(),
        other => {
            let params = vec![("expected", text("string")), ("actual", text(other.type_name()))];
            c.error(&at.key(key), Code::Type, m::TYPE, params);
            return None;
        }
    };
    if t.len() != 13 || !t.bytes().all(|b| b.is_ascii_digit()) {
        c.error(&at.key(key), Code::Format, m::TIMESTAMP, vec![]);
        return None;
    }
    t.parse().ok()
}
