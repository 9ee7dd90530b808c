/**
 * Row classes per block of rows: for each block of BLOCK_ROWS rows, the classes present with
 * how many rows, their first and last row, the sum of their latencies and of their CPU use.
 * A window or filter the classes decide is then answered from the blocks it covers, and row
 * by row only at its two ends (views/classTally.ts): at 16 M events, 63 blocks of about 7,000
 * classes instead of 16 M rows.
 *
 * CPU use: a procinfo event's CPU is the change in its thread's ticks since the thread's
 * previous procinfo event the table was shown. A block records it against the previous
 * procinfo event of the thread in the whole capture, and for each thread the first and last
 * class it has procinfo events of in the block, with that first event's CPU: a window that
 * starts later takes that one back out for threads it has not seen yet.
 *
 * Events without a timestamp are left out of every block (windows leave them out; a question
 * over the whole capture adds them one by one). A capture whose blocks would hold more than
 * MAX_ENTRY_SHARE entries per row has no blocks.
 */
import type { CaptureIndex } from './eventIndex';
import { classTicks, CpuChain } from './classTicks';
import { filledPart } from './growable';

export const BLOCK_ROWS = 1 << 18;
const MAX_ENTRY_SHARE = 1 / 16;

export interface ClassBlocks {
  /** Rows per block (BLOCK_ROWS; smaller in tests). */
  blockRows: number;
  /** Entries of block b: entryStart[b] .. entryStart[b + 1]. */
  entryStart: Int32Array;
  cls: Int32Array;
  count: Int32Array;
  first: Int32Array;
  last: Int32Array;
  latency: Float64Array;
  /** Absent when procinfo events lack a timestamp or the capture has none. */
  cpu?: BlockCpu;
}

export interface BlockCpu {
  /** CPU use per entry, each procinfo event against the thread's previous one in the capture. */
  tot: Float64Array;
  usr: Float64Array;
  sys: Float64Array;
  /** Threads of block b: threadStart[b] .. threadStart[b + 1], by their first and last class there. */
  threadStart: Int32Array;
  firstClass: Int32Array;
  lastClass: Int32Array;
  /** The CPU use recorded for each thread's first procinfo event of the block. */
  firstTot: Float64Array;
  firstUsr: Float64Array;
  firstSys: Float64Array;
}

export function computeClassBlocks(index: CaptureIndex, blockRows = BLOCK_ROWS, tick?: () => void): ClassBlocks | undefined {
  const classes = index.classes;
  if (!classes) return undefined;
  const rows = index.events;
  const size = classes.firstRow.length;
  const ids = classes.ids;
  const zeroRows = index.meta.zeroTimeRows ?? [];
  const latencyOf = index.cols.latency;
  const ticks = classTicks(index);
  let cpuOk = ticks !== undefined;
  if (ticks) for (const z of zeroRows) if (ticks.usr[ids[z]] === ticks.usr[ids[z]]) cpuOk = false;
  const blocks = Math.ceil(rows / blockRows);
  const limit = Math.max(1 << 16, rows * MAX_ENTRY_SHARE);
  const threads = ticks?.threads ?? 0;
  const chain = ticks ? new CpuChain(ticks) : undefined;
  const sums = chain ?? { tot: new Float64Array(size), usr: new Float64Array(size), sys: new Float64Array(size) };
  const tally = new BlockTally(ids, latencyOf, zeroRows, size, threads, cpuOk ? chain : undefined, sums,
    ticks?.usr ?? new Float64Array(size).fill(NaN), ticks?.thread ?? new Int32Array(size));
  const entries = new BlockEntries();
  const threadEntries = new BlockThreads();
  const entryStart = new Int32Array(blocks + 1);
  const threadStart = new Int32Array(blocks + 1);
  for (let b = 0; b < blocks; b++) {
    tick?.();
    tally.readRows(b * blockRows, Math.min(rows, (b + 1) * blockRows));
    if (entries.length + tally.nTouched > limit) return undefined;
    entryStart[b] = entries.length;
    entries.take(tally);
    threadStart[b] = threadEntries.length;
    threadEntries.take(tally);
  }
  entryStart[blocks] = entries.length;
  threadStart[blocks] = threadEntries.length;
  const e = entries.finish();
  const t = threadEntries.finish();
  return {
    blockRows,
    entryStart, cls: e.cls, count: e.count, first: e.first, last: e.last, latency: e.latency,
    cpu: cpuOk ? {
      tot: e.tot, usr: e.usr, sys: e.sys,
      threadStart, firstClass: t.firstClass, lastClass: t.lastClass, firstTot: t.firstTot, firstUsr: t.firstUsr, firstSys: t.firstSys,
    } : undefined,
  };
}

