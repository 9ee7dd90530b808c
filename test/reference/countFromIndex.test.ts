/**
 * Counting from the index (index/countFromIndex.ts) gives the count of a pass over the capture
 * with the compiled filter, the pass `syscope count --no-cache` makes, on every real capture and
 * a range of filters. Filters on fields the index does not record are left to the pass.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { basename } from 'node:path';
import { captureFiles, referenceSkip } from '../support/reference';
import { CaptureSession } from '../../electron/engine/api/captureSession';
import { engineResolver } from '../../electron/engine/api/engineResolver';
import { countFromIndex } from '../../electron/engine/index/countFromIndex';
import { readCapture } from '../../electron/engine/capture';
import { compileFilter } from '../../electron/engine/filter/compile';
import { fieldResolver } from '../../electron/engine/fields/registry';
import { Inspector } from '../../electron/engine/inspector/inspector';

const skip = referenceSkip(false);

const DECIDED = [
  '', 'evt.type=read', 'evt.dir=< and evt.failed=true', 'proc.name=nginx or proc.name contains sh',
  'fd.type in (ipv4, ipv6) and fd.port=53', 'fd.name contains /etc/', 'container.id!=host', 'not evt.type in (read, write, procinfo)',
  'evt.buflen > 100', 'user.name=root and proc.pid > 1000', 'fd.typechar=f and evt.is_io_write=true',
];
/** Not recorded in the index: the count must come from a pass. */
const UNDECIDED = 'evt.arg.fd=3';

async function countByPass(file: string, filter: string): Promise<number> {
  const compiled = filter ? compileFilter(filter, fieldResolver) : undefined;
  if (compiled && !compiled.ok) throw new Error(compiled.error.message);
  const pred = compiled?.ok ? compiled.predicate : undefined;
  let n = 0;
  await readCapture(file, new Inspector((ctx) => { if (!pred || pred(ctx)) n++; }), { layout: 'file' });
  return n;
}

test('counts from the index equal counts from a pass over the capture, on every real capture', { skip }, async () => {
  let nonZero = 0;
  for (const file of captureFiles()) {
    const name = basename(file);
    let session: CaptureSession;
    try {
      session = await CaptureSession.open(file, { resolver: engineResolver(), cache: null });
    } catch {
      continue; // captures the engine refuses are covered by the reader's tests
    }
    for (const filter of DECIDED) {
      const fromIndex = countFromIndex(session.index, filter);
      assert.notEqual(fromIndex, undefined, `${name}: the index decides '${filter}'`);
      assert.equal(fromIndex, await countByPass(file, filter), `${name}: '${filter}'`);
      if (fromIndex! > 0 && filter !== '') nonZero++;
    }
    assert.equal(countFromIndex(session.index, UNDECIDED), undefined, `${name}: '${UNDECIDED}' is left to a pass`);
  }
  assert.ok(nonZero > 100, `the filters match something on most captures (${nonZero} non-zero counts)`);
});
