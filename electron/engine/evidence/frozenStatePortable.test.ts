import { test } from 'node:test';
import assert from 'node:assert/strict';
import { freeze, seedPortablePrototypes, thaw } from './frozenState';

class Fd { constructor(public name: string) {} }
class Thread { fds = new Map<number, Fd>(); }
class Elsewhere { x = 1; }

// Before anything in this file is frozen (each test file runs in a process of its own).
seedPortablePrototypes([Thread.prototype, Fd.prototype]);

test('a state made of seeded classes and plain data is portable; another class or a function makes it stay in its thread', () => {
  const t = new Thread();
  t.fds.set(3, new Fd('/etc/hosts'));
  const frozen = freeze({ threads: [t], when: 5n });
  assert.equal(frozen.portable, true);
  assert.ok(thaw<{ threads: Thread[] }>(frozen).threads[0].fds.get(3) instanceof Fd);
  assert.equal(freeze({ threads: [t], other: new Elsewhere() }).portable, false);
  assert.equal(freeze({ threads: [t], hook: () => 1 }).portable, false);
});

test('seeding again, or after something was frozen, changes no number', () => {
  seedPortablePrototypes([Elsewhere.prototype]);
  assert.equal(freeze({ e: new Elsewhere() }).portable, false, 'Elsewhere was not made portable late');
  assert.equal(freeze({ f: new Fd('x') }).portable, true);
});
