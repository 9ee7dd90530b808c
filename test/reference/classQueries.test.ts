/**
 * Probes of the row-class query path at its edges: windows whose ends fall on block boundaries,
 * on one row, between two rows (empty), on the last short block, or on rows without a
 * timestamp; filters mixing class fields with evt.latency, evt.rawtime and thread.tid
 * under `or` and `not`; a kept tally reused by views asked in another order; tiles with 1 and
 * 1,000 samples. Each answer from row classes (with and without blocks of several sizes) must
 * equal the row-by-row answer (classes taken away), and tiles must equal a plain fold of the
 * tile log written here.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { capturesDir, referenceSkip } from '../support/reference';
import { CaptureSession } from '../../electron/engine/api/captureSession';
import { engineResolver } from '../../electron/engine/api/engineResolver';
import { listedViews } from '../../shared/views/catalog';
import { computeClassBlocks } from '../../electron/engine/index/classBlocks';
import { columnarMask, columnResolver, compileColumnar } from '../../electron/engine/filter/columnarFilter';
import { compileFilter } from '../../electron/engine/filter/compile';
import { foldTiles } from '../../electron/engine/tiles/foldTiles';
import { windowRows } from '../../electron/engine/index/windowRows';
import { PROCINFO } from '../../electron/engine/views/tableFields';
import { tileDefinition, SYSCALLS_TILE } from '../../shared/tiles/definitions';
import type { CaptureIndex } from '../../electron/engine/index/eventIndex';
import type { TimeWindow, TileValue } from '../../shared/ipc/contract';
import type { ViewTable } from '../../electron/engine/views/aggregateView';

const skip = referenceSkip(false);

/** A table as comparable text, in row order (numbers to 12 significant digits: sums may add in another order). */
function rowsOf(t: ViewTable): string[] {
  return t.rows.map((r, i) => `${t.keys[i]}\t${r.map((v) => (typeof v === 'number' ? Number(v.toPrecision(12)) : v)).join('\t')}`);
}

type Mutable = CaptureIndex & { classes?: CaptureIndex['classes']; blocks?: CaptureIndex['blocks'] };

async function open(name: string): Promise<{ session: CaptureSession; index: Mutable }> {
  const session = await CaptureSession.open(join(capturesDir, name), { resolver: engineResolver(), cache: null });
  return { session, index: session.index as Mutable };
}

/** Makes rows `rows` events without a timestamp (time 0), as the index records them; before any question. */
function untime(index: Mutable, rows: number[]): void {
  for (const r of rows) index.cols.ts[r] = 0;
  index.meta.zeroTimeRows = [...rows].sort((a, b) => a - b);
  index.meta.zeroTimes = false;
}

/** Windows at the edges, in row times: block boundaries, one row, none, the last rows, around untimed rows. */
function edgeWindows(index: CaptureIndex, blockRows: number): Array<TimeWindow | undefined> {
  const n = index.events;
  const zero = new Set(index.meta.zeroTimeRows ?? []);
  const timed = (r: number, step: number): number => {
    while (r >= 0 && r < n && zero.has(r)) r += step;
    return Math.min(n - 1, Math.max(0, r));
  };
  const at = (r: number) => String(index.rowTs(r));
  const w = (a: number, b: number): TimeWindow => {
    const lo = timed(a, 1);
    return { from: at(lo), to: at(Math.max(lo, timed(b, -1))) };
  };
  const out: Array<TimeWindow | undefined> = [undefined];
  out.push(w(blockRows, 3 * blockRows - 1), w(blockRows, 3 * blockRows), w(blockRows - 1, n - 1), w(0, blockRows - 1));
  out.push(w(Math.floor(n / 2), Math.floor(n / 2)), w(n - 1, n - 1), w(0, 0));
  out.push(w(n - Math.max(1, n % blockRows) , n - 1), w(Math.floor(n / 3), n - 2));
  // Empty: between two rows whose times differ by more than 1 ns, and after the last row.
  for (let r = Math.floor(n / 4); r + 1 < n; r++) {
    if (zero.has(r) || zero.has(r + 1)) continue;
    if (index.cols.ts[r + 1] - index.cols.ts[r] > 2) {
      out.push({ from: String(index.rowTs(r) + 1n), to: String(index.rowTs(r + 1) - 1n) });
      break;
    }
  }
  out.push({ from: String(index.rowTs(timed(n - 1, -1)) + 1n), to: String(index.rowTs(timed(n - 1, -1)) + 1000n) });
  for (const z of index.meta.zeroTimeRows ?? []) if (z > 0 && z < n - 1) out.push(w(z - 1, z + 1), w(z, z + blockRows));
  return out;
}

