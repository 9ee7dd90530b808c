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

test('paths that need no normalising come out as the slow path makes them', () => {
  // A leading './' (relative) or '/.' (absolute) forces the character-by-character path and is
  // itself normalised away, so both forms must agree for every path.
  const alphabet = ['a', 'b', '.', '/', '..'];
  let seed = 12345;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  for (let n = 0; n < 20000; n++) {
    let p = '';
    const len = Math.floor(next() * 9);
    for (let i = 0; i < len; i++) p += alphabet[Math.floor(next() * alphabet.length)];
    for (const base of ['', '/', '/home/u/', '/x']) {
      if (p.startsWith('/')) assert.equal(joinPath(base, p), joinPath(base, `/.${p}`), `${base} + ${p}`);
      else if (p !== '' && base !== '/x') assert.equal(joinPath(base, p), joinPath(base, `./${p}`), `${base} + ${p}`);
    }
  }
});
