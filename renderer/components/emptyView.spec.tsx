// An empty view table says why and offers the way out (QA 16 R1, R2).
import { afterEach, describe, expect, it } from 'vitest';
import type { TableWindow } from '../../shared/ipc/contract';
import { createCaptureStore } from '../state/captureStore';
import { fakeClient } from '../testing/fakeClient';
import { click, mount, settle, type Mounted } from '../testing/mount';
import { ViewsPanel } from './ViewsPanel';

let mounted: Mounted | undefined;
afterEach(() => { mounted?.unmount(); mounted = undefined; });

const empty: TableWindow = { columns: [{ name: 'fd.name', title: 'NA', type: 'string', isKey: true }], rows: [], totalRows: 0, offset: 0 };
const note = () => mounted!.container.querySelector('.empty-drill[role=status]');
const button = (text: string) => [...note()!.querySelectorAll('button')].find((b) => b.textContent === text);

describe('ViewsPanel: a view with no rows', () => {
  it('under the user\'s filter names the filter and the view\'s own filter, and offers the Events tab', async () => {
    const store = createCaptureStore('c', '/x.scap');
    store.getState().openView('files');
    store.getState().setFilter('proc.name=mysqld and evt.type=recvfrom');
    mounted = await mount(<ViewsPanel gridRef={{ current: null }} />, fakeClient({ view: () => empty }), store);
    await settle();
    expect(note()?.textContent).toContain('No Files rows under this filter.');
    expect(note()?.textContent).toContain("keeps only events where (fd.type=file or fd.type=directory) and fd.name!=''");
    await click(button("The filter's events (Events tab)")!);
    expect(store.getState().panel).toBe('events');
  });

  it('after a drill names the selection and offers the whole capture with the filter', async () => {
    const store = createCaptureStore('c', '/x.scap');
    store.getState().openView('procs');
    store.getState().drillRow('5253');
    store.getState().switchView('files');
    store.getState().setFilter('evt.type=recvfrom');
    mounted = await mount(<ViewsPanel gridRef={{ current: null }} />, fakeClient({ view: () => empty }), store);
    await settle();
    expect(note()?.textContent).toContain('No Files rows for process 5253 under this filter.');
    await click(button('Look in the whole capture with this filter')!);
    expect(store.getState().trail).toEqual([{ viewId: 'files', filter: '' }]);
    expect(store.getState().filter).toBe('evt.type=recvfrom');
  });

  it('from Connections into New Connections says it lists accepted connections and offers the I/O and events', async () => {
    const store = createCaptureStore('c', '/x.scap');
    store.getState().openView('connections');
    store.getState().drillRow('25c8ce27e4e3:172.17.0.3:38188->162.159.140.98:443');
    expect(store.getState().trail[1].viewId).toBe('incoming_connections');
    mounted = await mount(<ViewsPanel gridRef={{ current: null }} />, fakeClient({ view: () => empty }), store);
    await settle();
    expect(note()?.textContent).toContain('lists only connections accepted in the capture');
    expect(note()?.textContent).toContain('172.17.0.3:38188->162.159.140.98:443');
    await click(button('its I/O (e)')!);
    expect(store.getState().panel).toBe('streams');
    expect(store.getState().trail).toHaveLength(2);
  });
});