/** Filters mixing fields row classes decide with per-row ones (time, latency, tid). */
function edgeFilters(index: CaptureIndex): string[] {
  const mid = index.rowTs(Math.floor(index.events / 2));
  return [
    '',
    'proc.name!=bash and evt.type!=switch',
    'evt.latency>1000 or fd.type=file',
    `not (evt.rawtime>${mid} and proc.name=nginx)`,
    'fd.type=file and not evt.latency<5000',
    `evt.rawtime<${mid} or evt.dir=<`,
    `evt.dir=< and evt.rawtime>=${mid}`,
    'thread.tid>1000 and evt.type!=switch',
    'not thread.tid in (1, 2, 3) or evt.latency=0',
    'evt.type=procinfo or proc.name=sshd',
    `evt.cpu=0 or evt.latency>100000 or not evt.rawtime<=${mid}`,
  ];
}

const ids = listedViews().map((v) => v.id);

/** Tables by every way the index answers, compared with the row-by-row tables (classes taken away). */
function compareTables(name: string, session: CaptureSession, index: Mutable, blockSizes: number[]): number {
  const classes = index.classes;
  assert.ok(classes, `${name}: row classes`);
  const smallest = Math.min(...blockSizes);
  let compared = 0;
  for (const filter of edgeFilters(index)) {
    for (const window of edgeWindows(index, smallest)) {
      const what = `${name} '${filter}' ${window ? `${window.from}..${window.to}` : 'whole'}`;
      index.classes = undefined;
      index.blocks = undefined;
      const byRow = session.indexedTables(ids, filter, window);
      assert.ok(byRow, `${what}: folded from the index`);
      index.classes = classes;
      for (const size of [0, ...blockSizes]) {
        index.blocks = size ? computeClassBlocks(index, size) : undefined;
        // Asked twice in opposite orders and once view by view: the second and third reuse the kept tally.
        const asked = [session.indexedTables(ids, filter, window), session.indexedTables([...ids].reverse(), filter, window)];
        for (const t of asked) {
          assert.ok(t, `${what}: folded from classes`);
          for (const id of ids) {
            assert.deepEqual(rowsOf(t.get(id)!), rowsOf(byRow.get(id)!), `${what}, view ${id}, blocks of ${size || 'none'}`);
            compared++;
          }
        }
        for (const id of ids.slice(0, 8)) {
          const one = session.indexedTables([id], filter, window)!;
          assert.deepEqual(rowsOf(one.get(id)!), rowsOf(byRow.get(id)!), `${what}, view ${id} alone, blocks of ${size || 'none'}`);
        }
      }
    }
  }
  return compared;
}

test('view tables from classes and blocks equal the row-by-row tables at window and filter edges', { skip }, async () => {
  let compared = 0;
  for (const name of ['falco_cat_write.scap', 'sysflow_client-server_tcp-client-server.scap']) {
    const { session, index } = await open(name);
    compared += compareTables(name, session, index, [1, 37]);
  }
  assert.ok(compared > 1000, `${compared} tables compared`);
});

test('view tables from classes and blocks equal the row-by-row tables when some rows have no timestamp', { skip }, async () => {
  const { session, index } = await open('sysflow_files_files.scap');
  const n = index.events;
  // The first row, rows on and next to block boundaries of 64, a run of two, the last row, and
  // two procinfo events (then blocks carry no CPU figures and CPU is summed row by row).
  const procinfo = [...Array(n).keys()].filter((r) => index.cols.type[r] === PROCINFO);
  assert.ok(procinfo.length > 10);
  untime(index, [...new Set([0, 63, 64, 128, 129, 700, Math.floor(n / 2), n - 1, procinfo[3], procinfo[procinfo.length >> 1]])]);
  assert.equal(computeClassBlocks(index, 64)?.cpu, undefined, 'untimed procinfo events: blocks without CPU figures');
  assert.ok(compareTables('files with untimed rows', session, index, [64]) > 0);
});

