/**
 * Row classes: every event row falls in the class of the rows that agree with it on all the
 * index columns a filter or a view table reads per row, except its time and latency: the
 * tuple of each field group, fd.num, thread, process, event type, direction and cpu. Rows of
 * one class give the same answer to any filter over those fields and the same cells in any
 * table, so such questions are asked once per class, and a pass over a window only counts
 * rows per class (views/classTally.ts). At 16 M events the bench capture has about 7,000
 * classes; a capture whose rows rarely repeat has no classes at all (MAX_CLASS_SHARE) and
 * every question is asked per row, as before. Small real captures have a class per 2–3 rows.
 */
import type { ValueIds } from './valueColumns';

export interface RowClasses {
  /** One class id per event row, as narrow as the class count allows. */
  ids: ValueIds;
  /** The first row of each class (any row of a class stands for all of them). */
  firstRow: Int32Array;
}

/** Beyond this many classes per row (and MIN_CLASS_LIMIT), classes save little and their hash table costs memory. */
const MAX_CLASS_SHARE = 1 / 8;
const MIN_CLASS_LIMIT = 1 << 16;
const EMPTY = -1;
/** `tick` is called every 2^18 rows (the indexer reports progress from it). */
const TICK_ROWS = (1 << 18) - 1;

/** `ids`, widened if class id `id` does not fit. */
function widen(ids: ValueIds, id: number): ValueIds {
  if (id <= 0xff || (id <= 0xffff && !(ids instanceof Uint8Array)) || ids instanceof Uint32Array) return ids;
  const wider = id <= 0xffff ? new Uint16Array(ids.length) : new Uint32Array(ids.length);
  wider.set(ids);
  return wider;
}

/**
 * Classes of `rows` rows by the values of `columns` (each an integer per row), numbered in the
 * order of their first row; undefined when there would be more than rows × MAX_CLASS_SHARE
 * (and MIN_CLASS_LIMIT). `tick` is called now and then (progress).
 */
export function computeRowClasses(columns: ReadonlyArray<ArrayLike<number>>, rows: number, tick?: () => void): RowClasses | undefined {
  const width = columns.length;
  const limit = Math.max(MIN_CLASS_LIMIT, Math.floor(rows * MAX_CLASS_SHARE));
  let keys: Int32Array = new Int32Array(1024 * width);
  let firstRow: Int32Array = new Int32Array(1024);
  let table: Int32Array = new Int32Array(2048).fill(EMPTY);
  let size = 0;
  // Class ids widen as classes appear. Large captures start two bytes wide: they have more
  // than 256 classes, and widening would hold two arrays at the indexer's peak memory.
  let ids: ValueIds = rows >= MIN_CLASS_LIMIT ? new Uint16Array(rows) : new Uint8Array(rows);
  const key = new Int32Array(width);
  for (let row = 0; row < rows; row++) {
    if ((row & TICK_ROWS) === TICK_ROWS) tick?.();
    let h = 0x811c9dc5;
    for (let i = 0; i < width; i++) {
      const v = columns[i][row] | 0;
      key[i] = v;
      h = Math.imul(h ^ v, 0x01000193);
    }
    h ^= h >>> 15;
    const mask = table.length - 1;
    let b = h & mask;
    let found = EMPTY;
    for (;;) {
      const c = table[b];
      if (c === EMPTY) break;
      let same = true;
      const at = c * width;
      for (let i = 0; i < width; i++) if (keys[at + i] !== key[i]) { same = false; break; }
      if (same) { found = c; break; }
      b = (b + 1) & mask;
    }
    if (found === EMPTY) {
      if (size === limit) return undefined;
      found = size++;
      if (found === firstRow.length) {
        const f = new Int32Array(firstRow.length * 2); f.set(firstRow); firstRow = f;
        const k = new Int32Array(keys.length * 2); k.set(keys); keys = k;
      }
      firstRow[found] = row;
      keys.set(key, found * width);
      table[b] = found;
      ids = widen(ids, found);
      if (size * 2 > table.length) table = rehash(table, keys, width, size);
    }
    ids[row] = found;
  }
  return { ids, firstRow: firstRow.slice(0, size) };
}

function rehash(old: Int32Array, keys: Int32Array, width: number, size: number): Int32Array {
  const table = new Int32Array(old.length * 2).fill(EMPTY);
  const mask = table.length - 1;
  for (let c = 0; c < size; c++) {
    let h = 0x811c9dc5;
    for (let i = 0; i < width; i++) h = Math.imul(h ^ keys[c * width + i], 0x01000193);
    h ^= h >>> 15;
    let b = h & mask;
    while (table[b] !== EMPTY) b = (b + 1) & mask;
    table[b] = c;
  }
  return table;
}

/** Checks decoded classes against the row count; a message when they do not fit. */
export function checkRowClasses(c: RowClasses, rows: number): string | undefined {
  if (c.ids.length !== rows) return `row classes cover ${c.ids.length} rows, expected ${rows}`;
  for (let k = 0; k < c.firstRow.length; k++) {
    const r = c.firstRow[k];
    if (r < 0 || r >= rows || c.ids[r] !== k) return `row class ${k} names a first row outside it`;
  }
  return undefined;
}
