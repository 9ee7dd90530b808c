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

test('walking back through the breadcrumb returns to the sort and the row the user left', () => {
  const store = createCaptureStore('c1', '/a.scap');
  store.getState().openView('procs');
  store.getState().setSort({ column: 'NET', descending: true });
  store.getState().selectRow(7);
  store.getState().drillRow('3676');
  assert.equal(store.getState().sort, undefined, 'the drilled-to table starts with its own default sort');
  assert.equal(store.getState().selectedRow, 0);
  store.getState().selectRow(2);
  store.getState().walkBack(0);
  assert.deepEqual(store.getState().sort, { column: 'NET', descending: true });
  assert.equal(store.getState().selectedRow, 7);
  // Backspace and drilling into the same row again come back the same way.
  store.getState().drillRow('3676');
  assert.equal(store.getState().selectedRow, 2, 'the threads table as it was left');
  store.getState().goBack();
  assert.equal(store.getState().selectedRow, 7);
});

test('switching tabs and back to Views keeps the selected row; e and back to the crumb too', () => {
  const store = createCaptureStore('c1', '/a.scap');
  store.getState().openView('files');
  store.getState().selectRow(4);
  store.getState().showPanel('streams');
  store.getState().switchView('files'); // the Views tab
  assert.equal(store.getState().selectedRow, 4);
  store.getState().drillRow('/var/log/nginx/error.log', 'streams'); // e
  store.getState().walkBack(0);
  assert.equal(store.getState().panel, 'views');
  assert.equal(store.getState().selectedRow, 4);
});

test('a sort and selection belong to their table: another filter or view starts afresh', () => {
  const store = createCaptureStore('c1', '/a.scap');
  store.getState().openView('procs');
  store.getState().selectRow(5);
  store.getState().switchView('files');
  assert.equal(store.getState().selectedRow, 0);
  store.getState().switchView('procs');
  assert.equal(store.getState().selectedRow, 5);
  store.getState().setFilter('proc.name=nginx');
  store.getState().switchView('procs');
  assert.equal(store.getState().selectedRow, 0, 'other rows under another filter');
});

test('Backspace back to the overview leaves every tab on the whole capture, without a stale followed stream', () => {
  const store = createCaptureStore('c1', '/a.scap');
  store.getState().openView('containers', 'container.id in ("44136c54b079")', 'Container Deaths');
  store.getState().drillRow('44136c54b079');
  store.getState().setFollow('5253:5#8');
  store.getState().setStreamMode('hex');
  store.getState().showPanel('views');
  store.getState().goBack();
  store.getState().goBack();
  const s = store.getState();
  assert.equal(s.panel, 'overview');
  assert.deepEqual(s.trail, [{ viewId: 'containers', filter: '' }]);
  const hash = readHash(writeHash(toHashState(s)));
  assert.equal(hash.follow, undefined);
  assert.equal(hash.mode, undefined);
  assert.deepEqual(hash.trail, [{ viewId: 'containers', filter: '' }]);
});

test('switching views at the same step keeps the followed stream; a new scope drops it', () => {
  const store = createCaptureStore('c1', '/a.scap');
  store.getState().openView('containers');
  store.getState().drillRow('44136c54b079');
  store.getState().setFollow('5253:5');
  store.getState().switchView('files');
  assert.equal(store.getState().follow, '5253:5');
  store.getState().walkBack(0);
  assert.equal(store.getState().follow, undefined);
});

test("a 'dig' / 'echo' tile opens the Events / I/O Streams tab under its filter, as a step Back and the hash keep", () => {
  const store = createCaptureStore('c1', '/a.scap');
  store.getState().openTile('echo', 'evt.is_io_write=true', 'App Log Error Messages');
  let s = store.getState();
  assert.equal(s.panel, 'streams');
  assert.equal(effectiveFilter(s.filter, s.trail.at(-1)), 'evt.is_io_write=true');
  assert.equal(s.trail.length, 1);
  const again = createCaptureStore('c2', '/a.scap', readHash(writeHash(toHashState(s))));
  assert.deepEqual(toHashState(again.getState()), toHashState(s), 'a reload keeps the drill');
  again.getState().goBack();
  assert.equal(again.getState().panel, 'overview', 'Back undoes the drill');
  assert.equal(effectiveFilter('', again.getState().trail.at(-1)), undefined);

  store.getState().openTile('dig', 'evt.type=signaldeliver', 'Received Signals');
  s = store.getState();
  assert.equal(s.panel, 'events');
  assert.equal(s.trail.at(-1)?.filter, 'evt.type=signaldeliver');
  // Another tab then Back: the table for the same events, as for any step.
  s.showPanel('tree');
  store.getState().goBack();
  assert.equal(store.getState().panel, 'views');
});

test('a tile drilling to a table view opens that view, as before', () => {
  const store = createCaptureStore('c1', '/a.scap');
  store.getState().openTile('containers', 'evt.type=procexit', 'Container Deaths');
  const s = store.getState();
  assert.equal(s.panel, 'views');
  assert.deepEqual(s.trail, [{ viewId: 'containers', filter: 'evt.type=procexit', keyField: 'tile', selection: 'Container Deaths' }]);
});
