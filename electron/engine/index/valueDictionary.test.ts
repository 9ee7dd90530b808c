import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ValueDictionary } from './valueDictionary';

test('each distinct value gets one id, and the id gives the value back', () => {
  const d = new ValueDictionary();
  const values = [3, -1, 4095, 4094, 4096, -2, 2.5, 7n, 'x', '3', true, NaN, 0, 3, 'x', 7n, -1, 4096, NaN];
  const ids = values.map((v) => d.idOf(v));
  for (let i = 0; i < values.length; i++) {
    assert.ok(ids[i] > 0);
    assert.ok(Object.is(d.values[ids[i]], values[i]), `value ${String(values[i])}`);
    for (let j = 0; j < i; j++) assert.equal(ids[i] === ids[j], Object.is(values[i], values[j]), `${String(values[i])} vs ${String(values[j])}`);
  }
});

test('no value is id 0; numbers, their text and bigints are kept apart', () => {
  const d = new ValueDictionary();
  assert.equal(d.idOf(undefined), 0);
  const ids = [d.idOf(5), d.idOf('5'), d.idOf(5n), d.idOf(5)];
  assert.equal(new Set(ids.slice(0, 3)).size, 3);
  assert.equal(ids[3], ids[0]);
});

test('bytes are matched by content and copied', () => {
  const d = new ValueDictionary();
  const buf = new Uint8Array([1, 2]);
  const a = d.idOf(buf);
  buf[0] = 9;
  assert.notEqual(d.idOf(buf), a);
  assert.equal(d.idOf(new Uint8Array([1, 2])), a);
  assert.deepEqual([...(d.values[a] as Uint8Array)], [1, 2]);
});

test('short and long byte values are keyed by every byte', () => {
  const d = new ValueDictionary();
  const long = Uint8Array.from({ length: 100 }, (_, i) => i);
  const longer = Uint8Array.from({ length: 101 }, (_, i) => i);
  const short = long.slice(0, 64);
  const ids = [d.idOf(long), d.idOf(longer), d.idOf(short), d.idOf(new Uint8Array(4)), d.idOf(new Uint8Array(16))];
  assert.equal(new Set(ids).size, 5);
  assert.equal(d.idOf(new Uint8Array(4)), ids[3]);
  assert.equal(d.idOf(long.slice()), ids[0]);
  assert.equal(d.idOf(short.slice()), ids[2]);
});

test('lists are matched item by item (bytes by content, numbers as ===, NaN as NaN)', () => {
  const d = new ValueDictionary();
  const ip = (a: number) => new Uint8Array([10, 0, 0, a]);
  const a = d.idOf([ip(1), ip(2)]);
  const ids = [d.idOf([ip(2), ip(1)]), d.idOf([ip(1)]), d.idOf([80, 443]), d.idOf(['80', '443']), d.idOf([80n, 443n]), d.idOf([NaN, 0])];
  assert.equal(new Set([a, ...ids]).size, 7);
  assert.equal(d.idOf([ip(1), ip(2)]), a);
  assert.equal(d.idOf([80, 443]), ids[2]);
  assert.equal(d.idOf([NaN, -0]), ids[5]);
  // Many distinct lists: every one keeps its own id as the lookup table grows.
  const many = Array.from({ length: 500 }, (_, i) => d.idOf([i, ip(i & 255)]));
  assert.equal(new Set(many).size, 500);
  for (let i = 0; i < 500; i++) assert.equal(d.idOf([i, ip(i & 255)]), many[i]);
  assert.deepEqual(d.values[a], [ip(1), ip(2)]);
});
