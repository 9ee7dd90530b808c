import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { captureSpan, latestEventByFullWalk, latestFromTail } from '../../electron/cli/captureSpan';
import { firstEventTimestamp } from '../../electron/engine/writer/blockStream';
import { referenceSkip, capturesDir } from '../support/reference';

test('the latest event read backwards from the tail equals a full walk, on every real capture', { skip: referenceSkip(false) }, async () => {
  let fromTail = 0;
  for (const name of readdirSync(capturesDir).filter((n) => n.endsWith('.scap')).sort()) {
    const path = join(capturesDir, name);
    const full = await latestEventByFullWalk(path);
    const tail = latestFromTail(path);
    if (tail !== null) {
      assert.equal(tail, full, name);
      fromTail++;
    }
    const first = await firstEventTimestamp(path);
    const span = await captureSpan(path);
    if (first === null) { assert.equal(span, null, name); continue; }
    assert.deepEqual(span, { first, last: full < first ? first : full }, name);
  }
  // The plain (not gzip) captures are read from their tail: 20 of the 31 today.
  assert.ok(fromTail >= 15, `captures read from the tail: ${fromTail}`);
});
