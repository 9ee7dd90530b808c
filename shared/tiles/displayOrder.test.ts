import { test } from 'node:test';
import assert from 'node:assert/strict';
import { categoryRank, inDisplayOrder } from './displayOrder';
import { tileCategories } from './definitions';

test('tiles are listed in the Overview page\'s category order, Infrastructure second, each category keeping its tiles\' order', () => {
  const tiles = [
    { category: 'General', title: 'a' }, { category: 'File', title: 'b' }, { category: 'Logs', title: 'c' },
    { category: 'Infrastructure', title: 'd' }, { category: 'General', title: 'e' }, { category: 'Infrastructure', title: 'f' },
  ];
  assert.deepEqual(inDisplayOrder(tiles).map((t) => t.title), ['a', 'e', 'd', 'f', 'b', 'c']);
  // Every category the engine knows has a place, by title as by id.
  for (const c of tileCategories) {
    assert.ok(categoryRank(c.name) < tileCategories.length, c.name);
    assert.equal(categoryRank(c.id), categoryRank(c.name));
  }
  assert.equal(categoryRank('Something new'), tileCategories.length);
});
