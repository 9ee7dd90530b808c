import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CaptureIndex } from '../index/eventIndex';
import { computeRowClasses } from '../index/rowClasses';
import { countClasses } from './classTally';
import { windowRows } from '../index/windowRows';

/** An index with just what windows and counts read: row times and row classes. */
function fakeIndex(ts: number[], classOf: number[], zeroTimeRows: number[] = []): CaptureIndex {
  const classes = computeRowClasses([classOf], classOf.length);
  return { cols: { ts: Float64Array.from(ts) }, events: ts.length, classes, meta: { zeroTimeRows } } as unknown as CaptureIndex;
}

test('counts per class keep the first and last row of each and order classes by first row', () => {
  const ts = [1, 2, 3, 4, 5, 6, 7];
  const index = fakeIndex(ts, [5, 9, 5, 7, 9, 5, 7]);
  const all = countClasses(index, windowRows(index, undefined), {});
  // Class ids follow first rows: 5 -> 0, 9 -> 1, 7 -> 2.
  assert.deepEqual([...all.order], [0, 1, 2]);
  assert.deepEqual([...all.count], [3, 2, 2]);
  assert.deepEqual([...all.first], [0, 1, 3]);
  assert.deepEqual([...all.last], [5, 4, 6]);
  // A class part asked once per class, a row part per row.
  let asked = 0;
  const some = countClasses(index, windowRows(index, { from: 2, to: 7 }), {
    byClass: (r) => { asked++; return index.classes!.ids[r] !== 1; },
    byRow: (r) => r !== 5,
  });
  assert.equal(asked, 3);
  assert.deepEqual([...some.order], [0, 2]);
  assert.deepEqual([...some.count], [1, 0, 2]);
  assert.deepEqual([some.first[0], some.last[0], some.first[2], some.last[2]], [2, 2, 3, 6]);
});
