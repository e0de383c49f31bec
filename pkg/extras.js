// Conveniences written in JavaScript on top of the wasm API, shared by every entry file. Each takes the
// wasm API object, so the same code serves the ESM and the CommonJS entries (see scripts/cjs-extras.mjs
// for the shape this file keeps: no imports, only top-level `export function`/`export const`).

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
  else if (isRecord(context) && typeof context !== 'function') params = JSON.parse(JSON.stringify(context));
  else throw new TypeError(`context must be the form's params object, not ${Array.isArray(context) ? 'an array' : typeof context}`);
  const report = api.validate(kind, setAt(params, steps, value), options);
  const issues = report.issues.filter((issue) => steps.every((step, n) => issue.path[n] === step));
  return { valid: issues.every((issue) => issue.severity !== 'error'), issues };
}

/** The JavaScript-level helpers built on the wasm API object `api`. */
export function extend(api) {
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
