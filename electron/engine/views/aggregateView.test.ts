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
