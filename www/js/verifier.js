// Webhook verifier: verifyWebhook over the raw body, headers and secrets, with the verdict, the decoded
// payload, its order status, the unsigned fields and the idempotency key; and signWebhook, which writes
// the X-Auth-Signature the gateway would send (to make a fixture for a handler's tests).
import { h, kv, codeBlock, exampleButtons, debounce, errorBox } from './ui.js';
import { t, onLocale } from './i18n.js';
import { webhookExamples } from './examples.js';

/** "Name: value" lines to a headers object (the library matches names in any casing). */
function parseHeaders(text) {
  const headers = {};
  for (const line of text.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim()] = line.slice(colon + 1).replace(/^[ \t]+/, '');
  }
  return headers;
}

export function setupVerifier(api) {
  const $ = (id) => document.getElementById(id);
  const body = $('vf-body'), headers = $('vf-headers'), secrets = $('vf-secrets');
  const kind = $('vf-kind'), windowMs = $('vf-window'), now = $('vf-now'), out = $('vf-out');

  const secretList = () => secrets.value.split(/\r?\n/).filter((s) => s !== '');

  function update() {
    if (!body.value && !headers.value) { out.replaceChildren(h('p', { class: 'hint card' }, t('enterSomething'))); return; }
    const list = secretList();
    let result;
    try {
      result = api.verifyWebhook({
        body: body.value,
        headers: parseHeaders(headers.value),
        secret: list,
        kind: kind.value,
        toleranceMs: windowMs.value.trim() === '' ? null : Number(windowMs.value),
        ...(now.value.trim() === '' ? {} : { now: Number(now.value) }),
      });
    } catch (error) {
      out.replaceChildren(h('section', { class: 'card' }, errorBox(String(error.message ?? error))));
      return;
    }
    if (!result.valid) {
      out.replaceChildren(h('section', { class: 'card' },
        h('div', { class: 'verdict-line' }, h('span', { class: 'badge bad', id: 'vf-verdict' }, `✕ ${t('invalid')}`)),
        h('dl', { class: 'kvs' }, kv(t('reason'), h('code', {}, result.reason), { id: 'vf-reason' }),
          kv('', result.message, { id: 'vf-message' }))));
      return;
    }
    const status = result.orderStatus;
    const raw = result.payload.order_status;
    out.replaceChildren(
      h('section', { class: 'card' },
        h('div', { class: 'verdict-line' }, h('span', { class: 'badge ok', id: 'vf-verdict' }, `✓ ${t('valid')}`)),
        h('dl', { class: 'kvs' },
          kv(t('kind'), result.kind, { id: 'vf-kind-out' }),
          kv(t('secretIndex'), `#${result.secretIndex + 1} / ${list.length}`, { id: 'vf-secret-index' }),
          kv(t('orderStatus'), status
            ? h('span', {}, h('strong', {}, status.name), ` (${status.code}, ${status.final ? t('final') : t('notFinal')})`,
              raw !== status.name ? h('span', { class: 'muted' }, ` ← "${raw}"`) : null,
              status.description ? h('div', { class: 'muted' }, status.description) : null)
            : raw == null ? '—' : String(raw), { id: 'vf-status' }),
          kv(t('idempotencyKey'), h('code', {}, result.idempotencyKey ?? '—'), { id: 'vf-key' }),
          kv(t('unsigned'), result.unsignedFields.length
            ? h('ul', { class: 'chips' }, result.unsignedFields.map((f) => h('li', { class: 'chip warn' }, f)))
            : t('noUnsigned'), { id: 'vf-unsigned' })),
        result.unsignedFields.length ? h('p', { class: 'alert warn', id: 'vf-unsigned-warning' }, t('unsignedWarn')) : null),
      h('section', { class: 'card' }, h('h3', {}, t('payload')), codeBlock(JSON.stringify(result.payload, null, 2), { id: 'vf-payload' })));
  }
  // The signature header replaced (or added) with what the gateway sends for this body, kind and first secret.
  $('vf-sign').addEventListener('click', () => {
    let signature;
    try {
      signature = api.signWebhook(body.value, secretList()[0] ?? '', kind.value);
    } catch (error) {
      out.replaceChildren(h('section', { class: 'card' }, errorBox(String(error.message ?? error))));
      return;
    }
    const lines = headers.value.split(/\r?\n/).filter((l) => l.trim() !== '' && !/^\s*x-auth-signature\s*:/i.test(l));
    headers.value = [`X-Auth-Signature: ${signature}`, ...lines].join('\n');
    update();
  });
  const soon = debounce(update, 60);
  for (const el of [body, headers, secrets, windowMs, now]) el.addEventListener('input', soon);
  kind.addEventListener('change', update);
  onLocale(update);
  exampleButtons($('verifier-examples'), webhookExamples, (ex) => {
    body.value = ex.body;
    headers.value = ex.headers;
    secrets.value = ex.secrets;
    kind.value = ex.kind;
    windowMs.value = ex.toleranceMs ?? '';
    now.value = ex.now ?? '';
    update();
  });
  update();
}
