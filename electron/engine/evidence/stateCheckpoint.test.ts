import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CheckpointUnsupported, deepCopy } from './stateCheckpoint';
import { CheckpointStore } from './eventsCheckpoints';

class Fd { constructor(public name: string) {} get upper(): string { return this.name.toUpperCase(); } }
class Thread { fds = new Map<number, Fd>(); children = new Set<number>(); cwd = '/'; enter = new Uint8Array([1, 2, 3]); }

test('a deep copy keeps classes and sharing, and shares nothing with the original', () => {
  const leader = new Thread();
  const worker = new Thread();
  worker.fds = leader.fds; // a thread sharing its leader's fd table
  const fd = new Fd('/etc/passwd');
  leader.fds.set(3, fd);
  const state = { threads: new Map([[1, leader], [2, worker]]), pendingRemoval: [[leader.fds, 3, fd]] as unknown[], ts: 5n, current: worker };
  const c = deepCopy(state);
  const [cl, cw] = [c.threads.get(1)!, c.threads.get(2)!];
  assert.ok(cl instanceof Thread && cl.fds.get(3) instanceof Fd);
  assert.equal(cl.fds.get(3)!.upper, '/ETC/PASSWD');
  assert.equal(cw.fds, cl.fds, 'the shared fd table stays shared');
  assert.equal(c.current, cw, 'references into the graph point into the copy');
  assert.equal((c.pendingRemoval[0] as unknown[])[0], cl.fds);
  assert.equal((c.pendingRemoval[0] as unknown[])[2], cl.fds.get(3));
  assert.equal(c.ts, 5n);
  cl.fds.set(4, new Fd('x'));
  cl.enter[0] = 9;
  cl.children.add(7);
  assert.equal(leader.fds.size, 1, 'the original is untouched');
  assert.equal(leader.enter[0], 1);
  assert.equal(leader.children.size, 0);
  assert.notEqual(cl, leader);
});

test('a deep copy copies only the bytes of a view and leaves out what it is told to', () => {
  const chunk = new Uint8Array(1 << 20);
  const reader = { data: chunk };
  const c = deepCopy({ ip: chunk.subarray(10, 14), ev: reader, keep: 1 }, [reader]);
  assert.equal(c.ip.byteLength, 4);
  assert.equal(c.ip.buffer.byteLength, 4);
  assert.equal(c.ev, null);
  assert.equal(c.keep, 1);
});

test('state that cannot be read from outside makes the copy fail clearly', () => {
  assert.throws(() => deepCopy({ cache: new WeakMap() }), CheckpointUnsupported);
});

test('the checkpoint store appends, finds the latest usable checkpoint and thins past its maximum', () => {
  const store = new CheckpointStore<string>(10, 4);
  const add = (n: number) => store.add({ evtNum: n, maxTs: BigInt(n * 100), walk: `w${n}`, pairing: new Map() });
  assert.equal(store.due(9), false);
  assert.equal(store.due(10), true);
  for (const n of [10, 20, 30, 40]) add(n);
  add(35); // behind the last one: ignored
  assert.equal(store.size, 4);
  assert.equal(store.latest((cp) => cp.evtNum < 35)?.walk, 'w30');
  assert.equal(store.latest((cp) => cp.evtNum < 10), undefined);
  add(50); // fifth: every other one dropped (the newest kept), spacing doubled
  assert.equal(store.size, 3);
  assert.deepEqual([50, 49, 29, 9].map((n) => store.latest((cp) => cp.evtNum <= n)?.walk), ['w50', 'w30', 'w10', undefined]);
  assert.equal(store.due(69), false);
  assert.equal(store.due(70), true);
});
