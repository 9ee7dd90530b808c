import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { writeCrashLoopSample } from '../engine/sample/crashloop';
import { captureSpan } from './captureSpan';

test('a gzip capture has the plain capture\'s span, not a damaged-stream error (QA 18: the head walk stopped by throwing)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'syscope-span-'));
  try {
    const plain = join(dir, 'sample.scap');
    await writeCrashLoopSample(plain);
    const gz = join(dir, 'sample.scap.gz');
    writeFileSync(gz, gzipSync(readFileSync(plain)));
    const span = await captureSpan(plain);
    assert.ok(span && span.first > 0n && span.last > span.first);
    assert.deepEqual(await captureSpan(gz), span);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
