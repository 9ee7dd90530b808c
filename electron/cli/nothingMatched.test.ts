import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCrashLoopSample } from '../engine/sample/crashloop';
import { nothingMatchedLine } from './nothingMatched';

const cli = fileURLToPath(new URL('./main.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'syscope-nothing-'));
const syscope = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', cli, ...args], { encoding: 'utf8', env: { ...process.env, SYSCOPE_CACHE_DIR: join(dir, 'cache') } });
const sample = join(dir, 'sample.scap');
const made = writeCrashLoopSample(sample, {});

test('the nothing-matched line names what narrowed the list, in the order given on the command line', () => {
  assert.equal(nothingMatchedLine('events', {}), '(no events)');
  assert.equal(nothingMatchedLine('events', { filter: '' }), '(no events)');
  assert.equal(nothingMatchedLine('events', { filter: 'proc.name=x', fromEvtNum: 5, search: 'y' }), "(no events match: proc.name=x, from #5, searching 'y')");
  assert.equal(nothingMatchedLine('reads or writes', { follow: '1:2#3', filter: 'fd.num=9' }), '(no reads or writes match: following 1:2#3, fd.num=9)');
});

test('events and streams that match nothing say so in one line on stderr, exit 0; stdout stays empty (valid JSON lines with --json)', async () => {
  await made;
  for (const json of [[], ['--json']]) {
    const events = syscope('events', sample, ...json, 'proc.name=nosuch');
    assert.deepEqual([events.status, events.stdout, events.stderr], [0, '', '(no events match: proc.name=nosuch)\n'], `events ${json}`);
    const streams = syscope('streams', sample, ...json, 'proc.name=nosuch');
    assert.deepEqual([streams.status, streams.stdout, streams.stderr], [0, '', '(no reads or writes match: proc.name=nosuch)\n'], `streams ${json}`);
  }
  const past = syscope('events', sample, '--from', '99999999');
  assert.deepEqual([past.status, past.stdout, past.stderr], [0, '', '(no events match: from #99999999)\n']);
  // A page with events says nothing of the kind.
  const some = syscope('events', sample, '--limit', '1', 'proc.name=nginx');
  assert.equal(some.status, 0);
  assert.doesNotMatch(some.stderr, /no events/);
  assert.equal(some.stdout.split('\n').filter(Boolean).length, 1);
});
