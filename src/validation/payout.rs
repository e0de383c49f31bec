//! Payout requests: single payout with the beneficiary model (spec 4.4), batch (4.3), fetch (4.5) and
//! supported banks (4.6). Bank account numbers and names are sensitive: no message repeats them.
//!
//! Business codes (spec 5.4): 30004 Invalid Beneficiary Type, 30005 Invalid Country Code (every country
//! field), 30007 Duplicate Detail ID, 30009 Invalid Amount Format (every amount), 30002 Amount Mismatch,
//! 30001 Unsupported Currency; anything else is 30000 Invalid Parameter.

use super::messages as m;
use super::rules::{amount_value, opt, req, Field, Rule};
use super::{currency, member, text, At, Code, Ctx, P, Severity};
use crate::json::{FirstSeen, Object, Seen, Value};

const WAY_TYPES: &str = "BANK_TRANSFER, WALLET_TRANSFER, E_WALLET, CRYPTO";

const ADDRESS: &[Field] = &[
    opt("country", Rule::Country),
    opt("state", Rule::Text(0)),
    opt("city", Rule::Text(0)),
    opt("postal_code", Rule::Text(0)),
    opt("line1", Rule::Text(0)),
    opt("line2", Rule::Text(0)),
];
const INFO: &[Field] = &[
    opt("name", Rule::Text(0)),
    opt("first_name", Rule::Text(0)),
    opt("last_name", Rule::Text(0)),
    opt("email", Rule::Email),
    opt("phone", Rule::Object(&[opt("calling_code", Rule::CallingCode), opt("number", Rule::Text(0))])),
    opt("address", Rule::Object(ADDRESS)),
    opt("tax_id", Rule::Text(0)),
    opt("date_of_birth", Rule::DateOfBirth),
    opt("nationality", Rule::Country),
    opt("national_id", Rule::Text(0)),
];
const BANK_CODES: &[Field] = &[
    opt("swift_code", Rule::Bic(None)),
    opt("ifsc_code", Rule::Ifsc),
    opt("aba_code", Rule::Aba),
    opt("sort_code", Rule::SixDigits),
    opt("branch_code", Rule::Text(0)),
    opt("bsb_code", Rule::SixDigits),
    opt("bank_code", Rule::Text(0)),
    opt("cnaps", Rule::Cnaps),
];
const BANK: &[Field] = &[
    opt("account_type", Rule::Choice("savings, checking, payment")),
    opt("country", Rule::Country),
    opt("bank_province", Rule::Text(0)),
    opt("bank_city", Rule::Text(0)),
    opt("bank_name", Rule::Text(0)),
    opt("branch_name", Rule::Text(0)),
    opt("purpose_code", Rule::Text(0)),
    opt("account_number", Rule::Text(0)),
    opt("iban", Rule::Iban),
    opt("bank_codes", Rule::Object(BANK_CODES)),
];
const E_WALLET: &[Field] = &[
    req("ewallet_provider", Rule::Text(0)),
    req("account_number", Rule::Text(0)),
    opt("account_type", Rule::Choice("cpf, cnpj, email, phone, random")),
    opt("deposit_key", Rule::Text(0)),
];
const CRYPTO_WALLET: &[Field] =
    &[req("wallet_address", Rule::WalletAddress), req("network", Rule::Choice("TRC20, ERC20, BEP20"))];
const DESTINATION: &[Field] = &[
    req("type", Rule::Choice("bank, bank_account, crypto_wallet, ewallet")),
    opt("bank", Rule::Object(BANK)),
    opt("e_wallet", Rule::Object(E_WALLET)),
    opt("crypto_wallet", Rule::Object(CRYPTO_WALLET)),
];
const BENEFICIARY: &[Field] = &[
    req("beneficiary_type", Rule::Party),
    req("beneficiary_info", Rule::Object(INFO)),
    req("destination", Rule::Object(DESTINATION)),
];
const CREATE: &[Field] = &[
    req("request_id", Rule::Text(64)),
    req("currency", Rule::Currency),
    req("amount", Rule::Amount),
    opt("purpose", Rule::Text(0)),
    opt("product_name", Rule::Text(0)),
    opt("description", Rule::Text(0)),
    req("way_code", Rule::Text(0)),
    req("way_type", Rule::Known(WAY_TYPES)),
    opt("expired_time", Rule::Int(1, i32::MAX)),
    req("notify_url", Rule::Url(0)),
    opt("transaction_network", Rule::Text(0)),
    req("beneficiary", Rule::Object(BENEFICIARY)),
];

fn object_at<'v, 'a>(obj: &'v Object<'a>, key: &str) -> Option<&'v Object<'a>> {
    member(obj, key).and_then(Value::as_object)
}

