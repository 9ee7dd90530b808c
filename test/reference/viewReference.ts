/**
 * Comparing a Syscope view with csysdig's (`TZ=UTC csysdig -r F -v VIEW -j -pc [filter]`):
 * rows are matched by their key (lists: as a multiset of rows), cells by value — numbers within
 * 0.5% (csysdig prints durations rounded to 3 digits), text exactly.
 */
import { spawnSync } from 'node:child_process';

export interface CsysdigTable { rows: Array<{ k: string; d: unknown[] }>; legend: Array<{ name: string; type: string }>; filterTemplate?: string; drillDownKeyField?: string }

export function csysdigView(file: string, view: string, filter?: string): CsysdigTable | { error: string } {
  const r = spawnSync('csysdig', ['-r', file, '-v', view, '-j', '-pc', ...(filter ? [filter] : [])], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' }, maxBuffer: 1 << 30, timeout: 300_000 });
  if (r.status !== 0) return { error: (r.stderr || r.stdout || `exit ${r.status}`).split('\n')[0] };
  try {
    const j = JSON.parse(r.stdout) as { slices: Array<{ data?: Array<{ k: string; d: unknown[] }>; info?: { legend: CsysdigTable['legend']; filterTemplate?: string; drillDownKeyField?: string } }> };
    const last = j.slices[j.slices.length - 1];
    return { rows: last.data ?? [], legend: last.info?.legend ?? [], filterTemplate: last.info?.filterTemplate, drillDownKeyField: last.info?.drillDownKeyField };
  } catch {
    return { error: `csysdig printed no JSON: ${r.stdout.slice(0, 80)}` };
  }
}

/** csysdig's "nice" durations ("   3.93us", "412ms", "1.2s") → ns. */
export function parseNiceDuration(s: string): number | undefined {
  const mmss = /^\s*(\d+):(\d+)\s*$/.exec(s);
  if (mmss) return (Number(mmss[1]) * 60 + Number(mmss[2])) * 1e9;
  const m = /^\s*([\d.]+)(ns|us|ms|s)\s*$/.exec(s);
  if (!m) return undefined;
  return Number(m[1]) * { ns: 1, us: 1e3, ms: 1e6, s: 1e9 }[m[2] as 'ns'];
}

/** Whether `ns` printed csysdig's way (3 significant digits, cut or rounded) could read `text`. */
function sameDuration(ns: number, text: string): boolean {
  const mmss = /^\s*(\d+):(\d+)\s*$/.exec(text);
  if (mmss) {
    const shown = (Number(mmss[1]) * 60 + Number(mmss[2])) * 1e9;
    return ns >= shown - 1e9 && ns < shown + 1e9;
  }
  const m = /^\s*([\d.]+)(ns|us|ms|s)\s*$/.exec(text);
  if (!m) return false;
  const unit = { ns: 1, us: 1e3, ms: 1e6, s: 1e9 }[m[2] as 'ns'];
  const decimals = (m[1].split('.')[1] ?? '').length;
  const step = unit / 10 ** decimals;
  const shown = Number(m[1]) * unit;
  return ns >= shown - step && ns < shown + step;
}

export function sameCell(ours: unknown, theirs: unknown): boolean {
  if (typeof theirs === 'string') {
    if (typeof ours === 'number' && parseNiceDuration(theirs) !== undefined) return sameDuration(ours, theirs);
    return String(ours ?? '') === theirs.trim() || String(ours ?? '') === theirs;
  }
  if (typeof theirs === 'number') {
    if (typeof ours !== 'number') return false;
    return Math.abs(ours - theirs) <= Math.max(1e-6, Math.abs(theirs) * 0.005);
  }
  return ours === theirs;
}

export interface Comparison { theirRows: number; ourRows: number; matchedRows: number; cells: number; sameCells: number; diffs: string[] }

export function compareView(ours: { keys?: string[]; rows: unknown[][]; columns: Array<{ name: string }> }, theirs: CsysdigTable, isList: boolean): Comparison {
  const out: Comparison = { theirRows: theirs.rows.length, ourRows: ours.rows.length, matchedRows: 0, cells: 0, sameCells: 0, diffs: [] };
  const note = (s: string) => { if (out.diffs.length < 8) out.diffs.push(s); };
  if (isList) {
    const pool = new Map<string, number>();
    for (const r of ours.rows) { const k = JSON.stringify(r); pool.set(k, (pool.get(k) ?? 0) + 1); }
    for (const r of theirs.rows) {
      out.cells += r.d.length;
      const hit = [...pool.keys()].find((k) => { const o = JSON.parse(k) as unknown[]; return o.length === r.d.length && o.every((v, i) => sameCell(v, r.d[i])); });
      if (hit) {
        out.matchedRows++;
        out.sameCells += r.d.length;
        const n = pool.get(hit)! - 1;
        if (n) pool.set(hit, n); else pool.delete(hit);
      } else note(`csysdig row not found: ${JSON.stringify(r.d)}`);
    }
    return out;
  }
  const byKey = new Map<string, unknown[]>();
  ours.rows.forEach((r, i) => byKey.set(ours.keys?.[i] ?? '', r));
  for (const r of theirs.rows) {
    out.cells += r.d.length;
    const mine = byKey.get(r.k);
    if (!mine) { note(`missing key ${r.k}`); continue; }
    out.matchedRows++;
    r.d.forEach((v, i) => {
      if (sameCell(mine[i], v)) out.sameCells++;
      else note(`${r.k} ${ours.columns[i]?.name}: ours ${JSON.stringify(mine[i])} csysdig ${JSON.stringify(v)}`);
    });
  }
  for (const k of byKey.keys()) if (!theirs.rows.some((r) => r.k === k)) note(`extra key ${k}`);
  return out;
}
