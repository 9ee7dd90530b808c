/**
 * The capture's span as a time window is measured against: its first timed event (the origin of
 * an offset, as `write` measures it) and its latest one. Paid only when a command is given
 * --from/--to, so it must not cost a pass over a large capture: the first event is near the
 * head, and in a plain file the latest is found by walking the last blocks backwards by their
 * trailers (every block ends with its length, scap-file-format.md §2). A gzip stream cannot be
 * read backwards, and a tail whose trailers do not chain (a cut-off or damaged file) is not
 * trusted: both are walked from the start.
 */
import { closeSync, openSync, readSync, fstatSync } from 'node:fs';
import { forEachBlock } from '../engine/writer/blockStream';
import { firstEventTimestamp } from '../engine/writer/blockStream';
import { BlockType, isEventBlock } from '../engine/capture/blockTypes';

export interface CaptureSpan { first: bigint; last: bigint }

/** First timed event and the latest event time; null when no event carries a time (container metadata carries 0). */
export async function captureSpan(path: string): Promise<CaptureSpan | null> {
  const first = await firstEventTimestamp(path);
  if (first === null) return null;
  const last = latestFromTail(path) ?? await latestByWalking(path);
  return { first, last: last < first ? first : last };
}

function timeOf(type: number, block: Buffer): bigint {
  const withFlags = type === BlockType.EVENT_FLAGS || type === BlockType.EVENT_FLAGS_V2 || type === BlockType.EVENT_FLAGS_V2_LARGE;
  return block.readBigUInt64LE(withFlags ? 14 : 10);
}

async function latestByWalking(path: string): Promise<bigint> {
  let last = 0n;
  await forEachBlock(path, (type, block) => {
    if (!isEventBlock(type)) return;
    const ts = timeOf(type, block);
    if (ts > last) last = ts;
  });
  return last;
}

/**
 * Timed events read backwards from the end before the latest is trusted: libscap writes events
 * in the order it merges the CPUs' buffers, by time, so the last timed block is the latest; the
 * margin covers events written a little out of order. Checked against a full walk on every real
 * capture (captureSpan.test).
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
    for (let walked = 0; walked < TAIL_BLOCKS && timed < TAIL_TIMED_EVENTS; walked++) {
      if (pos < 12 || readSync(fd, head, 0, 4, pos - 4) !== 4) return null;
      const len = head.readUInt32LE(0);
      if (len < 12 || len > pos) return null;
      const start = pos - len;
      if (readSync(fd, head, 0, 16, start) < 8 || head.readUInt32LE(4) !== len) return null;
      const type = head.readUInt32LE(0);
      if (start === 0) break; // the section header: no event before it
      if (isEventBlock(type)) {
        const block = Buffer.alloc(22);
        if (readSync(fd, block, 0, 22, start) !== 22) return null;
        const ts = timeOf(type, block);
        if (ts !== 0n) {
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

/** For the test: the latest time by the full walk, whatever the file. */
export const latestEventByFullWalk = latestByWalking;
