//! Order statuses (spec section 2, `order_status`): the gateway's numbers and every spelling it uses.

use std::borrow::Cow;

/// A decoded order status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OrderStatus {
    /// The gateway's number (`order_status_int`).
    pub code: u8,
    /// The canonical name, e.g. `SUCCEED`.
    pub name: &'static str,
    /// Whether the status is final (no further change is expected).
    pub is_final: bool,
    /// What it means, in English.
    pub description: &'static str,
    /// What it means, in Simplified Chinese.
    pub description_zh: &'static str,
}

/// Every status the gateway documents, by number.
pub const ALL: [OrderStatus; 9] = [
    status(0, "PENDING_CONFIRM", false, "created, awaiting confirmation (payout batches wait here for audit)", "已创建，等待确认（代付批次在此等待审核）"),
    status(1, "PENDING_PAY", false, "awaiting payment", "等待支付"),
    status(2, "SUCCEED", true, "paid", "支付成功"),
    status(3, "FAILED", true, "failed", "失败"),
    status(4, "CANCELED", true, "canceled", "已取消"),
    status(5, "REFUND", true, "refunded", "已退款"),
    status(6, "CLOSED", true, "closed", "已关闭"),
    status(11, "PARTIAL_SUCCESS", true, "payout batch: some details succeeded", "代付批次：部分明细成功"),
    status(12, "PAID", true, "paid, but the amount differs from the order", "已支付，但金额与订单不符"),
];

const fn status(code: u8, name: &'static str, is_final: bool, description: &'static str, description_zh: &'static str) -> OrderStatus {
    OrderStatus { code, name, is_final, description, description_zh }
}

/// The status with this number.
pub fn from_code(code: i64) -> Option<OrderStatus> {
    ALL.into_iter().find(|s| i64::from(s.code) == code)
}

/// The status with this name, in any case and any spelling the gateway uses: `SUCCESS`, `SUCCEEDED`
/// and `Succeeded` are `SUCCEED`; `REFUNDED` is `REFUND`; `CANCELLED` is `CANCELED`. The payout
/// detail states `CREATED` and `PROCESSING` are read as `PENDING_PAY` (not final).
pub fn from_name(name: &str) -> Option<OrderStatus> {
    // Compared byte by byte as `normalize_name` would rewrite the text: nothing is allocated for the
    // `order_status` of every verified webhook.
    let text = name.trim().as_bytes();
    let spells = |spelling: &str| text.len() == spelling.len() && text.iter().zip(spelling.bytes()).all(|(&t, s)| fold(t) == s);
    let named = |wanted: &str| ALL.into_iter().find(|s| s.name == wanted);
    ALL.into_iter().find(|s| spells(s.name)).or_else(|| ALIASES.iter().find(|(a, _)| spells(a)).and_then(|&(_, n)| named(n)))
}

/// The status a text names: its number (`"2"`) or any spelling [`from_name`] accepts.
pub fn from_text(text: &str) -> Option<OrderStatus> {
    match crate::errors::integer_from_text(text) {
        Some(code) => from_code(code),
        None => from_name(text),
    }
}

/// The status a payload's `order_status` value names: a name in any spelling, or its number (as a JSON
/// number or a numeric string).
// One copy in the module: a verdict's `orderStatus` and its idempotency key both read it.
#[inline(never)]
pub fn from_value(value: &crate::json::Value<'_>) -> Option<OrderStatus> {
    match value {
        crate::json::Value::String(text) => from_text(text),
        crate::json::Value::Number(text) => from_text(text),
        _ => None,
    }
}

impl OrderStatus {
    /// What it means, in the given language.
    pub fn description_in(&self, locale: crate::errors::Locale) -> &'static str {
        match locale {
            crate::errors::Locale::En => self.description,
            crate::errors::Locale::ZhCn => self.description_zh,
        }
    }
}

/// The canonical spelling of a status name (upper case, aliases folded); unknown names are only
/// upper-cased and trimmed.
pub fn normalize_name(name: &str) -> String {
    normalized(name).into_owned()
}

/// [`normalize_name`], borrowed for a status the gateway documents.
pub(crate) fn normalized(name: &str) -> Cow<'static, str> {
    match from_name(name) {
        Some(status) => Cow::Borrowed(status.name),
        None => {
            let mut out = String::new();
            push_unknown_name(&mut out, name);
            Cow::Owned(out)
        }
    }
}

