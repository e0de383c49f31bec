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
    "the outcome is unknown: on a create call, look the order up by request_id (pay-in query-order, payout query) before resending, and resend only if it does not exist, with the same request_id; otherwise retry later with backoff and contact support if it persists",
    "结果未知：若是创建请求，先用 request_id 查询订单（代收 query-order，代付 query），确认订单不存在后再用同一个 request_id 重发；其他请求稍后退避重试，持续出现请联系客服",
];
const ADVICE_SUCCESS: [&str; 2] = [
    "nothing to do: the request succeeded; read the order state from data",
    "无需处理：请求成功，从 data 读取订单状态",
];
const ADVICE_FIX_PARAMS: [&str; 2] = [
    "fix the parameter the msg names (required fields, formats, amounts as decimal strings) and resend; validate requests before sending them",
    "按 msg 指出的参数修正（必填字段、格式、金额须为十进制字符串）后重发；发送前先校验请求参数",
];
const ADVICE_FRAUD: [&str; 2] = [
    "do not retry the payment with this card and do not ship; the order status is not changed by this notice, wait for the order's own webhook; ask the gateway about the risk rule if the customer disputes it",
    "不要用这张卡重试支付，也不要发货；此通知不改变订单状态，请等待订单自身的回调；若客户有异议，向网关询问具体风控规则",
];
const ADVICE_DISPUTE: [&str; 2] = [
    "a chargeback has started: gather the order's evidence (delivery proof, customer communication, 3DS result) and answer the dispute through the gateway within its deadline; do not refund separately, which could pay twice",
    "拒付已发起：整理该订单的证据（发货证明、与客户的沟通、3DS 结果），在期限内通过网关答辩；不要另行退款，以免重复付款",
];

/// Spec 5.1.
pub(crate) const HTTP: [(u16, Row); 8] = [
    (200, row("OK", ["Request successful", "请求成功"], "", ADVICE_SUCCESS, C::Success, Always(R::No))),
    (400, row("Bad Request", ["Invalid request format or parameters", "请求格式或参数无效"], "",
        ["send a JSON body with Content-Type: application/json and check every parameter against the spec (validate before sending), then resend", "以 Content-Type: application/json 发送 JSON 请求体，并按接口文档逐项检查参数（发送前先校验）后重发"],
        C::InvalidRequest, Always(R::AfterFix))),
    (401, row("Unauthorized", ["Invalid or missing API Key/Signature", "API Key 或签名无效或缺失"], "",
        ["check that x-auth-appid is your App ID and that x-auth-signature is signed with that App ID's appSecret over the exact body sent (explainSignature shows the signed string); do not mix sandbox and production credentials", "检查 x-auth-appid 是否为您的 App ID，x-auth-signature 是否用该 App ID 的 appSecret 对实际发送的请求体签名（explainSignature 可显示被签名的字符串）；不要混用沙箱与生产凭证"],
        C::Authentication, Always(R::AfterFix))),
    (403, row("Forbidden", ["You are not authorized to access the requested resource", "您无权访问所请求的资源"], "",
        ["these credentials may not call this API (e.g. payout is not enabled for this App ID): ask the gateway to enable it; retrying will not help", "当前凭证无权调用此接口（例如该 App ID 未开通代付）：请联系网关开通；重试无效"],
        C::Permission, Always(R::No))),
    (404, row("Not Found", ["The requested resource does not exist", "所请求的资源不存在"], "",
        ["check the base URL and the endpoint path (e.g. /api/global/v1/pay/create-order), and for a query the pay_order_id or request_id", "检查基础 URL 和接口路径（例如 /api/global/v1/pay/create-order），查询时检查 pay_order_id 或 request_id"],
        C::NotFound, Always(R::AfterFix))),
    (405, row("Method Not Allowed", ["Incorrect HTTP method (e.g., GET instead of POST)", "HTTP 方法错误（例如用了 GET 而不是 POST）"], "",
        ["send every call as POST with a JSON body", "所有接口都用 POST 并携带 JSON 请求体"],
        C::InvalidRequest, Always(R::AfterFix))),
    (500, row("Internal Server Error", ["A problem occurred on our server. Try again later", "网关服务器出现问题，请稍后重试"], "",
        ADVICE_UNKNOWN_OUTCOME, C::Server, UnlessCreate(R::Later))),
    (503, row("Service Unavailable", ["The service is temporarily offline for maintenance", "服务维护中，暂时不可用"], "",
        ["the gateway is down for maintenance and did not process the call: retry later with backoff", "网关维护中，未处理该请求：稍后退避重试"],
        C::Unavailable, Always(R::Later))),
];

