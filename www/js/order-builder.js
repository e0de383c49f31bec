// Order builder: create pay-in (cashier, crypto, card, token) and payout batch forms, validated live with
// the library's validateField/validate, and signed with signRequest; any other request as JSON text,
// validated with validate. No rule is checked here: every message comes from the library.
import { h, codeBlock, exampleButtons, debounce, errorBox } from './ui.js';
import { t, getLocale, onLocale } from './i18n.js';
import { orderExamples } from './examples.js';

const SANDBOX = 'https://lesspay2-pay-uat.doopayment.com';
const ENDPOINTS = {
  createPayin: '/api/global/v1/pay/create-order',
  fetchPayin: '/api/global/v1/pay/query-order',
  createPayout: '/api/global/payout/create-order',
  createPayoutBatch: '/api/global/payout/batch/create-order',
  fetchPayout: '/api/global/payout/query',
  payoutBanks: '/api/global/payout/bank',
};
// A valid request of each kind for the JSON mode (from tests/validation/cases.json), shown when one is picked.
const JSON_SAMPLES = {
  createPayout: { request_id: 'PO20260615001', amount: '1500.00', currency: 'PHP', purpose: 'PYR001', way_code: 'EPAY_PAYOUT',
    way_type: 'BANK_TRANSFER', notify_url: 'https://shop.example.com/payout',
    beneficiary: { beneficiary_type: 'individual',
      beneficiary_info: { name: 'Juan Dela Cruz', email: 'juan.delacruz@example.com', phone: { calling_code: '+63', number: '9171234567' },
        address: { country: 'PH', city: 'Manila', line1: '1 Rizal Ave' }, date_of_birth: '15-01-1990', nationality: 'PH' },
      destination: { type: 'bank', bank: { account_type: 'savings', country: 'PH', bank_name: 'BDO', account_number: '001234567890',
        bank_codes: { swift_code: 'BNORPHMM' } } } } },
  fetchPayin: { pay_order_id: 'P1988199177890902017', page: '1', page_size: '20', start_time: '1762741122000', end_time: '1762913922000' },
  fetchPayout: { pay_order_id: 'P1988199177890902017' },
  payoutBanks: { bank_country_code: 'PH', currency: 'PHP', way_code: 'EPAY_PAYOUT' },
  createPayin: { request_id: 'R20260615001', product_name: 'T-shirt', description: 'Order 1001', target_amount: '100.50',
    target_currency: 'USD', transaction_type: 'PAY_IN', success_url: 'https://shop.example.com/ok',
    fail_url: 'https://shop.example.com/fail', api_version: 'V2', pay_access_type: 1 },
  createPayoutBatch: { request_id: 'PB20260615001', currency: 'PHP', total_amount: '1000.00', way_type: 'BANK_TRANSFER',
    way_code: 'EPAY_PAYOUT', notify_url: 'https://shop.example.com/payout',
    payout_order_details: [{ mch_order_id: 'MCH_001', amount: '1000.00', destination_type: 'bank', bank_account_name: 'Juan Dela Cruz',
      bank_account_no: '1234567890', bank_account_type: 'individual', bank_name: 'BDO', bank_country_code: 'PH', bank_swift_code: 'BNORPHMM' }] },
};
const ALL = ['cashier', 'crypto', 'card', 'token'];
const bool = [['', '—'], ['true', 'true'], ['false', 'false']];

