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
