// Conveniences written in JavaScript on top of the wasm API, shared by every entry file. Each takes the
// wasm API object, so the same code serves the ESM and the CommonJS entries (see scripts/cjs-extras.mjs
// for the shape this file keeps: no imports, only top-level `export function`/`export const`).

/** HTTP status per rejection reason: 413 too large, 401 for authentication, 400 for malformed input. */
const REJECTION_STATUS = Object.freeze({
  body_too_large: 413,
  missing_signature: 401,
  malformed_signature: 400,
  malformed_body: 400,
  missing_timestamp: 400,
  malformed_timestamp: 400,
  timestamp_too_old: 401,
  timestamp_too_new: 401,
  signature_mismatch: 401,
});

function textResponse(status, text, extraHeaders) {
  return new Response(text, {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...extraHeaders },
  });
}

/** The JavaScript-level helpers built on the wasm API object `api`. */
export function extend(api) {
  /**
   * A fetch-style handler `(request) => Promise<Response>` that verifies a Lesspay2 webhook on its raw
   * body and calls `onEvent(verified, request)`. See pkg/types/runtime.d.ts.
   */
  function createWebhookHandler(options) {
    if (options === null || typeof options !== 'object') {
      throw new TypeError('createWebhookHandler expects an options object { secret, onEvent, kind?, toleranceMs?, isDuplicate?, markProcessed? }');
    }
    const { secret, onEvent, kind, toleranceMs, isDuplicate, markProcessed } = options;
    const list = Array.isArray(secret) ? secret : [secret];
    if (list.length === 0) throw new Error('secret is an empty array; pass at least one appSecret');
    list.forEach((s, i) => {
      if (typeof s !== 'string') throw new TypeError(`secret[${i}] must be the appSecret string, not ${s === null ? 'null' : typeof s}`);
      if (s.trim() === '') throw new Error(`secret[${i}] is empty or blank; is the environment variable set?`);
    });
    if (typeof onEvent !== 'function') throw new TypeError('onEvent must be a function (verified, request) => void | Response | Promise<void | Response>');
    for (const [name, hook] of [['isDuplicate', isDuplicate], ['markProcessed', markProcessed]]) {
      if (hook !== undefined && typeof hook !== 'function') throw new TypeError(`${name} must be a function or undefined`);
    }
    // Fail at start-up, not on the first webhook, for a bad kind or toleranceMs.
    api.verifyWebhook({ body: '{}', headers: {}, secret: list, kind, toleranceMs });

    return async function handleWebhook(request) {
      if (request.method !== 'POST') {
        return textResponse(405, 'method_not_allowed: webhooks are delivered with POST', { allow: 'POST' });
      }
      let body;
      try {
        body = new Uint8Array(await request.arrayBuffer());
      } catch {
        return textResponse(400, 'unreadable_body: the request body could not be read');
      }
      const verdict = api.verifyWebhook({ body, headers: request.headers, secret: list, kind, toleranceMs, now: Date.now() });
      if (!verdict.valid) {
        return textResponse(REJECTION_STATUS[verdict.reason] ?? 400, `${verdict.reason}: ${verdict.message}`);
      }
      const key = verdict.idempotencyKey;
      if (key !== null && isDuplicate !== undefined && (await isDuplicate(key, verdict))) {
        return textResponse(200, 'SUCCESS');
      }
      const answer = await onEvent(verdict, request);
      if (answer instanceof Response) return answer;
      if (key !== null && markProcessed !== undefined) await markProcessed(key, verdict);
      return textResponse(200, 'SUCCESS');
    };
  }

  return { createWebhookHandler };
}
