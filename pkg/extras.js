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
  return { schemas, createSchema };
}