/** `a` in an array of `size` elements (growing columns whose final length is known only at the end). */
function grown<T extends Int32Array | Float64Array>(a: T, size: number): T {
  const bigger = (a instanceof Int32Array ? new Int32Array(size) : new Float64Array(size)) as T;
  bigger.set(a);
  return bigger;
}

/**
 * The blocks' entries (a class a block touched) as they are taken from the tally, block after
 * block, in columns grown together. Copying in a method of its own, into plain typed arrays,
 * keeps computeClassBlocks small: with a growable column per part, the loop that copied a
 * block's entries out inlined 14 pushes into computeClassBlocks, which V8 then compiled two or
 * three times per build (50 to 250 ms of the compiler's CPU on the 200 MB bench copy, on a
 * loaded machine; one compilation thrown away), as much as the rows' tally itself.
 */
class BlockEntries {
  length = 0;
  cls = new Int32Array(1024);
  count = new Int32Array(1024);
  first = new Int32Array(1024);
  last = new Int32Array(1024);
  latency = new Float64Array(1024);
  tot = new Float64Array(1024);
  usr = new Float64Array(1024);
  sys = new Float64Array(1024);

  /** The classes the tally's block touched, with their tallies, which are cleared for the next block. */
  take(tally: BlockTally): void {
    const n = tally.nTouched;
    if (this.length + n > this.cls.length) this.grow(Math.max(this.length + n, Math.ceil(this.cls.length * 1.5)));
    const { touched, count, first, last, lat } = tally;
    const { tot, usr, sys } = tally.cpuSums;
    const at = this.length;
    for (let i = 0; i < n; i++) {
      const k = touched[i];
      this.cls[at + i] = k; this.count[at + i] = count[k]; this.first[at + i] = first[k]; this.last[at + i] = last[k];
      this.latency[at + i] = lat[k]; this.tot[at + i] = tot[k]; this.usr[at + i] = usr[k]; this.sys[at + i] = sys[k];
      count[k] = 0; lat[k] = 0; tot[k] = 0; usr[k] = 0; sys[k] = 0;
    }
    this.length = at + n;
  }

  private grow(size: number): void {
    this.cls = grown(this.cls, size); this.count = grown(this.count, size); this.first = grown(this.first, size); this.last = grown(this.last, size);
    this.latency = grown(this.latency, size); this.tot = grown(this.tot, size); this.usr = grown(this.usr, size); this.sys = grown(this.sys, size);
  }

  /** The filled parts (filledPart). */
  finish() {
    const n = this.length;
    return {
      cls: filledPart(this.cls, n), count: filledPart(this.count, n), first: filledPart(this.first, n), last: filledPart(this.last, n),
      latency: filledPart(this.latency, n), tot: filledPart(this.tot, n), usr: filledPart(this.usr, n), sys: filledPart(this.sys, n),
    };
  }
}

/** Per block, the threads with procinfo events there (BlockCpu's thread parts), taken from the tally. */
class BlockThreads {
  length = 0;
  firstClass = new Int32Array(1024);
  lastClass = new Int32Array(1024);
  firstTot = new Float64Array(1024);
  firstUsr = new Float64Array(1024);
  firstSys = new Float64Array(1024);

