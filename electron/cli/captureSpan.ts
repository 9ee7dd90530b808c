/**
 * The capture's span as a time window is measured against: its first timed event (the origin of
 * an offset, as `write` measures it) and its latest one. Read by walking the blocks, so it costs
 * one pass over the file, paid only when a command is given --from/--to.
 */
import { forEachBlock } from '../engine/writer/blockStream';
import { BlockType, isEventBlock } from '../engine/capture/blockTypes';

export interface CaptureSpan { first: bigint; last: bigint }

/** First timed event and the latest event time; null when no event carries a time (container metadata carries 0). */
export async function captureSpan(path: string): Promise<CaptureSpan | null> {
  let first: bigint | null = null;
  let last = 0n;
  await forEachBlock(path, (type, block) => {
    if (!isEventBlock(type)) return;
    const withFlags = type === BlockType.EVENT_FLAGS || type === BlockType.EVENT_FLAGS_V2 || type === BlockType.EVENT_FLAGS_V2_LARGE;
    const ts = block.readBigUInt64LE(withFlags ? 14 : 10);
    if (ts === 0n) return;
    first ??= ts;
    if (ts > last) last = ts;
  });
  return first === null ? null : { first, last };
}
