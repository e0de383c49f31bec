//! Decoding the gateway's answers (spec section 5): HTTP statuses, business codes, `msg` strings and
//! fraud/dispute notices, into what happened ([`Category`]) and whether it is safe to send again
//! ([`Retry`]). Decoding never fails: input it cannot read decodes to [`Category::Unknown`].
//!
//! ```
//! use lesspay2::errors::{decode_code, Category, Context, Operation, Retry};
//!
//! let create = Context { operation: Some(Operation::Create), ..Context::default() };
//! let e = decode_code(10, &create);
//! assert_eq!((e.name, e.category, e.retry), ("System Exception", Category::Server, Retry::QueryFirst));
//! ```

mod codes;

use crate::json::{self, Object, Value};
use codes::{Row, RetryRule};

/// What kind of answer it is: whose fault, and what the merchant deals with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Category {
    /// The request succeeded.
    Success,
    /// A parameter, the body format or the HTTP method is wrong.
    InvalidRequest,
    /// The App ID or the signature is wrong or missing.
    Authentication,
    /// The credentials may not do this.
    Permission,
    /// The order, detail or endpoint does not exist.
    NotFound,
    /// The order exists already or is not in a state that allows the change.
    Conflict,
    /// A business rule of the gateway refused the request.
    BusinessRule,
    /// The gateway failed; the outcome of a create call is unknown.
    Server,
    /// The gateway is down or throttling; the call was not processed.
    Unavailable,
    /// A fraud or risk rule declined the payment.
    Fraud,
    /// The card scheme reported a dispute (chargeback).
    Dispute,
    /// Nothing the gateway documents.
    Unknown,
}

impl Category {
    /// The stable snake_case name (`invalid_request`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Success => "success",
            Category::InvalidRequest => "invalid_request",
            Category::Authentication => "authentication",
            Category::Permission => "permission",
            Category::NotFound => "not_found",
            Category::Conflict => "conflict",
            Category::BusinessRule => "business_rule",
            Category::Server => "server",
            Category::Unavailable => "unavailable",
            Category::Fraud => "fraud",
            Category::Dispute => "dispute",
            Category::Unknown => "unknown",
        }
    }
}

/// Whether and when the same request may be sent again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Retry {
    /// Do not send it again (it succeeded, it can never succeed, or the order already exists).
    No,
    /// Send it again only after fixing what the advice names.
    AfterFix,
    /// Send it again later, with backoff.
    Later,
    /// The outcome is unknown: look the order up by `request_id` first, and resend (with the same
    /// `request_id`) only if it does not exist.
    QueryFirst,
}

impl Retry {
    /// The stable snake_case name (`after_fix`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            Retry::No => "no",
            Retry::AfterFix => "after_fix",
            Retry::Later => "later",
            Retry::QueryFirst => "query_first",
        }
    }
}

/// Which table decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Source {
    /// Spec 5.1, or the class of an undocumented HTTP status.
    HttpStatus,
    /// Spec 5.2 (and code 0 outside a payout context).
    PayinCode,
    /// Spec 5.4, including the reserved, unpublished codes of 30000–30079.
    PayoutCode,
    /// Spec 5.3: the fetch pay-in `msg` values.
    QueryMsg,
    /// Spec 5.5: a fraud response code or a `payment_declined` notice.
    FraudCode,
    /// Spec 5.5: a `dispute_received` notice.
    Dispute,
    /// Nothing matched: an unknown code, message, event, or unreadable input.
    None,
}

impl Source {
    /// The stable snake_case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Source::HttpStatus => "http_status",
            Source::PayinCode => "payin_code",
            Source::PayoutCode => "payout_code",
            Source::QueryMsg => "query_msg",
            Source::FraudCode => "fraud_code",
            Source::Dispute => "dispute",
            Source::None => "none",
        }
    }
}

display_as_str!(Category, Retry, Source);

/// Which API answered (decides what code 30034 is).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Api {
    /// Pay-in: 30034 is the fraud response code "suspected fraud (pick up)".
    Payin,
    /// Payout: 30034 is a reserved, unpublished payout code.
    Payout,
}

