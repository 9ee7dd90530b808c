import { test } from 'node:test';
import assert from 'node:assert/strict';
import { currentStep } from './currentStep';

test('the overview becomes a step with the pinned tiles as its charts, titled by the tiles\' names', () => {
  const s = currentStep({ panel: 'overview', trail: [{ viewId: 'procs', filter: '' }], filter: 'proc.name=nginx', window: undefined, pinned: ['infra.containers.died'] });
  assert.deepEqual(s, { title: 'Overview: Container Deaths over time (filtered)', viewId: 'overview', trail: [], filter: 'proc.name=nginx', window: undefined, tiles: ['infra.containers.died'], note: '' });
  assert.equal(currentStep({ panel: 'overview', trail: [], filter: '', window: undefined, pinned: [] }).title, 'Overview');
});

test('a drilled view becomes a step named for its view and what was selected, trail kept', () => {
  const trail = [{ viewId: 'containers', filter: '' }, { viewId: 'procs', filter: 'container.id="abc"', keyField: 'container.id', selection: 'abc' }];
  const s = currentStep({ panel: 'views', trail, filter: '', window: { from: '1', to: '2' }, pinned: [] });
  assert.equal(s.viewId, 'procs');
  assert.equal(s.title, 'Processes of container abc');
  assert.deepEqual(s.trail, trail);
  assert.notEqual(s.trail[1], trail[1], 'the step keeps its own copy of the trail');
  assert.deepEqual(s.window, { from: '1', to: '2' });
});

test('the events and streams panels become steps over the drill-down step\'s events, the followed stream kept', () => {
  const trail = [{ viewId: 'containers', filter: '' }, { viewId: 'procs', filter: 'container.id="abc"', keyField: 'container.id', selection: 'abc' }];
  const s = currentStep({ panel: 'streams', trail, filter: 'proc.name=nginx', window: undefined, pinned: [], follow: '42:5' });
  assert.deepEqual([s.viewId, s.title, s.filter, s.follow, s.trail], ['streams', 'I/O streams of container abc, following 42:5 (filtered)', '(proc.name=nginx) and (container.id="abc")', '42:5', []]);
  const e = currentStep({ panel: 'events', trail: [{ viewId: 'procs', filter: '' }], filter: '', window: undefined, pinned: [] });
  assert.deepEqual([e.viewId, e.title, e.filter, e.follow], ['events', 'Events', '', undefined]);
});

test('a step under a drill through five containers reads as what the user did, the filter kept whole as its detail (QA 13)', () => {
  const ids = '44136c54b079, 565b1e4d2e2b, 576fdcc5f542, 916c085339cb, cb571ff39b8c';
  const trail = [
    { viewId: 'containers', filter: `container.id in (${ids})`, keyField: 'tile', selection: 'Container Deaths' },
    { viewId: 'files', filter: `(container.id in (${ids})) and ((container.name != host) and container.id="44136c54b079")`, keyField: 'container.id', selection: '44136c54b079' },
    { viewId: 'procs', filter: `((container.id in (${ids})) and ((container.name != host) and container.id="44136c54b079")) and (fd.containername="44136c54b079:/var/log/nginx/error.log")`, keyField: 'fd.containername', selection: '44136c54b079:/var/log/nginx/error.log' },
  ];
  const io = currentStep({ panel: 'streams', trail, filter: '', window: undefined, pinned: [], streamMode: 'hex' });
  assert.equal(io.title, 'I/O streams of /var/log/nginx/error.log, in hex');
  assert.equal(io.filter, trail[2].filter);
  assert.equal(io.mode, 'hex', 'the reproducing command shows the payloads as the user saw them');
  assert.doesNotMatch(io.title, /565b1e4d2e2b|container\.id/);
  assert.equal(currentStep({ panel: 'views', trail: trail.slice(0, 1), filter: '', window: undefined, pinned: [] }).title, 'Containers from the Container Deaths tile');
  assert.equal(currentStep({ panel: 'views', trail: trail.slice(0, 2), filter: '', window: undefined, pinned: [] }).title, 'Files of container 44136c54b079');
});

test('a title stays within the findings file\'s bound however long the selection', () => {
  const path = `/${'a'.repeat(2000)}`;
  const trail = [{ viewId: 'files', filter: '' }, { viewId: 'procs', filter: `fd.containername="host:${path}"`, keyField: 'fd.containername', selection: `host:${path}` }];
  const s = currentStep({ panel: 'views', trail, filter: '', window: undefined, pinned: [] });
  assert.ok(s.title.length <= 500 && s.title.startsWith('Processes of /aaa'), s.title.slice(0, 40));
});
