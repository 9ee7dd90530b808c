/**
 * Which events of a capture sysdig 0.29.3 reads and which it prints: the one definition behind
 * every event count and time span Syscope shows (the app's header, `syscope info`, reports).
 *
 * - Printed ("events" in the header, info and reports; what the Events tab lists): what
 *   `sysdig -r F` writes a line for.
 * - Read: every event sysdig reads and numbers (evt.num 1..N), printed or not; info gives it
 *   too. Event ids it does not know (≥ 336) are skipped by libscap 0.29, neither read nor shown.
 * - Printed leaves out the metadata events (container, user, group) the dumper put at the very
 *   start, which sysdig reads as initial state, the EVF state-only events and the INTERNAL ones
 *   (procinfo, drop, ...).
 * - The capture's time span is that of the printed events: procinfo events carry times of the
 *   dumper's own (often a whole second, .999999999) that are not activity.
 * The Inspector applies the same rules event by event (it hands out ctx.internal and numbers).
 */
import { EVENTS, EventCategory } from '../../../shared/scap/eventTable';
import { EV } from '../state/eventIds';

/** Number of event ids sysdig 0.29.3 (libs 0.1.1) knows. */
export const SYSDIG_029_EVENT_COUNT = 336;

/** Metadata events that, before the first other event, are initial state sysdig never shows. */
export function isInitialStateEvent(type: number): boolean {
  return type === EV.CONTAINER_JSON || type === EV.CONTAINER_JSON2 || type === EV.CONTAINER_OLD
    || type === EV.USERADDED || type === EV.USERDELETED || type === EV.GROUPADDED || type === EV.GROUPDELETED
    || type === EV.ASYNCEVENT;
}

export function isInternalEvent(type: number): boolean {
  const info = EVENTS[type];
  return info !== undefined && (info.category & EventCategory.INTERNAL) !== 0;
}

const INTERNAL = 1;
const INITIAL_STATE = 2;
/** Per event id, the two facts the tally asks of every event (a table: `syscope info` reads 16 M events a second). */
const EVENT_KINDS = Uint8Array.from({ length: SYSDIG_029_EVENT_COUNT }, (_, t) => (isInternalEvent(t) ? INTERNAL : 0) | (isInitialStateEvent(t) ? INITIAL_STATE : 0));

/** An event's id, flags and timestamp as two unsigned 32-bit halves (ts = tsHi * 2^32 + tsLo). */
export interface TalliedEvent { readonly type: number; readonly flags: number; readonly tsHi: number; readonly tsLo: number }

/**
 * Counts a capture's events as sysdig does, and the span of those it prints, from the raw event
 * stream (no state engine). Times are kept as two 32-bit halves: no bigint per event.
 */
export class SysdigEventTally {
  /** Events sysdig counts (its last evt.num). */
  events = 0;
  /** Events `sysdig -r` prints a line for. */
  printed = 0;
  private seenRegular = false;
  private firstHi = -1; private firstLo = 0; private lastHi = -1; private lastLo = 0;

  /** A new section of a concatenated capture: its metadata at the start is initial state again. */
  newSection(): void {
    this.seenRegular = false;
  }

  /**
   * add() for an event whose id, flags and time halves are fields of an object at hand: a caller
   * that V8 does not inline add() into (the indexing pass) passed a low half past 2^31 boxed, a
   * heap number for every second event.
   */
  addEvent(e: TalliedEvent): void {
    this.add(e.type, e.flags, e.tsHi, e.tsLo);
  }

  add(type: number, flags: number, tsHi: number, tsLo: number): void {
    if (type >= SYSDIG_029_EVENT_COUNT) return;
    this.events++;
    const kind = EVENT_KINDS[type];
    if (!this.seenRegular) {
      if (kind & INITIAL_STATE) return;
      this.seenRegular = true;
    }
    if (flags & 1 || kind & INTERNAL) return;
    this.printed++;
    if (tsHi === 0 && tsLo === 0) return;
    if (this.firstHi < 0 || tsHi < this.firstHi || (tsHi === this.firstHi && tsLo < this.firstLo)) { this.firstHi = tsHi; this.firstLo = tsLo; }
    if (tsHi > this.lastHi || (tsHi === this.lastHi && tsLo > this.lastLo)) { this.lastHi = tsHi; this.lastLo = tsLo; }
  }

  /** Earliest and latest timestamp of the printed events, ns since the epoch; null when none. */
  get printedFirstTs(): bigint | null { return joinTs(this.firstHi, this.firstLo); }
  get printedLastTs(): bigint | null { return joinTs(this.lastHi, this.lastLo); }
}

function joinTs(hi: number, lo: number): bigint | null {
  return hi < 0 ? null : (BigInt(hi) << 32n) | BigInt(lo);
}
