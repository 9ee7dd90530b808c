import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync } from 'node:fs';
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
