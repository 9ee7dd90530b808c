import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findView, visibleColumns, drillKeyField, defaultSortColumn, viewsApplyingTo, listedViews } from './catalog';
import { breadcrumb, drillDown, filterTemplate, KEY_PLACEHOLDER, rowFilter, startTrail, switchView, walkBack } from './drilldown';

const view = (id: string) => {
  const v = findView(id);
  assert.ok(v, id);
  return v;
};

test('the files template wraps the view filter and keys on the container-qualified name', () => {
  assert.equal(filterTemplate(view('files')),
    `((fd.type=file or fd.type=directory) and fd.name!='') and fd.containername="${KEY_PLACEHOLDER}"`);
});

test('a parent filter is and-ed in front of the template', () => {
  assert.equal(filterTemplate(view('syscalls'), 'container.id=9b27cc40ad67'),
    `(container.id=9b27cc40ad67) and ((syscall.type exists) and evt.type="${KEY_PLACEHOLDER}")`);
});

test('a view without its own filter keys directly, and spy users does not propagate its filter', () => {
  assert.equal(filterTemplate(view('io_by_type')), `fd.type="${KEY_PLACEHOLDER}"`);
  assert.equal(filterTemplate(view('spy_users_wsysdig')), `thread.nametid="${KEY_PLACEHOLDER}"`);
});

test('processes drill on the group-by pid, not on the thread key', () => {
  assert.equal(drillKeyField(view('procs')), 'proc.pid');
  assert.equal(drillKeyField(view('containers')), 'container.id');
  assert.deepEqual(visibleColumns(view('procs')).map((c) => c.name),
    ['PID', 'PPID', 'VPID', 'CPU', 'USER', 'TH', 'VIRT', 'RES', 'FILE', 'NET', 'CONTAINER', 'Command']);
  assert.equal(defaultSortColumn(view('procs')), 3);
});

test('row keys with quotes are escaped in the drill filter', () => {
  assert.equal(rowFilter(view('errors'), '', 'a"b'), `(evt.res != SUCCESS) and evt.res="a\\"b"`);
});

test('drilling, switching views and walking back keep the selection filter', () => {
  let trail = startTrail('procs', 'proc.name=bash');
  trail = drillDown(trail, '1234');
  assert.equal(trail.length, 2);
  assert.equal(trail[1].viewId, 'threads');
  assert.equal(trail[1].filter, '(proc.name=bash) and ((evt.type!=switch) and proc.pid="1234")');
  trail = switchView(trail, 'files');
  assert.equal(trail[1].viewId, 'files');
  assert.equal(trail[1].filter, '(proc.name=bash) and ((evt.type!=switch) and proc.pid="1234")');
  trail = drillDown(trail, ':/etc/passwd');
  assert.equal(trail[2].viewId, 'procs');
  assert.deepEqual(breadcrumb(trail), ['Processes', 'Files of process 1234', 'Processes using /etc/passwd']);
  assert.deepEqual(walkBack(trail, 0), [{ viewId: 'procs', filter: 'proc.name=bash' }]);
  assert.throws(() => drillDown(startTrail('port_bindings'), 'x'), /no drill-down/);
});

test('after drilling into a container, the containers view is no longer offered', () => {
  const ids = viewsApplyingTo('container.id').map((v) => v.id);
  assert.ok(!ids.includes('containers'));
  assert.ok(ids.includes('procs'));
  assert.equal(listedViews().length, 16);
});

test('crumbs read the selection in words: host and container fd names lose their prefix, directories read "in"', () => {
  let trail = drillDown(startTrail('directories'), ':/dev/pts');
  assert.deepEqual(breadcrumb(trail), ['Directories', 'Files in /dev/pts']);
  trail = drillDown(trail, '44136c54b079:/dev/pts/2');
  assert.equal(breadcrumb(trail)[2], 'Processes using /dev/pts/2');
  assert.equal(breadcrumb(drillDown(startTrail('connections'), '25c8ce27e4e3:172.17.0.3:38188->162.159.140.98:443'))[1],
    'New Connections on 172.17.0.3:38188->162.159.140.98:443');
  assert.equal(breadcrumb(drillDown(startTrail('containers'), '44136c54b079'))[1], 'Processes in container 44136c54b079');
  assert.equal(breadcrumb(drillDown(startTrail('syscalls'), 'openat'))[1], 'Syscall Callers of openat');
  assert.equal(breadcrumb(drillDown(startTrail('io_by_type'), 'ipv4'))[1], 'Processes with ipv4 fds');
});

test('a row with an empty key (I/O by Type\'s events without an fd) drills on the field\'s absence, not on field=""', () => {
  const trail = drillDown(startTrail('io_by_type', 'proc.name=minio'), '');
  assert.equal(trail[1].filter, '(proc.name=minio) and ((not fd.type exists or fd.type=""))');
  assert.equal(breadcrumb(trail)[1], 'Processes with no fd type');
  assert.equal(rowFilter(view('io_by_type'), '', 'file'), 'fd.type="file"');
});
