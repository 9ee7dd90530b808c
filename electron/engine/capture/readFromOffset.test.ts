import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeCrashLoopSample } from '../sample/crashloop';
import { readCapture } from './readCapture';
import type { CaptureVisitor } from './types';

/** Every event read, as "offset type ts tid", and the headers seen. */
async function eventsOf(path: string, startOffset?: number): Promise<{ events: string[]; headers: number; end: number }> {
  const events: string[] = [];
  let headers = 0;
  const v: CaptureVisitor = {
    onEvent: (e) => { events.push(`${e.fileOffset} ${e.type} ${e.ts} ${e.tid}`); },
    onSection: () => { headers++; },
    onProcess: () => { headers++; },
  };
  const summary = await readCapture(path, v, { layout: 'file', startOffset, chunkBytes: 64 << 10 });
  return { events, headers, end: summary.bytes ?? 0 };
}

for (const gzip of [false, true]) {
  test(`a read resumed at a block offset visits exactly the blocks from there on (${gzip ? 'gzip' : 'plain'})`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'syscope-offset-'));
    try {
      const path = join(dir, gzip ? 's.scap.gz' : 's.scap');
      await writeCrashLoopSample(path, { gzip });
      const all = await eventsOf(path);
      assert.ok(all.events.length > 1000 && all.headers > 0);
      for (const k of [1, Math.floor(all.events.length / 3), all.events.length - 1]) {
        const offset = Number(all.events[k].split(' ')[0]);
        const tail = await eventsOf(path, offset);
        assert.equal(tail.headers, 0, 'the header blocks are not read again');
        assert.deepEqual(tail.events, all.events.slice(k));
        assert.equal(tail.end, all.end);
      }
      // Resuming at the very end reads nothing and is no error.
      const atEnd = await eventsOf(path, all.end);
      assert.deepEqual(atEnd.events, []);
      if (!gzip) assert.equal(all.end, statSync(path).size);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
