// The gateway's webhook payloads, and what `verifyWebhook` and `orderStatus` decode from them: shared by
// every entry (`lesspay2`, `lesspay2/client`, `lesspay2/edge`).

/** A decoded order status. */
export interface OrderStatusInfo {
  /** The gateway's number (`order_status_int`). */
  code: number;
  /** The canonical name, e.g. `'SUCCEED'`. */
  name: string;
  /** Whether no further change is expected. */
  final: boolean;
  /**
   * What it means: in English from `verifyWebhook` (it takes no `locale`), in the language asked for from
   * `orderStatus(code, { locale })`.
   */
  description: string;
}

/** A fraud or dispute notice (spec 5.5), decoded. It informs and does **not** change the order status. */
export interface WebhookEvent {
  /** The `event` value: `'payment_declined'`, `'dispute_received'`, or another the gateway does not document. */
  type: string;
  /** `fraud` for `payment_declined`, `dispute` for `dispute_received`, `unknown` otherwise. */
  category: 'fraud' | 'dispute' | 'unknown';
  /** Whether the event is documented. */
  known: boolean;
  /**
   * The fraud response code (`30034`, `41101`, …), read from `event_data` (`fraud_code`, `response_code`,
   * `risk_code`, `code`, `error_code`, in that order) or the payload's `error_code`; `null` when none.
   */
  fraudCode: number | null;
  /** The dispute category as sent, read from `event_data` (`category`, `dispute_category`, `reason`, `dispute_reason`); `null` when none. */
  disputeCategory: string | null;
  /** The spec's name of the fraud code or dispute category (e.g. `'fraud score over threshold'`, `'duplicate'`), or of the event. */
  name: string;
  /** What it means, in English. */
  description: string;
  /** Our next step, in English (`decodeError(payload, { locale: 'zh-CN' })` gives it in Chinese). */
  advice: string;
  /**
   * Whether the signature covers `event`. `false` on a pay-in v1 webhook: the gateway leaves `event` and
   * `event_data` unsigned, so anyone could have added or changed them.
   */
  signed: boolean;
}

/** The gateway's `order_status` spellings (see `orderStatus`); other strings may appear. */
export type OrderStatusName =
  | 'PENDING_CONFIRM'
  | 'PENDING_PAY'
  | 'SUCCEED'
  | 'FAILED'
  | 'CANCELED'
  | 'REFUND'
  | 'CLOSED'
  | 'PARTIAL_SUCCESS'
  | 'PAID'
  | (string & {});

/** The `event_data` of a fraud or dispute notice. The gateway does not publish its shape. */
export type EventData = Record<string, unknown>;

/**
 * An amount in a webhook payload: a decimal string such as `'100.00'`, or a JSON number where the gateway
 * sent one (its own vectors have both), which `JSON.parse` may have shortened (`100.50` is `100.5`). The
 * signature covered the exact text; read the raw body for it.
 */
export type WebhookAmount = string | number;

