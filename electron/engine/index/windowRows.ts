/**
 * The rows of a time window. Captures are written in time order, but for events without a
 * timestamp (time 0: a few per capture; the benchmark's repeated capture has them every 22,359
 * rows): a window is found by bisection over the timestamped rows, and those without are cut
 * out of it, so that loops over a window visit ranges of rows and check no time. Where times
 * are out of order, the window is every row, each with its time checked.
 */
import type { CaptureIndex } from './eventIndex';

export interface TallyWindow {
  /** Rows to visit: [ranges[0], ranges[1]), [ranges[2], ranges[3]), ...; without `times`, in time order. */
  ranges: number[];
  /** When set, rows timed outside [from, to] (relative ns) or without a timestamp are skipped. */
  times?: { from: number; to: number; zero: Set<number> };
  /**
   * The rows the time range spans, and whether rows without a timestamp are in the window
   * (then as ranges of their own: those inside the span are not in its other ranges).
   */
  span?: { lo: number; hi: number; untimed: boolean };
}

/** Whether row `row` (of the window) is skipped for its time. */
export function outside(ts: Float64Array, times: NonNullable<TallyWindow['times']>, row: number): boolean {
  const t = ts[row];
  return t < times.from || t > times.to || (t === 0 && times.zero.has(row));
}

const zeroRowSets = new WeakMap<CaptureIndex, Set<number>>();

/** Rows of events without a timestamp (their time is 0, not the stored base time). */
export function zeroTimeRows(index: CaptureIndex): Set<number> {
  let set = zeroRowSets.get(index);
  if (!set) zeroRowSets.set(index, (set = new Set(index.meta.zeroTimeRows ?? [])));
  return set;
}

/** The first position of `sorted` (never going down) holding `value` or more. */
export function firstAtLeast(sorted: ArrayLike<number>, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < value) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/** Per index: whether the times of rows with a timestamp never go down (then windows are found by bisection). */
const sortedTimes = new WeakMap<CaptureIndex, boolean>();

function timesSorted(index: CaptureIndex, zero: Set<number>): boolean {
  let sorted = sortedTimes.get(index);
  if (sorted === undefined) {
    const ts = index.cols.ts;
    sorted = true;
    let prev = -Infinity;
    for (let i = 0; i < ts.length; i++) {
      const t = ts[i];
      if (t === 0 && zero.has(i)) continue;
      if (t < prev) { sorted = false; break; }
      prev = t;
    }
    sortedTimes.set(index, sorted);
  }
  return sorted;
}

/**
 * The first row from which every timestamped row is timed at least `t` (above `t` unless
 * `orEqual`), rows without a timestamp (time 0, in `zero`) left aside.
 */
function bisect(ts: Float64Array, zero: Set<number>, t: number, orEqual: boolean): number {
  let lo = 0;
  let hi = ts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    let m = mid;
    while (m < hi && ts[m] === 0 && zero.has(m)) m++;
    if (m === hi) hi = mid;
    else if (ts[m] < t || (!orEqual && ts[m] === t)) lo = m + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The rows a window [from, to] (relative ns) covers, as ranges; every event row when there is
 * no window. Events without a timestamp are outside every window, unless `untimedAtZero`
 * (the overview tiles count them at time 0, inside a window that starts there).
 */
export function windowRows(index: CaptureIndex, window: { from: number; to: number } | undefined, untimedAtZero = false): TallyWindow {
  if (!window) return { ranges: [0, index.events], span: { lo: 0, hi: index.events, untimed: true } };
  const zero = zeroTimeRows(index);
  const zeroRows = index.meta.zeroTimeRows ?? [];
  const keepZero = untimedAtZero && window.from <= 0 && window.to >= 0;
  if (!timesSorted(index, zero)) return { ranges: [0, index.events], times: { from: window.from, to: window.to, zero: untimedAtZero ? new Set() : zero } };
  const ts = index.cols.ts;
  const lo = bisect(ts, zero, window.from, true);
  const hi = Math.max(lo, bisect(ts, zero, window.to, false));
  // Rows without a timestamp are cut out of the range (its times then never go down), and
  // kept as ranges of their own, first (time 0 is the earliest), where the window counts them.
  const ranges: number[] = [];
  if (keepZero) for (const z of zeroRows) ranges.push(z, z + 1);
  ranges.push(lo);
  for (const z of zeroRows) if (z >= lo && z < hi) ranges.push(z, z + 1);
  ranges.push(hi);
  return { ranges, span: { lo, hi, untimed: keepZero } };
}
