import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkRowClasses, computeRowClasses } from './rowClasses';

test('rows agreeing on every column share a class, numbered by first row', () => {
  const a = [1, 2, 1, 1, 2, 3];
  const b = [7, 7, 7, 8, 7, 7];
  const c = computeRowClasses([a, b], a.length)!;
  assert.deepEqual([...c.ids], [0, 1, 0, 2, 1, 3]);
  assert.deepEqual([...c.firstRow], [0, 1, 3, 5]);
  assert.equal(checkRowClasses(c, a.length), undefined);
});

test('rows differing only in one narrow column, packed beside others into a key word, get their own classes', () => {
  // One- and two-byte columns share 32-bit key words: every bit of each must still count.
  const a = Uint8Array.of(255, 255, 0, 255, 255, 255);
  const b = Uint16Array.of(65535, 65535, 65535, 0, 65535, 65535);
  const c = Uint8Array.of(255, 128, 255, 255, 255, 255);
  const d = Int32Array.of(-1, -1, -1, -1, -1, 0x7fffffff);
  const c2 = computeRowClasses([a, b, c, d, [5, 5, 5, 5, 5, 5]], 6)!;
  assert.deepEqual([...c2.ids], [0, 1, 2, 3, 0, 4]);
});

test('class ids widen past 256 and 65,536 classes and keep the earlier rows', () => {
  const rows = 600_000;
  const col = Int32Array.from({ length: rows }, (_, i) => i % 70_000);
  let ticks = 0;
  const c = computeRowClasses([col], rows, () => ticks++)!;
  assert.equal(ticks, 2, 'progress every 262,144 rows');
  assert.ok(c.ids instanceof Uint32Array);
  assert.equal(c.firstRow.length, 70_000);
  for (const r of [0, 255, 256, 65_535, 65_536, 69_999, 70_000, rows - 1]) assert.equal(c.ids[r], r % 70_000);
});

test('a small capture\'s class ids widen from one byte past 256 classes', () => {
  const col = Int32Array.from({ length: 3000 }, (_, i) => i % 300);
  const c = computeRowClasses([col, new Uint8Array(3000)], col.length)!;
  assert.ok(c.ids instanceof Uint16Array);
  for (const r of [0, 255, 256, 299, 300, 2999]) assert.equal(c.ids[r], r % 300);
});

test('rows that rarely repeat get no classes', () => {
  const col = Int32Array.from({ length: 600_000 }, (_, i) => i);
  assert.equal(computeRowClasses([col], col.length), undefined);
});

test('decoded classes that do not fit the rows are refused', () => {
  const c = computeRowClasses([[1, 1, 2]], 3)!;
  assert.match(checkRowClasses(c, 4)!, /cover 3 rows/);
  assert.match(checkRowClasses({ ids: c.ids, firstRow: Int32Array.from([0, 1]) }, 3)!, /first row/);
});
