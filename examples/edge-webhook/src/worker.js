// Lesspay2 edge webhook gateway (Cloudflare Worker). Sits in front of the merchant's server:
//   1. verifies the gateway's webhook (X-Auth-Signature over the raw body) with one or more appSecrets;
//   2. answers the gateway `SUCCESS`, or a clear 4xx (`<reason>: <message>`) that never shows a secret;
//   3. forwards the verified body to the merchant's origin, re-signed in the Standard Webhooks format
//      (webhook-id = the event's idempotency key), so any Standard Webhooks library can check it there.
// If the origin does not take the event, the gateway gets a 502 and retries later.
//
// Bindings (wrangler.toml [vars] / `wrangler secret put`, or workerd's config.capnp):
//   LESSPAY2_APP_SECRET   appSecret; several separated by commas during a rotation (secret)
//   ORIGIN_URL            where verified events go, e.g. https://merchant.example/webhooks/lesspay2
//   ORIGIN_WEBHOOK_SECRET Standard Webhooks secret `whsec_...` shared with the origin (secret)
//   LESSPAY2_TOLERANCE_MS optional freshness window for X-Auth-Timestamp in ms (unset: none)
// `lesspay2/edge`: signing and verification without validation and error decoding, a smaller module for
// a worker's cold start (README "Size").
import { createWebhookHandler, standardWebhookSign } from 'lesspay2/edge';

const handlers = new WeakMap();

function handlerFor(env) {
  let handler = handlers.get(env);
  if (!handler) {
    const secret = String(env.LESSPAY2_APP_SECRET ?? '').split(',').map((s) => s.trim());
    const tolerance = env.LESSPAY2_TOLERANCE_MS ? Number(env.LESSPAY2_TOLERANCE_MS) : null;
    handler = createWebhookHandler({ secret, toleranceMs: tolerance, onEvent: (verified, request, body) => forward(verified, request, body, env) });
    handlers.set(env, handler);
  }
  return handler;
}

/** A Standard Webhooks id (printable ASCII, no `.` or spaces) that stays the same across retries. */
function messageId(verified, request) {
  const key = verified.idempotencyKey ?? `lesspay2:sig:${request.headers.get('x-auth-signature')?.trim().toLowerCase()}`;
  return encodeURIComponent(key).replaceAll('.', '%2E').slice(0, 255);
}

/** `body`: the exact bytes the handler verified (at most 1 MiB), forwarded unchanged. */
async function forward(verified, request, body, env) {
  const headers = standardWebhookSign({ id: messageId(verified, request), body, secret: env.ORIGIN_WEBHOOK_SECRET });
  let answer;
  try {
    answer = await fetch(env.ORIGIN_URL, {
      method: 'POST',
      body,
      headers: { ...headers, 'content-type': 'application/json', 'x-lesspay2-kind': verified.kind },
    });
  } catch {
    return new Response('origin_unreachable: the merchant origin could not be reached; retry later', { status: 502, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  }
  if (!answer.ok) {
    return new Response(`origin_rejected: the merchant origin answered ${answer.status}; retry later`, { status: 502, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  }
  return undefined; // the handler answers the gateway SUCCESS
}

export default {
  fetch: (request, env) => handlerFor(env)(request),
};
