/**
 * Folds events into a view's table the way csysdig's tables do, for a capture file:
 * - a table groups events by its key field; each column folds its per-event values with its
 *   aggregation (SUM, AVG over the events, MAX, MIN; TIME_AVG is the sum, because for a file
 *   csysdig reports the whole capture as one sample); a column without aggregation keeps the
 *   value of the row's first event;
 * - views that merge again (threads into processes or containers) then fold rows sharing the
 *   group-by field with each column's groupby aggregation, in the order csysdig's hash table
 *   walks them (sinspRowOrder.ts): that order decides the cells of columns without aggregation
 *   (the first row met wins) and which row a SUM of averages starts from;
 * - a list keeps one row per event.
 * Values are read through getters bound to "the current event" so this file knows nothing of
 * how fields are resolved.
 */
import { activeColumns, groupByColumn, keyColumn, visibleColumns } from '../../../shared/views/catalog';
import type { Aggregation, ViewColumn, ViewDefinition } from '../../../shared/views/types';
import { int64KeyBytes, sinspKeyHash, textKeyBytes, unorderedMapWalk } from './sinspRowOrder';

export type CellValue = string | number | null;
export type FieldGetter = () => CellValue;
/**
 * A column's reader and what happens when an event has no value for it: 'number' columns
 * default to 0 and 'text' to '' (neither counted in averages); 'id' columns (pids, ports,
 * addresses) have no default, so the event is left out of the table.
 */
export interface ColumnReader { get: FieldGetter; missing: 'number' | 'text' | 'id' }

export interface ViewTable {
  columns: ViewColumn[];
  /** Per row: the key a drill-down filters on ('' for lists). */
  keys: string[];
  rows: CellValue[][];
}

/** `last`: the row the value came from, where the latest value wins (MAX over text). */
interface Cell { value: CellValue; count: number; last: number }

/**
 * Folds value `v` (counted `n` times: 0 for a default) into a cell, as csysdig's tables do:
 * SUM adds values (a source that is itself an average, n ≥ 2, adds its average); AVG adds values
 * and counts; MAX keeps the larger number, or the latest text; MIN the smaller counted value;
 * no aggregation keeps the first value.
 */
function fold(agg: Aggregation | undefined, cell: Cell, v: CellValue, n: number, first: boolean, times = 1, last = 0): void {
  if (first || cell.value === null) {
    cell.value = v;
    cell.count = n;
    cell.last = last;
    // The same value folded again times - 1 times.
    if (times > 1 && v !== null) foldAgain(agg, cell, v, n, times - 1, last);
    return;
  }
  if (v === null) return;
  foldAgain(agg, cell, v, n, times, last);
}

/** Folds `v` into a cell that already has a value, as `times` events in a row would. */
function foldAgain(agg: Aggregation | undefined, cell: Cell, v: string | number, n: number, times: number, last: number): void {
  switch (agg) {
    case 'SUM': case 'TIME_AVG':
      if (typeof v !== 'number' || typeof cell.value !== 'number') return;
      if (n < 2) cell.value += v * times;
      else {
        for (let i = 0; i < times; i++) {
          if (cell.count > 1) cell.value /= cell.count;
          cell.value += v / n;
          cell.count = 1;
        }
      }
      return;
    case 'AVG':
      if (typeof v === 'number' && typeof cell.value === 'number') cell.value += v * times;
      cell.count += n * times;
      return;
    case 'MAX':
      if (typeof v === 'string' || typeof cell.value === 'string') {
        // The latest text wins: the value of the latest row folded so far.
        if (last >= cell.last) { cell.value = v; cell.last = last; }
      } else if (v > (cell.value as number)) cell.value = v;
      return;
    case 'MIN':
      if (n === 0) return;
      if (cell.count === 0 && typeof v === 'number' && typeof cell.value === 'number') {
        cell.value += v;
        cell.count++;
      } else if (cell.value !== null && v < cell.value) cell.value = v;
      return;
    default:
      return;
  }
}

