import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsStoreFor } from './findingsStore';
import { currentStep } from './currentStep';

test('a step is recorded once, and following a stream from the list recorded before is a step of its own', () => {
  const store = findingsStoreFor('/tmp/findings-store-test.scap');
  const place = { panel: 'streams' as const, trail: [{ viewId: 'procs', filter: '' }], filter: 'fd.sport=53', window: undefined, pinned: [] };
  assert.deepEqual(store.getState().recordStep(currentStep(place)), { added: true, index: 0 });
  // The duplicate is said to be one, with the place of the step it repeats (QA 15).
  assert.deepEqual(store.getState().recordStep(currentStep(place)), { added: false, index: 0 });
  assert.equal(store.getState().findings.steps.length, 1);
  store.getState().recordStep(currentStep({ ...place, follow: '5253:5#8' }));
  assert.deepEqual(store.getState().findings.steps.map((s) => s.follow), [undefined, '5253:5#8']);
});
