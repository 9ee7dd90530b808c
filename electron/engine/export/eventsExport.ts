/**
 * Events as JSON lines (values as `sysdig -j` gives them: numbers as numbers, times raw, but
 * the epoch nanoseconds as strings of digits) or as CSV (each field as `sysdig -p` prints it,
 * neutralised), with the fields the user chose.
 * Streams straight to the sink in one pass: nothing per event is kept.
 */
import { csvLine } from '../../../shared/findings/csv';
import type { Predicate } from '../filter/compile';
import type { FieldResolver } from '../filter/resolver';
import { EventFieldSet, jsonLine } from '../evidence/eventFields';
import { inWindow, type EventWalk, type NsWindow } from '../evidence/eventWalk';
import type { ExportSink } from './output';
import { epochTimesAsText } from '../../../shared/format/epochTimes';

export type EventsFormat = 'jsonl' | 'csv';

/**
 * Without --fields: sysdig's default line as fields, plus who did it and on what. Its time is
 * evt.rawtime in JSON (the epoch nanoseconds, as sysdig names them) and evt.time in CSV (the
 * time of day, as sysdig -p prints it): one name for one thing.
 */
export function defaultExportFields(format: EventsFormat): string[] {
  return ['evt.num', format === 'jsonl' ? 'evt.rawtime' : 'evt.time', 'evt.cpu', 'proc.name', 'proc.pid', 'thread.tid', 'evt.dir', 'evt.type',
    'evt.res', 'fd.name', 'container.name', 'evt.info'];
}

export interface EventsExportQuery<Ctx> {
  fields: readonly string[];
  resolve: FieldResolver<Ctx>;
  predicate?: Predicate<Ctx>;
  window?: NsWindow;
}

export async function exportEvents<Ctx>(walk: EventWalk<Ctx>, q: EventsExportQuery<Ctx>, format: EventsFormat, out: ExportSink): Promise<number> {
  const set = new EventFieldSet(q.fields, q.resolve, false, { jsonTimes: format === 'jsonl' });
  if (format === 'csv') out.write(csvLine(set.names));
  let n = 0;
  await walk.walk((ctx, e) => {
    if (!inWindow(e.raw.ts, q.window)) return;
    if (q.predicate && !q.predicate(ctx)) return;
    // Epoch nanoseconds as strings: a 19-digit JSON number loses them in jq (shared/format/epochTimes.ts).
    out.write(format === 'jsonl' ? jsonLine(epochTimesAsText(set.read(ctx))) + '\n' : csvLine(set.readText(ctx)));
    n++;
  });
  return n;
}
