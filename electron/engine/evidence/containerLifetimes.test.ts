import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ContainerLifetimeBuilder, restartGroups } from './containerLifetimes';
import { ProcessTreeBuilder, type ThreadFacts } from './processTree';

function facts(tid: number, ptid: number, comm: string, containerId: string, vpid?: number): ThreadFacts {
  return { tid, pid: tid, ptid, comm, exe: comm, args: [], uid: 0, containerId, vpid, vtid: vpid };
}

test('first and last sighting span the container events, even when time steps backwards', () => {
  const c = new ContainerLifetimeBuilder();
  c.touch('abc', 100n, 1);
  c.touch('abc', 90n, 2);
  c.touch('abc', 150n, 3);
  c.touch('', 10n, 4);
  const [l] = c.build([]);
  assert.deepEqual([l.id, l.firstTs, l.lastTs, l.firstEvtNum, l.lastEvtNum, l.events], ['abc', '90', '150', 1, 3, 3]);
  assert.equal(l.hasMetadata, false);
});

test('a container whose main process (pid 1 inside) crashed and came back counts a death and a restart', () => {
  const t = new ProcessTreeBuilder();
  t.seed(facts(500, 1, 'containerd-shim', ''));
  t.spawn(facts(600, 500, 'app', 'c1', 1), false, '10', 1);
  t.spawn(facts(601, 600, 'worker', 'c1', 7), false, '11', 2);
  t.exit({ ts: '20', evtNum: 3, tid: 601, status: 0 });
  t.exit({ ts: '21', evtNum: 4, tid: 600, status: 0x80 | 6 });
  t.spawn(facts(700, 500, 'app', 'c1', 1), false, '30', 5);
  const c = new ContainerLifetimeBuilder();
  c.describe('c1', { name: 'web', image: 'nginx:1' });
  for (const [ts, n] of [[10n, 1], [30n, 5]] as const) c.touch('c1', ts, n);
  const [l] = c.build(t.build());
  assert.equal(l.name, 'web');
  assert.equal(l.hasMetadata, true);
  assert.deepEqual(l.processes, [600, 601, 700]);
  assert.deepEqual(l.mainProcesses.map((m) => [m.pid, m.crashed, m.exitSignal]), [[600, true, 6], [700, false, null]]);
  assert.equal(l.deaths, 1);
  assert.equal(l.restarts, 1);
  assert.equal(l.died, false);
});

test('without pid-namespace facts the main process is the one whose parent is outside the container', () => {
  const t = new ProcessTreeBuilder();
  t.spawn(facts(10, 1, 'sh', 'c2'), false, '1', 1);
  t.spawn(facts(11, 10, 'sleep', 'c2'), false, '2', 2);
  t.exit({ ts: '3', evtNum: 3, tid: 11, status: 0 });
  t.exit({ ts: '4', evtNum: 4, tid: 10, status: 1 << 8 });
  const [l] = new ContainerLifetimeBuilder().build(t.build());
  assert.deepEqual(l.mainProcesses.map((m) => [m.pid, m.exitCode]), [[10, 1]]);
  assert.equal(l.deaths, 1);
  assert.equal(l.restarts, 0);
  assert.equal(l.died, true);
});

test('kubernetes restarts are counted across container instances, with the back-off between them', () => {
  const t = new ProcessTreeBuilder();
  const c = new ContainerLifetimeBuilder();
  const name = (n: number) => `k8s_nginx_web-1_default_8c84ce70_${n}`;
  ['a1', 'a2', 'a3'].forEach((id, i) => {
    const start = 100 * (i + 1);
    c.describe(id, { name: name(i), image: 'nginx' });
    c.touch(id, BigInt(start), i * 10 + 1);
    t.spawn(facts(1000 + i, 1, 'nginx', id, 1), false, String(start), i * 10 + 1);
    if (i < 2) t.exit({ ts: String(start + 5), evtNum: i * 10 + 2, tid: 1000 + i, status: 1 << 8 });
  });
  c.describe('p1', { name: 'k8s_POD_web-1_default_8c84ce70_0', image: 'pause' });
  const groups = restartGroups(c.build(t.build()));
  assert.equal(groups.length, 1);
  assert.deepEqual(groups[0], {
    key: 'default/web-1/nginx', kind: 'kubernetes', container: 'nginx', pod: 'web-1', namespace: 'default',
    instances: ['a1', 'a2', 'a3'], deaths: 2, restarts: 2, backoffNs: ['95', '95'], endings: ['exited 1', 'exited 1'],
  });
});
