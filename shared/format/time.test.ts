import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatDateTime, formatDateTimeSeconds, formatIso8601, formatOutputTime, formatSecondsNanos, formatTime, formatTimeSeconds } from './time';

const ts = 1470327477881730713n; // 2016-08-04 16:17:57.881730713 UTC

test('clock and date forms keep every nanosecond', () => {
  assert.equal(formatTime(ts), '16:17:57.881730713');
  assert.equal(formatTimeSeconds(ts), '16:17:57');
  assert.equal(formatDateTime(ts), '2016-08-04 16:17:57.881730713');
  assert.equal(formatDateTimeSeconds(ts), '2016-08-04 16:17:57');
  assert.equal(formatIso8601(ts), '2016-08-04T16:17:57.881730713+0000');
  assert.equal(formatTime(1000000000000000007n), '01:46:40.000000007');
});

test('dates agree with the calendar across leap years and the epoch', () => {
  for (const ms of [0, 951782400000, 4107542399000, 1709251199000, 1709251200000]) {
    const iso = new Date(ms).toISOString();
    assert.equal(formatDateTimeSeconds(BigInt(ms) * 1000000n), `${iso.slice(0, 10)} ${iso.slice(11, 19)}`);
  }
});

test('a time-zone offset shifts the clock', () => {
  assert.equal(formatTime(ts, 3600), '17:17:57.881730713');
  assert.equal(formatDateTime(86399n * 1000000000n, 1), '1970-01-02 00:00:00.000000000');
});

test('output time under each -t flag', () => {
  const ctx = { firstEventTs: ts - 1881730714n, latencyNs: 653n, previousTs: ts - 22857n };
  assert.equal(formatOutputTime(ts, 'h', ctx), '16:17:57.881730713');
  assert.equal(formatOutputTime(1470327477000000081n, 'a', ctx), '1470327477.81');
  assert.equal(formatOutputTime(ts, 'r', ctx), '1.881730714');
  assert.equal(formatOutputTime(ts, 'd', ctx), '0.000000653');
  assert.equal(formatOutputTime(ts, 'd', { firstEventTs: 0n }), '0.000000000');
  assert.equal(formatOutputTime(ts, 'D', ctx), '0.000022857');
  assert.equal(formatOutputTime(ts, 'D', { firstEventTs: 0n }), '0.000000000');
  assert.equal(formatSecondsNanos(12000000001n), '12.000000001');
});
