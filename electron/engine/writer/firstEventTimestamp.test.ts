import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { writeCrashLoopSample } from '../sample/crashloop';
import { firstEventTimestamp } from './blockStream';

test('the first event time of a gzip capture is the plain capture\'s, not a damaged-stream error', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'syscope-firstts-'));
  try {
    const plain = join(dir, 'sample.scap');
    await writeCrashLoopSample(plain);
    const gz = join(dir, 'sample.scap.gz');
    writeFileSync(gz, gzipSync(readFileSync(plain)));
    const first = await firstEventTimestamp(plain);
    assert.equal(typeof first, 'bigint');
    assert.ok(first! > 0n);
    assert.equal(await firstEventTimestamp(gz), first);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