  /** The threads the tally's block had procinfo events of; their first class is cleared for the next block. */
  take(tally: BlockTally): void {
    const n = tally.nThreads;
    if (this.length + n > this.firstClass.length) this.grow(Math.max(this.length + n, Math.ceil(this.firstClass.length * 1.5)));
    const { threadTouched, blockFirst, blockLast, blockDelta } = tally;
    const at = this.length;
    for (let i = 0; i < n; i++) {
      const t = threadTouched[i];
      this.firstClass[at + i] = blockFirst[t]; this.lastClass[at + i] = blockLast[t];
      this.firstTot[at + i] = blockDelta[t * 3]; this.firstUsr[at + i] = blockDelta[t * 3 + 1]; this.firstSys[at + i] = blockDelta[t * 3 + 2];
      blockFirst[t] = -1;
    }
    this.length = at + n;
  }

  private grow(size: number): void {
    this.firstClass = grown(this.firstClass, size); this.lastClass = grown(this.lastClass, size);
    this.firstTot = grown(this.firstTot, size); this.firstUsr = grown(this.firstUsr, size); this.firstSys = grown(this.firstSys, size);
  }

  /** The filled parts (filledPart). */
  finish() {
    const n = this.length;
    return {
      firstClass: filledPart(this.firstClass, n), lastClass: filledPart(this.lastClass, n),
      firstTot: filledPart(this.firstTot, n), firstUsr: filledPart(this.firstUsr, n), firstSys: filledPart(this.firstSys, n),
    };
  }
}

/**
 * The rows of one block tallied per class, and per thread for CPU use (cleared by the caller as
 * it copies them out). Its row loop is a method of its own so that V8 optimizes it once: as a
 * loop inside computeClassBlocks it fell back to the interpreter at the end of each of the first
 * blocks (whose copying-out had not run yet), and the first pass took twice its later time.
 */
class BlockTally {
  /** Classes the block touched: touched[0 .. nTouched]; per class its rows, first and last row, latency sum. */
  nTouched = 0;
  readonly touched: Int32Array;
  readonly count: Int32Array;
  readonly first: Int32Array;
  readonly last: Int32Array;
  readonly lat: Float64Array;
  /** Threads with procinfo events in the block: threadTouched[0 .. nThreads]; per thread its first and last class (-1: none yet), and that first event's CPU use. */
  nThreads = 0;
  readonly threadTouched: Int32Array;
  readonly blockFirst: Int32Array;
  readonly blockLast: Int32Array;
  readonly blockDelta: Float64Array;
  /** Rows without a timestamp, in row order (zeroTimeRows is), passed by a pointer. */
  private nextZero = 0;

  /**
   * `chain` only when CPU use is recorded; `cpuSums` the per-class CPU sums taken with the
   * block's entries (the chain's, or zeros); per class its procinfo user ticks (NaN: none) and its thread.
   */
  constructor(private readonly ids: ArrayLike<number>, private readonly latencyOf: Float64Array, private readonly zeroRows: readonly number[],
    size: number, threads: number, private readonly chain: CpuChain | undefined,
    readonly cpuSums: { readonly tot: Float64Array; readonly usr: Float64Array; readonly sys: Float64Array },
    private readonly usrOf: Float64Array, private readonly threadOf: Int32Array) {
    this.touched = new Int32Array(size);
    this.count = new Int32Array(size);
    this.first = new Int32Array(size);
    this.last = new Int32Array(size);
    this.lat = new Float64Array(size);
    this.threadTouched = new Int32Array(threads);
    this.blockFirst = new Int32Array(threads).fill(-1);
    this.blockLast = new Int32Array(threads);
    this.blockDelta = new Float64Array(threads * 3);
  }

