// I/O by Type's row of events without an fd is labelled and drills to those events (QA 16 R3).
import { afterEach, describe, expect, it } from 'vitest';
import type { TableWindow } from '../../shared/ipc/contract';
import { createCaptureStore } from '../state/captureStore';
import { fakeClient } from '../testing/fakeClient';
import { mount, press, settle, type Mounted } from '../testing/mount';
import { ViewsPanel } from './ViewsPanel';

let mounted: Mounted | undefined;
afterEach(() => { mounted?.unmount(); mounted = undefined; });

const ioByType: TableWindow = {
  columns: [
    { name: 'IOPS', title: 'IOPS', type: 'number' },
    { name: 'I/O Type', title: 'I/O Type', type: 'string' },
  ],
  rows: [[18901, ''], [1019, 'file']],
  keys: ['', 'file'], drillKeyField: 'fd.type', totalRows: 2, offset: 0,
};

describe('I/O by Type', () => {
  it('labels the blank type "(no fd type)" and drills on the absence of an fd type', async () => {
    const store = createCaptureStore('c', '/x.scap');
    store.getState().openView('io_by_type');
    mounted = await mount(<ViewsPanel gridRef={{ current: null }} />, fakeClient({ view: () => ioByType }), store);
    await settle();
    const cells = [...mounted.container.querySelectorAll('[role=row]')].slice(1).map((r) => r.querySelectorAll('[role=gridcell]')[1].textContent);
    expect(cells).toEqual(['(no fd type)', 'file']);
    await press(mounted.container.querySelector('[role=grid]')!, 'Enter');
    expect(store.getState().trail[1].filter).toBe('(not fd.type exists or fd.type="")');
  });
});
