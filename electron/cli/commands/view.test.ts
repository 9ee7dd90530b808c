import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../main.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'syscope-view-cli-'));
function syscope(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', cli, ...args], { encoding: 'utf8', env: { ...process.env, SYSCOPE_CACHE_DIR: join(dir, 'cache') } });
}
const sample = join(dir, 'sample.scap');
const made = syscope('sample', '-o', sample);

function pidsSortedBy(...sortArgs: string[]): number[] {
  const r = syscope('view', sample, 'procs', '--json', ...sortArgs);
  assert.equal(r.status, 0, r.stderr);
  const w = JSON.parse(r.stdout) as { columns: { title: string }[]; rows: unknown[][] };
  const at = w.columns.findIndex((c) => c.title === 'PID');
  return w.rows.map((row) => Number(row[at]));
}

test('view --sort takes COLUMN:asc and COLUMN:desc as the issue writes it, and COLUMN with --asc/--desc', () => {
  assert.equal(made.status, 0, made.stderr);
  const asc = pidsSortedBy('--sort', 'PID:asc');
  assert.ok(asc.length > 2, 'the sample has several processes');
  assert.deepEqual(asc, [...asc].sort((a, b) => a - b));
  assert.notDeepEqual(asc, [...asc].reverse());
  assert.deepEqual(pidsSortedBy('--sort', 'PID:desc'), [...asc].reverse());
  assert.deepEqual(pidsSortedBy('--sort', 'PID'), [...asc].reverse(), 'descending unless told otherwise');
  assert.deepEqual(pidsSortedBy('--sort', 'PID', '--asc'), asc);
});

test('view --sort on a column the view lacks says so in one line', () => {
  const r = syscope('view', sample, 'procs', '--sort', 'NOPE:asc');
  assert.equal(r.status, 2);
  assert.equal(r.stderr.trim(), "syscope: view 'procs' has no column 'NOPE'");
});