  /** Tallies rows start .. end (one block). */
  readRows(start: number, end: number): void {
    const { ids, zeroRows, count, first, last, lat, touched, latencyOf, chain, usrOf, threadOf, blockFirst, blockLast, blockDelta, threadTouched } = this;
    let nTouched = 0;
    let nThreads = 0;
    let nextZero = this.nextZero;
    for (let row = start; row < end; row++) {
      const k = ids[row];
      if (nextZero < zeroRows.length && zeroRows[nextZero] === row) { nextZero++; continue; }
      if (count[k]++ === 0) { first[k] = row; touched[nTouched++] = k; }
      last[k] = row;
      lat[k] += latencyOf[row];
      if (chain === undefined) continue;
      if (usrOf[k] !== usrOf[k]) continue;
      const t = threadOf[k];
      // The thread's previous sample in the block was of this class: the same ticks, no change.
      if (blockLast[t] === k && blockFirst[t] !== -1) continue;
      chain.step(k);
      if (blockFirst[t] === -1) {
        blockFirst[t] = k;
        blockDelta[t * 3] = chain.dt; blockDelta[t * 3 + 1] = chain.du; blockDelta[t * 3 + 2] = chain.ds;
        threadTouched[nThreads++] = t;
      }
      blockLast[t] = k;
    }
    this.nTouched = nTouched;
    this.nThreads = nThreads;
    this.nextZero = nextZero;
  }
}

/** The index-file columns of `blocks`, by name. */
export function classBlockColumns(blocks: ClassBlocks): Record<string, Int32Array | Float64Array> {
  const { cpu, blockRows, ...rest } = blocks;
  const cols: Record<string, Int32Array | Float64Array> = { 'blocks:blockRows': Int32Array.of(blockRows) };
  for (const [name, a] of Object.entries(rest)) cols[`blocks:${name}`] = a;
  if (cpu) for (const [name, a] of Object.entries(cpu)) cols[`blocks:cpu:${name}`] = a;
  return cols;
}

const INT_PARTS = ['entryStart', 'cls', 'count', 'first', 'last'] as const;
const CPU_INT_PARTS = ['threadStart', 'firstClass', 'lastClass'] as const;
const CPU_FLOAT_PARTS = ['tot', 'usr', 'sys', 'firstTot', 'firstUsr', 'firstSys'] as const;

/** Blocks read back from index-file columns: undefined when absent, a message when malformed. */
export function decodeClassBlocks(columns: Record<string, unknown>, rows: number, classCount: number): ClassBlocks | undefined | string {
  if (columns['blocks:cls'] === undefined) return undefined;
  const int = (n: string) => (columns[n] instanceof Int32Array ? (columns[n] as Int32Array) : undefined);
  const float = (n: string) => (columns[n] instanceof Float64Array ? (columns[n] as Float64Array) : undefined);
  const parts: Record<string, Int32Array | Float64Array | undefined> = {};
  for (const p of INT_PARTS) parts[p] = int(`blocks:${p}`);
  parts.latency = float('blocks:latency');
  const blockRows = int('blocks:blockRows')?.[0];
  if (Object.values(parts).some((a) => a === undefined) || !blockRows || blockRows < 1) return 'index class blocks are malformed';
  const b = { ...parts, blockRows } as unknown as ClassBlocks;
  const entries = b.cls.length;
  if (b.entryStart.length !== Math.ceil(rows / blockRows) + 1 || b.entryStart[b.entryStart.length - 1] !== entries
    || [b.count, b.first, b.last, b.latency].some((a) => a.length !== entries)) return 'index class blocks do not fit the rows';
  for (let i = 0; i < entries; i++) if (b.cls[i] < 0 || b.cls[i] >= classCount || b.first[i] < 0 || b.last[i] >= rows) return 'index class blocks name rows or classes outside the index';
  if (columns['blocks:cpu:tot'] !== undefined) {
    const cpu: Record<string, Int32Array | Float64Array | undefined> = {};
    for (const p of CPU_INT_PARTS) cpu[p] = int(`blocks:cpu:${p}`);
    for (const p of CPU_FLOAT_PARTS) cpu[p] = float(`blocks:cpu:${p}`);
    if (Object.values(cpu).some((a) => a === undefined)) return 'index class blocks are malformed';
    b.cpu = cpu as unknown as BlockCpu;
    if (b.cpu.tot.length !== entries || b.cpu.threadStart.length !== b.entryStart.length) return 'index class blocks do not fit the rows';
  }
  return b;
}