/// Which call answered (decides whether an unknown outcome needs a look-up first).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Operation {
    /// A create call: a failure with an unknown outcome is [`Retry::QueryFirst`].
    Create,
    /// A query (fetch) call.
    Query,
    /// Anything else (supported banks, balance, re-send webhook).
    Other,
}

/// The language of `description` and `advice` (the gateway's own `name` and `suggestion` stay as
/// published): the crate's one [`Locale`].
pub use crate::Locale;

/// What the caller knows about the call that produced the answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Context {
    /// Pay-in or payout, when known.
    pub api: Option<Api>,
    /// The call, when known.
    pub operation: Option<Operation>,
    /// The language of `description` and `advice`.
    pub locale: Locale,
}

/// The pieces of a gateway answer, however they arrived.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Answer {
    /// The HTTP status.
    pub status: Option<i64>,
    /// The business `code`, when it is an integer.
    pub code: Option<i64>,
    /// A `code` was there but is not an integer the gateway could send (`1.5`, `NaN`, `1e30`, `"abc"`).
    pub code_unreadable: bool,
    /// The `msg`.
    pub msg: Option<String>,
    /// The webhook `event` (`payment_declined`, `dispute_received`).
    pub event: Option<String>,
    /// The fraud response code found in `event_data`.
    pub fraud_code: Option<i64>,
    /// The dispute category found in `event_data`.
    pub dispute_category: Option<String>,
    /// A body was given but it is not a JSON object (HTML, text, empty, truncated), or, with a 2xx
    /// status, not the envelope (JSON without a `code` or an `event`).
    pub body_unreadable: bool,
    /// The API the answer shows itself: a pay-in webhook's `error_code`/`error_msg` (spec 6) make it
    /// pay-in, which decides what 30034 is when the context does not say.
    pub api: Option<Api>,
    /// A webhook notice (it has an `order_status`): without a code, msg or event it reports no error.
    pub notice: bool,
}

/// A `msg` that reads as a row of a different category than the `code` it came with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MsgConflict {
    /// The table the msg matches.
    pub source: Source,
    /// The code of that row, when it has one.
    pub code: Option<i64>,
    /// That row's name.
    pub name: &'static str,
    /// That row's category.
    pub category: Category,
}

/// A decoded answer.
#[derive(Debug, Clone, PartialEq, Eq)]
#[must_use]
pub struct Decoded {
    /// Whether the gateway documents it (a published row, a reserved payout code, a 4xxxx risk code).
    pub known: bool,
    /// Whether `name` and `suggestion` are the gateway's published words (false: our label, and
    /// `suggestion` is empty).
    pub published: bool,
    /// Which table decided.
    pub source: Source,
    /// The HTTP status, when given.
    pub status: Option<i64>,
    /// The business or fraud code, when given as an integer.
    pub code: Option<i64>,
    /// The `msg`, when given.
    pub msg: Option<String>,
    /// The payout group (`general`, `parameter validation`, `idempotency`, `lookup`, `unpublished`).
    pub group: Option<&'static str>,
    /// The gateway's label, exactly as published.
    pub name: &'static str,
    /// What it means, in the context's language.
    pub description: &'static str,
    /// The gateway's suggestion, exactly as published; empty when it published none.
    pub suggestion: &'static str,
    /// Our concrete next step, in the context's language.
    pub advice: &'static str,
    /// What kind of answer it is.
    pub category: Category,
    /// Whether and when to send the request again.
    pub retry: Retry,
    /// The `msg` reads as another row of a different category: reported, not hidden. The decode
    /// follows `code` (the field the gateway's programs set); check both.
    pub msg_conflict: Option<MsgConflict>,
}

/// `name: advice` (`Duplicate Data Exists: the order exists: …`), so that a failed answer can be
/// returned as an error (`decode_response` does) and logged as one line.
impl std::fmt::Display for Decoded {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.name, self.advice)
    }
}

impl std::error::Error for Decoded {}

/// A decoded fraud or dispute notice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// The `event` value.
    pub kind: String,
    /// The decoded notice (category `fraud`, `dispute` or `unknown`).
    pub decoded: Decoded,
    /// The fraud response code, for `payment_declined`.
    pub fraud_code: Option<i64>,
    /// The dispute category, for `dispute_received`.
    pub dispute_category: Option<String>,
}