test('view tables equal the re-scan\'s at window edges on a capture whose times go backwards', { skip }, async () => {
  const { session, index } = await open('bencer_capture.scap');
  index.blocks = computeClassBlocks(index, 4096);
  const questions = edgeWindows(index, 4096).slice(0, 6);
  const q = questions[1]!;
  assert.ok(windowRows(index, { from: index.toRelative(BigInt(q.from)), to: index.toRelative(BigInt(q.to)) }).times, 'windows check each row\'s time');
  const filters = ['', 'evt.latency>1000 or fd.type=file', 'thread.tid>1000 and evt.type!=switch'];
  for (const filter of filters) {
    for (const window of questions) {
      const indexed = session.indexedTables(ids, filter, window)!;
      const rescanned = await session.rescanTables(ids, filter, window);
      for (const id of ids) assert.deepEqual(rowsOf(indexed.get(id)!), rowsOf(rescanned.get(id)!), `'${filter}' ${JSON.stringify(window)} view ${id}`);
    }
  }
});

/** Filter masks: split per class and per row, equal to the whole filter asked of every row. */
test('filters split into class and row parts match the whole filter on every row', { skip }, async () => {
  let cases = 0;
  for (const name of ['inspect_502Error.scap', 'sysflow_files_files.scap']) {
    const { index } = await open(name);
    for (const filter of edgeFilters(index).filter((f) => f)) {
      const split = compileColumnar(index, filter);
      assert.ok(split.ok, `${name} '${filter}' compiles over the index`);
      const plain = compileFilter(filter, columnResolver(index));
      assert.ok(plain.ok);
      const mask = columnarMask(index, split.predicate);
      const want = Uint8Array.from({ length: index.events }, (_, r) => (plain.predicate(r) ? 1 : 0));
      assert.deepEqual(mask, want, `${name} '${filter}'`);
      cases++;
    }
  }
  assert.ok(cases >= 20);
});

/** Tiles folded plainly: every log entry and row of the window, the filter asked per row. */
function plainTiles(index: CaptureIndex, from: number, to: number, samples: number, mask?: Uint8Array) {
  const width = Math.max(1, (to - from + 1) / samples);
  const bucketOf = (t: number) => Math.min(samples - 1, Math.floor((t - from) / width));
  const ts = index.cols.ts;
  const out = new Map<string, { total: number; series: number[] }>();
  const seen = new Map<string, { all: Set<number>; per: Set<string> }>();
  const { tileRow, tileId, tileKey, tileValue } = index.cols;
  for (let i = 0; i < tileRow.length; i++) {
    const row = tileRow[i];
    const t = ts[row];
    if (t < from || t > to || (mask && mask[row] === 0)) continue;
    const id = index.meta.tileIds[tileId[i]];
    const def = tileDefinition(id);
    if (!def) continue;
    let o = out.get(id);
    if (!o) out.set(id, (o = { total: 0, series: new Array(samples).fill(0) }));
    const b = bucketOf(t);
    if (def.measure === 'distinct') {
      let s = seen.get(id);
      if (!s) seen.set(id, (s = { all: new Set(), per: new Set() }));
      s.all.add(tileKey[i]);
      if (!s.per.has(`${b}/${tileKey[i]}`)) { s.per.add(`${b}/${tileKey[i]}`); o.series[b]++; }
      o.total = s.all.size;
    } else {
      o.series[b] += tileValue[i];
      o.total += tileValue[i];
    }
  }
  const sys = { total: 0, series: new Array(samples).fill(0) };
  for (let row = 0; row < index.events; row++) {
    const t = ts[row];
    if (t < from || t > to || (mask && mask[row] === 0)) continue;
    sys.total++;
    sys.series[bucketOf(t)]++;
  }
  out.set(SYSCALLS_TILE, sys);
  return out;
}