// type: text | int | bool | select; modes: pay-in methods that show the field.
const payinFields = [
  { path: 'request_id', req: true, hint: 'max 20' },
  { path: 'product_name', req: true, hint: 'max 30' },
  { path: 'description', req: true, hint: 'max 50' },
  { path: 'target_amount', req: true, hint: '"100.00"', inputmode: 'decimal' },
  { path: 'target_currency', req: true, hint: 'USD, USDT…', list: ['USD', 'EUR', 'USDT', 'USDC', 'BTC', 'ETH', 'PHP', 'HKD'] },
  { path: 'transaction_type', req: true, value: 'PAY_IN' },
  { path: 'api_version', req: true, type: 'select', options: [['V2', 'V2'], ['V1', 'V1 (legacy)'], ['', '—']], value: 'V2' },
  { path: 'pay_access_type', req: true, type: 'select', int: true, options: [['1', '1 · cashier'], ['2', '2 · OpenAPI'], ['', '—']], value: '1' },
  { path: 'success_url', req: true, type: 'url' },
  { path: 'fail_url', req: true, type: 'url' },
  { path: 'notify_url', type: 'url' },
  { path: 'expired_time', int: true, hint: 'seconds', inputmode: 'numeric' },
  { path: 'way_type', list: ['CRYPTO', 'BANK_TRANSFER', 'CARD_PAYMENT', 'WECHAT'] },
  { path: 'way_code' },
  { path: 'transaction_network', modes: ['crypto'], list: ['TRC20', 'ERC20', 'BEP20'] },
  { path: 'use_channel_request_id', type: 'select', options: bool, bool: true },
  { path: 'channel_extra.extra_type', modes: ['cashier', 'card', 'token'], type: 'select',
    options: [['', '—'], ['payment session', 'payment session'], ['card', 'card'], ['token', 'token']] },
  { path: 'channel_extra.card_data.number', modes: ['card'], inputmode: 'numeric', sensitive: true, hint: '16–19 digits' },
  { path: 'channel_extra.card_data.expiry_month', modes: ['card'], int: true, inputmode: 'numeric', hint: '1–12' },
  { path: 'channel_extra.card_data.expiry_year', modes: ['card'], int: true, inputmode: 'numeric', hint: 'YYYY' },
  { path: 'channel_extra.card_data.cvv', modes: ['card'], inputmode: 'numeric', sensitive: true },
  { path: 'channel_extra.card_data.store_for_future_use', modes: ['card'], type: 'select', options: bool, bool: true },
  { path: 'channel_extra.token_data.token', modes: ['token'] },
  { path: 'channel_extra.three_ds.enabled', modes: ['cashier', 'card', 'token'], type: 'select', bool: true,
    options: [['', '— gateway default (on)'], ['true', 'true'], ['false', 'false']] },
];
const batchFields = [
  { path: 'request_id', req: true, hint: 'max 64' },
  { path: 'currency', req: true, list: ['PHP', 'INR', 'IDR'] },
  { path: 'total_amount', req: true, inputmode: 'decimal', hint: 'sum of the details' },
  { path: 'way_type', req: true, list: ['BANK_TRANSFER', 'E_WALLET', 'WALLET_TRANSFER', 'CRYPTO'] },
  { path: 'way_code', req: true, list: ['EPAY_PAYOUT', 'TAZAPAY_PAYOUT', 'TEEMOPAY_PAYOUT', 'OVERPAY_PAYOUT'] },
  { path: 'notify_url', req: true, type: 'url' },
  { path: 'product_name' },
  { path: 'description' },
  { path: 'expired_time', int: true, inputmode: 'numeric', hint: 'seconds' },
  { path: 'transaction_network' },
];
const detailFields = [
  { path: 'mch_order_id', req: true },
  { path: 'amount', req: true, inputmode: 'decimal' },
  { path: 'destination_type', req: true, type: 'select', options: [['bank', 'bank'], ['', '—']], value: 'bank' },
  { path: 'bank_account_name', req: true },
  { path: 'bank_account_no', req: true },
  { path: 'bank_account_type', req: true, list: ['individual', 'business'], value: 'individual' },
  { path: 'bank_name', req: true },
  { path: 'bank_country_code', req: true, hint: 'PH' },
  { path: 'bank_swift_code', req: true, hint: 'BIC' },
];
const modeDefaults = {
  cashier: { way_type: '', pay_access_type: '1', 'channel_extra.extra_type': '' },
  crypto: { way_type: 'CRYPTO' },
  card: { way_type: 'CARD_PAYMENT', pay_access_type: '2', 'channel_extra.extra_type': 'card' },
  token: { way_type: 'CARD_PAYMENT', pay_access_type: '2', 'channel_extra.extra_type': 'token' },
};

const blankDetail = () => Object.fromEntries(detailFields.map((f) => [f.path, f.value ?? '']));

