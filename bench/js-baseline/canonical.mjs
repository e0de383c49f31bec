// A correct JavaScript implementation of the Lesspay2 signature scheme, written the way a careful merchant
// would have to write it without the library: the baselines of `make bench`. It passes every strict-JSON
// vector of tests/vectors/signatures.json (checked by bench/js-baseline/check.mjs before any timing).
//
// What it must do that `JSON.parse` cannot (why a few lines over JSON.parse are never enough):
// - keep each number's TEXT (`100.50` and `100.5` sign differently; 20-digit integers lose precision in a
//   double) and render it as Java's `BigDecimal.toString()` (`1e5` -> `1E+5`, `0.0000001` -> `1E-7`);
// - keep a duplicated key at its FIRST position with its LAST value (a JS `Map` does this; plain objects
//   also move integer-like keys such as "10" to the front);
// - write objects inside arrays in `java.util.HashMap` iteration order: String.hashCode, table resizes,
//   early resizes, and red-black tree bins whose root comes first — replayed once per parse the gateway
//   does (its payload goes through parse -> write -> parse);
// - fastjson's escaping inside arrays (upper-case `\u00XX`, `\u2028`, raw non-ASCII) and no escaping at all
//   outside arrays; drop `""`/`null` outside arrays but keep them inside; sort keys by UTF-16 units.

/** A JSON number kept as its text. */
export class Num {
  constructor(text) { this.text = text; }
}

// ---------------------------------------------------------------------------------------------- parser
// Most strings hold no escape, control character or surrogate: found with one native search each.
// eslint-disable-next-line no-control-regex
const PLAIN = /[\\\u0000-\u001f\ud800-\udfff]/;

/** Strict RFC 8259 parse of an object: objects are `Map`s, numbers `Num`s. Throws `SyntaxError`. */
export function parseObject(text) {
  let i = 0;
  const n = text.length;
  const fail = (what) => { throw new SyntaxError(`${what} at ${i}`); };
  const ws = () => { for (let c; i < n && ((c = text.charCodeAt(i)) === 32 || c === 9 || c === 10 || c === 13);) i++; };
  const string = () => {
    i++; // "
    const close = text.indexOf('"', i);
    if (close >= 0) {
      const s = text.slice(i, close);
      if (!PLAIN.test(s)) { i = close + 1; return s; }
    }
    let out = '';
    let start = i;
    for (;;) {
      if (i >= n) fail('unterminated string');
      const c = text.charCodeAt(i);
      if (c === 34) { out += text.slice(start, i); i++; return out; }
      if (c < 32) fail('control character');
      if (c === 92) {
        out += text.slice(start, i);
        const e = text[i + 1];
        i += 2;
        switch (e) {
          case '"': out += '"'; break;
          case '\\': out += '\\'; break;
          case '/': out += '/'; break;
          case 'b': out += '\b'; break;
          case 'f': out += '\f'; break;
          case 'n': out += '\n'; break;
          case 'r': out += '\r'; break;
          case 't': out += '\t'; break;
          case 'u': {
            const h = text.slice(i, i + 4);
            if (!/^[0-9a-fA-F]{4}$/.test(h)) fail('bad \\u escape');
            const unit = parseInt(h, 16);
            i += 4;
            if (unit >= 0xd800 && unit <= 0xdbff) {
              const l = text.slice(i + 2, i + 6);
              if (text.slice(i, i + 2) !== '\\u' || !/^[0-9a-fA-F]{4}$/.test(l)) fail('lone surrogate');
              const low = parseInt(l, 16);
              if (low < 0xdc00 || low > 0xdfff) fail('lone surrogate');
              out += String.fromCharCode(unit, low);
              i += 6;
            } else if (unit >= 0xdc00 && unit <= 0xdfff) {
              fail('lone surrogate');
            } else {
              out += String.fromCharCode(unit);
            }
            break;
          }
          default: fail('bad escape');
        }
        start = i;
      } else if (c >= 0xd800 && c <= 0xdfff) {
        // A raw lone surrogate cannot come from UTF-8; a pair is fine.
        if (c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i += 2;
        else fail('lone surrogate');
      } else {
        i++;
      }
    }
  };
  const NUM = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
  const value = (depth) => {
    if (depth > 128) fail('too deep');
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      const m = new Map();
      ws();
      if (text[i] === '}') { i++; return m; }
      for (;;) {
        ws();
        if (text[i] !== '"') fail('expected a key');
        const k = string();
        if (k === '$ref' || k === '@type') fail('directive key');
        ws();
        if (text[i] !== ':') fail('expected :');
        i++;
        m.set(k, value(depth + 1)); // Map.set: first position, last value
        ws();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === '}') { i++; return m; }
        fail('expected , or }');
      }
    }
    if (c === '[') {
      i++;
      const a = [];
      ws();
      if (text[i] === ']') { i++; return a; }
      for (;;) {
        a.push(value(depth + 1));
        ws();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === ']') { i++; return a; }
        fail('expected , or ]');
      }
    }
    if (c === '"') return string();
    if (text.startsWith('true', i)) { i += 4; return true; }
    if (text.startsWith('false', i)) { i += 5; return false; }
    if (text.startsWith('null', i)) { i += 4; return null; }
    NUM.lastIndex = i;
    const match = NUM.exec(text);
    if (!match) fail('unexpected character');
    i = NUM.lastIndex;
    if (/[0-9a-zA-Z._]/.test(text[i] ?? '')) fail('bad number');
    return new Num(match[0]);
  };
  ws();
  if (text[i] !== '{') fail('not an object');
  const root = value(1);
  ws();
  if (i < n) fail('trailing text');
  return root;
}

