import type { OrderStatusInfo } from './webhook.js';

/**
 * The language of the texts the library writes (validation messages, `description`, `advice`): `'en'`
 * (the default) or `'zh-CN'`. Every function reads any tag by its language, in any case, so
 * `navigator.language` can be passed as it is: Chinese (`'zh'`, `'zh-Hans-SG'`, `'zh-TW'`, `'zh_CN'`, and
 * `'zho'`, `'chi'`, `'cmn'`, which `Intl` reads as `zh`) as `'zh-CN'`, the only Chinese there are texts
 * in, and any other tag (`'en-US'`, `'fr'`) as `'en'`, as `Intl` falls back. Spaces around the tag are
 * ignored. Only a value that is not a string throws a `TypeError`.
 */
export type Locale = 'en' | 'zh-CN' | (string & {});

/**
 * What kind of answer it is. See the README's "Decoding gateway answers" table for what to do for each.
 *
 * - `success`: the request succeeded.
 * - `invalid_request`: a parameter, the body format or the HTTP method is wrong.
 * - `authentication`: the App ID or the signature is wrong or missing.
 * - `permission`: these credentials may not do this.
 * - `not_found`: the order, detail or endpoint does not exist.
 * - `conflict`: the order exists already, or is not in a state that allows the change.
 * - `business_rule`: a business rule of the gateway refused the request.
 * - `server`: the gateway failed; the outcome of a create call is unknown.
 * - `unavailable`: the gateway is down or throttling; the call was not processed.
 * - `fraud`: a fraud or risk rule declined the payment.
 * - `dispute`: the card scheme reported a dispute (chargeback).
 * - `unknown`: nothing the gateway documents.
 */
export type ErrorCategory =
  | 'success'
  | 'invalid_request'
  | 'authentication'
  | 'permission'
  | 'not_found'
  | 'conflict'
  | 'business_rule'
  | 'server'
  | 'unavailable'
  | 'fraud'
  | 'dispute'
  | 'unknown';

/**
 * Whether and when the same request may be sent again.
 *
 * - `no`: do not send it again (it succeeded, it can never succeed, or the order already exists: look it up).
 * - `after_fix`: only after fixing what `advice` names.
 * - `later`: later, with backoff.
 * - `query_first`: the outcome is unknown: look the order up by `request_id` first, and resend (with the
 *   same `request_id`) only if it does not exist. A blind resend of a create call can pay twice.
 */
export type Retry = 'no' | 'after_fix' | 'later' | 'query_first';

/**
 * Which table of spec section 5 decided: `http_status` (5.1, or the class of an undocumented status),
 * `payin_code` (5.2, and code 0 outside a payout context), `payout_code` (5.4, including the reserved,
 * unpublished codes of 30000–30079), `query_msg` (5.3, the fetch pay-in `msg` values), `fraud_code` (5.5,
 * a fraud response code or a `payment_declined` notice), `dispute` (5.5, a `dispute_received` notice), or
 * `none` (an unknown code, message or event, or unreadable input).
 */
export type ErrorSource = 'http_status' | 'payin_code' | 'payout_code' | 'query_msg' | 'fraud_code' | 'dispute' | 'none';

/** What the caller knows about the call that produced the answer. */
export interface ErrorContext {
  /**
   * The API that answered. It decides what code `30034` is: with `'payin'` it is the fraud response
   * code "suspected fraud (pick up)"; otherwise (`'payout'` or absent) the reserved, unpublished payout
   * code. In a `payment_declined` notice it is always the fraud code.
   */
  api?: 'payin' | 'payout';
  /**
   * The call that answered. With `'create'`, an answer whose outcome is unknown (codes 10 and 12, HTTP 500
   * and other 5xx, unreadable answers, unknown codes) gets `retry: 'query_first'`.
   */
  operation?: 'create' | 'query' | 'banks' | 'balance' | 'notify';
  /** The language of `description` and `advice` (see {@link Locale}). `name` and `suggestion` stay as the gateway published them. */
  locale?: Locale;
}

/** A `msg` that reads as a row of a different category than the `code` it came with. */
export interface MsgConflict {
  /** The table the `msg` matches. */
  source: ErrorSource;
  /** The code of that row, when it has one (e.g. `1201` for the msg `"Duplicate Data Exists"`). */
  code?: number;
  /** That row's name. */
  name: string;
  /** That row's category. */
  category: ErrorCategory;
}