const SUCCESS: Row = row("Success", ["Success", "成功"], "Request was successful.", ADVICE_SUCCESS, C::Success, Always(R::No));

/// Spec 5.2 (code 0 is [`SUCCESS`]).
pub(crate) const PAYIN: [(i64, Row); 10] = [
    (10, row("System Exception", ["System Exception", "系统异常"], "Lesspay internal error. Please contact support or retry later.", ADVICE_UNKNOWN_OUTCOME, C::Server, UnlessCreate(R::Later))),
    (11, row("Parameter Error", ["Parameter Error", "参数错误"], "Check required fields and data formats. The msg will contain details.", ADVICE_FIX_PARAMS, C::InvalidRequest, Always(R::AfterFix))),
    (12, row("Database Service Exception", ["Database Service Exception", "数据库服务异常"], "Transient data error. Retry the request or contact support.", ADVICE_UNKNOWN_OUTCOME, C::Server, UnlessCreate(R::Later))),
    (1201, row("Duplicate Data Exists", ["Duplicate Data Exists", "数据重复"], "The request_id or another unique field already exists. Do not retry with the same ID.",
        ["an order with this request_id already exists: query it (query-order with request_id) and use its result; send a new request_id only for a genuinely new order", "该 request_id 的订单已存在：用 request_id 调用 query-order 查询并使用其结果；只有真正的新订单才使用新的 request_id"],
        C::Conflict, Always(R::No))),
    (1202, row("Data Not Found", ["Data Not Found", "数据不存在"], "Unable to find the target order/resource. Verify the pay_order_id or request_id.",
        ["check the pay_order_id or request_id you sent (same App ID, same environment) and query again", "检查发送的 pay_order_id 或 request_id（同一 App ID、同一环境）后重新查询"],
        C::NotFound, Always(R::AfterFix))),
    (5000, row("Create Failed", ["Create Failed", "创建失败"], "Order creation failed due to a business rule. Check parameters.",
        ["a business rule refused the order (amount limits, currency, way_type, merchant configuration): read msg, correct the order and send it with a new request_id", "业务规则拒绝了订单（金额限制、币种、way_type、商户配置）：阅读 msg，修正订单后用新的 request_id 发送"],
        C::BusinessRule, Always(R::AfterFix))),
    (5002, row("Update Failed", ["Update Failed", "更新失败"], "Failed to update order. The order may be in an non-updatable state.",
        ["the order may already be final: query it by pay_order_id or request_id and act on its current status before trying again", "订单可能已是终态：先用 pay_order_id 或 request_id 查询，按其当前状态处理后再尝试"],
        C::Conflict, Always(R::QueryFirst))),
    (5003, row("Record Not Found", ["Record Not Found", "记录不存在"], "The specified record does not exist.",
        ["check the identifier you sent (pay_order_id, request_id) and the environment, then query again", "检查发送的标识（pay_order_id、request_id）和环境后重新查询"],
        C::NotFound, Always(R::AfterFix))),
    (5004, row("Permission Error", ["Permission Error", "权限错误"], "The current API credentials do not have permission for this operation.",
        ["these credentials may not perform this operation: ask the gateway to enable it for your App ID; retrying will not help", "当前凭证无权执行此操作：请联系网关为您的 App ID 开通；重试无效"],
        C::Permission, Always(R::No))),
    (9999, row("Custom Business Error", ["Custom Business Error", "自定义业务错误"], "A general business logic error. The msg field contains specific details.",
        ["read msg for the rule that failed, correct the request and resend", "阅读 msg 中失败的业务规则，修正请求后重发"],
        C::BusinessRule, Always(R::AfterFix))),
];

