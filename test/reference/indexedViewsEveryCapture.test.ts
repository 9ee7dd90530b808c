/**
 * View tables folded from row classes and class blocks (blocks of 128 rows, so that windows
 * cover whole blocks and start and end inside others) equal the tables a re-scan folds, for
 * every listed view, on every capture, under filters that classes decide, filters that read
 * latencies and thread ids per row, and windows.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { capturesDir, referenceSkip } from '../support/reference';
import { CaptureSession } from '../../electron/engine/api/captureSession';
import { engineResolver } from '../../electron/engine/api/engineResolver';
import { listedViews } from '../../shared/views/catalog';
import { computeClassBlocks } from '../../electron/engine/index/classBlocks';
import type { TimeWindow } from '../../shared/ipc/contract';
import type { ViewTable } from '../../electron/engine/views/aggregateView';

/** A table as comparable text, in row order (numbers to 12 significant digits: sums may add in another order). */
function rowsOf(t: ViewTable): string[] {
  return t.rows.map((r, i) => `${t.keys[i]}\t${r.map((v) => (typeof v === 'number' ? Number(v.toPrecision(12)) : v)).join('\t')}`);
}

const skip = referenceSkip(false);
const captures = skip ? [] : readdirSync(capturesDir).filter((f) => /\.scap(\.gz)?$/.test(f));

test('view tables from class blocks equal the re-scan\'s on every capture', { skip }, async () => {
  const ids = listedViews().map((v) => v.id);
  let tables = 0;
  for (const name of captures) {
    const session = await CaptureSession.open(join(capturesDir, name), { resolver: engineResolver(), cache: null });
    const index = session.index as typeof session.index & { blocks?: unknown };
    if (index.classes) index.blocks = computeClassBlocks(session.index, 128);
    const first = BigInt(index.meta.firstTs);
    const last = BigInt(index.meta.lastTs);
    const span = last - first;
    const at = (a: bigint, b: bigint): TimeWindow => ({ from: String(first + (span * a) / 21n), to: String(first + (span * b) / 21n) });
    const questions: Array<{ filter: string; window?: TimeWindow }> = [
      { filter: '' },
      { filter: 'evt.type!=switch and proc.name!=bash' },
      { filter: 'fd.type=file' },
      { filter: '', window: at(7n, 14n) },
      { filter: 'evt.dir=< and evt.latency>10000', window: at(3n, 21n) },
      { filter: 'thread.tid>1000', window: at(0n, 10n) },
    ];
    for (const q of questions) {
      const indexed = session.indexedTables(ids, q.filter, q.window);
      assert.ok(indexed, `${name} '${q.filter}': views still need a re-scan`);
      const rescanned = await session.rescanTables(ids, q.filter, q.window);
      for (const id of ids) {
        assert.deepEqual(rowsOf(indexed.get(id)!), rowsOf(rescanned.get(id)!), `${name} view ${id}, filter '${q.filter}'${q.window ? ', window' : ''}`);
        tables++;
      }
    }
  }
  assert.equal(tables, captures.length * 6 * ids.length);
});
