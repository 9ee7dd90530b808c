import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolvePathText } from './paths';

test('relative paths join the base with ., .. and repeated slashes folded', () => {
  assert.equal(resolvePathText('/home/u/', 'a/b'), '/home/u/a/b');
  assert.equal(resolvePathText('/home/u/', './a//b/'), '/home/u/a/b');
  assert.equal(resolvePathText('/home/u/', '../x'), '/home/x');
  assert.equal(resolvePathText('/home/u/', '..'), '/home');
  assert.equal(resolvePathText('/', '../../etc'), '/etc');
  assert.equal(resolvePathText('/home/u/', '.'), '/home/u');
  assert.equal(resolvePathText('/home/u/', '..x'), '/home/u/..x');
});

test('absolute and empty paths have no resolution', () => {
  assert.equal(resolvePathText('/home/u/', '/etc/passwd'), '');
  assert.equal(resolvePathText('/home/u/', ''), '');
});
