//! Pay-in requests: create (spec 4.1: cashier, crypto, card in cashier and OpenAPI modes) and fetch (4.2).

use super::formats;
use super::messages as m;
use super::rules::{int_value, listed, opt, req, timestamp_value, Field, Rule};
use super::{member, text, At, Code, Ctx, P, Severity};
use crate::json::{Object, Value};

const EXTRA_TYPES: &str = "payment session, card, token";

/// Card data: never copied into a message or a param.
const CARD: &[Field] = &[
    req("number", Rule::CardNumber),
    req("expiry_month", Rule::Int(1, 12)),
    req("expiry_year", Rule::ExpiryYear),
    req("cvv", Rule::Cvv),
    opt("store_for_future_use", Rule::Bool),
];
const EXTRA: &[Field] = &[
    req("extra_type", Rule::Choice(EXTRA_TYPES)),
    opt("card_data", Rule::Object(CARD)),
    opt("token_data", Rule::Object(&[req("token", Rule::Text(0))])),
    opt("three_ds", Rule::Object(&[opt("enabled", Rule::Bool)])),
];
const CREATE: &[Field] = &[
    req("request_id", Rule::Text(20)),
    req("product_name", Rule::Text(30)),
    req("description", Rule::Text(50)),
    req("target_currency", Rule::Currency),
    req("target_amount", Rule::Amount),
    req("transaction_type", Rule::Choice("PAY_IN")),
    req("success_url", Rule::Url(255)),
    req("fail_url", Rule::Url(255)),
    req("api_version", Rule::Choice("V2, V1")),
    req("pay_access_type", Rule::IntChoice("1, 2")),
    opt("notify_url", Rule::Url(0)),
    opt("expired_time", Rule::Int(1, i32::MAX)),
    opt("way_code", Rule::Text(0)),
    opt("way_type", Rule::Known("CRYPTO, BANK_TRANSFER, CARD_PAYMENT, WECHAT")),
    opt("transaction_network", Rule::Text(0)),
    opt("use_channel_request_id", Rule::Bool),
    opt("channel_extra", Rule::Object(EXTRA)),
    // Not in the create table, but the pay-in webhook echoes it (spec 6): the merchant's own text.
    opt("merchant_reserved_field", Rule::Text(0)),
];

/// Create pay-in.
pub(super) fn create(c: &mut Ctx, p: &Object, at: &At) {
    c.fields(p, at, CREATE);
    if member(p, "api_version").and_then(Value::as_str) == Some("V1") {
        c.warn(&at.key("api_version"), Code::Enum, m::API_VERSION_LEGACY, &[]);
    }
    let mode = int_value(member(p, "pay_access_type")).filter(|n| (1..=2).contains(n));
    let way_type = member(p, "way_type");
    let Some(extra) = member(p, "channel_extra") else {
        if mode == Some(2) && way_type.and_then(Value::as_str) == Some("CARD_PAYMENT") {
            c.error(&at.key("channel_extra"), Code::Required, m::CHANNEL_EXTRA_REQUIRED, &[]);
        }
        return;
    };
    let Some(extra) = extra.as_object() else { return };
    let at_extra = at.key("channel_extra");
    let kind = member(extra, "extra_type").and_then(Value::as_str).filter(|k| listed(EXTRA_TYPES, k));
    if let Some(kind) = kind {
        // Every channel_extra is a card payment: way_type must say so (spec 4.1).
        match way_type {
            // One message for both: it names the value to send.
            None => c.error(&at.key("way_type"), Code::Required, m::CARD_WAY_TYPE, &[]),
            Some(Value::String(w)) if w != "CARD_PAYMENT" => {
                c.error(&at.key("way_type"), Code::UnsupportedCombination, m::CARD_WAY_TYPE, &[]);
            }
            _ => {}
        }
        // Payment sessions are the cashier's (1); card data and tokens are sent directly (OpenAPI, 2).
        let expected_mode = if kind == "payment session" { 1 } else { 2 };
        if mode.is_some_and(|m| m != expected_mode) {
            let params = &[("value", text(kind)), ("expected", P::I(expected_mode))];
            c.warn(&at_extra.key("extra_type"), Code::UnsupportedCombination, m::EXTRA_MODE, params);
        }
        let needed = match kind {
            "card" => Some("card_data"),
            "token" => Some("token_data"),
            _ => None,
        };
        if let Some(needed) = needed.filter(|k| member(extra, k).is_none()) {
            c.required_when(&at_extra.key(needed), "channel_extra.extra_type", kind);
        }
        if kind == "token" && member(extra, "three_ds").is_some() {
            c.error(&at_extra.key("three_ds"), Code::UnsupportedCombination, m::THREE_DS_TOKEN, &[]);
        }
    }
    // A card is valid through the last day of its expiry month.
    let Some(card) = member(extra, "card_data").and_then(Value::as_object) else { return };
    let month = int_value(member(card, "expiry_month")).filter(|m| (1..=12).contains(m));
    let year = int_value(member(card, "expiry_year")).filter(|y| (1000..=9999).contains(y));
    if let (Some(month), Some(year)) = (month, year) {
        let (this_year, this_month, _) = formats::civil_date(c.now_ms());
        let at_card = at_extra.key("card_data");
        if year < this_year {
            c.error(&at_card.key("expiry_year"), Code::Expired, m::EXPIRED, &[]);
        } else if year == this_year && month < i64::from(this_month) {
            c.error(&at_card.key("expiry_month"), Code::Expired, m::EXPIRED, &[]);
        }
    }
}

const FETCH: &[Field] = &[
    opt("request_id", Rule::Text(0)),
    opt("pay_order_id", Rule::Text(0)),
    req("start_time", Rule::Timestamp),
    opt("end_time", Rule::Timestamp),
    opt("page", Rule::IntOrText(1, i32::MAX)),
    opt("page_size", Rule::IntOrText(1, 1000)),
];
const SEVEN_DAYS_MS: i64 = 7 * 24 * 60 * 60 * 1000;

/// Fetch pay-in: the docs send every value as a string, so numbers and digit strings are both taken.
pub(super) fn fetch(c: &mut Ctx, p: &Object, at: &At) {
    c.fields(p, at, FETCH);
    c.one_of(p, "request_id, pay_order_id", at, Severity::Error);
    let start = timestamp_value(member(p, "start_time"));
    let end = timestamp_value(member(p, "end_time"));
    if let (Some(start), Some(end)) = (start, end) {
        if start >= end {
            c.error(&at.key("end_time"), Code::TimeRange, m::TIME_ORDER, &[]);
        } else if end - start > SEVEN_DAYS_MS {
            c.error(&at.key("end_time"), Code::TimeRange, m::TIME_SPAN, &[("max_days", P::I(7))]);
        }
    }
}
