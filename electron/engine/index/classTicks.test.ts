import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CpuChain, cpuChange, type ClassTicks } from './classTicks';

test('a CPU sample is a thread\'s first, a change of 0, while the total it is measured against is 0', () => {
  assert.equal(cpuChange(7, 0), 0);
  assert.equal(cpuChange(7, 3), 4);
  assert.equal(cpuChange(700, 3), 100);
});

test('user and system CPU each start from their own total: user ticks first seen non-zero count nothing', () => {
  // One thread, three samples (classes 0..2): user 0 → 2 → 5, system 4 → 6 → 6.
  const ticks: ClassTicks = { usr: Float64Array.of(0, 2, 5), sys: Float64Array.of(4, 6, 6), thread: Int32Array.of(0, 0, 0), threads: 1 };
  const chain = new CpuChain(ticks);
  for (const k of [0, 1, 2]) chain.step(k);
  assert.deepEqual([...chain.usr], [0, 0, 3]);
  assert.deepEqual([...chain.sys], [0, 2, 0]);
  assert.deepEqual([...chain.tot], [0, 4, 3]);
});
