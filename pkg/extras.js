// Conveniences written in JavaScript on top of the wasm API, shared by every entry file. Each takes the
// wasm API object, so the same code serves the ESM and the CommonJS entries (see scripts/cjs-extras.mjs
// for the shape this file keeps: no imports, only top-level `export function`/`export const`).

/**
 * HTTP status per rejection reason: 413 too large; 401 for authentication (a signature or a timestamp
 * that is missing, wrong or out of the window); 400 for malformed input.
 */
const REJECTION_STATUS = Object.freeze({
  unreadable_body: 400,
  body_too_large: 413,
  missing_signature: 401,
  malformed_signature: 400,
  malformed_body: 400,
  missing_timestamp: 401,
  malformed_timestamp: 400,
  timestamp_too_old: 401,
  timestamp_too_new: 401,
  signature_mismatch: 401,
});

/** Spec 3, verification rule 1: a larger body is `body_too_large` without being read further. */
const MAX_BODY_BYTES = 1048576;

/**
 * The request body as bytes, read at most one byte past `MAX_BODY_BYTES`: a huge POST to the
 * `notify_url` is refused by its `Content-Length`, or as soon as the stream passes the limit, instead
 * of being buffered whole (an edge isolate has 128 MB). `{ tooLarge: bytes }` when it is too large.
 */
async function readCapped(request) {
  const declared = Number(request.headers.get('content-length') ?? '');
  if (declared > MAX_BODY_BYTES) return { tooLarge: declared };
  if (request.body === null) return { bytes: new Uint8Array(0) };
  const reader = request.body.getReader();
  const chunks = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > MAX_BODY_BYTES) {
      await reader.cancel().catch(() => {});
      return { tooLarge: total };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return { bytes };
}

const HANDLER_OPTIONS = ['secret', 'onEvent', 'kind?', 'toleranceMs?', 'isDuplicate?', 'markProcessed?', 'onRejected?'];

function textResponse(status, text, extraHeaders) {
  return new Response(text, {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...extraHeaders },
  });
}

/**
 * The memory an instance may keep between calls, in bytes. Wasm memory grows and never shrinks: one
 * that a large input grew past this (an 8 MiB body can take 450 MiB) is replaced before the next call,
 * and the old memory goes with it. A fresh instance holds 1.1 MiB; a 1 MiB webhook grows it to 8.3 MiB.
 */
const RETAINED_MEMORY_MAX = 64 * 1024 * 1024;

/**
 * The glue's functions, each made to outlive an error that unwinds through the wasm instance. Such an
 * error (a call made with the stack almost full, from deep recursion; a trap) leaves the instance
 * mid-way: after 6 to 42 of them (in Node, by function) every later call failed with "unreachable" or
 * "memory access out of bounds", and a call could have answered from corrupted memory. The error
 * still reaches the caller; the next call first replaces the instance with a new one of the same
 * module (`__lesspay2_renew`, see scripts/glue-renew.mjs). Never while a call is in progress (a getter
 * of the caller's may call the module again): a call that was running when the instance broke under it
 * throws instead of answering, as does a call inside which such an error was caught (its answer may
 * come from corrupted memory).
 * The same replacement gives back memory that a large input grew (`RETAINED_MEMORY_MAX`).
 */
export function resilient(glue) {
  let depth = 0;
  // The instance is to be replaced before it is used again.
  let stale = false;
  const wrap = (name, fn) => {
    const interrupted = (cause) => new Error(`lesspay2: ${name}() was interrupted by the stack limit or a trap inside the `
      + 'module, which may have left it mid-way, so it gives no answer; call it again (with more stack): a new instance '
      + 'of the module answers', { cause });
    const call = function () {
      // Near the stack limit any of these calls may throw too: state is set before each one, so that a
      // throw leaves the instance marked stale rather than trusted.
      if (glue.__lesspay2_caught()) stale = true;
      if (depth === 0 && glue.__lesspay2_memoryBytes() > RETAINED_MEMORY_MAX) stale = true;
      if (stale) {
        if (depth > 0) throw interrupted();
        glue.__lesspay2_renew();
        stale = false;
      }
      depth++;
      let result;
      try {
        result = fn.apply(undefined, arguments);
      } catch (error) {
        const before = stale;
        stale = true;
        const caught = glue.__lesspay2_caught();
        if (!before && !caught && !glue.__lesspay2_mayHaveUnwound(error)) stale = false;
        // The stack limit met inside the module, whatever the module made of it (a swallowed payload, an
        // Error of its own that quotes the engine), and a trap in an instance already broken, are
        // "interrupted"; a trap alone is a bug, shown as one.
        throw caught || (before && error instanceof WebAssembly.RuntimeError) ? interrupted(error) : error;
      } finally {
        depth--;
      }
      if (glue.__lesspay2_caught()) stale = true;
      if (stale) throw interrupted();
      return result;
    };
    return Object.defineProperty(call, 'name', { value: name });
  };
  const api = {};
  for (const [name, fn] of Object.entries(glue)) {
    if (typeof fn !== 'function' || name === 'default' || name === 'initSync' || name.startsWith('__')) continue;
    api[name] = wrap(name, fn);
  }
  // validateField's own binding, not part of the API: found from this `validate` (every entry exports
  // it), guarded under validateField's name.
  if (api.validate) BELOW.set(api.validate, wrap('validateField', glue.__validateBelow));
  return api;
}

