/**
 * The capture index: what one pass over a capture leaves behind, so later questions are answered
 * without re-reading the file.
 *
 * - One row per event, in file order, as typed-array columns: time (ns after `baseTs`), thread,
 *   process, event type, direction, cpu, bytes, latency and file offset (to re-read the payload).
 *   Everything else an event is asked about (fd, result, names, container...) is a field value
 *   column (valueColumns.ts), most of them grouped (eventValues.ts): 41 bytes of core per event.
 * - A tile log: one entry per (event, overview tile) the event counts for, with its value and,
 *   for tiles that count distinct things (files, connections), the interned thing. Tiles for
 *   any window, sample count and filter are folded from this log (see tiles/).
 * - Lifetimes of processes and containers (for "running" tiles), as start/end times.
 * - Field value columns (valueColumns.ts): the resolver's value of common filter fields per
 *   event, interned, so filters on them are answered without a re-read.
 * Nothing per event is held as an object; strings live once in the string table.
 */
import { filledPart, growableColumn, type GrowableColumn } from './growable';
import { StringTable } from './stringTable';
import { decodeIndexFile, encodeIndexFile, IndexFormatError, type ColumnArray } from './indexFile';
import { decodeValueColumns, encodeValueColumns, type EncodedValueColumns, type ValueColumn } from './valueColumns';
import { checkRowClasses, computeRowClasses, type RowClasses } from './rowClasses';
import { classBlockColumns, computeClassBlocks, decodeClassBlocks, type ClassBlocks } from './classBlocks';

/** What identifies the capture an index was built from (see cache.ts). */
export interface FileIdentity { size: number; mtimeMs: number; headTailHash: string }

export interface IndexMeta {
  identity: FileIdentity;
  path: string;
  sizeBytes: number;
  /** Nanoseconds since the epoch that row times count from (decimal string). */
  baseTs: string;
  firstTs: string;
  lastTs: string;
  hostname: string;
  numCpus: number;
  /**
   * Events as sysdig counts and numbers them (its last evt.num): rows leave out the metadata
   * read as initial state and the state-only events (inspector/sysdigEvents.ts).
   */
  sysdigEvents?: number;
  /** Events `sysdig -r` prints a line for (rows that are not internal events). */
  printedEvents?: number;
  /**
   * The capture's span shown to the user: earliest and latest printed event (decimal ns). firstTs
   * and lastTs span every row, procinfo's own times too, and bound the whole capture's windows.
   */
  printedFirstTs?: string;
  printedLastTs?: string;
  warnings: string[];
  /** Names of tiles discovered while reading (one per docker event name, ...), by tile id. */
  tileIds: string[];
  /** Rows of events without a timestamp (stored as time 0, which is also the base time). */
  zeroTimeRows?: number[];
  /** True when there were too many such rows to list (times are then not exact). */
  zeroTimes?: boolean;
}

export const NO_FD = -1;
/** Events without a timestamp listed by row; beyond this many, times are marked inexact instead. */
const MAX_ZERO_TIME_ROWS = 100_000;
export const DIR_ENTER = 0;
export const DIR_EXIT = 1;

/** A reusable scratch record: fill it and call `addEvent`; nothing is allocated per event. */
export interface EventRow {
  ts: bigint;
  /** The same time as two unsigned 32-bit halves when the reader has them (-1: it has not). */
  tsHi: number; tsLo: number;
  tid: number; pid: number; type: number; dir: number; cpu: number;
  bytes: number; latency: number; fileOffset: number;
}

export function emptyEventRow(): EventRow {
  return { ts: 0n, tsHi: -1, tsLo: -1, tid: 0, pid: -1, type: 0, dir: 0, cpu: 0, bytes: 0, latency: 0, fileOffset: 0 };
}

