import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { StreamOperation } from '../../shared/streams/types';
import { searchedStreamsPage, type ReadStreams } from './streamsSearchPage';

// A list of 20,000 operations numbered 1.., of which those with a number divisible by 7,000 match.
const TOTAL = 20_000;
const op = (evtNum: number) => ({ evtNum }) as StreamOperation;
let reads = 0;
const read: ReadStreams = async (from, limit) => {
  reads++;
  const start = from ?? 1;
  const end = Math.min(TOTAL + 1, start + limit);
  const operations: StreamOperation[] = [];
  for (let n = start; n < end; n++) operations.push(op(n));
  return { operations, next: end <= TOTAL ? end : null };
};
const matching = (ops: StreamOperation[]) => new Set(ops.flatMap((o, i) => (o.evtNum % 7000 === 0 ? [i] : [])));

test('a searched streams page counts matches, across chunks of the engine list, and continues from the next match', async () => {
  reads = 0;
  const one = await searchedStreamsPage(read, matching, 1, undefined);
  assert.deepEqual(one.operations.map((o) => o.evtNum), [7000]);
  assert.equal(one.next, 14000);
  assert.ok(reads <= 3, `chunks grow: ${reads} reads`);
  const rest = await searchedStreamsPage(read, matching, 5, 14000);
  assert.deepEqual(rest.operations.map((o) => o.evtNum), [14000]);
  assert.equal(rest.next, null);
  const all = await searchedStreamsPage(read, matching, Infinity, undefined);
  assert.deepEqual(all.operations.map((o) => o.evtNum), [7000, 14000]);
  assert.equal(all.next, null);
});
