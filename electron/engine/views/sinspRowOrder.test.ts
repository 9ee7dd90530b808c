import { test } from 'node:test';
import assert from 'node:assert/strict';
import { int64KeyBytes, sinspKeyHash, textKeyBytes, unorderedMapWalk } from './sinspRowOrder';

test('the row-key hash runs over the key\'s bytes but the last: a tid\'s low 7 bytes, a text without its NUL', () => {
  assert.equal(sinspKeyHash(int64KeyBytes(1)), 1061520150601n); // 101^6: byte 0 first, 6 more bytes after it
  assert.equal(sinspKeyHash(int64KeyBytes(2 ** 48)), 1n);
  assert.equal(sinspKeyHash(textKeyBytes('ab')), 97n * 101n + 98n);
});

test('a key in a new bucket heads the walk; a key in a used bucket heads that bucket', () => {
  // 13 buckets from the first insertion: 0, 1, 2 in buckets 0, 1, 2; 13 shares bucket 0 with 0.
  assert.deepEqual(unorderedMapWalk([0n, 1n, 2n]), [2, 1, 0]);
  assert.deepEqual(unorderedMapWalk([0n, 1n, 13n]), [1, 2, 0]);
});

test('the 14th key grows the table to 29 buckets and the walk is rebuilt in list order', () => {
  const hashes = Array.from({ length: 14 }, (_, i) => BigInt(i));
  // Codes 0..13 in 29 buckets: each alone, so the rebuilt list runs 0..12 reversed twice = 0..12, then 13 at the head.
  assert.deepEqual(unorderedMapWalk(hashes), [13, ...Array.from({ length: 13 }, (_, i) => i)]);
});
