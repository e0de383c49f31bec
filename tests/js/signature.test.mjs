// The signature API through the package's Node ESM entry (pkg/node.mjs, built by `make pkg`).
import test from 'node:test';
import assert from 'node:assert/strict';
import * as api from '../../pkg/node.mjs';
import suite from './signature-suite.cjs';

suite.register({ api, label: 'node.mjs', test, assert });
