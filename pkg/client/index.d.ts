// lesspay2/client: validation and error decoding for pages (the same functions and types as in
// `lesspay2`), in a smaller module with nothing that takes a secret.
export * from '../types/init.js';
// `export *` skips default exports: the entries' `export default init` needs its own line.
export { default } from '../types/init.js';
export * from '../types/webhook.js';
export * from '../types/errors.js';
export * from '../types/validation.js';
