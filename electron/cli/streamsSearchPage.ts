/**
 * `streams --search TEXT --limit N`: N matching operations, as `events --search --limit N` lists N
 * matching events. The search runs on rendered payloads, which exist only once the engine has
 * built an operation, so the engine's page (limited in operations looked at) is read in chunks
 * that grow, and the matches are kept until N of them are found. The continuation is the event
 * number of the next match, so paging by the hint never walks on through operations that match
 * nothing, and a search with no further match says there is none.
 */
import type { StreamOperation } from '../../shared/streams/types';

export interface SearchedPage {
  operations: StreamOperation[];
  /** Event number of the first match after the page, or null when there is none. */
  next: number | null;
}

/** A page of the engine's list: at most `limit` operations from event `fromEvtNum`. */
export type ReadStreams = (fromEvtNum: number | undefined, limit: number) => Promise<{ operations: StreamOperation[]; next: number | null }>;

// Operations read by the first chunk; each further chunk doubles, so a sparse search walks the
// capture a few times (log2 of its operations over this), never once per match.
const FIRST_CHUNK = 4096;

export async function searchedStreamsPage(read: ReadStreams, matching: (ops: StreamOperation[]) => Set<number>,
  limit: number, fromEvtNum: number | undefined): Promise<SearchedPage> {
  const found: StreamOperation[] = [];
  let from = fromEvtNum;
  for (let chunk = FIRST_CHUNK; ; chunk *= 2) {
    const page = await read(from, limit === Infinity ? Infinity : chunk);
    const rows = matching(page.operations);
    for (let i = 0; i < page.operations.length; i++) {
      if (!rows.has(i)) continue;
      if (found.length >= limit) return { operations: found, next: page.operations[i].evtNum };
      found.push(page.operations[i]);
    }
    if (page.next === null) return { operations: found, next: null };
    from = page.next;
  }
}