/**
 * Folds `times` events whose values for this column add up to `total` (row classes:
 * views/classTally.ts), as `times` folds of the single values would: SUM, TIME_AVG and AVG only.
 */
function foldTotal(agg: Aggregation | undefined, cell: Cell, total: number, n: number, first: boolean, times: number): void {
  if (first || cell.value === null) {
    cell.value = total;
    cell.count = agg === 'AVG' ? n * times : n;
    return;
  }
  if (typeof cell.value !== 'number') return;
  cell.value += total;
  if (agg === 'AVG') cell.count += n * times;
}

/** Aggregations foldTotal can fold from a total. */
export const TOTAL_AGGREGATIONS: ReadonlySet<Aggregation | undefined> = new Set<Aggregation | undefined>(['SUM', 'TIME_AVG', 'AVG']);

/** What a cell shows: numbers counted more than once are averages. */
function shownValue(cell: Cell): CellValue {
  return typeof cell.value === 'number' && cell.count > 1 ? cell.value / cell.count : cell.value;
}

export class ViewAggregator {
  private readonly cols: ViewColumn[];
  private readonly key: ViewColumn | undefined;
  private readonly group: ViewColumn | undefined;
  private readonly shown: ViewColumn[];
  private readonly readers: ColumnReader[];
  private readonly keyReader: ColumnReader | undefined;
  private readonly groupReader: ColumnReader | undefined;
  private readonly values: CellValue[];
  private readonly counts: Uint8Array;
  private readonly table = new Map<string, Cell[]>();
  private readonly groupOfKey = new Map<string, string>();
  /** Per row of a view that merges: its key's value as read (its bytes decide csysdig's merge order). */
  private readonly keyValues: CellValue[] = [];
  private readonly listKeys: string[] = [];
  private readonly listRows: CellValue[][] = [];

  /** `reader(field)` reads that field of the current event. */
  constructor(readonly view: ViewDefinition, reader: (field: string) => ColumnReader) {
    this.cols = activeColumns(view);
    this.key = keyColumn(view);
    this.group = groupByColumn(view);
    this.shown = visibleColumns(view);
    this.readers = this.shown.map((c) => reader(c.field));
    this.keyReader = this.key ? reader(this.key.field) : undefined;
    this.groupReader = this.group ? reader(this.group.field) : undefined;
    this.values = this.shown.map(() => null);
    this.counts = new Uint8Array(this.shown.length);
  }

  /** Reads one column; false when the event must be dropped (a value csysdig has no default for). */
  private read(r: ColumnReader, i: number): boolean {
    const v = r.get();
    if (v !== null) {
      this.values[i] = v;
      this.counts[i] = 1;
      return true;
    }
    if (r.missing === 'id' || !this.view.useDefaults) return false;
    this.values[i] = r.missing === 'number' ? 0 : '';
    this.counts[i] = 0;
    return true;
  }

  private keyOf(r: ColumnReader): string | null {
    const v = r.get();
    if (v !== null) return String(v);
    if (r.missing === 'id' || !this.view.useDefaults) return null;
    return r.missing === 'number' ? '0' : '';
  }

  /** Adds the current event (which already passed the view's and the user's filters). */
  add(): void {
    this.addTimes(1, this.rowsAdded);
  }

  private rowsAdded = 0;

  /**
   * Adds the current event as `times` events with the same cells, the latest of them at
   * position `last` (rowSignatures.ts: events are added in the order of their first appearance).
   * `totals`, by field: what the events' values of that field add up to, where they differ.
   */
  addTimes(times: number, last: number, totals?: ReadonlyMap<string, number>): void {
    this.rowsAdded = last + 1;
    for (let i = 0; i < this.readers.length; i++) if (!this.read(this.readers[i], i)) return;
    if (this.view.kind === 'list' || !this.keyReader) {
      for (let i = 0; i < times; i++) {
        this.listKeys.push('');
        this.listRows.push(this.values.slice());
      }
      return;
    }
    const key = this.keyOf(this.keyReader);
    if (key === null) return;
    let group: string | undefined;
    if (this.groupReader) {
      const g = this.keyOf(this.groupReader);
      if (g === null) return;
      group = g;
    }
    let cells = this.table.get(key);
    const first = !cells;
    if (!cells) {
      cells = this.shown.map(() => ({ value: null, count: 0, last: 0 }));
      this.table.set(key, cells);
      if (group !== undefined) {
        this.groupOfKey.set(key, group);
        this.keyValues.push(this.keyReader.get());
      }
    }
    for (let i = 0; i < this.readers.length; i++) {
      const total = totals?.get(this.shown[i].field);
      if (total !== undefined && this.values[i] !== null) foldTotal(this.shown[i].aggregation, cells[i], total, this.counts[i], first, times);
      else fold(this.shown[i].aggregation, cells[i], this.values[i], this.counts[i], first, times, last);
    }
  }

