// The merchant console: loads the package once, then wires up the four tools.
import init, * as api from '/pkg/browser.js';
import { setLocale, getLocale } from './i18n.js';
import { setupBuilder } from './order-builder.js';
import { setupWorkbench } from './workbench.js';
import { setupVerifier } from './verifier.js';
import { setupDecoder } from './decoder.js';

const tabs = [...document.querySelectorAll('[role=tab]')];

function show(id, focus = false) {
  if (!tabs.some((tab) => tab.dataset.tab === id)) id = 'builder';
  for (const tab of tabs) {
    const on = tab.dataset.tab === id;
    tab.setAttribute('aria-selected', String(on));
    tab.tabIndex = on ? 0 : -1;
    document.getElementById(tab.dataset.tab).hidden = !on;
    if (on && focus) tab.focus();
  }
  if (location.hash !== `#${id}`) history.replaceState(null, '', `#${id}`);
}

for (const [i, tab] of tabs.entries()) {
  tab.addEventListener('click', () => show(tab.dataset.tab));
  tab.addEventListener('keydown', (event) => {
    const step = { ArrowRight: 1, ArrowLeft: -1, Home: -i, End: tabs.length - 1 - i }[event.key];
    if (step === undefined) return;
    event.preventDefault();
    show(tabs[(i + step + tabs.length) % tabs.length].dataset.tab, true);
  });
}
// Only a tab's id selects a tab: the skip link's `#main` (and any other in-page anchor) moves focus and
// leaves the open tab as it is.
window.addEventListener('hashchange', () => {
  const id = location.hash.slice(1);
  if (tabs.some((tab) => tab.dataset.tab === id)) show(id);
});

const loading = document.getElementById('loading');
try {
  await init();
} catch (e) {
  // Nothing below works without the module: say so where the page said it was loading.
  loading.className = 'alert error';
  loading.setAttribute('role', 'alert');
  loading.textContent = `The WebAssembly module could not be loaded, so the tools are not available: ${e?.message ?? e}. ` +
    'Run `make demo`, which builds pkg/ and serves it beside this page.';
  throw e;
}
loading.remove();
const localeSelect = document.getElementById('locale');
localeSelect.addEventListener('change', () => setLocale(localeSelect.value));
setupBuilder(api);
setupWorkbench(api);
setupVerifier(api);
setupDecoder(api);
setLocale(getLocale());
show(location.hash.slice(1) || 'builder');
document.body.dataset.ready = 'true';
