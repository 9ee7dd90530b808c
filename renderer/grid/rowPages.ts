/**
 * Rows of one table query, fetched from the engine a page at a time as they scroll into view
 * and kept in a small least-recently-used cache; the full table never exists in the renderer.
 */
import type { ColumnInfo, TableWindow } from '../../shared/ipc/contract';

export type Row = Array<string | number | null>;
export type FetchPage = (offset: number, limit: number) => Promise<TableWindow>;
/** The length in characters of a cell as shown. */
export type CellLength = (value: Row[number], column: ColumnInfo) => number;

export class RowPages {
  private pages = new Map<number, { rows: Row[]; keys?: string[] }>();
  private inFlight = new Map<number, Promise<void>>();
  totalRows: number | null = null;
  columns: ColumnInfo[] = [];
  error: string | null = null;
  /**
   * Per column, the longest cell (as `cellLength` measures it) of every page read so far, for
   * column widths that fit what the table holds; it only grows, so widths do not jump back.
   */
  widest: number[] = [];

  constructor(private readonly fetchPage: FetchPage, readonly pageSize = 200, private readonly maxPages = 40,
    private readonly cellLength: CellLength = (v) => (v === null ? 0 : String(v).length)) {}

  row(index: number): Row | undefined {
    const page = this.pages.get(Math.floor(index / this.pageSize));
    return page?.rows[index % this.pageSize];
  }

  /** The engine's drill-down key of a row, when it sends keys. */
  key(index: number): string | undefined {
    const page = this.pages.get(Math.floor(index / this.pageSize));
    return page?.keys?.[index % this.pageSize];
  }

  /** Loads every page overlapping rows [first, last]; resolves when they are all present. */
  async ensure(first: number, last: number): Promise<void> {
    const lo = Math.max(0, Math.floor(first / this.pageSize));
    const hi = Math.max(lo, Math.floor(Math.max(first, last) / this.pageSize));
    const waits: Promise<void>[] = [];
    for (let p = lo; p <= hi; p++) {
      if (this.totalRows !== null && p * this.pageSize >= this.totalRows && p > 0) break;
      if (this.pages.has(p)) { this.touch(p); continue; }
      waits.push(this.load(p));
    }
    await Promise.all(waits);
  }

  private touch(p: number): void {
    const page = this.pages.get(p) as { rows: Row[]; keys?: string[] };
    this.pages.delete(p);
    this.pages.set(p, page);
  }

  private load(p: number): Promise<void> {
    const pending = this.inFlight.get(p);
    if (pending) return pending;
    const job = this.fetchPage(p * this.pageSize, this.pageSize).then((w) => {
      this.totalRows = w.totalRows;
      this.columns = w.columns;
      this.error = null;
      this.pages.set(p, { rows: w.rows, keys: w.keys });
      this.measure(w.rows);
      while (this.pages.size > this.maxPages) this.pages.delete(this.pages.keys().next().value as number);
    }, (err: unknown) => {
      this.error = err instanceof Error ? err.message : String(err);
    }).finally(() => this.inFlight.delete(p));
    this.inFlight.set(p, job);
    return job;
  }

  private measure(rows: Row[]): void {
    const widest = this.widest;
    this.columns.forEach((col, c) => {
      let most = widest[c] ?? 0;
      for (const row of rows) most = Math.max(most, this.cellLength(row[c], col));
      widest[c] = most;
    });
  }

  /**
   * Finds the next row (after `from`, wrapping, in `direction`) where any cell contains `text`
   * (case-insensitive), fetching pages as needed; gives up after `maxRows` rows.
   */
  async find(text: string, from: number, direction: 1 | -1, maxRows = 200_000): Promise<number | null> {
    const total = this.totalRows ?? 0;
    if (!text || total === 0) return null;
    const needle = text.toLowerCase();
    const steps = Math.min(total, maxRows);
    for (let i = 1; i <= steps; i++) {
      const index = (((from + i * direction) % total) + total) % total;
      let row = this.row(index);
      if (!row) {
        const page = Math.floor(index / this.pageSize);
        await this.load(page);
        row = this.row(index);
        if (!row) return null;
      }
      for (const cell of row) if (cell !== null && String(cell).toLowerCase().includes(needle)) return index;
    }
    return null;
  }
}
