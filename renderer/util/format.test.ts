import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatBytes, formatCount, formatDuration, formatTimestamp, formatCell, formatSeconds, countOf } from './format';

test('bytes use binary units', () => {
  assert.equal(formatBytes(512), '512 B');
  assert.equal(formatBytes(1536), '1.50 KiB');
  assert.equal(formatBytes(300 * 1024 * 1024), '300 MiB');
});

test('counts shorten past ten thousand', () => {
  assert.equal(formatCount(9999), '9999');
  assert.equal(formatCount(12_345), '12.3k');
  assert.equal(formatCount(2_500_000), '2.50M');
});

test('durations pick a readable unit', () => {
  assert.equal(formatDuration(999), '999 ns');
  assert.equal(formatDuration(273.1739), '273 ns');
  assert.equal(formatDuration(1_500_000), '1.5 ms');
  assert.equal(formatDuration(125e9), '2m 5s');
});

test('timestamps are UTC with microseconds, keeping nanosecond strings exact', () => {
  assert.equal(formatTimestamp('1700000000123456789'), '2023-11-14 22:13:20.123456 UTC');
  assert.equal(formatTimestamp('garbage'), 'garbage');
});

test('cells format by column type', () => {
  assert.equal(formatCell(2048, 'bytes'), '2.00 KiB');
  assert.equal(formatCell(12.345, 'percent'), '12.3%');
  assert.equal(formatCell(null, 'number'), '');
  assert.equal(formatSeconds(null), '—');
  assert.equal(formatSeconds(75), '1 min 15 s');
});

test('a count of one takes the singular', () => {
  assert.equal(countOf(1, 'step'), '1 step');
  assert.equal(countOf(0, 'step'), '0 steps');
  assert.equal(countOf(2, 'process', 'processes'), '2 processes');
  assert.equal(countOf(1, 'process', 'processes'), '1 process');
  assert.equal(countOf(12345, 'event'), '12,345 events');
});
