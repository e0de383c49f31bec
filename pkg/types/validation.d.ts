import type { Locale } from './errors.js';

/**
 * The requests `validate` knows, one per gateway endpoint that takes parameters:
 * `createPayin` (`/api/global/v1/pay/create-order`), `fetchPayin` (`/api/global/v1/pay/query-order`),
 * `createPayout` (`/api/global/payout/create-order`), `createPayoutBatch`
 * (`/api/global/payout/batch/create-order`), `fetchPayout` (`/api/global/payout/query`) and
 * `payoutBanks` (`/api/global/payout/bank`).
 */
export type RequestKind = 'createPayin' | 'fetchPayin' | 'createPayout' | 'createPayoutBatch' | 'fetchPayout' | 'payoutBanks';

/**
 * The stable machine code of an issue. `out_of_range` (a number outside `params.min`..`params.max`) and
 * `too_many_issues` (a report lists at most 10,000 issues, then this one at `[]` with `params.max`) are
 * this library's additions to the issue's vocabulary; the README has the table.
 */
export type IssueCode =
  | 'required'
  | 'type'
  | 'format'
  | 'too_long'
  | 'enum'
  | 'amount_not_string'
  | 'amount_format'
  | 'amount_precision'
  | 'currency_format'
  | 'currency_unknown'
  | 'url'
  | 'one_of_required'
  | 'sum_mismatch'
  | 'duplicate'
  | 'checksum'
  | 'expired'
  | 'time_range'
  | 'unsupported_combination'
  | 'unknown_field'
  | 'out_of_range'
  | 'too_many_issues';

/** One problem found in the parameters. */
export interface ValidationIssue {
  /** Where: keys and array indexes from the request's root (`['payout_order_details', 3, 'amount']`); `[]` for the whole request. */
  path: (string | number)[];
  /** What, as a stable machine code (for programs and your own translations). */
  code: IssueCode;
  /** `error`: the gateway rejects the request. `warning`: it only looks wrong (unknown field or currency, ...). */
  severity: 'error' | 'warning';
  /** One sentence naming the field and the rule, in the requested locale. Never a secret, a card number or a CVV. */
  message: string;
  /**
   * What the message was built from, when anything: `max`, `length`, `min`, `allowed`, `expected`, `actual`,
   * `currency`, `digits`, `fields`, `first`, ... The lists `allowed` and `fields` are text, as the
   * message shows them (`"request_id, pay_order_id"`): `split(', ')` for an array.
   */
  params?: Record<string, string | number>;
  /** The business code the gateway would answer with, when known (11, 30000, 30001, 30002, 30004, 30005, 30007, 30009). */
  gatewayCode?: number;
}

/** The outcome of {@link validate}. */
export interface ValidationResult {
  /** `true` when no issue has severity `error` (warnings do not make a request invalid). */
  valid: boolean;
  /** Every issue found, at once. */
  issues: ValidationIssue[];
}

/** Options of {@link validate} and {@link validateField}. */
export interface ValidateOptions {
  /** The language of messages (see {@link Locale}): `'en'` (default) or `'zh-CN'`, `navigator.language` as it is. */
  locale?: Locale;
  /** The current time, for card expiry and dates of birth: milliseconds since the epoch or a `Date`. Defaults to `Date.now()`. */
  now?: number | Date;
}

/**
 * Validates the parameters of a request against the gateway's rules (spec sections 2 and 4) and reports
 * every issue at once. `params` is what you would send: amounts must be strings (`"100.50"`); a JS number
 * where an amount belongs is the issue `amount_not_string`. Params that are not an object give one
 * `type` issue at `[]`.
 *
 * @throws {TypeError} for an unknown `kind` or bad options (a key other than `locale` and `now` included).
 * @throws {Error} when `JSON.stringify` cannot serialise `params` (a `BigInt`, a cycle), or writes more
 *   than 8 Mi characters (the limit on any input).
 */
export function validate(kind: RequestKind, params: unknown, options?: ValidateOptions): ValidationResult;