/** A decoded gateway answer. Every field but the optional ones is always present. */
export interface DecodedError {
  /** Whether the gateway documents it: a published row, a reserved payout code (30000–30079) or a 4xxxx risk code. */
  known: boolean;
  /** Whether `name` and `suggestion` are the gateway's published words (false: our label, and `suggestion` is `''`). */
  published: boolean;
  /** Which table decided. */
  source: ErrorSource;
  /** The HTTP status, when the input had one. */
  status?: number;
  /** The business or fraud code, when the input had one that is an integer (|code| < 10^15). */
  code?: number;
  /** The `msg`, when the input had one. */
  msg?: string;
  /** For payout codes: the group (`general`, `parameter validation`, `idempotency`, `lookup`, or `unpublished` for 30030–30079). */
  group?: string;
  /** The gateway's label, exactly as published (e.g. `"Duplicate Data Exists"`, `"Bad Request"`, or the fetch `msg` itself). */
  name: string;
  /** What it means, in the context's locale (in English, the gateway's meaning text where it has one). */
  description: string;
  /** The gateway's suggestion, exactly as published; `''` when it published none. */
  suggestion: string;
  /** Our concrete next step, in the context's locale. */
  advice: string;
  /** What kind of answer it is. */
  category: ErrorCategory;
  /** Whether and when to send the request again. */
  retry: Retry;
  /**
   * The `msg` contradicts the `code`: it reads as another row, of a different category (e.g. code 0 with
   * msg `"Order does not exist"`). The decode follows `code`; check both before acting. `null` otherwise.
   */
  msgConflict: MsgConflict | null;
}

/**
 * Anything the gateway may answer:
 * - a business code: a number (`1201`) or a numeric string (`"1201"`);
 * - a bare `msg` string (`"Order does not exist"`); text starting with `<` (an HTML page) is no `msg`;
 * - a parsed envelope `{ code, msg, data }`, or its JSON text (a string starting with `{`; if it is not
 *   JSON, the answer is unreadable);
 * - a fetch-`Response`-like `{ status, body }` where `body` is the response text (`await res.text()`) or
 *   the parsed envelope, read as {@link decodeResponse} reads it (a 2xx body without a `code` is
 *   "Not a Gateway Answer"). A fetch body stream cannot be read synchronously: only `status` is used then,
 *   and a 2xx status alone says nothing of the business `code`: prefer {@link decodeResponse};
 * - a pay-in webhook payload: its `event`/`event_data` (fraud and dispute notices) or its
 *   `error_code`/`error_msg`.
 *
 * Anything else (null, arrays, bigints, objects with throwing getters, NaN) decodes as unreadable.
 */
export type GatewayAnswer = unknown;

/**
 * Decodes a gateway answer into what happened, whose fault it is and whether it is safe to retry.
 * Never throws for input it cannot read: that decodes as `category: 'unknown'`, `known: false`.
 *
 * @throws {TypeError} only when `context` is not an object, holds a key other than `api`, `operation`
 *   and `locale`, or one of those outside the documented values (a typo there would silently weaken
 *   `retry`).
 */
export function decodeError(input: GatewayAnswer, context?: ErrorContext | null): DecodedError;

/** The result of {@link decodeResponse}. */
export type DecodedResponse =
  | {
      ok: true;
      /** The envelope's `data`, parsed with `JSON.parse` (`null` when absent). */
      data: unknown;
      /**
       * Set when the success `msg` is a published error message or label (e.g. `{ code: 0, msg: "Order
       * does not exist" }`): the answer contradicts itself, check the order before trusting `data`.
       */
      msgConflict: MsgConflict | null;
    }
  | {
      ok: false;
      /** The decoded failure (see {@link decodeError}). */
      error: DecodedError;
    };

/**
 * Decodes an HTTP answer of the gateway: `ok` only for a 2xx status whose body is the JSON envelope with
 * `code` 0 (parsed strictly). Everything else, including non-JSON bodies and HTML error pages, is
 * `{ ok: false, error }`. A status that is no final HTTP status (1xx, outside 100–599, not a whole number, `NaN`) decodes as `Unknown Status`.
 *
 * @throws {TypeError} only for a wrong `context` (see {@link decodeError}).
 */
export function decodeResponse(status: number, bodyText: string, context?: ErrorContext | null): DecodedResponse;

/** Options of {@link orderStatus}. */
export interface OrderStatusOptions {
  /** The language of `description` (see {@link Locale}). */
  locale?: Locale;
}

/**
 * Decodes an order status from its number (`2`, `"2"`) or any spelling the gateway uses, in any case
 * (`SUCCEED`, `SUCCESS`, `SUCCEEDED`, `Succeeded`, `REFUNDED`, `CANCELLED`; the payout detail states
 * `CREATED` and `PROCESSING` read as `PENDING_PAY`). `null` for anything else.
 *
 * @throws {TypeError} when `options` is not an object, holds a key other than `locale`, or `locale` is
 *   not a tag {@link Locale} reads.
 */
export function orderStatus(value: unknown, options?: OrderStatusOptions | null): OrderStatusInfo | null;
