/**
 * The per-class passes of classTally.ts answered from the index's class blocks
 * (index/classBlocks.ts): the blocks a window covers whole are added entry by entry, the rows
 * at its two ends (and, over the whole capture, the events without a timestamp) one by one.
 * Only for filters row classes decide; each function gives exactly what its row-by-row twin
 * in classTally.ts gives (blockTally.test.ts compares them on real captures).
 */
import type { CaptureIndex } from '../index/eventIndex';
import type { ClassBlocks } from '../index/classBlocks';
import { CpuChain, type ClassTicks } from '../index/classTicks';
import type { TallyWindow } from '../index/windowRows';
import type { Predicate } from '../filter/compile';

/** How a window splits into whole blocks and rows one by one. */
export interface BlockCover {
  blocks: ClassBlocks;
  /** Whole blocks: firstBlock .. endBlock - 1. */
  firstBlock: number;
  endBlock: number;
  /** Rows before the whole blocks (ranges), rows inside them counted apart (untimed), rows after. */
  before: number[];
  inside: number[];
  after: number[];
}

/** The cover of `w`, or undefined when it has no whole block or the index no blocks. */
export function blockCover(index: CaptureIndex, w: TallyWindow): BlockCover | undefined {
  const blocks = index.blocks;
  const span = w.span;
  if (!blocks || !span || w.times) return undefined;
  const size = blocks.blockRows;
  // The last block may be short: it is whole when the span reaches the last row.
  const firstBlock = Math.ceil(span.lo / size);
  const endBlock = span.hi === index.events ? blocks.entryStart.length - 1 : Math.floor(span.hi / size);
  if (firstBlock >= endBlock) return undefined;
  const wholeLo = firstBlock * size;
  const wholeHi = Math.min(index.events, endBlock * size);
  const before: number[] = [];
  const after: number[] = [];
  for (let r = 0; r < w.ranges.length; r += 2) {
    const a = w.ranges[r];
    const b = w.ranges[r + 1];
    if (a < wholeLo) before.push(a, Math.min(b, wholeLo));
    if (b > wholeHi) after.push(Math.max(a, wholeHi), b);
  }
  // Blocks leave out events without a timestamp; a span that holds them adds them one by one.
  const inside: number[] = [];
  if (span.untimed) for (const z of index.meta.zeroTimeRows ?? []) if (z >= wholeLo && z < wholeHi) inside.push(z, z + 1);
  return { blocks, firstBlock, endBlock, before, inside, after };
}

const UNASKED = 0;
const REJECTED = 1;
const ACCEPTED = 2;

/** The class part of a filter asked once per class, at a row of it. */
function classAnswers(size: number, byClass: Predicate<number> | undefined) {
  const answer = new Uint8Array(size);
  return (k: number, row: number): boolean => {
    let a = answer[k];
    if (a === UNASKED) answer[k] = a = !byClass || byClass(row) ? ACCEPTED : REJECTED;
    return a === ACCEPTED;
  };
}

/** The index's class ids, and per class a zero count, first and last row to count into. */
export function emptyClassCounts(index: CaptureIndex) {
  const classes = index.classes!;
  const size = classes.firstRow.length;
  return { ids: classes.ids, size, count: new Int32Array(size), first: new Int32Array(size), last: new Int32Array(size) };
}

export function countByBlocks(index: CaptureIndex, c: BlockCover, byClass: Predicate<number> | undefined) {
  const { ids, size, count, first, last } = emptyClassCounts(index);
  const accepts = classAnswers(size, byClass);
  const add = (k: number, n: number, lo: number, hi: number) => {
    if (count[k] === 0 || lo < first[k]) first[k] = lo;
    if (count[k] === 0 || hi > last[k]) last[k] = hi;
    count[k] += n;
  };
  const rows = (ranges: number[]) => {
    for (let r = 0; r < ranges.length; r += 2) {
      for (let row = ranges[r], end = ranges[r + 1]; row < end; row++) {
        const k = ids[row];
        if (accepts(k, row)) add(k, 1, row, row);
      }
    }
  };
  rows(c.before);
  const b = c.blocks;
  for (let i = b.entryStart[c.firstBlock], end = b.entryStart[c.endBlock]; i < end; i++) {
    const k = b.cls[i];
    if (accepts(k, b.first[i])) add(k, b.count[i], b.first[i], b.last[i]);
  }
  rows(c.inside);
  rows(c.after);
  const accepted = new Uint8Array(size);
  for (let k = 0; k < size; k++) if (count[k] > 0) accepted[k] = 1;
  return { count, first, last, accepted };
}

