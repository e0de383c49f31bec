import type { OrderStatusInfo, PayinWebhookPayload, PayoutWebhookPayload, WebhookEvent } from './webhook.js';

/**
 * A request or webhook body: the exact JSON text, its UTF-8 bytes (a `Uint8Array` such as Node's
 * `Buffer`, or an `ArrayBuffer` or `SharedArrayBuffer`: the raw body a server read), or an object that is first serialised with
 * `JSON.stringify`. Amounts in an object must therefore be **strings** (`"100.50"`): a JSON number is
 * signed by its text, and `JSON.stringify(100.50)` is `100.5`. A `Map`, a `Set` and typed arrays other
 * than `Uint8Array` given as the body are refused with a `TypeError` (`JSON.stringify` would write them
 * as something else than they hold; inside an object they are written as it writes them, `{}` for a
 * `Map`, and signed as written), and bytes that are not UTF-8 with an `Error`.
 *
 * A string argument (a body, a secret, an id) with an unpaired UTF-16 surrogate throws an `Error`: the
 * gateway would sign `?` in its place. An options object with a key the function does not take throws
 * a `TypeError` naming it (a misspelt option would otherwise be ignored).
 *
 * No input of any function is read past 8 Mi (8,388,608) characters, or bytes: a longer body, secret,
 * name or option throws an `Error` saying so before anything is copied into the module (whose memory
 * a runaway input would otherwise exhaust, stopping the instance), and a longer header value is a
 * verdict (`malformed_signature`, `malformed_timestamp`). A secret list holds at most 16 secrets.
 */
export type Body = string | Uint8Array | ArrayBuffer | object;

/** A raw body exactly as received or sent: its text, or its bytes. */
export type RawBody = string | Uint8Array | ArrayBuffer | SharedArrayBuffer;

/**
 * The canonical string the gateway hashes before `&key=<appSecret>`, bit for bit as its Java code builds
 * it. `null` when the body has no parameters at all (`{}`): the gateway then hashes `key=<appSecret>`.
 *
 * @throws {TypeError} when `body` is not a string, bytes or an object (see {@link Body}).
 * @throws {Error} when the body is not UTF-8 or not a strict JSON object (the message says where and why), uses the
 *   `$ref`/`@type` keys the gateway reads as directives, holds an unpaired surrogate, or nests deeper
 *   than 128 levels.
 */
export function canonicalize(body: Body): string | null;

/**
 * The gateway's signature of a body: `SHA-256(canonical + "&key=" + appSecret)` as 64 upper-case hex
 * digits. Not an HMAC. This low-level primitive signs with any secret, even an empty one; use
 * {@link signRequest} to send requests.
 *
 * @throws {TypeError} for a body that is not a string, bytes or an object (see {@link Body}), or an
 *   `appSecret` that is not a string.
 * @throws {Error} for a body that is not a strict JSON object (see {@link canonicalize}).
 */
export function sign(body: Body, appSecret: string): string;

/**
 * The `X-Auth-Signature` the gateway sends with this webhook body (64 upper-case hex digits), for
 * fixtures that test a webhook handler. {@link sign} signs a body as a request, which differs on a pay-in
 * v1 webhook (signed without `order_status_int`, `channel_biz_data`, `event`, `event_data` and
 * `api_version`) and, rarely, on other pay-in webhooks (the gateway parses those once more before signing).
 * `kind` is as in {@link VerifyWebhookOptions}: `'auto'` (default) picks by the payload, as
 * {@link verifyWebhook} does.
 *
 * @throws {TypeError} for a body that is not a string, bytes or an object, an `appSecret` that is not a
 *   string, or another `kind`.
 * @throws {Error} for a body that is not a strict JSON object (see {@link canonicalize}).
 */
export function signWebhook(body: Body, appSecret: string, kind?: 'auto' | 'payin' | 'payout'): string;

/** Options of {@link signRequest}. */
export interface SignRequestOptions {
  /** The merchant's App ID (`x-auth-appid`). */
  appId: string;
  /** The appSecret. An empty or whitespace-only secret is refused: it is almost always a missing env var. */
  appSecret: string;
  /** The request body (see {@link Body}). */
  body: Body;
  /**
   * `X-Auth-Timestamp` in milliseconds since the epoch, 13 digits (a `TypeError` otherwise: seconds are
   * the usual slip); defaults to `Date.now()`. Not signed by the gateway.
   */
  timestamp?: number;
}

