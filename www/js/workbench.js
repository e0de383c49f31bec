// Signature workbench: the canonical string, the expected signature, match or not, and explainSignature's
// hints, for a request or a webhook (each rule is the library's: explainSignature's `kind`); where the
// gateway's key order inside arrays differs from the body's.
import { h, kv, codeBlock, exampleButtons, debounce, errorBox } from './ui.js';
import { t, onLocale } from './i18n.js';
import { signatureExamples } from './examples.js';

function orderRow(label, keys, other) {
  return h('div', { class: 'order-row' }, h('span', { class: 'order-label' }, label),
    h('ol', { class: 'keys' }, keys.map((k, i) => h('li', { class: k === other[i] ? 'same' : 'moved' }, k))));
}

export function setupWorkbench(api) {
  const body = document.getElementById('wb-body');
  const secret = document.getElementById('wb-secret');
  const received = document.getElementById('wb-received');
  const form = document.getElementById('wb-form');
  const out = document.getElementById('wb-out');
  const modeNote = document.getElementById('wb-mode-note');

  function update() {
    const mode = form.querySelector('[name=wb-mode]:checked').value;
    const kind = mode === 'request' ? null : mode;
    const text = body.value;
    modeNote.textContent = t(`note.${mode}`);
    if (!text.trim()) { out.replaceChildren(h('p', { class: 'hint card' }, t('enterSomething'))); return; }

    let result;
    try {
      result = api.explainSignature(text, secret.value, received.value.trim() ? received.value : null, kind);
    } catch (error) {
      out.replaceChildren(h('div', { class: 'card' }, errorBox(String(error.message ?? error))));
      return;
    }
    // A webhook's unsigned fields, as verifyWebhook lists them for the signature the gateway would send.
    // And the rule applied, which 'auto' picks by the payload.
    let unsigned = null;
    let rule = null;
    if (kind && secret.value) {
      try {
        const verified = api.verifyWebhook({ body: text, headers: { 'x-auth-signature': result.expected }, secret: secret.value, kind });
        if (verified.valid) ({ unsignedFields: unsigned, kind: rule } = verified);
      } catch { /* a secret verifyWebhook refuses (whitespace only): explainSignature's hints say so */ }
    }
    const verdict = result.matches === null
      ? h('span', { class: 'badge neutral', id: 'wb-verdict' }, t('noReceived'))
      : h('span', { class: `badge ${result.matches ? 'ok' : 'bad'}`, id: 'wb-verdict' }, result.matches ? `✓ ${t('match')}` : `✕ ${t('mismatch')}`);
    const hints = result.hints.length
      ? h('ul', { class: 'hints', id: 'wb-hints' }, result.hints.map((hint) => h('li', { dataset: { code: hint.code } }, h('code', {}, hint.code), ' ', hint.message)))
      : null;
    const orders = result.arrayKeyOrder;
    const orderBox = h('section', { class: 'card', id: 'wb-array-order' }, h('h3', {}, t('arrayOrder')),
      orders.length
        ? orders.slice(0, 30).map((o) => h('div', { class: 'order' }, h('code', { class: 'path' }, o.path),
          orderRow(t('bodyOrder'), o.bodyOrder, o.gatewayOrder), orderRow(t('gatewayOrder'), o.gatewayOrder, o.bodyOrder)))
        : h('p', { class: 'hint' }, t('arrayOrderSame')));
    out.replaceChildren(...[
      h('section', { class: 'card' },
        h('div', { class: 'verdict-line' }, verdict),
        h('dl', { class: 'kvs' }, kv(t('expected'), h('code', { class: 'sig' }, result.expected), { id: 'wb-expected' }),
          rule ? kv(t('rule'), h('code', {}, rule), { id: 'wb-rule' }) : null),
        hints ? h('h4', {}, t('hints')) : null, hints),
      h('section', { class: 'card' },
        h('h3', {}, t('canonical')), codeBlock(result.canonical ?? '(null)', { id: 'wb-canonical' }),
        h('h4', {}, t('signedString')), codeBlock(result.signedString, { id: 'wb-signed-string' })),
      unsigned ? h('section', { class: 'card' }, h('h3', {}, t('unsigned')),
        unsigned.length ? h('ul', { class: 'chips', id: 'wb-unsigned' }, unsigned.map((k) => h('li', { class: 'chip warn' }, k)))
          : h('p', { class: 'hint', id: 'wb-unsigned' }, t('noUnsigned'))) : null,
      orderBox].filter(Boolean));
  }
  const soon = debounce(update, 60);
  for (const el of [body, secret, received]) el.addEventListener('input', soon);
  form.addEventListener('change', update);
  onLocale(update);
  exampleButtons(document.getElementById('workbench-examples'), signatureExamples, (ex) => {
    body.value = ex.body;
    secret.value = ex.secret;
    received.value = ex.received;
    form.querySelector(`[name=wb-mode][value=${ex.mode}]`).checked = true;
    update();
  });
  update();
}
