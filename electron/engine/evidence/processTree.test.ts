import { test } from 'node:test';
import assert from 'node:assert/strict';
import { endingsSummary, ProcessTreeBuilder, treeRoots, type ThreadFacts } from './processTree';

function facts(tid: number, pid: number, ptid: number, comm: string, over: Partial<ThreadFacts> = {}): ThreadFacts {
  return { tid, pid, ptid, comm, exe: comm, args: [], uid: 0, containerId: '', ...over };
}

test('a forked child hangs under its parent, reported once though both ends emit the clone', () => {
  const b = new ProcessTreeBuilder();
  b.seed(facts(100, 100, 1, 'bash'));
  b.spawn(facts(200, 200, 100, 'bash'), false, '10', 1); // parent's event (res = 200)
  b.spawn(facts(200, 200, 100, 'bash'), false, '11', 2); // child's event (res = 0)
  b.exec(facts(200, 200, 100, 'curl', { args: ['-s', 'example.com'] }), '12', 3);
  const nodes = b.build();
  assert.equal(nodes.length, 2);
  const curl = nodes.find((n) => n.pid === 200)!;
  assert.equal(curl.ppid, 100);
  assert.equal(curl.cmdline, 'curl -s example.com');
  assert.equal(curl.startTs, '10');
  assert.equal(curl.execs, 1);
  assert.deepEqual(nodes.find((n) => n.pid === 100)!.children, [200]);
  assert.deepEqual(treeRoots(nodes).map((n) => n.pid), [100]);
});

test('a new thread counts towards its process and is not a child process', () => {
  const b = new ProcessTreeBuilder();
  b.seed(facts(100, 100, 1, 'java'));
  b.spawn(facts(101, 100, 1, 'java'), true, '5', 1);
  const nodes = b.build();
  assert.equal(nodes.length, 1);
  assert.equal(nodes[0].threads, 2);
  assert.deepEqual(nodes[0].children, []);
});

test('a process that exits normally is not marked; the exit code comes from the wait status', () => {
  const b = new ProcessTreeBuilder();
  b.spawn(facts(300, 300, 1, 'true'), false, '1', 1);
  b.exit({ ts: '9', evtNum: 7, tid: 300, status: 0 });
  const [p] = b.build();
  assert.equal(p.exitCode, 0);
  assert.equal(p.exitSignal, null);
  assert.equal(p.crashed, false);
  assert.equal(p.exitTs, '9');
});

test('killed by any signal (SIGSEGV with a core, SIGKILL, SIGINT) or a non-zero exit is a crash or failure, named by its exit status', () => {
  const b = new ProcessTreeBuilder();
  b.spawn(facts(1, 1, 0, 'segv'), false, '1', 1);
  b.spawn(facts(2, 2, 0, 'oom'), false, '1', 2);
  b.spawn(facts(3, 3, 0, 'fail'), false, '1', 3);
  b.spawn(facts(4, 4, 0, 'int'), false, '1', 4);
  b.exit({ ts: '2', evtNum: 5, tid: 1, status: 0x80 | 11 });
  b.exit({ ts: '2', evtNum: 6, tid: 2, status: 0, ret: 0, sig: 9, core: false });
  b.exit({ ts: '2', evtNum: 7, tid: 3, status: 1 << 8 });
  b.exit({ ts: '2', evtNum: 8, tid: 4, status: 2 });
  const [segv, oom, fail, int] = b.build();
  assert.deepEqual([segv.crashed, segv.exitSignal, segv.coreDumped, segv.crashReason], [true, 11, true, 'killed by SIGSEGV (core dumped)']);
  assert.deepEqual([oom.crashed, oom.crashReason], [true, 'killed by SIGKILL']);
  assert.deepEqual([fail.crashed, fail.exitCode, fail.crashReason], [true, 1, 'exited with status 1']);
  assert.deepEqual([int.crashed, int.exitSignal, int.exitCode, int.crashReason], [true, 2, null, 'killed by SIGINT']);
  assert.equal(endingsSummary([segv, oom, fail, int, oom]), '2 killed by SIGKILL, 1 exited with status 1, 1 killed by SIGINT, 1 killed by SIGSEGV (core dumped)');
});

