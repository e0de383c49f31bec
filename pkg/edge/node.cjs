'use strict';
// `lesspay2/edge` in Node, CommonJS: ready to use synchronously on require.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const glue = require('./glue/web.cjs');
const { edgeHelpers, nodeWasmBytes, resilient } = require('../glue/extras.cjs');

glue.initSync({ module: nodeWasmBytes(readFileSync, 'lesspay2/edge/lesspay2_bg.wasm', () => join(__dirname, 'lesspay2_bg.wasm')) });

const api = resilient(glue);
/** Already initialised on require; kept so that code shared with browsers can always `await init()`. */
async function init() {}
module.exports = { ...api, ...edgeHelpers(api), initSync: glue.initSync, init, default: init };
