import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseOffset } from './timeSpec';

test('an offset is exact in the unit written', () => {
  assert.equal(parseOffset('12.5s'), 12_500_000_000n);
  assert.equal(parseOffset('+1500ms'), 1_500_000_000n);
  assert.equal(parseOffset('2m'), 120_000_000_000n);
  assert.equal(parseOffset('1h'), 3_600_000_000_000n);
  assert.equal(parseOffset('0.000000001s'), 1n);
  assert.equal(parseOffset('250us'), 250_000n);
  assert.equal(parseOffset('40ns'), 40n);
});

test('without a unit a number is no offset (every command reads it as nanoseconds since the epoch)', () => {
  for (const notOffset of ['12', '12.5', '1710236469250000000', '-5s', '12x', '', '2024-03-12T09:41:09Z']) {
    assert.equal(parseOffset(notOffset), undefined, notOffset);
  }
});
