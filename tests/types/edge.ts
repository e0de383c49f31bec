// A strict TypeScript consumer of `lesspay2/edge` (pkg/edge/index.d.ts), as a Cloudflare Worker uses it:
// verify the gateway's webhook, re-sign it for the origin, sign an API request. `make test-types`
// type-checks it with consumer.ts. The `@ts-expect-error` lines are misuse that must NOT compile: the
// edge module has no validation or error decoding.
import init, {
  canonicalize,
  createWebhookHandler,
  explainSignature,
  sign,
  signRequest,
  standardWebhookSign,
  standardWebhookVerify,
  verifyWebhook,
  webhookKey,
  type OrderStatusInfo,
  type PayoutWebhookPayload,
  type RejectedWebhook,
  type StandardWebhookHeaders,
  type TypedVerifiedWebhook,
  type WebhookEvent,
} from 'lesspay2/edge';
// @ts-expect-error validation is for forms, in `lesspay2/client` (or `lesspay2`)
import { validate } from 'lesspay2/edge';
// @ts-expect-error error decoding is in `lesspay2/client` (or `lesspay2`)
import { decodeError } from 'lesspay2/edge';

export default {
  async fetch(request: Request, env: { APP_SECRET: string; ORIGIN_SECRET: string }): Promise<Response> {
    await init();
    const body = await request.text();
    const verdict = verifyWebhook({ body, headers: request.headers, secret: env.APP_SECRET.split(',') }) as TypedVerifiedWebhook | RejectedWebhook;
    if (!verdict.valid) return new Response(`${verdict.reason}: ${verdict.message}`, { status: 401 });
    const status: OrderStatusInfo | null = verdict.orderStatus;
    const event: WebhookEvent | null = verdict.event;
    const total: string | number | null = verdict.kind === 'payout' ? (verdict.payload satisfies PayoutWebhookPayload).total_amount : null;
    // A payout payload that carries an event has it decoded too: not narrowed away by `kind`.
    const payoutEvent: string = verdict.kind === 'payout' && verdict.event !== null ? verdict.event.type : '';
    const headers: StandardWebhookHeaders = standardWebhookSign({ id: webhookKey(body) ?? 'id', body, secret: env.ORIGIN_SECRET });
    const checked = standardWebhookVerify({ body, headers, secret: env.ORIGIN_SECRET });
    const signed = signRequest({ appId: 'app', appSecret: env.APP_SECRET, body: { request_id: 'R1' } });
    // Explained as the webhook it is: by the rule verifyWebhook read, or 'auto' for a rejected delivery.
    const explained = explainSignature(body, env.APP_SECRET, request.headers.get('x-auth-signature'), verdict.valid ? verdict.kind : 'auto');
    void [validate, decodeError, payoutEvent, checked, signed, explained.expected, canonicalize(body), sign(body, env.APP_SECRET)];
    return new Response(`${status?.name ?? ''} ${event?.type ?? ''} ${total ?? ''}`);
  },
  handler: createWebhookHandler({ secret: 'k', onEvent: () => undefined }),
};
