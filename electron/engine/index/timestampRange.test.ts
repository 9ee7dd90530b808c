import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TimestampRange, isTimed } from './timestampRange';

const halves = (ts: bigint): [number, number] => [Number(ts >> 32n), Number(ts & 0xffffffffn)];

test('the first non-zero time and the latest are kept, zero times passed over', () => {
  const r = new TimestampRange();
  assert.equal(r.first, -1n);
  assert.equal(r.latest, 0n);
  const times = [0n, 1_500_000_000_123_456_789n, 0n, 1_500_000_000_000_000_001n, 1_500_000_004_294_967_296n, 1_500_000_004_294_967_295n];
  for (const t of times) r.add(...halves(t));
  assert.equal(r.first, 1_500_000_000_123_456_789n);
  assert.equal(r.latest, 1_500_000_004_294_967_296n);
});

test('times within one 2^32 ns step are ordered by their low half', () => {
  const r = new TimestampRange();
  r.add(5, 0xfffffff0);
  r.add(5, 7);
  r.add(4, 0xffffffff);
  assert.equal(r.latest, (5n << 32n) | 0xfffffff0n);
  assert.equal(r.first, (5n << 32n) | 0xfffffff0n);
});

test('a negative time (a hi half below 0) is no time', () => {
  assert.equal(isTimed(0, 0), false);
  assert.equal(isTimed(-1, 5), false);
  assert.equal(isTimed(0, 1), true);
  assert.equal(isTimed(1, 0), true);
  const r = new TimestampRange();
  r.add(...halves(-5n));
  assert.equal(r.first, -1n);
});
