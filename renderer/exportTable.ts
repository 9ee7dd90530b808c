/** File > Export: the current table (up to a bound) or the overview tiles, as CSV. */
import type { Client } from './api/client';
import type { CaptureStore } from './state/captureStore';
import { effectiveFilter } from './state/captureStore';
import { toCsv } from './util/csv';
import { downloadText } from './util/download';

const maxExportRows = 100_000;

export async function exportCurrent(client: Client, store: CaptureStore): Promise<string> {
  const s = store.getState();
  const base = s.path.split('/').pop()?.replace(/\.scap(\.gz)?$/, '') ?? 'capture';
  if (s.panel === 'overview') {
    const tiles = await client.call('tiles', { captureId: s.captureId, filter: s.filter || undefined, window: s.window, samples: 1 });
    const csv = toCsv([{ name: 'category', title: 'Category', type: 'string' }, { name: 'title', title: 'Tile', type: 'string' }, { name: 'total', title: 'Total', type: 'number' }],
      tiles.map((t) => [t.category, t.title, t.total]));
    downloadText(`${base}-overview.csv`, csv);
    return `${tiles.length} tiles exported`;
  }
  const step = s.trail[s.trail.length - 1];
  const filter = effectiveFilter(s.filter, step);
  const rows: Array<Array<string | number | null>> = [];
  let columns = [] as Parameters<typeof toCsv>[0];
  for (let offset = 0; offset < maxExportRows;) {
    const page = await client.call('view', { captureId: s.captureId, viewId: step.viewId, filter, window: s.window, sort: s.sort, offset, limit: 5000 });
    columns = page.columns;
    rows.push(...page.rows);
    offset += page.rows.length;
    if (page.rows.length === 0 || offset >= page.totalRows) break;
  }
  downloadText(`${base}-${step.viewId}.csv`, toCsv(columns, rows));
  return `${rows.length} rows exported`;
}
