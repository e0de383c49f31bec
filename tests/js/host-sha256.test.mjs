// In Node the modules hash long signed strings with node:crypto's `hash` (src/wasm/host_sha256.rs):
// found through `process.getBuiltinModule`, used only after it hashes "abc" right, and never trusted
// blindly: a call that throws or answers something else falls back to SHA-256 in wasm. Here the host
// is node:crypto itself behind a log of its calls that can be told to misbehave, installed before any
// module hashes (each test file runs in its own process, and each module instance looks the host up
// once).
// The other suites cover both paths against every vector: Node takes the host for long strings, the
// browser, workerd and short strings take the wasm one.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';

const realGetBuiltinModule = process.getBuiltinModule;
/**
 * What the host's `hash` does next: hash, throw, answer 8 hex digits, 64 characters that are not hex,
 * the digest as a Buffer instead of hex text, or a wrong digest.
 */
let mode = 'hash';
/**
 * The [algorithm, encoding] of every call, checked by the tests: an assertion thrown inside `hash`
 * would be caught by the module's fallback to wasm and never fail a test.
 */
let seen = [];
// The digest is asked for as hex text: a Buffer per call measured 0.6 µs more.
const SHA256_HEX = ['sha256', 'hex'];
const asked = (n) => Array.from({ length: n }, () => SHA256_HEX);
const host = {
  hash(algorithm, data, encoding) {
    seen.push([algorithm, encoding]);
    if (mode === 'throw') throw new Error('host hash failed');
    if (mode === 'short') return '0a1b2c3d';
    if (mode === 'not-hex') return 'g'.repeat(64);
    if (mode === 'buffer') return createHash('sha256').update(data).digest();
    if (mode === 'wrong') return '07'.repeat(32);
    return createHash(algorithm).update(data).digest(encoding);
  },
};
// Installed even where Node has no `getBuiltinModule` (before 20.16), so this suite runs everywhere.
process.getBuiltinModule = (id) => (id === 'node:crypto' ? host : realGetBuiltinModule?.(id));

// Two module instances, each looking the host up on its first long hash.
const full = await import('../../pkg/node.mjs');
const edge = await import('../../pkg/edge/node.mjs');

const vectors = JSON.parse(readFileSync(new URL('../vectors/signatures.json', import.meta.url), 'utf8')).vectors;
const byId = (id) => vectors.find((v) => v.id === id);
// pub-0008: a canonical string of 648 bytes (taken by the host); pub-0001: 62 bytes (hashed in wasm).
const long = byId('pub-0008');
const short = byId('pub-0001');
const sha256 = (text) => createHash('sha256').update(text, 'utf8').digest('hex').toUpperCase();

test('the vectors used are on either side of the size where the host pays', () => {
  assert.equal(long.canonical.length, 648);
  assert.equal(short.canonical.length, 62);
  assert.equal(sha256(long.signed_string), long.signature);
});

test('a long signed string is hashed by the host, after one self-test; a short one in wasm', () => {
  mode = 'hash';
  seen = [];
  assert.equal(full.sign(long.body, long.secret), long.signature);
  assert.deepEqual(seen, asked(2), 'the self-test on "abc", then the signed string');
  assert.equal(full.sign(long.body, long.secret), long.signature);
  assert.deepEqual(seen, asked(3));
  assert.equal(full.sign(short.body, short.secret), short.signature);
  assert.deepEqual(seen, asked(3), 'a short string does not reach the host');
});

test('verifyWebhook hashes once per secret through the host and reports the matching one', () => {
  mode = 'hash';
  seen = [];
  const r = full.verifyWebhook({
    body: long.body,
    headers: { 'x-auth-signature': long.signature },
    secret: ['another-secret-entirely', long.secret],
    kind: 'payout',
  });
  assert.equal(r.valid, true);
  assert.equal(r.secretIndex, 1);
  assert.deepEqual(seen, asked(2));
});

test('a host call that throws or answers anything but 64 hex digits falls back to SHA-256 in wasm', () => {
  for (const m of ['throw', 'short', 'not-hex', 'buffer']) {
    mode = m;
    seen = [];
    assert.equal(full.sign(long.body, long.secret), long.signature, m);
    const r = full.verifyWebhook({ body: long.body, headers: { 'x-auth-signature': long.signature }, secret: long.secret, kind: 'payout' });
    assert.equal(r.valid, true, m);
    assert.deepEqual(seen, asked(2), m);
  }
  mode = 'hash';
});

test('a digest from a host that passed its self-test is used as it is', () => {
  // What the self-test is for: a host that answers wrongly from the start is never used (below).
  mode = 'wrong';
  seen = [];
  assert.equal(full.sign(long.body, long.secret), '07'.repeat(32));
  assert.deepEqual(seen, asked(1));
  mode = 'hash';
});

test('a host that fails its self-test is never used by that module instance', () => {
  // `lesspay2/edge` is a separate instance that has not looked the host up yet.
  mode = 'wrong';
  seen = [];
  assert.equal(edge.sign(long.body, long.secret), long.signature);
  assert.deepEqual(seen, asked(1), 'only the self-test');
  mode = 'hash';
  assert.equal(edge.sign(long.body, long.secret), long.signature);
  assert.deepEqual(seen, asked(1), 'the answer is kept for the instance');
});
