import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SignaturePlanner, SignatureTable } from './rowSignatures';

test('rows with the same group tuples and keys share a slot, numbered by first appearance, with first row, last row and count', () => {
  const group = new Uint8Array([0, 1, 0, 2, 1, 0]);
  const tid = [7, 7, 7, 7, 7, 8];
  const planner = new SignaturePlanner();
  planner.note({ groupRows: group });
  planner.note({ rowKey: (row) => tid[row] });
  const plan = planner.plan();
  assert.ok(plan);
  const t = new SignatureTable(plan);
  for (let row = 0; row < 6; row++) t.add(row);
  assert.equal(t.size, 4);
  assert.deepEqual([...t.firstRow.subarray(0, 4)], [0, 1, 3, 5]);
  assert.deepEqual([...t.lastRow.subarray(0, 4)], [2, 4, 3, 5]);
  assert.deepEqual([...t.count.subarray(0, 4)], [2, 2, 1, 1]);
});

test('rows whose value depends on earlier rows get a slot each, in row order', () => {
  const planner = new SignaturePlanner();
  planner.note({ groupRows: new Uint8Array(4) });
  planner.note({ rowSpecial: (row) => row % 2 === 1 });
  const t = new SignatureTable(planner.plan()!);
  for (let row = 0; row < 4; row++) t.add(row);
  assert.equal(t.size, 3);
  assert.deepEqual([...t.firstRow.subarray(0, 3)], [0, 1, 3]);
  assert.deepEqual([...t.count.subarray(0, 3)], [2, 1, 1]);
});

test('a field that is neither grouped nor keyed leaves the table to row-by-row folding', () => {
  const planner = new SignaturePlanner();
  planner.note({ groupRows: new Uint8Array(1) });
  planner.note({});
  assert.equal(planner.plan(), undefined);
});

test('many distinct signatures survive the table growing', () => {
  const planner = new SignaturePlanner();
  planner.note({ rowKey: (row) => row % 5000 });
  const t = new SignatureTable(planner.plan()!);
  for (let row = 0; row < 20000; row++) t.add(row);
  assert.equal(t.size, 5000);
  assert.equal(t.count[4999], 4);
  assert.equal(t.lastRow[0], 15000);
});