/**
 * {@link validate} for params given as the JSON text that will be sent, read as the gateway reads it:
 * each number by its own text, which `JSON.parse` loses (`"expired_time": 1e400` is not a whole number
 * the gateway takes, `"pay_access_type": 1.0` is not `1`). Text that is not strict JSON is one `format`
 * issue at `[]` saying where (`params could not be read as strict JSON: check the text at byte 14`).
 *
 * @throws {TypeError} for an unknown `kind`, bad options, or a `text` that is not a string.
 * @throws {Error} for a `text` of more than 8 Mi characters, or one holding an unpaired UTF-16 surrogate.
 */
export function validateJson(kind: RequestKind, text: string, options?: ValidateOptions): ValidationResult;

/**
 * Validates one field as the user types: `value` is placed at `path` inside `context` (the rest of the
 * form, default `{}`), and the result holds exactly the issues {@link validate} reports at `path` or
 * below it, and the one `format` issue at `[]` it reports for params it cannot read at all (a lone
 * UTF-16 surrogate, as an emoji cut in half leaves, or a value nested deeper than 128 levels), which
 * the field may cause. `value` `undefined` means the field is empty. A `path` of 128 steps or more puts
 * the value deeper than params may nest and has no issues; so has an index past 100,000 that the form's
 * list does not already reach (a typo must not make a list that long). A string `path` is dotted, with indexes as
 * steps or in brackets: `'payout_order_details.0.amount'` or `'payout_order_details[0].amount'`.
 *
 * Rules that tie fields together are reported at one of them: `sum_mismatch` at `total_amount`, a
 * `duplicate` `mch_order_id` at the later detail, `one_of_required` at the first field, a time range at
 * `end_time`. An edit to one field can add or clear an issue at another, so refresh the whole form with
 * {@link validate} (microseconds) when a field changes, and use this to show the field being typed.
 *
 * @throws {TypeError} for an unknown `kind`, a `path` that is not an array of keys and indexes (or a
 *   dotted string), a `context` that is not an object, or bad options.
 * @throws {Error} when `JSON.stringify` cannot serialise `context` or `value` (a `BigInt`, a cycle).
 */
export function validateField(
  kind: RequestKind,
  path: string | readonly (string | number)[],
  value: unknown,
  context?: object,
  options?: ValidateOptions,
): ValidationResult;

/** The Standard Schema v1 interface (https://standardschema.dev), as form and server libraries consume it. */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  readonly '~standard': {
    /** Always 1. */
    readonly version: 1;
    /** Always `'lesspay2'`. */
    readonly vendor: string;
    /**
     * Validates synchronously: `{ value }` when no issue is an error (the input, unchanged), otherwise
     * `{ issues }` with the error-severity issues' `message` and `path`.
     */
    readonly validate: (value: unknown) => StandardSchemaV1.Result<Output>;
    /** Type-only: the input and output types. */
    readonly types?: { readonly input: Input; readonly output: Output } | undefined;
  };
}

export declare namespace StandardSchemaV1 {
  /** `{ value }` on success, `{ issues }` on failure. */
  type Result<Output> = { readonly value: Output; readonly issues?: undefined } | { readonly issues: ReadonlyArray<Issue> };
  /** One failure: the message and where. */
  interface Issue {
    readonly message: string;
    readonly path?: ReadonlyArray<PropertyKey | { readonly key: PropertyKey }> | undefined;
  }
}

/**
 * Standard Schema v1 objects, one per request kind, with English messages: pass `schemas.createPayin`
 * wherever a form or server library takes a zod or valibot schema.
 */
export const schemas: { readonly [K in RequestKind]: StandardSchemaV1<Record<string, unknown>> };

/**
 * A Standard Schema v1 object for `kind` with other options, e.g. `createSchema('createPayin', { locale: 'zh-CN' })`.
 *
 * @throws {TypeError} for an unknown `kind` or bad options (a key other than `locale` and `now` included).
 */
export function createSchema(kind: RequestKind, options?: ValidateOptions): StandardSchemaV1<Record<string, unknown>>;
