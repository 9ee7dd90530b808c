// "Record this step" says what it did (QA 15): a second press on the same step added nothing
// but still said "Step recorded.".
import { afterEach, describe, expect, it } from 'vitest';
import { createCaptureStore } from '../state/captureStore';
import { fakeClient } from '../testing/fakeClient';
import { click, mount, settle, type Mounted } from '../testing/mount';
import { FindingsPanel } from './FindingsPanel';
import { findingsStoreFor } from './findingsStore';

let mounted: Mounted | undefined;
afterEach(() => { mounted?.unmount(); mounted = undefined; });

describe('Record this step', () => {
  it('records a step once, and says so when the step is already recorded', async () => {
    const path = '/x/record-step.scap';
    const store = createCaptureStore('c', path);
    store.getState().showPanel('events');
    store.getState().setFilter('proc.name=nginx');
    findingsStoreFor(path).getState().setPanelOpen(true);
    mounted = await mount(<FindingsPanel />, fakeClient({}), store);
    await settle();
    const record = [...mounted.container.querySelectorAll('button')].find((b) => b.textContent === 'Record this step')!;
    const status = () => mounted!.container.querySelector('[role=status]')?.textContent;
    await click(record);
    expect(status()).toBe('Step 1 recorded.');
    await click(record);
    expect(findingsStoreFor(path).getState().findings.steps).toHaveLength(1);
    expect(status()).toBe('This step is already recorded (step 1); nothing was added.');
  });
});
