/**
 * Tiles under a filter that row classes decide are folded from the classes' answers
 * (captureSession.classMask, with class blocks for the processes counted); they must equal the
 * tiles folded from a per-row mask of the same filter, for several filters and windows.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { capturesDir, referenceSkip } from '../support/reference';
import { CaptureSession } from '../../electron/engine/api/captureSession';
import { engineResolver } from '../../electron/engine/api/engineResolver';
import { computeClassBlocks } from '../../electron/engine/index/classBlocks';
import { columnarMask, compileColumnar } from '../../electron/engine/filter/columnarFilter';
import { foldTiles } from '../../electron/engine/tiles/foldTiles';

const CAPTURES = ['inspect_502Error.scap', 'sysflow_mpm-event_full_capture.scap'];
const FILTERS = ['proc.name=nginx', 'fd.type=file', 'evt.type in (read, write)', 'container.name!=host', 'not fd.name exists'];
const skip = referenceSkip(false);

for (const name of CAPTURES) {
  test(`tiles from the classes' answers equal tiles from a row mask: ${name}`, { skip }, async () => {
    const session = await CaptureSession.open(join(capturesDir, name), { resolver: engineResolver(), cache: null });
    const index = session.index as typeof session.index & { blocks?: unknown };
    // Blocks of 256 rows, so that windows cover whole blocks on these small captures.
    index.blocks = computeClassBlocks(session.index, 256);
    assert.ok(index.blocks);
    const first = index.toRelative(BigInt(index.meta.firstTs));
    const span = index.toRelative(BigInt(index.meta.lastTs)) - first;
    const windows = [{ from: first, to: first + span }, { from: first + span / 5, to: first + (span * 3) / 4 }];
    for (const filter of FILTERS) {
      const classMask = session.classMask(filter);
      assert.ok(classMask, `${name} '${filter}': decided per class`);
      const compiled = compileColumnar(index, filter);
      assert.ok(compiled.ok);
      const rowMask = columnarMask(index, compiled.predicate);
      for (const w of windows) {
        const byClass = foldTiles(index, { ...w, samples: 7, classMask, filterText: filter });
        const byRow = foldTiles(index, { ...w, samples: 7, rowMask, filterText: filter });
        assert.deepEqual(byClass, byRow, `${name} '${filter}' ${JSON.stringify(w)}`);
      }
    }
  });
}
