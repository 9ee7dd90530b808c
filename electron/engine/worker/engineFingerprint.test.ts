import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleFingerprint, engineFingerprint } from './engineFingerprint';

test('bundles share the fingerprint the build wrote beside them, and fall back to their own hash', () => {
  const dir = mkdtempSync(join(tmpdir(), 'syscope-fingerprint-'));
  writeFileSync(join(dir, 'cli.mjs'), 'one bundle');
  writeFileSync(join(dir, 'indexWorker.mjs'), 'another bundle');
  const own = bundleFingerprint(join(dir, 'cli.mjs'));
  assert.match(own, /^[0-9a-f]{32}$/);
  assert.notEqual(own, bundleFingerprint(join(dir, 'indexWorker.mjs')), 'without the written one, each bundle is its own');
  writeFileSync(join(dir, 'engine-fingerprint'), 'not a fingerprint\n');
  assert.equal(bundleFingerprint(join(dir, 'cli.mjs')), own, 'a malformed file is ignored');
  writeFileSync(join(dir, 'engine-fingerprint'), `${'ab'.repeat(16)}\n`);
  assert.equal(bundleFingerprint(join(dir, 'cli.mjs')), 'ab'.repeat(16));
  assert.equal(bundleFingerprint(join(dir, 'indexWorker.mjs')), 'ab'.repeat(16));
});

test('running from source, the fingerprint is the hash of the engine and shared sources', () => {
  assert.match(engineFingerprint() ?? '', /^[0-9a-f]{32}$/);
});

test('the build writes one fingerprint for its Node bundles', { skip: existsSync(fileURLToPath(new URL('../../../dist/cli.mjs', import.meta.url))) ? false : 'dist/ is not built' }, () => {
  const written = readFileSync(fileURLToPath(new URL('../../../dist/engine-fingerprint', import.meta.url)), 'utf8').trim();
  assert.match(written, /^[0-9a-f]{32}$/);
});
