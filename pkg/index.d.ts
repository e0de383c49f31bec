// lesspay2: the public JavaScript API. One file per concern under ./types/.
export * from './types/init.js';
export * from './types/signature.js';
export * from './types/validation.js';
