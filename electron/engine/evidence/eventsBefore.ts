/**
 * The events just before a point (End, and scrolling up in the events list): the engine reads
 * forward only, so it reads backward in stretches. The latest stretch is read from the
 * checkpoint before the point; while it holds fewer matching events than the page wants, the
 * stretch before it is read, each twice as long (a sparse filter costs about twice its reading,
 * a dense one a stretch or two). Without checkpoints the one stretch is the whole capture:
 * one pass. Only the event numbers are kept here; the page itself is then read forward from
 * the first of them, as any page is.
 */
import type { EventsCheckpoint } from './eventsCheckpoints';

/** The matching event numbers in [from, to) (from 0: the capture's start), at most the last `keep`, and how many there were. */
export type MatchesBetween = (from: number, to: number, keep: number) => Promise<{ evtNums: number[]; total: number }>;

export interface PageStart {
  /** The selection's last `limit` (or fewer) event numbers before the point, in order. */
  evtNums: number[];
  /** False only when the selection has no event before the first of them. */
  earlier: boolean;
}

/**
 * The last `limit` matching event numbers before `bound` (exclusive; Infinity: the capture's
 * end), reading stretches that start after the given checkpoints (in event order).
 */
export async function lastMatchesBefore(bound: number, limit: number, checkpoints: () => ReadonlyArray<EventsCheckpoint<unknown>>,
  between: MatchesBetween): Promise<PageStart> {
  let found: number[] = [];
  let to = bound;
  let stretches = 1;
  for (;;) {
    const starts = checkpoints().filter((cp) => cp.evtNum + 1 < to);
    const cp = starts[starts.length - stretches];
    const from = cp ? cp.evtNum + 1 : 0;
    const part = await between(from, to, limit);
    const all = [...part.evtNums, ...found];
    found = all.slice(-limit);
    if (part.total > part.evtNums.length || all.length > limit) return { evtNums: found, earlier: true };
    // A full page from a stretch after the start: whether more come before it is not known.
    if (found.length === limit && from > 0) return { evtNums: found, earlier: true };
    if (from === 0) return { evtNums: found, earlier: false };
    to = from;
    stretches *= 2;
  }
}
