import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scrollGeometry, scrollTopForRow, scrollTopToReveal } from './scrollWindow';

test('small tables scroll one row per row height', () => {
  assert.deepEqual(scrollGeometry(240, 600, 1000, 24), { spacerPx: 24_000, firstRow: 10 });
});

test('ten million rows fit a capped spacer and the last row is reachable', () => {
  const total = 10_000_000;
  const top = scrollGeometry(0, 600, total, 24, 1_000_000);
  assert.equal(top.spacerPx, 1_000_000);
  assert.equal(top.firstRow, 0);
  const bottom = scrollGeometry(1_000_000 - 600, 600, total, 24, 1_000_000);
  assert.equal(bottom.firstRow, total - 25);
  const mid = scrollGeometry((1_000_000 - 600) / 2, 600, total, 24, 1_000_000);
  assert.ok(Math.abs(mid.firstRow - (total - 25) / 2) < 1);
});

test('scrollTopForRow inverts scrollGeometry in both regimes', () => {
  for (const [total, max] of [[500, 1e9], [5_000_000, 1_000_000]] as const) {
    for (const row of [0, 17, Math.floor(total / 3)]) {
      const st = scrollTopForRow(row, 600, total, 24, max);
      assert.ok(Math.abs(scrollGeometry(st, 600, total, 24, max).firstRow - row) < 1e-6, `${total}/${row}`);
    }
  }
});

test('revealing a row already visible does not move the table', () => {
  assert.equal(scrollTopToReveal(12, 240, 600, 1000, 24), 240);
  assert.equal(scrollTopToReveal(2, 240, 600, 1000, 24), 48);
  assert.ok(scrollTopToReveal(40, 240, 600, 1000, 24) > 240);
});
