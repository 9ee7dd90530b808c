/**
 * A log tile's → lists exactly the writes the tile counted lines of (QA 15 item 1): on every
 * capture sysdig opens, for App Log Messages and its warnings and errors, the I/O list under the
 * tile's drill filter holds the same event numbers as sysdig gives for that drill filter and as
 * sysdig -v (whole buffers) gives for the tile's own defining filter (tiles/tileFilters.ts). The
 * drill filter had matched keywords in evt.arg.data, which is cut at 80 characters: on
 * bencer_capture the errors tile counted 34 writes and its → listed 9.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { basename } from 'node:path';
import { captureFiles, referenceSkip, sysdig, sysdigCannotOpen } from '../support/reference';
import { EvidenceService } from '../../electron/engine/evidence/evidenceService';
import { tileFilter } from '../../electron/engine/tiles/tileFilters';
import { staticTiles } from '../../shared/tiles/definitions';

const skip = referenceSkip();
const lineTiles = staticTiles.filter((t) => t.countsLines);

function evtNums(args: string[]): string[] {
  return sysdig([...args, '-p', '*%evt.num']).split('\n').filter(Boolean);
}

test('a log tile\'s → lists the writes its tile counted, as sysdig selects them', { skip }, async () => {
  assert.deepEqual(lineTiles.map((t) => t.id), ['logs.app', 'logs.app.warnings', 'logs.app.errors']);
  let compared = 0; let nonEmpty = 0;
  for (const file of captureFiles().filter((f) => !sysdigCannotOpen.has(basename(f)))) {
    const service = new EvidenceService(file);
    for (const tile of lineTiles) {
      const counted = evtNums(['-v', '-r', file, tileFilter(tile.id)!.filter]);
      const drilled = evtNums(['-r', file, tile.drillFilter!]);
      const listed = (await service.streams({ captureId: 'c', filter: tile.drillFilter, limit: 100_000 })).operations.map((o) => String(o.evtNum));
      assert.deepEqual(drilled, counted, `${basename(file)} ${tile.id}: sysdig's drill selection against the tile's`);
      assert.deepEqual(listed, counted, `${basename(file)} ${tile.id}: the I/O list against the tile's writes`);
      compared++;
      if (counted.length > 0) nonEmpty++;
      // Warnings and errors are among the app log writes: none there, none in them.
      if (tile.id === 'logs.app' && counted.length === 0) break;
    }
  }
  console.log(`# ${compared} (capture, log tile) pairs equal, ${nonEmpty} of them with writes`);
  assert.ok(nonEmpty >= 3);
});
