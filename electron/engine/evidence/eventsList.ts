/**
 * The events list ("dig"): the events matching a filter and a time window, one page at a time,
 * starting at an event number or a time. Each event comes with the fields asked for, its
 * enter/exit partner and its latency.
 *
 * A page is found by reading forward and stopping as soon as the page is full (plus a short
 * look-ahead to find the exits of the page's enter events). Without checkpoints the read starts
 * at the beginning of the capture. With a checkpoint store (eventsCheckpoints.ts) each pass
 * leaves checkpoints behind, and a later page resumes from the latest checkpoint before its
 * start: the state, evt.num and the pairing are restored from copies, so the page is the same
 * as the one read from the start.
 */
import { EventCategory, EventFlag, EVENTS } from '../../../shared/scap/eventTable';
import type { Predicate } from '../filter/compile';
import type { EventFieldSet, EventRecord } from './eventFields';
import { inWindow, type EventWalk, type NsWindow, type ResumableWalk } from './eventWalk';
import type { EvidenceEvent } from './evidenceEvent';
import type { CheckpointStore, EventsCheckpoint, Pairing } from './eventsCheckpoints';
import { deepCopy } from './stateCheckpoint';
import { StreamExtractor, type FdGenerations } from './streamExtractor';
import { u64FromHalves } from '../capture/byteCursor';
import type { CaptureEvent } from '../capture/types';

/** Checkpoints to resume from and to leave behind, for a walk that can resume. */
export interface Seeking<Ctx, S> {
  walk: ResumableWalk<Ctx, S>;
  store: CheckpointStore<S>;
  /**
   * Also true when every event up to the checkpoint is known to fail the filter (e.g. from the
   * capture index), so a narrow filter's page starts near its first match.
   */
  canSkip?: (cp: EventsCheckpoint<S>) => boolean;
  /**
   * For a sparse filter: a checkpoint further on such that no event between the one at
   * `fileOffset` (number `evtNum`) and it matches the filter, when far enough ahead to be
   * worth restoring instead of reading on; undefined otherwise.
   */
  skipAhead?: (fileOffset: number, evtNum: number) => EventsCheckpoint<S> | undefined;
  /**
   * For a filter the capture index decides: the file offset of the first event at or after
   * `fileOffset` that may match (Infinity if none). Events before it are known not to match,
   * so the filter itself is only asked at the offsets this names.
   */
  matchAtOrAfter?: (fileOffset: number) => number;
  /**
   * False when the store already covers the whole capture (its pass read to the end), so no
   * checkpoint can fall due: the pass then skips what only a new checkpoint needs (fd
   * generations, the latest timestamp) for each event it reads.
   */
  laysCheckpoints?: boolean;
}

/** Events read without a match before asking `skipAhead` whether to jump (and between asks; answers are cheap once the next match is known). */
export const SKIP_CHECK_EVERY = 256;
/** Events in a row without a match after which the filter is asked only where the index names a match. */
const ASK_INDEX_AFTER = 16;

export interface EventsQuery<Ctx> {
  fields: EventFieldSet<Ctx>;
  predicate?: Predicate<Ctx>;
  window?: NsWindow;
  /** First event number to include. */
  fromEvtNum?: number;
  /** First timestamp to include (the first event at or after it, in file order, and on). */
  fromTs?: bigint;
  limit: number;
  /** Events to read past the page to find the exits of its enter events. */
  partnerLookahead?: number;
  /**
   * Once `pageSize` events are listed, stop after examining `maxEvents` more (the rest of
   * `limit` is only read-ahead); `next` is then the first event not examined (null when the
   * index names no match from it on).
   */
  readAheadScan?: { pageSize: number; maxEvents: number };
  /** Checked at every event: true ends the pass at once (the page is then incomplete). */
  interrupt?: () => boolean;
  /** Told of every event the pass reads, in file order (a pass resumed from a checkpoint reads from there). */
  observe?: (ctx: Ctx, e: EvidenceEvent) => void;
}

export interface ListedEvent {
  evtNum: number;
  fields: EventRecord;
  /** The enter event of an exit or the exit of an enter (same thread, type + 1), or null. */
  partner: number | null;
  /** Exit time minus enter time in ns for a paired exit (enter: the same, from its exit). */
  latencyNs: string | null;
}

export interface EventsPage {
  events: ListedEvent[];
  /**
   * Event number to continue from: the next match when the pass met it (or, given the index,
   * knows it lies ahead), else the first event not examined; null when no event after this page
   * matches (the capture ended, or the index names no match after it).
   */
  next: number | null;
  /** Events read to build this page. */
  scanned: number;
  /** The pass ended because `interrupt` said so. */
  interrupted?: boolean;
}

const NONE = -1;

const leavesPairing = Uint8Array.from(EVENTS, (e) =>
  (e && ((e.flags & EventFlag.SKIPPARSERESET) !== 0 || (e.category & EventCategory.SCHEDULER) !== 0)) ? 1 : 0);

