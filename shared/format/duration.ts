/**
 * Durations in sysdig's "nice" form (`%evt.latency.human`, csysdig time columns):
 * 653ns, 1.50us, 12us, 3.07ms, 25ms, 1.20s, 2:05, 01:02:03.
 */

const S = 1000000000;

/** Right-aligns `s` to `width` characters (sysdig pads nice values to the column width). */
function padLeft(s: string, width: number): string {
  return s.length < width ? ' '.repeat(width - s.length) + s : s;
}

function two(n: number): string { return String(n).padStart(2, '0'); }

export function formatDurationNice(ns: number | bigint, width = 0): string {
  const v = typeof ns === 'bigint' ? Number(ns) : ns;
  let s: string;
  if (v >= 3600 * S) s = `${two(Math.floor(v / (3600 * S)))}:${two(Math.floor(v / (60 * S)) % 60)}:${two(Math.floor(v / S) % 60)}`;
  else if (v >= 60 * S) s = `${Math.floor(v / (60 * S))}:${Math.floor(v / S) % 60}`;
  else if (v >= S) s = `${Math.floor(v / S)}.${two(Math.floor((v % S) / 10000000))}s`;
  else if (v >= S / 100) s = `${Math.floor(v / 1000000)}ms`;
  else if (v >= S / 1000) s = `${Math.floor(v / 1000000)}.${two(Math.floor((v % 1000000) / 10000))}ms`;
  else if (v >= S / 100000) s = `${Math.floor(v / 1000)}us`;
  else if (v >= S / 1000000) s = `${Math.floor(v / 1000)}.${two(Math.floor((v % 1000) / 10))}us`;
  else s = `${Math.max(0, Math.floor(v))}ns`;
  return padLeft(s, width);
}

/**
 * A duration as the app shows it (back-off between restarts, latencies, spans): 999 ns, 1.5 µs,
 * 3.2 ms, 10.44 s, 1m 21s, 2h 5m. The command line prints the same values the same way.
 */
export function formatDuration(ns: number): string {
  if (!Number.isFinite(ns)) return '';
  const a = Math.abs(ns);
  if (a < 1e3) return `${Math.round(ns)} ns`;
  if (a < 1e6) return `${(ns / 1e3).toFixed(1)} µs`;
  if (a < 1e9) return `${(ns / 1e6).toFixed(1)} ms`;
  if (a < 60e9) return `${(ns / 1e9).toFixed(2)} s`;
  const s = Math.round(ns / 1e9);
  return s < 3600 ? `${Math.floor(s / 60)}m ${s % 60}s` : `${Math.floor(s / 3600)}h ${Math.floor((s % 3600) / 60)}m`;
}
