//! The gateway's tables (spec section 5) as static data, plus the rows of our own for what the gateway
//! leaves unpublished. `name` and `suggestion` are the gateway's words, copied exactly; `description` is
//! the gateway's meaning text in English (the spec's "what it means" column for the fetch messages) and
//! our translation in Chinese; `advice` is ours in both languages.

use super::{Category, Retry};

/// How a row's retry depends on the operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RetryRule {
    /// The same whatever the operation.
    Always(Retry),
    /// `query_first` when the operation is `create` (the outcome of the create call is unknown),
    /// this one otherwise.
    UnlessCreate(Retry),
}

/// One decodable row.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Row {
    pub name: &'static str,
    /// English, Simplified Chinese.
    pub description: [&'static str; 2],
    pub suggestion: &'static str,
    /// English, Simplified Chinese.
    pub advice: [&'static str; 2],
    pub category: Category,
    pub retry: RetryRule,
    /// Whether `name`/`suggestion` are published by the gateway (false: our label for a reserved or
    /// unknown value, and `suggestion` is empty).
    pub published: bool,
}

use Category as C;
use Retry as R;
use RetryRule::{Always, UnlessCreate};

#[allow(clippy::too_many_arguments)]
const fn row(
    name: &'static str,
    description: [&'static str; 2],
    suggestion: &'static str,
    advice: [&'static str; 2],
    category: Category,
    retry: RetryRule,
) -> Row {
    Row { name, description, suggestion, advice, category, retry, published: true }
}

const fn ours(name: &'static str, description: [&'static str; 2], advice: [&'static str; 2], category: Category, retry: RetryRule) -> Row {
    Row { name, description, suggestion: "", advice, category, retry, published: false }
}

// Advice shared by several rows.
const ADVICE_UNKNOWN_OUTCOME: [&str; 2] = [
    "outcome unknown: after a create, query the order by request_id and resend (same request_id) only if it does not exist; otherwise retry later with backoff",
    "结果未知：创建请求须先用 request_id 查询订单，不存在时再用同一 request_id 重发；其他请求稍后退避重试",
];
const ADVICE_SUCCESS: [&str; 2] = ["nothing to do: read the result from data", "无需处理：从 data 读取结果"];
const ADVICE_READ_CODE: [&str; 2] = [
    "the HTTP call went through; the gateway's answer is the code in the body: decode the body too (decodeResponse(status, text)), only code 0 is success",
    "HTTP 请求已送达；网关的结果是响应体中的 code：请一并解码响应体（decodeResponse(status, text)），只有 code 为 0 才是成功",
];
const ADVICE_FIX_FIELD: [&str; 2] = ["fix the field that suggestion names and resend", "按 suggestion 指出的字段修正后重发"];
const ADVICE_FIX_PARAMS: [&str; 2] = [
    "fix the field that msg or suggestion names (amounts as decimal strings) and resend",
    "按 msg 或 suggestion 指出的字段修正（金额用十进制字符串）后重发",
];
const ADVICE_CHECK_IDS: [&str; 2] = [
    "check the pay_order_id / request_id sent (same App ID and environment), then query again",
    "检查所发送的 pay_order_id / request_id（同一 App ID、同一环境）后重新查询",
];
const ADVICE_EXISTS: [&str; 2] = [
    "the order exists: query it by request_id and use its result; a new order needs a new request_id",
    "订单已存在：用 request_id 查询并使用其结果；新订单须用新的 request_id",
];
const ADVICE_PERMISSION: [&str; 2] = [
    "these credentials may not do this (e.g. payout not enabled): ask the gateway to enable it",
    "当前凭证无此权限（例如未开通代付）：请联系网关开通",
];
const ADVICE_RULE: [&str; 2] = [
    "read msg for the rule that failed, correct the request and resend",
    "阅读 msg 中未通过的业务规则，修正后重发",
];
const ADVICE_ASK: [&str; 2] = [
    "do not resend blindly: query the order by request_id and ask the gateway what the code means",
    "不要盲目重发：用 request_id 查询订单，并向网关询问该错误码含义",
];
const ADVICE_ASK_MSG: [&str; 2] = [
    "do not resend blindly: query the order by request_id and ask the gateway what the message means",
    "不要盲目重发：用 request_id 查询订单，并向网关询问该消息含义",
];
const ADVICE_FRAUD: [&str; 2] = [
    "do not retry with this card and do not ship; the order status is unchanged: wait for the order's own webhook",
    "不要用此卡重试，也不要发货；订单状态不变：等待订单自身的回调",
];
const ADVICE_DISPUTE: [&str; 2] = [
    "a chargeback started: answer it through the gateway with the order's evidence before its deadline; do not refund separately",
    "拒付已发起：在期限内通过网关提交订单证据答辩；不要另行退款",
];

/// Spec 5.1.
pub(crate) static HTTP: [(u16, Row); 8] = [
    // Success as issue 4 decides; the advice says what a status alone cannot: how the call ended is the
    // body's `code` (a code decides over the status whenever the body is given).
    (200, row("OK", ["Request successful", "请求成功"], "", ADVICE_READ_CODE, C::Success, Always(R::No))),
    (400, row("Bad Request", ["Invalid request format or parameters", "请求格式或参数无效"], "",
        ["send a JSON body (Content-Type: application/json), check every parameter, then resend", "以 JSON 请求体（Content-Type: application/json）发送，检查各参数后重发"],
        C::InvalidRequest, Always(R::AfterFix))),
    (401, row("Unauthorized", ["Invalid or missing API Key/Signature", "API Key 或签名无效或缺失"], "",
        ["check x-auth-appid and that x-auth-signature signs the exact body sent with that app's appSecret (explainSignature); sandbox and production keys differ", "检查 x-auth-appid，以及 x-auth-signature 是否用该应用的 appSecret 对实际发送的请求体签名（explainSignature）；沙箱与生产密钥不同"],
        C::Authentication, Always(R::AfterFix))),
    (403, row("Forbidden", ["You are not authorized to access the requested resource", "您无权访问所请求的资源"], "", ADVICE_PERMISSION, C::Permission, Always(R::No))),
    (404, row("Not Found", ["The requested resource does not exist", "所请求的资源不存在"], "",
        ["check the base URL and endpoint path; for a query, the pay_order_id / request_id", "检查基础 URL 和接口路径；查询时检查 pay_order_id / request_id"],
        C::NotFound, Always(R::AfterFix))),
    (405, row("Method Not Allowed", ["Incorrect HTTP method (e.g., GET instead of POST)", "HTTP 方法错误（例如用了 GET 而不是 POST）"], "",
        ["send every call as POST with a JSON body", "所有接口都用 POST 并携带 JSON 请求体"], C::InvalidRequest, Always(R::AfterFix))),
    (500, row("Internal Server Error", ["A problem occurred on our server. Try again later", "网关服务器出现问题，请稍后重试"], "",
        ADVICE_UNKNOWN_OUTCOME, C::Server, UnlessCreate(R::Later))),
    (503, row("Service Unavailable", ["The service is temporarily offline for maintenance", "服务维护中，暂时不可用"], "",
        ["the call was not processed: retry later with backoff", "请求未被处理：稍后退避重试"], C::Unavailable, Always(R::Later))),
];

static SUCCESS: Row = row("Success", ["Success", "成功"], "Request was successful.", ADVICE_SUCCESS, C::Success, Always(R::No));

/// Spec 5.2 (code 0 is [`SUCCESS`]).
pub(crate) static PAYIN: [(i64, Row); 10] = [
    (10, row("System Exception", ["System Exception", "系统异常"], "Lesspay internal error. Please contact support or retry later.", ADVICE_UNKNOWN_OUTCOME, C::Server, UnlessCreate(R::Later))),
    (11, row("Parameter Error", ["Parameter Error", "参数错误"], "Check required fields and data formats. The msg will contain details.", ADVICE_FIX_PARAMS, C::InvalidRequest, Always(R::AfterFix))),
    (12, row("Database Service Exception", ["Database Service Exception", "数据库服务异常"], "Transient data error. Retry the request or contact support.", ADVICE_UNKNOWN_OUTCOME, C::Server, UnlessCreate(R::Later))),
    (1201, row("Duplicate Data Exists", ["Duplicate Data Exists", "数据重复"], "The request_id or another unique field already exists. Do not retry with the same ID.", ADVICE_EXISTS, C::Conflict, Always(R::No))),
    (1202, row("Data Not Found", ["Data Not Found", "数据不存在"], "Unable to find the target order/resource. Verify the pay_order_id or request_id.", ADVICE_CHECK_IDS, C::NotFound, Always(R::AfterFix))),
    (5000, row("Create Failed", ["Create Failed", "创建失败"], "Order creation failed due to a business rule. Check parameters.", ADVICE_RULE, C::BusinessRule, Always(R::AfterFix))),
    (5002, row("Update Failed", ["Update Failed", "更新失败"], "Failed to update order. The order may be in an non-updatable state.",
        ["the order may be final already: query it and act on its current status first", "订单可能已是终态：先查询，按其当前状态处理"], C::Conflict, Always(R::QueryFirst))),
    (5003, row("Record Not Found", ["Record Not Found", "记录不存在"], "The specified record does not exist.", ADVICE_CHECK_IDS, C::NotFound, Always(R::AfterFix))),
    (5004, row("Permission Error", ["Permission Error", "权限错误"], "The current API credentials do not have permission for this operation.", ADVICE_PERMISSION, C::Permission, Always(R::No))),
    (9999, row("Custom Business Error", ["Custom Business Error", "自定义业务错误"], "A general business logic error. The msg field contains specific details.", ADVICE_RULE, C::BusinessRule, Always(R::AfterFix))),
];

/// Spec 5.3: exact `msg` values of the fetch pay-in call.
pub(crate) static QUERY_MSGS: [Row; 3] = [
    row("mchOrderNo and payOrderId cannot be empty at the same time",
        ["neither request_id nor pay_order_id was given (mchOrderNo / payOrderId are the gateway's internal names for them)", "request_id 和 pay_order_id 都未提供（mchOrderNo / payOrderId 是网关内部名称）"],
        "Provide at least one of these query parameters.",
        ["send a non-empty request_id or pay_order_id", "提供非空的 request_id 或 pay_order_id"], C::InvalidRequest, Always(R::AfterFix)),
    row("Order does not exist", ["no order matches the identifiers", "没有与这些标识匹配的订单"],
        "Verify request_id or pay_order_id is correct.", ADVICE_CHECK_IDS, C::NotFound, Always(R::AfterFix)),
    row("Request time error", ["start_time >= end_time, or the span exceeds 7 days", "start_time >= end_time，或跨度超过 7 天"],
        "Ensure start_time < end_time and the range is ≤ 7 days.",
        ["send start_time < end_time (13-digit ms), at most 7 days apart", "start_time 须小于 end_time（13 位毫秒），跨度不超过 7 天"], C::InvalidRequest, Always(R::AfterFix)),
];

/// Spec 5.4: `(code, group, row)` (code 0 is [`SUCCESS`]).
pub(crate) static PAYOUT: [(i64, &str, Row); 14] = [
    (30000, "general", row("Invalid Parameter", ["Invalid Parameter", "参数无效"], "Check required fields and data formats.", ADVICE_FIX_PARAMS, C::InvalidRequest, Always(R::AfterFix))),
    (30001, "parameter validation", row("Unsupported Currency", ["Unsupported Currency", "不支持的币种"], "Only PHP, INR, IDR are supported for payout.", ADVICE_FIX_FIELD, C::InvalidRequest, Always(R::AfterFix))),
    (30002, "parameter validation", row("Amount Mismatch", ["Amount Mismatch", "金额不一致"], "target_amount does not equal the sum of detail amounts.",
        ["make total_amount (the docs say target_amount) equal the sum of the details' amount", "使 total_amount（文档写作 target_amount）等于各明细 amount 之和"], C::InvalidRequest, Always(R::AfterFix))),
    (30003, "parameter validation", row("Review Rejected", ["Review Rejected", "审核拒绝"], "Order rejected by internal operations review.",
        ["operations refused this payout: do not resend it; ask the gateway why", "运营审核拒绝了此代付：不要重发，向网关询问原因"], C::BusinessRule, Always(R::No))),
    (30004, "parameter validation", row("Invalid Beneficiary Type", ["Invalid Beneficiary Type", "收款人类型无效"], "Must be business or individual.", ADVICE_FIX_FIELD, C::InvalidRequest, Always(R::AfterFix))),
    (30005, "parameter validation", row("Invalid Country Code", ["Invalid Country Code", "国家代码无效"], "Must be 2-character ISO 3166-1 alpha-2 code.", ADVICE_FIX_FIELD, C::InvalidRequest, Always(R::AfterFix))),
    (30006, "parameter validation", row("Invalid Bank Account", ["Invalid Bank Account", "银行账号无效"], "Check account number format.",
        ["check bank_account_no and the bank code from the supported-banks call", "检查 bank_account_no 及支持银行接口返回的银行代码"], C::InvalidRequest, Always(R::AfterFix))),
    (30007, "parameter validation", row("Duplicate Detail ID", ["Duplicate Detail ID", "明细 ID 重复"], "mch_order_id within the batch must be unique.", ADVICE_FIX_FIELD, C::InvalidRequest, Always(R::AfterFix))),
    (30008, "parameter validation", row("Invalid Transaction Type", ["Invalid Transaction Type", "交易类型无效"], "Must be payout.", ADVICE_FIX_FIELD, C::InvalidRequest, Always(R::AfterFix))),
    (30009, "parameter validation", row("Invalid Amount Format", ["Invalid Amount Format", "金额格式无效"], "Amount must be a valid positive number string.", ADVICE_FIX_PARAMS, C::InvalidRequest, Always(R::AfterFix))),
    (30010, "idempotency", row("Idempotency Conflict", ["Idempotency Conflict", "幂等冲突"], "Same request_id with different parameters.", ADVICE_EXISTS, C::Conflict, Always(R::No))),
    (30011, "idempotency", row("Duplicate Request ID", ["Duplicate Request ID", "request_id 重复"], "request_id already exists.", ADVICE_EXISTS, C::Conflict, Always(R::No))),
    (30020, "lookup", row("Order Not Found", ["Order Not Found", "订单不存在"], "Verify pay_order_id or request_id.", ADVICE_CHECK_IDS, C::NotFound, Always(R::AfterFix))),
    (30021, "lookup", row("Detail Not Found", ["Detail Not Found", "明细不存在"], "Verify mch_order_id.",
        ["check the detail's mch_order_id against the batch", "对照批次检查明细的 mch_order_id"], C::NotFound, Always(R::AfterFix))),
];

/// The payout range the gateway reserves.
pub(crate) const PAYOUT_RANGE: std::ops::RangeInclusive<i64> = 30000..=30079;

const UNPUBLISHED: &str = "Payout Error (unpublished code)";
const NO_GROUP: [&str; 2] = ["unpublished payout code (no published group)", "未公开的代付错误码（无公开分组）"];

/// Unpublished payout codes: `(first, last, group, row)`, the group inferred from the published
/// neighbours (30000–30009 parameter validation, 30010–30019 idempotency, 30020–30029 lookup). The
/// first range that holds a code is its row: 30034 alone has the fraud code's other reading.
/// Those without a group are read as an unknown code is: after a create call the payout may exist, so
/// `query_first` there (the advice says to query it), `no` elsewhere.
pub(crate) static PAYOUT_UNPUBLISHED: [(i64, i64, &str, Row); 4] = [
    (30012, 30019, "idempotency", ours(UNPUBLISHED, ["unpublished payout code, idempotency group", "未公开的代付错误码（幂等类）"],
        ["probably an idempotency conflict: query the payout by request_id before resending; a new payout needs a new request_id", "可能是幂等冲突：重发前先用 request_id 查询代付；新代付须用新的 request_id"],
        C::Conflict, UnlessCreate(R::No))),
    (30022, 30029, "lookup", ours(UNPUBLISHED, ["unpublished payout code, lookup group", "未公开的代付错误码（查询类）"], ADVICE_CHECK_IDS, C::NotFound, Always(R::AfterFix))),
    (30034, 30034, "unpublished", ours(UNPUBLISHED, NO_GROUP,
        ["do not resend blindly: query the payout by request_id and ask the gateway what the code means (from a pay-in, or with a payment_declined notice, 30034 is the fraud code 'suspected fraud')", "不要盲目重发：用 request_id 查询代付并向网关询问含义（来自代收或随 payment_declined 到达时，30034 是欺诈码“疑似欺诈”）"],
        C::BusinessRule, UnlessCreate(R::No))),
    (30030, 30079, "unpublished", ours(UNPUBLISHED, NO_GROUP,
        ["do not resend blindly: query the payout by request_id and ask the gateway what the code means", "不要盲目重发：用 request_id 查询代付并向网关询问含义"],
        C::BusinessRule, UnlessCreate(R::No))),
];

/// Spec 5.5: fraud response codes.
pub(crate) static FRAUD: [(i64, Row); 7] = [
    (30034, row("suspected fraud (pick up)", ["suspected fraud (pick up)", "疑似欺诈（没收卡）"], "", ADVICE_FRAUD, C::Fraud, Always(R::No))),
    (41101, row("risk-blocked (client-level rule)", ["risk-blocked (client-level rule)", "被风控拦截（客户级规则）"], "", ADVICE_FRAUD, C::Fraud, Always(R::No))),
    (41201, row("card number on the client decline list", ["card number on the client decline list", "卡号在客户级拒绝名单中"], "", ADVICE_FRAUD, C::Fraud, Always(R::No))),
    (41301, row("fraud score over threshold", ["fraud score over threshold", "欺诈评分超过阈值"], "", ADVICE_FRAUD, C::Fraud, Always(R::No))),
    (42101, row("risk-blocked (entity-level rule)", ["risk-blocked (entity-level rule)", "被风控拦截（实体级规则）"], "", ADVICE_FRAUD, C::Fraud, Always(R::No))),
    (42201, row("card number on the entity decline list", ["card number on the entity decline list", "卡号在实体级拒绝名单中"], "", ADVICE_FRAUD, C::Fraud, Always(R::No))),
    (42301, row("fraud score over threshold (entity level)", ["fraud score over threshold (entity level)", "欺诈评分超过阈值（实体级）"], "", ADVICE_FRAUD, C::Fraud, Always(R::No))),
];

/// Other `4xxxx` risk codes (the spec says they exist, unlisted).
pub(crate) static FRAUD_OTHER: Row = ours("risk-blocked (unlisted 4xxxx risk code)", ["a risk rule blocked the payment", "风控规则拦截了支付"], ADVICE_FRAUD, C::Fraud, Always(R::No));

/// Spec 5.5: the `payment_declined` notice without a readable response code.
pub(crate) static DECLINED: Row = row("payment_declined",
    ["the channel declined the payment for suspected fraud (30034) or a risk rule (4xxxx)", "渠道因疑似欺诈（30034）或风控规则（4xxxx）拒绝了支付"],
    "", ADVICE_FRAUD, C::Fraud, Always(R::No));

/// Spec 5.5: dispute categories (the name is the category; the description is ours).
pub(crate) static DISPUTES: [Row; 7] = [
    row("fraudulent", ["the cardholder denies making the payment", "持卡人否认本人付款"], "", ADVICE_DISPUTE, C::Dispute, Always(R::No)),
    row("unrecognized", ["the cardholder does not recognise the payment", "持卡人无法识别这笔付款"], "", ADVICE_DISPUTE, C::Dispute, Always(R::No)),
    row("product_service_not_received", ["product or service not received", "未收到商品或服务"], "", ADVICE_DISPUTE, C::Dispute, Always(R::No)),
    row("product_service_not_as_described", ["product or service not as described", "商品或服务与描述不符"], "", ADVICE_DISPUTE, C::Dispute, Always(R::No)),
    row("credit_not_processed", ["a promised refund was not processed", "承诺的退款未处理"], "", ADVICE_DISPUTE, C::Dispute, Always(R::No)),
    row("duplicate", ["charged twice", "重复扣款"], "", ADVICE_DISPUTE, C::Dispute, Always(R::No)),
    row("other", ["another reason", "其他原因"], "", ADVICE_DISPUTE, C::Dispute, Always(R::No)),
];

/// Spec 5.5: the `dispute_received` notice without a known category.
pub(crate) static DISPUTE_RECEIVED: Row = row("dispute_received",
    ["the card scheme reported a dispute (chargeback initiated)", "卡组织报告了争议（已发起拒付）"], "", ADVICE_DISPUTE, C::Dispute, Always(R::No));

/// An `event` that is neither of the spec's two.
pub(crate) static UNKNOWN_EVENT: Row = ours("Unknown Event", ["an undocumented event notice", "未记录的事件通知"],
    ["acknowledge it, keep the payload and ask the gateway; events do not change the order status", "确认接收并保存载荷，向网关询问；事件不改变订单状态"], C::Unknown, Always(R::No));

pub(crate) static SUCCESS_ROW: &Row = &SUCCESS;

/// An unknown business code, without an HTTP status that says more.
pub(crate) static UNKNOWN_CODE: Row = ours("Unknown Code", ["an unpublished code", "未公开的错误码"], ADVICE_ASK, C::Unknown, UnlessCreate(R::No));

/// An answer with nothing readable in it (null, junk, a network failure).
pub(crate) static UNREADABLE: Row = ours("Unreadable Answer", ["no gateway status, code or msg in the input", "输入中没有 HTTP 状态码、错误码或 msg"], ADVICE_UNKNOWN_OUTCOME, C::Unknown, UnlessCreate(R::Later));

/// A webhook notice with nothing to decode (no error code, msg or event): not an error.
pub(crate) static PLAIN_NOTICE: Row = ours("Order Notice", ["a webhook notice without an error code or event", "不含错误码或事件的回调通知"],
    ["nothing to decode: its order_status says how the order stands (orderStatus reads it); acknowledge it", "无需解码：订单状态见 order_status（可用 orderStatus 读取）；请确认接收"],
    C::Unknown, Always(R::No));

/// A 2xx answer whose body gave no gateway envelope: not JSON with a `code` (a proxy or firewall page),
/// or, through the JS boundary, text over its 8 Mi input limit, which is not read at all.
pub(crate) static NOT_ENVELOPE_2XX: Row = ours("Not a Gateway Answer",
    ["a success status whose body gave no gateway envelope (a proxy or firewall page, or a body too large to read?)", "成功状态码，但正文中没有读到网关的 JSON 信封（代理或防火墙页面，或正文过大无法读取？）"],
    ADVICE_UNKNOWN_OUTCOME, C::Unknown, UnlessCreate(R::Later));

/// An unknown message without a code.
pub(crate) static UNKNOWN_MSG: Row = ours("Unknown Message", ["an unpublished msg without a code", "没有错误码的未公开 msg"], ADVICE_ASK_MSG, C::Unknown, UnlessCreate(R::No));

/// Unknown HTTP statuses, by class.
pub(crate) static STATUS_2XX: Row = ours("Success Status", ["an undocumented success status", "未记录的成功状态码"], ADVICE_READ_CODE, C::Success, Always(R::No));
pub(crate) static STATUS_3XX: Row = ours("Redirect", ["a redirect (the gateway does not redirect)", "重定向（网关不会重定向）"], ["use the exact https base URL the gateway gave you", "使用网关提供的准确 https 基础 URL"], C::InvalidRequest, Always(R::AfterFix));
pub(crate) static STATUS_RATE: Row = ours("Too Many Requests or Timeout", ["408 or 429: refused for now", "408 或 429：暂时拒绝"], ["slow down and retry later with backoff", "降低频率，稍后退避重试"], C::Unavailable, Always(R::Later));
pub(crate) static STATUS_4XX: Row = ours("Client Error", ["an undocumented client error status", "未记录的客户端错误状态码"], ["check the URL, the x-auth-* headers and the body, then resend", "检查 URL、x-auth-* 请求头和请求体后重发"], C::InvalidRequest, Always(R::AfterFix));
pub(crate) static STATUS_5XX: Row = ours("Server Error", ["an undocumented server error status (often a proxy: 502, 504)", "未记录的服务器错误状态码（常见于代理：502、504）"], ADVICE_UNKNOWN_OUTCOME, C::Server, UnlessCreate(R::Later));
pub(crate) static STATUS_OTHER: Row = ours("Unknown Status", ["not a final HTTP status (a 1xx, a number outside 100–599, or not a whole number)", "不是最终的 HTTP 状态码（1xx、不在 100–599 之内或不是整数）"], ADVICE_UNKNOWN_OUTCOME, C::Unknown, UnlessCreate(R::Later));
