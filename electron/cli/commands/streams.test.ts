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

async function printed(args: string[]): Promise<{ status: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const { log, error } = console;
  console.log = (...a: unknown[]) => { out.push(a.join(' ')); };
  console.error = (...a: unknown[]) => { err.push(a.join(' ')); };
  try {
    return { status: await command.run(args), out, err };
  } finally {
    Object.assign(console, { log, error });
  }
}

test('streams --follow with a word that is neither a stream key nor an fd name is a usage error naming the expected form', async () => {
  await made;
  await assert.rejects(command.run([sample, '--follow', 'nope']), (e) => e instanceof UsageError
    && /^--follow 'nope' is neither a stream key nor the fd name of any read or write: give pid:fd#generation as the streams list prints it/.test(e.message));
  // A key of the right form that a filter leaves empty is an answer.
  const none = await printed([sample, '--follow', '5253:5#8', 'proc.name=nosuch']);
  assert.equal(none.status, 0);
  assert.deepEqual(none.out, []);
  assert.deepEqual(none.err, ['(no reads or writes match: following 5253:5#8, proc.name=nosuch)']);
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

test('streams --follow with a stream key naming no process, fd or generation of the capture says which, in one line, exit 1', async () => {
  await made;
  const said = async (key: string) => {
    const r = await printed([sample, '--follow', key]);
    return { ...r, errors: r.err };
  };
  const noPid = await said('99999:5#8');
  assert.equal(noPid.status, 1);
  assert.deepEqual(noPid.errors, ['syscope streams: --follow 99999:5#8: no process with pid 99999 in the capture']);
  assert.deepEqual(noPid.out, []);
  const noFd = await said('5253:77');
  assert.equal(noFd.status, 1);
  assert.deepEqual(noFd.errors, ['syscope streams: --follow 5253:77: process 5253 (nginx) never reads or writes fd 77 in the capture']);
  const noGeneration = await said('5253:5#99');
  assert.equal(noGeneration.status, 1);
  assert.match(noGeneration.errors[0], /^syscope streams: --follow 5253:5#99: fd 5 of process 5253 \(nginx\) has streams 5253:5 to 5253:5#\d+ in the capture, no #99$/);
  // #1 is the stream the list writes without a generation.
  const first = await said('5253:5#1');
  assert.equal(first.status, 0);
  assert.deepEqual(first.out, (await said('5253:5')).out);
  assert.match(first.out[0], /^------ turn 1: /);
});

test('streams --search with --limit N prints the first N matching operations and continues from the next match', async () => {
  await made;
  const all = (await printed([sample, '--search', 'host not found', '--json'])).out.map((l) => JSON.parse(l) as { 'evt.num': number });
  assert.ok(all.length >= 3, 'the sample logs "host not found" more than twice');
  const first = await printed([sample, '--search', 'host not found', '--json', '--limit', '1']);
  assert.equal(first.status, 0);
  assert.deepEqual(first.out.map((l) => (JSON.parse(l) as { 'evt.num': number })['evt.num']), [all[0]['evt.num']]);
  const next = all[1]['evt.num'];
  assert.deepEqual(first.err, [`(more matching operations from event #${next}: use --from ${next})`]);
  const second = await printed([sample, '--search', 'host not found', '--json', '--limit', '1', '--from', String(next)]);
  assert.deepEqual(second.out.map((l) => (JSON.parse(l) as { 'evt.num': number })['evt.num']), [next]);
  // The last match says there is no more; a search that matches nothing does not send a script paging on.
  const last = await printed([sample, '--search', 'host not found', '--json', '--limit', '1', '--from', String(all[all.length - 1]['evt.num'])]);
  assert.deepEqual(last.err, []);
  const none = await printed([sample, '--search', 'no such text anywhere', '--limit', '2']);
  assert.deepEqual(none.out, []);
  assert.deepEqual(none.err, ["(no reads or writes match: searching 'no such text anywhere')"]);
});

test('streams --json writes evt.rawtime as a string of digits, as events --json does', async () => {
  await made;
  const line = (await printed([sample, '--json', '--limit', '1'])).out[0];
  assert.equal(typeof (JSON.parse(line) as { 'evt.rawtime': unknown })['evt.rawtime'], 'string');
  assert.match(line, /"evt.rawtime":"\d{19}"/);
});
