import type { RejectedWebhook, TypedVerifiedWebhook, VerifiedWebhook } from './signature.js';

/** Options of {@link createWebhookHandler}. */
export interface WebhookHandlerOptions {
  /** The appSecret, or several (rotation). Empty or blank secrets are refused when the handler is created. */
  secret: string | readonly string[];
  /**
   * Called once per verified webhook, with the request (its body already read, so `request.clone()`
   * throws) and `body`, the exact bytes that were verified (at most 1 MiB), to forward unchanged. Return
   * nothing to answer the gateway `SUCCESS`, or a `Response` to answer with it instead (e.g. a 502 so that
   * the gateway retries when your own processing failed). A throw becomes the runtime's 500.
   */
  onEvent: (verified: TypedVerifiedWebhook, request: Request, body: Uint8Array) => void | Response | Promise<void | Response>;
  /** As in `verifyWebhook`: `'auto'` (default), `'payin'` or `'payout'`. */
  kind?: 'auto' | 'payin' | 'payout';
  /** As in `verifyWebhook`: the freshness window for `X-Auth-Timestamp` in ms, or `null` (default) for none. */
  toleranceMs?: number | null;
  /**
   * Deduplication hook: return `true` when this idempotency key was already processed; the handler then
   * answers `SUCCESS` without calling `onEvent` (the gateway stops retrying).
   */
  isDuplicate?: (idempotencyKey: string, verified: VerifiedWebhook) => boolean | Promise<boolean>;
  /**
   * Called after `onEvent` succeeded (returned nothing, or a 2xx `Response`), to record the idempotency
   * key. Not atomic with `isDuplicate`: two deliveries at once can both reach `onEvent`. Skipped, like
   * `isDuplicate`, when the payload has no `pay_order_id` (no key).
   */
  markProcessed?: (idempotencyKey: string, verified: VerifiedWebhook) => void | Promise<void>;
  /**
   * Called for every delivery refused by its body or headers, before the handler answers: the verdict
   * with `verifyWebhook`'s whole message (the sender's answer leaves out what it says of the configured
   * secrets), for your logs, or `unreadable_body` when the connection failed mid-body. A throw rejects
   * the handler's promise, as one from `onEvent` does.
   */
  onRejected?: (rejected: HandlerRejection, request: Request) => void | Promise<void>;
}

/** A delivery {@link createWebhookHandler} refused: `verifyWebhook`'s verdict, or a body it could not read. */
export type HandlerRejection = RejectedWebhook | { valid: false; reason: 'unreadable_body'; message: string };

/**
 * A fetch-style webhook endpoint for Workers, Deno, Bun and Next.js route handlers (anything that hands it a fetch
 * `Request`; a `node:http` server calls {@link verifyWebhook} on the raw body instead):
 * `async (request) => Response`. It verifies the raw body with `verifyWebhook` and answers:
 *
 * - `200 SUCCESS` (text/plain) after `onEvent` returns (or for a duplicate);
 * - `405` for a method other than POST;
 * - `413 body_too_large: ...` for a body over 1 MiB (refused by its `Content-Length`, or as soon as the
 *   stream passes 1 MiB: never buffered whole), `400 <reason>: ...` for malformed input, `401 <reason>: ...` for a
 *   missing or wrong signature, or a timestamp missing or outside `toleranceMs` — always the stable reason code
 *   first, never a secret (nor what `verifyWebhook`'s mismatch message says of the configured secrets).
 *
 * - `400 unreadable_body: ...` when the connection fails mid-body.
 *
 * The returned handler rejects with a `TypeError` for the server's own mistakes, rather than blame the
 * delivery with a 4xx: a value that is not a fetch `Request` (a `node:http` `IncomingMessage`), or a
 * request whose body was already read or is being read (a body parser ran first). Workers, Deno, Bun
 * and Next.js log such a rejection and answer 500; `node:http` does not catch it (an unhandled
 * rejection stops Node): there, call `verifyWebhook` on the raw body instead.
 *
 * @throws {TypeError} for a missing `onEvent`, wrong option types, or an option it does not have (a
 *   misspelt `toleranceMS` would otherwise turn the freshness check off).
 * @throws {Error} for no secret, an empty array, or a blank secret.
 */
export function createWebhookHandler(options: WebhookHandlerOptions): (request: Request) => Promise<Response>;
