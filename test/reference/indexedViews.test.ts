/**
 * View tables folded from the index rows must equal the tables a re-scan folds (E's csysdig
 * semantics), for every listed view, on several real captures: the whole capture, a user filter
 * and a time window. Also lists which views still need a re-scan (none expected).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { capturesDir, referenceSkip } from '../support/reference';
import { CaptureSession } from '../../electron/engine/api/captureSession';
import { engineResolver } from '../../electron/engine/api/engineResolver';
import { listedViews } from '../../shared/views/catalog';
import type { TimeWindow } from '../../shared/ipc/contract';
import type { ViewTable } from '../../electron/engine/views/aggregateView';
import { computeClassBlocks } from '../../electron/engine/index/classBlocks';

const CAPTURES = [
  'bencerex_example4-1.scap', 'inspect_502Error.scap', 'sysflow_client-server_tcp-client-server.scap',
  'falco_psp_run_as_user_0_container.scap', 'sysflow_files_files.scap', 'instruqt_svh5_activity.scap',
];

/** A table as comparable text, in row order (numbers to 12 significant digits: sums may add in another order). */
function rowsOf(t: ViewTable): string[] {
  return t.rows.map((r, i) => `${t.keys[i]}\t${r.map((v) => (typeof v === 'number' ? Number(v.toPrecision(12)) : v)).join('\t')}`);
}

const skip = referenceSkip(false);

for (const name of CAPTURES) {
  test(`view tables from the index equal the re-scan's: ${name}`, { skip }, async () => {
    const session = await CaptureSession.open(join(capturesDir, name), { resolver: engineResolver(), cache: null });
    const ids = listedViews().map((v) => v.id);
    const first = BigInt(session.index.meta.firstTs);
    const last = BigInt(session.index.meta.lastTs);
    const window: TimeWindow = { from: String(first + (last - first) / 4n), to: String(first + (last - first) / 2n) };
    const questions: Array<{ filter: string; window?: TimeWindow }> = [
      { filter: '' },
      { filter: 'proc.name!=sshd and evt.type!=switch' },
      { filter: '', window },
      { filter: 'fd.type=file or evt.failed=true', window },
      { filter: 'evt.type!=read', window: { from: String(first + (last - first) / 10n), to: String(first + ((last - first) * 9n) / 10n) } },
    ];
    assert.ok(session.index.classes, `${name}: the index has row classes`);
    const rescanned = await Promise.all(questions.map((q) => session.rescanTables(ids, q.filter, q.window)));
    // Counted per row class from blocks of 1,024 rows, per class row by row, then (classes
    // taken away) folded per row signature.
    const index = session.index as { classes?: unknown; blocks?: unknown };
    for (const how of ['class blocks', 'row classes', 'row signatures']) {
      if (how === 'class blocks') {
        index.blocks = computeClassBlocks(session.index, 1024);
        assert.ok(index.blocks, `${name}: class blocks of 1,024 rows`);
      }
      if (how === 'row classes') index.blocks = undefined;
      if (how === 'row signatures') index.classes = undefined;
      questions.forEach((q, i) => {
        const indexed = session.indexedTables(ids, q.filter, q.window);
        assert.ok(indexed, `${name} '${q.filter}' ${q.window ? 'window' : ''}: views still need a re-scan`);
        for (const id of ids) {
          const a: ViewTable = indexed.get(id)!;
          const b: ViewTable = rescanned[i].get(id)!;
          assert.deepEqual(rowsOf(a), rowsOf(b), `${name} view ${id}, filter '${q.filter}'${q.window ? ', window' : ''}, ${how}`);
        }
      });
    }
  });
}
