import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCrashLoopSample } from '../engine/sample/crashloop';
import { parseTimeBounds, UsageError, windowProblem } from '../engine/evidence/commandLine';

const cli = fileURLToPath(new URL('./main.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'syscope-window-'));
const syscope = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', cli, ...args], { encoding: 'utf8', env: { ...process.env, SYSCOPE_CACHE_DIR: join(dir, 'cache') } });
const sample = join(dir, 'sample.scap');
const made = writeCrashLoopSample(sample, {});
const instant = '2024-03-12T09:42:00Z';

test('a window of one instant is refused like a reversed one; a window of 1 ns is taken', () => {
  assert.match(windowProblem(5n, 5n) ?? '', /^--to is the same instant as --from, a window with no length: give --to after --from$/);
  assert.equal(windowProblem(5n, 4n), '--to is before --from');
  assert.equal(windowProblem(5n, 6n), undefined);
  assert.equal(windowProblem(5n, undefined), undefined);
  assert.throws(() => parseTimeBounds(instant, instant), UsageError);
  assert.deepEqual(parseTimeBounds('5', '6'), { from: 5n, to: 6n });
});

test('tiles, view, events and write refuse the same one-instant window with one usage line, exit 2, and print nothing', async () => {
  await made;
  const runs: Array<[string, string[], string]> = [
    ['tiles', ['--from', instant, '--to', instant], '--to is the same instant as --from'],
    ['view', ['procs', '--from', instant, '--to', instant], '--to is the same instant as --from'],
    ['events', ['--from-time', instant, '--to-time', instant], '--to-time is the same instant as --from-time'],
    ['write', ['-o', join(dir, 'out.scap'), '--from', instant, '--to', instant], '--to is the same instant as --from'],
  ];
  for (const [name, rest, said] of runs) {
    const r = syscope(name, sample, ...rest);
    assert.equal(r.status, 2, name);
    assert.equal(r.stdout, '', name);
    assert.ok(r.stderr.startsWith(`syscope ${name}: ${said}, a window with no length`), `${name}: ${r.stderr}`);
    assert.match(r.stderr, /\(usage: syscope /, name);
    assert.equal(r.stderr.split('\n').filter(Boolean).length, 1, name);
  }
  // events took a reversed window as an empty one; it is refused as tiles and view refuse it.
  const reversed = syscope('events', sample, '--from-time', '2024-03-12T09:42:01Z', '--to-time', instant);
  assert.equal(reversed.status, 2);
  assert.match(reversed.stderr, /^syscope events: --to-time is before --from-time \(usage: /);
});
