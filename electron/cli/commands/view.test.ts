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

const procsColumns = "'PID', 'PPID', 'VPID', 'CPU', 'USER', 'TH', 'VIRT', 'RES', 'FILE', 'NET', 'CONTAINER', 'Command'";

test('view --sort on a column the view lacks says so in one line, with the columns it has', () => {
  const r = syscope('view', sample, 'procs', '--sort', 'NOPE:asc');
  assert.equal(r.status, 2);
  assert.equal(r.stderr.trim(), `syscope view: view 'procs' has no column 'NOPE' (its columns: ${procsColumns})`);
});

test('view --sort takes a column name in any case, and says a direction other than asc or desc is one (QA 20: pid, cpu:asc refused as columns)', () => {
  const asc = pidsSortedBy('--sort', 'PID:asc');
  assert.deepEqual(pidsSortedBy('--sort', 'pid:ASC'), asc);
  assert.deepEqual(pidsSortedBy('--sort', 'pid'), [...asc].reverse());
  const sideways = syscope('view', sample, 'procs', '--sort', 'CPU:sideways');
  assert.equal(sideways.status, 2);
  assert.equal(sideways.stderr.trim(), "syscope view: --sort CPU:sideways: the direction after ':' is asc or desc (got 'sideways')");
  const none = syscope('view', sample, 'procs', '--sort', '');
  assert.equal(none.status, 2);
  assert.equal(none.stderr.trim(), `syscope view: --sort needs a column of view 'procs' (one of ${procsColumns})`);
});

test('view and tiles take --from/--to as nanoseconds or a UTC time, the same window either way, and refuse a bad one before reading', () => {
  const tiles = (...args: string[]) => {
    const r = syscope('tiles', sample, '--json', ...args);
    assert.equal(r.status, 0, r.stderr);
    return (JSON.parse(r.stdout) as { id: string; total: number }[]).find((t) => t.id === 'syscalls')!.total;
  };
  const whole = tiles();
  const info = syscope('info', sample, '--json');
  const first = BigInt((JSON.parse(info.stdout) as { firstTs: string }).firstTs);
  const half = first + 5_000_000_000n;
  const iso = new Date(Number(half / 1_000_000n)).toISOString();
  const byNs = tiles('--from', half.toString());
  assert.ok(byNs > 0 && byNs < whole, `a later start counts fewer system calls (${byNs} of ${whole})`);
  assert.equal(tiles('--from', iso), byNs);
  const rows = (...args: string[]) => (JSON.parse(syscope('view', sample, 'procs', '--json', ...args).stdout) as { totalRows: number }).totalRows;
  assert.equal(rows('--from', iso), rows('--from', half.toString()));
  // One short line that points to --help, which shows each form with its example (QA 20: ~300 characters).
  for (const [args, message] of [[['--from', 'yesterday'], /^syscope view: --from: 'yesterday' is not a time; give an offset such as 60s, .* \(--help shows each form\)\n$/], [['--from', '25:99'], /^syscope view: --from: '25:99' is not a valid time of day \(--help shows the forms of a time\)\n$/], [['--from', '2', '--to', '1'], /--to is before --from/], [['--from', '2s', '--to', '1s'], /--to is before --from/]] as const) {
    const r = syscope('view', sample, 'procs', ...args);
    assert.equal(r.status, 2);
    assert.match(r.stderr, message);
  }
});

test('tiles, view, events and export take offsets from the first printed event, the start info shows, as write does (QA 17: only write took --from 60s; QA 19: the app and the CLI measured from two instants)', async () => {
  made;
  const first = BigInt((JSON.parse(syscope('info', sample, '--json').stdout) as { printedFirstTs: string }).printedFirstTs);
  const at = (s: bigint) => (first + s * 1_000_000_000n).toString();
  const tiles = (...args: string[]) => syscope('tiles', sample, '--json', ...args).stdout;
  assert.equal(tiles('--from', '5s', '--to', '7500ms'), tiles('--from', at(5n), '--to', (first + 7_500_000_000n).toString()));
  assert.equal(syscope('view', sample, 'procs', '--json', '--from', '+5s').stdout, syscope('view', sample, 'procs', '--json', '--from', at(5n)).stdout);
  const events = (...args: string[]) => syscope('events', sample, '--limit', '5', ...args).stdout;
  assert.ok(events('--from-time', '5s').length > 0);
  assert.equal(events('--from-time', '5s', '--to-time', '6s'), events('--from-time', at(5n), '--to-time', at(6n)));
  const exported = (...args: string[]) => syscope('export', sample, 'events', '--format', 'csv', ...args).stdout;
  assert.equal(exported('--from', '1m'), exported('--from', at(60n)));
});

test("tiles lists the categories in the Overview page's order, in text as in --json (QA 19: Infrastructure came last)", () => {
  const json = syscope('tiles', sample, '--json');
  assert.equal(json.status, 0, json.stderr);
  const order = [...new Set((JSON.parse(json.stdout) as Array<{ category: string }>).map((t) => t.category))];
  assert.deepEqual(order.slice(0, 3), ['General', 'Infrastructure', 'File']);
  const text = syscope('tiles', sample).stdout.split('\n').filter((l) => l && !l.startsWith(' '));
  assert.deepEqual(text, order);
});

test('view, tiles and events refuse a count that is no whole number in the same words (QA 20: two wordings)', () => {
  for (const [args, option] of [[['view', sample, 'procs', '--limit', 'abc'], '--limit'], [['tiles', sample, '--samples', 'abc'], '--samples'], [['events', sample, '--limit', 'abc'], '--limit']] as const) {
    const r = syscope(...args);
    assert.equal(r.status, 2);
    assert.equal(r.stderr.trim(), `syscope ${args[0]}: ${option} must be a non-negative integer (got 'abc')`);
  }
});