/** A pay-in webhook payload (spec section 6). */
export interface PayinWebhookPayload {
  /** The gateway's order id. */
  pay_order_id: string;
  /** The merchant's id of the create call. */
  request_id: string;
  /** The status name (see `orderStatus`). */
  order_status: OrderStatusName;
  /** The status number; unsigned on v1 webhooks: prefer `order_status`. */
  order_status_int?: number;
  /** The currency, e.g. `'USD'`. */
  target_currency?: string;
  /**
   * The amount, a decimal string such as `'100.00'`, or a JSON number where the gateway sent one (its
   * vectors have both): then `JSON.parse` may have dropped digits of its text (`100.50` is `100.5`).
   * The signature covered the exact text.
   */
  target_amount?: WebhookAmount;
  /** The merchant's success redirect URL. */
  success_url?: string;
  /** The merchant's failure redirect URL. */
  fail_url?: string;
  /** The product name sent at creation. */
  product_name?: string;
  /** The description sent at creation. */
  description?: string;
  /** Completion time: milliseconds since the epoch or ISO-8601 text; `null` until complete. */
  complete_time?: number | string | null;
  /** On failure: the business code (decode it with `decodeError`). */
  error_code?: string | number | null;
  /** On failure: the gateway's message. */
  error_msg?: string | null;
  /** The notification URL, or `null`. */
  notify_url?: string | null;
  /** The merchant's own field, echoed back, or `null`. */
  merchant_reserved_field?: string | null;
  /** `'v1'` (or absent or `null`: treated as v1) or `'v2'`: decides which fields are signed. */
  api_version?: string | number | null;
  /** Channel extras, e.g. `{ issuer_country, '3ds': { downgraded, enrolled }, issuer }`. */
  channel_biz_data?: Record<string, unknown> | null;
  /** `'payment_declined'` or `'dispute_received'` on a fraud/dispute notice; `null` otherwise. */
  event?: 'payment_declined' | 'dispute_received' | (string & {}) | null;
  /** The notice's details; `null` unless it is a fraud/dispute notice. */
  event_data?: EventData | null;
}

/** A fraud or dispute notice: a pay-in payload with `event` set. */
export interface EventWebhookPayload extends PayinWebhookPayload {
  /** The notice. */
  event: 'payment_declined' | 'dispute_received' | (string & {});
  /** Its details. */
  event_data: EventData | null;
}

/** One detail of a payout batch. */
export interface PayoutDetail {
  /** The gateway's detail id. */
  payout_order_detail_id?: string;
  /** The merchant's detail id (unique in the batch). */
  mch_order_id: string;
  /** The requested amount, a decimal string (or a number: see {@link WebhookAmount}). */
  amount: WebhookAmount;
  /** The paid amount (see {@link WebhookAmount}), `null` until paid. */
  actual_amount?: WebhookAmount | null;
  /** The detail status (`SUCCEED`/`SUCCEEDED`, `FAILED`, …; see `orderStatus`). */
  status: OrderStatusName;
  /** `'PENDING'`, `'APPROVED'` or `'REJECTED'`. */
  audit_state?: 'PENDING' | 'APPROVED' | 'REJECTED' | (string & {});
  /** Why the detail failed. */
  fail_reason?: string | null;
  /** Why the audit rejected it. */
  rejected_reason?: string | null;
  /** The channel's reference. */
  channel_order_no?: string | null;
  /** The account number, masked (`1234****5678`). */
  bank_account_no?: string;
  /** The account holder, masked. */
  bank_account_name?: string;
  /** The account type. */
  bank_account_type?: string;
  /** The bank's name. */
  bank_name?: string;
  /** ISO 3166-1 alpha-2. */
  bank_country_code?: string;
  /** The bank's SWIFT code, or `null`. */
  bank_swift_code?: string | null;
  /** When the detail succeeded. */
  success_time?: string | number | null;
}

/** A payout webhook payload: one notice when the whole batch is final (spec section 6). */
export interface PayoutWebhookPayload {
  /** The gateway's batch id. */
  pay_order_id: string;
  /** The merchant's id of the create call. */
  request_id: string;
  /** The batch status (`SUCCEED`/`SUCCESS`, `PARTIAL_SUCCESS`, `FAILED`, …). */
  order_status: OrderStatusName;
  /** The currency, e.g. `'PHP'`. */
  currency: string;
  /** The batch amount, a decimal string (or a number: see {@link WebhookAmount}). */
  total_amount: WebhookAmount;
  /** Minor units of the currency. */
  decimal_places?: number;
  /** Why the batch failed. */
  fail_reason?: string | null;
  /** Creation time, ISO-8601 text (or milliseconds since the epoch). */
  created_at?: string | number;
  /** The details; query `/api/global/payout/query` for the per-detail outcome. */
  details?: PayoutDetail[];
}
