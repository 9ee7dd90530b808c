/**
 * The byte columns of every table view (FILE, NET, BPS IN/OUT..., the evt.buflen.* fields) equal
 * csysdig 0.29.3's on every real capture, cell for cell. The whole-view comparison
 * (views.test.ts) tolerates a few documented differences; byte counts have none, and an I/O call
 * counted on the wrong side (sendfile is an I/O write without the writes-to-fd flag: a 20 MB
 * nginx download once showed as 262 bytes out) must not hide among them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { basename } from 'node:path';
import { captureFiles, referenceSkip } from '../support/reference';
import { allViews, visibleColumns } from '../../shared/views/catalog';
import { CaptureSession } from '../../electron/engine/api/captureSession';
import { engineResolver } from '../../electron/engine/api/engineResolver';
import { csysdigView, sameCell } from './viewReference';

const skip = referenceSkip();
const tableViews = allViews().filter((v) => v.kind !== 'list');

test('byte columns of every table view equal csysdig on every real capture', { skip }, async () => {
  let compared = 0; let nonZero = 0;
  const wrong: string[] = [];
  for (const file of captureFiles()) {
    let session: CaptureSession;
    try {
      session = await CaptureSession.open(file, { resolver: engineResolver(), cache: null });
    } catch {
      continue; // captures the engine refuses are covered by the reader's tests
    }
    for (const view of tableViews) {
      const columns = visibleColumns(view).map((c, i) => ({ c, i })).filter(({ c }) => c.field.startsWith('evt.buflen'));
      if (columns.length === 0) continue;
      const theirs = csysdigView(file, view.id);
      if ('error' in theirs) continue;
      const ours = await session.view({ viewId: view.id, offset: 0, limit: 1_000_000 });
      const byKey = new Map(ours.rows.map((r, k) => [ours.keys[k], r]));
      for (const row of theirs.rows) {
        const mine = byKey.get(row.k);
        if (!mine) continue; // rows themselves are views.test.ts's business
        for (const { c, i } of columns) {
          compared++;
          if (typeof row.d[i] === 'number' && row.d[i] !== 0) nonZero++;
          if (!sameCell(mine[i], row.d[i])) wrong.push(`${basename(file)} ${view.id} ${row.k} ${c.name}: ours ${String(mine[i])}, csysdig ${String(row.d[i])}`);
        }
      }
    }
  }
  assert.deepEqual(wrong.slice(0, 20), [], `${wrong.length} of ${compared} byte cells differ`);
  assert.ok(nonZero > 500, `enough non-zero byte cells compared (${nonZero} of ${compared})`);
});
