import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeCrashLoopSample } from '../../engine/sample/crashloop';
import { command as write } from './write';
import { command as count } from './count';

const dir = mkdtempSync(join(tmpdir(), 'syscope-write-'));
process.env.SYSCOPE_CACHE_DIR = join(dir, 'cache');
const sample = join(dir, 'sample.scap');
const made = writeCrashLoopSample(sample, {});

async function printed(run: () => Promise<number>): Promise<string> {
  const lines: string[] = [];
  const log = console.log, err = console.error;
  console.log = (s: unknown) => { lines.push(String(s)); };
  console.error = () => {};
  try { assert.equal(await run(), 0); } finally { console.log = log; console.error = err; }
  return lines.join('\n');
}

test('write says as many events as count then counts in the file it wrote, and how many more sysdig reads without showing them (QA 17: 228 against 226)', async () => {
  await made;
  const out = join(dir, 'whole.scap');
  const wrote = await printed(() => write.run([sample, '-o', out]));
  const counted = Number(await printed(() => count.run([out, '--no-cache'])));
  const m = /^wrote .*: (\d+) events \(and (\d+) more that sysdig reads but does not show: internal or metadata\), plus /.exec(wrote);
  assert.ok(m, wrote);
  assert.equal(Number(m[1]), counted);
  // The sample begins with an event sysdig numbers but never shows (it has no #1 either).
  assert.equal(Number(m[2]), 1);
});

test('a written subset with nothing hidden says just its count', async () => {
  await made;
  const out = join(dir, 'nginx.scap');
  const wrote = await printed(() => write.run([sample, '-o', out, 'proc.name=nginx']));
  const counted = Number(await printed(() => count.run([out, '--no-cache'])));
  assert.match(wrote, new RegExp(`^wrote .*: ${counted} events, plus \\d+ state-only events`));
});