/**
 * Converts what was typed to the JSON value a form would send; the library judges it. Anything that
 * reads as a number in an integer field is sent as one (`1.5`, `1e3`), so that the library's message is
 * about the value ("a whole number from 1 to ..."), not about a string where a number belongs.
 */
function convert(field, text) {
  if (field.bool) return text === 'true' ? true : text === 'false' ? false : text;
  const trimmed = text.trim();
  if (field.int && /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(trimmed) && Number.isFinite(Number(trimmed))) return Number(trimmed);
  return text;
}
function setPath(obj, path, value) {
  let node = obj;
  for (const key of path.slice(0, -1)) node = node[key] ??= {};
  node[path.at(-1)] = value;
}
const pathKey = (path) => path.join('.');
/** How many issues the summary lists: a pasted batch can have 10,000, and drawing them all froze typing. */
const SHOWN_ISSUES = 200;
/** "1 error", "2 errors" (the Chinese words have one form). */
const count = (n, word) => `${n} ${t(n === 1 ? word : `${word}s`)}`;
/** ['payout_order_details', 1, 'amount'] → payout_order_details[1].amount */
const displayPath = (path) => path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i ? `.${k}` : k)).join('') || '(request)';

export function setupBuilder(api) {
  const form = document.getElementById('order-form');
  const fieldsBox = document.getElementById('fields');
  const detailsBlock = document.getElementById('details-block');
  const detailsBox = document.getElementById('details');
  const summary = document.getElementById('summary');
  const signedBox = document.getElementById('signed');
  const appId = document.getElementById('app-id');
  const appSecret = document.getElementById('app-secret');
  const jsonKind = document.getElementById('json-kind');
  const jsonParams = document.getElementById('json-params');
  // A kind's sample fills the text only while it holds no text of the user's (empty, or another sample
  // as shown): picking the kind after pasting a request keeps the request.
  const sampleOf = (kind) => JSON.stringify(JSON_SAMPLES[kind], null, 2);
  const showSample = () => {
    const text = jsonParams.value.trim();
    if (text === '' || Object.keys(JSON_SAMPLES).some((kind) => sampleOf(kind) === text)) jsonParams.value = sampleOf(jsonKind.value);
  };

  const state = {
    kind: 'createPayin',
    mode: 'cashier',
    values: {
      createPayin: Object.fromEntries(payinFields.map((f) => [f.path, f.value ?? ''])),
      createPayoutBatch: Object.fromEntries(batchFields.map((f) => [f.path, f.value ?? ''])),
    },
    details: [blankDetail()],
    touched: new Set(),
    showAll: false,
    fieldIssues: new Map(), // pathKey -> issues from validateField for the field being typed
  };
  const inputs = new Map(); // pathKey -> { input, msgs, field }

  function fieldRow(field, key, value, onInput, extra = '') {
    const id = `f-${key.replaceAll('.', '-')}${extra}`;
    const msgs = h('div', { class: 'msgs', id: `${id}-msgs`, 'aria-live': 'polite' });
    let input;
    if (field.type === 'select') {
      input = h('select', { id, 'aria-describedby': `${id}-msgs` },
        field.options.map(([v, label]) => h('option', { value: v }, label)));
    } else {
      input = h('input', {
        id, type: field.sensitive ? 'password' : 'text', autocomplete: 'off', spellcheck: 'false',
        inputmode: field.inputmode ?? (field.type === 'url' ? 'url' : null),
        list: field.list ? `${id}-list` : null, placeholder: field.hint ?? null, 'aria-describedby': `${id}-msgs`,
      });
    }
    input.value = value;
    input.dataset.path = key;
    input.addEventListener('input', () => onInput(input.value));
    input.addEventListener('change', () => onInput(input.value));
    // Later, not at once: by then focus has landed where it was going (a summary line that refresh()
    // rebuilds keeps it).
    input.addEventListener('blur', () => { state.touched.add(key); refreshSoon(); });
    const label = h('label', { for: id, class: 'name' }, h('code', {}, field.path.split('.').at(-1)),
      field.req ? h('span', { class: 'req', title: 'required' }, '*') : null,
      field.path.includes('.') ? h('span', { class: 'parent' }, field.path.split('.').slice(0, -1).join('.')) : null);
    const list = field.list ? h('datalist', { id: `${id}-list` }, field.list.map((v) => h('option', { value: v }))) : null;
    inputs.set(key, { input, msgs, field });
    return h('div', { class: 'field', dataset: { path: key } }, label, input, list, msgs);
  }

  function render() {
    inputs.clear();
    const kind = state.kind;
    for (const node of form.querySelectorAll('[data-kind]')) node.hidden = node.dataset.kind !== kind;
    const defs = kind === 'createPayin' ? payinFields.filter((f) => (f.modes ?? ALL).includes(state.mode))
      : kind === 'createPayoutBatch' ? batchFields : [];
    const values = state.values[kind];
    const groups = new Map();
    for (const field of defs) {
      const group = field.path.startsWith('channel_extra') ? 'channel_extra' : '';
      if (!groups.has(group)) groups.set(group, []);
      groups.get(group).push(fieldRow(field, field.path, values[field.path], (v) => { values[field.path] = v; typed(field.path.split('.'), v); }));
    }
    fieldsBox.replaceChildren(...[...groups].map(([name, rows]) => name
      ? h('fieldset', { class: 'group' }, h('legend', {}, h('code', {}, name)), h('div', { class: 'grid2' }, rows))
      : h('div', { class: 'grid2' }, rows)));
    if (kind === 'createPayoutBatch') renderDetails();
    refresh();
  }

  function renderDetails(focusIndex = null) {
    detailsBox.replaceChildren(...state.details.map((row, i) => {
      const remove = h('button', {
        type: 'button', class: 'btn small danger', 'aria-label': `${t('remove')} payout_order_details[${i}]`,
        onclick: () => {
          state.details.splice(i, 1);
          renderDetails();
          refresh();
          (detailsBox.querySelectorAll('.detail .danger')[Math.min(i, state.details.length - 1)] ?? document.getElementById('add-detail')).focus();
        },
      }, t('remove'));
      const rows = detailFields.map((field) => {
        const path = ['payout_order_details', i, field.path];
        return fieldRow(field, pathKey(path), row[field.path], (v) => { row[field.path] = v; typed(path, v); });
      });
      return h('fieldset', { class: 'detail group' },
        h('legend', {}, h('code', {}, `payout_order_details[${i}]`)), h('div', { class: 'detail-actions' }, remove),
        h('div', { class: 'grid3' }, rows));
    }));
    if (focusIndex !== null) detailsBox.querySelectorAll('.detail')[focusIndex]?.querySelector('input, select')?.focus();
  }

  function params() {
    const out = {};
    for (const [key, { input, field }] of inputs) {
      if (key.startsWith('payout_order_details.')) continue;
      if (input.value === '') continue;
      setPath(out, key.split('.'), convert(field, input.value));
    }
    if (state.kind === 'createPayoutBatch') {
      out.payout_order_details = state.details.map((row) => {
        const detail = {};
        for (const field of detailFields) if (row[field.path] !== '') detail[field.path] = convert(field, row[field.path]);
        return detail;
      });
    }
    return out;
  }

  const options = () => ({ locale: getLocale() });

  function typed(path, value) {
    const key = pathKey(path);
    state.touched.add(key);
    state.fieldIssues.clear();
    const field = inputs.get(key)?.field;
    if (field) {
      try {
        // validateField(kind, path, value, context, options): the rest of the form is the context.
        const result = api.validateField(state.kind, path, convert(field, value), params(), options());
        state.fieldIssues.set(key, result?.issues ?? []);
      } catch (error) {
        state.fieldIssues.set(key, [{ path, code: 'exception', severity: 'error', message: String(error.message ?? error) }]);
      }
    }
    refreshSoon();
  }

  function issueLine(issue, withPath) {
    const sev = issue.severity === 'warning' ? 'warning' : 'error';
    return h('li', { class: `issue ${sev}`, dataset: { code: issue.code, severity: sev } },
      h('span', { class: 'sev', role: 'img', 'aria-label': t(sev) }, sev === 'error' ? '✕' : '!'),
      h('span', { class: 'text' },
        withPath ? h('code', { class: 'path' }, displayPath(issue.path ?? [])) : null,
        withPath ? ' ' : null,
        h('span', { class: 'message' }, issue.message),
        ' ', h('span', { class: 'code-tag' }, issue.code),
        issue.gatewayCode != null ? h('span', { class: 'gw', title: t('gateway') }, `→ ${t('gateway')} ${issue.gatewayCode}`) : null));
  }

  function refresh() {
    if (state.kind === 'json') { refreshJson(); return; }
    const body = params();
    let issues = [];
    try {
      issues = api.validate(state.kind, body, options()).issues;
    } catch (error) {
      // Only programmer misuse throws (a bad option): show it instead of a summary.
      showSummary(errorBox(String(error.message ?? error)));
      renderSigned(JSON.stringify(body), issues, state.kind);
      return;
    }
    // Messages next to fields: validate()'s issues for that path, plus validateField()'s for the field typed.
    const byPath = new Map();
    for (const issue of issues) {
      const key = pathKey(issue.path ?? []);
      if (!byPath.has(key)) byPath.set(key, []);
      byPath.get(key).push(issue);
    }
    for (const [key, list] of state.fieldIssues) {
      const have = byPath.get(key) ?? [];
      byPath.set(key, [...have, ...list.filter((i) => !have.some((j) => j.code === i.code))]);
    }
    for (const [key, { input, msgs }] of inputs) {
      const list = state.showAll || state.touched.has(key) ? byPath.get(key) ?? [] : [];
      msgs.replaceChildren(...(list.length ? [h('ul', {}, list.map((i) => issueLine(i, false)))] : []));
      input.setAttribute('aria-invalid', String(list.some((i) => i.severity !== 'warning')));
      input.classList.toggle('has-warning', list.length > 0 && list.every((i) => i.severity === 'warning'));
    }
    // Each summary line leads to its field, where the form has one.
    showIssues(issues, (issue) => {
      const line = issueLine(issue, true);
      const target = inputs.get(pathKey(issue.path ?? []));
      if (target) {
        line.classList.add('jump');
        line.tabIndex = 0;
        line.setAttribute('role', 'button');
        const go = () => { state.touched.add(pathKey(issue.path)); target.input.focus(); refresh(); };
        line.addEventListener('click', go);
        line.addEventListener('keydown', (e) => {
          if (e.key !== 'Enter' && e.key !== ' ') return;
          e.preventDefault(); // Space would scroll the page
          go();
        });
      }
      return line;
    });
    renderSigned(JSON.stringify(body), issues, state.kind);
  }
  const refreshSoon = debounce(refresh, 40);

  /**
   * The summary of `issues`: the counts, then errors before warnings, at most SHOWN_ISSUES lines made by
   * `lineFor`. The marker past 10,000 issues is not one more problem: the error count reads "10000+".
   */
  function showIssues(issues, lineFor) {
    const problems = issues.filter((i) => i.code !== 'too_many_issues');
    const errors = problems.filter((i) => i.severity !== 'warning').length;
    const plus = problems.length < issues.length ? '+' : '';
    const ordered = [...issues.filter((i) => i.severity !== 'warning'), ...issues.filter((i) => i.severity === 'warning')];
    const lines = ordered.slice(0, SHOWN_ISSUES).map(lineFor);
    if (ordered.length > SHOWN_ISSUES) lines.push(h('li', { class: 'more', id: 'more-issues' }, t('moreIssues').replace('{n}', ordered.length - SHOWN_ISSUES)));
    showSummary(h('p', { class: 'counts' },
      h('span', { class: `count error${errors ? '' : ' zero'}`, id: 'error-count' }, `${count(errors, 'error')}${plus}`),
      h('span', { class: `count warning${problems.length - errors ? '' : ' zero'}`, id: 'warning-count' }, count(problems.length - errors, 'warning'))),
    issues.length ? h('ul', { class: 'summary-list' }, lines) : h('p', { class: 'ok' }, `✓ ${t('noIssues')}`));
  }

  /** The summary's new content, with focus kept on the line it was on (rebuilt on every refresh). */
  function showSummary(...content) {
    const lines = () => [...summary.querySelectorAll('li[tabindex]')];
    const focused = lines().indexOf(document.activeElement);
    summary.replaceChildren(...content);
    if (focused >= 0) (lines()[Math.min(focused, lines().length - 1)] ?? summary.querySelector('p'))?.focus?.();
  }

  // Any request as JSON text, validated by validateJson (numbers read by their own text, as the gateway
  // reads them; text that is not strict JSON is the library's issue at []) and signed exactly as written.
  function refreshJson() {
    const kind = jsonKind.value;
    let issues;
    try {
      issues = api.validateJson(kind, jsonParams.value, options()).issues;
    } catch (error) {
      // Text the library does not take at all (over 8 Mi characters, half an emoji): nothing is signed.
      showSummary(errorBox(String(error.message ?? error)));
      renderSigned(null, [], kind);
      return;
    }
    showIssues(issues, (issue) => issueLine(issue, true));
    renderSigned(jsonParams.value, issues, kind);
  }

  /** The signed request for `bodyText` (`null`: nothing to sign). */
  function renderSigned(bodyText, issues, kind) {
    document.getElementById('endpoint').replaceChildren(h('code', {}, `POST ${SANDBOX}${ENDPOINTS[kind]}`));
    if (bodyText === null) {
      signedBox.replaceChildren(h('p', { class: 'hint' }, t('cannotSign')));
      return;
    }
    if (!appId.value.trim() || !appSecret.value.trim()) {
      signedBox.replaceChildren(h('p', { class: 'hint' }, t('needCreds')));
      return;
    }
    try {
      const signed = api.signRequest({ appId: appId.value, appSecret: appSecret.value, body: bodyText });
      const headers = Object.entries(signed.headers).map(([k, v]) => `${k}: ${v}`).join('\n');
      signedBox.replaceChildren(
        issues.some((i) => i.severity !== 'warning') ? h('p', { class: 'alert warn' }, t('fixFirst')) : '',
        h('h4', {}, t('headers')), codeBlock(headers, { id: 'signed-headers' }),
        h('h4', {}, t('body')), codeBlock(signed.body, { id: 'signed-body' }));
    } catch (error) {
      signedBox.replaceChildren(errorBox(String(error.message ?? error)));
    }
  }

  form.addEventListener('change', (event) => {
    const target = event.target;
    if (target.name === 'kind') { state.kind = target.value; state.fieldIssues.clear(); render(); }
    if (target.name === 'mode') {
      state.mode = target.value;
      Object.assign(state.values.createPayin, modeDefaults[state.mode]);
      state.fieldIssues.clear();
      render();
    }
  });
  document.getElementById('add-detail').addEventListener('click', () => {
    state.details.push(blankDetail());
    renderDetails(state.details.length - 1);
    refresh();
  });
  for (const input of [appId, appSecret, jsonParams]) input.addEventListener('input', refreshSoon);
  jsonKind.addEventListener('change', () => { showSample(); refresh(); });
  showSample();
  onLocale(() => { state.fieldIssues.clear(); if (state.kind === 'createPayoutBatch') renderDetails(); refresh(); });

  exampleButtons(document.getElementById('builder-examples'), orderExamples, (ex) => {
    state.kind = ex.kind;
    form.querySelector(`[name=kind][value=${ex.kind}]`).checked = true;
    if (ex.mode) { state.mode = ex.mode; form.querySelector(`[name=mode][value=${ex.mode}]`).checked = true; }
    const defs = ex.kind === 'createPayin' ? payinFields : batchFields;
    state.values[ex.kind] = Object.fromEntries(defs.map((f) => [f.path, ex.values[f.path] ?? '']));
    if (ex.details) state.details = ex.details.map((d) => ({ ...blankDetail(), ...d }));
    state.showAll = true;
    state.fieldIssues.clear();
    render();
  });

  render();
}