/// Writes a name [`from_name`] does not know as [`normalize_name`] spells it: trimmed, upper case,
/// spaces and hyphens as `_`. Also the idempotency key's spelling of such a status, char by char (the
/// `str::replace` it replaced made the key's code 2.7 KB in `lesspay2/edge`).
pub(crate) fn push_unknown_name(out: &mut String, name: &str) {
    out.extend(name.trim().chars().map(|c| match c {
        ' ' | '-' => '_',
        c => c.to_ascii_uppercase(),
    }));
}

/// Other spellings the gateway uses for a status, and its canonical name.
const ALIASES: [(&str, &str); 7] = [
    ("SUCCESS", "SUCCEED"),
    ("SUCCEEDED", "SUCCEED"),
    ("SUCCESSFUL", "SUCCEED"),
    ("REFUNDED", "REFUND"),
    ("CANCELLED", "CANCELED"),
    ("CREATED", "PENDING_PAY"),
    ("PROCESSING", "PENDING_PAY"),
];

/// One byte as [`normalize_name`] writes it: upper case, with spaces and hyphens as `_`.
fn fold(b: u8) -> u8 {
    match b {
        b' ' | b'-' => b'_',
        _ => b.to_ascii_uppercase(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings() {
        for s in ["SUCCEED", "SUCCESS", "SUCCEEDED", "Succeeded", "succeed"] {
            assert_eq!(from_name(s).map(|s| s.code), Some(2), "{s}");
        }
        assert_eq!(from_name("REFUNDED").map(|s| s.name), Some("REFUND"));
        assert_eq!(from_code(11).map(|s| s.name), Some("PARTIAL_SUCCESS"));
        assert_eq!(from_name("NOPE"), None);
        assert_eq!(from_code(7), None);
        assert_eq!(from_text(" 12 ").map(|s| s.name), Some("PAID"));
        assert_eq!(from_text("Succeeded").map(|s| s.code), Some(2));
        assert_eq!(from_text("-1"), None);
        assert_eq!(from_text(""), None);
    }

    #[test]
    fn descriptions_in_each_language() {
        use crate::Locale;
        // The table's own two texts for SUCCEED, and each language's text for every status.
        assert_eq!(from_code(2).map(|s| (s.description_in(Locale::En), s.description_in(Locale::ZhCn))), Some(("paid", "支付成功")));
        for s in ALL {
            assert_eq!((s.description_in(Locale::En), s.description_in(Locale::ZhCn)), (s.description, s.description_zh), "{}", s.name);
        }
    }

    #[test]
    fn names_fold_as_the_text_would_be_rewritten() {
        // The rule `from_name` compares by, written out: trim, ASCII upper case, spaces and hyphens
        // as `_`, then the aliases.
        let rewritten = |name: &str| {
            let upper = name.trim().to_ascii_uppercase().replace([' ', '-'], "_");
            match upper.as_str() {
                "SUCCESS" | "SUCCEEDED" | "SUCCESSFUL" => "SUCCEED".to_owned(),
                "REFUNDED" => "REFUND".to_owned(),
                "CANCELLED" => "CANCELED".to_owned(),
                "CREATED" | "PROCESSING" => "PENDING_PAY".to_owned(),
                _ => upper,
            }
        };
        let names = [
            "pending-pay", " partial success ", "Cancelled", "processing", "Created", "PAID", "paid ",
            "pending confirm", "PENDING__PAY", "succeeded\u{3000}", "état", "SUCCEEDÉ", "", "-", "2", "PARTIAL-SUCCESS",
            "PENDING_PA", "PENDING_PAYX", "closed", "ＳＵＣＣＥＥＤ",
        ];
        for name in names {
            assert_eq!(normalize_name(name), rewritten(name), "{name:?}");
            let known = ALL.iter().find(|s| s.name == rewritten(name)).map(|s| s.name);
            assert_eq!(from_name(name).map(|s| s.name), known, "{name:?}");
        }
        assert_eq!(from_name(" partial success ").map(|s| s.name), Some("PARTIAL_SUCCESS"));
        assert_eq!(normalize_name("état"), "éTAT");
    }
}
