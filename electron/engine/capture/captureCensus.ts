/**
 * A census of a capture without any state engine: block counts by type, event counts (as sysdig
 * counts and prints them, sysdigEvents.ts), event ids the table does not know, time span. What `syscope info` prints; kept lean because the
 * read benchmark times it.
 */
import { stat } from 'node:fs/promises';
import { readCapture } from './readCapture';
import { blockTypeName } from './blockTypes';
import { EVENT_COUNT } from '../../../shared/scap/eventTable';
import { SysdigEventTally } from '../inspector/sysdigEvents';
import type { ReadOptions, ReadSummary, SectionHeader } from './types';

export interface CaptureCensus {
  path: string;
  sizeBytes: number;
  compressed: boolean;
  sections: Array<{ version: string; options: number }>;
  hostname: string | null;
  numCpus: number | null;
  /** Block counts by short type name (SHB, MI, PL_V9, EV_V2, ...), in order of first appearance. */
  blocks: Record<string, number>;
  /** Every event block, whatever its id. */
  eventBlocks: number;
  /** Events as sysdig counts and numbers them (its last evt.num; sysdigEvents.ts). */
  events: number;
  /** Events `sysdig -r` prints a line for. */
  printedEvents: number;
  /** The capture's span: earliest and latest time of the printed events (null when none). */
  printedFirstTs: bigint | null;
  printedLastTs: bigint | null;
  /** Event ids newer than the event table, with counts (delivered raw). */
  unknownEventIds: Record<number, number>;
  /** First and last non-zero timestamps of every event in file order (procinfo's and metadata's too), ns since the epoch. */
  firstTs: bigint | null;
  lastTs: bigint | null;
  summary: ReadSummary;
}

export async function captureCensus(path: string, opts: Pick<ReadOptions, 'signal' | 'onProgress'> = {}): Promise<CaptureCensus> {
  const blockCounts = new Map<number, number>();
  const unknown = new Map<number, number>();
  const sections: CaptureCensus['sections'] = [];
  let hostname: string | null = null;
  let numCpus: number | null = null;
  let firstHi = -1, firstLo = 0, lastHi = -1, lastLo = 0;
  const tally = new SysdigEventTally();
  const summary = await readCapture(path, {
    onSection(shb: SectionHeader) { tally.newSection(); sections.push({ version: `${shb.major}.${shb.minor}`, options: shb.options.length }); },
    onMachineInfo(mi) { hostname = mi.hostname; numCpus = mi.numCpus; },
    onBlock(type) { blockCounts.set(type, (blockCounts.get(type) ?? 0) + 1); },
    onEvent(ev) {
      if (ev.type >= EVENT_COUNT) unknown.set(ev.type, (unknown.get(ev.type) ?? 0) + 1);
      const hi = ev.tsHi!, lo = ev.tsLo!;
      tally.add(ev.type, ev.flags, hi, lo);
      if (hi === 0 && lo === 0) return;
      if (firstHi < 0) { firstHi = hi; firstLo = lo; }
      lastHi = hi; lastLo = lo;
    },
  }, { ...opts, layout: 'file' });
  const blocks: Record<string, number> = {};
  for (const [type, n] of blockCounts) {
    const name = blockTypeName(type);
    blocks[name] = (blocks[name] ?? 0) + n;
  }
  const ts = (hi: number, lo: number) => (hi < 0 ? null : (BigInt(hi) << 32n) | BigInt(lo));
  return {
    path, sizeBytes: (await stat(path)).size, compressed: summary.compressed, sections, hostname, numCpus, blocks,
    eventBlocks: summary.eventBlocks ?? summary.events,
    events: tally.events, printedEvents: tally.printed, printedFirstTs: tally.printedFirstTs, printedLastTs: tally.printedLastTs,
    unknownEventIds: Object.fromEntries([...unknown].sort((a, b) => a[0] - b[0])),
    firstTs: ts(firstHi, firstLo), lastTs: ts(lastHi, lastLo), summary,
  };
}

/** `2016-12-08 15:41:38.271234567 UTC` */
export function formatUtcNs(ns: bigint): string {
  const ms = Number(ns / 1_000_000n);
  const frac = (ns % 1_000_000_000n).toString().padStart(9, '0');
  return `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')}.${frac} UTC`;
}
