import { describe, expect, it, vi } from 'vitest';
import { createCaptureStore } from './state/captureStore';
import { fakeClient } from './testing/fakeClient';
import { exportCurrent } from './exportTable';
import { downloadText } from './util/download';

vi.mock('./util/download', () => ({ downloadText: vi.fn(), downloadBytes: vi.fn() }));

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

  it('lists the categories in the page\'s order, Infrastructure second (QA 19: it came last)', async () => {
    const tile = (category: string, title: string) => ({ id: title, category, title, total: 1, max: 1, series: [1] });
    const client = fakeClient({ tiles: () => [tile('General', 'System Calls'), tile('File', 'File Bytes'), tile('Logs', 'Log Lines'), tile('Infrastructure', 'Container Deaths')] });
    await exportCurrent(client, createCaptureStore('c', '/a/crashloop-nginx.scap'));
    const csv = vi.mocked(downloadText).mock.calls.at(-1)![1];
    expect(csv.split(/\r?\n/).filter(Boolean).slice(1).map((l) => l.split(',')[0])).toEqual(['General', 'Infrastructure', 'File', 'Logs']);
  });
});