/// Spec 5.3: exact `msg` values of the fetch pay-in call.
pub(crate) const QUERY_MSGS: [(&str, Row); 3] = [
    ("mchOrderNo and payOrderId cannot be empty at the same time", row("mchOrderNo and payOrderId cannot be empty at the same time",
        ["neither `request_id` nor `pay_order_id` was given (mchOrderNo / payOrderId are the gateway's internal names for them)", "request_id 和 pay_order_id 都未提供（mchOrderNo / payOrderId 是网关内部对它们的称呼）"],
        "Provide at least one of these query parameters.",
        ["send request_id or pay_order_id (non-empty) in the query body", "在查询请求体中提供非空的 request_id 或 pay_order_id"],
        C::InvalidRequest, Always(R::AfterFix))),
    ("Order does not exist", row("Order does not exist",
        ["no order matches the identifiers", "没有与这些标识匹配的订单"],
        "Verify request_id or pay_order_id is correct.",
        ["check the request_id or pay_order_id (same App ID, same environment); an order just created may need a moment before it can be queried", "检查 request_id 或 pay_order_id（同一 App ID、同一环境）；刚创建的订单可能需要稍等才能查到"],
        C::NotFound, Always(R::AfterFix))),
    ("Request time error", row("Request time error",
        ["`start_time >= end_time`, or the span exceeds 7 days", "start_time >= end_time，或时间跨度超过 7 天"],
        "Ensure start_time < end_time and the range is ≤ 7 days.",
        ["send start_time < end_time in 13-digit milliseconds, at most 7 days apart; split longer ranges", "start_time 须小于 end_time（13 位毫秒），跨度不超过 7 天；更长的区间请拆分查询"],
        C::InvalidRequest, Always(R::AfterFix))),
];

/// Spec 5.4: `(code, group, row)` (code 0 is [`SUCCESS`]).
pub(crate) const PAYOUT: [(i64, &str, Row); 14] = [
    (30000, "general", row("Invalid Parameter", ["Invalid Parameter", "参数无效"], "Check required fields and data formats.", ADVICE_FIX_PARAMS, C::InvalidRequest, Always(R::AfterFix))),
    (30001, "parameter validation", row("Unsupported Currency", ["Unsupported Currency", "不支持的币种"], "Only PHP, INR, IDR are supported for payout.",
        ["send the payout in PHP, INR or IDR", "代付币种请使用 PHP、INR 或 IDR"], C::InvalidRequest, Always(R::AfterFix))),
    (30002, "parameter validation", row("Amount Mismatch", ["Amount Mismatch", "金额不一致"], "target_amount does not equal the sum of detail amounts.",
        ["make total_amount (the gateway's docs call it target_amount) equal the exact sum of the details' amount", "使 total_amount（网关文档写作 target_amount）等于各明细 amount 之和"], C::InvalidRequest, Always(R::AfterFix))),
    (30003, "parameter validation", row("Review Rejected", ["Review Rejected", "审核拒绝"], "Order rejected by internal operations review.",
        ["the gateway's operations refused this payout: do not resend it; ask the gateway why before creating a different payout", "网关运营审核拒绝了此代付：不要重发；先向网关询问原因，再决定是否创建新的代付"], C::BusinessRule, Always(R::No))),
    (30004, "parameter validation", row("Invalid Beneficiary Type", ["Invalid Beneficiary Type", "收款人类型无效"], "Must be business or individual.",
        ["send the beneficiary type as business or individual", "收款人类型请填写 business 或 individual"], C::InvalidRequest, Always(R::AfterFix))),
    (30005, "parameter validation", row("Invalid Country Code", ["Invalid Country Code", "国家代码无效"], "Must be 2-character ISO 3166-1 alpha-2 code.",
        ["send the country as an upper-case ISO 3166-1 alpha-2 code (PH, IN, ID)", "国家请使用大写的 ISO 3166-1 二字母代码（PH、IN、ID）"], C::InvalidRequest, Always(R::AfterFix))),
    (30006, "parameter validation", row("Invalid Bank Account", ["Invalid Bank Account", "银行账号无效"], "Check account number format.",
        ["check bank_account_no (digits only, the length the bank uses) and the bank code from the supported-banks call", "检查 bank_account_no（仅数字、符合银行长度）以及支持银行接口返回的银行代码"], C::InvalidRequest, Always(R::AfterFix))),
    (30007, "parameter validation", row("Duplicate Detail ID", ["Duplicate Detail ID", "明细 ID 重复"], "mch_order_id within the batch must be unique.",
        ["give every detail of the batch its own mch_order_id", "批次内每条明细使用不同的 mch_order_id"], C::InvalidRequest, Always(R::AfterFix))),
    (30008, "parameter validation", row("Invalid Transaction Type", ["Invalid Transaction Type", "交易类型无效"], "Must be payout.",
        ["send the transaction type as payout", "交易类型请填写 payout"], C::InvalidRequest, Always(R::AfterFix))),
    (30009, "parameter validation", row("Invalid Amount Format", ["Invalid Amount Format", "金额格式无效"], "Amount must be a valid positive number string.",
        ["send every amount as a positive decimal string such as \"100.00\"", "每个金额都用正数的十进制字符串，例如 \"100.00\""], C::InvalidRequest, Always(R::AfterFix))),
    (30010, "idempotency", row("Idempotency Conflict", ["Idempotency Conflict", "幂等冲突"], "Same request_id with different parameters.",
        ["this request_id was already used for a different payout: query that payout (payout query with request_id); use a new request_id for a genuinely new payout", "该 request_id 已用于另一笔代付：用 request_id 查询该代付；真正的新代付请使用新的 request_id"], C::Conflict, Always(R::No))),
    (30011, "idempotency", row("Duplicate Request ID", ["Duplicate Request ID", "request_id 重复"], "request_id already exists.",
        ["the payout exists already: query it (payout query with request_id) and use its result instead of resending", "该代付已存在：用 request_id 查询并使用其结果，不要重发"], C::Conflict, Always(R::No))),
    (30020, "lookup", row("Order Not Found", ["Order Not Found", "订单不存在"], "Verify pay_order_id or request_id.",
        ["check the pay_order_id or request_id (same App ID, same environment) and query again", "检查 pay_order_id 或 request_id（同一 App ID、同一环境）后重新查询"], C::NotFound, Always(R::AfterFix))),
    (30021, "lookup", row("Detail Not Found", ["Detail Not Found", "明细不存在"], "Verify mch_order_id.",
        ["check the detail's mch_order_id against the batch you created", "对照已创建的批次检查明细的 mch_order_id"], C::NotFound, Always(R::AfterFix))),
];

