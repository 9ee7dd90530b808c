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
import { SKIP_CHECK_EVERY, type Seeking } from './eventsList';
import type { EventsCheckpoint } from './eventsCheckpoints';
import type { EvidenceEvent } from './evidenceEvent';
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
  // Every event up to the checkpoint must be left out (before the first event number or the
  // window, or known to fail the filter), and it must carry the fd generations.
  const resumeFrom = seek?.store.latest((cp) => carriesGenerations(cp.walk) && ((q.fromEvtNum !== undefined && cp.evtNum < q.fromEvtNum)
    || (q.window?.from !== undefined && cp.maxTs < q.window.from) || (seek.canSkip?.(cp) ?? false)));
  const resume = (cp: EventsCheckpoint<S> | undefined) =>
    new StreamExtractor(walk.lookup, seek && cp ? seek.walk.resumeAt(cp.walk) as FdGenerations : undefined);
  let extractor = resume(resumeFrom);
  const operations: StreamOperation[] = [];
  let next: number | null = null;
  // Events read since the last operation listed; past SKIP_CHECK_EVERY a sparse filter may jump ahead.
  let sinceListed = 0;
  let jumpTo: EventsCheckpoint<S> | undefined;
  // Called only once the event is known to list nothing: false stops the pass to jump.
  const readOn = (e: EvidenceEvent): boolean => {
    if (!seek?.skipAhead || ++sinceListed % SKIP_CHECK_EVERY !== 0) return true;
    jumpTo = seek.skipAhead(e.recorded.fileOffset, e.evtNum);
    if (jumpTo && carriesGenerations(jumpTo.walk)) return false;
    jumpTo = undefined;
    return true;
  };
  const visit = (ctx: Ctx, e: EvidenceEvent): boolean => {
    if (!isStreamEvent(e.raw.type)) return readOn(e);
    const wanted = (q.fromEvtNum === undefined || e.evtNum >= q.fromEvtNum) && inWindow(e.raw.ts, q.window)
      && (!q.predicate || q.predicate(ctx));
    if (!wanted) { extractor.note(e); return readOn(e); }
    const op = extractor.extract(e);
    if (!op) return true;
    if (q.follow !== undefined && !matchesFollowKey(op, q.follow)) return true;
    if (operations.length >= q.limit) { next = e.evtNum; return false; }
    operations.push(op);
    sinceListed = 0;
    return true;
  };
  for (;;) {
    await walk.walk(visit);
    if (!jumpTo) break;
    // No event up to the checkpoint matches the filter: carry on from there, as if read through.
    extractor = resume(jumpTo);
    jumpTo = undefined;
  }
  return { operations, next };
}

function carriesGenerations(s: unknown): boolean {
  return (s as { hasAlongside?: unknown }).hasAlongside === true;
}
