import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { captureSpan, firstPrintedFromHead, latestByWalking, latestFromTail } from '../../electron/cli/captureSpan';
import { captureCensus } from '../../electron/engine/capture/captureCensus';
import { referenceSkip, capturesDir } from '../support/reference';

test('the span a window is measured against is the printed span info shows, read cheaply from head and tail, on every real capture', { skip: referenceSkip(false) }, async () => {
  let fromTail = 0;
  let originDiffersFromFirstTimed = 0;
  for (const name of readdirSync(capturesDir).filter((n) => n.endsWith('.scap')).sort()) {
    const path = join(capturesDir, name);
    const census = await captureCensus(path);
    const full = await latestByWalking(path);
    const tail = latestFromTail(path);
    if (tail !== null) {
      assert.equal(tail, full, name);
      fromTail++;
    }
    assert.equal(await firstPrintedFromHead(path), census.printedFirstTs, name);
    const span = await captureSpan(path);
    if (census.printedFirstTs === null) { assert.equal(span, null, name); continue; }
    assert.deepEqual(span, { first: census.printedFirstTs, last: census.printedLastTs }, name);
    if (census.firstTs !== census.printedFirstTs) originDiffersFromFirstTimed++;
  }
  // The plain (not gzip) captures are read from their tail: 20 of the 31 today.
  assert.ok(fromTail >= 15, `captures read from the tail: ${fromTail}`);
  // The test can tell the two origins apart: some captures begin with a timed event sysdig does not print.
  assert.ok(originDiffersFromFirstTimed >= 1, `captures whose first timed event is not printed: ${originDiffersFromFirstTimed}`);
});