const eventColumns = {
  ts: Float64Array, tid: Int32Array, pid: Int32Array, type: Uint16Array, dir: Uint8Array, cpu: Uint16Array,
  bytes: Uint32Array, latency: Float64Array, offset: Float64Array,
  tileRow: Uint32Array, tileId: Uint16Array, tileValue: Float64Array, tileKey: Int32Array,
  spanKind: Uint8Array, spanStart: Float64Array, spanEnd: Float64Array, spanKey: Int32Array, spanOwner: Int32Array,
} as const;
type ColumnName = keyof typeof eventColumns;
/** The columns with one entry per event (the others are the tile log and the lifetimes). */
const ROW_COLUMNS: readonly ColumnName[] = ['ts', 'tid', 'pid', 'type', 'dir', 'cpu', 'bytes', 'latency', 'offset'];
/** File offsets are 4 bytes each while the file (or its decompressed copy) stays under 4 GiB. */
type Columns = Omit<{ [K in ColumnName]: InstanceType<(typeof eventColumns)[K]> }, 'offset'> & { offset: Float64Array | Uint32Array };

export const SPAN_PROCESS = 0;
export const SPAN_CONTAINER = 1;
export const SPAN_LISTENING_PORT = 2;

export class CaptureIndex {
  constructor(readonly meta: IndexMeta, readonly strings: StringTable, readonly cols: Columns,
    readonly values: Readonly<Record<string, ValueColumn>> = {},
    /** csysdig's end-of-capture thread-table events (views/threadTableEvents.ts), one row per thread, fields recorded. */
    readonly threadRows: Readonly<Record<string, ValueColumn>> = {},
    /** Rows grouped by everything but time and latency (rowClasses.ts); undefined when rows rarely repeat. */
    readonly classes?: RowClasses,
    /** Row classes per block of rows (classBlocks.ts); undefined without classes or when blocks would not save much. */
    readonly blocks?: ClassBlocks) {}

  /** The columns row classes are drawn from, in a fixed order (the grouped tuples, fd.num, core). */
  classColumns(): Array<ArrayLike<number>> {
    const groups = new Map<string, ArrayLike<number>>();
    const own: Array<ArrayLike<number>> = [];
    for (const name of Object.keys(this.values).sort()) {
      const v = this.values[name];
      if (v.tuples && v.group !== undefined) groups.set(v.group, v.ids);
      else own.push(v.ids);
    }
    const c = this.cols;
    return [...groups.values(), ...own, c.tid, c.pid, c.type, c.dir, c.cpu];
  }

  private covers: Set<ArrayLike<number>> | undefined;

  /** True if rows of one class always agree on `column` (a per-row array of this index). */
  classCovers(column: ArrayLike<number> | undefined): boolean {
    if (!this.classes || !column) return false;
    this.covers ??= new Set(this.classColumns());
    return this.covers.has(column);
  }

  /**
   * This index with its row classes and their blocks computed (itself if there are already, or
   * too many); `tick` is called every few hundred thousand rows (progress).
   */
  withClasses(tick?: () => void): CaptureIndex {
    if (this.classes) return this;
    const classes = computeRowClasses(this.classColumns(), this.events, tick);
    if (!classes) return this;
    const withClasses = new CaptureIndex(this.meta, this.strings, this.cols, this.values, this.threadRows, classes);
    const blocks = computeClassBlocks(withClasses, undefined, tick);
    return blocks ? new CaptureIndex(this.meta, this.strings, this.cols, this.values, this.threadRows, classes, blocks) : withClasses;
  }

  /** How many thread-table rows were recorded. */
  get threadRowCount(): number {
    for (const c of Object.values(this.threadRows)) return c.ids.length;
    return 0;
  }

  get events(): number {
    return this.cols.ts.length;
  }

  get baseTs(): bigint {
    return BigInt(this.meta.baseTs);
  }

  /** Row time in ns since the epoch. */
  rowTs(row: number): bigint {
    return this.baseTs + BigInt(Math.round(this.cols.ts[row]));
  }

  /** Nanoseconds since the epoch → row time scale (ns after baseTs). */
  toRelative(ts: bigint): number {
    return Number(ts - this.baseTs);
  }

