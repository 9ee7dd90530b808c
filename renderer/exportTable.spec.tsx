import { describe, expect, it } from 'vitest';
import { createCaptureStore } from './state/captureStore';
import { fakeClient } from './testing/fakeClient';
import { exportCurrent } from './exportTable';

const file = { fileName: 'x-procs.csv', mimeType: 'text/csv', content: 'a\r\n', encoding: 'utf8' as const };

describe('File > Export', () => {
  it('exports a view in the order on screen: the sort the user chose goes with the request', async () => {
    const client = fakeClient({ exportData: () => ({ file, items: 1 }) });
    const store = createCaptureStore('c', '/x.scap');
    store.getState().showPanel('views');
    store.getState().setSort({ column: 'NET', descending: true });
    await exportCurrent(client, store);
    const req = client.calls.find((c) => c.method === 'exportData')?.request as { what: string; sort?: unknown };
    expect(req.what).toBe('view');
    expect(req.sort).toEqual({ column: 'NET', descending: true });
  });
});

describe('File > Export on the Overview', () => {
  it('names the file it saved, as every other export does (QA 18 item 17)', async () => {
    const tile = { id: 'syscalls', category: 'general', title: 'System Calls', total: 9, max: 4, series: [4, 5] };
    const client = fakeClient({ tiles: () => [tile, { ...tile, id: 'files' }] });
    const store = createCaptureStore('c', '/a/crashloop-nginx.scap');
    expect(await exportCurrent(client, store)).toBe('2 tiles exported to crashloop-nginx-overview.csv');
  });
});
