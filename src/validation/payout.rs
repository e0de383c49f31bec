//! Payout requests: single payout with the beneficiary model (spec 4.4), batch (4.3), fetch (4.5) and
//! supported banks (4.6). Bank account numbers and names are sensitive: no message repeats them.

use super::formats::{self, DateFail, Fail};
use super::{currency, messages as m, member, text, At, Code, Ctx, Need, Param};
use crate::json::{Object, Value};

/// 30004 Invalid Beneficiary Type, 30005 Invalid Country Code, 30007 Duplicate Detail ID, 30009 Invalid
/// Amount Format, 30002 Amount Mismatch (spec 5.4).
const BENEFICIARY_TYPE: Option<u32> = Some(30004);
const COUNTRY: Option<u32> = Some(30005);
const DUPLICATE_DETAIL: Option<u32> = Some(30007);
const AMOUNT: Option<u32> = Some(30009);
const AMOUNT_MISMATCH: Option<u32> = Some(30002);

const WAY_TYPES: &[&str] = &["BANK_TRANSFER", "WALLET_TRANSFER", "E_WALLET", "CRYPTO"];
const PARTY_TYPES: &[&str] = &["individual", "business"];

const CREATE_FIELDS: &[&str] = &[
    "request_id",
    "amount",
    "currency",
    "purpose",
    "product_name",
    "description",
    "way_code",
    "way_type",
    "expired_time",
    "notify_url",
    "transaction_network",
    "beneficiary",
];
const BENEFICIARY_FIELDS: &[&str] = &["beneficiary_type", "beneficiary_info", "destination"];
const INFO_FIELDS: &[&str] = &[
    "name",
    "first_name",
    "last_name",
    "email",
    "phone",
    "address",
    "tax_id",
    "date_of_birth",
    "nationality",
    "national_id",
];
const ADDRESS_FIELDS: &[&str] = &["country", "state", "city", "postal_code", "line1", "line2"];
const DESTINATION_FIELDS: &[&str] = &["type", "bank", "e_wallet", "crypto_wallet"];
const DESTINATION_TYPES: &[&str] = &["bank", "bank_account", "crypto_wallet", "ewallet"];
const BANK_FIELDS: &[&str] = &[
    "account_type",
    "country",
    "bank_province",
    "bank_city",
    "bank_name",
    "branch_name",
    "purpose_code",
    "account_number",
    "iban",
    "bank_codes",
];
const BANK_CODE_FIELDS: &[&str] =
    &["swift_code", "ifsc_code", "aba_code", "sort_code", "branch_code", "bsb_code", "bank_code", "cnaps"];
const EWALLET_FIELDS: &[&str] = &["ewallet_provider", "account_number", "account_type", "deposit_key"];

/// Create payout (single).
pub(super) fn create(c: &mut Ctx, p: &Object, at: &At) {
    c.unknown_fields(p, at, CREATE_FIELDS);
    c.text(p, "request_id", at, Need::Required, 64);
    let cur = c.payout_currency(p, "currency", at);
    c.amount(p, "amount", at, cur, AMOUNT);
    c.text(p, "purpose", at, Need::Optional, 0);
    c.text(p, "product_name", at, Need::Optional, 0);
    c.text(p, "description", at, Need::Optional, 0);
    c.text(p, "way_code", at, Need::Required, 0);
    c.choice(p, "way_type", at, Need::Required, WAY_TYPES, true, None);
    c.int_range(p, "expired_time", at, Need::Optional, false, 1, i64::from(i32::MAX));
    c.url(p, "notify_url", at, Need::Required, 0);
    c.text(p, "transaction_network", at, Need::Optional, 0);
    if let Some(b) = c.object(p, "beneficiary", at, Need::Required, BENEFICIARY_FIELDS) {
        beneficiary(c, b, &at.key("beneficiary"));
    }
}

fn beneficiary(c: &mut Ctx, b: &Object, at: &At) {
    c.choice(b, "beneficiary_type", at, Need::Required, PARTY_TYPES, false, BENEFICIARY_TYPE);
    if let Some(info) = c.object(b, "beneficiary_info", at, Need::Required, INFO_FIELDS) {
        beneficiary_info(c, info, &at.key("beneficiary_info"));
    }
    if let Some(d) = c.object(b, "destination", at, Need::Required, DESTINATION_FIELDS) {
        destination(c, d, &at.key("destination"));
    }
}

