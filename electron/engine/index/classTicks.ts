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

/**
 * The change in one of a thread's tick totals (user, system or both) since the previous sample:
 * sinsp's thread.cpu, .user and .system each keep their own previous total and count a sample
 * as the thread's first, a change of 0, while that total is 0 (a thread that had no user ticks
 * yet shows no user CPU for its first one).
 */
export const cpuChange = (now: number, previous: number): number => (previous === 0 ? 0 : capCpu(now - previous));

/**
 * The CPU use of procinfo events in the order a table is shown them: each thread's previous
 * ticks, and per class the sums of the changes (csysdig's thread.cpu, .user and .system).
 */
export class CpuChain {
  readonly tot: Float64Array;
  readonly usr: Float64Array;
  readonly sys: Float64Array;
  /** The change the last `step` added (0 for a thread's first event). */
  dt = 0;
  du = 0;
  ds = 0;
  private readonly lastU: Float64Array;
  private readonly lastS: Float64Array;
  private readonly seen: Uint8Array;

  constructor(private readonly ticks: ClassTicks) {
    const size = ticks.usr.length;
    this.tot = new Float64Array(size);
    this.usr = new Float64Array(size);
    this.sys = new Float64Array(size);
    this.lastU = new Float64Array(ticks.threads);
    this.lastS = new Float64Array(ticks.threads);
    this.seen = new Uint8Array(ticks.threads);
  }

  /** A procinfo event of class `k`: its change against its thread's previous one, added to k's sums. */
  step(k: number): void {
    const t = this.ticks.thread[k];
    const u = this.ticks.usr[k];
    const s = this.ticks.sys[k];
    if (this.seen[t] === 1) {
      // Most samples repeat the thread's previous ticks (an idle thread): no change, nothing to add.
      if (u === this.lastU[t] && s === this.lastS[t]) { this.dt = this.du = this.ds = 0; return; }
      this.dt = cpuChange(u + s, this.lastU[t] + this.lastS[t]);
      this.du = cpuChange(u, this.lastU[t]);
      this.ds = cpuChange(s, this.lastS[t]);
      this.tot[k] += this.dt;
      this.usr[k] += this.du;
      this.sys[k] += this.ds;
    } else this.dt = this.du = this.ds = 0;
    this.seen[t] = 1;
    this.lastU[t] = u;
    this.lastS[t] = s;
  }

  /** Whether thread `t` had an event yet. */
  hasSeen(t: number): boolean {
    return this.seen[t] === 1;
  }

  /** Thread `t`'s latest event was one of class `k` (seen elsewhere, e.g. summed in a block). */
  seenAt(t: number, k: number): void {
    this.seen[t] = 1;
    this.lastU[t] = this.ticks.usr[k];
    this.lastS[t] = this.ticks.sys[k];
  }
}
