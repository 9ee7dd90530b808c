/**
 * Passes over the rows of a window that count per row class (index/rowClasses.ts) instead of
 * folding rows: how many rows of each class pass a filter, the first and last of them, and on
 * demand the two per-row values tables add up: evt.latency, and thread.cpu on procinfo events
 * (the change in the thread's CPU ticks since the previous procinfo event the table was shown,
 * as indexedRows.ts computes it row by row). Each pass is one loop over typed arrays; the
 * filter's class part is asked once per class (groupMemo.ts). classTables.ts folds the counts
 * into tables.
 */
import type { CaptureIndex } from '../index/eventIndex';
import { PROCINFO_SYSTEM_TICKS, PROCINFO_USER_TICKS } from '../index/eventValues';
import { valueReader } from '../index/valueColumns';
import type { SplitPredicate } from '../filter/groupMemo';
import { outside, type TallyWindow } from '../index/windowRows';

export type { TallyWindow } from '../index/windowRows';

/** Per class (by class id): rows counted, first and last row; `order` lists the classes counted by first row. */
export interface ClassCounts {
  order: Int32Array;
  count: Int32Array;
  first: Int32Array;
  last: Int32Array;
  /** 1 where the class passed the filter's class part (rows may still fail its row part). */
  accepted: Uint8Array;
}

export interface CpuTotals { tot: Float64Array; usr: Float64Array; sys: Float64Array }

const UNASKED = 0;
const REJECTED = 1;
const ACCEPTED = 2;

/** Counts the window's rows passing `split`, per class. */
export function countClasses(index: CaptureIndex, w: TallyWindow, split: SplitPredicate): ClassCounts {
  const classes = index.classes!;
  const ids = classes.ids;
  const size = classes.firstRow.length;
  const count = new Int32Array(size);
  const first = new Int32Array(size);
  const last = new Int32Array(size);
  const answer = new Uint8Array(size);
  const { byClass, byRow } = split;
  const ts = index.cols.ts;
  const times = w.times;
  if (!times && !byRow) {
    // The common case, kept lean: a class's first row is the one that asks its question.
    for (let r = 0; r < w.ranges.length; r += 2) for (let row = w.ranges[r], end = w.ranges[r + 1]; row < end; row++) {
      const k = ids[row];
      let a = answer[k];
      if (a === UNASKED) {
        answer[k] = a = byClass && !byClass(row) ? REJECTED : ACCEPTED;
        first[k] = row;
      }
      if (a === REJECTED) continue;
      count[k]++;
      last[k] = row;
    }
  } else {
    for (let r = 0; r < w.ranges.length; r += 2) for (let row = w.ranges[r], end = w.ranges[r + 1]; row < end; row++) {
      if (times && outside(ts, times, row)) continue;
      const k = ids[row];
      let a = answer[k];
      if (a === UNASKED) answer[k] = a = byClass && !byClass(row) ? REJECTED : ACCEPTED;
      if (a === REJECTED || (byRow && !byRow(row))) continue;
      if (count[k]++ === 0) first[k] = row;
      last[k] = row;
    }
  }
  let n = 0;
  for (let k = 0; k < size; k++) if (count[k] > 0) n++;
  const firsts = new Int32Array(n);
  for (let k = 0, i = 0; k < size; k++) if (count[k] > 0) firsts[i++] = first[k];
  firsts.sort();
  const accepted = Uint8Array.from(answer, (a) => (a === ACCEPTED ? 1 : 0));
  return { order: firsts.map((row) => ids[row]), count, first, last, accepted };
}

/** Sums evt.latency per class over the rows `counts` counted (same window and row part). */
export function sumLatency(index: CaptureIndex, w: TallyWindow, byRow: SplitPredicate['byRow'], counts: ClassCounts): Float64Array {
  const ids = index.classes!.ids;
  const latencyOf = index.cols.latency;
  const sums = new Float64Array(counts.count.length);
  const accepted = counts.accepted;
  const ts = index.cols.ts;
  const times = w.times;
  for (let r = 0; r < w.ranges.length; r += 2) for (let row = w.ranges[r], end = w.ranges[r + 1]; row < end; row++) {
    const k = ids[row];
    if (accepted[k] === 0 || (times && outside(ts, times, row)) || (byRow && !byRow(row))) continue;
    sums[k] += latencyOf[row];
  }
  return sums;
}

