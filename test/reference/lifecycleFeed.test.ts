/**
 * The whole process tree fed by the background pass that lays the checkpoints
 * (evidence/lifecycleFeed.ts) equals the tree's own pass (lifecycleScan.ts) on every real
 * capture: when the pass runs through, when requests make it step aside and resume, and when a
 * request lays checkpoints beyond it (the pass then resumes from a checkpoint before the last
 * event fed).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { captureFiles, referenceSkip } from '../support/reference';
import { EvidenceService } from '../../electron/engine/evidence/evidenceService';

const skip = referenceSkip(false);
const captureId = 'x';

/** Small reads, so that the background pass yields between chunks and requests interleave with it. */
const options = { checkpointEvery: 2000, chunkBytes: 16 * 1024 };

/** Waits until the background pass has laid `n` checkpoints (it is then mid-capture). */
async function laid(svc: EvidenceService, n: number): Promise<void> {
  while (svc.checkpointStats().count < n && !svc.checkpointStats().ready) await new Promise((r) => setImmediate(r));
}

test('the process tree fed by the checkpoints pass equals its own pass, through interruptions, on every capture', { skip }, async () => {
  let fed = 0; let resumed = 0; let files = 0;
  let interrupted = 0; let resumedAndFed = 0; let overtakenAndFed = 0;
  const largest = new Set(captureFiles().sort((a, b) => statSync(b).size - statSync(a).size).slice(0, 6));
  for (const file of captureFiles()) {
    const name = basename(file);
    const own = await new EvidenceService(file).tree({ captureId });
    files++;

    // Straight through.
    const straight = new EvidenceService(file, { checkpointEvery: 5000 });
    await straight.prepareCheckpoints();
    // A capture without a shown event leaves the feed nothing: the tree then has its own pass.
    if (straight.treeFromCheckpointPass) fed++;
    assert.deepEqual(await straight.tree({ captureId }), own, `${name}: straight through`);
    // The interrupted cases on the largest captures, whose passes last long enough to be interrupted.
    if (!largest.has(file)) continue;

    // Requests for early pages while the pass runs: it steps aside and resumes behind what it fed.
    interrupted++;
    const stepping = new EvidenceService(file, options);
    const preparing = stepping.prepareCheckpoints();
    for (let i = 0; i < 4; i++) {
      await laid(stepping, 1 + i);
      await stepping.events({ captureId, fromEvtNum: 1 + i * 50, limit: 20 });
    }
    await preparing;
    if (stepping.checkpointPassResumes > 0) resumed++;
    if (stepping.checkpointPassResumes > 0 && stepping.treeFromCheckpointPass) resumedAndFed++;
    assert.deepEqual(await stepping.tree({ captureId }), own, `${name}: with the pass stepping aside`);

    // A request reading to the end while the pass runs lays checkpoints beyond it.
    const overtaken = new EvidenceService(file, options);
    const racing = overtaken.prepareCheckpoints();
    await laid(overtaken, 1);
    let page = await overtaken.events({ captureId, limit: 5000 });
    while (page.next !== null) page = await overtaken.events({ captureId, fromEvtNum: page.next, limit: 5000 });
    await racing;
    if (overtaken.treeFromCheckpointPass && overtaken.checkpointPassResumes > 0) overtakenAndFed++;
    assert.deepEqual(await overtaken.tree({ captureId }), own, `${name}: overtaken by a request`);
  }
  console.log(`# ${files} captures: tree fed by the pass on ${fed}; of ${interrupted} interrupted, the pass resumed on ${resumed} (the feed carried on through ${resumedAndFed}); overtaken by a request and still fed: ${overtakenAndFed}`);
  assert.ok(fed >= files - 2, `the tree came from the checkpoints pass on only ${fed} of ${files} captures`);
  assert.ok(resumedAndFed >= interrupted / 2, `the feed carried on through a resumed pass on only ${resumedAndFed} captures: that case went untested`);
  assert.ok(overtakenAndFed >= interrupted / 2, `overtaken and still fed on only ${overtakenAndFed} captures: that case went untested`);
});