/** A request ready to send with `fetch(baseUrl + path, { method: 'POST', body, headers })`. */
export interface SignedRequest {
  /** The exact body text to send: the signature covers it. */
  body: string;
  /** `x-auth-appid`, `X-Auth-Timestamp`, `x-auth-signature` and `Content-Type: application/json`. */
  headers: Record<string, string>;
}

/**
 * Signs a request for the gateway: the body text to send and its headers.
 *
 * @throws {TypeError} for wrong argument types, or an option it does not have.
 * @throws {Error} for an empty/blank `appSecret` or `appId`, or a body that is not a strict JSON object.
 */
export function signRequest(options: SignRequestOptions): SignedRequest;

/**
 * The received headers: a fetch `Headers`, a `Map`, or a plain object (any key casing, the lower-case key
 * read first; string or string[] values, the latter joined with `, ` as fetch joins a repeated header,
 * so two signatures are `malformed_signature`; never an array such as `req.rawHeaders`, which throws a
 * `TypeError`). A `Headers` object has already trimmed its values (a signature
 * of only spaces then reads as missing, not malformed): pass raw values for the spec's exact rules.
 */
export type HeadersLike = Headers | Map<string, string | string[]> | Record<string, string | string[] | undefined>;

/** Options of {@link verifyWebhook}. */
export interface VerifyWebhookOptions {
  /** The raw body exactly as received (`await request.text()`, or the bytes). Never a re-serialised object. */
  body: RawBody;
  /** The received headers. */
  headers: HeadersLike;
  /** The appSecret, or several (rotation): the first that matches wins. Empty or blank secrets are refused. */
  secret: string | readonly string[];
  /**
   * Which payload the gateway signed. `'auto'` (default) picks by the payload: the payout rule (the full
   * body) for a payout notice (it has `details` or `total_amount`), the pay-in rule otherwise.
   */
  kind?: 'auto' | 'payin' | 'payout';
  /**
   * Freshness window in ms for `X-Auth-Timestamp`, or `null` (default) for none. The gateway does not
   * sign the timestamp, so this is a sanity check, not replay protection: deduplicate on
   * {@link webhookKey} for that.
   */
  toleranceMs?: number | null;
  /** The clock in ms since the epoch, or a `Date` (default `Date.now()`). */
  now?: number | Date;
}

/** Why a webhook was rejected, in the order the checks run. */
export type WebhookRejectionReason =
  | 'body_too_large'
  | 'missing_signature'
  | 'malformed_signature'
  | 'malformed_body'
  | 'missing_timestamp'
  | 'malformed_timestamp'
  | 'timestamp_too_old'
  | 'timestamp_too_new'
  | 'signature_mismatch';

/** A verified webhook. */
export interface VerifiedWebhook {
  valid: true;
  /** What the body is: a pay-in notice (including fraud/dispute events) or a payout notice. */
  kind: 'payin' | 'payout';
  /** Which secret matched (0-based index into `secret`). */
  secretIndex: number;
  /** The body, parsed with `JSON.parse`. */
  payload: Record<string, unknown>;
  /**
   * Fields the body carries that the signature does **not** cover. For a pay-in webhook with
   * `api_version` v1 (or none), the gateway leaves `api_version`, `order_status_int`,
   * `channel_biz_data`, `event` and `event_data` unsigned: anyone could have changed them.
   */
  unsignedFields: string[];
  /** `order_status` decoded, or `null` when absent or unknown. */
  orderStatus: OrderStatusInfo | null;
  /** The fraud/dispute notice (`event`, `event_data`) decoded, or `null` when `event` is absent, null or empty. */
  event: WebhookEvent | null;
  /** {@link webhookKey} of the payload, from the signed fields only (`event` is left out when `unsignedFields` has it): deduplicate on it. */
  idempotencyKey: string | null;
}

/** A rejected webhook. */
export interface RejectedWebhook {
  valid: false;
  reason: WebhookRejectionReason;
  /** One sentence with the detail, for logs. Never contains a secret. */
  message: string;
}

/**
 * Verifies a webhook exactly as the gateway signs it, in constant time. Never throws for anything the
 * network controls (body, headers): that yields `{ valid: false, reason }`. An exception from the
 * caller's own objects (a `headers` whose `get` throws, a getter of the options) is thrown on.
 *
 * @throws {TypeError} for wrong argument types (a missing `headers` object, a `kind` outside the three,
 *   an option it does not have...).
 * @throws {Error} for no secret, an empty array, an empty/blank secret, or more than 16 (or a secret
 *   over the input limit: see {@link Body}).
 */