// ------------------------------------------------------------------------------------- BigDecimal text
/** A number as the gateway prints it: integers as digits (`-0` -> `0`), others as BigDecimal.toString(). */
export function renderNumber(text) {
  const e = text.search(/[eE]/);
  const mantissa = e < 0 ? text : text.slice(0, e);
  const exponent = e < 0 ? null : parseInt(text.slice(e + 1), 10);
  const negative = mantissa[0] === '-';
  const unsigned = negative ? mantissa.slice(1) : mantissa;
  const dot = unsigned.indexOf('.');
  const intPart = dot < 0 ? unsigned : unsigned.slice(0, dot);
  const fraction = dot < 0 ? '' : unsigned.slice(dot + 1);
  if (dot < 0 && exponent === null) return negative && /^0+$/.test(intPart) ? '0' : text;
  const coefficient = (intPart + fraction).replace(/^0+/, '') || '0';
  const scale = fraction.length - (exponent ?? 0);
  const sign = negative && coefficient !== '0' ? '-' : '';
  if (scale === 0) return sign + coefficient;
  const len = coefficient.length;
  const adjusted = len - 1 - scale;
  if (scale > 0 && adjusted >= -6) {
    return sign + (len > scale
      ? coefficient.slice(0, len - scale) + '.' + coefficient.slice(len - scale)
      : '0.' + '0'.repeat(scale - len) + coefficient);
  }
  let out = sign + coefficient[0] + (len > 1 ? '.' + coefficient.slice(1) : '');
  if (adjusted !== 0) out += 'E' + (adjusted > 0 ? '+' : '') + adjusted;
  return out;
}

// ------------------------------------------------------------------------------ java.util.HashMap order
function spreadHash(key) {
  let h = 0;
  for (let i = 0; i < key.length; i++) h = (Math.imul(h, 31) + key.charCodeAt(i)) | 0;
  return h ^ (h >>> 16);
}

const cmp16 = (a, b) => (a < b ? -1 : a > b ? 1 : 0); // JS compares strings by UTF-16 units, like Java

