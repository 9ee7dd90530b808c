/**
 * Folds events into a view's table the way csysdig's tables do, for a capture file:
 * - a table groups events by its key field; each column folds its per-event values with its
 *   aggregation (SUM, AVG over the events, MAX, MIN; TIME_AVG is the sum, because for a file
 *   csysdig reports the whole capture as one sample); a column without aggregation keeps the
 *   value of the row's first event;
 * - views that merge again (threads into processes or containers) then fold rows sharing the
 *   group-by field with each column's groupby aggregation;
 * - a list keeps one row per event.
 * Values are read through getters bound to "the current event" so this file knows nothing of
 * how fields are resolved.
 */
import { activeColumns, groupByColumn, keyColumn, visibleColumns } from '../../../shared/views/catalog';
import type { Aggregation, ViewColumn, ViewDefinition } from '../../../shared/views/types';

export type CellValue = string | number | null;
export type FieldGetter = () => CellValue;

export interface ViewTable {
  columns: ViewColumn[];
  /** Per row: the key a drill-down filters on ('' for lists). */
  keys: string[];
  rows: CellValue[][];
}

interface Cell { value: CellValue; count: number }

function fold(agg: Aggregation | undefined, cell: Cell, v: CellValue): void {
  if (v === null) return;
  if (cell.value === null) {
    cell.value = v;
    cell.count = 1;
    return;
  }
  switch (agg) {
    case 'SUM': case 'TIME_AVG': case 'AVG':
      if (typeof v === 'number' && typeof cell.value === 'number') cell.value += v;
      cell.count++;
      return;
    case 'MAX':
      if (v > cell.value) cell.value = v;
      return;
    case 'MIN':
      if (v < cell.value) cell.value = v;
      return;
    default:
      return;
  }
}

function finalValue(agg: Aggregation | undefined, cell: Cell, emptyAsZero: boolean): CellValue {
  if (cell.value === null) return emptyAsZero ? 0 : null;
  if (agg === 'AVG' && typeof cell.value === 'number') return cell.count ? cell.value / cell.count : 0;
  return cell.value;
}

const isNumericAgg = (a: Aggregation | undefined) => a === 'SUM' || a === 'TIME_AVG' || a === 'AVG';

export class ViewAggregator {
  private readonly cols: ViewColumn[];
  private readonly key: ViewColumn | undefined;
  private readonly group: ViewColumn | undefined;
  private readonly shown: ViewColumn[];
  private readonly getters: FieldGetter[];
  private readonly keyGetter: FieldGetter | undefined;
  private readonly groupGetter: FieldGetter | undefined;
  private readonly table = new Map<string, Cell[]>();
  private readonly groupOfKey = new Map<string, string>();
  private readonly listKeys: string[] = [];
  private readonly listRows: CellValue[][] = [];

  /** `getter(field)` returns a function reading that field of the current event. */
  constructor(readonly view: ViewDefinition, getter: (field: string) => FieldGetter) {
    this.cols = activeColumns(view);
    this.key = keyColumn(view);
    this.group = groupByColumn(view);
    this.shown = visibleColumns(view);
    this.getters = this.shown.map((c) => getter(c.field));
    this.keyGetter = this.key ? getter(this.key.field) : undefined;
    this.groupGetter = this.group ? getter(this.group.field) : undefined;
  }

  /** Adds the current event (which already passed the view's and the user's filters). */
  add(): void {
    if (this.view.kind === 'list' || !this.keyGetter) {
      this.listKeys.push('');
      this.listRows.push(this.getters.map((g) => g()));
      return;
    }
    const k = this.keyGetter();
    const key = k === null ? '' : String(k);
    let cells = this.table.get(key);
    if (!cells) {
      cells = this.shown.map(() => ({ value: null, count: 0 }));
      this.table.set(key, cells);
      if (this.groupGetter) {
        const g = this.groupGetter();
        this.groupOfKey.set(key, g === null ? '' : String(g));
      }
    }
    for (let i = 0; i < this.getters.length; i++) fold(this.shown[i].aggregation, cells[i], this.getters[i]());
  }

  result(): ViewTable {
    if (this.view.kind === 'list' || !this.keyGetter) return { columns: this.shown, keys: this.listKeys, rows: this.listRows };
    const finals = new Map<string, CellValue[]>();
    for (const [key, cells] of this.table) {
      finals.set(key, cells.map((c, i) => finalValue(this.shown[i].aggregation, c, isNumericAgg(this.shown[i].aggregation))));
    }
    if (!this.group) return { columns: this.shown, keys: [...finals.keys()], rows: [...finals.values()] };
    // Second stage: merge the per-thread rows of each process (or container).
    const merged = new Map<string, Cell[]>();
    for (const [key, values] of finals) {
      const g = this.groupOfKey.get(key) ?? '';
      let cells = merged.get(g);
      if (!cells) {
        cells = this.shown.map(() => ({ value: null, count: 0 }));
        merged.set(g, cells);
      }
      for (let i = 0; i < values.length; i++) {
        const agg = this.shown[i].groupbyAggregation;
        fold(agg === 'AVG' ? 'SUM' : agg, cells[i], values[i]);
      }
    }
    const rows: CellValue[][] = [];
    for (const cells of merged.values()) rows.push(cells.map((c, i) => finalValue(this.shown[i].groupbyAggregation, c, false)));
    return { columns: this.shown, keys: [...merged.keys()], rows };
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
