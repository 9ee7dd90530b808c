/**
 * Closing a capture right after its index is ready still leaves the index in the cache: the
 * worker stores a fresh index after telling the app it is ready, and finishes that store
 * before it ends. On a real capture grown to 40 MB (its index takes tens of ms to write).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { captureFiles, referenceSkip } from '../support/reference';
import { makeLargeCapture } from '../bench/largeCapture';
import { EngineHost } from '../../electron/engine/api/engineHost';

const skip = referenceSkip(false);

test('a capture closed as soon as its index is ready leaves the whole index in the cache, and the next open loads it', { skip }, async () => {
  const source = captureFiles().find((f) => f.endsWith('inspect_502Error.scap'));
  assert.ok(source, 'inspect_502Error.scap is among the captures');
  const dir = mkdtempSync(join(tmpdir(), 'syscope-close-'));
  const path = join(dir, 'grown.scap');
  await makeLargeCapture(source, path, 40_000_000);
  const cacheDir = join(dir, 'cache');
  const host = new EngineHost({ cacheDir });
  try {
    const first = await host.openCapture({ path });
    const info = await host.captureInfo(first);
    await host.closeCapture(first);
    assert.ok(readdirSync(cacheDir).some((n) => n.endsWith('.idx')), 'index stored before the worker ended');
    assert.ok(!readdirSync(cacheDir).some((n) => n.endsWith('.tmp')), 'no half-written file left');
    const progress: number[] = [];
    host.onEvent((e) => { if (!e.data.done) progress.push(e.data.eventsPerSecond); });
    const again = await host.openCapture({ path });
    assert.equal((await host.captureInfo(again)).events, info.events);
    // A build reports its rate as it reads; a load from the cache reports once, with no rate.
    assert.deepEqual(progress, [0], 'loaded from the cache');
  } finally {
    await host.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