/// The payout range the gateway reserves.
pub(crate) const PAYOUT_RANGE: std::ops::RangeInclusive<i64> = 30000..=30079;

/// Unpublished payout codes: `(first, last, group, row)`, the group inferred from the published
/// neighbours (30000–30009 parameter validation, 30010–30019 idempotency, 30020–30029 lookup).
pub(crate) const PAYOUT_UNPUBLISHED: [(i64, i64, &str, Row); 3] = [
    (30012, 30019, "idempotency", ours("Payout Error (unpublished code)",
        ["an unpublished payout code in the idempotency group (30010–30019)", "幂等类（30010–30019）中未公开的代付错误码"],
        ["the request_id was probably used before: query the payout by request_id before anything else, and ask the gateway what the code means", "request_id 可能已被使用：先用 request_id 查询代付，并向网关询问该错误码含义"],
        C::Conflict, Always(R::No))),
    (30022, 30029, "lookup", ours("Payout Error (unpublished code)",
        ["an unpublished payout code in the lookup group (30020–30029)", "查询类（30020–30029）中未公开的代付错误码"],
        ["check the pay_order_id, request_id or mch_order_id you queried, and ask the gateway what the code means", "检查所查询的 pay_order_id、request_id 或 mch_order_id，并向网关询问该错误码含义"],
        C::NotFound, Always(R::AfterFix))),
    (30030, 30079, "unpublished", ours("Payout Error (unpublished code)",
        ["an unpublished payout code (30030–30079, no published group)", "未公开的代付错误码（30030–30079，无已公开分组）"],
        ["the gateway refused the payout for a reason it has not published: do not resend blindly; query the payout by request_id and ask the gateway what the code means (a 30034 that came with a payment_declined notice is the fraud code: decode it with { api: 'payin' })", "网关以未公开的原因拒绝了代付：不要盲目重发；用 request_id 查询代付并向网关询问该错误码含义（随 payment_declined 通知到达的 30034 是欺诈码：请以 { api: 'payin' } 解码）"],
        C::BusinessRule, Always(R::No))),
];

