/**
 * `syscope count` against sysdig: the number of events a filter selects must be the number of
 * lines `sysdig -r F -p '*%evt.num' FILTER` prints, on several captures and filters.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { capturesDir, projectRoot, referenceSkip, sysdig } from '../support/reference';

const CAPTURES = ['inspect_502Error.scap', 'bencerex_example4-1.scap', 'sysflow_files_files.scap', 'libs_single_ipv6_conn.scap'];
const FILTERS = ['', 'evt.type=read', 'proc.name=haproxy and evt.dir=<', 'fd.type in (ipv4, ipv6) or evt.failed=true', 'not proc.name exists'];

function syscopeCount(file: string, filter: string): string {
  const args = ['--import', 'tsx', join(projectRoot, 'electron/cli/main.ts'), 'count', file, ...(filter ? [filter] : [])];
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', cwd: projectRoot });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.trim();
}

const skip = referenceSkip();

for (const name of CAPTURES) {
  test(`syscope count matches the events sysdig prints: ${name}`, { skip }, () => {
    const file = join(capturesDir, name);
    for (const filter of FILTERS) {
      const lines = sysdig(['-r', file, '-p', '*%evt.num', ...(filter ? [filter] : [])]).split('\n').filter((l) => l !== '').length;
      assert.equal(syscopeCount(file, filter), String(lines), `${name} '${filter}'`);
    }
  });
}

test('syscope count: a bad filter is one line saying where, exit 2', { skip }, () => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(projectRoot, 'electron/cli/main.ts'), 'count', join(capturesDir, CAPTURES[0]), 'evt.type='], { encoding: 'utf8', cwd: projectRoot });
  assert.equal(r.status, 2);
  assert.equal(r.stderr.trim(), "syscope count: filter error: expected a value after 'evt.type =' at column 10, found the end of the filter");
});