test('a thread whose uid was never recorded ((uid_t)-1) has sysdig\'s <NA> user; a uid without a name keeps no name', () => {
  const b = new ProcessTreeBuilder((uid) => (uid === 0 ? 'root' : ''));
  b.seed({ ...facts(1, 1, 0, 'a'), uid: 4294967295 });
  b.seed({ ...facts(2, 2, 0, 'b'), uid: 1000 });
  b.seed({ ...facts(3, 3, 0, 'c'), uid: 0 });
  assert.deepEqual(b.build().map((n) => [n.uid, n.user]), [[4294967295, '<NA>'], [1000, ''], [0, 'root']]);
});

test('a non-leader thread exiting does not end its process; the leader does', () => {
  const b = new ProcessTreeBuilder();
  b.seed(facts(10, 10, 1, 'srv'));
  b.spawn(facts(11, 10, 1, 'srv'), true, '1', 1);
  b.exit({ ts: '2', evtNum: 2, tid: 11, status: 0 });
  assert.equal(b.build()[0].exitTs, null);
  b.exit({ ts: '3', evtNum: 3, tid: 10, status: 0 });
  assert.equal(b.build()[0].exitTs, '3');
});

test('a reused pid after an exit starts a new record, and fds are counted per process', () => {
  const b = new ProcessTreeBuilder();
  b.spawn(facts(50, 50, 1, 'a'), false, '1', 1);
  b.opened(50, 'file');
  b.exit({ ts: '2', evtNum: 2, tid: 50, status: 0 });
  b.spawn(facts(50, 50, 1, 'b'), false, '3', 3);
  b.opened(50, 'connection');
  b.opened(50, 'connection');
  const nodes = b.build();
  assert.deepEqual(nodes.map((n) => [n.name, n.files, n.connections]), [['a', 1, 0], ['b', 0, 2]]);
});

test('user names come from the resolver given to the builder', () => {
  const b = new ProcessTreeBuilder((uid) => (uid === 0 ? 'root' : `uid${uid}`));
  b.seed(facts(1, 1, 0, 'init'));
  b.spawn(facts(2, 2, 1, 'sh', { uid: 1000 }), false, '1', 1);
  assert.deepEqual(b.build().map((n) => n.user), ['root', 'uid1000']);
});

test('a process known only from a placeholder takes its name from its first thread', () => {
  const b = new ProcessTreeBuilder();
  b.seed(facts(842, 842, -1, '<NA>'));
  b.spawn(facts(843, 842, -1, 'curl', { args: ['localhost/bar'] }), true, '1', 1);
  assert.deepEqual(b.build().map((n) => [n.pid, n.cmdline, n.threads]), [[842, 'curl localhost/bar', 2]]);
});

test('a parent named by one of its threads is resolved to its process', () => {
  const b = new ProcessTreeBuilder();
  b.seed(facts(100, 100, 1, 'srv'));
  b.spawn(facts(101, 100, 1, 'srv'), true, '1', 1);
  b.spawn(facts(200, 200, 101, 'child'), false, '2', 2);
  const nodes = b.build();
  assert.equal(nodes[1].ppid, 100);
  assert.equal(nodes[1].parentTid, 101);
  assert.deepEqual(nodes[0].children, [200]);
});

test('files and connections count distinct names, not openings', () => {
  const b = new ProcessTreeBuilder();
  b.seed(facts(7, 7, 1, 'nginx'));
  for (let i = 0; i < 3; i++) b.opened(7, 'file', '/etc/nginx/nginx.conf');
  b.opened(7, 'file', '/var/log/nginx/access.log');
  b.opened(7, 'connection', '1.2.3.4:5->6.7.8.9:80');
  b.opened(7, 'connection', '1.2.3.4:5->6.7.8.9:80');
  assert.deepEqual([b.build()[0].files, b.build()[0].connections], [2, 1]);
});
