// The I/O streams panel when it finds nothing: under a drill-down, a filter about something
// else finds nothing in the drilled selection although the capture has it (QA walk of
// docs/story.md step 6: the DNS filter typed while the tab showed resolv.conf's I/O).
import { afterEach, describe, expect, it } from 'vitest';
import type { StreamsReply } from '../../shared/streams/evidenceApi';
import { createCaptureStore } from '../state/captureStore';
import { fakeClient } from '../testing/fakeClient';
import { click, mount, settle, type Mounted } from '../testing/mount';
import { StreamsPanel } from './StreamsPanel';

let mounted: Mounted | undefined;
afterEach(() => { mounted?.unmount(); mounted = undefined; });

const none: StreamsReply = { operations: [], next: null };

describe('StreamsPanel with nothing to show', () => {
  it('under a drill-down, names the scope and offers the whole capture with the same filter', async () => {
    const store = createCaptureStore('c', '/x.scap');
    store.getState().openView('files');
    store.getState().drillRow('44136c54b079:/etc/resolv.conf', 'streams');
    store.getState().setFilter('fd.sport=53');
    const client = fakeClient({ streams: () => none });
    mounted = await mount(<StreamsPanel />, client, store);
    await settle();
    const status = mounted.container.querySelector('.stream-ops [role=status]');
    expect(status?.textContent).toContain('No reads or writes with data in /etc/resolv.conf under this filter.');
    const button = [...status!.querySelectorAll('button')].find((b) => b.textContent === 'Look in the whole capture with this filter');
    expect(button).toBeDefined();
    await click(button!);
    await settle();
    expect(store.getState().trail.map((t) => t.filter)).toEqual(['']);
    expect([store.getState().panel, store.getState().filter]).toEqual(['streams', 'fd.sport=53']);
    const last = client.calls.filter((c) => c.method === 'streams').at(-1)?.request as { filter?: string };
    expect(last.filter).toBe('fd.sport=53');
  });

  it('over the whole capture, says only that there is nothing', async () => {
    const store = createCaptureStore('c', '/x.scap');
    store.getState().showPanel('streams');
    mounted = await mount(<StreamsPanel />, fakeClient({ streams: () => none }), store);
    await settle();
    expect(mounted.container.querySelector('.stream-ops')?.textContent).toBe('No reads or writes with data here.');
  });
});
