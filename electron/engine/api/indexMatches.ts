/**
 * Where a filter's matching events are, told by the capture index: the file offset of the
 * first matching event at or after an offset. The evidence service uses it to start a
 * filtered page at the checkpoint before the filter's first match instead of at the start.
 *
 * Only filters the index answers by itself (filter/columnarFilter.ts) qualify; others get
 * undefined and the page reads from the latest checkpoint the request allows. The rows are
 * tested lazily from the offset on, so the cost is the distance to the first match, which
 * the walk then does not read; compiled filters are kept for the next pages.
 */
import type { FilterMatches } from '../evidence/evidenceService';
import { compileColumnar } from '../filter/columnarFilter';
import { firstAtLeast } from '../index/windowRows';
import type { Predicate } from '../filter/compile';
import type { CaptureIndex } from '../index/eventIndex';

const KEEP = 16;

export function indexMatches(index: CaptureIndex): (filter: string) => Promise<FilterMatches | undefined> {
  const compiled = new Map<string, Predicate<number> | null>();
  const offsets = index.cols.offset;
  const rows = index.events;
  /** The first row whose block starts at or after `offset` (rows are in file order). */
  const firstRowAt = (offset: number): number => firstAtLeast(offsets, offset);
  return async (filter) => {
    let predicate = compiled.get(filter);
    if (predicate === undefined) {
      const c = compileColumnar(index, filter);
      predicate = c.ok ? c.predicate : null;
      if (compiled.size >= KEEP) compiled.delete(compiled.keys().next().value as string);
      compiled.set(filter, predicate);
    }
    if (predicate === null) return undefined;
    const matches = predicate;
    return {
      firstAtOrAfter(offset: number): number | null {
        for (let row = firstRowAt(offset); row < rows; row++) if (matches(row)) return offsets[row];
        return null;
      },
    };
  };
}
