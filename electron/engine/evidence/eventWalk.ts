/**
 * A pass over a capture's events in file order, each event already parsed by the state engine.
 * `Ctx` is whatever the field resolver and the compiled filter read (the inspector's event
 * context); `EvidenceEvent` is the view of the same event the evidence builders need.
 */
import type { EvidenceEvent, EvidenceLookup, EvidenceThread } from './evidenceEvent';

export interface EventWalk<Ctx> {
  readonly lookup: EvidenceLookup;
  /**
   * Visits every event; returning false from `visit` stops the pass early. `onInitialThread`
   * gets each thread of the capture's process list, before the first event.
   */
  walk(visit: (ctx: Ctx, e: EvidenceEvent) => boolean | void, onInitialThread?: (t: EvidenceThread) => void): Promise<void>;
  /** The reader's warnings after a walk that read to the end of the capture (undefined before, or when it stopped early). */
  readonly readWarnings?: readonly string[];
}

/** A walk that can be resumed after any visited event from a snapshot of its state there. */
export interface ResumableWalk<Ctx, Snapshot> extends EventWalk<Ctx> {
  /**
   * Hands `take` a copy of the walk's state as it is once the event being visited is
   * finished; never called if the walk ends first. `alongside` (what the pass itself tracks,
   * e.g. fd generations pointing at the state's fds) is copied in the same copy, so its
   * references into the state point into the copied state.
   */
  snapshotAfterCurrent(take: (s: Snapshot) => void, alongside?: object): void;
  /** The next walk() starts right after the event the snapshot was taken at; returns a fresh copy of what was taken alongside. */
  resumeAt(s: Snapshot): unknown;
}

/** A time window (nanoseconds since the epoch): `from` inclusive, `to` exclusive. */
export interface NsWindow { from?: bigint; to?: bigint }

/**
 * The NsWindow of a window as the user gives it, both ends included (the views', tiles', events'
 * and exports' windows alike); undefined when neither end is given.
 */
export function windowIncludingEnd(from: bigint | undefined, to: bigint | undefined): NsWindow | undefined {
  if (from === undefined && to === undefined) return undefined;
  const w: NsWindow = {};
  if (from !== undefined) w.from = from;
  if (to !== undefined) w.to = to + 1n;
  return w;
}

export function inWindow(ts: bigint, w: NsWindow | undefined): boolean {
  if (!w) return true;
  if (w.from !== undefined && ts < w.from) return false;
  if (w.to !== undefined && ts >= w.to) return false;
  return true;
}
