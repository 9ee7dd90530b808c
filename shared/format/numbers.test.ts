import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatFixed, formatShortestDouble } from './numbers';

test('%g keeps six significant digits and drops trailing zeros', () => {
  assert.equal(formatShortestDouble(0.0015), '0.0015');
  assert.equal(formatShortestDouble(5), '5');
  assert.equal(formatShortestDouble(1.5e-7), '1.5e-07');
  assert.equal(formatShortestDouble(123456789), '1.23457e+08');
  assert.equal(formatShortestDouble(0.0001), '0.0001');
  assert.equal(formatShortestDouble(999999.5), '1e+06');
  assert.equal(formatShortestDouble(0), '0');
  assert.equal(formatShortestDouble(2.5), '2.5');
});

test('%.Nf rounds exact halves to even', () => {
  assert.equal(formatFixed(2.5, 0), '2');
  assert.equal(formatFixed(3.5, 0), '4');
  assert.equal(formatFixed(-2.5, 0), '-2');
  assert.equal(formatFixed(2.4999, 0), '2');
  assert.equal(formatFixed(1.125, 2), '1.12');
  assert.equal(formatFixed(1.5, 2), '1.50');
});