/// Spec 5.5: fraud response codes.
pub(crate) const FRAUD: [(i64, Row); 7] = [
    (30034, row("suspected fraud (pick up)", ["suspected fraud (pick up)", "疑似欺诈（没收卡）"], "", ADVICE_FRAUD, C::Fraud, Always(R::No))),
    (41101, row("risk-blocked (client-level rule)", ["risk-blocked (client-level rule)", "被风控拦截（客户级规则）"], "", ADVICE_FRAUD, C::Fraud, Always(R::No))),
    (41201, row("card number on the client decline list", ["card number on the client decline list", "卡号在客户级拒绝名单中"], "", ADVICE_FRAUD, C::Fraud, Always(R::No))),
    (41301, row("fraud score over threshold", ["fraud score over threshold", "欺诈评分超过阈值"], "", ADVICE_FRAUD, C::Fraud, Always(R::No))),
    (42101, row("risk-blocked (entity-level rule)", ["risk-blocked (entity-level rule)", "被风控拦截（实体级规则）"], "", ADVICE_FRAUD, C::Fraud, Always(R::No))),
    (42201, row("card number on the entity decline list", ["card number on the entity decline list", "卡号在实体级拒绝名单中"], "", ADVICE_FRAUD, C::Fraud, Always(R::No))),
    (42301, row("fraud score over threshold (entity level)", ["fraud score over threshold (entity level)", "欺诈评分超过阈值（实体级）"], "", ADVICE_FRAUD, C::Fraud, Always(R::No))),
];

/// Other `4xxxx` risk codes (the spec says they exist, unlisted).
pub(crate) const FRAUD_OTHER: Row = ours("risk-blocked (unlisted 4xxxx risk code)",
    ["a risk rule blocked the payment (a 4xxxx risk code the gateway does not list)", "风控规则拦截了支付（网关未列出的 4xxxx 风控码）"],
    ADVICE_FRAUD, C::Fraud, Always(R::No));

/// Spec 5.5: the `payment_declined` notice without a readable response code.
pub(crate) const DECLINED: Row = row("payment_declined",
    ["the channel declined the payment for suspected fraud (30034) or a risk rule (4xxxx)", "渠道因疑似欺诈（30034）或风控规则（4xxxx）拒绝了支付"],
    "", ADVICE_FRAUD, C::Fraud, Always(R::No));

/// Spec 5.5: dispute categories.
pub(crate) const DISPUTES: [(&str, Row); 7] = [
    ("fraudulent", row("fraudulent", ["the cardholder says they did not make the payment", "持卡人称并非本人付款"], "", ADVICE_DISPUTE, C::Dispute, Always(R::No))),
    ("unrecognized", row("unrecognized", ["the cardholder does not recognise the payment", "持卡人不认识这笔付款"], "", ADVICE_DISPUTE, C::Dispute, Always(R::No))),
    ("product_service_not_received", row("product_service_not_received", ["the cardholder says the product or service was not received", "持卡人称未收到商品或服务"], "", ADVICE_DISPUTE, C::Dispute, Always(R::No))),
    ("product_service_not_as_described", row("product_service_not_as_described", ["the cardholder says the product or service was not as described", "持卡人称商品或服务与描述不符"], "", ADVICE_DISPUTE, C::Dispute, Always(R::No))),
    ("credit_not_processed", row("credit_not_processed", ["the cardholder says a promised refund was not processed", "持卡人称承诺的退款未处理"], "", ADVICE_DISPUTE, C::Dispute, Always(R::No))),
    ("duplicate", row("duplicate", ["the cardholder says they were charged twice", "持卡人称被重复扣款"], "", ADVICE_DISPUTE, C::Dispute, Always(R::No))),
    ("other", row("other", ["another dispute reason", "其他拒付原因"], "", ADVICE_DISPUTE, C::Dispute, Always(R::No))),
];

/// Spec 5.5: the `dispute_received` notice without a known category.
pub(crate) const DISPUTE_RECEIVED: Row = row("dispute_received",
    ["the card scheme reported a dispute (chargeback initiated)", "卡组织报告了争议（已发起拒付）"],
    "", ADVICE_DISPUTE, C::Dispute, Always(R::No));

/// An `event` that is neither of the spec's two.
pub(crate) const UNKNOWN_EVENT: Row = ours("Unknown Event",
    ["an event notice the gateway does not document", "网关未记录的事件通知"],
    ["acknowledge the webhook, keep the payload, and ask the gateway what the event means; the order status is not changed by event notices", "确认接收该回调并保存载荷，向网关询问该事件含义；事件通知不会改变订单状态"],
    C::Unknown, Always(R::No));

