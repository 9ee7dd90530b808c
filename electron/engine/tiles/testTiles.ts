/** Overview tiles of synthetic events, for the tiles unit tests (not used by the engine). */
import type { TileValue } from '../../../shared/ipc/contract';
import { CaptureIndexBuilder, emptyEventRow } from '../index/eventIndex';
import type { FieldResolver } from '../filter/resolver';
import { TileClassifier } from './classifyTiles';
import type { EventShortcuts } from './eventShortcuts';
import { foldTiles } from './foldTiles';

/** An event as its field values (`evt.arg.exe` for a field with an argument). */
export type FakeEvent = Record<string, string | number | boolean | undefined>;

/** Every field read as text from the event's map. */
export const fakeResolver: FieldResolver<FakeEvent> = (name, arg) => ({ type: 'CHARBUF', get: (ctx) => ctx[arg ? `${name}.${arg}` : name] });

/** The tiles of `events` (1 ns apart) over the whole run, in one sample, by tile id. */
export function tilesOfEvents(events: FakeEvent[], resolve: FieldResolver<FakeEvent> = fakeResolver, shortcuts?: EventShortcuts<FakeEvent>): Map<string, TileValue> {
  const b = new CaptureIndexBuilder();
  const c = new TileClassifier(resolve, b, shortcuts);
  const row = emptyEventRow();
  events.forEach((e, i) => {
    row.ts = 1_000_000_000n + BigInt(i);
    c.classify(e, b.addEvent(row), row);
  });
  c.finish();
  const idx = b.finish({ identity: { size: 1, mtimeMs: 1, headTailHash: '' }, path: '', sizeBytes: 1, hostname: '', numCpus: 1, warnings: [] });
  return new Map(foldTiles(idx, { from: 0, to: events.length, samples: 1 }).map((t) => [t.id, t]));
}