export function verifyWebhook(options: VerifyWebhookOptions): VerifiedWebhook | RejectedWebhook;

/** A hint from {@link explainSignature}. */
export interface SignatureHint {
  /**
   * Stable code: `signature_format`, `lowercase_hex`, `secret_whitespace`, `secret_empty`; for a request,
   * `number_values`, `array_key_order`, `payin_v1_webhook`, `exact_body`; for a webhook (`kind` given),
   * `webhook_kind` (the signature matches the other rule) and `raw_body`.
   */
  code: string;
  /** What to check, in one sentence. */
  message: string;
}

/** What {@link explainSignature} found. */
export interface SignatureExplanation {
  /** The canonical string, or `null` without parameters. */
  canonical: string | null;
  /** The hashed text with the secret shown as `<appSecret>`. */
  signedString: string;
  /** The signature the gateway computes. */
  expected: string;
  /** Whether `receivedSignature` matches (ignoring case and surrounding whitespace); `null` if none was given. */
  matches: boolean | null;
  /**
   * Likely reasons for a mismatch, most likely first: empty when it matches, but for `lowercase_hex` (a
   * match in lower case, which the gateway does not send).
   */
  hints: SignatureHint[];
  /**
   * Every object inside an array whose keys the gateway signs in another order than the body has them
   * (Java `HashMap` order), in document order; empty when there is none. Computed whether or not the
   * signature matches.
   */
  arrayKeyOrder: ArrayKeyOrder[];
}

/** An object inside an array that the gateway writes with its keys in another order than the body. */
export interface ArrayKeyOrder {
  /** Where it is: `details[0]`, `a.b[1][0]`, ... (keys joined with `.`, array indices in brackets). */
  path: string;
  /** Its keys as the body has them, without `null` members (the gateway does not write those). */
  bodyOrder: string[];
  /** Its keys in the order the gateway writes and signs them. */
  gatewayOrder: string[];
}

/**
 * For the merchant whose signature does not match: the canonical string (secret redacted), the expected
 * signature, whether a received one matches, and concrete hints. The body is a request, signed as
 * {@link sign} signs it; with a `kind`, it is a webhook the gateway sent, signed by that rule as
 * {@link signWebhook} and {@link verifyWebhook} read it (`'auto'` picks by the payload), for a receiver
 * whose check fails: the hints are then a receiver's.
 *
 * @throws {TypeError} / {Error} as {@link sign}, and a `TypeError` for another `kind`.
 */
export function explainSignature(
  body: Body,
  appSecret: string,
  receivedSignature?: string | null,
  kind?: 'auto' | 'payin' | 'payout' | null,
): SignatureExplanation;

/**
 * A stable idempotency key for a verified webhook (`lesspay2:<pay_order_id>:<order_status>[:<event>]`),
 * or `null` without a `pay_order_id`. The status is its canonical name as `orderStatus` reads it
 * (`"2"` and `SUCCESS` are `SUCCEED`), the event in lower case. The gateway does not sign
 * `X-Auth-Timestamp`, so deduplicating on this key is the real defence against replays and duplicate
 * deliveries. Only signed fields go in: on a
 * pay-in v1 payload (`api_version` v1, blank or absent) `event` is unsigned and left out, so a replay
 * that changes it keeps the key, and a v1 notice shares the key of the status notice it came with.
 *
 * @throws {TypeError} / {Error} when `payload` is not a JSON object or its text.
 */
export function webhookKey(payload: Body): string | null;

/**
 * A {@link VerifiedWebhook} with its payload typed by `kind`: narrow `verifyWebhook(...)` with
 * `as TypedVerifiedWebhook | RejectedWebhook`, then switch on `kind` (and `event` for fraud/dispute notices).
 * The spec sends fraud and dispute notices to the pay-in `notify_url`; a payout payload that carries an
 * `event` anyway has it decoded too (its signature covers it), so `event` is not narrowed by `kind`.
 */
export type TypedVerifiedWebhook =
  | (VerifiedWebhook & { kind: 'payin'; payload: PayinWebhookPayload })
  | (VerifiedWebhook & { kind: 'payout'; payload: PayoutWebhookPayload });
