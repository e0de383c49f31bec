// Webhook verifier: verifyWebhook over the raw body, headers and secrets, with the verdict, the decoded
// payload, its order status, the unsigned fields and the idempotency key; and signWebhook, which writes
// the X-Auth-Signature the gateway would send (to make a fixture for a handler's tests).
import { h, kv, codeBlock, exampleButtons, debounce, errorBox } from './ui.js';
import { t, onLocale, getLocale } from './i18n.js';
import { webhookExamples } from './examples.js';

/**
 * "Name: value" lines to a headers object. A name given on several lines (in any casing) becomes an
 * array of its values, as a server hands over a repeated header: the library refuses two signatures
 * instead of picking one, and so does this page.
 */
function parseHeaders(text) {
  const headers = {};
  const names = new Map(); // lower-case name → the first spelling seen
  for (const line of text.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim(), value = line.slice(colon + 1).replace(/^[ \t]+/, '');
    const key = names.get(name.toLowerCase()) ?? name;
    names.set(name.toLowerCase(), key);
    headers[key] = key in headers ? [headers[key], value].flat() : value;
  }
  return headers;
}

export function setupVerifier(api) {
  const $ = (id) => document.getElementById(id);
  const body = $('vf-body'), headers = $('vf-headers'), secrets = $('vf-secrets');
  const kind = $('vf-kind'), windowMs = $('vf-window'), now = $('vf-now'), out = $('vf-out');

  const secretList = () => secrets.value.split(/\r?\n/).filter((s) => s !== '');
  // One secret is passed as a string, several as the rotation list: the library's messages then name
  // `secret` or `secret[1]` as a caller of either form would see them.
  const secretOption = (list) => (list.length === 1 ? list[0] : list);
  const needSecret = () => out.replaceChildren(h('p', { class: 'hint card', id: 'vf-need-secret' }, t('needSecret')));

  function update() {
    if (!body.value && !headers.value) { out.replaceChildren(h('p', { class: 'hint card' }, t('enterSomething'))); return; }
    const list = secretList();
    if (list.length === 0) { needSecret(); return; }
    const parsed = parseHeaders(headers.value);
    let result;
    try {
      result = api.verifyWebhook({
        body: body.value,
        headers: parsed,
        secret: secretOption(list),
        kind: kind.value,
        toleranceMs: windowMs.value.trim() === '' ? null : Number(windowMs.value),
        ...(now.value.trim() === '' ? {} : { now: Number(now.value) }),
      });
    } catch (error) {
      out.replaceChildren(h('section', { class: 'card' }, errorBox(String(error.message ?? error))));
      return;
    }
    if (!result.valid) {
      // The library joins a repeated header's values, and so says their format is wrong: the page knows
      // it was given on several lines.
      const signatureLines = Object.entries(parsed).find(([name]) => name.toLowerCase() === 'x-auth-signature')?.[1];
      const repeated = Array.isArray(signatureLines) && result.reason === 'malformed_signature';
      out.replaceChildren(h('section', { class: 'card' },
        h('div', { class: 'verdict-line' }, h('span', { class: 'badge bad', id: 'vf-verdict' }, `✕ ${t('invalid')}`)),
        h('dl', { class: 'kvs' }, kv(t('reason'), h('code', {}, result.reason), { id: 'vf-reason' }),
          kv('', result.message, { id: 'vf-message' })),
        repeated ? h('p', { class: 'alert warn', id: 'vf-repeated' }, t('repeatedSignature').replace('{n}', signatureLines.length)) : null));
      return;
    }
    // verifyWebhook describes in English; orderStatus and decodeError say the same in the page's language.
    const locale = getLocale();
    const status = result.orderStatus && api.orderStatus(result.orderStatus.code, { locale });
    const raw = result.payload.order_status;
    const event = result.event;
    const eventText = event && (locale === 'en' ? event : api.decodeError(result.payload, { locale }));
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
          event ? kv(t('event'), h('span', {},
            h('strong', {}, event.type), ` (${event.category}${event.fraudCode != null ? `, ${event.fraudCode}` : ''}` +
              `${event.disputeCategory != null ? `, ${event.disputeCategory}` : ''})`,
            h('div', {}, event.name),
            eventText.description !== event.name ? h('div', { class: 'muted' }, eventText.description) : null,
            h('div', {}, h('strong', {}, `${t('advice')}: `), eventText.advice),
            event.signed ? null : h('p', { class: 'alert warn', id: 'vf-event-unsigned' }, t('eventUnsigned'))),
          { id: 'vf-event' }) : null,
          kv(t('idempotencyKey'), h('code', {}, result.idempotencyKey ?? '—'), { id: 'vf-key' }),
          kv(t('unsigned'), result.unsignedFields.length
            ? h('ul', { class: 'chips' }, result.unsignedFields.map((f) => h('li', { class: 'chip warn' }, f)))
            : t('noUnsigned'), { id: 'vf-unsigned' })),
        result.unsignedFields.length ? h('p', { class: 'alert warn', id: 'vf-unsigned-warning' }, t('unsignedWarn')) : null),
      // The body as received, not JSON.stringify of the payload: that would write 100.50 as 100.5.
      h('section', { class: 'card' }, h('h3', {}, t('payload')), codeBlock(body.value, { id: 'vf-payload' })));
  }
  // The signature header replaced (or added) with what the gateway sends for this body, kind and first secret.
  // Without a secret nothing is signed, and the headers (a real delivery's, perhaps) stay as they are.
  $('vf-sign').addEventListener('click', () => {
    const [secret] = secretList();
    if (secret === undefined) { needSecret(); return; }
    let signature;
    try {
      signature = api.signWebhook(body.value, secret, kind.value);
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
