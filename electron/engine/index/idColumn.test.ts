import { test } from 'node:test';
import assert from 'node:assert/strict';
import { IdColumn } from './idColumn';

function filled(ids: number[], reserve = 0): IdColumn {
  const c = new IdColumn();
  if (reserve > 0) c.reserve(reserve);
  for (const id of ids) c.push(id);
  return c;
}

test('ids under 256 are kept one byte each', () => {
  const out = filled([0, 7, 255]).finish();
  assert.ok(out instanceof Uint8Array);
  assert.deepEqual([...out], [0, 7, 255]);
});

test('an id over 255 widens the column to two bytes and keeps the earlier ids', () => {
  const c = filled([3, 255, 256, 4]);
  const out = c.finish();
  assert.ok(out instanceof Uint16Array);
  assert.deepEqual([...out], [3, 255, 256, 4]);
  assert.equal(c.get(2), 256);
});

test('an id over 65535 widens the column to four bytes, from one byte or two', () => {
  const fromBytes = filled([1, 70000, 2]).finish();
  assert.ok(fromBytes instanceof Uint32Array);
  assert.deepEqual([...fromBytes], [1, 70000, 2]);
  const fromHalves = filled([1, 300, 0xffffffff, 65535]).finish();
  assert.ok(fromHalves instanceof Uint32Array);
  assert.deepEqual([...fromHalves], [1, 300, 0xffffffff, 65535]);
});

test('a column grows past its first room and past a reserve, at every width', () => {
  for (const base of [0, 200, 60000, 100000]) {
    const ids = Array.from({ length: 5000 }, (_, i) => base + (i % 50));
    for (const reserve of [0, 1500]) {
      const c = filled(ids, reserve);
      assert.equal(c.length, 5000);
      assert.deepEqual([...c.finish()], ids);
      for (const i of [0, 1023, 1024, 1500, 4999]) assert.equal(c.get(i), ids[i]);
    }
  }
});

test('a column widened after growing keeps every id', () => {
  const ids = [...Array.from({ length: 3000 }, (_, i) => i % 256), 1 << 20, 9];
  assert.deepEqual([...filled(ids).finish()], ids);
});

test('a run of one id gives what as many pushes give, widening and growing alike', () => {
  for (const [before, id, n, reserve] of [[[1, 2], 7, 3000, 0], [[1, 2], 300, 5, 0], [[300], 70000, 2000, 1500], [[], 9, 1, 0], [[4], 9, 0, 0]] as const) {
    const byRun = filled([...before]);
    if (reserve > 0) byRun.reserve(reserve);
    byRun.pushRun(id, n);
    byRun.push(5);
    const byPush = filled([...before, ...Array<number>(n).fill(id), 5]);
    const out = byRun.finish();
    assert.equal(out.constructor, byPush.finish().constructor);
    assert.deepEqual([...out], [...before, ...Array<number>(n).fill(id), 5]);
  }
});
