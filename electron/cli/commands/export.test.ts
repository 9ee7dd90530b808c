import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UsageError } from '../../engine/evidence/commandLine';
import { writeCrashLoopSample } from '../../engine/sample/crashloop';
import { command } from './export';

const dir = mkdtempSync(join(tmpdir(), 'syscope-export-'));
process.env.SYSCOPE_CACHE_DIR = join(dir, 'cache');
const sample = join(dir, 'sample.scap');
const made = writeCrashLoopSample(sample, {});

test('export stream --follow reads the key as streams does: a word that is neither a stream key nor an fd name is a usage error (it was "no reads or writes", exit 1)', async () => {
  await made;
  const quiet = console.error;
  console.error = () => {};
  try {
    await assert.rejects(command.run([sample, 'stream', '--follow', 'nope', '-o', join(dir, 'nope.txt')]),
      (e) => e instanceof UsageError && /^--follow 'nope' is neither a stream key nor the fd name of any read or write/.test(e.message));
    // A key of the right form that names nothing of the capture is said so, exit 1, as streams says it.
    assert.equal(await command.run([sample, 'stream', '--follow', '99999:5', '-o', join(dir, 'none.txt')]), 1);
    assert.equal(await command.run([sample, 'stream', '--follow', '5253:5#8', '-o', join(dir, 'dns.txt')]), 0);
    // Only the stream that was found leaves a file (QA 17: the two misses left one each).
    assert.deepEqual([existsSync(join(dir, 'nope.txt')), existsSync(join(dir, 'none.txt')), existsSync(join(dir, 'dns.txt'))], [false, false, true]);
  } finally {
    console.error = quiet;
  }
});

test('every usage error of export quotes the synopsis of the kind asked, or of every kind when none was (QA 17: always the view form; no synopsis after "which stream?")', async () => {
  await made;
  const { runCommand } = await import('../dispatch');
  const quiet = console.error;
  console.error = () => {};
  const usageOf = async (args: string[]) => {
    try { await runCommand(command, args); } catch (e) { if (e instanceof UsageError) return e.message; throw e; }
    assert.fail(`no usage error for ${args.join(' ')}`);
  };
  try {
    assert.match(await usageOf([sample, 'stream', '--follow', 'nope']), /^--follow 'nope' .*\(usage: syscope export <capture> stream --follow KEY /);
    assert.match(await usageOf([sample, 'stream', '--format', 'text']), /^which stream\? .*\(usage: syscope export <capture> stream --follow KEY /);
    assert.match(await usageOf([sample, 'events', '--bogus', 'x']), /^unknown option '--bogus' \(usage: syscope export <capture> events \[FILTER\]/);
    assert.match(await usageOf(['--format', 'json', sample, 'tree', '--to', '1', '--from', '2']), /\(usage: syscope export <capture> tree \[FILTER\]/);
    assert.match(await usageOf([sample, 'view']), /^which view\? .*\(usage: syscope export <capture> view <viewId>/);
    assert.match(await usageOf([sample, 'nope']), /^say what to export: view, events, stream, tree \(usage: syscope export <capture> view\|events\|stream\|tree /);
  } finally {
    console.error = quiet;
  }
});

test('exported events name the epoch nanoseconds evt.rawtime, as sysdig does, and write them as a string that keeps every digit; CSV keeps evt.time, the time of day', async () => {
  await made;
  const quiet = console.error;
  console.error = () => {};
  try {
    assert.equal(await command.run([sample, 'events', 'evt.num=2', '-o', join(dir, 'e.jsonl')]), 0);
    assert.equal(await command.run([sample, 'events', 'evt.num=2', '--format', 'csv', '-o', join(dir, 'e.csv')]), 0);
  } finally {
    console.error = quiet;
  }
  const text = readFileSync(join(dir, 'e.jsonl'), 'utf8');
  const row = JSON.parse(text) as Record<string, unknown>;
  assert.equal(row['evt.time'], undefined, 'evt.time is the time of day in sysdig, not the epoch nanoseconds');
  assert.match(String(row['evt.rawtime']), /^\d{19}$/);
  assert.equal(typeof row['evt.rawtime'], 'string', 'a 19-digit JSON number rounds in jq and JavaScript');
  assert.ok(text.includes(`"evt.rawtime":"${row['evt.rawtime'] as string}"`));
  const [header, line] = readFileSync(join(dir, 'e.csv'), 'utf8').split('\r\n');
  assert.equal(header.split(',')[1], 'evt.time');
  assert.match(line.split(',')[1], /^\d\d:\d\d:\d\d\.\d{9}$/);
});

test('export view with a view id that names no view is bad usage, worded as view words it (QA 20: exit 1, no hint)', async () => {
  await made;
  const { runCommand } = await import('../dispatch');
  const { exitStatusOf } = await import('../exitStatus');
  const failure = await runCommand(command, [sample, 'view', 'nosuchview', '--format', 'csv']).then(() => undefined, (e: unknown) => e);
  assert.ok(failure instanceof UsageError);
  assert.equal(failure.message, "unknown view 'nosuchview' (syscope view --list shows them)");
  assert.equal(exitStatusOf(failure), 2);
});