/** Each `validate` of `resilient`'s making (or standing in for one: `sameValidate`) → the `__validateBelow` of the same instance. */
const BELOW = new WeakMap();

/** `wrapper`, which calls `validate`, finds the same `__validateBelow` (web-init.js's guard). */
export function sameValidate(wrapper, validate) {
  if (BELOW.has(validate)) BELOW.set(wrapper, BELOW.get(validate));
}

/** The request kinds `validate` knows, in the order of the spec. */
export const REQUEST_KINDS = ['createPayin', 'fetchPayin', 'createPayout', 'createPayoutBatch', 'fetchPayout', 'payoutBanks'];

/**
 * A Standard Schema v1 object (https://standardschema.dev) for one request kind: `validate` runs the wasm
 * `validate` synchronously and reports the error-severity issues (warnings never fail a form).
 */
export function standardSchema(api, kind, options) {
  return {
    '~standard': {
      version: 1,
      vendor: 'lesspay2',
      validate(value) {
        const report = api.validate(kind, value, options);
        if (report.valid) return { value };
        const issues = report.issues
          .filter((issue) => issue.severity === 'error')
          .map((issue) => ({ message: issue.message, path: issue.path }));
        return { issues };
      },
    },
  };
}

const PATH_HINT =
  "path must be an array of keys and indexes such as ['payout_order_details', 0, 'amount'], or a field name such as 'payout_order_details.0.amount'";

/** How deep params may nest (`json::MAX_DEPTH`): the strict parser refuses more. */
const MAX_DEPTH = 128;

const isIndex = (n) => Number.isInteger(n) && n >= 0 && n <= 4294967295;

/**
 * `path` as an array of keys and indexes, or a TypeError. A string is a form's field name: `amount`,
 * `payout_order_details.0.amount` (React Hook Form, TanStack Form) or `payout_order_details[0].amount`
 * (Formik). No request has a key with `.`, `[` or `]` in it, or one of digits only, so a step of digits,
 * in a string or in an array, is an array index.
 */
function fieldPath(path) {
  const steps = typeof path === 'string' ? (path === '' ? [''] : path.split(/[.[\]]+/).filter((s) => s !== '')) : path;
  if (!Array.isArray(steps)) throw new TypeError(PATH_HINT);
  return steps.map((step) => {
    if (typeof step === 'string') return /^\d+$/.test(step) && isIndex(Number(step)) ? Number(step) : step;
    if (isIndex(step)) return step;
    throw new TypeError(PATH_HINT);
  });
}

const isRecord = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Puts `value` at `path` in `target` (deleting the member when `undefined`), making objects and arrays on the way. */
function setAt(target, path, value) {
  if (path.length === 0) return value === undefined ? null : value;
  const [step, ...rest] = path;
  if (typeof step === 'string') {
    const object = isRecord(target) ? target : {};
    if (rest.length === 0 && value === undefined) delete object[step];
    else object[step] = setAt(object[step], rest, value);
    return object;
  }
  const array = Array.isArray(target) ? target : [];
  // A typo's index must not allocate gigabytes; an element the form already has is replaced at any index.
  if (step > 100000 && step >= array.length) return array;
  while (array.length <= step) array.push(null);
  array[step] = setAt(array[step], rest, value);
  return array;
}

/**
 * `validateField(kind, path, value, context?, options?)`: the issues `validate` reports at `path` or below
 * it, with `value` placed at `path` inside a copy of `context` (the rest of the form). The Rust crate has
 * the same function (`validation::validate_field`); here it is composed from `validate`.
 */