  /** What the index file holds: the header's metadata and every column. */
  parts(): { meta: unknown; columns: Record<string, ColumnArray> } {
    const v = encodeValueColumns(this.values);
    const t = encodeValueColumns(this.threadRows, 'thread:');
    return {
      meta: { ...this.meta, strings: this.strings.toArray(), values: v.meta, threadRows: t.meta },
      columns: {
        ...(this.cols as unknown as Record<string, ColumnArray>), ...v.arrays, ...t.arrays,
        ...(this.classes ? { 'class:ids': this.classes.ids, 'class:firstRow': this.classes.firstRow } : {}),
        ...(this.blocks ? classBlockColumns(this.blocks) : {}),
      },
    };
  }

  encode(): Buffer {
    const { meta, columns } = this.parts();
    return encodeIndexFile(meta, columns);
  }

  static decode(buf: Buffer): CaptureIndex {
    const { meta, columns } = decodeIndexFile(buf);
    const m = meta as IndexMeta & { strings?: unknown; values?: EncodedValueColumns; threadRows?: EncodedValueColumns };
    if (!m || typeof m.baseTs !== 'string' || !Array.isArray(m.strings) || !Array.isArray(m.tileIds)) {
      throw new IndexFormatError('index header lacks its metadata');
    }
    for (const [name, ctor] of Object.entries(eventColumns)) {
      if (!(columns[name] instanceof ctor) && !(name === 'offset' && columns[name] instanceof Uint32Array)) throw new IndexFormatError(`index lacks column '${name}'`);
    }
    const rows = columns.ts.length;
    for (const n of ROW_COLUMNS) {
      if (columns[n].length !== rows) throw new IndexFormatError(`column '${n}' has ${columns[n].length} rows, expected ${rows}`);
    }
    const values = decodeValueColumns(m.values, columns, rows);
    if (typeof values === 'string') throw new IndexFormatError(values);
    const threadRows = decodeValueColumns(m.threadRows, columns, undefined, 'thread:');
    if (typeof threadRows === 'string') throw new IndexFormatError(threadRows);
    const strings = new StringTable(m.strings as string[]);
    const { strings: _s, values: _v, threadRows: _t, ...rest } = m;
    const cols: Record<string, ColumnArray> = {};
    for (const name of Object.keys(eventColumns)) cols[name] = columns[name];
    const classes = decodeRowClasses(columns, rows);
    const blocks = classes ? decodeClassBlocks(columns, rows, classes.firstRow.length) : undefined;
    if (typeof blocks === 'string') throw new IndexFormatError(blocks);
    return new CaptureIndex(rest as IndexMeta, strings, cols as unknown as Columns, values, threadRows, classes, blocks);
  }
}

function decodeRowClasses(columns: Record<string, ColumnArray>, rows: number): RowClasses | undefined {
  const ids = columns['class:ids'];
  const firstRow = columns['class:firstRow'];
  if (ids === undefined && firstRow === undefined) return undefined;
  if (!(ids instanceof Uint8Array || ids instanceof Uint16Array || ids instanceof Uint32Array) || !(firstRow instanceof Int32Array)) {
    throw new IndexFormatError('index row classes are malformed');
  }
  const classes = { ids, firstRow };
  const wrong = checkRowClasses(classes, rows);
  if (wrong) throw new IndexFormatError(wrong);
  return classes;
}

/**
 * The per-event columns while reading, grown together: one room check per event instead of one
 * per column (nine pushes were a tenth of the indexing pass).
 */
class RowColumnsBuilder {
  length = 0;
  private room = 1024;
  ts = new Float64Array(this.room);
  tid = new Int32Array(this.room);
  pid = new Int32Array(this.room);
  type = new Uint16Array(this.room);
  dir = new Uint8Array(this.room);
  cpu = new Uint16Array(this.room);
  bytes = new Uint32Array(this.room);
  latency = new Float64Array(this.room);
  offset: Uint32Array | Float64Array = new Uint32Array(this.room);

  /** Room for one more row, from which the caller writes row `length - 1`. */
  next(): number {
    // 1.5× rather than 2×: the peak while reading is what the memory target measures.
    if (this.length === this.room) this.resize(Math.ceil(this.room * 1.5) + 16);
    return this.length++;
  }

  /** Room for `n` rows in all (an estimate from the file size). */
  reserve(n: number): void {
    if (n > this.room) this.resize(n);
  }

