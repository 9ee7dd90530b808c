/**
 * Overview tiles for any time window, sample count and set of matching events, folded from the
 * index's tile log and lifetimes (no capture re-read). Each tile gets its total over the window,
 * its series (one value per equal slice of the window) and the largest slice value.
 */
import type { TileValue } from '../../../shared/ipc/contract';
import { compareTiles, containerKeyedTiles, containersFilter, staticTiles, SYSCALLS_TILE, tileCategories, tileDefinition, type TileDefinition } from '../../../shared/tiles/definitions';
import { SPAN_CONTAINER, SPAN_LISTENING_PORT, SPAN_PROCESS, type CaptureIndex } from '../index/eventIndex';
import { firstAtLeast, outside, windowRows, type TallyWindow } from '../index/windowRows';
import { countClasses } from '../views/classTally';

export interface TileWindow {
  /** Window bounds in the index's relative time (ns after baseTs), both inclusive. */
  from: number;
  to: number;
  samples: number;
  /** Rows matching the user's filter (1 = matches); absent = every row. */
  rowMask?: Uint8Array;
  /** Or: row classes matching it (index/rowClasses.ts; 1 = matches), for a filter classes decide. */
  classMask?: Uint8Array;
  /** The user's filter text: the chisel hides Running Containers when it mentions containers. */
  filterText?: string;
  /**
   * The span the series are drawn over, inside the window (default: the window). Totals count
   * the whole window. The whole capture's series cover the events sysdig prints, whose span the
   * timeline shows, while its totals count procinfo's events too, whose times can reach beyond.
   */
  seriesFrom?: number;
  seriesTo?: number;
}

const aliveKinds: Record<string, number> = { procs: SPAN_PROCESS, containers: SPAN_CONTAINER, 'net.listening': SPAN_LISTENING_PORT };

