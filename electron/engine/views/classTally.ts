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
import { CpuChain, type ClassTicks } from '../index/classTicks';
export { classTicks } from '../index/classTicks';
import type { SplitPredicate } from '../filter/groupMemo';
import { outside, type TallyWindow } from '../index/windowRows';
import { blockCover, countByBlocks, cpuByBlocks, emptyClassCounts, latencyByBlocks } from './blockTally';

export type { TallyWindow } from '../index/windowRows';

/** Per class (by class id): rows counted, first and last row; `order` lists the classes counted by first row. */
export interface ClassCounts {
  order: Int32Array;
  count: Int32Array;
  first: Int32Array;
  last: Int32Array;
  /** 1 where the class passed the filter's class part (rows may still fail its row part; from blocks: where rows were counted). */
  accepted: Uint8Array;
}

export interface CpuTotals { tot: Float64Array; usr: Float64Array; sys: Float64Array }

const UNASKED = 0;
const REJECTED = 1;
const ACCEPTED = 2;

/** Counts the window's rows passing `split`, per class. */
export function countClasses(index: CaptureIndex, w: TallyWindow, split: SplitPredicate): ClassCounts {
  const cover = split.byRow ? undefined : blockCover(index, w);
  if (cover) return ordered(index, countByBlocks(index, cover, split.byClass));
  const { ids, size, count, first, last } = emptyClassCounts(index);
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
  return ordered(index, { count, first, last, accepted: Uint8Array.from(answer, (a) => (a === ACCEPTED ? 1 : 0)) });
}

/** Counts with the classes counted listed in the order of their first rows. */
function ordered(index: CaptureIndex, c: Omit<ClassCounts, 'order'>): ClassCounts {
  const { count, first } = c;
  let n = 0;
  for (let k = 0; k < count.length; k++) if (count[k] > 0) n++;
  const firsts = new Int32Array(n);
  for (let k = 0, i = 0; k < count.length; k++) if (count[k] > 0) firsts[i++] = first[k];
  firsts.sort();
  const ids = index.classes!.ids;
  return { ...c, order: firsts.map((row) => ids[row]) };
}

/** Sums evt.latency per class over the rows `counts` counted (same window and row part). */
export function sumLatency(index: CaptureIndex, w: TallyWindow, byRow: SplitPredicate['byRow'], counts: ClassCounts): Float64Array {
  const cover = byRow ? undefined : blockCover(index, w);
  if (cover) return latencyByBlocks(index, cover, counts.accepted);
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


/**
 * Sums the CPU changes per class over the procinfo rows of classes with `shown` set, each
 * against the previous such row of its thread (the first of a thread changes nothing).
 */
export function sumCpu(index: CaptureIndex, w: TallyWindow, byRow: SplitPredicate['byRow'], ticks: ClassTicks, shown: Uint8Array): CpuTotals {
  const cover = byRow || !index.blocks?.cpu ? undefined : blockCover(index, w);
  const fromBlocks = cover && cpuByBlocks(index, cover, ticks, shown);
  if (fromBlocks) return fromBlocks;
  const ids = index.classes!.ids;
  const chain = new CpuChain(ticks);
  const ts = index.cols.ts;
  const times = w.times;
  for (let r = 0; r < w.ranges.length; r += 2) for (let row = w.ranges[r], end = w.ranges[r + 1]; row < end; row++) {
    const k = ids[row];
    if (shown[k] === 0 || (times && outside(ts, times, row)) || (byRow && !byRow(row))) continue;
    chain.step(k);
  }
  return chain;
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
