/**
 * What a state parser reports about one event, for readers that cache what they derive from the
 * state (SystemState.threadEpoch/fdEpoch). A parser that returns nothing may have changed
 * anything; the two markers are promises that it changed nothing, or only the event thread's
 * own figures (vm sizes, page faults; the thread's `revision` moved).
 */
export const UNCHANGED = 0;
export const OWN_FIGURES = 1;
export type StateChange = typeof UNCHANGED | typeof OWN_FIGURES | void;
