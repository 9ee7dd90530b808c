import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeCrashLoopSample } from '../sample/crashloop';
import { CaptureSession } from './captureSession';
import { engineResolver } from './engineResolver';

test("the tiles reply says whether the Processes view has the pid −1 row Running Processes leaves out, under the same filter and window (the Overview asked the view itself)", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'syscope-pidminusone-'));
  try {
    const path = join(dir, 'sample.scap');
    await writeCrashLoopSample(path);
    const session = await CaptureSession.open(path, { resolver: engineResolver(), cache: null });
    const info = session.info('c');
    const half = (BigInt(info.firstTs) + BigInt(info.lastTs)) / 2n;
    const seen: boolean[] = [];
    for (const filter of [undefined, 'proc.name=nginx', 'evt.type=container or proc.name=nginx']) {
      for (const window of [undefined, { from: info.firstTs, to: half.toString() }, { from: half.toString(), to: info.lastTs }]) {
        const procs = (await session.tiles({ samples: 1, filter, window })).find((t) => t.id === 'procs');
        assert.ok(procs, 'Running Processes is a tile');
        const view = await session.view({ viewId: 'procs', filter: filter ? `(${filter}) and proc.pid=-1` : 'proc.pid=-1', window, offset: 0, limit: 1 });
        assert.equal(procs.pidMinusOneRowNotCounted, view.totalRows > 0, `${filter ?? 'no filter'} ${window ? `${window.from}..${window.to}` : 'whole capture'}`);
        seen.push(view.totalRows > 0);
      }
    }
    // The sample has container metadata: both answers occur.
    console.log(`# pid −1 row: ${seen.join(" ")}`);
    assert.ok(seen.includes(true) && seen.includes(false), String(seen));
    const others = (await session.tiles({ samples: 1 })).filter((t) => t.id !== 'procs');
    assert.ok(others.every((t) => !('pidMinusOneRowNotCounted' in t)), 'only Running Processes carries it');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