fn beneficiary_info(c: &mut Ctx, info: &Object, at: &At) {
    for key in ["name", "first_name", "last_name", "tax_id", "national_id"] {
        c.text(info, key, at, Need::Optional, 0);
    }
    c.one_of(info, &["name", "first_name", "last_name"], at);
    if let Some(email) = c.text(info, "email", at, Need::Optional, 0) {
        if !formats::email(email) {
            c.error(&at.key("email"), Code::Format, m::EMAIL, vec![]);
        }
    }
    if let Some(phone) = c.object(info, "phone", at, Need::Optional, &["calling_code", "number"]) {
        let at_phone = at.key("phone");
        if let Some(code) = c.text(phone, "calling_code", &at_phone, Need::Optional, 5) {
            let digits = code.strip_prefix('+').unwrap_or(code);
            if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                c.error(&at_phone.key("calling_code"), Code::Format, m::CALLING_CODE, vec![]);
            }
        }
        c.text(phone, "number", &at_phone, Need::Optional, 0);
    }
    if let Some(address) = c.object(info, "address", at, Need::Optional, ADDRESS_FIELDS) {
        let at_address = at.key("address");
        c.country(address, "country", &at_address, Need::Optional, COUNTRY);
        for key in ["state", "city", "postal_code", "line1", "line2"] {
            c.text(address, key, &at_address, Need::Optional, 0);
        }
    }
    if let Some(dob) = c.text(info, "date_of_birth", at, Need::Optional, 0) {
        let msg = match formats::date_of_birth(dob, formats::civil_date(c.now_ms())) {
            Ok(()) => None,
            Err(DateFail::Format) => Some(m::DOB_FORMAT),
            Err(DateFail::Impossible) => Some(m::DOB_IMPOSSIBLE),
            Err(DateFail::Future) => Some(m::DOB_FUTURE),
        };
        if let Some(msg) = msg {
            c.error(&at.key("date_of_birth"), Code::Format, msg, vec![]);
        }
    }
    c.country(info, "nationality", at, Need::Optional, COUNTRY);
}

fn destination(c: &mut Ctx, d: &Object, at: &At) {
    let Some(kind) = c.choice(d, "type", at, Need::Required, DESTINATION_TYPES, false, None) else { return };
    let key = match kind {
        "bank" | "bank_account" => "bank",
        "ewallet" => "e_wallet",
        "crypto_wallet" => "crypto_wallet",
        _ => return,
    };
    let Some(v) = member(d, key) else {
        let params = vec![("other", text("destination.type")), ("value", text(kind))];
        c.error(&at.key(key), Code::Required, m::REQUIRED_WHEN, params);
        return;
    };
    let at_obj = at.key(key);
    match key {
        "bank" => {
            if let Some(bank) = c.object_value(v, &at_obj, BANK_FIELDS) {
                bank_destination(c, bank, &at_obj);
            }
        }
        "e_wallet" => {
            if let Some(wallet) = c.object_value(v, &at_obj, EWALLET_FIELDS) {
                c.text(wallet, "ewallet_provider", &at_obj, Need::Required, 0);
                c.text(wallet, "account_number", &at_obj, Need::Required, 0);
                let kinds = &["cpf", "cnpj", "email", "phone", "random"];
                c.choice(wallet, "account_type", &at_obj, Need::Optional, kinds, false, None);
                c.text(wallet, "deposit_key", &at_obj, Need::Optional, 0);
            }
        }
        _ => {
            if let Some(wallet) = c.object_value(v, &at_obj, &["wallet_address", "network"]) {
                crypto_wallet(c, wallet, &at_obj);
            }
        }
    }
}

