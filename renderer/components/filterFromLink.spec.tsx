// A link (or a restored URL) whose filter does not parse (QA 16): the filter was applied as it
// was, every tab asked the engine with it and came back blank, and its error was shown twice.
// Now the results are the unfiltered ones, and the bad filter waits in the box with its error.
import { afterEach, describe, expect, it } from 'vitest';
import { createCaptureStore } from '../state/captureStore';
import { emptyHashState } from '../state/hashState';
import { fakeClient } from '../testing/fakeClient';
import { mount, settle, type Mounted } from '../testing/mount';
import { FilterBar } from './FilterBar';

let mounted: Mounted | undefined;
afterEach(() => { mounted?.unmount(); mounted = undefined; });

const bad = '((proc.name=nginx';

describe('a filter from a link that does not parse', () => {
  it('is not applied, and waits in the filter box with its error, once', async () => {
    const store = createCaptureStore('c', '/x/link.scap', { ...emptyHashState, panel: 'events', filter: bad });
    expect(store.getState().filter).toBe('');
    mounted = await mount(<FilterBar />, fakeClient({}), store);
    await settle();
    expect(mounted.container.querySelector<HTMLInputElement>('#filter-input')?.value).toBe(bad);
    expect(mounted.container.querySelectorAll('[role=alert]')).toHaveLength(1);
    // The user's next filter replaces it.
    store.getState().setFilter('proc.name=nginx');
    await settle();
    expect(store.getState().filterDraft).toBeUndefined();
    expect(mounted.container.querySelector<HTMLInputElement>('#filter-input')?.value).toBe('proc.name=nginx');
  });

  it('is held back the same way when Back or Forward restores it', () => {
    const store = createCaptureStore('c', '/x/link-back.scap');
    store.getState().restore({ ...emptyHashState, panel: 'events', filter: bad });
    expect(store.getState().filter).toBe('');
    expect(store.getState().filterDraft).toBe(bad);
    store.getState().restore({ ...emptyHashState, panel: 'events', filter: 'proc.name=nginx' });
    expect(store.getState().filter).toBe('proc.name=nginx');
    expect(store.getState().filterDraft).toBeUndefined();
  });
});
