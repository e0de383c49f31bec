'use strict';
// `lesspay2/client` in Node, CommonJS: ready to use synchronously on require.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const glue = require('./glue/web.cjs');
const { clientHelpers, nodeWasmBytes, resilient } = require('../glue/extras.cjs');

glue.initSync({ module: nodeWasmBytes(readFileSync, 'lesspay2/client/lesspay2_bg.wasm', () => join(__dirname, 'lesspay2_bg.wasm')) });

const api = resilient(glue);
/** Already initialised on require; kept so that code shared with browsers can always `await init()`. */
async function init() {}
module.exports = { ...api, ...clientHelpers(api), initSync: glue.initSync, init, default: init };