fn bank_destination(c: &mut Ctx, bank: &Object, at: &At) {
    c.choice(bank, "account_type", at, Need::Optional, &["savings", "checking", "payment"], false, None);
    let country = c.country(bank, "country", at, Need::Optional, COUNTRY);
    for key in ["bank_province", "bank_city", "bank_name", "branch_name", "purpose_code", "account_number"] {
        c.text(bank, key, at, Need::Optional, 0);
    }
    c.one_of(bank, &["account_number", "iban"], at);
    if let Some(iban) = c.text(bank, "iban", at, Need::Optional, 0) {
        match formats::iban(iban) {
            Ok(()) => {}
            Err(Fail::Format) => c.error(&at.key("iban"), Code::Format, m::IBAN, vec![]),
            Err(Fail::Checksum) => c.error(&at.key("iban"), Code::Checksum, m::IBAN_CHECKSUM, vec![]),
        }
    }
    let Some(codes) = c.object(bank, "bank_codes", at, Need::Optional, BANK_CODE_FIELDS) else { return };
    let at = at.key("bank_codes");
    swift(c, codes, "swift_code", &at, Need::Optional, country, "destination.bank.country");
    if let Some(s) = c.text(codes, "ifsc_code", &at, Need::Optional, 0) {
        if !formats::ifsc(s) {
            c.error(&at.key("ifsc_code"), Code::Format, m::IFSC, vec![]);
        }
    }
    if let Some(s) = c.text(codes, "aba_code", &at, Need::Optional, 0) {
        match formats::aba(s) {
            Ok(()) => {}
            Err(Fail::Format) => c.error(&at.key("aba_code"), Code::Format, m::ABA, vec![]),
            Err(Fail::Checksum) => c.error(&at.key("aba_code"), Code::Checksum, m::ABA_CHECKSUM, vec![]),
        }
    }
    for (key, len, msg) in [("sort_code", 6, m::SIX_DIGITS), ("bsb_code", 6, m::SIX_DIGITS), ("cnaps", 12, m::CNAPS)] {
        if let Some(s) = c.text(codes, key, &at, Need::Optional, 0) {
            if !formats::fixed_digits(s, len) {
                c.error(&at.key(key), Code::Format, msg, vec![]);
            }
        }
    }
    c.text(codes, "branch_code", &at, Need::Optional, 0);
    c.text(codes, "bank_code", &at, Need::Optional, 0);
}

/// A BIC, and a warning when its country part differs from the bank's country (`other`).
fn swift(c: &mut Ctx, obj: &Object, key: &str, at: &At, need: Need, country: Option<&str>, other: &'static str) {
    let Some(code) = c.text(obj, key, at, need, 0) else { return };
    match formats::bic(code) {
        None => c.error(&at.key(key), Code::Format, m::BIC, vec![]),
        Some(bic_country) => {
            if let Some(country) = country.filter(|cc| *cc != bic_country) {
                let params = vec![("bic_country", text(bic_country)), ("other", text(other)), ("country", text(country))];
                c.warn(&at.key(key), Code::UnsupportedCombination, m::BIC_COUNTRY, params);
            }
        }
    }
}

fn crypto_wallet(c: &mut Ctx, wallet: &Object, at: &At) {
    let network = c.choice(wallet, "network", at, Need::Required, &["TRC20", "ERC20", "BEP20"], false, None);
    let Some(address) = c.text(wallet, "wallet_address", at, Need::Required, 0) else { return };
    let at = at.key("wallet_address");
    match network {
        Some("TRC20") => match formats::trc20(address) {
            Ok(()) => {}
            Err(Fail::Format) => c.error(&at, Code::Format, m::TRC20, vec![]),
            Err(Fail::Checksum) => c.error(&at, Code::Checksum, m::TRC20_CHECKSUM, vec![]),
        },
        Some(n @ ("ERC20" | "BEP20")) => match formats::evm(address) {
            Ok(()) => {}
            Err(Fail::Format) => c.error(&at, Code::Format, m::EVM, vec![("network", text(n))]),
            Err(Fail::Checksum) => c.error(&at, Code::Checksum, m::EVM_CHECKSUM, vec![]),
        },
        _ => {}
    }
}

const BATCH_FIELDS: &[&str] = &[
    "request_id",
    "currency",
    "total_amount",
    "way_type",
    "way_code",
    "notify_url",
    "product_name",
    "description",
    "expired_time",
    "transaction_network",
    "payout_order_details",
];
const DETAIL_FIELDS: &[&str] = &[
    "mch_order_id",
    "amount",
    "destination_type",
    "bank_account_name",
    "bank_account_no",
    "bank_account_type",
    "bank_name",
    "bank_country_code",
    "bank_swift_code",
];