export function foldTiles(index: CaptureIndex, w: TileWindow): TileValue[] {
  const samples = Math.max(1, Math.floor(w.samples));
  const sFrom = w.seriesFrom ?? w.from;
  const sTo = w.seriesTo ?? w.to;
  const width = Math.max(1, (sTo - sFrom + 1) / samples);
  // Buckets 1..samples are the series' slices; 0 and samples + 1 gather what the window holds
  // before and after the series' span (counted in the totals only). One fold serves both.
  const bucketOf = (t: number) => (t < sFrom ? 0 : t > sTo ? samples + 1 : 1 + Math.min(samples - 1, Math.floor((t - sFrom) / width)));
  const c = index.cols;
  const ids = index.meta.tileIds;
  const defs = ids.map((id) => tileDefinition(id));
  const series = ids.map(() => new Float64Array(samples + 2));
  const totals = new Float64Array(ids.length);
  const rows = windowRows(index, { from: w.from, to: w.to }, true);
  // In time order when the window's ranges are and the log follows the rows.
  const ordered = !rows.times && logInRowOrder(index);
  const distinct = ids.map((_, n) => (defs[n]?.measure === 'distinct' ? distinctCounter(index, ordered) : undefined));
  // Container deaths/restarts drill to the containers they counted.
  const containersOf = ids.map((id) => (containerKeyedTiles.includes(id) ? new Set<number>() : undefined));

  // The log's loop reads the filter's answer per class (or row) and each entry's tile inline.
  const classMask = w.classMask && index.classes ? w.classMask : undefined;
  const classIds = index.classes?.ids;
  const mask = w.rowMask;
  const isDistinct = Uint8Array.from(distinct, (d) => (d ? 1 : 0));
  const { tileRow, tileId, tileKey, tileValue, ts } = c;
  const foldEntries = (from: number, to: number, checkTime: boolean) => {
    for (let i = from; i < to; i++) {
      const row = tileRow[i];
      if (classMask !== undefined ? classMask[classIds![row]] === 0 : mask !== undefined && mask[row] === 0) continue;
      const t = ts[row];
      if (checkTime && (t < w.from || t > w.to)) continue;
      const tile = tileId[i];
      const b = bucketOf(t);
      if (isDistinct[tile] === 1) {
        if (distinct[tile]!.add(tileKey[i], b)) series[tile][b] += 1;
        continue;
      }
      const v = tileValue[i];
      series[tile][b] += v;
      totals[tile] += v;
      if (tileKey[i] >= 0) containersOf[tile]?.add(tileKey[i]);
    }
  };
  if (ordered) {
    // The log is in row order: each range of the window is a range of the log.
    for (let r = 0; r < rows.ranges.length; r += 2) foldEntries(firstAtLeast(tileRow, rows.ranges[r]), firstAtLeast(tileRow, rows.ranges[r + 1]), false);
  } else foldEntries(0, tileRow.length, true);

  // System Calls: every row in the window (the log has no entries for it).
  const syscalls = ids.indexOf(SYSCALLS_TILE);
  // Under a filter, processes and ports count when their process has a matching event in the window.
  const counted = countRows(index, rows, w, bucketOf, syscalls >= 0 ? series[syscalls] : new Float64Array(samples + 2));
  if (syscalls >= 0) totals[syscalls] += counted.total;
  const owners = () => counted.owners;
  const byId = new Map<string, { def: TileDefinition; total: number; series: Float64Array }>();
  ids.forEach((id, n) => {
    let def = defs[n];
    if (!def) return;
    const counted = containersOf[n];
    if (counted && counted.size > 0) def = { ...def, drillFilter: containersFilter([...counted].map((k) => index.strings.get(k)).sort()) };
    byId.set(id, { def, total: distinct[n]?.size ?? totals[n], series: series[n].subarray(1, samples + 1) });
  });
  for (const def of staticTiles) {
    if (byId.has(def.id)) continue;
    const kind = aliveKinds[def.id];
    if (kind !== undefined) byId.set(def.id, foldAlive(index, def, kind, w, samples, width, kind === SPAN_CONTAINER ? undefined : owners()));
    else byId.set(def.id, { def, total: 0, series: new Float64Array(samples) });
  }

  const shown = [...byId.values()].filter(({ def, total }) => !def.excludable || total !== 0);
  const hideContainers = /container/.test(w.filterText ?? '');
  const categoriesShown = new Set(tileCategories.filter((cat) => cat.alwaysShown || shown.some((t) => t.def.category === cat.id)).map((cat) => cat.id));
  return shown
    .filter(({ def }) => categoriesShown.has(def.category) && !(hideContainers && def.id === 'containers'))
    .sort((a, b) => compareTiles(a.def, b.def))
    .map(({ def, total, series: s }) => ({
      id: def.id,
      category: tileCategories.find((cat) => cat.id === def.category)?.name ?? def.category,
      title: def.title,
      total,
      max: s.reduce((m, v) => (v > m ? v : m), 0),
      series: Array.from(s),
      drillView: def.drillView,
      drillFilter: def.drillFilter,
    }));
}

/** Things alive in each slice (processes, containers, listening ports) and in the whole window. */
function foldAlive(index: CaptureIndex, def: TileDefinition, kind: number, w: TileWindow, samples: number, width: number, owners?: Set<number>) {
  const c = index.cols;
  const { from, to } = w;
  const sFrom = w.seriesFrom ?? from;
  const sTo = w.seriesTo ?? to;
  const s = new Float64Array(samples);
  const keys = new Set<number>();
  // What was alive at either end of the capture is known alive only while the capture lasts: a
  // window before or after it has nothing alive (it once had every process alive at the end).
  const first = index.toRelative(BigInt(index.meta.firstTs));
  const last = index.toRelative(BigInt(index.meta.lastTs));
  for (let i = 0; i < c.spanKind.length; i++) {
    if (c.spanKind[i] !== kind) continue;
    if (owners && !owners.has(c.spanOwner[i])) continue;
    const start = Math.max(c.spanStart[i], first);
    const end = Math.min(c.spanEnd[i], last);
    if (end < from || start > to) continue;
    keys.add(c.spanKey[i] >= 0 ? c.spanKey[i] : -1 - i);
    if (end < sFrom || start > sTo) continue;
    const b0 = start <= sFrom ? 0 : Math.min(samples - 1, Math.floor((start - sFrom) / width));
    const b1 = end >= sTo ? samples - 1 : Math.min(samples - 1, Math.floor((end - sFrom) / width));
    for (let b = b0; b <= b1; b++) s[b] += 1;
  }
  return { def, total: keys.size, series: s };
}

const logOrder = new WeakMap<CaptureIndex, boolean>();

