// lesspay2/edge: signing and webhook verification for edge workers and servers (the same functions and
// types as in `lesspay2`), in a smaller module without validation and error decoding.
export * from '../types/init.js';
// `export *` skips default exports: the entries' `export default init` needs its own line.
export { default } from '../types/init.js';
export * from '../types/signature.js';
export * from '../types/standard-webhooks.js';
export * from '../types/runtime.js';
export * from '../types/webhook.js';