fn localized(pair: [&'static str; 2], locale: Locale) -> &'static str {
    match locale {
        Locale::En => pair[0],
        Locale::ZhCn => pair[1],
    }
}

fn retry_of(rule: RetryRule, ctx: &Context) -> Retry {
    match rule {
        RetryRule::Always(r) => r,
        RetryRule::UnlessCreate(_) if ctx.operation == Some(Operation::Create) => Retry::QueryFirst,
        RetryRule::UnlessCreate(r) => r,
    }
}

/// A row found in a table, with where it came from.
#[derive(Clone, Copy)]
struct Found {
    row: &'static Row,
    source: Source,
    known: bool,
    group: Option<&'static str>,
    code: Option<i64>,
}

impl Found {
    fn new(row: &'static Row, source: Source, known: bool) -> Self {
        Found { row, source, known, group: None, code: None }
    }

    fn into_decoded(self, answer: &Answer, ctx: &Context) -> Decoded {
        Decoded {
            known: self.known,
            published: self.row.published,
            source: self.source,
            status: answer.status,
            code: answer.code.or(self.code),
            msg: answer.msg.clone(),
            group: self.group,
            name: self.row.name,
            description: localized(self.row.description, ctx.locale),
            suggestion: self.row.suggestion,
            advice: localized(self.row.advice, ctx.locale),
            category: self.row.category,
            retry: retry_of(self.row.retry, ctx),
            msg_conflict: None,
        }
    }
}

fn http_row(status: i64) -> Found {
    if let Some((_, row)) = codes::HTTP.iter().find(|(s, _)| i64::from(*s) == status) {
        return Found::new(row, Source::HttpStatus, true);
    }
    let row: &'static Row = match status {
        200..=299 => &codes::STATUS_2XX,
        300..=399 => &codes::STATUS_3XX,
        408 | 429 => &codes::STATUS_RATE,
        400..=499 => &codes::STATUS_4XX,
        500..=599 => &codes::STATUS_5XX,
        _ => &codes::STATUS_OTHER,
    };
    Found::new(row, if (100..=599).contains(&status) { Source::HttpStatus } else { Source::None }, false)
}

fn fraud_row(code: i64) -> Option<Found> {
    if let Some((_, row)) = codes::FRAUD.iter().find(|(c, _)| *c == code) {
        return Some(Found::new(row, Source::FraudCode, true));
    }
    (40000..=49999).contains(&code).then(|| Found::new(&codes::FRAUD_OTHER, Source::FraudCode, true))
}

/// The row of a business code, or `None` for a code no table or range covers.
fn code_row(code: i64, ctx: &Context) -> Option<Found> {
    if code == 0 {
        // Spec 5.4 lists 0 in the payout table too, in the group "general".
        return Some(match ctx.api {
            Some(Api::Payout) => Found { group: Some("general"), ..Found::new(codes::SUCCESS_ROW, Source::PayoutCode, true) },
            _ => Found::new(codes::SUCCESS_ROW, Source::PayinCode, true),
        });
    }
    if let Some((_, row)) = codes::PAYIN.iter().find(|(c, _)| *c == code) {
        return Some(Found::new(row, Source::PayinCode, true));
    }
    // 30034 is both a reserved payout code and a fraud response code: only a pay-in context (or a
    // notice, see `decode_event`) makes it the fraud code.
    if code == 30034 && ctx.api == Some(Api::Payin) {
        return fraud_row(code);
    }
    if codes::PAYOUT_RANGE.contains(&code) {
        if let Some((_, group, row)) = codes::PAYOUT.iter().find(|(c, _, _)| *c == code) {
            return Some(Found { group: Some(group), ..Found::new(row, Source::PayoutCode, true) });
        }
        let (_, _, group, row) = codes::PAYOUT_UNPUBLISHED.iter().find(|(lo, hi, _, _)| (*lo..=*hi).contains(&code))?;
        return Some(Found { group: Some(group), ..Found::new(row, Source::PayoutCode, true) });
    }
    // The 4xxxx risk codes are the card channel's (spec 5.5): a payout answer never means them.
    if ctx.api == Some(Api::Payout) {
        return None;
    }
    fraud_row(code)
}

/// Whether two texts have the same words, ignoring ASCII case and how they are spaced.
fn same_words(a: &str, b: &str) -> bool {
    // ASCII trims only: a Unicode `trim` of both texts per row measured +2 µs per decode in wasm.
    let (a, b) = (a.as_bytes().trim_ascii(), b.as_bytes().trim_ascii());
    let space = |s: &[u8], i: usize| s.get(i).is_some_and(u8::is_ascii_whitespace);
    let (mut i, mut j) = (0, 0);
    loop {
        match (a.get(i), b.get(j)) {
            (None, None) => return true,
            (Some(x), Some(y)) if x.is_ascii_whitespace() && y.is_ascii_whitespace() => {
                while space(a, i) {
                    i += 1;
                }
                while space(b, j) {
                    j += 1;
                }
            }
            (Some(x), Some(y)) if x.eq_ignore_ascii_case(y) => {
                i += 1;
                j += 1;
            }
            _ => return false,
        }
    }
}

/// The row of a fetch pay-in message (spec 5.3). `msg` is trimmed of any Unicode space here, once, as
/// [`msg_row`] trims it: the same text reads alike with a code and without one.
fn query_msg_row(msg: &str) -> Option<Found> {
    let msg = msg.trim();
    codes::QUERY_MSGS.iter().find(|r| same_words(r.name, msg)).map(|row| Found::new(row, Source::QueryMsg, true))
}

/// The row a `msg` reads as: a fetch pay-in message, `SUCCESS`, or a code table's label (each
/// ignoring case and spacing).
fn msg_row(msg: &str, ctx: &Context) -> Option<Found> {
    let msg = msg.trim();
    if msg.is_empty() {
        return None;
    }
    if let Some(found) = query_msg_row(msg) {
        return Some(found);
    }
    if msg.eq_ignore_ascii_case("SUCCESS") {
        return code_row(0, ctx).map(|f| Found { code: Some(0), ..f });
    }
    if let Some((code, row)) = codes::PAYIN.iter().find(|(_, r)| same_words(r.name, msg)) {
        return Some(Found { code: Some(*code), ..Found::new(row, Source::PayinCode, true) });
    }
    codes::PAYOUT
        .iter()
        .find(|(_, _, r)| same_words(r.name, msg))
        .map(|(code, group, row)| Found { code: Some(*code), group: Some(group), ..Found::new(row, Source::PayoutCode, true) })
}

/// Decodes a business code.
pub fn decode_code(code: i64, ctx: &Context) -> Decoded {
    decode(&Answer { code: Some(code), ..Answer::default() }, ctx)
}

/// Decodes an HTTP status with the response body text (see [`decode_response`]).
pub fn decode_status(status: i64, body: &str, ctx: &Context) -> Decoded {
    let (answer, _) = read_body(Some(status), body);
    decode(&answer, ctx)
}

/// Decodes a bare `msg`.
pub fn decode_msg(msg: &str, ctx: &Context) -> Decoded {
    decode(&Answer { msg: Some(msg.to_owned()), ..Answer::default() }, ctx)
}

/// Decodes an answer, whatever it holds. Precedence: an `event` notice; then a known `code` (the
/// most specific), unless it is 0 with a non-2xx status, or 9999 ("the msg field contains specific
/// details") with a fetch pay-in message; then the HTTP status when it is an error; then a fetch
/// pay-in message with a code no table has; then an unknown code; then the `msg`; then the status
/// (a 2xx status alone is not success: the business code in the body is); otherwise unreadable.
pub fn decode(answer: &Answer, ctx: &Context) -> Decoded {
    let ctx = &Context { api: ctx.api.or(answer.api), ..*ctx };
    if let Some(kind) = answer.event.as_deref().filter(|e| !e.trim().is_empty()) {
        return decode_event_parts(kind, answer, ctx).decoded;
    }
    let status_error = answer.status.filter(|s| !(200..=299).contains(s));
    // Looked up only where it can decide.
    let query_msg = || answer.msg.as_deref().and_then(query_msg_row);
    let found = match (answer.code.and_then(|c| code_row(c, ctx)), status_error) {
        (Some(found), Some(status)) if found.row.category == Category::Success => http_row(status),
        (Some(found), _) if answer.code == Some(9999) => query_msg().unwrap_or(found),
        (Some(found), _) => found,
        (None, Some(status)) => {
            let f = http_row(status);
            // The status is documented but the code it came with is not.
            Found { known: f.known && answer.code.is_none() && !answer.code_unreadable, ..f }
        }
        (None, None) if answer.code.is_some() || answer.code_unreadable => {
            query_msg().unwrap_or(Found::new(&codes::UNKNOWN_CODE, Source::None, false))
        }
        (None, None) => match answer.msg.as_deref() {
            Some(msg) if !msg.trim().is_empty() => {
                msg_row(msg, ctx).unwrap_or_else(|| Found::new(&codes::UNKNOWN_MSG, Source::None, false))
            }
            _ => match answer.status {
                Some(s) if answer.body_unreadable && (200..=299).contains(&s) => {
                    Found::new(&codes::NOT_ENVELOPE_2XX, Source::HttpStatus, false)
                }
                Some(s) => http_row(s),
                None if answer.notice => Found::new(&codes::PLAIN_NOTICE, Source::None, false),
                None => Found::new(&codes::UNREADABLE, Source::None, false),
            },
        },
    };
    let mut decoded = found.into_decoded(answer, ctx);
    if answer.code.is_some() {
        decoded.msg_conflict = answer
            .msg
            .as_deref()
            .and_then(|m| msg_row(m, ctx))
            .filter(|m| m.row.category != decoded.category)
            .map(|m| MsgConflict { source: m.source, code: m.code, name: m.row.name, category: m.row.category });
    }
    decoded
}

/// Whether an `event` value names the notice `name` (in any case, spaces around it ignored): the two
/// notices of spec 5.5 are the names of the rows `codes::DECLINED` and `codes::DISPUTE_RECEIVED`.
fn is_event(event: &str, name: &str) -> bool {
    event.trim().eq_ignore_ascii_case(name)
}

fn decode_event_parts(kind: &str, answer: &Answer, ctx: &Context) -> Event {
    let found = if is_event(kind, codes::DECLINED.name) {
        // An unlisted response code still goes with the notice.
        let f = answer.fraud_code.and_then(fraud_row).unwrap_or(Found::new(&codes::DECLINED, Source::FraudCode, true));
        Found { code: answer.fraud_code, ..f }
    } else if is_event(kind, codes::DISPUTE_RECEIVED.name) {
        answer
            .dispute_category
            .as_deref()
            .and_then(|c| codes::DISPUTES.iter().find(|r| r.name.eq_ignore_ascii_case(c.trim())))
            .map_or(Found::new(&codes::DISPUTE_RECEIVED, Source::Dispute, true), |row| Found::new(row, Source::Dispute, true))
    } else {
        Found::new(&codes::UNKNOWN_EVENT, Source::None, false)
    };
    // The event's own code (the fraud code) is what the result carries, not the envelope's.
    let inner = Answer { code: found.code, ..answer.clone() };
    let mut decoded = found.into_decoded(&inner, ctx);
    decoded.code = found.code;
    Event {
        kind: kind.to_owned(),
        decoded,
        fraud_code: answer.fraud_code,
        dispute_category: answer.dispute_category.clone(),
    }
}

/// The fraud/dispute notice of a webhook payload, or `None` when its `event` is absent, null or empty.
///
/// It reads the payload as it is. On a verified webhook use [`Verified::event`](crate::Verified::event),
/// which also says whether the signature covers the event: on a pay-in v1 webhook it does not, and
/// anyone could have written it.
pub fn decode_event(payload: &Object<'_>, ctx: &Context) -> Option<Event> {
    // Most notices have no event: answered before the rest of the payload is read (every verified
    // webhook comes here).
    let kind = event_name(payload)?;
    Some(decode_event_parts(kind, &read_object(payload), ctx))
}

/// A payload's `event` when it names a notice: a string that is not blank. What [`decode_event`]
/// decodes and what the idempotency key ends with.
pub(crate) fn event_name<'p>(payload: &'p Object<'_>) -> Option<&'p str> {
    match payload.get("event") {
        Some(Value::String(kind)) if !kind.trim().is_empty() => Some(kind),
        _ => None,
    }
}

/// An integer from JSON number text or a numeric string: `-?[0-9]{1,15}` (beyond that it is not a
/// code the gateway sends, and it would lose precision in JavaScript).
pub fn integer_from_text(text: &str) -> Option<i64> {
    let t = text.trim();
    let digits = t.strip_prefix('-').unwrap_or(t);
    if digits.is_empty() || digits.len() > 15 {
        return None;
    }
    let mut n: i64 = 0;
    for b in digits.bytes() {
        if !b.is_ascii_digit() {
            return None;
        }
        // At most 15 digits: no overflow.
        n = n * 10 + i64::from(b - b'0');
    }
    Some(if digits.len() < t.len() { -n } else { n })
}

/// An integer from a JS number: finite, whole, and within ±(10^15 − 1).
pub fn integer_from_f64(n: f64) -> Option<i64> {
    (n.is_finite() && n.fract() == 0.0 && n.abs() < 1e15).then_some(n as i64)
}

/// An integer from JSON number text, whole as JavaScript would read it: `1201`, `1201.0` and
/// `1.201e3` are all 1201, `1.5` is none; within ±(10^15 − 1) like [`integer_from_f64`]. Exact,
/// without going through a float.
pub fn integer_from_number(text: &str) -> Option<i64> {
    const LIMIT: i64 = 1_000_000_000_000_000;
    let (mantissa, exponent) = match text.split_once(['e', 'E']) {
        // Past ±10^9 no exponent leaves a readable code (none but zero, which is "unreadable" then).
        Some((m, e)) => (m, integer_from_text(e.strip_prefix('+').unwrap_or(e)).filter(|e| e.abs() < 1_000_000_000)?),
        None => (text, 0),
    };
    let digits = mantissa.strip_prefix('-').unwrap_or(mantissa);
    let (int, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    if int.is_empty() || fraction.contains('.') {
        return None;
    }
    // The digits (without the point) before index `whole` are the integer part; any after it must be 0.
    let whole = int.len() as i64 + exponent;
    let (mut n, mut at) = (0i64, 0i64);
    for b in digits.bytes().filter(|&b| b != b'.') {
        let d = i64::from(b.checked_sub(b'0').filter(|d| *d <= 9)?);
        if at < whole {
            n = n * 10 + d;
        } else if d != 0 {
            return None;
        }
        if n >= LIMIT {
            return None;
        }
        at += 1;
    }
    // Zeros the exponent adds; a non-zero value passes the limit within 15 of them.
    while at < whole && n != 0 {
        n *= 10;
        if n >= LIMIT {
            return None;
        }
        at += 1;
    }
    Some(if digits.len() < mantissa.len() { -n } else { n })
}

fn integer_of(value: Option<&Value<'_>>) -> Option<Option<i64>> {
    match value? {
        Value::Null => None,
        Value::Number(n) => Some(integer_from_number(n)),
        Value::String(s) if s.trim().is_empty() => None,
        Value::String(s) => Some(integer_from_text(s)),
        _ => Some(None),
    }
}

fn text_of(value: Option<&Value<'_>>) -> Option<String> {
    match value? {
        Value::String(s) => Some(s.to_string()),
        _ => None,
    }
}

/// The keys of `event_data` where a fraud code or a dispute category may be (the spec does not give
/// its shape, so the common names are read, in this order).
pub const FRAUD_CODE_KEYS: [&str; 5] = ["fraud_code", "response_code", "risk_code", "code", "error_code"];
/// See [`FRAUD_CODE_KEYS`].
pub const DISPUTE_CATEGORY_KEYS: [&str; 4] = ["category", "dispute_category", "reason", "dispute_reason"];

/// The answer in a parsed envelope `{code, msg, data}` or a webhook payload (`event`, `event_data`,
/// and a pay-in failure's `error_code`/`error_msg` when there is no `code`).
pub fn read_object(object: &Object<'_>) -> Answer {
    let mut answer = Answer::default();
    let code = match integer_of(object.get("code")) {
        Some(code) => Some(code),
        None => {
            let code = integer_of(object.get("error_code"));
            // Only a pay-in webhook carries `error_code` (spec 6).
            answer.api = code.map(|_| Api::Payin);
            code
        }
    };
    if let Some(code) = code {
        answer.code = code;
        answer.code_unreadable = code.is_none();
    }
    answer.msg = text_of(object.get("msg")).or_else(|| text_of(object.get("error_msg")));
    answer.notice = object.get("order_status").is_some();
    answer.event = text_of(object.get("event"));
    let data = match object.get("event_data") {
        Some(Value::Object(o)) => Some(o),
        _ => None,
    };
    let event_is = |name: &str| answer.event.as_deref().is_some_and(|e| is_event(e, name));
    let (declined, dispute) = (event_is(codes::DECLINED.name), event_is(codes::DISPUTE_RECEIVED.name));
    if let Some(data) = data {
        // Each notice's own field: a dispute's `code` (a scheme reason code) is not a fraud code, and a
        // decline's `reason` is not a dispute category.
        if !dispute {
            answer.fraud_code = FRAUD_CODE_KEYS.iter().find_map(|k| integer_of(data.get(k)).flatten());
        }
        if !declined {
            answer.dispute_category = DISPUTE_CATEGORY_KEYS.iter().find_map(|k| text_of(data.get(k)));
        }
    }
    if answer.fraud_code.is_none() && declined {
        answer.fraud_code = integer_of(object.get("error_code")).flatten();
    }
    answer
}

/// The answer in an HTTP status and body text, and the parsed body when it is a JSON object.
pub fn read_body(status: Option<i64>, body: &str) -> (Answer, Option<Object<'_>>) {
    match json::parse_answer(body) {
        Ok(object) => (with_status(status, read_object(&object)), Some(object)),
        Err(_) => (Answer { status, body_unreadable: true, ..Answer::default() }, None),
    }
}

/// The answer of an HTTP status and the body read with it (text or, in JS, an already parsed object).
/// A 2xx body is the gateway's answer only as its envelope: JSON without a `code` (or an `event`)
/// says nothing, whatever its `msg` says (`{"msg":"SUCCESS"}` is no success, and a JSON error page
/// no answer at all), so the outcome is unknown.
pub(crate) fn with_status(status: Option<i64>, body: Answer) -> Answer {
    let two_xx = status.is_some_and(|s| (200..=299).contains(&s));
    if two_xx && body.code.is_none() && !body.code_unreadable && body.event.is_none() {
        return Answer { status, body_unreadable: true, ..Answer::default() };
    }
    Answer { status, ..body }
}

/// A successful answer: the parsed envelope, and the contradiction of a `msg` that reads as an error.
#[derive(Debug, Clone, PartialEq)]
pub struct Success<'b> {
    /// The envelope `{code: 0, msg, data}`.
    pub envelope: Object<'b>,
    /// Set when the `msg` of this success is a published error message or label
    /// (`{ "code": 0, "msg": "Order does not exist" }`): check before trusting `data`.
    pub msg_conflict: Option<MsgConflict>,
}

/// Decodes an HTTP answer: `Ok` when the status is 2xx and the body is the gateway's envelope with
/// `code` 0, `Err(decoded)` for anything else (non-JSON bodies and HTML pages included).
pub fn decode_response<'b>(status: i64, body: &'b str, ctx: &Context) -> Result<Success<'b>, Box<Decoded>> {
    let (answer, object) = read_body(Some(status), body);
    match object {
        Some(envelope) if (200..=299).contains(&status) && answer.code == Some(0) && answer.event.is_none() => {
            let msg_conflict = decode(&answer, ctx).msg_conflict;
            Ok(Success { envelope, msg_conflict })
        }
        _ => Err(Box::new(decode(&answer, ctx))),
    }
}
