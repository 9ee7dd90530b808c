import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { UsageError } from '../engine/evidence/commandLine';
import { runCommand, unknownOption, type DispatchedCommand } from './dispatch';

const commandsDir = new URL('./commands/', import.meta.url);
const names = readdirSync(commandsDir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).map((f) => f.slice(0, -3));

async function load(name: string): Promise<DispatchedCommand> {
  return ((await import(new URL(`${name}.ts`, commandsDir).href)) as { command: DispatchedCommand }).command;
}

/** What `fn` prints with console.log, and its result. */
async function printed<T>(fn: () => Promise<T>): Promise<{ out: string; result: T }> {
  const lines: string[] = [];
  const log = console.log;
  console.log = (...a: unknown[]) => { lines.push(a.join(' ')); };
  try {
    const result = await fn();
    return { out: lines.join('\n'), result };
  } finally {
    console.log = log;
  }
}

test('every command answers -h and --help with its usage on stdout and exit 0, wherever the word stands', async () => {
  assert.ok(names.length >= 15, names.join(' '));
  for (const name of names) {
    const command = await load(name);
    for (const args of [['--help'], ['-h'], ['some.scap', '--help']]) {
      const { out, result } = await printed(() => runCommand(command, args));
      assert.equal(result, 0, `${name} ${args.join(' ')}`);
      assert.ok(out.startsWith(`usage: syscope ${name}`), `${name} ${args.join(' ')}: ${out}`);
    }
  }
});

test('every command refuses a word that looks like an option it does not take, in the same words', async () => {
  for (const name of names) {
    const command = await load(name);
    await assert.rejects(runCommand(command, ['some.scap', '--bogus']), (e) => e instanceof UsageError
      && e.message.startsWith(`unknown option '--bogus' (usage: syscope ${name}`) && !e.message.includes('\n'), name);
  }
  // Before, count took '--json' as part of its filter ("filter error: expected a field name").
  await assert.rejects(runCommand(await load('count'), ['some.scap', 'proc.name=nginx', '--json']), /^UsageError: unknown option '--json' \(usage: syscope count /);
  await assert.rejects(runCommand(await load('write'), ['some.scap', '-o', 'x.scap', 'proc.name=x', '--bogus']), /unknown option '--bogus'/);
  await assert.rejects(runCommand(await load('dump'), ['some.scap', 'proc.name=x', '-x']), /unknown option '-x'/);
});

test('every command says a valued option given last without its value in the same words, with its usage (QA 15: three wordings)', async () => {
  for (const name of names) {
    const command = await load(name);
    for (const option of command.options.valued) {
      // export quotes the synopsis of the kind asked; none is asked here, so the one naming every kind.
      const synopsis = (command.synopsis?.(['some.scap', option]) ?? command.usage).split('\n')[0];
      await assert.rejects(runCommand(command, ['some.scap', option]), (e) => e instanceof UsageError
        && e.message === `${option} needs a value (${synopsis})`, `${name} ${option}`);
    }
  }
});

test('a command\'s own usage errors end in its usage, said once', async () => {
  const cases: Array<[string, string[], RegExp]> = [
    ['sample', ['stray'], /^unknown argument 'stray' \(usage: syscope sample /],
    ['count', [], /^no capture file given \(usage: syscope count /],
    ['dump', [], /^no capture file given \(usage: syscope dump /],
    ['index', [], /^no capture file given \(usage: syscope index /],
    ['streams', [], /^no capture file given \(usage: syscope streams /],
    ['tiles', ['a.scap', 'b.scap'], /^one capture at a time \(usage: syscope tiles /],
    ['info', ['a.scap', 'b.scap'], /^one capture at a time \(usage: syscope info /],
  ];
  for (const [name, args, want] of cases) {
    await assert.rejects(runCommand(await load(name), args), (e) => e instanceof UsageError && want.test(e.message)
      && (e.message.match(/usage: /g) ?? []).length <= 1 && !/\. usage: |^option /.test(e.message), `${name} ${args.join(' ')}`);
  }
});

test('an option\'s value, a negative number, -pFORMAT, --name=value and words after -- are not unknown options', () => {
  const options = { valued: ['-p', '--search', '--from'], flags: ['--json'] };
  assert.equal(unknownOption(['F', '--search', '--weird', 'evt.res', '=', '-2', '--json'], options), undefined);
  assert.equal(unknownOption(['F', '-p%evt.num %proc.name', '--from=3'], options), undefined);
  assert.equal(unknownOption(['F', '--', 'proc.name', '=', '-bash'], options), undefined);
  assert.equal(unknownOption(['F', 'proc.name', '=', '-bash'], options), '-bash');
  assert.equal(unknownOption(['F', '--json=1'], options), '--json=1', 'a switch takes no value');
});

test('each usage says which --json output is one JSON document and which is JSON lines', async () => {
  const says = async (name: string) => (await load(name)).usage;
  for (const name of ['events', 'streams', 'tree', 'dump']) assert.match(await says(name), /JSON lines, one object per/, name);
  for (const name of ['view', 'tiles', 'info', 'fields']) assert.match(await says(name), /--json: one JSON document/, name);
  assert.match(await says('events'), /with --detail, one JSON document/);
  for (const name of names) {
    const command = await load(name);
    const takesJson = [...command.options.flags].some((f) => f === '--json' || f === '-j');
    if (takesJson) assert.match(command.usage, /JSON document|JSON lines/, `${name} takes --json and its usage says what it prints`);
  }
});

test('view --list --json prints the views as one JSON document', async () => {
  const view = await load('view');
  const { out, result } = await printed(() => runCommand(view, ['--list', '--json']));
  assert.equal(result, 0);
  const views = JSON.parse(out) as Array<{ id: string; name: string; drillTarget: boolean }>;
  assert.ok(views.some((v) => v.id === 'procs' && !v.drillTarget), out.slice(0, 200));
});

test('syscope --help lists each command with its one-line summary', async () => {
  const cli = fileURLToPath(new URL('./main.ts', import.meta.url));
  const r = spawnSync(process.execPath, ['--import', 'tsx', cli, '--help'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  for (const name of names) {
    const { summary } = await load(name);
    assert.ok(!summary.includes('\n') && !summary.startsWith('usage'), `${name}: one line, not the usage`);
    assert.match(r.stdout, new RegExp(`^  ${name} +${summary.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'), name);
  }
});

test('syscope help COMMAND is that command\'s usage; help for a command that does not exist is a usage error (QA 15: it exited 0)', () => {
  const cli = fileURLToPath(new URL('./main.ts', import.meta.url));
  const view = spawnSync(process.execPath, ['--import', 'tsx', cli, 'help', 'view'], { encoding: 'utf8' });
  assert.equal(view.status, 0, view.stderr);
  assert.match(view.stdout, /^usage: syscope view /);
  const nosuch = spawnSync(process.execPath, ['--import', 'tsx', cli, 'help', 'nosuch'], { encoding: 'utf8' });
  assert.equal(nosuch.status, 2);
  assert.equal(nosuch.stdout, '');
  assert.match(nosuch.stderr.trim(), /^syscope help: unknown command 'nosuch' \(one of: [a-z, ]+\)$/);
});