  /** Offsets past 4 GiB: 8 bytes each from now on. */
  widenOffsets(): void {
    const wide = new Float64Array(this.room);
    wide.set(this.offset);
    this.offset = wide;
  }

  private resize(n: number): void {
    for (const name of ROW_COLUMNS) {
      const old = this[name as RowColumnName];
      const bigger = new (old.constructor as { new (n: number): typeof old })(n);
      bigger.set(old.subarray(0, this.length) as never);
      (this as unknown as Record<string, typeof old>)[name] = bigger;
    }
    this.room = n;
  }

  /** The filled part of each column (growable.ts filledPart). */
  finish(): Record<RowColumnName, ColumnArray> {
    const out = {} as Record<RowColumnName, ColumnArray>;
    for (const name of ROW_COLUMNS) out[name as RowColumnName] = filledPart(this[name as RowColumnName], this.length);
    return out;
  }
}
type RowColumnName = 'ts' | 'tid' | 'pid' | 'type' | 'dir' | 'cpu' | 'bytes' | 'latency' | 'offset';

export class CaptureIndexBuilder {
  readonly strings = new StringTable();
  private readonly rows = new RowColumnsBuilder();
  private readonly cols: { [K in ColumnName]: GrowableColumn<InstanceType<(typeof eventColumns)[K]>> };
  private baseTs: bigint | undefined;
  private baseHi = 0;
  private baseLo = 0;
  /** Earliest timestamp so far, relative to baseTs. */
  private minRel = Infinity;
  /** Latest timestamp so far as halves (hi -1: none yet): exact, whatever its distance from baseTs. */
  private latestHi = -1;
  private latestLo = 0;
  private readonly tileIds: string[] = [];
  private zeroTimes = false;
  private readonly zeroTimeRows: number[] = [];
  private readonly tileNumbers = new Map<string, number>();

  constructor() {
    const cols = {} as Record<string, GrowableColumn<ColumnArray>>;
    for (const [name, ctor] of Object.entries(eventColumns)) if (!ROW_COLUMNS.includes(name as ColumnName)) cols[name] = growableColumn(ctor as never);
    this.cols = cols as never;
  }

  get events(): number {
    return this.rows.length;
  }

  /**
   * Appends one event; returns its row number. Times are kept relative to the first non-zero
   * timestamp so they fit a double exactly, computed from the halves where the reader gives
   * them (no bigint per event). Only a timed event after the first with halves is handled
   * here: this is inlined into the indexing pass's callback, within V8's budget for it.
   */
  addEvent(e: EventRow): number {
    const c = this.rows;
    const i = c.next();
    const hi = e.tsHi;
    const lo = e.tsLo;
    let rel: number;
    if (hi >= 0 && this.baseTs !== undefined && (hi !== 0 || lo !== 0)) {
      rel = (hi - this.baseHi) * 4294967296 + (lo - this.baseLo);
      if (rel < this.minRel) this.minRel = rel;
      if (hi > this.latestHi || (hi === this.latestHi && lo > this.latestLo)) { this.latestHi = hi; this.latestLo = lo; }
    } else {
      rel = this.unusualTime(e, i);
    }
    c.ts[i] = rel;
    c.tid[i] = e.tid;
    c.pid[i] = e.pid;
    c.type[i] = e.type;
    c.dir[i] = e.dir;
    c.cpu[i] = e.cpu;
    c.bytes[i] = e.bytes;
    c.latency[i] = e.latency;
    if (e.fileOffset > 0xffffffff && c.offset instanceof Uint32Array) c.widenOffsets();
    c.offset[i] = e.fileOffset;
    return i;
  }

