/**
 * The tile classifier decides what an event's kind allows once per kind and keeps notes per fd
 * (electron/engine/tiles/engineShortcuts.ts). A wrong shortcut would count a tile wrongly
 * without any error, so this test classifies every event of every real capture both ways in
 * the same pass, with the shortcuts and from each event's fields alone, and requires the same
 * tile log: the same entries in the same order, tiles and strings numbered alike.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { basename } from 'node:path';
import { captureFiles, referenceSkip } from '../support/reference';
import { scanCapture } from '../../electron/engine/index/scanCapture';
import { CaptureIndexBuilder, emptyEventRow } from '../../electron/engine/index/eventIndex';
import { fieldResolver } from '../../electron/engine/fields/registry';
import { TileClassifier } from '../../electron/engine/tiles/classifyTiles';
import { engineShortcuts } from '../../electron/engine/tiles/engineShortcuts';

const skip = referenceSkip(false);

const TILE_COLUMNS = ['tileRow', 'tileId', 'tileValue', 'tileKey'] as const;

test('the tile log is the same with the classifier shortcuts as without, on every real capture', { skip }, async () => {
  const problems: string[] = [];
  let entries = 0;
  let events = 0;
  for (const file of captureFiles()) {
    const fast = new CaptureIndexBuilder();
    const plain = new CaptureIndexBuilder();
    const withShortcuts = new TileClassifier(fieldResolver, fast, engineShortcuts());
    const alone = new TileClassifier(fieldResolver, plain);
    const row = emptyEventRow();
    await scanCapture(file, (ctx) => {
      row.ts = ctx.ev.ts;
      withShortcuts.classify(ctx, fast.addEvent(row), ctx.ev);
      alone.classify(ctx, plain.addEvent(row), ctx.ev);
    });
    events += plain.events;
    withShortcuts.finish();
    alone.finish();
    const meta = { identity: { size: 1, mtimeMs: 1, headTailHash: '' }, path: '', sizeBytes: 1, hostname: '', numCpus: 1, warnings: [] };
    const a = fast.finish(meta);
    const b = plain.finish(meta);
    const name = basename(file);
    if (JSON.stringify(a.meta.tileIds) !== JSON.stringify(b.meta.tileIds)) problems.push(`${name}: tiles numbered differently`);
    if (JSON.stringify(a.strings.toArray()) !== JSON.stringify(b.strings.toArray())) problems.push(`${name}: strings numbered differently`);
    for (const c of TILE_COLUMNS) {
      const x = a.cols[c];
      const y = b.cols[c];
      if (x.length !== y.length) { problems.push(`${name} ${c}: ${x.length} entries with shortcuts, ${y.length} without`); continue; }
      const first = x.findIndex((v: number, i: number) => v !== y[i]);
      if (first >= 0) problems.push(`${name} ${c}: entry ${first} is ${x[first]} with shortcuts, ${y[first]} without`);
    }
    entries += b.cols.tileRow.length;
  }
  assert.deepEqual(problems, []);
  assert.ok(entries > 0, 'no tile entries compared');
  console.log(`# ${captureFiles().length} captures, ${events} events: tile log entries compared: ${entries}`);
});
