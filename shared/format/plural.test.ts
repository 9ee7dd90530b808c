import { test } from 'node:test';
import assert from 'node:assert/strict';
import { article, countOf } from './plural';

test('a count takes the singular only for one', () => {
  assert.deepEqual([countOf(0, 'turn'), countOf(1, 'turn'), countOf(2, 'turn'), countOf(1, 'process', 'processes'), countOf(3, 'process', 'processes')],
    ['0 turns', '1 turn', '2 turns', '1 process', '3 processes']);
});

test('block names read letter by letter take the article of their first letter\'s sound', () => {
  assert.deepEqual(['EV', 'EV_V2', 'MI', 'SHB', 'FDL_V2', 'IL', 'PL_V9', 'UL', 'block', 'event'].map((w) => `${article(w)} ${w}`),
    ['an EV', 'an EV_V2', 'an MI', 'an SHB', 'an FDL_V2', 'an IL', 'a PL_V9', 'a UL', 'a block', 'an event']);
});