pub(crate) const SUCCESS_ROW: Row = SUCCESS;

/// An unknown business code, without an HTTP status that says more.
pub(crate) const UNKNOWN_CODE: Row = ours("Unknown Code",
    ["a code the gateway does not publish", "网关未公开的错误码"],
    ["do not resend blindly: on a create call look the order up by request_id first; keep code and msg and ask the gateway what the code means", "不要盲目重发：若是创建请求，先用 request_id 查询订单；记录 code 和 msg 并向网关询问该错误码含义"],
    C::Unknown, UnlessCreate(R::No));

/// An answer with nothing readable in it (null, junk, a network failure).
pub(crate) const UNREADABLE: Row = ours("Unreadable Answer",
    ["nothing in the input is a gateway status, code or message", "输入中没有可识别的网关状态、错误码或消息"],
    ADVICE_UNKNOWN_OUTCOME, C::Unknown, UnlessCreate(R::Later));

/// A 2xx answer whose body is not the gateway's JSON envelope (a proxy or firewall page).
pub(crate) const NOT_ENVELOPE_2XX: Row = ours("Not a Gateway Answer",
    ["a success status whose body is not the gateway's JSON envelope (a proxy, firewall or captive page?)", "状态码表示成功，但响应体不是网关的 JSON 信封（可能是代理、防火墙或认证页面）"],
    ["check the base URL and any proxy in between; the outcome is unknown: on a create call look the order up by request_id before resending with the same request_id", "检查基础 URL 及中间代理；结果未知：若是创建请求，先用 request_id 查询订单，再用同一 request_id 重发"],
    C::Unknown, UnlessCreate(R::Later));

/// An unknown message without a code.
pub(crate) const UNKNOWN_MSG: Row = ours("Unknown Message",
    ["a msg the gateway does not publish, without a code", "没有错误码且网关未公开的 msg"],
    ["read msg, keep it with the request_id, and ask the gateway if it is unclear; on a create call look the order up by request_id before resending", "阅读 msg 并与 request_id 一同记录，不清楚时向网关询问；若是创建请求，重发前先用 request_id 查询订单"],
    C::Unknown, UnlessCreate(R::No));

/// Unknown HTTP statuses, by class.
pub(crate) const STATUS_2XX: Row = ours("Success Status",
    ["a success status the gateway does not document", "网关未记录的成功状态码"],
    ["read code in the body: 0 is success", "读取响应体中的 code：0 表示成功"], C::Success, Always(R::No));
pub(crate) const STATUS_3XX: Row = ours("Redirect",
    ["a redirect: the gateway's endpoints do not redirect", "重定向：网关接口不会重定向"],
    ["use the exact https base URL the gateway gave you (no trailing path, no http://)", "使用网关提供的准确 https 基础 URL（不要多余路径，不要 http://）"],
    C::InvalidRequest, Always(R::AfterFix));
pub(crate) const STATUS_RATE: Row = ours("Too Many Requests or Timeout",
    ["the gateway or a proxy refused the call for now (408 or 429)", "网关或代理暂时拒绝了请求（408 或 429）"],
    ["slow down and retry later with exponential backoff", "降低频率，稍后以指数退避重试"], C::Unavailable, Always(R::Later));
pub(crate) const STATUS_4XX: Row = ours("Client Error",
    ["a client error status the gateway does not document", "网关未记录的客户端错误状态码"],
    ["check the URL, the headers (x-auth-appid, X-Auth-Timestamp, x-auth-signature) and the body, then resend", "检查 URL、请求头（x-auth-appid、X-Auth-Timestamp、x-auth-signature）和请求体后重发"],
    C::InvalidRequest, Always(R::AfterFix));
pub(crate) const STATUS_5XX: Row = ours("Server Error",
    ["a server error status the gateway does not document (often a proxy: 502, 504)", "网关未记录的服务器错误状态码（常见于代理：502、504）"],
    ADVICE_UNKNOWN_OUTCOME, C::Server, UnlessCreate(R::Later));
pub(crate) const STATUS_OTHER: Row = ours("Unknown Status",
    ["not an HTTP status", "不是有效的 HTTP 状态码"], ADVICE_UNKNOWN_OUTCOME, C::Unknown, UnlessCreate(R::Later));