export function fieldIssues(api, kind, path, value, context, options) {
  const steps = fieldPath(path);
  // A path that puts the value deeper than params may nest has no issues (they sit at a request's
  // fields, or at the first unknown key): answered as the Rust function does, without building a tree
  // that would throw a RangeError, or exhaust the heap, on the way.
  if (steps.length >= MAX_DEPTH) {
    api.validate(kind, {}, options); // the same TypeError for a bad kind or options
    return { valid: true, issues: [] };
  }
  let params;
  if (context === undefined || context === null) params = {};
  else if (isRecord(context) && typeof context !== 'function') {
    // The same answer as `validate` gives for params it cannot serialise (a BigInt, a cycle).
    try {
      params = JSON.parse(JSON.stringify(context));
    } catch (e) {
      throw new Error(`context could not be serialised with JSON.stringify: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  else throw new TypeError(`context must be the form's params object, not ${Array.isArray(context) ? 'an array' : typeof context}`);
  // Only the issues at `steps` or under it are kept, inside the module, so that only they count toward
  // the 10,000 a report lists: the rest of a long form cannot crowd the field's out. Params that cannot
  // be read at all (a lone surrogate, as cutting an emoji in half leaves, or a value nested too deep)
  // are one `format` issue at `[]`, and the field may be its cause: kept too, so that a form does not
  // pass field by field and fail as a whole.
  return BELOW.get(api.validate)(kind, setAt(params, steps, value), options, JSON.stringify(steps));
}

/**
 * The JavaScript-level helpers of `lesspay2/client` (validation for forms), built on the wasm API object
 * `api`: `schemas`, `createSchema` and `validateField`.
 */
export function clientHelpers(api) {
  const schemas = {};
  for (const kind of REQUEST_KINDS) schemas[kind] = standardSchema(api, kind);
  Object.freeze(schemas);
  /** `schemas.<kind>` with other options (e.g. `{ locale: 'zh-CN' }`). */
  const createSchema = (kind, options) => {
    if (!REQUEST_KINDS.includes(kind)) {
      throw new TypeError(`kind must be one of ${REQUEST_KINDS.map((k) => `'${k}'`).join(', ')}, not ${typeof kind === 'string' ? `'${kind}'` : typeof kind}`);
    }
    api.validate(kind, {}, options); // throws now, not on first use, for bad options
    return standardSchema(api, kind, options);
  };
  return { schemas, createSchema, validateField: (...args) => fieldIssues(api, ...args) };
}

/** The JavaScript-level helper of `lesspay2/edge` (webhook verification), built on the wasm API object `api`: `createWebhookHandler`. */
export function edgeHelpers(api) {
  /**
   * A fetch-style handler `(request) => Promise<Response>` that verifies a Lesspay2 webhook on its raw
   * body and calls `onEvent(verified, request, body)`. See pkg/types/runtime.d.ts.
   */
  function createWebhookHandler(options) {
    if (options === null || typeof options !== 'object') {
      throw new TypeError(`createWebhookHandler expects an options object { ${HANDLER_OPTIONS.join(', ')} }`);
    }
    // A misspelt option (`toleranceMS`) would silently turn its check off: refused at start-up.
    for (const name of Object.keys(options)) {
      if (!HANDLER_OPTIONS.some((o) => o.replace('?', '') === name)) {
        throw new TypeError(`createWebhookHandler has no option '${name}'; the options are { ${HANDLER_OPTIONS.join(', ')} }`);
      }
    }
    const { secret, onEvent, kind, toleranceMs, isDuplicate, markProcessed, onRejected } = options;
    // `undefined` is most often a missing environment variable: the message says so, as verifyWebhook's does.
    if (secret === undefined) {
      throw new TypeError('secret must be the appSecret string or an array of them (rotation), not undefined; is the environment variable set?');
    }
    const list = Array.isArray(secret) ? secret : [secret];
    if (list.length === 0) throw new Error('secret is an empty array; pass at least one appSecret');
    list.forEach((s, i) => {
      // Named as verifyWebhook names it: `secret` alone, `secret[i]` in a list.
      const name = Array.isArray(secret) ? `secret[${i}]` : 'secret';
      if (typeof s !== 'string') throw new TypeError(`${name} must be the appSecret string, not ${s === null ? 'null' : typeof s}`);
      if (s.trim() === '') throw new Error(`${name} is empty or blank; is the environment variable set?`);
    });
    if (typeof onEvent !== 'function') throw new TypeError('onEvent must be a function (verified, request, body) => void | Response | Promise<void | Response>');
    for (const [name, hook] of [['isDuplicate', isDuplicate], ['markProcessed', markProcessed], ['onRejected', onRejected]]) {
      if (hook !== undefined && typeof hook !== 'function') throw new TypeError(`${name} must be a function or undefined`);
    }
    // Fail at start-up, not on the first webhook, for a bad kind or toleranceMs.
    api.verifyWebhook({ body: '{}', headers: {}, secret: list, kind, toleranceMs });

    // A refused delivery: `onRejected` sees the whole verdict (its message is for the operator's logs),
    // the sender only the reason and what it may know.
    const refuse = async (verdict, request) => {
      if (onRejected !== undefined) await onRejected(verdict, request);
      // A mismatch does not tell the sender what verifyWebhook's message adds for the operator (that a
      // configured secret has whitespace at an end).
      const message = verdict.reason === 'signature_mismatch' ? 'no configured appSecret gives the received signature' : verdict.message;
      return textResponse(REJECTION_STATUS[verdict.reason] ?? 400, `${verdict.reason}: ${message}`);
    };

    return async function handleWebhook(request) {
      // The server's own mistakes reject (Workers, Deno, Bun and Next.js log them and answer 500; node:http
      // leaves the rejection unhandled), rather than answer the gateway a 4xx that blames its delivery.
      if (request === null || typeof request !== 'object' || typeof request.headers?.get !== 'function' || !('body' in request)) {
        throw new TypeError('the webhook handler takes a fetch Request; a node:http server calls verifyWebhook with the raw body instead');
      }
      if (request.method !== 'POST') {
        return textResponse(405, 'method_not_allowed: webhooks are delivered with POST', { allow: 'POST' });
      }
      // Read (`bodyUsed`) or being read (a reader holds the stream): by whatever ran before the handler.
      if (request.bodyUsed || request.body?.locked) {
        throw new TypeError('the request body was already read before the webhook handler (by a body parser or request.json()?): it needs the raw body');
      }
      let read;
      try {
        read = await readCapped(request);
      } catch {
        // The connection failed mid-body: the gateway sends it again.
        return refuse({ valid: false, reason: 'unreadable_body', message: 'the request body could not be read' }, request);
      }
      if (read.tooLarge !== undefined) {
        return refuse({ valid: false, reason: 'body_too_large', message: `the body is at least ${read.tooLarge} bytes; at most ${MAX_BODY_BYTES} are read` }, request);
      }
      const verdict = api.verifyWebhook({ body: read.bytes, headers: request.headers, secret: list, kind, toleranceMs, now: Date.now() });
      if (!verdict.valid) return refuse(verdict, request);
      const key = verdict.idempotencyKey;
      if (key !== null && isDuplicate !== undefined && (await isDuplicate(key, verdict))) {
        return textResponse(200, 'SUCCESS');
      }
      // The bytes just verified, for forwarding as they came: the request's body is used up.
      const answer = await onEvent(verdict, request, read.bytes);
      // Processed unless onEvent answered with a failure (e.g. a 502 so that the gateway retries).
      const processed = !(answer instanceof Response) || answer.ok;
      if (processed && key !== null && markProcessed !== undefined) await markProcessed(key, verdict);
      return answer instanceof Response ? answer : textResponse(200, 'SUCCESS');
    };
  }

  return { createWebhookHandler };
}

/** The JavaScript-level helpers of `lesspay2`: {@link edgeHelpers} and {@link clientHelpers}. */
export function extend(api) {
  return { ...edgeHelpers(api), ...clientHelpers(api) };
}

/**
 * The `.wasm` bytes for a Node entry, read from `asset()` or else from beside one of `modules()`; each
 * may throw. The ESM entries pass
 * - as `asset`, `new URL('./lesspay2_bg.wasm', import.meta.url)`, written literally so that bundlers and
 *   file tracers (Next.js's `@vercel/nft`) keep the file;
 * - as `modules`, `import.meta.url`, for Turbopack, which in Next.js server components turns the asset
 *   into the path a browser would fetch (`/_next/static/media/…`) but leaves the module's own URL a
 *   file; and `__filename`, for a bundler writing CommonJS (esbuild's `--format=cjs`), which leaves no
 *   `import.meta.url`, only the bundle's own path, where the file can be copied.
 * The CommonJS entries pass `join(__dirname, 'lesspay2_bg.wasm')`, the bundle's directory once bundled.
 * When none can be read, the Error says what to do; `wasmPath` is the file's path in the package.
 */
export function nodeWasmBytes(readFileSync, wasmPath, asset, ...modules) {
  // `lesspay2_bg.wasm` in a module's directory; a module a bundler left undefined names none.
  const beside = (module) => {
    if (typeof module !== 'string') throw new TypeError('no module location');
    const file = module.replace(/[^/\\]*$/, 'lesspay2_bg.wasm');
    return file.startsWith('file:') ? new URL(file) : file;
  };
  let missing;
  for (const place of [asset, ...modules.map((module) => () => beside(module()))]) {
    try {
      return readFileSync(place());
    } catch (error) {
      // The last place that named a file is the one a user can act on (the bundle's own directory).
      if (error?.path) missing = error;
    }
  }
  throw new Error(`lesspay2: cannot read its .wasm${missing ? ` (${missing.message})` : ''}: a bundler has moved `
    + `this entry away from ${wasmPath}. Leave the package to Node (esbuild: --external:lesspay2; Next.js: `
    + `serverExternalPackages: ['lesspay2']), or copy node_modules/${wasmPath} beside the bundle`);
}