/** Whether the tile log's rows never go down (it is written while reading, row by row). */
function logInRowOrder(index: CaptureIndex): boolean {
  let sorted = logOrder.get(index);
  if (sorted === undefined) {
    const rows = index.cols.tileRow;
    sorted = true;
    for (let i = 1; i < rows.length; i++) if (rows[i] < rows[i - 1]) { sorted = false; break; }
    logOrder.set(index, sorted);
  }
  return sorted;
}

/**
 * Counts the window's rows matching the filter into `perBucket` and returns the total, with
 * the processes those rows belong to. A range's rows are in time order, so each slice's rows
 * are found by bisection and only the filter is asked per row (per class where it can).
 */
function countRows(index: CaptureIndex, rows: TallyWindow, w: TileWindow, bucketOf: (t: number) => number, perBucket: Float64Array): { total: number; owners?: Set<number> } {
  const c = index.cols;
  const ts = c.ts;
  const mask = w.rowMask;
  const classMask = w.classMask && index.classes ? w.classMask : undefined;
  const ids = index.classes?.ids;
  const owners = mask ? new Set<number>() : undefined;
  let lastOwner = NaN;
  let total = 0;
  /** Rows [a, b) of one slice: how many match. */
  const matching = (a: number, b: number): number => {
    if (classMask) {
      let n = 0;
      for (let row = a; row < b; row++) n += classMask[ids![row]];
      return n;
    }
    if (mask) {
      let n = 0;
      for (let row = a; row < b; row++) {
        if (mask[row] === 0) continue;
        n++;
        if (c.pid[row] !== lastOwner) owners!.add((lastOwner = c.pid[row]));
      }
      return n;
    }
    return b - a;
  };
  for (let r = 0; r < rows.ranges.length; r += 2) {
    const lo = rows.ranges[r];
    const hi = rows.ranges[r + 1];
    if (rows.times) {
      for (let row = lo; row < hi; row++) {
        if (outside(ts, rows.times, row) || matching(row, row + 1) === 0) continue;
        perBucket[bucketOf(ts[row])] += 1;
        total++;
      }
      continue;
    }
    let start = lo;
    while (start < hi) {
      const b = bucketOf(ts[start]);
      let a = start;
      let z = hi;
      while (a < z) { const m = (a + z) >>> 1; if (bucketOf(ts[m]) <= b) a = m + 1; else z = m; }
      const n = matching(start, a);
      perBucket[b] += n;
      total += n;
      start = a;
    }
  }
  if (classMask) return { total, owners: processesOfClasses(index, rows, classMask) };
  return { total, owners };
}

/** Things counted once per window and once per slice (files accessed, connections). */
interface DistinctCounter {
  /** Notes `key` in slice `bucket`; true when the slice had not counted it yet. */
  add(key: number, bucket: number): boolean;
  readonly size: number;
}

/**
 * Keys are interned strings: visited in time order (slices never go back), the last slice of
 * each key in an array says all; otherwise sets of (slice, key) do.
 */
function distinctCounter(index: CaptureIndex, inTimeOrder: boolean): DistinctCounter {
  const keys = index.strings.size;
  if (inTimeOrder) {
    const lastBucket = new Int32Array(keys).fill(-1);
    const counter = {
      size: 0,
      add(key: number, bucket: number): boolean {
        if (key < 0 || key >= keys) throw new Error(`tile key ${key} is not an interned string`);
        const last = lastBucket[key];
        if (last === bucket) return false;
        if (last === -1) counter.size++;
        lastBucket[key] = bucket;
        return true;
      },
    };
    return counter;
  }
  const all = new Set<number>();
  const perBucket = new Set<number>();
  return {
    get size() { return all.size; },
    add(key: number, bucket: number): boolean {
      all.add(key);
      const slot = bucket * 0x100000000 + (key >>> 0);
      if (perBucket.has(slot)) return false;
      perBucket.add(slot);
      return true;
    },
  };
}

/** Processes with an event of a matching class in the window (counted per class, from the index's blocks where it has them). */
function processesOfClasses(index: CaptureIndex, rows: TallyWindow, classMask: Uint8Array): Set<number> {
  const ids = index.classes!.ids;
  const counts = countClasses(index, rows, { byClass: (row) => classMask[ids[row]] === 1 });
  const owners = new Set<number>();
  for (const k of counts.order) owners.add(index.cols.pid[counts.first[k]]);
  return owners;
}
