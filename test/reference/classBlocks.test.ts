/**
 * Class blocks (index/classBlocks.ts) must give exactly what a pass over the rows gives: for
 * many windows over real captures, with blocks of 64 rows (so that windows start and end
 * inside blocks, and threads are first seen in the middle of the window), the counts, first
 * and last rows, latency sums and CPU sums per class are compared with the row pass's.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { capturesDir, referenceSkip } from '../support/reference';
import { CaptureSession } from '../../electron/engine/api/captureSession';
import { engineResolver } from '../../electron/engine/api/engineResolver';
import { computeClassBlocks } from '../../electron/engine/index/classBlocks';
import { classTicks } from '../../electron/engine/index/classTicks';
import { windowRows } from '../../electron/engine/index/windowRows';
import { countClasses, sumCpu, sumLatency } from '../../electron/engine/views/classTally';
import { blockCover, cpuByBlocks } from '../../electron/engine/views/blockTally';
import type { CaptureIndex } from '../../electron/engine/index/eventIndex';

const CAPTURES = ['inspect_502Error.scap', 'sysflow_mpm-event_full_capture.scap', 'falco_psp_run_as_user_0_container.scap'];
const skip = referenceSkip(false);

/** Everything the passes give for a window and a filter on the class, as comparable arrays. */
function passes(index: CaptureIndex, window: { from: number; to: number } | undefined, byClass?: (row: number) => boolean) {
  const w = windowRows(index, window);
  const counts = countClasses(index, w, { byClass });
  const ticks = classTicks(index)!;
  const shown = Uint8Array.from(counts.accepted, (a, k) => (a === 1 && ticks.usr[k] === ticks.usr[k] ? 1 : 0));
  const cpu = sumCpu(index, w, undefined, ticks, shown);
  const live = (a: ArrayLike<number>) => Array.from(counts.order, (k) => a[k]);
  return {
    order: [...counts.order], count: live(counts.count), first: live(counts.first), last: live(counts.last),
    latency: live(sumLatency(index, w, undefined, counts)), tot: live(cpu.tot), usr: live(cpu.usr), sys: live(cpu.sys),
  };
}

for (const name of CAPTURES) {
  test(`class blocks give the row pass's counts, latencies and CPU for every window: ${name}`, { skip }, async () => {
    const session = await CaptureSession.open(join(capturesDir, name), { resolver: engineResolver(), cache: null });
    const index = session.index as CaptureIndex & { blocks?: unknown };
    assert.ok(index.classes && classTicks(index), `${name}: classes with procinfo ticks`);
    const blocks = computeClassBlocks(index, 64);
    assert.ok(blocks?.cpu, `${name}: blocks with CPU figures`);
    const span = index.toRelative(BigInt(index.meta.lastTs)) - index.toRelative(BigInt(index.meta.firstTs));
    const start = index.toRelative(BigInt(index.meta.firstTs));
    const windows: Array<{ from: number; to: number } | undefined> = [undefined];
    for (let i = 0; i < 12; i++) windows.push({ from: start + (span * i) / 13, to: start + (span * (i + 2)) / 13 });
    const ids = index.classes.ids;
    const filters: Array<((row: number) => boolean) | undefined> = [undefined, (row) => ids[row] % 3 !== 0];
    let compared = 0;
    for (const window of windows) {
      for (const byClass of filters) {
        index.blocks = undefined;
        const byRows = passes(index, window, byClass);
        index.blocks = blocks;
        const byBlocks = passes(index, window, byClass);
        assert.deepEqual(byBlocks, byRows, `${name}: window ${JSON.stringify(window)}${byClass ? ', filtered' : ''}`);
        compared += byRows.order.length;
      }
    }
    assert.ok(compared > 0);
    // The comparison meant something: over the whole capture, unfiltered, the blocks answer.
    index.blocks = blocks;
    const cover = blockCover(index, windowRows(index, undefined));
    assert.ok(cover, `${name}: the whole capture is covered by blocks`);
    const ticks = classTicks(index)!;
    assert.ok(cpuByBlocks(index, cover, ticks, Uint8Array.from(ticks.usr, (u) => (u === u ? 1 : 0))), `${name}: CPU from blocks`);
  });
}