/** Indices of `keys` (distinct strings) in the iteration order of a HashMap filled in that order. */
export function iterationOrder(keys) {
  const hash = keys.map(spreadHash);
  const L = keys.map(() => ({ parent: -1, left: -1, right: -1, red: false }));
  let table = []; // bins: { nodes: number[], root: -1 | id }
  let size = 0;
  const dir = (x, p) => (hash[x] !== hash[p] ? (hash[x] < hash[p] ? -1 : 1) : cmp16(keys[x], keys[p]));
  const rotateLeft = (root, p) => {
    const r = L[p].right;
    if (r < 0) return root;
    const rl = L[r].left;
    L[p].right = rl;
    if (rl >= 0) L[rl].parent = p;
    const pp = L[p].parent;
    L[r].parent = pp;
    if (pp < 0) { root = r; L[r].red = false; } else if (L[pp].left === p) L[pp].left = r; else L[pp].right = r;
    L[r].left = p;
    L[p].parent = r;
    return root;
  };
  const rotateRight = (root, p) => {
    const l = L[p].left;
    if (l < 0) return root;
    const lr = L[l].right;
    L[p].left = lr;
    if (lr >= 0) L[lr].parent = p;
    const pp = L[p].parent;
    L[l].parent = pp;
    if (pp < 0) { root = l; L[l].red = false; } else if (L[pp].right === p) L[pp].right = l; else L[pp].left = l;
    L[l].right = p;
    L[p].parent = l;
    return root;
  };
  const balanceInsertion = (root, x) => { // HashMap.TreeNode.balanceInsertion
    L[x].red = true;
    for (let xp, xpp, xppl, xppr; ;) {
      if ((xp = L[x].parent) < 0) { L[x].red = false; return x; }
      if (!L[xp].red || (xpp = L[xp].parent) < 0) return root;
      if (xp === (xppl = L[xpp].left)) {
        if ((xppr = L[xpp].right) >= 0 && L[xppr].red) {
          L[xppr].red = false; L[xp].red = false; L[xpp].red = true; x = xpp;
        } else {
          if (x === L[xp].right) { root = rotateLeft(root, (x = xp)); xp = L[x].parent; xpp = xp < 0 ? -1 : L[xp].parent; }
          if (xp >= 0) {
            L[xp].red = false;
            if (xpp >= 0) { L[xpp].red = true; root = rotateRight(root, xpp); }
          }
        }
      } else if (xppl >= 0 && L[xppl].red) {
        L[xppl].red = false; L[xp].red = false; L[xpp].red = true; x = xpp;
      } else {
        if (x === L[xp].left) { root = rotateRight(root, (x = xp)); xp = L[x].parent; xpp = xp < 0 ? -1 : L[xp].parent; }
        if (xp >= 0) {
          L[xp].red = false;
          if (xpp >= 0) { L[xpp].red = true; root = rotateLeft(root, xpp); }
        }
      }
    }
  };
  const moveRootToFront = (bin, root) => {
    const k = bin.nodes.indexOf(root);
    if (k > 0) { bin.nodes.splice(k, 1); bin.nodes.unshift(root); }
  };
  const treeify = (bin) => {
    let root = -1;
    for (const x of bin.nodes) {
      L[x] = { parent: -1, left: -1, right: -1, red: false };
      if (root < 0) { root = x; continue; }
      for (let p = root; ;) {
        const left = dir(x, p) <= 0;
        const c = left ? L[p].left : L[p].right;
        if (c >= 0) { p = c; continue; }
        L[x].parent = p;
        if (left) L[p].left = x; else L[p].right = x;
        root = balanceInsertion(root, x);
        break;
      }
    }
    L[root].red = false;
    bin.root = root;
    moveRootToFront(bin, root);
  };
  const resize = () => {
    const old = table;
    const cap = old.length === 0 ? 16 : old.length * 2;
    table = Array.from({ length: cap }, () => ({ nodes: [], root: -1 }));
    const bit = old.length;
    old.forEach((bin, j) => {
      const lo = bin.nodes.filter((id) => (hash[id] & bit) === 0);
      const hi = bin.nodes.filter((id) => (hash[id] & bit) !== 0);
      for (const [index, nodes, otherEmpty] of [[j, lo, hi.length === 0], [j + bit, hi, lo.length === 0]]) {
        if (nodes.length === 0) continue;
        table[index].nodes = nodes;
        if (bin.root >= 0 && nodes.length > 6) {
          if (otherEmpty) table[index].root = bin.root; else treeify(table[index]);
        }
      }
    });
  };
  const putTree = (bin, x) => {
    L[x] = { parent: -1, left: -1, right: -1, red: false };
    let p = bin.root;
    let left;
    for (;;) {
      left = dir(x, p) <= 0;
      const c = left ? L[p].left : L[p].right;
      if (c < 0) break;
      p = c;
    }
    L[x].parent = p;
    if (left) L[p].left = x; else L[p].right = x;
    bin.nodes.splice(bin.nodes.indexOf(p) + 1, 0, x);
    bin.root = balanceInsertion(bin.root, x);
    moveRootToFront(bin, bin.root);
  };
  for (let id = 0; id < keys.length; id++) {
    if (table.length === 0) resize();
    const bin = table[hash[id] & (table.length - 1)];
    if (bin.root >= 0) {
      putTree(bin, id);
    } else {
      bin.nodes.push(id);
      if (bin.nodes.length > 8) {
        if (table.length < 64) resize(); else treeify(bin);
      }
    }
    if (++size > (table.length >>> 2) * 3) resize();
  }
  return table.flatMap((b) => b.nodes);
}

// --------------------------------------------------------------------------------- canonical string
// The order depends only on the keys, which of them are `null` and the parse count, and a merchant's
// webhooks repeat the same few key sets (a payout's details): worked out once per set and remembered.
const ORDERS = new Map();
const ORDERS_MAX = 256;

