/**
 * Overview tiles for any time window, sample count and set of matching events, folded from the
 * index's tile log and lifetimes (no capture re-read). Each tile gets its total over the window,
 * its series (one value per equal slice of the window) and the largest slice value.
 */
import type { TileValue } from '../../../shared/ipc/contract';
import { compareTiles, containerKeyedTiles, containersFilter, staticTiles, SYSCALLS_TILE, tileCategories, tileDefinition, type TileDefinition } from '../../../shared/tiles/definitions';
import { SPAN_CONTAINER, SPAN_LISTENING_PORT, SPAN_PROCESS, type CaptureIndex } from '../index/eventIndex';

export interface TileWindow {
  /** Window bounds in the index's relative time (ns after baseTs), both inclusive. */
  from: number;
  to: number;
  samples: number;
  /** Rows matching the user's filter (1 = matches); absent = every row. */
  rowMask?: Uint8Array;
  /** The user's filter text: the chisel hides Running Containers when it mentions containers. */
  filterText?: string;
}

const aliveKinds: Record<string, number> = { procs: SPAN_PROCESS, containers: SPAN_CONTAINER, 'net.listening': SPAN_LISTENING_PORT };

export function foldTiles(index: CaptureIndex, w: TileWindow): TileValue[] {
  const samples = Math.max(1, Math.floor(w.samples));
  const width = Math.max(1, (w.to - w.from + 1) / samples);
  const bucketOf = (t: number) => Math.min(samples - 1, Math.floor((t - w.from) / width));
  const c = index.cols;
  const ids = index.meta.tileIds;
  const defs = ids.map((id) => tileDefinition(id));
  const series = ids.map(() => new Float64Array(samples));
  const totals = new Float64Array(ids.length);
  const distinctAll = ids.map(() => new Set<number>());
  const distinctPerBucket = ids.map(() => new Set<number>());
  const mask = w.rowMask;
  // Container deaths/restarts drill to the containers they counted.
  const containersOf = ids.map((id) => (containerKeyedTiles.includes(id) ? new Set<number>() : undefined));

  for (let i = 0; i < c.tileRow.length; i++) {
    const row = c.tileRow[i];
    if (mask && mask[row] === 0) continue;
    const t = c.ts[row];
    if (t < w.from || t > w.to) continue;
    const tile = c.tileId[i];
    const b = bucketOf(t);
    if (defs[tile]?.measure === 'distinct') {
      const key = c.tileKey[i];
      distinctAll[tile].add(key);
      const slot = b * 0x100000000 + (key >>> 0);
      if (!distinctPerBucket[tile].has(slot)) {
        distinctPerBucket[tile].add(slot);
        series[tile][b] += 1;
      }
    } else {
      series[tile][b] += c.tileValue[i];
      totals[tile] += c.tileValue[i];
      if (c.tileKey[i] >= 0) containersOf[tile]?.add(c.tileKey[i]);
    }
  }

  // System Calls: every row in the window (the log has no entries for it).
  const syscalls = ids.indexOf(SYSCALLS_TILE);
  if (syscalls >= 0) {
    const ts = c.ts;
    const perBucket = series[syscalls];
    let total = 0;
    for (let row = 0; row < ts.length; row++) {
      if (mask && mask[row] === 0) continue;
      const t = ts[row];
      if (t < w.from || t > w.to) continue;
      perBucket[bucketOf(t)] += 1;
      total++;
    }
    totals[syscalls] += total;
  }

  // Under a filter, processes and ports count when their process has a matching event in the window.
  let ownerSet: Set<number> | undefined;
  const owners = (): Set<number> | undefined => {
    if (!mask) return undefined;
    if (!ownerSet) {
      ownerSet = new Set();
      for (let row = 0; row < c.ts.length; row++) if (mask[row] && c.ts[row] >= w.from && c.ts[row] <= w.to) ownerSet.add(c.pid[row]);
    }
    return ownerSet;
  };
  const byId = new Map<string, { def: TileDefinition; total: number; series: Float64Array }>();
  ids.forEach((id, n) => {
    let def = defs[n];
    if (!def) return;
    const counted = containersOf[n];
    if (counted && counted.size > 0) def = { ...def, drillFilter: containersFilter([...counted].map((k) => index.strings.get(k)).sort()) };
    byId.set(id, { def, total: def.measure === 'distinct' ? distinctAll[n].size : totals[n], series: series[n] });
  });
  for (const def of staticTiles) {
    if (byId.has(def.id)) continue;
    const kind = aliveKinds[def.id];
    if (kind !== undefined) byId.set(def.id, foldAlive(index, def, kind, w.from, w.to, samples, width, kind === SPAN_CONTAINER ? undefined : owners()));
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
function foldAlive(index: CaptureIndex, def: TileDefinition, kind: number, from: number, to: number, samples: number, width: number, owners?: Set<number>) {
  const c = index.cols;
  const s = new Float64Array(samples);
  const keys = new Set<number>();
  for (let i = 0; i < c.spanKind.length; i++) {
    if (c.spanKind[i] !== kind) continue;
    if (owners && !owners.has(c.spanOwner[i])) continue;
    const start = c.spanStart[i];
    const end = c.spanEnd[i];
    if (end < from || start > to) continue;
    keys.add(c.spanKey[i] >= 0 ? c.spanKey[i] : -1 - i);
    const b0 = start <= from ? 0 : Math.min(samples - 1, Math.floor((start - from) / width));
    const b1 = end >= to ? samples - 1 : Math.min(samples - 1, Math.floor((end - from) / width));
    for (let b = b0; b <= b1; b++) s[b] += 1;
  }
  return { def, total: keys.size, series: s };
}
