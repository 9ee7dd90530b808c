import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatBytesNice } from './bytes';

test('sizes above 1024 get a binary unit suffix', () => {
  assert.equal(formatBytesNice(1024), '1024');
  assert.equal(formatBytesNice(1025), '1K');
  assert.equal(formatBytesNice(2560), '2K');
  assert.equal(formatBytesNice(1536, { integer: false }), '1.50K');
  assert.equal(formatBytesNice(5 * 1024 * 1024 * 1024 + 1), '5G');
  assert.equal(formatBytesNice(3 * 1024 ** 5 + 1, { integer: false }), '3.00P');
});

test('a width right-aligns and keeps the last characters', () => {
  assert.equal(formatBytesNice(12, { width: 5 }), '   12');
  assert.equal(formatBytesNice(123456789, { width: 2 }), '8M');
});
