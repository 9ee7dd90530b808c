import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTimeSpec, resolveTimeSpec } from './timeSpec';

test('an ISO time keeps every nanosecond digit', () => {
  assert.deepEqual(parseTimeSpec('2024-03-12T09:41:09.123456789Z'), { kind: 'absolute', ns: 1710236469123456789n });
  assert.deepEqual(parseTimeSpec('2024-03-12 09:41:09'), { kind: 'absolute', ns: 1710236469000000000n });
  assert.deepEqual(parseTimeSpec('2024-03-12T09:41:09.25'), { kind: 'absolute', ns: 1710236469250000000n });
});

test('a long integer is epoch nanoseconds', () => {
  assert.deepEqual(parseTimeSpec('1710236469250000000'), { kind: 'absolute', ns: 1710236469250000000n });
});

test('offsets count from the first event, in the unit written (seconds by default)', () => {
  assert.equal(resolveTimeSpec(parseTimeSpec('12.5s'), 1000n), 1000n + 12_500_000_000n);
  assert.equal(resolveTimeSpec(parseTimeSpec('12.5'), 0n), 12_500_000_000n);
  assert.equal(resolveTimeSpec(parseTimeSpec('+1500ms'), 0n), 1_500_000_000n);
  assert.equal(resolveTimeSpec(parseTimeSpec('2m'), 0n), 120_000_000_000n);
  assert.equal(resolveTimeSpec(parseTimeSpec('0.000000001s'), 0n), 1n);
  assert.equal(resolveTimeSpec(parseTimeSpec('250us'), 0n), 250_000n);
});

test('nonsense is refused with a one-line message', () => {
  for (const bad of ['yesterday', '12x', '2024-13-01T00:00:00Z', '-5s', '']) {
    assert.throws(() => parseTimeSpec(bad), (e: Error) => !e.message.includes('\n'));
  }
});
