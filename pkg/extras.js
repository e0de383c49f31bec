// Conveniences written in JavaScript on top of the wasm API, shared by every entry file. Each takes the
// wasm API object, so the same code serves the ESM and the CommonJS entries (see scripts/cjs-extras.mjs
// for the shape this file keeps: no imports, only top-level `export function`/`export const`).

/** HTTP status per rejection reason: 413 too large, 401 for authentication, 400 for malformed input. */
const REJECTION_STATUS = Object.freeze({
  body_too_large: 413,
  missing_signature: 401,
  malformed_signature: 400,
  malformed_body: 400,
  missing_timestamp: 400,
  malformed_timestamp: 400,
  timestamp_too_old: 401,
  timestamp_too_new: 401,
  signature_mismatch: 401,
});

function textResponse(status, text, extraHeaders) {
  return new Response(text, {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...extraHeaders },
  });
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

const PATH_HINT = "path must be an array of keys and indexes such as ['payout_order_details', 0, 'amount'], or one key";

/** `path` as an array of keys and indexes, or a TypeError. */
function fieldPath(path) {
  if (typeof path === 'string') return [path];
  if (!Array.isArray(path)) throw new TypeError(PATH_HINT);
  for (const step of path) {
    if (typeof step !== 'string' && !(Number.isInteger(step) && step >= 0 && step <= 4294967295)) throw new TypeError(PATH_HINT);
  }
  return path;
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
  if (step > 100000) return array; // a typo must not allocate gigabytes
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
  const report = api.validate(kind, setAt(params, steps, value), options);
  const issues = report.issues.filter((issue) => steps.every((step, n) => issue.path[n] === step));
  return { valid: issues.every((issue) => issue.severity !== 'error'), issues };
}

/** The JavaScript-level helpers built on the wasm API object `api`. */
export function extend(api) {
  /**
   * A fetch-style handler `(request) => Promise<Response>` that verifies a Lesspay2 webhook on its raw
   * body and calls `onEvent(verified, request)`. See pkg/types/runtime.d.ts.
   */
  function createWebhookHandler(options) {
    if (options === null || typeof options !== 'object') {
      throw new TypeError('createWebhookHandler expects an options object { secret, onEvent, kind?, toleranceMs?, isDuplicate?, markProcessed? }');
    }
    const { secret, onEvent, kind, toleranceMs, isDuplicate, markProcessed } = options;
    const list = Array.isArray(secret) ? secret : [secret];
    if (list.length === 0) throw new Error('secret is an empty array; pass at least one appSecret');
    list.forEach((s, i) => {
      if (typeof s !== 'string') throw new TypeError(`secret[${i}] must be the appSecret string, not ${s === null ? 'null' : typeof s}`);
      if (s.trim() === '') throw new Error(`secret[${i}] is empty or blank; is the environment variable set?`);
    });
    if (typeof onEvent !== 'function') throw new TypeError('onEvent must be a function (verified, request) => void | Response | Promise<void | Response>');
    for (const [name, hook] of [['isDuplicate', isDuplicate], ['markProcessed', markProcessed]]) {
      if (hook !== undefined && typeof hook !== 'function') throw new TypeError(`${name} must be a function or undefined`);
    }
    // Fail at start-up, not on the first webhook, for a bad kind or toleranceMs.
    api.verifyWebhook({ body: '{}', headers: {}, secret: list, kind, toleranceMs });

    return async function handleWebhook(request) {
      if (request.method !== 'POST') {
        return textResponse(405, 'method_not_allowed: webhooks are delivered with POST', { allow: 'POST' });
      }
      let body;
      try {
        body = new Uint8Array(await request.arrayBuffer());
      } catch {
        return textResponse(400, 'unreadable_body: the request body could not be read');
      }
      const verdict = api.verifyWebhook({ body, headers: request.headers, secret: list, kind, toleranceMs, now: Date.now() });
      if (!verdict.valid) {
        return textResponse(REJECTION_STATUS[verdict.reason] ?? 400, `${verdict.reason}: ${verdict.message}`);
      }
      const key = verdict.idempotencyKey;
      if (key !== null && isDuplicate !== undefined && (await isDuplicate(key, verdict))) {
        return textResponse(200, 'SUCCESS');
      }
      const answer = await onEvent(verdict, request);
      if (answer instanceof Response) return answer;
      if (key !== null && markProcessed !== undefined) await markProcessed(key, verdict);
      return textResponse(200, 'SUCCESS');
    };
  }


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
  return { createWebhookHandler, schemas, createSchema, validateField: (...args) => fieldIssues(api, ...args) };
}
