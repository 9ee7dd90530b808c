// An invalid filter typed over an applied one (QA 20): the results stay those of the applied
// filter, which the box no longer shows, so a line under the error names it.
import { afterEach, describe, expect, it } from 'vitest';
import { createCaptureStore } from '../state/captureStore';
import { fakeClient } from '../testing/fakeClient';
import { mount, press, settle, typeInto, type Mounted } from '../testing/mount';
import { FilterBar } from './FilterBar';

let mounted: Mounted | undefined;
afterEach(() => { mounted?.unmount(); mounted = undefined; });

describe('an invalid filter in the box', () => {
  it('says which filter the results on screen are for', async () => {
    const store = createCaptureStore('c', '/x/applied.scap');
    store.getState().setFilter('fd.sport=53');
    mounted = await mount(<FilterBar />, fakeClient({}), store);
    await settle();
    const input = mounted.container.querySelector<HTMLInputElement>('#filter-input')!;
    expect(mounted.container.querySelector('.filter-applied')).toBeNull();
    await typeInto(input, 'proc.nam=nginx and');
    await press(input, 'Enter');
    expect(store.getState().filter).toBe('fd.sport=53');
    expect(mounted.container.querySelector('.filter-applied')?.textContent).toBe('Showing results of fd.sport=53');
    // With none applied, it says the results are the whole capture's.
    store.getState().setFilter('');
    await settle();
    await typeInto(input, 'proc.nam=nginx');
    expect(mounted.container.querySelector('.filter-applied')?.textContent).toBe('Showing the whole capture: no filter applied');
    // A valid filter being typed says nothing more.
    await typeInto(input, 'proc.name=nginx');
    expect(mounted.container.querySelector('.filter-applied')).toBeNull();
  });
});
