/**
 * File > Export: what is on screen, as a file — the current view as CSV, the events as JSON
 * lines, the followed stream as text, the process tree as JSON (all made by the engine's
 * exportData), or the overview tiles as CSV.
 */
import type { Client } from './api/client';
import type { CaptureStore } from './state/captureStore';
import { effectiveFilter } from './state/captureStore';
import type { DataExportRequest } from '../shared/findings/findingsApi';
import { fromBase64 } from '../shared/streams/render';
import { toCsv } from './util/csv';
import { inDisplayOrder } from '../shared/tiles/displayOrder';
import { downloadBytes, downloadText } from './util/download';

export async function exportCurrent(client: Client, store: CaptureStore): Promise<string> {
  const s = store.getState();
  const base = s.path.split('/').pop()?.replace(/\.scap(\.gz)?$/, '') ?? 'capture';
  if (s.panel === 'overview') {
    const tiles = await client.call('tiles', { captureId: s.captureId, filter: s.filter || undefined, window: s.window, samples: 1 });
    const csv = toCsv([{ name: 'category', title: 'Category', type: 'string' }, { name: 'title', title: 'Tile', type: 'string' }, { name: 'total', title: 'Total', type: 'number' }],
      inDisplayOrder(tiles).map((t) => [t.category, t.title, t.total]));
    const fileName = `${base}-overview.csv`;
    downloadText(fileName, csv);
    return `${tiles.length} tile${tiles.length === 1 ? '' : 's'} exported to ${fileName}`;
  }
  const step = s.trail[s.trail.length - 1];
  const filter = effectiveFilter(s.filter, step);
  const common = { captureId: s.captureId, filter, window: s.window };
  let req: DataExportRequest;
  if (s.panel === 'events') req = { ...common, what: 'events', format: 'jsonl' };
  else if (s.panel === 'streams') {
    if (!s.follow) return 'Follow a stream first: the export saves one conversation';
    req = { ...common, what: 'stream', format: 'text', follow: s.follow };
  } else if (s.panel === 'tree') req = { captureId: s.captureId, filter, what: 'tree', format: 'json' };
  // The rows in the order on screen: a user who sorted by NET exports the top talkers first.
  else req = { ...common, what: 'view', viewId: step.viewId, format: 'csv', sort: s.sort };
  const { file, items } = await client.call('exportData', req);
  if (file.encoding === 'base64') downloadBytes(file.fileName, fromBase64(file.content), file.mimeType);
  else downloadText(file.fileName, file.content, file.mimeType);
  return `${items} item${items === 1 ? '' : 's'} exported to ${file.fileName}`;
}
