import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readTimeInput, resolveTimeInput } from './timeInput';

const start = 1710236467250001837n; // 2024-03-12 09:41:07.250001837 UTC

test('a time of day is on the UTC day of the capture\'s start, with or without seconds, one-digit hours too', () => {
  const at = (text: string) => { const t = readTimeInput(text); assert.ok(!('error' in t), text); return resolveTimeInput(t, start); };
  assert.equal(at('09:41:30.5'), 1710236490500000000n);
  assert.equal(at('9:41:30.5 UTC'), 1710236490500000000n);
  assert.equal(at('09:41'), 1710236460000000000n);
  assert.equal(at('1500ms'), start + 1_500_000_000n);
  assert.equal(at('1710236490390000000'), 1710236490390000000n);
});

test('a date that does not exist and a time of day past 23:59:59 are refused, each for its reason', () => {
  assert.deepEqual(readTimeInput('2024-02-31 00:00:00'), { error: 'bad-date' });
  assert.deepEqual(readTimeInput('2024-03-12T24:00:00Z'), { error: 'bad-date' });
  assert.deepEqual(readTimeInput('24:00'), { error: 'bad-time-of-day' });
  assert.deepEqual(readTimeInput('12.5'), { error: 'not-a-time' });
  assert.deepEqual(readTimeInput(''), { error: 'not-a-time' });
});
