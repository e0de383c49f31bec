'use strict';
// Node, CommonJS: ready to use synchronously on require (the .wasm is read from disk next to this file).
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const glue = require('./glue/web.cjs');
const { extend, nodeWasmBytes, resilient } = require('./glue/extras.cjs');

glue.initSync({ module: nodeWasmBytes(readFileSync, 'lesspay2/lesspay2_bg.wasm', () => join(__dirname, 'lesspay2_bg.wasm')) });

const api = resilient(glue);
/** Already initialised on require; kept so that code shared with browsers can always `await init()`. */
async function init() {}
module.exports = { ...api, ...extend(api), initSync: glue.initSync, init, default: init };
