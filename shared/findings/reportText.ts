/** Wording shared by the HTML and Markdown reports (times, sizes, spans), all plain text. */
import { formatDateTime } from '../format/time';

export function utcTime(ns: string): string {
  return /^\d{1,20}$/.test(ns) ? `${formatDateTime(BigInt(ns))} UTC` : ns;
}

export function spanText(from: string, to: string): string {
  if (!/^\d{1,20}$/.test(from) || !/^\d{1,20}$/.test(to)) return '';
  const ns = BigInt(to) - BigInt(from);
  const s = Number(ns) / 1e9;
  return s >= 1 ? `${s.toFixed(3)} s` : `${(Number(ns) / 1e6).toFixed(3)} ms`;
}

export function windowText(w: { from: string; to: string }): string {
  return `${utcTime(w.from)} to ${utcTime(w.to)} (${spanText(w.from, w.to)})`;
}

export function sizeText(bytes: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = bytes;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) { v /= 1024; u++; }
  return u === 0 ? `${bytes} bytes` : `${v.toFixed(1)} ${units[u]} (${bytes} bytes)`;
}

/** The drill path as one line: Containers › nginx-7 (container.id) › Processes. */
export function trailText(trail: Array<{ viewName: string; selection?: string; keyField?: string }>): string {
  return trail.map((t) => (t.selection ? `${t.selection} › ${t.viewName}` : t.viewName)).join(' › ');
}

export const evidenceKindName: Record<'event' | 'row' | 'stream', string> = { event: 'Event', row: 'View row', stream: 'Stream operation' };

/** "Event numbers restart in this file: #298 is #103 there, #344 is #135." (none when unchanged or unknown). */
export function renumberedText(subset: { renumbered?: Array<{ original: number; inSubset: number }> }): string | undefined {
  const pairs = subset.renumbered ?? [];
  if (pairs.length === 0 || pairs.every((p) => p.original === p.inSubset)) return undefined;
  const [first, ...rest] = pairs.map((p) => `#${p.original} is #${p.inSubset}`);
  return `Event numbers restart in this file: ${[`${first} there`, ...rest].join(', ')}.`;
}
