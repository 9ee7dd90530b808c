/**
 * A view table, whole, as CSV (capture text neutralised, see shared/findings/csv.ts) or JSON
 * (one object per row keyed by column name, plus the row's drill-down key).
 */
import type { SortSpec, TableWindow, TimeWindow } from '../../../shared/ipc/contract';
import { csvLine } from '../../../shared/findings/csv';
import type { ExportSink } from './output';

export type TableFormat = 'csv' | 'json';

/** What the export reads the table through: the engine API's `view` call (any transport). */
export type ViewPager = (q: { viewId: string; filter?: string; window?: TimeWindow; sort?: SortSpec; offset: number; limit: number }) => Promise<TableWindow>;

const pageRows = 5000;

export async function exportView(pager: ViewPager, q: { viewId: string; filter?: string; window?: TimeWindow; sort?: SortSpec }, format: TableFormat, out: ExportSink): Promise<number> {
  let page = await pager({ ...q, offset: 0, limit: pageRows });
  if (format === 'csv') out.write(csvLine(page.columns.map((c) => c.name)));
  else out.write(`{"view":${JSON.stringify(q.viewId)},"filter":${JSON.stringify(q.filter ?? '')},"window":${JSON.stringify(q.window ?? null)},"columns":${JSON.stringify(page.columns)},"rows":[`);
  let rows = 0;
  for (;;) {
    page.rows.forEach((r, i) => {
      if (format === 'csv') { out.write(csvLine(r)); return; }
      const obj: Record<string, unknown> = {};
      page.columns.forEach((c, j) => { obj[c.name] = r[j]; });
      if (page.keys) obj['@key'] = page.keys[i];
      out.write((rows + i === 0 ? '\n' : ',\n') + JSON.stringify(obj));
    });
    rows += page.rows.length;
    if (page.rows.length === 0 || rows >= page.totalRows) break;
    page = await pager({ ...q, offset: rows, limit: pageRows });
  }
  if (format === 'json') out.write('\n]}\n');
  return rows;
}