/// Create payout (single).
pub(super) fn create(c: &mut Ctx, p: &Object, at: &At) {
    c.fields(p, at, CREATE);
    let Some(b) = object_at(p, "beneficiary") else { return };
    let at = at.key("beneficiary");
    if let Some(info) = object_at(b, "beneficiary_info") {
        // The spec marks none of them required: a payout without a name only looks wrong.
        c.one_of(info, "name, first_name, last_name", &at.key("beneficiary_info"), Severity::Warning);
    }
    let Some(d) = object_at(b, "destination") else { return };
    let at = at.key("destination");
    let kind = member(d, "type").and_then(Value::as_str);
    let key = match kind {
        Some("bank" | "bank_account") => "bank",
        Some("ewallet") => "e_wallet",
        Some("crypto_wallet") => "crypto_wallet",
        _ => return,
    };
    match member(d, key) {
        None => {
            c.required_when(&at.key(key), "beneficiary.destination.type", kind.unwrap_or_default());
        }
        Some(Value::Object(bank)) if key == "bank" => {
            let at = at.key(key);
            c.one_of(bank, "account_number, iban", &at, Severity::Error);
            let swift = object_at(bank, "bank_codes").and_then(|codes| member(codes, "swift_code")).and_then(Value::as_str);
            if let Some(swift) = swift {
                c.bic_country(swift, member(bank, "country"), &at.key("bank_codes").key("swift_code"), "beneficiary.destination.bank.country");
            }
        }
        Some(_) => {}
    }
}

const DETAIL: &[Field] = &[
    req("mch_order_id", Rule::Text(64)),
    req("amount", Rule::Amount),
    // Required by the docs, left out by the vendor's own demo: the spec's table takes the docs.
    req("destination_type", Rule::Choice("bank")),
    req("bank_account_name", Rule::Text(0)),
    req("bank_account_no", Rule::Text(0)),
    req("bank_account_type", Rule::Party),
    req("bank_name", Rule::Text(0)),
    req("bank_country_code", Rule::Country),
    req("bank_swift_code", Rule::Bic(Some("bank_country_code"))),
];
const BATCH: &[Field] = &[
    req("request_id", Rule::Text(64)),
    req("currency", Rule::Currency),
    req("total_amount", Rule::Amount),
    req("way_type", Rule::Known(WAY_TYPES)),
    req("way_code", Rule::Text(0)),
    req("notify_url", Rule::Url(0)),
    opt("product_name", Rule::Text(0)),
    opt("description", Rule::Text(0)),
    opt("expired_time", Rule::Int(1, i32::MAX)),
    opt("transaction_network", Rule::Text(0)),
    req("payout_order_details", Rule::Items(DETAIL)),
];

/// The member `key` of a batch detail, when the detail is an object.
fn detail<'v, 'a>(d: &'v Value<'a>, key: &str) -> Option<&'v Value<'a>> {
    d.as_object().and_then(|o| member(o, key))
}

fn detail_str<'v>(d: &'v Value, key: &str) -> Option<&'v str> {
    detail(d, key).and_then(Value::as_str)
}

/// Create payout batch.
pub(super) fn batch(c: &mut Ctx, p: &Object, at: &At) {
    c.fields(p, at, BATCH);
    let details = member(p, "payout_order_details").and_then(Value::as_array);
    let Some(details) = details.filter(|d| !d.is_empty()) else { return };
    let at_details = at.key("payout_order_details");
    // mch_order_id unique within the batch (30007), each repeat reported with its first occurrence,
    // found through the parser's table of first occurrences: the spec sets no limit on a batch, and a
    // quadratic scan took half a second for 5,000 details in wasm (a sort measured 0.5 KB gzipped
    // more). No probe budget: the merchant's own ids, not a hostile body.
    let id = |i: usize| details.get(i).and_then(|d| detail_str(d, "mch_order_id"));
    let mut firsts = FirstSeen::new(details.len(), usize::MAX);
    for i in 0..details.len() {
        let Some(this) = id(i) else { continue };
        if let Seen::Repeat(first) = firsts.insert(i, this, id) {
            let params = &[("first", P::I(first as i64))];
            c.error_gw(&at_details.index(i).key("mch_order_id"), Code::Duplicate, m::DUPLICATE, params, Some(30007));
        }
    }
    // The exact decimal sum (30002), once the total and every amount are valid.
    let minor = c.currency.as_ref().map(|(_, digits)| *digits);
    let Some(total) = amount_value(member(p, "total_amount"), minor) else { return };
    if !details.iter().all(|d| amount_value(detail(d, "amount"), minor).is_some()) {
        return;
    }
    let sum = currency::decimal_sum(details.iter().filter_map(|d| amount_value(detail(d, "amount"), minor)));
    if !currency::decimal_eq(&sum, total) {
        let params = &[("expected", P::T(&sum)), ("actual", text(total))];
        c.error_gw(&at.key("total_amount"), Code::SumMismatch, m::SUM_MISMATCH, params, Some(30002));
    }
}

/// Fetch payout.
pub(super) fn fetch(c: &mut Ctx, p: &Object, at: &At) {
    c.fields(p, at, &[opt("request_id", Rule::Text(64)), opt("pay_order_id", Rule::Text(0))]);
    c.one_of(p, "request_id, pay_order_id", at, Severity::Error);
}

/// Payout supported banks.
pub(super) fn banks(c: &mut Ctx, p: &Object, at: &At) {
    let fields = &[req("bank_country_code", Rule::Country), req("currency", Rule::Currency), req("way_code", Rule::Text(0))];
    c.fields(p, at, fields);
}
