/**
 * What the Containers view's PROCS and THREADS and the Running Containers tile count, checked
 * against the drill-downs an engineer would make (QA: "PROCS 8, but drilling in shows 1
 * process"). PROCS and THREADS count from the driver's CPU samples (procinfo events) as csysdig
 * does: a container's threads with samples, and of those the processes' main threads. The
 * Threads view, filtered on those samples, lists the same threads by another road (no merge).
 * The tile counts every container the capture knows of, from its metadata too, so it is never
 * below the view's rows and can be above them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { basename } from 'node:path';
import { captureFiles, referenceSkip } from '../support/reference';
import { CaptureSession } from '../../electron/engine/api/captureSession';
import { engineResolver } from '../../electron/engine/api/engineResolver';
import type { TableWindow } from '../../shared/ipc/contract';

const skip = referenceSkip(false);

async function open(file: string): Promise<CaptureSession | undefined> {
  try {
    return await CaptureSession.open(file, { resolver: engineResolver(), cache: null });
  } catch {
    return undefined; // captures the engine refuses are covered by the reader's tests
  }
}

test('PROCS and THREADS count the container\'s sampled main threads and threads, as the Threads view lists them', { skip }, async () => {
  let containers = 0;
  for (const file of captureFiles()) {
    const session = await open(file);
    if (!session) continue;
    const view = await session.view({ viewId: 'containers', offset: 0, limit: 1_000_000 });
    const procs = view.columns.findIndex((c) => c.name === 'PROCS');
    const threads = view.columns.findIndex((c) => c.name === 'THREADS');
    for (let i = 0; i < view.rows.length; i++) {
      const sampled: TableWindow = await session.view({ viewId: 'threads', offset: 0, limit: 1_000_000, filter: `container.id=${view.keys[i]} and evt.type=procinfo` });
      const pid = sampled.columns.findIndex((c) => c.name === 'PID');
      const tid = sampled.columns.findIndex((c) => c.name === 'TID');
      const mains = sampled.rows.filter((r) => r[pid] === r[tid]).length;
      const where = `${basename(file)} container ${view.keys[i]}`;
      assert.equal(view.rows[i][threads], sampled.rows.length, `${where}: THREADS`);
      assert.equal(view.rows[i][procs], mains, `${where}: PROCS`);
      containers++;
    }
  }
  assert.ok(containers > 50, `enough containers compared (${containers})`);
});

test('Running Containers counts every container the Containers view lists, and those known from metadata only', { skip }, async () => {
  let above = 0;
  for (const file of captureFiles()) {
    const session = await open(file);
    if (!session) continue;
    const tile = (await session.tiles({ samples: 10 })).find((t) => t.id === 'containers');
    const view = await session.view({ viewId: 'containers', offset: 0, limit: 1_000_000 });
    if (!tile) { assert.equal(view.rows.length, 0, basename(file)); continue; }
    assert.ok(tile.total >= view.rows.length, `${basename(file)}: tile ${tile.total}, view ${view.rows.length}`);
    if (basename(file) === 'inspect_502Error.scap') assert.ok(tile.total > view.rows.length, 'inspect_502Error.scap knows containers without processes');
    if (tile.total > view.rows.length) above++;
  }
  assert.ok(above > 0, 'some capture knows containers without processes');
});
