// Small DOM helpers shared by the tools. Text always goes in through textContent: nothing is parsed as HTML.
import { t } from './i18n.js';

/** Creates an element: h('div', { class: 'x', onclick }, child, 'text', ...). */
export function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value == null || value === false) continue;
    if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (key === 'class') node.className = value;
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child == null || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

/** A labelled value row: <div class="kv"><dt>label</dt><dd>value</dd></div>. */
export function kv(label, value, attrs = {}) {
  return h('div', { class: 'kv' }, h('dt', {}, label), h('dd', attrs, value));
}

/** A <pre> with a copy button. */
export function codeBlock(text, attrs = {}) {
  const pre = h('pre', { class: 'code', tabindex: '0', ...attrs }, text);
  const btn = h('button', { type: 'button', class: 'btn small copy', 'aria-label': `${t('copy')}` }, t('copy'));
  btn.addEventListener('click', async () => {
    // A refused clipboard (no permission, an insecure origin) is said, not ignored.
    try { await navigator.clipboard.writeText(text); btn.textContent = t('copied'); } catch { btn.textContent = t('copyFailed'); }
    setTimeout(() => { btn.textContent = t('copy'); }, 1200);
  });
  return h('div', { class: 'code-wrap' }, pre, btn);
}

/** Example buttons. */
export function exampleButtons(container, examples, onPick) {
  container.replaceChildren(...examples.map((ex, i) =>
    h('button', { type: 'button', class: 'chip', 'data-example': ex.id, onclick: () => onPick(ex, i) }, ex.label)));
}

/** Runs `fn` at most once per animation frame-ish tick. */
export function debounce(fn, ms = 60) {
  let timer;
  return (...args) => { clearTimeout(timer); timer = setTimeout(() => fn(...args), ms); };
}

export function errorBox(message) {
  return h('div', { class: 'alert error', role: 'alert' }, h('strong', {}, `${t('errorLabel')}: `), message);
}