  /**
   * The order csysdig merges the rows in: its table walks them in the order of a libstdc++
   * unordered_map of their keys inserted in the order the rows were first seen (sinspRowOrder.ts).
   * Numbers are hashed as INT64, the type of thread.tid, which every merging view keys on; where
   * a key is neither number nor text, rows merge in the order first seen.
   */
  private mergeOrder(): number[] {
    const keyBytes = (v: CellValue) => (typeof v === 'number' ? int64KeyBytes(v) : typeof v === 'string' ? textKeyBytes(v) : undefined);
    const bytes = this.keyValues.map(keyBytes);
    const walk = bytes.every((b) => b !== undefined) ? unorderedMapWalk(bytes.map((b) => sinspKeyHash(b!))) : undefined;
    return walk ?? this.keyValues.map((_, i) => i);
  }

  /** Whether adding the current event reads one of `fields` (columns are read in order until one has no value). */
  readsAny(fields: ReadonlySet<string>): boolean {
    for (let i = 0; i < this.readers.length; i++) {
      if (fields.has(this.shown[i].field)) return true;
      if (!this.read(this.readers[i], i)) return false;
    }
    return false;
  }

  result(): ViewTable {
    if (this.view.kind === 'list' || !this.keyReader) return { columns: this.shown, keys: this.listKeys, rows: this.listRows };
    if (!this.group) {
      const rows: CellValue[][] = [];
      for (const cells of this.table.values()) rows.push(cells.map(shownValue));
      return { columns: this.shown, keys: [...this.table.keys()], rows };
    }
    // Second stage: merge the per-thread rows of each process (or container), raw cells in, in
    // the order csysdig's merge walks them: the latest text is that of the last row merged.
    const merged = new Map<string, Cell[]>();
    const threadRows = [...this.table];
    let order = 0;
    for (const r of this.mergeOrder()) {
      const [key, cells] = threadRows[r];
      order++;
      const g = this.groupOfKey.get(key) ?? '';
      let into = merged.get(g);
      const first = !into;
      if (!into) {
        into = this.shown.map(() => ({ value: null, count: 0, last: 0 }));
        merged.set(g, into);
      }
      for (let i = 0; i < cells.length; i++) fold(this.shown[i].groupbyAggregation, into[i], cells[i].value, cells[i].count, first, 1, order);
    }
    // Rows come out in the order their groups were first seen, whatever the merge order.
    const keys = [...new Set(this.groupOfKey.values())];
    return { columns: this.shown, keys, rows: keys.map((g) => merged.get(g)!.map(shownValue)) };
  }
}

/** Row order for a column, either way; numbers numerically, text by code point, nulls last. */
export function sortRows(table: ViewTable, column: number, descending: boolean): number[] {
  const order = table.rows.map((_, i) => i);
  const cmp = (a: CellValue, b: CellValue): number => {
    if (a === b) return 0;
    if (a === null) return 1;
    if (b === null) return -1;
    if (typeof a === 'number' && typeof b === 'number') return descending ? b - a : a - b;
    const sa = String(a); const sb = String(b);
    return (sa < sb ? -1 : 1) * (descending ? -1 : 1);
  };
  order.sort((x, y) => cmp(table.rows[x][column], table.rows[y][column]) || x - y);
  return order;
}

export { activeColumns };
