import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findView } from '../../../shared/views/catalog';
import { sortRows, ViewAggregator, type CellValue } from './aggregateView';

/** Feeds synthetic events (field → value maps) through a view. */
function run(viewId: string, events: Array<Record<string, CellValue>>) {
  const view = findView(viewId)!;
  let current: Record<string, CellValue> = {};
  const agg = new ViewAggregator(view, (field) => ({ get: () => current[field] ?? null, missing: /^(evt\.type|evt\.res|evt\.time|fd\.name|container\.name|proc\.exeline|user\.name)$/.test(field) ? 'text' : /pid|tid/.test(field) ? 'id' : 'number' }));
  for (const e of events) { current = e; agg.add(); }
  return agg.result();
}

test('syscalls: count, total and average latency per event type', () => {
  const t = run('syscalls', [
    { 'evt.type': 'read', 'evt.count': 1, 'evt.latency': 0 },
    { 'evt.type': 'read', 'evt.count': 1, 'evt.latency': 300 },
    { 'evt.type': 'open', 'evt.count': 1, 'evt.latency': 0 },
  ]);
  assert.deepEqual(t.columns.map((c) => c.name), ['CALLS/S', 'TOT TIME', 'AVG TIME', 'SYSCALL']);
  assert.deepEqual(t.keys, ['read', 'open']);
  assert.deepEqual(t.rows[0], [2, 300, 150, 'read']);
});

test('procs: threads fold into their process, summing file bytes and keeping the max of sizes', () => {
  const ev = (tid: number, pid: number, file: number, vm: number) => ({
    'thread.tid': tid, 'proc.pid': pid, 'proc.ppid': 1, 'proc.vpid': pid, 'thread.cpu': 0, 'user.name': 'root',
    'proc.nthreads': 2, 'thread.vmsize.b': vm, 'thread.vmrss.b': vm, 'evt.buflen.file': file, 'evt.buflen.net': 0,
    'container.name': 'host', 'proc.exeline': 'nginx -g',
  });
  const t = run('procs', [ev(10, 10, 5, 100), ev(11, 10, 7, 300), ev(11, 10, 1, 200), ev(20, 20, 0, 50)]);
  assert.deepEqual(t.keys, ['10', '20']);
  const file = t.columns.findIndex((c) => c.name === 'FILE');
  const virt = t.columns.findIndex((c) => c.name === 'VIRT');
  assert.equal(t.rows[0][file], 13);
  assert.equal(t.rows[0][virt], 300);
  assert.equal(t.rows[0][0], 10);
});

test('a missing number counts as 0 outside averages, a missing text as empty, a missing id drops the event', () => {
  const t = run('syscalls', [
    { 'evt.type': 'read', 'evt.count': 1, 'evt.latency': 100 },
    { 'evt.type': 'read', 'evt.count': 1 },
    { 'evt.count': 1, 'evt.latency': 5 },
  ]);
  assert.deepEqual(t.keys, ['read', '']);
  assert.deepEqual(t.rows[0], [2, 100, 100, 'read']);
  const p = run('page_faults', [{ 'proc.pid': 1, 'proc.vpid': 1, 'thread.pfmajor': 3 }, { 'proc.vpid': 2, 'thread.pfmajor': 9 }]);
  assert.deepEqual(p.keys, ['1']);
});

test('MAX keeps the latest text, as csysdig does for command lines', () => {
  const t = run('incoming_connections', []);
  assert.equal(t.rows.length, 0);
  const c = run('sports', [
    { 'fd.sport': 80, 'evt.buflen.net.in': 5, 'evt.buflen.net.out': 0, 'evt.count': 1 },
    { 'fd.sport': 80, 'evt.buflen.net.in': 7, 'evt.buflen.net.out': 1, 'evt.count': 1 },
  ]);
  assert.deepEqual(c.rows[0], [80, 12, 1, 2]);
});

