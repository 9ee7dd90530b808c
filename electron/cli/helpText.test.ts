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
