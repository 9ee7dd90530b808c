import { test } from 'node:test';
import assert from 'node:assert/strict';
import { joinPath } from './pathJoin';

test('a relative path is joined to the base and normalised', () => {
  assert.equal(joinPath('/home/u/', 'a/./b/../c'), '/home/u/a/c');
});

test('an absolute path ignores the base and collapses double slashes', () => {
  assert.equal(joinPath('/x/', '/etc//passwd'), '/etc/passwd');
});

test('.. never climbs above the root', () => {
  assert.equal(joinPath('/', '..'), '/');
  assert.equal(joinPath('/', '../../etc'), '/etc');
});

test('a trailing slash is removed except for the root', () => {
  assert.equal(joinPath('/tmp/', 'dir/'), '/tmp/dir');
  assert.equal(joinPath('/', '.'), '/');
});

test('.. at the end removes the last component of the base', () => {
  assert.equal(joinPath('/a/b/', '..'), '/a');
});

test('a dot inside a name is an ordinary character', () => {
  assert.equal(joinPath('/a/', '.bashrc'), '/a/.bashrc');
  assert.equal(joinPath('/a/', 'x.y/..z'), '/a/x.y/..z');
});

test('over-long paths give the sinsp marker', () => {
  assert.equal(joinPath('/' + 'a'.repeat(1020) + '/', 'bbbbbbbbb'), '/DIR_TOO_LONG/FILENAME_TOO_LONG');
});
