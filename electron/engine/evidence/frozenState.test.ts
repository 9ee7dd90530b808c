import { test } from 'node:test';
import assert from 'node:assert/strict';
import { freeze, thaw } from './frozenState';
import { CheckpointUnsupported } from './stateCheckpoint';

class Fd { constructor(public name: string) {} get upper(): string { return this.name.toUpperCase(); } }
class Thread { fds = new Map<number, Fd>(); children = new Set<number>(); enter = new Uint8Array([1, 2, 3]); raw = Buffer.from('ab'); ts = 7n; }

test('a thawed state keeps classes, sharing, maps in order, typed arrays and bigints, and shares nothing with the original', () => {
  const leader = new Thread();
  const worker = new Thread();
  worker.fds = leader.fds; // a thread sharing its leader's fd table
  const fd = new Fd('/etc/passwd');
  leader.fds.set(9, fd);
  leader.fds.set(3, new Fd('/tmp/x'));
  const byFd = new Map<Fd, number>([[fd, 1]]);
  const state = { threads: new Map([[1, leader], [2, worker]]), current: worker, byFd, pending: [[leader.fds, 9, fd]] as unknown[] };
  const frozen = freeze(state);
  const c = thaw<typeof state>(frozen);
  const [cl, cw] = [c.threads.get(1)!, c.threads.get(2)!];
  assert.ok(cl instanceof Thread && cl.fds.get(9) instanceof Fd);
  assert.equal(cl.fds.get(9)!.upper, '/ETC/PASSWD');
  assert.deepEqual([...cl.fds.keys()], [9, 3], 'map order kept');
  assert.equal(cw.fds, cl.fds, 'the shared fd table stays shared');
  assert.equal(c.current, cw, 'references into the graph point into the thawed graph');
  assert.equal(c.byFd.get(cl.fds.get(9)!), 1, 'object keys are the thawed objects');
  assert.equal((c.pending[0] as unknown[])[2], cl.fds.get(9));
  assert.ok(cl.enter instanceof Uint8Array && Buffer.isBuffer(cl.raw) && cl.raw.toString() === 'ab');
  assert.equal(cl.ts, 7n);
  cl.fds.set(4, new Fd('y'));
  cl.enter[0] = 9;
  assert.equal(leader.fds.size, 2, 'the original is untouched');
  assert.equal(leader.enter[0], 1);
  const again = thaw<typeof state>(frozen);
  assert.equal(again.threads.get(1)!.fds.size, 2, 'each thaw is a fresh graph');
  assert.notEqual(again.threads.get(1), cl);
});

test('functions travel by reference, and what is left out thaws as null', () => {
  const callback = () => 1;
  const chunk = { data: new Uint8Array(1 << 20) };
  const keep = () => 2;
  const c = thaw<{ onShown: unknown; keep: () => number; ev: unknown; ip: Uint8Array }>(freeze({ onShown: callback, keep, ev: chunk, ip: chunk.data.subarray(10, 14) }, [callback, chunk]));
  assert.equal(c.onShown, null);
  assert.equal(c.ev, null);
  assert.equal(c.keep, keep);
  assert.equal(c.ip.byteLength, 4, 'a view keeps only its own bytes');
});

test('state the serializer would lose makes freezing fail clearly', () => {
  assert.throws(() => freeze({ cache: new WeakMap() }), CheckpointUnsupported);
  assert.throws(() => freeze({ [Symbol('s')]: 1 }), CheckpointUnsupported);
  const hidden = {};
  Object.defineProperty(hidden, 'x', { value: 1, enumerable: false });
  assert.throws(() => freeze({ hidden }), CheckpointUnsupported);
  assert.throws(() => freeze({ get y() { return 1; } }), CheckpointUnsupported);
});
