/** What one event means once the state engine has seen it: handed to callbacks and field getters. */
import type { CaptureEvent } from '../capture/types';
import type { EventState, SystemState } from '../state/systemState';
import type { FormatLookup } from '../format/lookup';
import type { FormatOptions } from '../format/index';

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
