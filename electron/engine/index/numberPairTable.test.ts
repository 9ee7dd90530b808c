import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NumberPairTable } from './numberPairTable';

test('a pair finds the value stored for it and no other pair does', () => {
  const t = new NumberPairTable();
  t.add(1, 2, 0);
  t.add(2, 1, 7);
  assert.equal(t.get(1, 2), 0);
  assert.equal(t.get(2, 1), 7);
  assert.equal(t.get(1, 1), -1);
  assert.equal(t.get(2, 2), -1);
});

test('keys beyond 32 bits, negative and fractional keys are told apart', () => {
  const t = new NumberPairTable();
  const keys: Array<[number, number]> = [[2 ** 40, 3], [2 ** 40 + 1, 3], [3, 2 ** 40], [-1, -0.5], [-1, 0.5], [0, -0.5], [2 ** 52 + 2, 2 ** 33]];
  keys.forEach(([a, b], i) => t.add(a, b, i));
  keys.forEach(([a, b], i) => assert.equal(t.get(a, b), i));
  assert.equal(t.get(2 ** 40 + 2, 3), -1);
  assert.equal(t.get(-0, -0.5), keys.findIndex(([a, b]) => a === 0 && b === -0.5));
});

test('every pair is still found after the table has grown many times', () => {
  const t = new NumberPairTable();
  for (let i = 0; i < 20000; i++) t.add(i * 4099, i % 13, i);
  assert.equal(t.size, 20000);
  for (let i = 0; i < 20000; i++) assert.equal(t.get(i * 4099, i % 13), i);
  assert.equal(t.get(4099, 2), -1);
});
