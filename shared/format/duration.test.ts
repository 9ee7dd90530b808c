import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatDurationNice } from './duration';

test('durations pick the unit by size with truncated fractions', () => {
  assert.equal(formatDurationNice(0), '0ns');
  assert.equal(formatDurationNice(653), '653ns');
  assert.equal(formatDurationNice(1509), '1.50us');
  assert.equal(formatDurationNice(12345), '12us');
  assert.equal(formatDurationNice(3079999), '3.07ms');
  assert.equal(formatDurationNice(25999999n), '25ms');
  assert.equal(formatDurationNice(1209999999), '1.20s');
  assert.equal(formatDurationNice(125e9), '2:5');
  assert.equal(formatDurationNice(3723e9), '01:02:03');
});

test('a width right-aligns the text', () => {
  assert.equal(formatDurationNice(653, 8), '   653ns');
  assert.equal(formatDurationNice(653, 2), '653ns');
});
