import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import type { DispatchedCommand } from './dispatch';
import { commandList } from './dispatch';
import { EXIT_STATUS_HELP, FOLLOW_HELP, TIME_WINDOW_HELP } from './helpText';

const commandsDir = new URL('./commands/', import.meta.url);
const names = readdirSync(commandsDir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).map((f) => f.slice(0, -3));
const load = async (name: string) => ((await import(new URL(`${name}.ts`, commandsDir).href)) as { command: DispatchedCommand }).command;
const literally = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test('every option a command takes, aliases included, is named in its --help', async () => {
  for (const name of names) {
    const { usage, options } = await load(name);
    for (const option of [...options.valued, ...options.flags]) {
      assert.match(usage, new RegExp(`(^|[\\s\\[(|])${literally(option)}([\\s\\])|,:=]|$)`, 'm'), `${name} takes ${option}; its --help does not say so`);
    }
  }
});

test('the commands that take a time window, --follow or an exit status say it the way the commands now behave', async () => {
  for (const name of ['tiles', 'view', 'export', 'write']) assert.ok((await load(name)).usage.includes(TIME_WINDOW_HELP), name);
  // events' --from is an event number: its window help names the options it takes (QA 19).
  const events = (await load('events')).usage;
  assert.match(events, /T \(--from-time, --to-time\): .*one instant \(--to-time equal to --from-time\) holds the events at that instant; a window is cut to the capture's span .*one that ends before it starts, or lies wholly after the capture's end or before its first event, is a usage error/);
  assert.doesNotMatch(events, /--to equal to --from|no timed event/);
  assert.match((await load('write')).usage, /damaged capture, the part before the damage is written, with one warning line \(exit 3\)/);
  for (const name of ['streams', 'export']) {
    const { usage } = await load(name);
    assert.ok(usage.includes(FOLLOW_HELP), name);
    assert.doesNotMatch(usage, /FD-KEY/, name);
  }
  for (const name of ['events', 'streams']) assert.match((await load(name)).usage, /nothing to list: stdout stays empty and one line on stderr/, name);
  const list = commandList([['count', 'x']]);
  assert.ok(list.endsWith(EXIT_STATUS_HELP));
  for (const status of ['0', '1', '2', '3']) assert.match(EXIT_STATUS_HELP, new RegExp(`[:;] ${status} `), status);
});

test("README's command table names every option each command's --help names", async () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  for (const name of names.filter((n) => n !== 'export')) {
    const row = readme.split('\n').find((l) => l.startsWith(`| \`syscope ${name} `));
    assert.ok(row, `README has a row for ${name}`);
    const synopsis = (await load(name)).usage.split('\n')[0];
    for (const option of synopsis.match(/--?[a-z][a-z-]*/g) ?? []) {
      assert.ok(row.includes(option), `README's ${name} row lacks ${option}`);
    }
  }
});

test("README says what evt.time is in JSON as export writes it: epoch nanoseconds, the time of day only in CSV (QA 19)", async () => {
  const { spawnSync } = await import('node:child_process');
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { writeCrashLoopSample } = await import('../engine/sample/crashloop');
  const dir = mkdtempSync(join(tmpdir(), 'syscope-readme-time-'));
  const sample = join(dir, 'sample.scap');
  await writeCrashLoopSample(sample, {});
  const cli = new URL('./main.ts', import.meta.url).pathname;
  const first = (format: string) => spawnSync(process.execPath, ['--import', 'tsx', cli, 'export', sample, 'events', '--format', format, '--fields', 'evt.time,evt.rawtime'],
    { encoding: 'utf8', env: { ...process.env, SYSCOPE_CACHE_DIR: join(dir, 'cache') } }).stdout.split(/\r?\n/);
  const json = JSON.parse(first('jsonl')[0]) as Record<string, string>;
  assert.equal(json['evt.time'], json['evt.rawtime']);
  assert.match(first('csv')[1], /^\d\d:\d\d:\d\d\.\d{9},\d+$/);
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8').replace(/\s+/g, ' ');
  assert.ok(readme.includes('`evt.rawtime` is the time in nanoseconds since the epoch, and so is `evt.time` in JSON (in CSV and text, `evt.time` is the time of day'));
  assert.ok(!readme.includes('(`evt.time` the time of day, as in'));
});

test("--help and README name the time forms the app's Set window… takes, from the one reader's words (QA 19 item 11)", async () => {
  const { TIME_FORMS } = await import('../../shared/format/timeInput');
  for (const name of ['tiles', 'view', 'export', 'write', 'events']) assert.ok((await load(name)).usage.includes(TIME_FORMS), name);
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8').replace(/\s+/g, ' ');
  for (const form of ['1710236490390000000', '2024-03-12T09:41:09.5Z', '2024-03-12 09:41:09 UTC', "a UTC time of day on the capture's first day (`09:41:30.5`)", '`1500ms`']) {
    assert.ok(readme.includes(form), `README names ${form}`);
  }
});