/** Latency sums per class over the rows of classes `accepted` (a filter classes decide). */
export function latencyByBlocks(index: CaptureIndex, c: BlockCover, accepted: Uint8Array): Float64Array {
  const ids = index.classes!.ids;
  const latencyOf = index.cols.latency;
  const sums = new Float64Array(accepted.length);
  const rows = (ranges: number[]) => {
    for (let r = 0; r < ranges.length; r += 2) {
      for (let row = ranges[r], end = ranges[r + 1]; row < end; row++) if (accepted[ids[row]] === 1) sums[ids[row]] += latencyOf[row];
    }
  };
  rows(c.before);
  const b = c.blocks;
  for (let i = b.entryStart[c.firstBlock], end = b.entryStart[c.endBlock]; i < end; i++) if (accepted[b.cls[i]] === 1) sums[b.cls[i]] += b.latency[i];
  rows(c.inside);
  rows(c.after);
  return sums;
}

/**
 * Whether, in the window, each thread's procinfo events are all shown or none: then the
 * blocks' CPU figures, recorded against the thread's previous procinfo event in the capture,
 * hold for the table. Asked of every class the window holds, shown or not.
 */
function shownByWholeThreads(index: CaptureIndex, c: BlockCover, ticks: ClassTicks, shown: Uint8Array): boolean {
  const state = new Int8Array(ticks.threads).fill(-1);
  const agrees = (k: number): boolean => {
    if (ticks.usr[k] !== ticks.usr[k]) return true;
    const t = ticks.thread[k];
    if (state[t] === -1) state[t] = shown[k];
    return state[t] === shown[k];
  };
  const ids = index.classes!.ids;
  for (const ranges of [c.before, c.after]) {
    for (let r = 0; r < ranges.length; r += 2) for (let row = ranges[r]; row < ranges[r + 1]; row++) if (!agrees(ids[row])) return false;
  }
  const b = c.blocks;
  for (let i = b.entryStart[c.firstBlock], end = b.entryStart[c.endBlock]; i < end; i++) if (!agrees(b.cls[i])) return false;
  return true;
}

/**
 * CPU sums per class over the procinfo rows of `shown` classes, as sumCpu gives them; undefined
 * when a thread has events both shown and not in the window (see shownByWholeThreads).
 */
export function cpuByBlocks(index: CaptureIndex, c: BlockCover, ticks: ClassTicks, shown: Uint8Array): CpuChain | undefined {
  if (!shownByWholeThreads(index, c, ticks, shown)) return undefined;
  const ids = index.classes!.ids;
  const chain = new CpuChain(ticks);
  const rows = (ranges: number[]) => {
    for (let r = 0; r < ranges.length; r += 2) {
      for (let row = ranges[r], end = ranges[r + 1]; row < end; row++) if (shown[ids[row]] === 1) chain.step(ids[row]);
    }
  };
  rows(c.before);
  const b = c.blocks;
  const cpu = b.cpu!;
  const { tot, usr, sys } = chain;
  for (let block = c.firstBlock; block < c.endBlock; block++) {
    for (let i = b.entryStart[block], end = b.entryStart[block + 1]; i < end; i++) {
      const k = b.cls[i];
      if (shown[k] === 0) continue;
      tot[k] += cpu.tot[i]; usr[k] += cpu.usr[i]; sys[k] += cpu.sys[i];
    }
    for (let j = cpu.threadStart[block], end = cpu.threadStart[block + 1]; j < end; j++) {
      const k = cpu.firstClass[j];
      if (shown[k] === 0) continue;
      const t = ticks.thread[k];
      // The block measured this thread's first event against one the window does not show.
      if (!chain.hasSeen(t)) { tot[k] -= cpu.firstTot[j]; usr[k] -= cpu.firstUsr[j]; sys[k] -= cpu.firstSys[j]; }
      chain.seenAt(t, cpu.lastClass[j]);
    }
  }
  // Events without a timestamp are never procinfo events where blocks record CPU (classBlocks.ts).
  rows(c.after);
  return chain;
}
