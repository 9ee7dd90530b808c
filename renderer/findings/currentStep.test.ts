import { test } from 'node:test';
import assert from 'node:assert/strict';
import { currentStep } from './currentStep';

test('the overview becomes a step with the pinned tiles as its charts', () => {
  const s = currentStep({ panel: 'overview', trail: [{ viewId: 'procs', filter: '' }], filter: 'proc.name=nginx', window: undefined, pinned: ['containers'] });
  assert.deepEqual(s, { title: 'Overview', viewId: 'overview', trail: [], filter: 'proc.name=nginx', window: undefined, tiles: ['containers'], note: '' });
});

test('a drilled view becomes a step named for its view and what was selected, trail kept', () => {
  const trail = [{ viewId: 'containers', filter: '' }, { viewId: 'procs', filter: 'container.id="abc"', keyField: 'container.id', selection: 'abc' }];
  const s = currentStep({ panel: 'views', trail, filter: '', window: { from: '1', to: '2' }, pinned: [] });
  assert.equal(s.viewId, 'procs');
  assert.match(s.title, /of abc$/);
  assert.deepEqual(s.trail, trail);
  assert.notEqual(s.trail[1], trail[1], 'the step keeps its own copy of the trail');
  assert.deepEqual(s.window, { from: '1', to: '2' });
});

test('the events and streams panels become steps over the drill-down step\'s events, the followed stream kept', () => {
  const trail = [{ viewId: 'containers', filter: '' }, { viewId: 'procs', filter: 'container.id="abc"', keyField: 'container.id', selection: 'abc' }];
  const s = currentStep({ panel: 'streams', trail, filter: 'proc.name=nginx', window: undefined, pinned: [], follow: '42:5' });
  assert.deepEqual([s.viewId, s.title, s.filter, s.follow, s.trail], ['streams', 'I/O streams: 42:5', '(proc.name=nginx) and (container.id="abc")', '42:5', []]);
  const e = currentStep({ panel: 'events', trail: [{ viewId: 'procs', filter: '' }], filter: '', window: undefined, pinned: [] });
  assert.deepEqual([e.viewId, e.filter, e.follow], ['events', '', undefined]);
});