test('lists keep one row per event and sorting works both ways', () => {
  const t = run('incoming_connections', [
    { 'evt.time': '10:00:01', 'fd.name': 'b', 'container.name': 'host', 'proc.exeline': 'x' },
    { 'evt.time': '10:00:00', 'fd.name': 'a', 'container.name': 'host', 'proc.exeline': 'y' },
  ]);
  assert.equal(t.rows.length, 2);
  assert.deepEqual(sortRows(t, 0, false), [1, 0]);
  assert.deepEqual(sortRows(t, 0, true), [0, 1]);
  const n = run('errors', [{ 'evt.res': 'ENOENT', 'evt.count': 1 }, { 'evt.res': 'EAGAIN', 'evt.count': 1 }, { 'evt.res': 'ENOENT', 'evt.count': 1 }]);
  assert.deepEqual(sortRows(n, 0, true).map((i) => n.keys[i]), ['ENOENT', 'EAGAIN']);
  assert.deepEqual(sortRows(n, 0, false).map((i) => n.keys[i]), ['EAGAIN', 'ENOENT']);
});

test('events folded once per distinct signature with their count give the table of folding them one by one', () => {
  // procs (SUM, AVG, MAX over numbers and text, first value) and files, over events that repeat
  // a few signatures in an interleaved order, with the command line changing mid-way.
  const kinds = Array.from({ length: 6 }, (_, k) => ({
    'thread.tid': 10 + (k % 3), 'proc.pid': 10, 'proc.ppid': 1, 'proc.vpid': 10, 'thread.cpu': k % 2 ? 5 : null, 'user.name': k % 2 ? 'root' : null,
    'proc.nthreads': 2 + k, 'thread.vmsize.b': 100 * k, 'thread.vmrss.b': 50 * (5 - k), 'evt.buflen.file': k, 'evt.buflen.net': null,
    'container.name': 'host', 'proc.exeline': `cmd-${k}`, 'fd.name': `/f${k % 2}`, 'evt.buflen.in': k, 'evt.buflen.out': 2 * k,
    'evt.count.error': k % 2, 'evt.count': 1,
  }));
  const order = [0, 1, 0, 2, 3, 1, 4, 0, 5, 3, 2, 5, 1, 0];
  for (const viewId of ['procs', 'files', 'threads']) {
    const view = findView(viewId)!;
    let current: Record<string, CellValue> = {};
    const missing = (field: string) => (/^(evt\.type|fd\.name|container\.name|proc\.exeline|user\.name)$/.test(field) ? 'text' as const : /pid|tid/.test(field) ? 'id' as const : 'number' as const);
    const one = new ViewAggregator(view, (field) => ({ get: () => current[field] ?? null, missing: missing(field) }));
    for (const k of order) { current = kinds[k]; one.add(); }
    const grouped = new ViewAggregator(view, (field) => ({ get: () => current[field] ?? null, missing: missing(field) }));
    const firstAt = new Map<number, number>();
    order.forEach((k, row) => { if (!firstAt.has(k)) firstAt.set(k, row); });
    for (const [k] of [...firstAt].sort((a, b) => a[1] - b[1])) {
      const rows = order.flatMap((x, row) => (x === k ? [row] : []));
      current = kinds[k];
      grouped.addTimes(rows.length, rows[rows.length - 1]);
    }
    assert.deepEqual(grouped.result(), one.result(), viewId);
  }
});

test('a merged process keeps the user of the thread row csysdig merges first, its hash order, not the first seen', () => {
  const ev = (tid: number, user: string) => ({
    'thread.tid': tid, 'proc.pid': 10, 'proc.ppid': 1, 'proc.vpid': 10, 'thread.cpu': 0, 'user.name': user,
    'proc.nthreads': 2, 'thread.vmsize.b': 0, 'thread.vmrss.b': 0, 'evt.buflen.file': 0, 'evt.buflen.net': 0,
    'container.name': 'host', 'proc.exeline': 'httpd',
  });
  // Tids 10 and 11 fall in different buckets of a 13-bucket table: the later one heads the walk.
  const t = run('procs', [ev(10, 'root'), ev(11, 'daemon')]);
  const user = t.columns.findIndex((c) => c.name === 'USER');
  assert.deepEqual(t.keys, ['10']);
  assert.equal(t.rows[0][user], 'daemon');
});
