import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ProcessLives } from './processLives';

test('a process is found by its pid once added, and pids sharing a table slot are told apart', () => {
  const lives = new ProcessLives();
  assert.equal(lives.of(5), undefined);
  const a = lives.add(5, 10n);
  // 5 + 4096 and 5 + 2^32 fall in the same slot of the recent table as 5.
  const b = lives.add(5 + 4096, undefined);
  assert.equal(lives.of(5), a);
  assert.equal(lives.of(5 + 4096), b);
  assert.equal(lives.of(5), a);
  assert.equal(lives.of(5 + 2 ** 32), undefined);
  const c = lives.add(5 + 2 ** 32, 3n);
  assert.equal(lives.of(5 + 2 ** 32), c);
  assert.equal(lives.of(5), a);
  assert.deepEqual(a, { start: 10n, end: undefined });
});

test('an end set on a found life is the one listed, and lives are listed in the order first seen', () => {
  const lives = new ProcessLives();
  for (const pid of [300, 7, 4096 + 7, 12]) lives.add(pid, BigInt(pid));
  lives.of(7)!.end = 99n;
  assert.deepEqual([...lives.entries()].map(([pid, l]) => [pid, l.start, l.end]),
    [[300, 300n, undefined], [7, 7n, 99n], [4103, 4103n, undefined], [12, 12n, undefined]]);
});

test('the process asked for last is found again, and one added after it is found in its place', () => {
  const lives = new ProcessLives();
  const a = lives.add(40, 1n);
  assert.equal(lives.of(40), a);
  assert.equal(lives.of(40), a);
  assert.equal(lives.of(41), undefined);
  // Not found leaves the last found at hand: asking again still finds it.
  assert.equal(lives.of(40), a);
  const b = lives.add(41, 2n);
  assert.equal(lives.of(41), b);
  assert.equal(lives.of(40), a);
});
