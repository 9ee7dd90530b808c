// Bookmarking records only the bookmark (QA 14 B): bookmarking a stream operation from the I/O
// streams tab or an event from the events list added "Steps (1): I/O streams — …" too.
import { afterEach, describe, expect, it } from 'vitest';
import { createCaptureStore } from '../state/captureStore';
import { fakeClient } from '../testing/fakeClient';
import { click, mount, settle, type Mounted } from '../testing/mount';
import { BookmarkButton } from './BookmarkButton';
import { FindingsPanel } from './FindingsPanel';
import { findingsStoreFor } from './findingsStore';

let mounted: Mounted | undefined;
afterEach(() => { mounted?.unmount(); mounted = undefined; });

describe('a bookmark button', () => {
  it('bookmarking a stream operation adds the bookmark and no step', async () => {
    const path = '/x/bookmark-stream.scap';
    const store = createCaptureStore('c', path);
    store.getState().showPanel('streams');
    store.getState().setFilter('fd.sport=53');
    mounted = await mount(<BookmarkButton bookmark={{ kind: 'stream', evtNum: 270, streamKey: '5253:5#8', note: '' }} />, fakeClient({}), store);
    await click(mounted.container.querySelector('button')!);
    await settle();
    const f = findingsStoreFor(path).getState().findings;
    expect(f.bookmarks.map((b) => b.kind === 'stream' && b.evtNum)).toEqual([270]);
    expect(f.steps).toEqual([]);
  });

  it('bookmarking an event adds no step either', async () => {
    const path = '/x/bookmark-event.scap';
    const store = createCaptureStore('c', path);
    store.getState().showPanel('events');
    mounted = await mount(<BookmarkButton bookmark={{ kind: 'event', evtNum: 105, note: '' }} />, fakeClient({}), store);
    await click(mounted.container.querySelector('button')!);
    await settle();
    const f = findingsStoreFor(path).getState().findings;
    expect(f.bookmarks).toHaveLength(1);
    expect(f.steps).toEqual([]);
  });
});

describe('a bookmark button with the findings drawer open', () => {
  it('says what it bookmarked in the drawer\'s status line, and what it removed (QA 17: the line still said "Step 3 recorded.")', async () => {
    const path = '/x/bookmark-status.scap';
    const store = createCaptureStore('c', path);
    store.getState().showPanel('streams');
    const findings = findingsStoreFor(path);
    findings.getState().setPanelOpen(true);
    findings.getState().setStatus({ text: 'Step 3 recorded.' });
    mounted = await mount(<><FindingsPanel /><div className="card"><BookmarkButton bookmark={{ kind: 'stream', evtNum: 294, streamKey: '5253:5#8', note: '' }} /></div></>, fakeClient({}), store);
    const line = () => mounted!.container.querySelector('.findings-panel [role=status]')?.textContent;
    const card = () => mounted!.container.querySelector<HTMLButtonElement>('.card button')!;
    expect(line()).toBe('Step 3 recorded.');
    await click(card());
    await settle();
    expect(line()).toBe('Bookmarked stream operation #294 (5253:5#8).');
    await click(card());
    await settle();
    expect(line()).toBe('Removed the bookmark on stream operation #294 (5253:5#8).');
    expect(findings.getState().findings.bookmarks).toEqual([]);
  });
});
