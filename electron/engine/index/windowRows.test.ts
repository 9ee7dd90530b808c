import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CaptureIndex } from './eventIndex';
import { outside, windowRows, type TallyWindow } from './windowRows';

/** An index with just what windows read: row times and the rows without a timestamp. */
function fakeIndex(ts: number[], zeroTimeRows: number[] = []): CaptureIndex {
  return { cols: { ts: Float64Array.from(ts) }, events: ts.length, meta: { zeroTimeRows } } as unknown as CaptureIndex;
}

let index: CaptureIndex;

/** The rows a window visits, in row order. */
function rowsOf(w: TallyWindow): number[] {
  const rows: number[] = [];
  for (let r = 0; r < w.ranges.length; r += 2) {
    for (let row = w.ranges[r]; row < w.ranges[r + 1]; row++) if (!w.times || !outside(index.cols.ts, w.times, row)) rows.push(row);
  }
  return rows.sort((a, b) => a - b);
}

test('a window over sorted times skips events without a timestamp anywhere in the file', () => {
  // Rows 3 and 7 have no timestamp (time 0); row 0 is the first event (relative time 0).
  const ts = [0, 10, 20, 0, 30, 40, 50, 0, 60, 70];
  index = fakeIndex(ts, [3, 7]);
  assert.deepEqual(rowsOf(windowRows(index, { from: 20, to: 60 })), [2, 4, 5, 6, 8]);
  assert.deepEqual(rowsOf(windowRows(index, { from: 0, to: 15 })), [0, 1]);
  assert.deepEqual(rowsOf(windowRows(index, { from: 71, to: 90 })), []);
  assert.deepEqual(rowsOf(windowRows(index, undefined)), [...ts.keys()]);
});

test('a window over times out of order checks every row', () => {
  const ts = [0, 30, 10, 20, 40];
  index = fakeIndex(ts);
  const w = windowRows(index, { from: 10, to: 30 });
  assert.ok(w.times);
  assert.deepEqual(rowsOf(w), [1, 2, 3]);
});


test('the overview\'s windows keep events without a timestamp at time 0', () => {
  const ts = [0, 10, 20, 0, 30];
  index = fakeIndex(ts, [3]);
  assert.deepEqual(rowsOf(windowRows(index, { from: 0, to: 25 }, true)), [0, 1, 2, 3]);
  assert.deepEqual(rowsOf(windowRows(index, { from: 5, to: 25 }, true)), [1, 2]);
});
