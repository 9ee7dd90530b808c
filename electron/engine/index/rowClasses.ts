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
/** Rows read into one chunk (see computeRowClasses). */
const CHUNK_ROWS = 4096;

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
  // Each class's hash, checked before its columns: a probe that meets another class costs one compare.
  let hashOf: Int32Array = new Int32Array(1024);
  let table: Int32Array = new Int32Array(2048).fill(EMPTY);
  let size = 0;
  // Class ids widen as classes appear. Large captures start two bytes wide: they have more
  // than 256 classes, and widening would hold two arrays at the indexer's peak memory.
  let ids: ValueIds = rows >= MIN_CLASS_LIMIT ? new Uint16Array(rows) : new Uint8Array(rows);
  // The columns are of several array types: read row by row, every read was a polymorphic
  // one. They are copied a chunk of rows at a time into one Int32Array (column after column),
  // and the rows hashed there, each column in one run.
  const chunk = new Int32Array(CHUNK_ROWS * width);
  const hashes = new Int32Array(CHUNK_ROWS);
  for (let from = 0; from < rows; from += CHUNK_ROWS) {
    const n = Math.min(CHUNK_ROWS, rows - from);
    for (let i = 0; i < width; i++) copyRows(columns[i], from, n, chunk, i * CHUNK_ROWS);
    hashRows(chunk, width, n, hashes);
    for (let r = 0; r < n; r++) {
      const row = from + r;
      if ((row & TICK_ROWS) === TICK_ROWS) tick?.();
      const mask = table.length - 1;
      const h = hashes[r];
      let b = h & mask;
      let found = EMPTY;
      for (;;) {
        const c = table[b];
        if (c === EMPTY) break;
        if (hashOf[c] !== h) { b = (b + 1) & mask; continue; }
        let same = true;
        const at = c * width;
        for (let i = 0; i < width; i++) if (keys[at + i] !== chunk[i * CHUNK_ROWS + r]) { same = false; break; }
        if (same) { found = c; break; }
        b = (b + 1) & mask;
      }
      if (found === EMPTY) {
        if (size === limit) return undefined;
        found = size++;
        if (found === firstRow.length) {
          const f = new Int32Array(firstRow.length * 2); f.set(firstRow); firstRow = f;
          const hs = new Int32Array(hashOf.length * 2); hs.set(hashOf); hashOf = hs;
          const k = new Int32Array(keys.length * 2); k.set(keys); keys = k;
        }
        firstRow[found] = row;
        hashOf[found] = h;
        for (let i = 0; i < width; i++) keys[found * width + i] = chunk[i * CHUNK_ROWS + r];
        table[b] = found;
        ids = widen(ids, found);
        if (size * 2 > table.length) table = rehash(table, hashOf, size);
      }
      ids[row] = found;
    }
  }
  return { ids, firstRow: firstRow.slice(0, size) };
}

/** Rows from .. from + n of `column` into `into` at `at`, as 32-bit integers. */
function copyRows(column: ArrayLike<number>, from: number, n: number, into: Int32Array, at: number): void {
  if (ArrayBuffer.isView(column)) into.set((column as unknown as Int32Array).subarray(from, from + n), at);
  else for (let r = 0; r < n; r++) into[at + r] = column[from + r] | 0;
}

/**
 * The hash of each of the `n` rows of `chunk` (column after column, CHUNK_ROWS apart): FNV-1a
 * over the row's values in column order, taken two columns per run over the rows (one run per
 * column loaded and stored each row's hash ten times).
 */
function hashRows(chunk: Int32Array, width: number, n: number, hashes: Int32Array): void {
  hashes.fill(0x811c9dc5, 0, n);
  let i = 0;
  for (; i + 1 < width; i += 2) {
    const a = i * CHUNK_ROWS;
    const b = a + CHUNK_ROWS;
    for (let r = 0; r < n; r++) hashes[r] = Math.imul(Math.imul(hashes[r] ^ chunk[a + r], 0x01000193) ^ chunk[b + r], 0x01000193);
  }
  if (i < width) {
    const a = i * CHUNK_ROWS;
    for (let r = 0; r < n; r++) hashes[r] = Math.imul(hashes[r] ^ chunk[a + r], 0x01000193);
  }
  for (let r = 0; r < n; r++) hashes[r] ^= hashes[r] >>> 15;
}

function rehash(old: Int32Array, hashOf: Int32Array, size: number): Int32Array {
  const table = new Int32Array(old.length * 2).fill(EMPTY);
  const mask = table.length - 1;
  for (let c = 0; c < size; c++) {
    let b = hashOf[c] & mask;
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
