/**
 * The CPU tick totals of procinfo events, per row class (index/rowClasses.ts): rows of a class
 * share them, so the CPU a thread used between two procinfo events is computed from classes.
 */
import type { CaptureIndex } from './eventIndex';
import { PROCINFO_SYSTEM_TICKS, PROCINFO_USER_TICKS } from './eventValues';
import { valueReader } from './valueColumns';

/** Per class: its procinfo ticks (NaN where none) and a dense number for its thread. */
export interface ClassTicks { usr: Float64Array; sys: Float64Array; thread: Int32Array; threads: number }

const ticksOf = new WeakMap<object, ClassTicks | null>();

/** The classes' procinfo ticks, read once per index; undefined when the index has none. */
export function classTicks(index: Pick<CaptureIndex, 'values' | 'classes' | 'cols'>): ClassTicks | undefined {
  let t = ticksOf.get(index);
  if (t === undefined) {
    const u = index.values[PROCINFO_USER_TICKS];
    const s = index.values[PROCINFO_SYSTEM_TICKS];
    t = u && s ? readTicks(index, valueReader(u), valueReader(s)) : null;
    ticksOf.set(index, t);
  }
  return t ?? undefined;
}

function readTicks(index: Pick<CaptureIndex, 'classes' | 'cols'>, readU: (row: number) => unknown, readS: (row: number) => unknown): ClassTicks {
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


/** A thread's CPU use between two procinfo events, as csysdig caps it (percent of one tick period). */
export const capCpu = (v: number): number => (v < 0 ? 0 : v > 100 ? 100 : v);
