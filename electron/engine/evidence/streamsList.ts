/**
 * The I/O streams view ("echo"): every read and write matching a filter and a time window, in
 * file order, paged like the events list (a scan with an early stop), optionally restricted
 * to one followed stream. Given the events list's checkpoints (eventsCheckpoints.ts), a page
 * resumes from the latest one before it: they carry the fd generations stream keys count, so
 * the page is the same as the one read from the start. Streams passes leave no checkpoints.
 */
import type { StreamOperation } from '../../../shared/streams/types';
import { matchesFollowKey } from '../../../shared/streams/conversation';
import type { Predicate } from '../filter/compile';
import { inWindow, type EventWalk, type NsWindow } from './eventWalk';
import type { Seeking } from './eventsList';
import { isStreamEvent, StreamExtractor, type FdGenerations } from './streamExtractor';

export interface StreamsQuery<Ctx> {
  predicate?: Predicate<Ctx>;
  window?: NsWindow;
  fromEvtNum?: number;
  /** Only the operations of this stream (a stream key, `pid:fd` or an fd name). */
  follow?: string;
  /** At most this many operations (Infinity for all). */
  limit: number;
}

export interface StreamsPage {
  operations: StreamOperation[];
  /** Event number to continue from, or null when the capture ended. */
  next: number | null;
}

export async function listStreams<Ctx, S = never>(walk: EventWalk<Ctx>, q: StreamsQuery<Ctx>, seek?: Seeking<Ctx, S>): Promise<StreamsPage> {
  let generations: FdGenerations | undefined;
  // Every event up to the checkpoint must be left out (before the first event number or the
  // window, or known to fail the filter), and it must carry the fd generations.
  const resumeFrom = seek?.store.latest((cp) => carriesGenerations(cp.walk) && ((q.fromEvtNum !== undefined && cp.evtNum < q.fromEvtNum)
    || (q.window?.from !== undefined && cp.maxTs < q.window.from) || (seek.canSkip?.(cp) ?? false)));
  if (seek && resumeFrom) generations = seek.walk.resumeAt(resumeFrom.walk) as FdGenerations;
  const extractor = new StreamExtractor(walk.lookup, generations);
  const operations: StreamOperation[] = [];
  let next: number | null = null;
  await walk.walk((ctx, e) => {
    if (!isStreamEvent(e.raw.type)) return true;
    const wanted = (q.fromEvtNum === undefined || e.evtNum >= q.fromEvtNum) && inWindow(e.raw.ts, q.window)
      && (!q.predicate || q.predicate(ctx));
    if (!wanted) { extractor.note(e); return true; }
    const op = extractor.extract(e);
    if (!op) return true;
    if (q.follow !== undefined && !matchesFollowKey(op, q.follow)) return true;
    if (operations.length >= q.limit) { next = e.evtNum; return false; }
    operations.push(op);
    return true;
  });
  return { operations, next };
}

function carriesGenerations(s: unknown): boolean {
  return (s as { alongside?: unknown }).alongside instanceof Map;
}