/// Create payout batch.
pub(super) fn batch(c: &mut Ctx, p: &Object, at: &At) {
    c.unknown_fields(p, at, BATCH_FIELDS);
    c.text(p, "request_id", at, Need::Required, 64);
    let cur = c.payout_currency(p, "currency", at);
    let total = c.amount(p, "total_amount", at, cur, AMOUNT);
    c.choice(p, "way_type", at, Need::Required, WAY_TYPES, true, None);
    c.text(p, "way_code", at, Need::Required, 0);
    c.url(p, "notify_url", at, Need::Required, 0);
    c.text(p, "product_name", at, Need::Optional, 0);
    c.text(p, "description", at, Need::Optional, 0);
    c.int_range(p, "expired_time", at, Need::Optional, false, 1, i64::from(i32::MAX));
    c.text(p, "transaction_network", at, Need::Optional, 0);

    let Some(v) = c.present(p, "payout_order_details", at, Need::Required) else { return };
    let at_details = at.key("payout_order_details");
    let Value::Array(details) = v else {
        let params = vec![("expected", text("array")), ("actual", text(v.type_name()))];
        c.error(&at_details, Code::Type, m::TYPE, params);
        return;
    };
    if details.is_empty() {
        c.error(&at_details, Code::Required, m::NOT_EMPTY, vec![]);
        return;
    }
    let mut ids: Vec<(&str, usize)> = Vec::new();
    let mut amounts: Vec<&str> = Vec::new();
    let mut all_amounts_valid = true;
    for (i, item) in details.iter().enumerate() {
        let at_item = at_details.index(i);
        let Some(d) = c.object_value(item, &at_item, DETAIL_FIELDS) else {
            all_amounts_valid = false;
            continue;
        };
        if let Some(id) = c.text(d, "mch_order_id", &at_item, Need::Required, 64) {
            ids.push((id, i));
        }
        match c.amount(d, "amount", &at_item, cur, AMOUNT) {
            Some(a) => amounts.push(a),
            None => all_amounts_valid = false,
        }
        c.choice(d, "destination_type", &at_item, Need::Expected, &["bank"], false, None);
        c.text(d, "bank_account_name", &at_item, Need::Required, 0);
        c.text(d, "bank_account_no", &at_item, Need::Required, 0);
        c.choice(d, "bank_account_type", &at_item, Need::Required, PARTY_TYPES, false, BENEFICIARY_TYPE);
        c.text(d, "bank_name", &at_item, Need::Required, 0);
        let country = c.country(d, "bank_country_code", &at_item, Need::Required, COUNTRY);
        swift(c, d, "bank_swift_code", &at_item, Need::Required, country, "bank_country_code");
    }
    c.unique(&ids, &at_details, "mch_order_id", DUPLICATE_DETAIL);
    if let (Some(total), true) = (total, all_amounts_valid) {
        let sum = currency::decimal_sum(amounts.iter().copied());
        if !currency::decimal_eq(&sum, total) {
            let params = vec![("expected", Param::Text(sum)), ("actual", text(total))];
            c.error_gw(&at.key("total_amount"), Code::SumMismatch, m::SUM_MISMATCH, params, AMOUNT_MISMATCH);
        }
    }
}

/// Fetch payout.
pub(super) fn fetch(c: &mut Ctx, p: &Object, at: &At) {
    c.unknown_fields(p, at, &["request_id", "pay_order_id"]);
    c.text(p, "request_id", at, Need::Optional, 64);
    c.text(p, "pay_order_id", at, Need::Optional, 0);
    c.one_of(p, &["request_id", "pay_order_id"], at);
}

/// Payout supported banks.
pub(super) fn banks(c: &mut Ctx, p: &Object, at: &At) {
    c.unknown_fields(p, at, &["bank_country_code", "currency", "way_code"]);
    c.country(p, "bank_country_code", at, Need::Required, COUNTRY);
    c.payout_currency(p, "currency", at);
    c.text(p, "way_code", at, Need::Required, 0);
}
