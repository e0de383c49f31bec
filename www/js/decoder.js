// Error decoder: decodeResponse for an HTTP status and body, decodeError for a code or a msg.
import { h, kv, codeBlock, exampleButtons, debounce, errorBox } from './ui.js';
import { t, getLocale, onLocale } from './i18n.js';
import { decoderExamples } from './examples.js';

export function setupDecoder(api) {
  const $ = (id) => document.getElementById(id);
  const form = $('dc-form'), out = $('dc-out');
  const status = $('dc-status'), body = $('dc-body'), code = $('dc-code'), msg = $('dc-msg'), apiSel = $('dc-api'), op = $('dc-op');
  const mode = () => form.querySelector('[name=dc-mode]:checked').value;

  function showMode() {
    for (const node of form.querySelectorAll('[data-dc]')) node.hidden = node.dataset.dc !== mode();
  }

  // The answer contradicts itself (`{ code: 0, msg: "Order does not exist" }`): said before anything else.
  function conflict(c) {
    return c ? h('p', { class: 'alert warn', id: 'dc-conflict' },
      `${t('msgConflict')} ${c.name} (${c.source}${c.code != null ? ` ${c.code}` : ''}, ${c.category})`) : null;
  }

  function decoded(e) {
    return h('section', { class: 'card decoded' },
      h('div', { class: 'verdict-line' },
        h('strong', { class: 'dc-name', id: 'dc-name' }, e.name ?? '—'),
        h('span', { class: `badge cat cat-${e.category}`, id: 'dc-category' }, e.category),
        h('span', { class: `badge retry retry-${e.retry}`, id: 'dc-retry', title: t(`retry.${e.retry}`) }, `${t('retry')}: ${e.retry}`),
        e.known === false ? h('span', { class: 'badge neutral' }, t('unknownCode')) : null),
      h('p', { class: 'retry-text', id: 'dc-retry-text' }, t(`retry.${e.retry}`)),
      conflict(e.msgConflict),
      h('dl', { class: 'kvs' },
        e.status != null ? kv('HTTP', String(e.status)) : null,
        e.code != null ? kv('code', String(e.code), { id: 'dc-code-out' }) : null,
        e.msg ? kv('msg', e.msg) : null,
        kv(t('description'), e.description ?? '—', { id: 'dc-description' }),
        e.suggestion ? kv(t('suggestion'), e.suggestion, { id: 'dc-suggestion' }) : null,
        kv(t('advice'), e.advice ?? '—', { id: 'dc-advice' }),
        kv('source', h('code', {}, e.source ?? '—'))));
  }

  function update() {
    const context = { ...(apiSel.value ? { api: apiSel.value } : {}), ...(op.value ? { operation: op.value } : {}), locale: getLocale() };
    try {
      if (mode() === 'response') {
        if (!status.value.trim()) { out.replaceChildren(h('p', { class: 'hint card' }, t('enterSomething'))); return; }
        // A typing slip is the form's to point out, not a status the library should decode.
        if (!/^\d+$/.test(status.value.trim())) { out.replaceChildren(h('p', { class: 'hint card', id: 'dc-input-hint' }, t('statusNumber'))); return; }
        const result = api.decodeResponse(Number(status.value), body.value, context);
        out.replaceChildren(result.ok
          ? h('section', { class: 'card decoded' }, h('div', { class: 'verdict-line' }, h('span', { class: 'badge ok', id: 'dc-ok' }, `✓ ${t('success')}`)),
            conflict(result.msgConflict),
            h('h4', {}, t('data')), codeBlock(JSON.stringify(result.data ?? null, null, 2), { id: 'dc-data' }))
          : decoded(result.error));
      } else {
        const raw = (mode() === 'code' ? code : msg).value;
        if (!raw.trim()) { out.replaceChildren(h('p', { class: 'hint card' }, t('enterSomething'))); return; }
        if (mode() === 'code' && !/^-?\d+$/.test(raw.trim())) {
          out.replaceChildren(h('p', { class: 'hint card', id: 'dc-input-hint' }, t('codeNumber')));
          return;
        }
        out.replaceChildren(decoded(api.decodeError(mode() === 'code' ? Number(raw.trim()) : raw, context)));
      }
    } catch (error) {
      out.replaceChildren(h('section', { class: 'card' }, errorBox(String(error.message ?? error))));
    }
  }
  const soon = debounce(update, 60);
  for (const el of [status, body, code, msg]) el.addEventListener('input', soon);
  form.addEventListener('change', () => { showMode(); update(); });
  onLocale(update);
  exampleButtons($('decoder-examples'), decoderExamples, (ex) => {
    form.querySelector(`[name=dc-mode][value=${ex.mode}]`).checked = true;
    status.value = ex.status ?? status.value;
    body.value = ex.body ?? body.value;
    code.value = ex.code ?? code.value;
    msg.value = ex.msg ?? msg.value;
    apiSel.value = ex.api ?? '';
    op.value = ex.op ?? '';
    showMode();
    update();
  });
  showMode();
  update();
}
