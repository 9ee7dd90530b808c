/** How numbers read on screen: bytes in binary units, counts with k/M, times in UTC. */
import { countOf as countNoun } from '../../shared/format/plural';
import { formatDuration } from '../../shared/format/duration';
import type { ColumnInfo } from '../../shared/ipc/contract';

/** The app's durations are the command line's (shared/format/duration.ts). */
export { formatDuration };

export function formatBytes(n: number): string {
  if (!Number.isFinite(n)) return '';
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = Math.abs(n);
  let u = 0;
  while (v >= 1024 && u < units.length - 1) { v /= 1024; u++; }
  const text = u === 0 ? String(Math.round(v)) : v.toFixed(v < 10 ? 2 : v < 100 ? 1 : 0);
  return `${n < 0 ? '-' : ''}${text} ${units[u]}`;
}

export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return '';
  const a = Math.abs(n);
  if (a < 10_000) return Number.isInteger(n) ? String(n) : n.toFixed(2);
  if (a < 1e6) return `${(n / 1e3).toFixed(1)}k`;
  if (a < 1e9) return `${(n / 1e6).toFixed(a < 1e7 ? 2 : 1)}M`;
  return `${(n / 1e9).toFixed(2)}G`;
}

/** Nanoseconds since the epoch (decimal string) as UTC with microseconds. */
export function formatTimestamp(ns: string): string {
  if (!/^\d+$/.test(ns)) return ns;
  const big = BigInt(ns);
  const ms = Number(big / 1_000_000n);
  const micros = Number((big % 1_000_000_000n) / 1000n);
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return ns;
  return `${d.toISOString().slice(0, 19).replace('T', ' ')}.${String(micros).padStart(6, '0')} UTC`;
}

/** A count and its noun, singular for one, thousands grouped: "1 step", "2 steps", "12,345 events". */
export function countOf(n: number, singular: string, plural = `${singular}s`): string {
  return countNoun(n, singular, plural, (x) => x.toLocaleString('en-US'));
}

export function formatSeconds(s: number | null): string {
  if (s === null || !Number.isFinite(s)) return '—';
  if (s < 1) return '< 1 s';
  if (s < 60) return `${Math.round(s)} s`;
  return `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
}

export function formatCell(value: string | number | null, type: ColumnInfo['type']): string {
  if (value === null) return '';
  if (typeof value === 'string') return type === 'time' ? formatTimestamp(value) : value;
  switch (type) {
    case 'bytes': return formatBytes(value);
    case 'duration': return formatDuration(value);
    case 'percent': return `${value.toFixed(1)}%`;
    case 'number': return Number.isInteger(value) ? String(value) : value.toFixed(2);
    default: return String(value);
  }
}

/**
 * Whether a capture has any timestamped event. A capture of headers and metadata only (cut off
 * after its first blocks) reports 0 for both ends: shown as a date, that is 1970-01-01 (QA 14 A8).
 */
export function hasTimestamps(span: { firstTs: string; lastTs: string }): boolean {
  const positive = (ns: string) => /^\d+$/.test(ns) && BigInt(ns) > 0n;
  return positive(span.firstTs) || positive(span.lastTs);
}