/** Per class: its procinfo ticks (NaN where none) and a dense number for its thread. */
export interface ClassTicks { usr: Float64Array; sys: Float64Array; thread: Int32Array; threads: number }

const ticksOf = new WeakMap<CaptureIndex, ClassTicks | null>();

/** The classes' procinfo ticks, read once per index; undefined when the index has none. */
export function classTicks(index: CaptureIndex): ClassTicks | undefined {
  let t = ticksOf.get(index);
  if (t === undefined) {
    const u = index.values[PROCINFO_USER_TICKS];
    const s = index.values[PROCINFO_SYSTEM_TICKS];
    t = u && s ? readTicks(index, valueReader(u), valueReader(s)) : null;
    ticksOf.set(index, t);
  }
  return t ?? undefined;
}

function readTicks(index: CaptureIndex, readU: (row: number) => unknown, readS: (row: number) => unknown): ClassTicks {
  const firstRow = index.classes!.firstRow;
  const size = firstRow.length;
  const usr = new Float64Array(size).fill(NaN);
  const sys = new Float64Array(size).fill(NaN);
  const thread = new Int32Array(size);
  const threads = new Map<number, number>();
  for (let k = 0; k < size; k++) {
    const row = firstRow[k];
    const tid = index.cols.tid[row];
    let t = threads.get(tid);
    if (t === undefined) threads.set(tid, (t = threads.size));
    thread[k] = t;
    const a = readU(row);
    const b = readS(row);
    if (typeof a === 'number' && typeof b === 'number') { usr[k] = a; sys[k] = b; }
  }
  return { usr, sys, thread, threads: threads.size };
}

const cap = (v: number) => (v < 0 ? 0 : v > 100 ? 100 : v);

/**
 * Sums the CPU changes per class over the procinfo rows of classes with `shown` set, each
 * against the previous such row of its thread (the first of a thread changes nothing).
 */
export function sumCpu(index: CaptureIndex, w: TallyWindow, byRow: SplitPredicate['byRow'], ticks: ClassTicks, shown: Uint8Array): CpuTotals {
  const ids = index.classes!.ids;
  const size = shown.length;
  const tot = new Float64Array(size);
  const usr = new Float64Array(size);
  const sys = new Float64Array(size);
  const lastUsr = new Float64Array(ticks.threads);
  const lastSys = new Float64Array(ticks.threads);
  const seen = new Uint8Array(ticks.threads);
  const { usr: usrOf, sys: sysOf, thread: threadOf } = ticks;
  const ts = index.cols.ts;
  const times = w.times;
  for (let r = 0; r < w.ranges.length; r += 2) for (let row = w.ranges[r], end = w.ranges[r + 1]; row < end; row++) {
    const k = ids[row];
    if (shown[k] === 0 || (times && outside(ts, times, row)) || (byRow && !byRow(row))) continue;
    const t = threadOf[k];
    const u = usrOf[k];
    const s = sysOf[k];
    if (seen[t] === 1) {
      tot[k] += cap(u + s - lastUsr[t] - lastSys[t]);
      usr[k] += cap(u - lastUsr[t]);
      sys[k] += cap(s - lastSys[t]);
    }
    seen[t] = 1;
    lastUsr[t] = u;
    lastSys[t] = s;
  }
  return { tot, usr, sys };
}

/**
 * Visits the rows of a window that pass a split filter, in file order: the part row classes
 * decide is asked once per class, the rest per row (tables that cannot be counted per class).
 */
export function forEachRow(index: CaptureIndex, w: TallyWindow, split: SplitPredicate, visit: (row: number) => void): void {
  const { byClass, byRow } = split;
  const ids = index.classes?.ids;
  const answer = byClass && ids ? new Uint8Array(index.classes!.firstRow.length) : undefined;
  const ts = index.cols.ts;
  const times = w.times;
  for (let r = 0; r < w.ranges.length; r += 2) for (let row = w.ranges[r], end = w.ranges[r + 1]; row < end; row++) {
    if (times && outside(ts, times, row)) continue;
    if (answer) {
      const k = ids![row];
      let a = answer[k];
      if (a === UNASKED) answer[k] = a = byClass!(row) ? ACCEPTED : REJECTED;
      if (a === REJECTED) continue;
    } else if (byClass && !byClass(row)) continue;
    if (byRow && !byRow(row)) continue;
    visit(row);
  }
}