  /** addEvent's row time for an event without a time, the first timed one, or one without halves. */
  private unusualTime(e: EventRow, row: number): number {
    const halves = e.tsHi >= 0;
    if (halves ? e.tsHi === 0 && e.tsLo === 0 : e.ts <= 0n) {
      if (this.zeroTimeRows.length < MAX_ZERO_TIME_ROWS) this.zeroTimeRows.push(row);
      else this.zeroTimes = true;
      return 0;
    }
    if (this.baseTs === undefined) {
      this.baseTs = e.ts;
      this.baseHi = Number(e.ts >> 32n);
      this.baseLo = Number(e.ts & 0xffffffffn);
    }
    const hi = halves ? e.tsHi : Number(e.ts >> 32n);
    const lo = halves ? e.tsLo : Number(e.ts & 0xffffffffn);
    const rel = halves ? (hi - this.baseHi) * 4294967296 + (lo - this.baseLo) : Number(e.ts - this.baseTs);
    if (rel < this.minRel) this.minRel = rel;
    if (hi > this.latestHi || (hi === this.latestHi && lo > this.latestLo)) { this.latestHi = hi; this.latestLo = lo; }
    return rel;
  }

  /** Room for `n` events in all (an estimate: more still fit, fewer leave the room unused). */
  reserve(n: number): void {
    this.rows.reserve(n);
  }

  /** The number of a tile by its id, registering tiles discovered while reading. */
  tileNumber(tileId: string): number {
    let n = this.tileNumbers.get(tileId);
    if (n === undefined) {
      n = this.tileIds.length;
      this.tileIds.push(tileId);
      this.tileNumbers.set(tileId, n);
    }
    return n;
  }

  /** Records that event `row` counts `value` for a tile; `key` ≥ 0 names the thing counted once. */
  addTile(row: number, tile: number, value: number, key = -1): void {
    this.cols.tileRow.push(row);
    this.cols.tileId.push(tile);
    this.cols.tileValue.push(value);
    this.cols.tileKey.push(key);
  }

  /** A process, container or listening port alive from `start` to `end` (ns since the epoch; start undefined = before the capture, end undefined = to its end); `key` tells which, `ownerPid` the process it belongs to (-1: none). */
  addSpan(kind: number, start: bigint | undefined, end: bigint | undefined, key = -1, ownerPid = -1): void {
    // Kept aside until finish(): spans may be known before the first event fixes baseTs.
    this.spans.push({ kind, start, end, key, ownerPid });
  }

  private readonly spans: Array<{ kind: number; start: bigint | undefined; end: bigint | undefined; key: number; ownerPid: number }> = [];

  /** Time of the first timestamped event so far (spans are measured from it). */
  get startTs(): bigint | undefined {
    return this.baseTs;
  }

  /** The latest timestamp so far (undefined: no timed event yet). */
  get latestTs(): bigint | undefined {
    return this.latestHi < 0 ? undefined : (BigInt(this.latestHi) << 32n) | BigInt(this.latestLo);
  }

  finish(meta: Omit<IndexMeta, 'baseTs' | 'firstTs' | 'lastTs' | 'tileIds' | 'zeroTimes' | 'zeroTimeRows'>, values: Record<string, ValueColumn> = {},
    threadRows: Record<string, ValueColumn> = {}): CaptureIndex {
    const base = this.baseTs ?? 0n;
    for (const sp of this.spans) {
      this.cols.spanKind.push(sp.kind);
      this.cols.spanStart.push(sp.start === undefined ? -Infinity : Number(sp.start - base));
      this.cols.spanEnd.push(sp.end === undefined ? Infinity : Number(sp.end - base));
      this.cols.spanKey.push(sp.key);
      this.cols.spanOwner.push(sp.ownerPid);
    }
    this.spans.length = 0;
    const cols: Record<string, ColumnArray> = { ...this.rows.finish() };
    for (const name of Object.keys(eventColumns)) if (!(name in cols)) cols[name] = this.cols[name as ColumnName].finish();
    return new CaptureIndex({
      ...meta,
      baseTs: String(this.baseTs ?? 0n),
      firstTs: String(this.baseTs === undefined ? 0n : this.baseTs + BigInt(this.minRel)),
      lastTs: String(this.latestTs ?? 0n),
      tileIds: [...this.tileIds],
      zeroTimes: this.zeroTimes || this.baseTs === undefined,
      zeroTimeRows: this.zeroTimes ? [] : this.zeroTimeRows,
    }, this.strings, cols as unknown as Columns, values, threadRows);
  }
}
