'use strict';
// The signature API through the package's Node CommonJS entry (pkg/node.cjs, built by `make pkg`).
const test = require('node:test');
const assert = require('node:assert/strict');
const api = require('../../pkg/node.cjs');
const { register } = require('./signature-suite.cjs');

register({ api, label: 'node.cjs', test, assert });
