import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CheckpointStore, type EventsCheckpoint } from './eventsCheckpoints';

const cp = (evtNum: number, bytes: number): EventsCheckpoint<string> => ({ evtNum, maxTs: BigInt(evtNum), walk: `state@${evtNum}`, pairing: new Map(), bytes });

test('past the byte budget the store keeps every other checkpoint, the newest included, and doubles its spacing', () => {
  const store = new CheckpointStore<string>(10, 1000, 350);
  for (let n = 10; n <= 40; n += 10) {
    assert.ok(store.due(n));
    store.add(cp(n, 100));
  }
  // 400 bytes > 350: thinned to 20 and 40.
  assert.deepEqual([store.size, store.bytes, store.spacing, store.last?.evtNum], [2, 200, 20, 40]);
  assert.equal(store.due(50), false, 'the spacing doubled');
  assert.ok(store.due(60));
  assert.equal(store.latest((c) => c.evtNum < 40)?.evtNum, 20);
});

test('a checkpoint bigger than the whole budget still leaves the newest one', () => {
  const store = new CheckpointStore<string>(10, 1000, 50);
  store.add(cp(10, 100));
  store.add(cp(20, 100));
  assert.equal(store.size, 1);
  assert.equal(store.last?.evtNum, 20);
});

test('an adopted checkpoint goes in its place by event, once, and a pass adding its own is told of it', () => {
  const store = new CheckpointStore<string>(10, 1000, 10_000);
  const told: number[] = [];
  store.onAdd = (c) => told.push(c.evtNum);
  store.add(cp(40, 100));
  for (const n of [20, 10, 30, 20, 50]) store.adopt(cp(n, 100));
  assert.equal(store.size, 5, 'the second 20 is not taken twice');
  assert.equal(store.bytes, 500);
  assert.deepEqual([10, 20, 30, 40, 50].map((n) => store.latest((c) => c.evtNum <= n)?.evtNum), [10, 20, 30, 40, 50]);
  assert.equal(store.last?.evtNum, 50);
  assert.deepEqual(told, [40], 'adopted checkpoints are not handed on again');
});

test('adopting past the byte budget thins the store as adding does', () => {
  const store = new CheckpointStore<string>(10, 1000, 350);
  for (const n of [40, 10, 30, 20]) store.adopt(cp(n, 100));
  assert.deepEqual([store.size, store.bytes, store.spacing, store.last?.evtNum], [2, 200, 20, 40]);
});

test('the latest checkpoint under a bound is found by bisection as by a search from the newest', () => {
  const store = new CheckpointStore<string>(10, 1000, 1e9);
  for (let n = 10; n <= 500; n += 10) store.add(cp(n, 1));
  for (let bound = 0; bound <= 520; bound += 3) {
    assert.equal(store.latestBefore((c) => c.evtNum < bound)?.evtNum, store.latest((c) => c.evtNum < bound)?.evtNum, `below ${bound}`);
    assert.equal(store.latestBefore((c) => c.evtNum <= bound)?.evtNum, store.latest((c) => c.evtNum <= bound)?.evtNum, `up to ${bound}`);
  }
  assert.equal(new CheckpointStore<string>().latestBefore(() => true), undefined, 'an empty store');
});
