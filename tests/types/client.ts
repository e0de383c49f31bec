// A strict TypeScript consumer of `lesspay2/client` (pkg/client/index.d.ts), as a page uses it: validate
// a form, decode the gateway's answer. `make test-types` type-checks it with consumer.ts. The
// `@ts-expect-error` lines are misuse that must NOT compile: nothing that takes a secret is exported.
import init, {
  createSchema,
  decodeError,
  decodeResponse,
  orderStatus,
  schemas,
  validate,
  validateField,
  validateJson,
  type DecodedError,
  type OrderStatusInfo,
  type RequestKind,
  type ValidationIssue,
  type ValidationResult,
} from 'lesspay2/client';
// @ts-expect-error signing needs the secret, which a page must never hold: not in lesspay2/client
import { sign } from 'lesspay2/client';
// @ts-expect-error webhooks are verified on a server or an edge worker, with `lesspay2` or `lesspay2/edge`
import { verifyWebhook } from 'lesspay2/client';

export async function page(form: Record<string, unknown>, status: number, answer: string): Promise<string[]> {
  await init();
  const kind: RequestKind = 'createPayoutBatch';
  const report: ValidationResult = validate(kind, form, { locale: 'zh-CN' });
  const field: ValidationResult = validateField(kind, ['payout_order_details', 0, 'amount'], '12.345', form);
  // A form library's constant path, as a readonly tuple.
  const amountPath = ['payout_order_details', 0, 'amount'] as const;
  const constant: ValidationResult = validateField(kind, amountPath, '12.345', form);
  // The text a server is about to send, numbers as written.
  const asSent: ValidationResult = validateJson(kind, JSON.stringify(form), { now: new Date() });
  const issues: ValidationIssue[] = [...report.issues, ...field.issues, ...constant.issues, ...asSent.issues];
  const checked = await schemas.fetchPayout['~standard'].validate(form);
  const zh = createSchema('fetchPayin', { locale: 'zh-CN' });
  const decoded = decodeResponse(status, answer, { api: 'payout' });
  const error: DecodedError | null = decoded.ok ? null : decoded.error;
  const named: DecodedError = decodeError(30009, { locale: navigator.language });
  const info: OrderStatusInfo | null = orderStatus('SUCCEED');
  void [checked, zh, sign, verifyWebhook];
  return [...issues.map((i) => `${i.path.join('.')}: ${i.code}`), error?.name ?? '', named.advice, info?.name ?? ''];
}

export function misuse(): void {
  // @ts-expect-error kind is one of the six request kinds
  validate('refund', {});
  // @ts-expect-error a status is a number
  decodeResponse('500', '');
  // @ts-expect-error validateJson takes the text; validate takes the object
  validateJson('fetchPayout', { pay_order_id: 'P1' });
}
