//! Issue messages in English and Simplified Chinese: static templates with `{name}` placeholders filled
//! from the issue's params (`{field}` is the issue's path). No template names a value the user typed
//! except currency codes, country parts and amounts: never a secret, a card number or a CVV.

use super::Param;

pub use crate::Locale;

/// One message in both languages.
pub(crate) struct Text(&'static str, &'static str);

/// Messages travel by reference: one pointer per call site instead of four words copied to the stack
/// (measured −187 bytes gzipped).
pub(crate) type Msg = &'static Text;

impl Text {
    /// The message with `{field}` and every `{param}` filled in.
    pub(crate) fn render(&self, locale: Locale, field: &str, params: &[(&'static str, Param)]) -> String {
        let template = match locale {
            Locale::En => self.0,
            Locale::ZhCn => self.1,
        };
        let mut out = String::with_capacity(template.len() + field.len());
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            // `get` rather than `split_at`: the same split, without linking the panicking slice paths.
            let (before, after) = (rest.get(..open).unwrap_or(""), rest.get(open..).unwrap_or(""));
            out.push_str(before);
            let Some(close) = after.find('}') else {
                out.push_str(after);
                return out;
            };
            let name = after.get(1..close).unwrap_or("");
            // `{actual:type}`: a type's name (`TYPE`'s `expected`, `actual`), translated by the template.
            let (name, type_name) = match name.strip_suffix(":type") {
                Some(name) => (name, true),
                None => (name, false),
            };
            if name == "field" {
                out.push_str(field);
            } else if let Some((_, value)) = params.iter().find(|(n, _)| *n == name) {
                match value {
                    Param::Text(t) if type_name => push_zh_type_name(&mut out, t),
                    Param::Text(t) => out.push_str(t),
                    Param::Int(n) => crate::json::push_int(&mut out, *n),
                }
            } else {
                out.push_str(after.get(..=close).unwrap_or(""));
            }
            rest = after.get(close + 1..).unwrap_or("");
        }
        out.push_str(rest);
        out
    }
}

/// A type's name in Chinese, for a `{name:type}` placeholder (the issue's params keep the English names,
/// which programs read). JavaScript's own words (`null`, `undefined`, `symbol`) stay as they are,
/// spaced from the Chinese before them (the templates put no space there).
fn push_zh_type_name(out: &mut String, name: &str) {
    let translated = match name {
        "string" => "字符串",
        "number" => "数字",
        "integer" => "整数",
        "boolean" => "布尔值",
        "object" => "对象",
        "array" => "数组",
        "string or number" => "字符串或数字",
        "function" => "函数",
        other => {
            out.push(' ');
            other
        }
    };
    out.push_str(translated);
}

macro_rules! messages {
    ($($name:ident: $en:literal, $zh:literal;)*) => {
        $(pub(crate) const $name: Msg = &Text($en, $zh);)*
        #[cfg(test)]
        pub(crate) const ALL: &[Msg] = &[$($name),*];
    };
}

messages! {
    // Params that are not strict JSON (`validate_json`).
    PARSE: "params could not be read as strict JSON: check the text at byte {at}",
        "params 不是严格的 JSON：请检查字节偏移 {at} 处的文本";
    PARSE_EMPTY: "params are empty: expected a JSON object",
        "params 为空：应为 JSON 对象";
    PARSE_NUMBER_RANGE: "params hold a number at byte {at} beyond what the gateway can read (exponent or scale outside 32 bits, or over 65535 characters as written or as the gateway rewrites it)",
        "params 在字节偏移 {at} 处的数字超出网关可读取的范围（指数或小数位数超出 32 位，或书写或经网关改写后超过 65535 个字符）";
    // Without a byte: these two are what an object from JavaScript can hold, and its bytes are those of
    // a JSON.stringify text the caller never sees.
    PARSE_DEEP: "params are nested deeper than {max} levels",
        "params 的嵌套超过 {max} 层";
    PARSE_DIRECTIVE: "params hold the key \"{key}\", which the gateway's JSON parser reads as a directive, not data; rename it",
        "params 含有键 \"{key}\"，网关的 JSON 解析器会将其当作指令而非数据，请重命名";
    HALF_CHARACTER: "params contain half a character (an emoji cut in two), which the gateway would sign as ?",
        "params 含有半个字符（如被截断的表情符号），网关签名时会将其替换为“?”";
    PARAMS_TYPE: "params must be a JSON object, not {actual}",
        "params 必须是 JSON 对象，而不是{actual:type}";
    TYPE: "{field} must be a JSON {expected}, not {actual}",
        "{field} 必须是 JSON {expected:type}，而不是{actual:type}";
    REQUIRED: "{field} is required",
        "{field} 为必填项";
    REQUIRED_WHEN: "{field} is required when {other} is {value}",
        "当 {other} 为 {value} 时，{field} 为必填项";
    NOT_EMPTY: "{field} must hold at least one element",
        "{field} 至少需要包含一个元素";
    TOO_MANY_ISSUES: "more than {max} problems: the first {max} are listed; fix them and validate again",
        "问题超过 {max} 个：仅列出前 {max} 个；请修正后重新校验";
    UNKNOWN_FIELD: "{field} is not a documented parameter of this request; check its spelling",
        "{field} 不是该请求文档列出的参数，请检查拼写";
    TOO_LONG: "{field} must be at most {max} characters, not {length}",
        "{field} 最多 {max} 个字符，当前为 {length} 个";
    TOO_LONG_UNITS: "{field} must be at most {max} characters, not {length}: an emoji or another character outside the BMP counts 2, as in Java and JavaScript",
        "{field} 最多 {max} 个字符，当前为 {length} 个：表情符号等 BMP 以外的字符计为 2 个（与 Java 和 JavaScript 相同）";
    ENUM: "{field} must be one of: {allowed}",
        "{field} 必须是以下值之一：{allowed}";
    ENUM_UNKNOWN: "{field} is not one of the documented values ({allowed}); check it with the gateway",
        "{field} 不是文档列出的取值（{allowed}），请与网关确认";
    API_VERSION_LEGACY: "{field} V1 is reserved for one legacy merchant; send V2",
        "{field} 的 V1 仅供一个旧商户使用，请传 V2";
    OUT_OF_RANGE: "{field} must be a whole number from {min} to {max}",
        "{field} 必须是 {min} 到 {max} 之间的整数";
    URL: "{field} must be an absolute http or https URL with a valid host, such as https://shop.example/notify",
        "{field} 必须是以 http 或 https 开头、主机有效的绝对 URL（如 https://shop.example/notify）";
    CURRENCY_FORMAT: "{field} must be an upper-case currency code of 3 letters (4 for tokens such as USDT)",
        "{field} 必须是 3 个大写字母的币种代码（USDT 等代币为 4 个）";
    CURRENCY_UNKNOWN: "{field} {currency} is neither a current ISO 4217 currency nor a documented crypto currency; check it",
        "{field} 的 {currency} 既不是现行 ISO 4217 币种，也不是文档列出的加密货币，请核对";
    CURRENCY_NO_MINOR_UNITS: "{field} {currency} is an ISO 4217 code without minor units (a precious metal, a fund or test code), not a currency payments are made in; check it",
        "{field} 的 {currency} 是没有辅币单位的 ISO 4217 代码（贵金属、基金单位或测试代码），不是用于支付的币种，请核对";
    PAYOUT_CURRENCY: "{field} {currency} may be refused: the gateway documents payouts in {allowed}",
        "{field} 的 {currency} 可能被拒绝：网关文档中的代付币种为 {allowed}";
    AMOUNT_NOT_STRING: "{field} must be a decimal string such as \"100.50\", not a JSON number: pass amounts as strings",
        "{field} 必须是十进制字符串（如 \"100.50\"），不能是 JSON 数字：请以字符串传递金额";
    AMOUNT_FORMAT: "{field} must be a positive decimal such as \"100.50\", without sign, exponent, separators, spaces or leading zeros",
        "{field} 必须是正的十进制数（如 \"100.50\"），不能带符号、指数、分隔符、空格或前导零";
    AMOUNT_PRECISION: "{field} may have at most {digits} decimal places in {currency}",
        "{field} 在 {currency} 下最多 {digits} 位小数";
    AMOUNT_WHOLE: "{field} must be a whole amount in {currency}, which has no decimal places",
        "{field} 在 {currency} 下必须是整数金额（该币种没有小数位）";
    SUM_MISMATCH: "{field} is {actual} but the amounts of payout_order_details add up to {expected}",
        "{field} 为 {actual}，但 payout_order_details 的金额合计为 {expected}";
    COUNTRY_FORMAT: "{field} must be a 2-letter upper-case ISO 3166-1 alpha-2 country code such as PH",
        "{field} 必须是 2 个大写字母的 ISO 3166-1 alpha-2 国家代码（如 PH）";
    COUNTRY_UNKNOWN: "{field} is not an assigned ISO 3166-1 alpha-2 country code",
        "{field} 不是已分配的 ISO 3166-1 alpha-2 国家代码";
    COUNTRY_UK: "{field} must be GB for the United Kingdom: UK is not an assigned ISO 3166-1 alpha-2 code",
        "{field} 表示英国时必须为 GB：UK 不是已分配的 ISO 3166-1 alpha-2 国家代码";
    ONE_OF: "at least one of {fields} is required",
        "{fields} 中至少需要提供一个";
    ONE_OF_IN: "{parent} needs at least one of {fields}",
        "{parent} 中的 {fields} 至少需要提供一个";
    ONE_OF_IN_WARNING: "{parent} has none of {fields}; the gateway may refuse the request without one of them",
        "{parent} 未提供 {fields} 中的任何一个；缺少它们时网关可能拒绝该请求";
    DUPLICATE: "{field} repeats the mch_order_id of payout_order_details[{first}]; it must be unique within the batch",
        "{field} 与 payout_order_details[{first}] 的 mch_order_id 重复；同一批次内必须唯一";
    CHANNEL_EXTRA_REQUIRED: "{field} is required for card payments in OpenAPI mode (pay_access_type 2)",
        "OpenAPI 模式（pay_access_type 为 2）的卡支付必须提供 {field}";
    CARD_WAY_TYPE: "{field} must be CARD_PAYMENT when channel_extra is sent (a card payment)",
        "传入 channel_extra（卡支付）时，{field} 必须为 CARD_PAYMENT";
    EXTRA_MODE: "{field} {value} is meant for pay_access_type {expected}; check the integration mode",
        "{field} 的 {value} 适用于 pay_access_type {expected}，请检查接入模式";
    THREE_DS_TOKEN: "{field} cannot be combined with token payments; remove three_ds or pay with card data",
        "{field} 不能与 token 支付同时使用；请去掉 three_ds 或改用卡数据支付";
    CARD_NUMBER: "{field} must be 16 to 19 digits without spaces or separators",
        "{field} 必须是 16 到 19 位数字，不含空格或分隔符";
    CARD_LUHN: "{field} fails the card number checksum (Luhn); check the digits",
        "{field} 未通过卡号校验（Luhn），请核对数字";
    EXPIRY_YEAR: "{field} must be a four-digit year such as 2030",
        "{field} 必须是四位数年份（如 2030）";
    EXPIRED: "{field}: the card has expired; use a card valid this month or later",
        "{field}：卡片已过期，请使用本月及以后仍有效的卡";
    CVV: "{field} must be 3 or 4 digits",
        "{field} 必须是 3 或 4 位数字";
    BIC: "{field} must be a BIC of 8 or 11 characters: 4-letter bank, 2-letter country, 2-character location, optional 3-character branch, upper case",
        "{field} 必须是 8 或 11 位的 BIC：4 个字母的银行代码、2 个字母的国家代码、2 位地区代码、可选的 3 位分行代码，均为大写";
    BIC_COUNTRY: "{field} belongs to country {bic_country} but {other} is {country}; check both",
        "{field} 属于国家 {bic_country}，但 {other} 为 {country}，请核对两者";
    IBAN: "{field} must be an IBAN: country code, 2 check digits and up to 30 upper-case letters or digits, without spaces",
        "{field} 必须是 IBAN：国家代码、2 位校验数字和最多 30 位大写字母或数字，不含空格";
    IBAN_CHECKSUM: "{field} fails the IBAN checksum (mod 97); check the digits",
        "{field} 未通过 IBAN 校验（mod 97），请核对数字";
    IFSC: "{field} must be an IFSC: 4 letters, a 0, then 6 letters or digits, such as HDFC0001234",
        "{field} 必须是 IFSC：4 个字母、一个 0、再加 6 位字母或数字（如 HDFC0001234）";
    ABA: "{field} must be an ABA routing number of 9 digits",
        "{field} 必须是 9 位数字的 ABA 路由号";
    ABA_CHECKSUM: "{field} fails the ABA routing number checksum; check the digits",
        "{field} 未通过 ABA 路由号校验，请核对数字";
    SIX_DIGITS: "{field} must be 6 digits without dashes or spaces",
        "{field} 必须是 6 位数字，不含横线或空格";
    CNAPS: "{field} must be a CNAPS code of 12 digits",
        "{field} 必须是 12 位数字的 CNAPS 行号";
    TRC20: "{field} must be a TRC20 address: 34 base58 characters starting with T",
        "{field} 必须是 TRC20 地址：以 T 开头的 34 位 base58 字符";
    TRC20_CHECKSUM: "{field} fails the TRC20 address checksum (base58check); copy the address again",
        "{field} 未通过 TRC20 地址校验（base58check），请重新复制地址";
    EVM: "{field} must be a valid {network} address: 0x followed by 40 hexadecimal digits",
        "{field} 必须是有效的 {network} 地址：0x 后跟 40 位十六进制数字";
    EVM_CHECKSUM: "{field} fails the EIP-55 mixed-case checksum; copy the address again or write it all in lower case",
        "{field} 未通过 EIP-55 大小写校验，请重新复制地址或全部使用小写";
    EMAIL: "{field} must be an e-mail address such as name@example.com",
        "{field} 必须是电子邮箱地址（如 name@example.com）";
    CALLING_CODE: "{field} must be a country calling code: digits, optionally after +, such as +63",
        "{field} 必须是国际电话区号：数字，可带 + 前缀（如 +63）";
    DOB_FORMAT: "{field} must be a date written DD-MM-YYYY or YYYY-MM-DD",
        "{field} 必须是 DD-MM-YYYY 或 YYYY-MM-DD 格式的日期";
    DOB_IMPOSSIBLE: "{field} is not a possible date of birth (no such day, or before 1900)",
        "{field} 不是有效的出生日期（日期不存在或早于 1900 年）";
    DOB_FUTURE: "{field} is in the future",
        "{field} 晚于当前日期";
    TIMESTAMP: "{field} must be a 13-digit timestamp in milliseconds",
        "{field} 必须是 13 位毫秒时间戳";
    TIME_ORDER: "{field} must be later than start_time",
        "{field} 必须晚于 start_time";
    TIME_SPAN: "{field} must be at most 7 days after start_time",
        "{field} 与 start_time 的间隔不能超过 7 天";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_placeholder_is_known_and_both_languages_use_the_same_ones() {
        fn placeholder(p: &str) -> Option<&str> {
            p.split_once('}').map(|(n, _)| n.trim_end_matches(":type"))
        }
        fn names(t: &str) -> Vec<&str> {
            let mut v: Vec<&str> = t.split('{').skip(1).filter_map(placeholder).collect();
            v.sort_unstable();
            v
        }
        let mut all = std::collections::BTreeSet::new();
        for m in ALL {
            assert_eq!(names(m.0), names(m.1), "{}", m.0);
            assert_ne!(m.0, m.1);
            all.extend(names(m.0));
        }
        assert_eq!(ALL.len(), 66);
        // `field` (the issue's own name) and the parameters issues carry, nothing else.
        let known = [
            "actual", "allowed", "at", "bic_country", "country", "currency", "digits", "expected", "field", "fields", "first", "key",
            "length", "max", "min", "network", "other", "parent", "value",
        ];
        assert_eq!(all.into_iter().collect::<Vec<_>>(), known);
    }

    #[test]
    fn renders_placeholders() {
        let params = [("max", Param::Int(20)), ("length", Param::Int(21))];
        assert_eq!(TOO_LONG.render(Locale::En, "request_id", &params), "request_id must be at most 20 characters, not 21");
        assert_eq!(TOO_LONG.render(Locale::ZhCn, "request_id", &params), "request_id 最多 20 个字符，当前为 21 个");
        // Type names are translated only where the template asks (`{actual:type}`), and JavaScript's
        // own words are kept, spaced.
        let params = [("expected", Param::Text("string".into())), ("actual", Param::Text("undefined".into()))];
        assert_eq!(TYPE.render(Locale::En, "a", &params), "a must be a JSON string, not undefined");
        assert_eq!(TYPE.render(Locale::ZhCn, "a", &params), "a 必须是 JSON 字符串，而不是 undefined");
        let params = [("actual", Param::Text("string".into())), ("expected", Param::Text("1.00".into()))];
        assert_eq!(SUM_MISMATCH.render(Locale::ZhCn, "t", &params), "t 为 string，但 payout_order_details 的金额合计为 1.00");
    }
}