export async function listEvents<Ctx, S = never>(walk: EventWalk<Ctx>, q: EventsQuery<Ctx>, seek?: Seeking<Ctx, S>): Promise<EventsPage> {
  const events: ListedEvent[] = [];
  // Per thread: the last enter event (number, type, time), for pairing.
  let lastEnter = new Map<number, Pairing>();
  // Latest timestamp of the events visited so far (what a checkpoint records), as halves (hi -1: none).
  let maxHi = -1;
  let maxLo = 0;
  // Page enter events still waiting for their exit, by thread.
  const waiting = new Map<number, { item: ListedEvent; type: number; ts: bigint }>();
  let next: number | null = null;
  // The page is decided (`next` may still be null: no match after it); only partners are sought now.
  let ended = false;
  let scanned = 0;
  let started = q.fromTs === undefined;
  let lookahead = 0;
  let interrupted = false;
  let aheadScanned = 0;
  const lays = seek !== undefined && seek.laysCheckpoints !== false;
  let resumeFrom = seek?.store.latest((cp) => skippable(cp, q) || (seek.canSkip?.(cp) ?? false));
  // Checkpoints also carry the streams list's fd generations, so a streams page can resume too.
  let streams: StreamExtractor | undefined;
  const resume = (cp: EventsCheckpoint<S> | undefined) => {
    let generations: FdGenerations | undefined;
    if (seek && cp) {
      generations = seek.walk.resumeAt(cp.walk) as FdGenerations | undefined;
      lastEnter = deepCopy(cp.pairing);
      maxHi = cp.maxTs < 0n ? -1 : Number(cp.maxTs >> 32n);
      maxLo = cp.maxTs < 0n ? 0 : Number(cp.maxTs & 0xffffffffn);
      started ||= cp.maxTs >= q.fromTs!;
    }
    streams = lays ? new StreamExtractor(walk.lookup, generations) : undefined;
  };
  resume(resumeFrom);
  const maxLookahead = q.partnerLookahead ?? 100_000;
  const ahead = q.readAheadScan;
  // Events read since the last one listed; past SKIP_CHECK_EVERY a sparse filter may jump ahead.
  let sinceListed = 0;
  let jumpTo: EventsCheckpoint<S> | undefined;
  // The next file offset the index says may match (0: ask at once); events before it do not.
  const matchAtOrAfter = seek?.matchAtOrAfter;
  let candidate = 0;
  // A sparse stretch was met after the page filled: reading ahead stops at the next match.
  let sparseAhead = false;
  // Reading ahead took its one jump towards the next match the index names.
  let jumpedAhead = false;
  /** Where the page continues: at the event about to be examined, or nowhere when the index names no match from it on. */
  const continueAt = (e: EvidenceEvent): number | null =>
    (matchAtOrAfter !== undefined && matchAtOrAfter(e.recorded.fileOffset) === Infinity ? null : e.evtNum);
  const { interrupt, observe } = q;
  const visit = (ctx: Ctx, e: EvidenceEvent): boolean => {
    if (interrupt !== undefined && interrupt()) { interrupted = true; return false; }
    if (observe !== undefined) observe(ctx, e);
    scanned++;
    const ev = e.recorded;
    const isExit = (ev.type & 1) === 1;
    // Context switches (and events flagged as no half of a syscall) leave the pairing alone.
    const tid = leavesPairing[ev.type] ? -1 : ev.tid;
    let partner = NONE;
    // The partner's time, as halves: the latency is only worked out for an event the page lists.
    let partnerHi = 0;
    let partnerLo = 0;
    if (isExit) {
      const enter = lastEnter.get(tid);
      if (enter && enter.num !== NONE) {
        if (enter.type + 1 === ev.type) { partner = enter.num; partnerHi = enter.tsHi; partnerLo = enter.tsLo; }
        enter.num = NONE; // only the next exit may pair with it
      }
      // Mostly no listed enter waits: the map is then not searched.
      const w = waiting.size > 0 ? waiting.get(tid) : undefined;
      if (w) {
        if (w.type + 1 === ev.type) { w.item.partner = e.evtNum; w.item.latencyNs = (ev.ts - w.ts).toString(); }
        waiting.delete(tid);
      }
    } else if (tid >= 0) {
      // One record per thread, reused: no allocation per event.
      const enter = lastEnter.get(tid);
      if (enter) { enter.num = e.evtNum; enter.type = ev.type; enter.tsHi = tsHi(ev); enter.tsLo = tsLo(ev); }
      else lastEnter.set(tid, { num: e.evtNum, type: ev.type, tsHi: tsHi(ev), tsLo: tsLo(ev) });
      if (waiting.size > 0) waiting.delete(tid);
    }
    if (lays) {
      streams!.note(e);
      const hi = tsHi(ev);
      const lo = tsLo(ev);
      if (hi > maxHi || (hi === maxHi && lo > maxLo)) { maxHi = hi; maxLo = lo; }
      if (seek!.store.due(e.evtNum)) {
        const cp = { evtNum: e.evtNum, maxTs: u64FromHalves(maxHi, maxLo), pairing: deepCopy(lastEnter) };
        seek!.walk.snapshotAfterCurrent((s) => seek!.store.add({ ...cp, walk: s, bytes: sizeOf(s) }), streams!.generations);
      }
    }
    if (ended) {
      // Page full: only looking for partners now.
      return waiting.size > 0 && ++lookahead < maxLookahead;
    }
    if (ahead && events.length >= ahead.pageSize && ++aheadScanned > ahead.maxEvents) {
      // Enough read ahead: the page continues at this event, not yet examined.
      next = continueAt(e);
      ended = true;
      return waiting.size > 0;
    }
    if (!started && q.fromTs !== undefined && ev.ts >= q.fromTs) started = true;
    if (!started || (q.fromEvtNum !== undefined && e.evtNum < q.fromEvtNum)) return true;
    if ((q.window !== undefined && !inWindow(ev.ts, q.window)) || (q.predicate && !(mayMatch(ev.fileOffset) && q.predicate(ctx)))) {
      sinceListed++;
      if (ahead && events.length >= ahead.pageSize && sinceListed >= SKIP_CHECK_EVERY) sparseAhead = true;
      // Only the filter stands between here and the jump, and no listed enter still waits for its exit.
      if (seek?.skipAhead && sinceListed % SKIP_CHECK_EVERY === 0 && waiting.size === 0) {
        const readingAhead = ahead !== undefined && events.length >= ahead.pageSize;
        // `next` is the next match, so that "is there a next page" is never answered yes in
        // vain: with no match left, the list ends here; otherwise one jump lands before the
        // match and the read ends at it (sparseAhead), as a read straight through would.
        if (readingAhead && matchAtOrAfter !== undefined && matchAtOrAfter(ev.fileOffset + 1) === Infinity) {
          ended = true;
          return false;
        }
        jumpTo = seek.skipAhead(ev.fileOffset, e.evtNum);
        if (jumpTo && readingAhead) {
          if (jumpedAhead) {
            // The match after the jump was not listable (outside the window): no second jump for a read-ahead.
            jumpTo = undefined;
            next = e.evtNum;
            ended = true;
            return false;
          }
          jumpedAhead = true;
        }
        if (jumpTo) return false;
      }
      return true;
    }
    sinceListed = 0;
    // Reading ahead serves the next pages from this pass; past a sparse stretch the next page
    // would hold a few events for as many more read, so the page ends at its next match.
    if (events.length === q.limit || sparseAhead) {
      next = e.evtNum;
      ended = true;
      return waiting.size > 0;
    }
    const item: ListedEvent = { evtNum: e.evtNum, fields: q.fields.read(ctx), partner: partner === NONE ? null : partner, latencyNs: partner === NONE ? null : (ev.ts - u64FromHalves(partnerHi, partnerLo)).toString() };
    events.push(item);
    if (!isExit && tid >= 0) waiting.set(tid, { item, type: ev.type, ts: ev.ts });
    return true;
  };
  /**
   * False when the index says no event matches before the next candidate offset. The index is
   * asked only after ASK_INDEX_AFTER events in a row without a match: where matches are dense,
   * the filter answers sooner than a search of the index's offsets would.
   */
  function mayMatch(offset: number): boolean {
    if (matchAtOrAfter === undefined || offset === candidate) return true;
    if (offset < candidate) return false;
    if (sinceListed < ASK_INDEX_AFTER) return true;
    candidate = matchAtOrAfter(offset);
    return candidate === offset;
  }
  for (;;) {
    await walk.walk(visit);
    if (!jumpTo || interrupted) break;
    // No event up to the checkpoint matches: carry on from there, as if read through.
    resumeFrom = jumpTo;
    jumpTo = undefined;
    resume(resumeFrom);
  }
  return { events, next, scanned, interrupted };
}

/**
 * An event's time as unsigned 32-bit halves, as the reader gives them: a bigint made for every
 * event of a pass cost 6–10% of the CPU time of a sparse filter's first page (200 MB bench
 * capture), as the state engine found for its own enter times.
 */
function tsHi(ev: CaptureEvent): number {
  return ev.tsHi ?? Number(ev.ts >> 32n);
}

function tsLo(ev: CaptureEvent): number {
  return ev.tsLo ?? Number(ev.ts & 0xffffffffn);
}

function sizeOf(s: unknown): number {
  const bytes = (s as { bytes?: unknown }).bytes;
  return typeof bytes === 'number' ? bytes : 0;
}

/**
 * Whether a page may start reading after the checkpoint: every event up to it must be left out
 * of the page (before its first event number, before its start time, or before its window).
 */
function skippable<Ctx>(cp: EventsCheckpoint<unknown>, q: EventsQuery<Ctx>): boolean {
  return (q.fromEvtNum !== undefined && cp.evtNum < q.fromEvtNum)
    || (q.fromTs !== undefined && cp.maxTs < q.fromTs)
    || (q.window?.from !== undefined && cp.maxTs < q.window.from);
}
