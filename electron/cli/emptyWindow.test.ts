import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCrashLoopSample } from '../engine/sample/crashloop';
import { windowProblem } from '../engine/evidence/commandLine';

const cli = fileURLToPath(new URL('./main.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'syscope-window-'));
const syscope = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', cli, ...args], { encoding: 'utf8', env: { ...process.env, SYSCOPE_CACHE_DIR: join(dir, 'cache') } });
const sample = join(dir, 'sample.scap');
const made = writeCrashLoopSample(sample, {});
const instant = '2024-03-12T09:42:00Z';

test('a window of one instant is taken (both ends are included); one that ends before it starts is refused', () => {
  assert.equal(windowProblem(5n, 5n), undefined);
  assert.equal(windowProblem(5n, 4n), '--to is before --from');
  assert.equal(windowProblem(5n, 6n), undefined);
  assert.equal(windowProblem(5n, undefined), undefined);
});

test('a one-instant window holds the events at that instant: events lists them, and tiles, view and write answer for it (QA 17: it was refused, and event #344 sits at such an instant)', async () => {
  await made;
  // Lines of 'evt.num evt.rawtime' (JSON would round the nanoseconds to a double).
  const listedAt = (...args: string[]) => syscope('events', sample, ...args, '--fields', 'evt.num,evt.rawtime').stdout.trim().split('\n').filter(Boolean).map((l) => l.split(' '));
  const t = listedAt('--from', '344', '--limit', '1')[0][1];
  const listed = listedAt('--from-time', t, '--to-time', t);
  assert.ok(listed.some(([n]) => n === '344'), `event #344 at ${t}: ${JSON.stringify(listed)}`);
  assert.ok(listed.every(([, ts]) => ts === t), JSON.stringify(listed));
  for (const [name, rest] of [['tiles', []], ['view', ['procs']], ['write', ['-o', join(dir, 'instant.scap')]]] as Array<[string, string[]]>) {
    const r = syscope(name, sample, ...rest, '--from', t, '--to', t);
    assert.equal(r.status, 0, `${name}: ${r.stderr}`);
  }
  // A reversed window is still refused, by events as by the others.
  const reversed = syscope('events', sample, '--from-time', '2024-03-12T09:42:01Z', '--to-time', instant);
  assert.equal(reversed.status, 2);
  assert.match(reversed.stderr, /^syscope events: --to-time is before --from-time \(usage: /);
});

test("a window past the capture's end is cut to it, and one wholly outside it is refused in one line by every command (QA 19)", async () => {
  await made;
  const out = join(dir, 'outside.scap');
  const commands: Array<[string, string[], string]> = [
    ['tiles', [], 'from'], ['view', ['procs'], 'from'], ['export', ['events'], 'from'], ['write', ['-o', out], 'from'], ['events', [], 'from-time'],
  ];
  for (const [name, rest, from] of commands) {
    const r = syscope(name, sample, ...rest, `--${from}`, '400s');
    assert.equal(r.status, 2, `${name}: ${r.stderr}`);
    assert.equal(r.stderr, `syscope ${name}: the window --${from} 400s lies after the capture's end (338.055 s)\n`);
  }
  const both = syscope('tiles', sample, '--from', '400s', '--to', '500s');
  assert.match(both.stderr, /^syscope tiles: the window 400s\.\.500s lies after the capture's end \(338\.055 s\)\n$/);
  const before = syscope('view', sample, 'procs', '--to', '2020-01-01T00:00:00Z');
  assert.equal(before.status, 2);
  assert.match(before.stderr, /^syscope view: the window --to 2020-01-01T00:00:00Z lies before the capture's first event \(2024-03-12T09:41:\d\d\.\d{9}Z\)\n$/);

  // Cut at the end: the series stops where the capture stops, with no fall to 0 after it.
  const series = (...args: string[]) => (JSON.parse(syscope('tiles', sample, '--json', ...args).stdout) as Array<{ title: string; series: number[] }>)
    .find((t) => t.title === 'Running Containers')!.series;
  const cut = series('--from', '1500ms', '--to', '400s');
  assert.ok(cut.at(-1)! > 0, JSON.stringify(cut));
  assert.equal(cut.at(-1), series().at(-1));
});
