import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeCrashLoopSample } from '../../engine/sample/crashloop';
import { command as write } from './write';
import { command as count } from './count';
import { command as tiles } from './tiles';
import { UsageError } from '../../engine/evidence/commandLine';
import { InputFileError } from '../inputFile';
import { HOLDS_NO_EVENTS } from '../emptyCapture';

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

test('write reads --from/--to by the rule every command follows: a bare number is epoch nanoseconds, an offset needs a unit, and a capture with no event is refused as without a window (exit 1)', async () => {
  await made;
  const events = (line: string) => Number(/: (\d+) events/.exec(line)?.[1]);
  const whole = events(await printed(() => write.run([sample, '-o', join(dir, 'all.scap')])));
  // '5' was 5 s after the first event for write alone; every other command reads 5 ns after the epoch.
  assert.equal(events(await printed(() => write.run([sample, '-o', join(dir, 'bare.scap'), '--from', '5']))), whole);
  assert.ok(events(await printed(() => write.run([sample, '-o', join(dir, 'late.scap'), '--from', '5s']))) < whole);
  for (const args of [['--from', '12.5'], ['--from', '2s', '--to', '1s']]) {
    const why = await rejection(() => tiles.run([sample, ...args]));
    assert.equal(await rejection(() => write.run([sample, '-o', join(dir, 'bad.scap'), ...args])), why, args.join(' '));
  }
  // Only the section header: refused as every command refuses it without a window (QA 19: the
  // usage error about offsets it once got never showed for a real capture).
  const headerOnly = join(dir, 'header-only.scap');
  const bytes = readFileSync(sample);
  writeFileSync(headerOnly, bytes.subarray(0, bytes.readUInt32LE(4)));
  const noEvents = async (run: () => Promise<number>) => {
    try { await run(); } catch (err) {
      assert.ok(err instanceof InputFileError, String(err));
      return err.message;
    }
    assert.fail('expected a refusal');
  };
  const why = await noEvents(() => tiles.run([headerOnly, '--from', '5s']));
  assert.match(why, new RegExp(HOLDS_NO_EVENTS));
  assert.equal(await noEvents(() => write.run([headerOnly, '-o', join(dir, 'none.scap'), '--from', '5s'])), why);
  assert.equal(await noEvents(() => tiles.run([headerOnly])), why);
});

/** The message of the usage error (exit 2) `run` rejects with. */
async function rejection(run: () => Promise<number>): Promise<string> {
  try { await run(); } catch (err) {
    assert.ok(err instanceof UsageError, String(err));
    return err.message;
  }
  assert.fail('no usage error');
}
