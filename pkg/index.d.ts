// lesspay2: the public JavaScript API. One file per concern under ./types/.
export * from './types/init.js';
// `export *` skips default exports: the entries' `export default init` needs its own line.
export { default } from './types/init.js';
export * from './types/signature.js';
export * from './types/standard-webhooks.js';
export * from './types/runtime.js';
export * from './types/webhook.js';
export * from './types/errors.js';
export * from './types/validation.js';
