import type { HeadersLike, RawBody } from './signature.js';

/**
 * A Standard Webhooks signing secret: `whsec_` followed by the standard base64 of the key bytes (the
 * prefix is optional), or several of them (key rotation).
 */
export type StandardWebhookSecret = string | readonly string[];

/** Options of {@link standardWebhookSign}. */
export interface StandardWebhookSignOptions {
  /**
   * `webhook-id`: the same for every retry of one event. 1 to 255 printable ASCII characters without
   * `.` or spaces; anything else throws. `verified.idempotencyKey` fits when the gateway's own ids and
   * statuses are in it; for a key from arbitrary text use
   * `encodeURIComponent(key).replaceAll('.', '%2E')` (and keep it under 256 characters).
   */
  id: string;
  /** The exact body that will be sent (the signature covers its bytes). */
  body: RawBody;
  /** The secret; with several, one `v1,` signature per secret is sent (rotation). */
  secret: StandardWebhookSecret;
  /**
   * The clock in ms since the epoch (13 digits, like `Date.now()`, its default), or a `Date`;
   * `webhook-timestamp` is it in whole seconds. Seconds throw a `TypeError`: they would sign a time
   * in 1970.
   */
  now?: number | Date;
}

/** The three headers to send with the body (a type alias, so it also fits `HeadersInit` and `HeadersLike`). */
export type StandardWebhookHeaders = {
  /** The message id. */
  'webhook-id': string;
  /** Whole seconds since the epoch. */
  'webhook-timestamp': string;
  /** `v1,<base64 HMAC-SHA256>`, space-separated when there are several secrets. */
  'webhook-signature': string;
};

/**
 * Signs a delivery in the Standard Webhooks format: HMAC-SHA256 of `{id}.{timestamp}.{body}` with the
 * secret's bytes. Pass the result as (part of) the `headers` of `fetch`.
 *
 * @throws {TypeError} for wrong argument types, or an option it does not have.
 * @throws {Error} for an empty or non-base64 secret, an empty secret array, or an invalid `id`.
 */
export function standardWebhookSign(options: StandardWebhookSignOptions): StandardWebhookHeaders;

/** Options of {@link standardWebhookVerify}. */
export interface StandardWebhookVerifyOptions {
  /** The raw body exactly as received. */
  body: RawBody;
  /** The received headers (`webhook-id`, `webhook-timestamp`, `webhook-signature`). */
  headers: HeadersLike;
  /** The secret, or several (rotation): the index of the one that matched is returned. */
  secret: StandardWebhookSecret;
  /** Freshness window in ms, both directions (default 300000, the libraries' 5 minutes); `null` for none. */
  toleranceMs?: number | null;
  /** The clock in ms since the epoch, or a `Date` (default `Date.now()`). */
  now?: number | Date;
}

/** Why a Standard Webhooks delivery was rejected, in the order the checks run. */
export type StandardWebhookRejectionReason =
  | 'body_too_large'
  | 'missing_id'
  | 'missing_timestamp'
  | 'missing_signature'
  | 'malformed_timestamp'
  | 'timestamp_too_old'
  | 'timestamp_too_new'
  | 'signature_mismatch';

/** A verified delivery. */
export interface StandardWebhookVerified {
  valid: true;
  /** `webhook-id`: deduplicate on it. */
  id: string;
  /** `webhook-timestamp`, in seconds since the epoch. */
  timestamp: number;
  /** Which secret matched (0-based index into `secret`). */
  secretIndex: number;
}

/** A rejected delivery. */
export interface StandardWebhookRejected {
  valid: false;
  /** The stable code. */
  reason: StandardWebhookRejectionReason;
  /** One sentence for logs. Never contains a secret. */
  message: string;
}

/**
 * Verifies a Standard Webhooks delivery (`v1` signatures; other versions in the header are skipped),
 * in constant time, trying every secret. The first 16 `v1` signatures of `webhook-signature` are read
 * (also from two headers a fetch `Headers` joined as `a, b`). Never throws for anything the network
 * controls; an exception from the caller's own `headers` object (a `get` that throws) is thrown on.
 *
 * @throws {TypeError} for wrong argument types, or an option it does not have.
 * @throws {Error} for an empty or non-base64 secret, or an empty secret array.
 */
export function standardWebhookVerify(options: StandardWebhookVerifyOptions): StandardWebhookVerified | StandardWebhookRejected;
