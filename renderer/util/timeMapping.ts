/**
 * Between screen pixels and nanosecond timestamps (decimal strings). Offsets from the start of
 * the capture fit a double exactly for ~104 days, so the arithmetic is done on offsets and the
 * absolute time is rebuilt with BigInt.
 */
import type { TimeWindow } from '../../shared/ipc/contract';

export function windowFromPixels(x0: number, x1: number, width: number, firstTs: string, lastTs: string): TimeWindow {
  const first = BigInt(firstTs);
  const span = Number(BigInt(lastTs) - first);
  const at = (x: number) => first + BigInt(Math.round((Math.min(width, Math.max(0, x)) / Math.max(1, width)) * span));
  const [a, b] = x0 <= x1 ? [x0, x1] : [x1, x0];
  return { from: at(a).toString(), to: at(b).toString() };
}

export function pixelsFromWindow(window: TimeWindow, width: number, firstTs: string, lastTs: string): [number, number] {
  const first = BigInt(firstTs);
  const span = Math.max(1, Number(BigInt(lastTs) - first));
  const x = (ts: string) => (Number(BigInt(ts) - first) / span) * width;
  return [x(window.from), x(window.to)];
}

/** The window covers the whole capture (so there is nothing to restrict). */
export function isWholeCapture(window: TimeWindow, firstTs: string, lastTs: string): boolean {
  return BigInt(window.from) <= BigInt(firstTs) && BigInt(window.to) >= BigInt(lastTs);
}
