// The line under a view's name says what is true of a recording (QA 18 items 7 and 15).
import { afterEach, describe, expect, it } from 'vitest';
import type { TableWindow } from '../../shared/ipc/contract';
import { createCaptureStore } from '../state/captureStore';
import { fakeClient } from '../testing/fakeClient';
import { mount, settle, type Mounted } from '../testing/mount';
import { ViewsPanel } from './ViewsPanel';

let mounted: Mounted | undefined;
afterEach(() => { mounted?.unmount(); mounted = undefined; });

const rows: TableWindow = { columns: [{ name: 'container.id', title: 'ID', type: 'string', isKey: true }], rows: [['44136c54b079']], totalRows: 1, offset: 0 };
const description = () => mounted!.container.querySelector('.table-head .dim')?.textContent ?? '';

describe('ViewsPanel: the view\'s description', () => {
  it('Containers over the Container Deaths drill does not say the containers are running', async () => {
    const store = createCaptureStore('c', '/x.scap');
    store.getState().openView('containers');
    mounted = await mount(<ViewsPanel gridRef={{ current: null }} />, fakeClient({ view: () => rows }), store);
    await settle();
    expect(description()).not.toMatch(/running/);
    expect(description()).toMatch(/^The containers seen in the capture/);
  });

  it('Files says OPENS counts open() only, as csysdig does', async () => {
    const store = createCaptureStore('c', '/x.scap');
    store.getState().openView('files');
    mounted = await mount(<ViewsPanel gridRef={{ current: null }} />, fakeClient({ view: () => rows }), store);
    await settle();
    expect(description()).toContain('OPENS counts open() calls only, not openat()');
    // The note starts a sentence of its own (QA 19: "the IOPS OPENS counts").
    expect(description()).toContain('and the IOPS. OPENS counts');
  });
});
