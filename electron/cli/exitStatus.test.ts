import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
  ];
  for (const [args, status] of cases) {
    const r = syscope(...args);
    assert.equal(r.status, status, `${args.join(' ')}: ${r.stderr}`);
    assert.equal(r.stderr.trim().split('\n').length, 1, `${args.join(' ')} says one line: ${r.stderr}`);
  }
});
