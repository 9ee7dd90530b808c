import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UsageError } from '../../engine/evidence/commandLine';
import { writeCrashLoopSample } from '../../engine/sample/crashloop';
import { command } from './streams';

const dir = mkdtempSync(join(tmpdir(), 'syscope-streams-'));
process.env.SYSCOPE_CACHE_DIR = join(dir, 'cache');
const sample = join(dir, 'sample.scap');
const made = writeCrashLoopSample(sample, {});

async function printed(args: string[]): Promise<{ status: number; out: string[] }> {
  const out: string[] = [];
  const log = console.log;
  console.log = (...a: unknown[]) => { out.push(a.join(' ')); };
  try {
    return { status: await command.run(args), out };
  } finally {
    console.log = log;
  }
}

test('streams --follow with a word that is neither a stream key nor an fd name is a usage error naming the expected form', async () => {
  await made;
  await assert.rejects(command.run([sample, '--follow', 'nope']), (e) => e instanceof UsageError
    && /^--follow 'nope' is neither a stream key nor the fd name of any read or write: give pid:fd#generation as the streams list prints it/.test(e.message));
  // A key of the right form that moved no bytes is an answer, as before.
  const none = await printed([sample, '--follow', '999999:1#1']);
  assert.equal(none.status, 0);
  assert.deepEqual(none.out, ["no reads or writes for '999999:1#1'"]);
  // A stream key and an fd name from the list are followed.
  const first = JSON.parse((await printed([sample, '--json', '--limit', '1'])).out[0]) as { stream: string; 'fd.name': string };
  for (const key of [first.stream, first['fd.name']]) {
    const followed = await printed([sample, '--follow', key]);
    assert.equal(followed.status, 0, key);
    assert.match(followed.out[0], /^------ turn 1: /, key);
  }
});

test('a followed turn counts its operations in words that agree with the count ("1 operation")', async () => {
  await made;
  const listed = (await printed([sample, '--json'])).out.map((l) => JSON.parse(l) as { stream: string });
  const counts = new Map<string, number>();
  for (const op of listed) counts.set(op.stream, (counts.get(op.stream) ?? 0) + 1);
  const single = [...counts].find(([, n]) => n === 1);
  assert.ok(single, 'the sample has a stream with one operation');
  const followed = await printed([sample, '--follow', single[0]]);
  assert.match(followed.out[0], / in 1 operation \(#\d+\.\.#\d+\)/);
  for (const line of followed.out) assert.doesNotMatch(line, / 1 operations/);
});
