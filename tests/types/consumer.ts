// A strict TypeScript consumer of every export of the package's types (pkg/index.d.ts): `make test-types`
// type-checks it. The `@ts-expect-error` lines are misuse that must NOT compile.
import init, {
  init as namedInit,
  initSync,
  canonicalize,
  sign,
  signRequest,
  signWebhook,
  verifyWebhook,
  explainSignature,
  webhookKey,
  createWebhookHandler,
  type ArrayKeyOrder,
  type Body,
  type HeadersLike,
  type OrderStatusInfo,
  type RejectedWebhook,
  type SignatureExplanation,
  type SignatureHint,
  type SignedRequest,
  type SignRequestOptions,
  type VerifiedWebhook,
  type VerifyWebhookOptions,
  type WebhookRejectionReason,
} from 'lesspay2';

export async function consume(bytes: Uint8Array, module: WebAssembly.Module): Promise<string[]> {
  await init();
  await namedInit(new URL('https://example.com/lesspay2.wasm'));
  initSync({ module });
  initSync({ module: bytes });

  const body: Body = { amount: '100.50', details: [{ b: '1', a: '2' }] };
  const canonical: string | null = canonicalize(body);
  const signature: string = sign('{"a":"1"}', 'secret');
  const fixture: string = signWebhook('{"pay_order_id":"P1"}', 'secret', 'payin');

  const options: SignRequestOptions = { appId: 'app', appSecret: 'secret', body, timestamp: 1_700_000_000_000 };
  const request: SignedRequest = signRequest(options);
  const headerValue: string | undefined = request.headers['x-auth-signature'];

  const shapes: HeadersLike[] = [
    new Headers({ 'x-auth-signature': signature }),
    new Map([['x-auth-signature', signature]]),
    new Map([['x-auth-signature', [signature]]]),
    { 'X-Auth-Signature': signature, 'X-Auth-Timestamp': undefined },
  ];
  const verifyOptions: VerifyWebhookOptions = {
    body: bytes,
    headers: shapes[0] ?? {},
    secret: ['old', 'new'] as const,
    kind: 'payin',
    toleranceMs: null,
    now: Date.now(),
  };
  const verdict: VerifiedWebhook | RejectedWebhook = verifyWebhook(verifyOptions);
  const out: string[] = [canonical ?? '', headerValue ?? '', request.body];
  if (verdict.valid) {
    const kind: 'payin' | 'payout' = verdict.kind;
    const status: OrderStatusInfo | null = verdict.orderStatus;
    const key: string | null = verdict.idempotencyKey;
    out.push(kind, String(verdict.secretIndex), status?.name ?? '', String(status?.final), key ?? '', ...verdict.unsignedFields);
    out.push(String(verdict.payload['pay_order_id']));
  } else {
    const reason: WebhookRejectionReason = verdict.reason;
    out.push(reason, verdict.message);
  }
  verifyWebhook({ body: new ArrayBuffer(0), headers: {}, secret: 'k' });

  const explanation: SignatureExplanation = explainSignature(body, 'secret', null);
  explainSignature('{}', 'secret');
  explainSignature('{}', 'secret', signature);
  const matches: boolean | null = explanation.matches;
  const hints: SignatureHint[] = explanation.hints;
  const orders: ArrayKeyOrder[] = explanation.arrayKeyOrder;
  for (const o of orders) out.push(o.path, ...o.bodyOrder, ...o.gatewayOrder);
  out.push(explanation.signedString, explanation.expected, String(matches), ...hints.map((h) => `${h.code}: ${h.message}`));

  const key: string | null = webhookKey({ pay_order_id: 'P1' });
  out.push(key ?? '', fixture);
  return out;
}

export function misuse(): void {
  // @ts-expect-error amounts as numbers are allowed in a Body object, but a number is not a body
  canonicalize(100);
  // @ts-expect-error the secret is a string
  sign('{}', 42);
  // @ts-expect-error appId is required
  signRequest({ appSecret: 'k', body: '{}' });
  // @ts-expect-error kind is 'auto', 'payin' or 'payout'
  signWebhook('{}', 'k', 'refund');
  // @ts-expect-error a webhook body is the raw text or bytes, never an object
  verifyWebhook({ body: { a: 1 }, headers: {}, secret: 'k' });
  // @ts-expect-error kind is one of three
  verifyWebhook({ body: '{}', headers: {}, secret: 'k', kind: 'refund' });
  const verdict = verifyWebhook({ body: '{}', headers: {}, secret: 'k' });
  // @ts-expect-error `reason` exists only once `valid` is narrowed to false
  verdict.reason.toUpperCase();
  // @ts-expect-error the canonical string may be null
  canonicalize('{}').toUpperCase();
}

export function webhookEndpoint(): (request: Request) => Promise<Response> {
  // onEvent gets the webhook typed by `kind`: no cast to read a payout's details or a pay-in's amount.
  return createWebhookHandler({
    secret: ['current', 'previous'],
    toleranceMs: null,
    onEvent: (verified, request, body) => {
      if (verified.kind === 'payout') {
        const details: number = verified.payload.details?.length ?? 0;
        return details > 0 ? undefined : new Response('no details', { status: 502 });
      }
      const amount: string | number | undefined = verified.payload.target_amount;
      // @ts-expect-error an amount may arrive as a JSON number (the gateway's own vectors have both)
      const text: string | undefined = verified.payload.target_amount;
      const forwarded: Uint8Array = body;
      void [amount, text, request.method, forwarded];
    },
    isDuplicate: async (key) => key.startsWith('lesspay2:'),
    markProcessed: () => {},
    // The whole verdict of a refused delivery, for logs: its reason is one of the rejection reasons.
    onRejected: (rejected, request) => {
      const reason: WebhookRejectionReason | 'unreadable_body' = rejected.reason;
      // @ts-expect-error the handler's own reason is not one of verifyWebhook's
      const verifies: WebhookRejectionReason = rejected.reason;
      // @ts-expect-error a rejection is never valid
      const valid: true = rejected.valid;
      void [reason, verifies, valid, rejected.message.length, request.url];
    },
  });
}
