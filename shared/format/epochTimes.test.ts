import { test } from 'node:test';
import assert from 'node:assert/strict';
import { epochTimesAsText } from './epochTimes';

test('epoch-nanosecond fields become strings that keep every digit; other numbers stay numbers', () => {
  const r = epochTimesAsText({ 'evt.num': 2, 'evt.rawtime': 1710236467250001837n, 'evt.time': 1710236467250001837n, 'evt.latency': 5, 'evt.rawtime.s': 1710236467, 'fd.name': null });
  assert.deepEqual(r, { 'evt.num': 2, 'evt.rawtime': '1710236467250001837', 'evt.time': '1710236467250001837', 'evt.latency': 5, 'evt.rawtime.s': 1710236467, 'fd.name': null });
  assert.equal(JSON.parse(JSON.stringify(r))['evt.rawtime'], '1710236467250001837');
});
