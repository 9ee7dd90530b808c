import { test } from 'node:test';
import assert from 'node:assert/strict';
import { selectionLabel } from './scopeLabel';

test('a host fd\'s empty container prefix is dropped, as a container\'s is', () => {
  assert.equal(selectionLabel({ viewId: 'procs', filter: 'x', keyField: 'fd.containername', selection: ':/dev/pts/2' }), '/dev/pts/2');
  assert.equal(selectionLabel({ viewId: 'files', filter: 'x', keyField: 'fd.containerdirectory', selection: '44136c54b079:/etc' }), 'directory /etc');
});

test('an empty key names the absence of the field ("I/O of no fd type")', () => {
  assert.equal(selectionLabel({ viewId: 'procs', filter: 'x', keyField: 'fd.type', selection: '' }), 'no fd type');
  assert.equal(selectionLabel({ viewId: 'procs', filter: 'x', keyField: 'fd.type', selection: 'ipv4' }), 'fd type ipv4');
});
