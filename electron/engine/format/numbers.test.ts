import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatInteger, i64, u64 } from './numbers';
import { le } from './testEvents';

test('decimal follows the signed printf conversion of the promoted type', () => {
  assert.equal(formatInteger(0xffffffff, 32, 'dec'), '-1');
  assert.equal(formatInteger(0xffffffffffffffffn, 64, 'dec'), '-1');
  assert.equal(formatInteger(123, 32, 'dec'), '123');
});

test('hex is upper case two-complement, octal has a leading zero except for zero', () => {
  assert.equal(formatInteger(-1, 32, 'hex'), 'FFFFFFFF');
  assert.equal(formatInteger(-2, 64, 'hex'), 'FFFFFFFFFFFFFFFE');
  assert.equal(formatInteger(0, 32, 'oct'), '0');
  assert.equal(formatInteger(0o755, 32, 'oct'), '0755');
});

test('padded decimal is nine digits wide', () => {
  assert.equal(formatInteger(653, 64, '10_padded_dec'), '000000653');
  assert.equal(formatInteger(-1, 32, '10_padded_dec'), '-00000001');
});

test('64-bit reads are exact beyond 2^53', () => {
  assert.equal(i64(le(-5, 8), 0), -5);
  assert.equal(u64(le(0xfffffffffffffffen, 8), 0), 0xfffffffffffffffen);
  assert.equal(i64(le(0x8000000000000000n, 8), 0), -0x8000000000000000n);
});
