/**
 * The capture's span as a time window is measured against: its first and latest printed event,
 * the span `syscope info` shows as "time span" and the app's timeline draws (CaptureInfo.firstTs
 * and lastTs: the index's printed span). Which events are printed is SysdigEventTally's one
 * definition; the first is the origin of every offset (shared/format/timeInput.ts), so `1500ms`
 * names the same instant in the app and on the command line.
 *
 * Paid only when a command is given --from/--to, so it must not cost a pass over a large capture:
 * the first printed event is near the head, and in a plain file the latest is found by walking
 * the last blocks backwards by their trailers (every block ends with its length,
 * scap-file-format.md §2). A gzip stream cannot be read backwards, and a tail whose trailers do
 * not chain (a cut-off or damaged file) is not trusted: both are walked from the start.
 */
import { closeSync, openSync, readSync, fstatSync } from 'node:fs';
import { forEachBlock, STOP_WALK } from '../engine/writer/blockStream';
import { BlockType, hasEventFlags, isEventBlock } from '../engine/capture/blockTypes';
import { isInternalEvent, SYSDIG_029_EVENT_COUNT, SysdigEventTally } from '../engine/inspector/sysdigEvents';

export interface CaptureSpan { first: bigint; last: bigint }

/** First and latest printed event; null when no printed event carries a time. */
export async function captureSpan(path: string): Promise<CaptureSpan | null> {
  const first = await firstPrintedFromHead(path);
  if (first === null) return null;
  const last = latestFromTail(path) ?? await latestByWalking(path);
  return { first, last: last < first ? first : last };
}

/** An event block's time, event id and flags (the header follows the cpu id, and the flags when the block has them). */
function headerOf(type: number, block: Buffer): { ts: bigint; id: number; flags: number } {
  const f = hasEventFlags(type);
  const at = f ? 14 : 10;
  return { ts: block.readBigUInt64LE(at), id: block.readUInt16LE(at + 20), flags: f ? block.readUInt32LE(10) : 0 };
}

/** Printed as far as the tail can tell: internal events and EVF state-only ones are not (initial state sits at the head). */
function printedAtTail(type: number, block: Buffer): bigint | null {
  const h = headerOf(type, block);
  if (h.ts === 0n || h.flags & 1 || h.id >= SYSDIG_029_EVENT_COUNT || isInternalEvent(h.id)) return null;
  return h.ts;
}

/**
 * Printed timed events read from the head before the earliest is trusted: libscap writes events
 * in the order it merges the CPUs' buffers, by time, so the first printed is the earliest; the
 * margin covers events written a little out of order. Checked against the whole-capture tally on
 * every real capture (captureSpan.test).
 */
const HEAD_PRINTED_EVENTS = 4096;

export async function firstPrintedFromHead(path: string): Promise<bigint | null> {
  const tally = new SysdigEventTally();
  let seen = 0;
  await forEachBlock(path, (type, block) => {
    if (type === BlockType.SECTION_HEADER) { tally.newSection(); return; }
    if (!isEventBlock(type) || block.length < 32) return;
    const h = headerOf(type, block);
    const before = tally.printed;
    tally.add(h.id, h.flags, Number(h.ts >> 32n), Number(h.ts & 0xffffffffn));
    if (tally.printed > before && h.ts !== 0n && ++seen >= HEAD_PRINTED_EVENTS) return STOP_WALK;
  });
  return tally.printedFirstTs;
}

/** The latest printed time by a walk of the whole capture, whatever the file (the tail's fallback, and its test's oracle). */
export async function latestByWalking(path: string): Promise<bigint> {
  let last = 0n;
  await forEachBlock(path, (type, block) => {
    if (!isEventBlock(type)) return;
    const ts = printedAtTail(type, block);
    if (ts !== null && ts > last) last = ts;
  });
  return last;
}

/**
 * Printed timed events read backwards from the end before the latest is trusted, for the same
 * reason as at the head. Checked against a full walk on every real capture (captureSpan.test).
 */
const TAIL_TIMED_EVENTS = 4096;
/** Blocks walked backwards at most (metadata blocks at the end count too) before giving up. */
const TAIL_BLOCKS = 65536;
const GZIP = 0x8b1f;

export function latestFromTail(path: string): bigint | null {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(16);
    if (readSync(fd, head, 0, 2, 0) === 2 && head.readUInt16LE(0) === GZIP) return null;
    let pos = fstatSync(fd).size;
    let latest: bigint | null = null;
    let timed = 0;
    const block = Buffer.alloc(36);
    for (let walked = 0; walked < TAIL_BLOCKS && timed < TAIL_TIMED_EVENTS; walked++) {
      if (pos < 12 || readSync(fd, head, 0, 4, pos - 4) !== 4) return null;
      const len = head.readUInt32LE(0);
      if (len < 12 || len > pos) return null;
      const start = pos - len;
      if (readSync(fd, head, 0, 16, start) < 8 || head.readUInt32LE(4) !== len) return null;
      const type = head.readUInt32LE(0);
      if (start === 0) break; // the section header: no event before it
      if (isEventBlock(type) && len >= 36) {
        if (readSync(fd, block, 0, 36, start) !== 36) return null;
        const ts = printedAtTail(type, block);
        if (ts !== null) {
          timed++;
          if (latest === null || ts > latest) latest = ts;
        }
      }
      pos = start;
    }
    return latest;
  } finally {
    closeSync(fd);
  }
}
