import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatDuration, formatDurationNice } from './duration';

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

test('durations as the app shows them: a unit by size, seconds with two decimals, minutes and seconds past one minute', () => {
  assert.equal(formatDuration(999), '999 ns');
  assert.equal(formatDuration(273.1739), '273 ns');
  assert.equal(formatDuration(1_500), '1.5 µs');
  assert.equal(formatDuration(1_500_000), '1.5 ms');
  assert.equal(formatDuration(10_440_000_000), '10.44 s');
  assert.equal(formatDuration(80_500_000_000), '1m 21s');
  assert.equal(formatDuration(125e9), '2m 5s');
  assert.equal(formatDuration(7_500e9), '2h 5m');
  assert.equal(formatDuration(Number.NaN), '');
});
