/** What one event means once the state engine has seen it: handed to callbacks and field getters. */
import type { CaptureEvent } from '../capture/types';
import type { EventState, SystemState } from '../state/systemState';
import type { FormatLookup } from '../format/lookup';
import type { FormatOptions } from '../format/index';
import { u64FromHalves } from '../capture/byteCursor';

export interface EventContext {
  /** The event as recorded in the file (what sysdig 0.29.3 shows: old ids, enter events). */
  ev: CaptureEvent;
  /** The same event in the newest layout (null when the upgrade merges it into its exit). */
  upgraded: CaptureEvent | null;
  /** evt.num: 1-based, counting every event sysdig would have read, shown or not. */
  num: number;
  /** Thread, fd, latency and enter-event context of the event. */
  es: EventState;
  state: SystemState;
  /** The renderer's view of the state, bound to the event's thread. */
  lookup: FormatLookup;
  /** Meta events sysdig hides by default (category INTERNAL, e.g. procinfo, drop). */
  internal: boolean;
  /** Timestamp of the first event shown (evt.reltime) and of the previous event shown (evt.deltatime). */
  firstTs: bigint;
  prevTs: bigint;
  /** How parameters render (sysdig -j shows buffers uncut). */
  renderOptions?: FormatOptions;
}

/**
 * The inspector's EventContext, reused for every event. The previous shown event's time is kept
 * as its 32-bit halves and made a bigint only when read (evt.deltatime): a bigint per event was
 * a fifth of what the state pass allocated, and most passes never read it.
 */
export class InspectorEventContext implements EventContext {
  ev: CaptureEvent = undefined as unknown as CaptureEvent;
  upgraded: CaptureEvent | null = null;
  num = 0;
  internal = false;
  firstTs = -1n;
  /** The previous shown event's time: halves (prevHi -1: none yet; -2: in prevBig). */
  private prevHi = -1;
  private prevLo = 0;
  private prevBig = 0n;

  constructor(public es: EventState, public state: SystemState, public lookup: FormatLookup, public renderOptions: FormatOptions | undefined) {}

  get prevTs(): bigint {
    return this.prevHi === -1 ? -1n : this.prevHi === -2 ? this.prevBig : u64FromHalves(this.prevHi, this.prevLo);
  }

  /** The event just shown becomes the previous one. */
  shown(ev: CaptureEvent): void {
    const hi = ev.tsHi, lo = ev.tsLo;
    if (hi !== undefined && lo !== undefined) { this.prevHi = hi; this.prevLo = lo; }
    else { this.prevHi = -2; this.prevBig = ev.ts; }
  }
}
