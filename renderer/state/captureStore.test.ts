import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCaptureStore, effectiveFilter, toHashState } from './captureStore';
import { readHash, writeHash } from './hashState';
import { findView, canDrillDown } from '../../shared/views/catalog';

test('a drillable view drills on a row, Backspace walks back, then to the overview', () => {
  const store = createCaptureStore('c1', '/a.scap');
  const drillable = ['containers', 'procs', 'connections', 'files'].find((id) => { const v = findView(id); return v && canDrillDown(v); });
  assert.ok(drillable, 'some top-level view can drill down');
  store.getState().openView(drillable);
  store.getState().drillRow('nginx');
  const s = store.getState();
  assert.equal(s.trail.length, 2);
  assert.match(s.trail[1].filter, /"nginx"/);
  s.goBack();
  assert.equal(store.getState().trail.length, 1);
  store.getState().goBack();
  assert.equal(store.getState().panel, 'overview');
});

test('the user filter and the drill filter combine with and', () => {
  assert.equal(effectiveFilter('', { viewId: 'v', filter: '' }), undefined);
  assert.equal(effectiveFilter(' proc.name=a ', { viewId: 'v', filter: '' }), 'proc.name=a');
  assert.equal(effectiveFilter('proc.name=a', { viewId: 'v', filter: 'fd.num=3 or fd.num=4' }), '(proc.name=a) and (fd.num=3 or fd.num=4)');
});

test('a store restored from the hash shows what the hash said', () => {
  const first = createCaptureStore('c1', '/a.scap');
  first.getState().openView('procs', 'proc.name="x"', 'CPU');
  first.getState().setWindow({ from: '10', to: '20' });
  first.getState().togglePin('cpu');
  const hash = writeHash(toHashState(first.getState()));
  const again = createCaptureStore('c2', '/a.scap', readHash(hash));
  assert.deepEqual(toHashState(again.getState()), toHashState(first.getState()));
});

test('pinning twice unpins', () => {
  const store = createCaptureStore('c1', '/a.scap');
  store.getState().togglePin('a');
  store.getState().togglePin('b');
  store.getState().togglePin('a');
  assert.deepEqual(store.getState().pinned, ['b']);
});

test('e / d on a row drill into its I/O or events; Backspace returns to the table first', () => {
  const store = createCaptureStore('c1', '/a.scap');
  store.getState().openView('containers');
  store.getState().drillRow('44136c54b079', 'streams');
  let s = store.getState();
  assert.equal(s.panel, 'streams');
  assert.equal(s.trail.length, 2);
  assert.match(s.trail[1].filter, /container\.id="44136c54b079"/);
  s.goBack();
  s = store.getState();
  assert.equal(s.panel, 'views');
  assert.equal(s.trail.length, 2);
  s.goBack();
  assert.equal(store.getState().trail.length, 1);
});
