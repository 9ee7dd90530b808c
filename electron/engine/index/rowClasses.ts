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
const TICK_SHIFT = 18;
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
  const slots = packedSlots(columns);
  const width = slots.reduce((w, s) => Math.max(w, s.word + 1), 0);
  const classes = new ClassTable(width, Math.max(MIN_CLASS_LIMIT, Math.floor(rows * MAX_CLASS_SHARE)));
  // Class ids widen as classes appear. Large captures start two bytes wide: they have more
  // than 256 classes, and widening would hold two arrays at the indexer's peak memory.
  let ids: ValueIds = rows >= MIN_CLASS_LIMIT ? new Uint16Array(rows) : new Uint8Array(rows);
  // The columns are of several array types: read row by row, every read was a polymorphic
  // one. They are copied a chunk of rows at a time into one Int32Array (key word after key
  // word), and the rows hashed there, each word in one run; a chunk's class ids are written
  // to an Int32Array too, and copied into `ids` (whose type changes as it widens) at once.
  const chunk = new Int32Array(CHUNK_ROWS * width);
  const scratch = new Int32Array(CHUNK_ROWS);
  const hashes = new Int32Array(CHUNK_ROWS);
  const chunkIds = new Int32Array(CHUNK_ROWS);
  for (let from = 0; from < rows; from += CHUNK_ROWS) {
    const n = Math.min(CHUNK_ROWS, rows - from);
    packRows(slots, from, n, chunk, scratch);
    hashRows(chunk, width, n, hashes);
    if (!classes.classify(chunk, hashes, n, from, chunkIds)) return undefined;
    if (classes.size > 0) ids = widen(ids, classes.size - 1);
    ids.set(chunkIds.subarray(0, n), from);
    if ((from + n) >>> TICK_SHIFT !== from >>> TICK_SHIFT) tick?.();
  }
  return { ids, firstRow: classes.firstRows() };
}

/**
 * The classes found so far, each by its key (a row's packed words), found by the key's hash.
 * Its row loop is a method of its own so that V8 optimizes it early: as a loop inside
 * computeRowClasses it ran unoptimized until the whole function's optimized code was ready
 * (about 20 ms of compiling), a third of the time of a 300,000-row capture.
 */
class ClassTable {
  size = 0;
  private keys: Int32Array;
  private firstRow: Int32Array = new Int32Array(1024);
  // Each class's hash, checked before its key: a probe that meets another class costs one compare.
  private hashOf: Int32Array = new Int32Array(1024);
  private table: Int32Array = new Int32Array(2048).fill(EMPTY);

  constructor(private readonly width: number, private readonly limit: number) {
    this.keys = new Int32Array(1024 * width);
  }

  /** The class of each of the `n` rows of `chunk` (rows from `from` on) into `out`; false past the class limit. */
  classify(chunk: Int32Array, hashes: Int32Array, n: number, from: number, out: Int32Array): boolean {
    const width = this.width;
    for (let r = 0; r < n; r++) {
      const { table, hashOf, keys } = this;
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
        if (this.size === this.limit) return false;
        found = this.add(chunk, r, from + r, h, b);
      }
      out[r] = found;
    }
    return true;
  }

  /** A new class for row `r` of `chunk` (row `row`), whose hash `h` goes to table slot `b`. */
  private add(chunk: Int32Array, r: number, row: number, h: number, b: number): number {
    const k = this.size++;
    if (k === this.firstRow.length) {
      const f = new Int32Array(k * 2); f.set(this.firstRow); this.firstRow = f;
      const hs = new Int32Array(k * 2); hs.set(this.hashOf); this.hashOf = hs;
      const keys = new Int32Array(this.keys.length * 2); keys.set(this.keys); this.keys = keys;
    }
    this.firstRow[k] = row;
    this.hashOf[k] = h;
    for (let i = 0; i < this.width; i++) this.keys[k * this.width + i] = chunk[i * CHUNK_ROWS + r];
    this.table[b] = k;
    if (this.size * 2 > this.table.length) this.table = rehash(this.table, this.hashOf, this.size);
    return k;
  }

  firstRows(): Int32Array {
    return this.firstRow.slice(0, this.size);
  }
}

/** Where a column's values sit in a row's key: in 32-bit word `word`, shifted left by `shift` bits. */
interface KeySlot { column: ArrayLike<number>; word: number; shift: number }

/**
 * The columns packed into as few 32-bit key words as their value widths allow (a one- or
 * two-byte column shares a word, an Int32 or untyped one has a word of its own): a row's key
 * is hashed and compared a word at a time, and most of the index's class columns are one or
 * two bytes wide (ten columns fit five words).
 */
function packedSlots(columns: ReadonlyArray<ArrayLike<number>>): KeySlot[] {
  const used: number[] = [];
  return columns.map((column) => {
    const bits = column instanceof Uint8Array ? 8 : column instanceof Uint16Array ? 16 : 32;
    let word = used.findIndex((u) => u + bits <= 32);
    if (word === -1) { word = used.length; used.push(0); }
    const shift = used[word];
    used[word] += bits;
    return { column, word, shift };
  });
}

/** Rows from .. from + n of every slot's column, packed into `chunk` (word after word, CHUNK_ROWS apart). */
function packRows(slots: readonly KeySlot[], from: number, n: number, chunk: Int32Array, scratch: Int32Array): void {
  for (const { column, word, shift } of slots) {
    const at = word * CHUNK_ROWS;
    if (shift === 0) { copyRows(column, from, n, chunk, at); continue; }
    copyRows(column, from, n, scratch, 0);
    for (let r = 0; r < n; r++) chunk[at + r] |= scratch[r] << shift;
  }
}

/** Rows from .. from + n of `column` into `into` at `at`, as 32-bit integers. */
function copyRows(column: ArrayLike<number>, from: number, n: number, into: Int32Array, at: number): void {
  if (ArrayBuffer.isView(column)) into.set((column as unknown as Int32Array).subarray(from, from + n), at);
  else for (let r = 0; r < n; r++) into[at + r] = column[from + r] | 0;
}

/**
 * The hash of each of the `n` rows of `chunk` (key word after key word, CHUNK_ROWS apart):
 * FNV-1a over the row's words in order, taken two words per run over the rows (one run per
 * word loaded and stored each row's hash once per word).
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
