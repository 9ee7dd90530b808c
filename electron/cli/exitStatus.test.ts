import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApiFailure } from '../../shared/ipc/errors';
import { UsageError } from '../engine/evidence/commandLine';
import { exitStatusOf } from './exitStatus';

test('a mistake in how a command was called exits 2, a capture that cannot be read or any other failure 1', () => {
  assert.equal(exitStatusOf(new UsageError('unknown option')), 2);
  assert.equal(exitStatusOf(new ApiFailure('bad-filter', 'filter: unknown field')), 2);
  assert.equal(exitStatusOf(new ApiFailure('bad-request', "view 'procs' has no column 'X'")), 2);
  assert.equal(exitStatusOf(new ApiFailure('not-found', 'cannot read x')), 1);
  assert.equal(exitStatusOf(new ApiFailure('bad-capture', 'not a scap capture')), 1);
  assert.equal(exitStatusOf(new Error('anything else')), 1);
});

const cli = fileURLToPath(new URL('./main.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'syscope-exit-'));
const syscope = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', cli, ...args], { encoding: 'utf8', env: { ...process.env, SYSCOPE_CACHE_DIR: join(dir, 'cache') } });

test('every query command exits as the README says, with one line on stderr', () => {
  const sample = join(dir, 'sample.scap');
  assert.equal(syscope('sample', '-o', sample).status, 0);
  const notCapture = join(dir, 'notes.txt');
  writeFileSync(notCapture, 'root:x:0:0\n');
  const missing = join(dir, 'absent.scap');
  const cases: [string[], number][] = [
    [['view', sample, 'procs', '--filter', 'proc.nme=x'], 2],
    [['view', sample, 'nope'], 2],
    [['view', sample, 'procs', '--sort', 'NOPE'], 2],
    [['tiles', sample, '--samples', 'x'], 2],
    [['tiles', sample, '--filter', 'proc.nme=x'], 2],
    [['events', sample, 'proc.nme=x'], 2],
    [['tree', sample, 'proc.nme=x'], 2],
    [['view', missing, 'procs'], 1],
    [['tiles', notCapture], 1],
    [['events', missing], 1],
    [['tree', missing], 1],
    [['count', sample, 'proc.nme=x'], 2],
    [['dump', sample, 'evt.type='], 2],
    [['nope'], 2],
    [['sample', '-x'], 2],
    [['write', sample], 2],
    [['index', sample, '--fast'], 2],
    [['events', sample, '--search', '(', '--regex'], 2],
    [['streams', sample, '--search', '[', '--regex'], 2],
  ];
  for (const [args, status] of cases) {
    const r = syscope(...args);
    assert.equal(r.status, status, `${args.join(' ')}: ${r.stderr}`);
    assert.equal(r.stderr.trim().split('\n').length, 1, `${args.join(' ')} says one line: ${r.stderr}`);
  }
});

/** Every command that reads a capture, with `P` where the capture goes. */
const readingCapture: string[][] = [
  ['info', 'P'], ['count', 'P'], ['dump', 'P'], ['events', 'P'], ['events', 'P', '--detail', '1'], ['streams', 'P'], ['tree', 'P'],
  ['tiles', 'P'], ['view', 'P', 'procs'], ['export', 'P', 'tree'], ['export', 'P', 'view', 'procs'], ['index', 'P'],
  ['write', 'P', '-o', join(dir, 'out.scap')], ['report', 'P', join(dir, 'findings.json'), '-o', join(dir, 'r.html')], ['serve', 'P'],
];

test('every command says the same line, exit 1, for a missing capture, a directory and an empty file, naming the path once', () => {
  const missing = join(dir, 'gone.scap');
  const folder = join(dir, 'folder.scap');
  mkdirSync(folder, { recursive: true });
  const empty = join(dir, 'empty.scap');
  writeFileSync(empty, '');
  const problems: [string, string][] = [[missing, 'no such file'], [folder, 'is a directory, not a capture file']];
  for (const [path, problem] of problems) {
    for (const args of readingCapture) {
      const r = syscope(...args.map((a) => (a === 'P' ? path : a)));
      assert.equal(r.stderr.trim(), `syscope ${args[0]}: ${path}: ${problem}`, args.join(' '));
      assert.equal(r.status, 1, `${args.join(' ')}: ${r.stderr}`);
    }
  }
  // The readers name the file by its base name; the line names it once, as typed.
  const never = join(dir, 'never-written.scap');
  for (const args of [['info', 'P'], ['count', 'P'], ['dump', 'P'], ['view', 'P', 'procs'], ['write', 'P', '-o', never]]) {
    const r = syscope(...args.map((a) => (a === 'P' ? empty : a)));
    assert.equal(r.stderr.trim(), `syscope ${args[0]}: ${empty}: empty file, not a scap capture`, args.join(' '));
    assert.equal(r.status, 1);
  }
  assert.equal(existsSync(never), false, 'write leaves no output for an empty capture');
});

test('a bad filter says where, the same way in every command, exit 2', () => {
  const sample = join(dir, 'sample.scap');
  assert.equal(syscope('sample', '-o', sample).status, 0);
  const line = "filter error at column 1: unknown field 'proc.nme'; did you mean 'proc.name'?";
  const cases = [['view', sample, 'procs', '--filter', 'proc.nme=x'], ['tiles', sample, '--filter', 'proc.nme=x'], ['events', sample, 'proc.nme=x'],
    ['streams', sample, 'proc.nme=x'], ['tree', sample, 'proc.nme=x'], ['count', sample, 'proc.nme=x'], ['export', sample, 'events', 'proc.nme=x'],
    ['write', sample, '-o', join(dir, 'w.scap'), 'proc.nme=x']];
  for (const args of cases) {
    const r = syscope(...args);
    assert.equal(r.stderr.trim(), `syscope ${args[0]}: ${line}`, args.join(' '));
    assert.equal(r.status, 2);
  }
  // What only the engine refuses (a table field where sysdig's filters run) says where too.
  for (const command of ['events', 'streams']) {
    const r = syscope(command, sample, 'proc.name=x and thread.vmsize.b>0');
    assert.match(r.stderr.trim(), new RegExp(`^syscope ${command}: filter error at column 17: 'thread\\.vmsize\\.b' is one of csysdig's table fields`));
    assert.equal(r.status, 2);
  }
});

test('report on a findings file that is not JSON says so without quoting it, exit 1', () => {
  const sample = join(dir, 'sample.scap');
  assert.equal(syscope('sample', '-o', sample).status, 0);
  const notes = join(dir, 'notes.md');
  writeFileSync(notes, '# Syscope findings\n"quoted"\n');
  const r = syscope('report', sample, notes, '-o', join(dir, 'r.html'));
  assert.equal(r.stderr.trim(), `syscope report: ${notes}: not a findings file (not JSON)`);
  assert.equal(r.status, 1);
  const folder = join(dir, 'findings-folder');
  mkdirSync(folder, { recursive: true });
  assert.equal(syscope('report', sample, folder, '-o', join(dir, 'r.html')).stderr.trim(), `syscope report: ${folder}: is a directory, not a findings file`);
});

test('an output path that cannot be written is said the same way by every command that writes, exit 2', () => {
  const sample = join(dir, 'sample.scap');
  assert.equal(syscope('sample', '-o', sample).status, 0);
  const folder = join(dir, 'out-folder');
  mkdirSync(folder, { recursive: true });
  const nowhere = join(dir, 'no-such-folder', 'out.scap');
  const findings = join(dir, 'empty-findings.json');
  writeFileSync(findings, JSON.stringify({ format: 'syscope-findings', version: 1 }));
  const cases: [string[], string][] = [
    [['export', sample, 'tree', '-o', folder], `${folder}: cannot write (is a directory)`],
    [['write', sample, '-o', folder], `${folder}: cannot write (is a directory)`],
    [['sample', '-o', folder], `${folder}: cannot write (is a directory)`],
    [['export', sample, 'tree', '-o', nowhere], `${nowhere}: cannot write (the folder ${dirname(nowhere)} does not exist)`],
    [['write', sample, '-o', nowhere], `${nowhere}: cannot write (the folder ${dirname(nowhere)} does not exist)`],
    [['report', sample, findings, '-o', join(dirname(nowhere), 'r.html')], `${join(dirname(nowhere), 'r.html')}: cannot write (the folder ${dirname(nowhere)} does not exist)`],
  ];
  for (const [args, line] of cases) {
    const r = syscope(...args);
    assert.equal(r.stderr.trim(), `syscope ${args[0]}: ${line}`, args.join(' '));
    assert.equal(r.status, 2);
  }
});
