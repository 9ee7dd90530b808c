/**
 * `syscope count` against sysdig: the number of events a filter selects must be the number of
 * lines `sysdig -r F -p '*%evt.num' FILTER` prints, on several captures and filters, both from a
 * pass over the capture (`--no-cache`) and from the index `syscope index` put in the cache.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { capturesDir, projectRoot, referenceSkip, sysdig } from '../support/reference';

const CAPTURES = ['inspect_502Error.scap', 'bencerex_example4-1.scap', 'sysflow_files_files.scap', 'libs_single_ipv6_conn.scap'];
const FILTERS = ['', 'evt.type=read', 'proc.name=haproxy and evt.dir=<', 'fd.type in (ipv4, ipv6) or evt.failed=true', 'not proc.name exists'];

const cacheDir = mkdtempSync(join(tmpdir(), 'syscope-count-'));
function syscope(args: string[]): string {
  return run(args).stdout.trim();
}
function run(args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(projectRoot, 'electron/cli/main.ts'), ...args],
    { encoding: 'utf8', cwd: projectRoot, env: { ...process.env, SYSCOPE_CACHE_DIR: cacheDir } });
  assert.equal(r.status, 0, r.stderr);
  return r;
}
function syscopeCount(file: string, filter: string, ...options: string[]): string {
  return syscope(['count', file, ...(filter ? [filter] : []), ...options]);
}

const skip = referenceSkip();

for (const name of CAPTURES) {
  test(`syscope count matches the events sysdig prints: ${name}`, { skip }, () => {
    const file = join(capturesDir, name);
    const expected = FILTERS.map((filter) => String(sysdig(['-r', file, '-p', '*%evt.num', ...(filter ? [filter] : [])]).split('\n').filter((l) => l !== '').length));
    FILTERS.forEach((filter, i) => assert.equal(syscopeCount(file, filter, '--no-cache'), expected[i], `${name} '${filter}', by a pass`));
    syscope(['index', file]);
    FILTERS.forEach((filter, i) => assert.equal(syscopeCount(file, filter), expected[i], `${name} '${filter}', from the index`));
    assert.equal(run(['count', file, FILTERS[1]]).stderr.trim(), '(counted from the cached index)');
    assert.equal(run(['count', file, FILTERS[1], '--no-cache']).stderr, '', '--no-cache counts by a pass');
  });
}

test('syscope count: a bad filter is one line saying where, exit 2', { skip }, () => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(projectRoot, 'electron/cli/main.ts'), 'count', join(capturesDir, CAPTURES[0]), 'evt.type='], { encoding: 'utf8', cwd: projectRoot });
  assert.equal(r.status, 2);
  assert.equal(r.stderr.trim(), "syscope count: filter error: expected a value after 'evt.type =' at column 10, found the end of the filter");
});
