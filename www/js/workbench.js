// Signature workbench: the canonical string, the expected signature, match or not, and explainSignature's
// hints; a pay-in v1/v2 switch; where the gateway's key order inside arrays differs from the body's.
import { h, kv, codeBlock, exampleButtons, debounce, errorBox } from './ui.js';
import { t, onLocale } from './i18n.js';
import { signatureExamples } from './examples.js';

// Spec section 3: for a pay-in webhook whose api_version is v1 (or blank/absent) the gateway removes
// these keys before signing. Which rule applies is the user's switch; the page only removes them.
const V1_UNSIGNED = ['api_version', 'order_status_int', 'channel_biz_data', 'event', 'event_data'];

/**
 * The top-level members of a JSON object text as exact source slices, so a member can be left out without
 * re-serialising the others (re-serialising would change number text, which the gateway signs).
 * Returns null when the text is not an object this scanner can read; the library then reports why.
 */
function topLevelMembers(text) {
  let i = 0;
  const ws = () => { while (i < text.length && ' \t\r\n'.includes(text[i])) i++; };
  const str = () => {
    if (text[i] !== '"') throw new Error();
    const start = i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    if (i >= text.length) throw new Error();
    return text.slice(start, ++i);
  };
  try {
    ws();
    if (text[i++] !== '{') return null;
    const members = [];
    ws();
    if (text[i] === '}') return members;
    for (;;) {
      ws();
      const start = i;
      const key = JSON.parse(str());
      ws();
      if (text[i++] !== ':') return null;
      const valueStart = i;
      let depth = 0;
      for (; i < text.length; i++) {
        const c = text[i];
        if (c === '"') { str(); i--; continue; }
        if (c === '{' || c === '[') depth++;
        else if (c === '}' || c === ']') { if (depth === 0) break; depth--; }
        else if (c === ',' && depth === 0) break;
      }
      members.push({ key, text: text.slice(start, i).trim(), value: text.slice(valueStart, i).trim() });
      if (text[i] === '}') return members;
      if (text[i++] !== ',') return null;
    }
  } catch {
    return null;
  }
}

/**
 * Fallback until explainSignature returns `arrayKeyOrder`: for every array in the body, the gateway's
 * key order of the objects inside it (read back from canonicalize's array JSON) against the body's.
 */
function arrayKeyOrderFallback(api, bodyText) {
  let root;
  try { root = JSON.parse(bodyText); } catch { return []; }
  const out = [];
  const compare = (b, g, path) => {
    if (Array.isArray(b) && Array.isArray(g)) b.forEach((x, i) => compare(x, g[i], `${path}[${i}]`));
    else if (b && typeof b === 'object' && g && typeof g === 'object' && !Array.isArray(g)) {
      const bodyOrder = Object.keys(b).filter((k) => b[k] !== null);
      const gatewayOrder = Object.keys(g);
      if (bodyOrder.join('\u0000') !== gatewayOrder.join('\u0000')) out.push({ path, bodyOrder, gatewayOrder });
      for (const k of gatewayOrder) compare(b[k], g[k], `${path}.${k}`);
    }
  };
  const walk = (v, path) => {
    if (Array.isArray(v)) {
      try {
        const canon = api.canonicalize(JSON.stringify({ a: v }));
        if (canon?.startsWith('a=')) compare(v, JSON.parse(canon.slice(2)), path);
      } catch { /* the library reports the body's problem itself */ }
    } else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) walk(x, path ? `${path}.${k}` : k);
    }
  };
  walk(root, '');
  return out;
}

const memberValue = (member) => member.value;

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
    const text = body.value;
    const members = topLevelMembers(text);
    const apiVersion = members?.find((m) => m.key === 'api_version');
    modeNote.textContent = `${mode === 'v1' ? t('v1Note') : t('fullNote')} ${t('apiVersionIs')}${apiVersion ? memberValue(apiVersion) : '—'}`;
    if (!text.trim()) { out.replaceChildren(h('p', { class: 'hint card' }, t('enterSomething'))); return; }

    let signedText = text;
    let unsigned = [];
    if (mode === 'v1' && members) {
      // Listed like verifyWebhook's unsignedFields: the removed keys that carry a value (null is never signed).
      unsigned = members.filter((m) => V1_UNSIGNED.includes(m.key) && memberValue(m) !== 'null').map((m) => m.key);
      signedText = `{${members.filter((m) => !V1_UNSIGNED.includes(m.key)).map((m) => m.text).join(',')}}`;
    }
    let result;
    try {
      result = api.explainSignature(signedText, secret.value, received.value.trim() ? received.value : null);
    } catch (error) {
      out.replaceChildren(h('div', { class: 'card' }, errorBox(String(error.message ?? error))));
      return;
    }
    const verdict = result.matches === null
      ? h('span', { class: 'badge neutral', id: 'wb-verdict' }, t('noReceived'))
      : h('span', { class: `badge ${result.matches ? 'ok' : 'bad'}`, id: 'wb-verdict' }, result.matches ? `✓ ${t('match')}` : `✕ ${t('mismatch')}`);
    const hints = result.hints?.length
      ? h('ul', { class: 'hints', id: 'wb-hints' }, result.hints.map((hint) => h('li', { dataset: { code: hint.code } }, h('code', {}, hint.code), ' ', hint.message)))
      : null;
    const orders = Array.isArray(result.arrayKeyOrder) ? result.arrayKeyOrder : arrayKeyOrderFallback(api, signedText);
    const orderBox = h('section', { class: 'card', id: 'wb-array-order' }, h('h3', {}, t('arrayOrder')),
      orders.length
        ? orders.slice(0, 30).map((o) => h('div', { class: 'order' }, h('code', { class: 'path' }, Array.isArray(o.path) ? o.path.join('.') : o.path),
          orderRow(t('bodyOrder'), o.bodyOrder, o.gatewayOrder), orderRow(t('gatewayOrder'), o.gatewayOrder, o.bodyOrder)))
        : h('p', { class: 'hint' }, t('arrayOrderSame')));
    out.replaceChildren(...[
      h('section', { class: 'card' },
        h('div', { class: 'verdict-line' }, verdict),
        h('dl', { class: 'kvs' }, kv(t('expected'), h('code', { class: 'sig' }, result.expected), { id: 'wb-expected' })),
        hints ? h('h4', {}, t('hints')) : null, hints),
      h('section', { class: 'card' },
        h('h3', {}, t('canonical')), codeBlock(result.canonical ?? '(null)', { id: 'wb-canonical' }),
        h('h4', {}, t('signedString')), codeBlock(result.signedString, { id: 'wb-signed-string' })),
      mode === 'v1' ? h('section', { class: 'card' }, h('h3', {}, t('unsigned')),
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
