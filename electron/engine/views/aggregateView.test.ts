import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findView } from '../../../shared/views/catalog';
import { sortRows, ViewAggregator, type CellValue } from './aggregateView';

/** Feeds synthetic events (field → value maps) through a view. */
function run(viewId: string, events: Array<Record<string, CellValue>>) {
  const view = findView(viewId)!;
  let current: Record<string, CellValue> = {};
  const agg = new ViewAggregator(view, (field) => () => current[field] ?? null);
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
