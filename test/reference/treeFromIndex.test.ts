/**
 * A filtered process tree cut from the whole one by the pids the capture index names
 * (api/indexPids.ts) is the tree the filtered pass over the capture builds
 * (evidence/lifecycleScan.ts), on every real capture and for filters the row classes decide,
 * filters asked per row (latency), internal events the tree's pass never shows (procinfo), a
 * view-table field (thread.vmsize.b) and filters matching nothing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { basename } from 'node:path';
import { captureFiles, referenceSkip } from '../support/reference';
import { CaptureSession } from '../../electron/engine/api/captureSession';
import { engineResolver } from '../../electron/engine/api/engineResolver';
import { indexPids } from '../../electron/engine/api/indexPids';
import { EvidenceService } from '../../electron/engine/evidence/evidenceService';

const skip = referenceSkip(false);

const FILTERS = [
  'proc.name=nginx', 'container.id!=host', 'evt.type=open', 'fd.type=ipv4 or fd.type=ipv6', 'proc.name in (bash, sh)',
  'evt.type=procinfo', 'evt.type=procinfo or evt.type=execve', 'user.name=root and evt.dir=<', 'evt.latency>1000000',
  'evt.type=clone and evt.latency>0', 'proc.name=no-such-process',
  // A field of csysdig's view tables, taken as the views take it on both sides.
  'thread.vmsize.b>0',
];

test('a filtered process tree cut from the whole tree by the index equals the filtered pass, on every capture', { skip }, async () => {
  let compared = 0; let fromIndex = 0; let nonEmpty = 0;
  for (const file of captureFiles()) {
    const session = await CaptureSession.open(file, { resolver: engineResolver(), cache: null });
    const pids = indexPids(session.index);
    const cut = new EvidenceService(session.readPath, { pidsMatching: pids });
    const scanned = new EvidenceService(session.readPath);
    for (const filter of FILTERS) {
      if (await pids(filter)) fromIndex++;
      const theirs = await scanned.tree({ captureId: 'x', filter });
      const ours = await cut.tree({ captureId: 'x', filter });
      assert.deepEqual(ours, theirs, `${basename(file)} [${filter}]`);
      compared++;
      if (theirs.processes.length > 0) nonEmpty++;
    }
  }
  console.log(`# ${compared} filtered trees equal, ${fromIndex} cut by the index's pids, ${nonEmpty} not empty`);
  assert.ok(fromIndex >= compared * 0.9, `only ${fromIndex}/${compared} answered by the index`);
  assert.ok(nonEmpty >= compared / 3, `only ${nonEmpty}/${compared} trees had processes`);
});