function compareTiles(what: string, index: Mutable, session: CaptureSession, filters: string[]): number {
  let cases = 0;
  const first = index.toRelative(BigInt(index.meta.firstTs));
  const last = index.toRelative(BigInt(index.meta.lastTs));
  const windows = edgeWindows(index, 64).map((w) => (w ? { from: index.toRelative(BigInt(w.from)), to: index.toRelative(BigInt(w.to)) } : { from: first, to: last }));
  windows.push({ from: Math.min(0, first) - 5000, to: last + 5000 }, { from: 0, to: 0 });
  for (const filter of filters) {
    const classMask = filter ? session.classMask(filter) : undefined;
    if (filter) assert.ok(classMask, `${what} '${filter}': decided per class`);
    const compiled = filter ? compileColumnar(index, filter) : undefined;
    const rowMask = compiled?.ok ? columnarMask(index, compiled.predicate) : undefined;
    for (const w of windows) {
      for (const samples of [1, 7, 1000]) {
        const at = `${what} '${filter}' ${w.from}..${w.to} samples ${samples}`;
        const byClass = foldTiles(index, { ...w, samples, classMask, filterText: filter });
        const byRow = foldTiles(index, { ...w, samples, rowMask, filterText: filter });
        assert.deepEqual(byClass, byRow, at);
        const plain = plainTiles(index, w.from, w.to, samples, rowMask);
        for (const tile of byClass as TileValue[]) {
          const p = plain.get(tile.id);
          if (!p) continue;
          assert.deepEqual({ total: tile.total, series: tile.series }, p, `${at}: tile ${tile.id}`);
        }
        cases++;
      }
    }
  }
  return cases;
}

const TILE_FILTERS = ['', 'proc.name!=bash', 'fd.type=file', 'not fd.name exists', 'evt.type in (read, write, open, openat, connect)'];

test('tiles from classes equal tiles from a row mask and a plain fold of the log at window edges', { skip }, async () => {
  let cases = 0;
  for (const name of ['inspect_502Error.scap', 'falco_psp_run_as_user_0_container.scap']) {
    const { session, index } = await open(name);
    index.blocks = computeClassBlocks(index, 64);
    cases += compareTiles(name, index, session, TILE_FILTERS);
  }
  assert.ok(cases > 100);
});

test('tiles count rows without a timestamp at time 0, alike from classes, a row mask and a plain fold', { skip }, async () => {
  const { session, index } = await open('sysflow_mpm-event_cold_start_capture.scap');
  const n = index.events;
  const withEntries = [...new Set(index.cols.tileRow)].filter((r) => r > 0 && r < n - 1);
  assert.ok(withEntries.length > 10);
  // Untimed rows with tile entries (files, connections) spread over the capture, and the last row.
  untime(index, [withEntries[1], withEntries[Math.floor(withEntries.length / 2)], withEntries[withEntries.length - 2], n - 1]);
  index.blocks = computeClassBlocks(index, 64);
  assert.ok(compareTiles('untimed rows', index, session, TILE_FILTERS) > 50);
});

// sinsp keeps thread.cpu's per-thread state in each filtercheck: the user's filter reading it on
// every procinfo event must not move the tables' counters (the re-scan once shared them).
test('user filters reading thread.cpu give the re-scan\'s tables, from classes and blocks', { skip }, async () => {
  const { session, index } = await open('sysflow_files_files.scap');
  index.blocks = computeClassBlocks(index, 64);
  const windows = [undefined, ...edgeWindows(index, 64).slice(1, 4)];
  let differing = 0;
  for (const filter of ['thread.cpu>0', 'thread.cpu>0 or evt.latency>1000', 'evt.type=procinfo and thread.cpu.user>=1', 'not thread.cpu>0']) {
    for (const window of windows) {
      const indexed = session.indexedTables(ids, filter, window)!;
      assert.ok(indexed, `'${filter}': folded from the index`);
      const rescanned = await session.rescanTables(ids, filter, window);
      for (const id of ids) {
        assert.deepEqual(rowsOf(indexed.get(id)!), rowsOf(rescanned.get(id)!), `'${filter}' ${JSON.stringify(window)} view ${id}`);
      }
      // The filter's choice matters: its tables differ from the unfiltered ones somewhere.
      if (ids.some((id) => JSON.stringify(rowsOf(indexed.get(id)!)) !== JSON.stringify(rowsOf(session.indexedTables([id], '', window)!.get(id)!)))) differing++;
    }
  }
  assert.ok(differing > 0);
});
