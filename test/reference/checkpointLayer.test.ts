/**
 * The checkpoint layer (worker/checkpointLayer.ts) lays the events' checkpoints and the whole
 * tree in a second worker thread; the index worker adopts them. On every real capture: every
 * checkpoint arrives thawable (portable), as many as the service's own pass lays, the tree is
 * the tree's own pass, and pages resumed from the adopted checkpoints (events far into the
 * capture, by number and by time, and streams) are the pages a pass from the start gives.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { basename } from 'node:path';
import { captureFiles, referenceSkip } from '../support/reference';
import { EvidenceService } from '../../electron/engine/evidence/evidenceService';
import { CheckpointLayer } from '../../electron/engine/worker/checkpointLayer';
import { indexWorkerEntry } from '../../electron/engine/api/engineHost';

const skip = referenceSkip(false);
const captureId = 'x';
const EVERY = 500;

test('checkpoints laid in another worker thaw here and give the pages and the tree a pass from the start gives, on every capture', { skip }, async () => {
  let adoptedTotal = 0; let farPages = 0; let treesFromLayer = 0;
  for (const file of captureFiles()) {
    const name = basename(file);
    const own = new EvidenceService(file, { checkpointEvery: EVERY });
    await own.prepareCheckpoints();

    const layer = new CheckpointLayer(indexWorkerEntry(), file, { checkpointEvery: EVERY });
    const layered = new EvidenceService(file, { checkpointEvery: EVERY });
    let adopted = 0;
    layer.attach({ adoptCheckpoint: (cp) => { assert.ok(cp.walk.state.portable, `${name}: checkpoint ${cp.evtNum} is portable`); adopted++; layered.adoptCheckpoint(cp); } });
    layered.layerCheckpoints(layer.done);
    await layered.prepareCheckpoints();
    assert.equal(adopted, own.checkpointStats().count, `${name}: every checkpoint handed over`);
    // The same checkpoints. Their compressed sizes differ by up to a few per cent from thread to
    // thread (the serialized bytes are not identical); the pages below show the state is.
    const [l, o] = [layered.checkpointStats(), own.checkpointStats()];
    assert.deepEqual({ ...l, bytes: 0 }, { ...o, bytes: 0, laidBy: 'layer' }, `${name}: the same checkpoints`);
    adoptedTotal += adopted;

    const tree = await layered.tree({ captureId });
    if (layered.treeFromCheckpointPass) treesFromLayer++;
    assert.deepEqual(tree, await new EvidenceService(file).tree({ captureId }), `${name}: the layer's tree is the tree's own pass`);

    const all = await new EvidenceService(file).events({ captureId, limit: 1_000_000, fields: ['evt.num', 'evt.time', 'proc.name', 'fd.name', 'evt.info'] });
    const n = all.events.length;
    for (const at of [Math.floor(n / 2), Math.floor(n * 0.9)]) {
      if (at < EVERY) continue;
      const from = all.events[at];
      const page = await layered.events({ captureId, limit: 20, fromEvtNum: from.evtNum, fields: ['evt.num', 'evt.time', 'proc.name', 'fd.name', 'evt.info'] });
      assert.deepEqual(page.events, all.events.slice(at, at + 20), `${name}: events page at ${from.evtNum}`);
      farPages++;
    }
    if (n > EVERY * 2) {
      const streamsFrom = all.events[Math.floor(n / 2)].evtNum;
      const layeredStreams = await layered.streams({ captureId, limit: 20, fromEvtNum: streamsFrom });
      const plainStreams = await new EvidenceService(file).streams({ captureId, limit: 20, fromEvtNum: streamsFrom });
      assert.deepEqual(layeredStreams, plainStreams, `${name}: streams page at ${streamsFrom}`);
    }
  }
  assert.ok(adoptedTotal > 100, `checkpoints handed over: ${adoptedTotal}`);
  assert.ok(farPages >= 10, `pages resumed from adopted checkpoints: ${farPages}`);
  assert.ok(treesFromLayer >= 25, `trees from the layer: ${treesFromLayer}`);
});
