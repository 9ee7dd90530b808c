/**
 * What a state parser reports about one event, for readers that cache what they derive from the
 * state (SystemState.threadEpoch/fdEpoch). A parser that returns nothing may have changed
 * anything; the markers are promises that it changed nothing, only the event thread's own
 * figures (vm sizes, page faults; the thread's `revision` moved), only the event's fd entry
 * (plus entries it created), or only the thread table.
 */
export const UNCHANGED = 0;
export const OWN_FIGURES = 1;
/** Only the event's own fd entry changed (its `revision` moves) or new entries were made. */
export const OWN_FD = 2;
/**
 * Only threads changed (created, exec'd, exited): no fd entry was edited in place and no
 * container, user or interface changed, so what is derived from fd entries still holds.
 */
export const THREADS = 3;
export type StateChange = typeof UNCHANGED | typeof OWN_FIGURES | typeof OWN_FD | typeof THREADS | void;