function hashmapOrder(object, parses) {
  let memo = String(parses);
  for (const [k, v] of object) memo += (v === null ? 'n' : 'v') + k.length + ':' + k; // unambiguous
  let order = ORDERS.get(memo);
  if (order === undefined) {
    if (ORDERS.size >= ORDERS_MAX) ORDERS.clear();
    order = replayHashmapOrder(object, parses);
    ORDERS.set(memo, order);
  }
  return order;
}

function replayHashmapOrder(object, parses) {
  let keys = [...object.keys()];
  let current = iterationOrder(keys).map((i) => keys[i]).filter((k) => object.get(k) !== null);
  for (let round = 1; round < parses; round++) {
    keys = current;
    const order = iterationOrder(keys);
    const unchanged = order.every((i, pos) => i === pos);
    current = order.map((i) => keys[i]);
    if (unchanged) break;
  }
  return current;
}

const ESC = { '"': '\\"', '\\': '\\\\', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\u2028': '\\u2028', '\u2029': '\\u2029' };
// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /["\\\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
// eslint-disable-next-line no-control-regex
const ANY_ESCAPE = /["\\\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
function jsonString(s) {
  if (!ANY_ESCAPE.test(s)) return '"' + s + '"';
  return '"' + s.replace(NEEDS_ESCAPE, (c) => ESC[c] ?? '\\u00' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')) + '"';
}

function json(v, parses) {
  if (v === null) return 'null';
  if (v === true) return 'true';
  if (v === false) return 'false';
  if (typeof v === 'string') return jsonString(v);
  if (v instanceof Num) return renderNumber(v.text);
  if (Array.isArray(v)) return '[' + v.map((x) => json(x, parses)).join(',') + ']';
  return '{' + hashmapOrder(v, parses).map((k) => jsonString(k) + ':' + json(v.get(k), parses)).join(',') + '}';
}

function pairs(object, parses) {
  const members = [];
  for (const [k, v] of object) if (v !== null && v !== '') members.push(k);
  members.sort(cmp16);
  let out = '';
  for (let i = 0; i < members.length; i++) {
    const k = members[i];
    const v = object.get(k);
    let text;
    if (typeof v === 'string') text = v;
    else if (v instanceof Num) text = renderNumber(v.text);
    else if (v === true || v === false) text = String(v);
    else if (Array.isArray(v)) text = '[' + v.map((x) => json(x, parses)).join(',') + ']';
    else text = '{' + pairs(v, parses + 1) + '}';
    out += (i > 0 ? '&' : '') + k + '=' + text;
  }
  return out;
}

/** The canonical string of a parsed body, or `null` without parameters. `reparses`: 1 for pay-in webhooks. */
export function canonical(object, reparses = 0) {
  return object.size === 0 ? null : pairs(object, 2 + reparses);
}

/** The text that is hashed. */
export function signedString(object, secret, reparses = 0) {
  const c = canonical(object, reparses);
  return c === null ? 'key=' + secret : c + '&key=' + secret;
}

// ------------------------------------------------------------------------------------- webhook rule
const V1_UNSIGNED = ['api_version', 'order_status_int', 'channel_biz_data', 'event', 'event_data'];
// Java Character.isWhitespace (String.isBlank).
const JAVA_BLANK = /^[\t-\r\x1c-\x20\u1680\u2000-\u2006\u2008-\u200a\u2028\u2029\u205f\u3000]*$/;

/** The string a webhook of `kind` ('payin' | 'payout' | 'auto') is signed over. */
export function webhookSignedString(object, secret, kind = 'auto') {
  if (kind === 'payout') return signedString(object, secret, 0);
  const v = object.get('api_version');
  const v1 = v === undefined || v === null || (typeof v === 'string' && (v.toLowerCase() === 'v1' || JAVA_BLANK.test(v)));
  const signed = new Map();
  for (const [k, val] of object) if (val !== null && !(v1 && V1_UNSIGNED.includes(k))) signed.set(k, val);
  return signedString(signed, secret, 1);
}

/** Trimmed, 64 hex digits, or null. */
export function receivedSignature(headers) {
  let value;
  for (const k of Object.keys(headers)) if (k.toLowerCase() === 'x-auth-signature') value = headers[k];
  if (typeof value !== 'string') return null;
  const t = value.replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, '');
  return /^[0-9a-fA-F]{64}$/.test(t) ? t.toUpperCase() : null;
}
