import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EventState, SystemState } from './systemState';
import { event, p, process } from './testing/eventBuilder';
import { FdType } from './fdInfo';
import { PPM_CL_CLONE_FILES } from './threadInfo';

// Event ids (scap-event-table.md): open E/X 2/3, close E/X 4/5, socket E/X 18/19, connect E/X 22/23,
// clone X 223, execve E/X 292/293, procexit 186, read E 6.
function run(state: SystemState, ...evs: ReturnType<typeof event>[]): EventState {
  const es = new EventState();
  for (const ev of evs) state.process(ev, ev, es);
  return es;
}

test('an event of an unknown thread gets a placeholder named <NA>', () => {
  const s = new SystemState();
  const es = run(s, event(6, 4242, 1n, [p.i64(3), p.u32(10)]));
  assert.equal(es.thread?.tid, 4242);
  assert.equal(es.thread?.comm, '<NA>');
  assert.equal(es.thread?.pid, 4242);
  assert.equal(es.thread?.ptid, -1);
});

test('open resolves a relative name against the cwd and adds the fd; close removes it after the next event', () => {
  const s = new SystemState();
  s.addProcess(process({ tid: 100, cwd: '/home/u' }));
  run(s,
    event(2, 100, 1n, [p.str('notes/../a.txt'), p.u32(1), p.u32(0)]),
    event(3, 100, 2n, [p.i64(5), p.str('notes/../a.txt'), p.u32(1), p.u32(0)]));
  const t = s.threads.get(100)!;
  assert.equal(s.fdOf(t, 5)?.name, '/home/u/a.txt');
  assert.equal(s.fdOf(t, 5)?.type, FdType.FileV2);
  const closeExit = run(s, event(4, 100, 3n, [p.i64(5)]), event(5, 100, 4n, [p.i64(0)]));
  assert.equal(closeExit.fd?.name, '/home/u/a.txt', 'the closing event still sees the fd');
  run(s, event(6, 100, 5n, [p.i64(1), p.u32(1)]));
  assert.equal(s.fdOf(t, 5), undefined);
});

test('a failed close keeps the fd', () => {
  const s = new SystemState();
  s.addProcess(process({ tid: 100 }));
  s.addFd({ tid: 100, fd: 7, ino: 0n, type: FdType.FileV2, name: '/etc/hosts', openFlags: 0, mountId: 0, dev: 0 });
  run(s, event(4, 100, 1n, [p.i64(7)]), event(5, 100, 2n, [p.i64(-9)]), event(6, 100, 3n, [p.i64(7), p.u32(1)]));
  assert.equal(s.fdOf(s.threads.get(100)!, 7)?.name, '/etc/hosts');
});

function cloneExit(tid: number, res: number, pid: number, ptid: number, flags: number, comm: string): ReturnType<typeof event> {
  // res exe args tid pid ptid cwd fdlimit pgft_maj pgft_min vm_size vm_rss vm_swap comm cgroups flags uid gid vtid vpid
  return event(223, tid, 10n, [p.i64(res), p.str('/bin/' + comm), p.list(['-x']), p.i64(tid), p.i64(pid), p.i64(ptid), p.str(''),
    p.i64(1024), p.i64(0), p.i64(0), p.u32(0), p.u32(0), p.u32(0), p.str(comm), p.list(['cpu=/docker/' + 'ab'.repeat(32)]),
    // vtid/vpid are the ids of the thread that reports the event, here outside any pid namespace.
    p.u32(flags), p.u32(1000), p.u32(1000), p.i64(tid), p.i64(pid)]);
}

test('the caller side of clone creates the child with a copy of the parent fds and cwd', () => {
  const s = new SystemState();
  s.addProcess(process({ tid: 200, cwd: '/srv' }));
  s.addFd({ tid: 200, fd: 3, ino: 0n, type: FdType.FileV2, name: '/srv/log', openFlags: 0, mountId: 0, dev: 0 });
  run(s, cloneExit(200, 201, 200, 1, 0, 'worker'));
  const child = s.threads.get(201)!;
  assert.equal(child.ptid, 200);
  assert.equal(child.comm, 'worker');
  assert.equal(s.cwdOf(child), '/srv/');
  assert.equal(s.fdOf(child, 3)?.name, '/srv/log');
  assert.notEqual(s.fdOf(child, 3), s.fdOf(s.threads.get(200)!, 3), 'the table is copied, not shared');
  assert.equal(child.containerId, 'abababababab');
});

test('a new thread shares its leader fd table', () => {
  const s = new SystemState();
  s.addProcess(process({ tid: 300 }));
  run(s, cloneExit(300, 301, 300, 1, 0x2000 /* CLONE_THREAD */, 'proc'));
  const th = s.threads.get(301)!;
  assert.equal(th.pid, 300);
  s.addFd({ tid: 300, fd: 9, ino: 0n, type: FdType.Fifo, name: 'pipe:[1]', openFlags: 0, mountId: 0, dev: 0 });
  assert.equal(s.fdOf(th, 9)?.name, 'pipe:[1]');
  assert.equal(s.fdTableOf(th), s.threads.get(300)!.fds);
});

test('a new thread makes no fd table or child set of its own; a new process gets both when first needed', () => {
  const s = new SystemState();
  s.addProcess(process({ tid: 400 }));
  run(s, cloneExit(400, 401, 400, 1, 0x2000 /* CLONE_THREAD */, 'proc'));
  const th = s.threads.get(401)!;
  assert.equal(s.fdOf(th, 9), undefined);
  assert.equal(th.fdsIfAny, undefined, 'a lookup through the leader makes no table for the thread');
  assert.equal(th.children, undefined);
  assert.deepEqual([...s.threads.get(400)!.children!], [401]);
  run(s, cloneExit(401, 402, 401, 2, 0, 'child'));
  assert.deepEqual([...th.children!], [402], 'the first child makes the set');
  const child = s.threads.get(402)!;
  s.addFd({ tid: 402, fd: 4, ino: 0n, type: FdType.Fifo, name: 'pipe:[2]', openFlags: 0, mountId: 0, dev: 0 });
  assert.equal(child.fdsIfAny?.get(4)?.name, 'pipe:[2]');
});

test('execve renames the process and procexit removes the thread after the next event', () => {
  const s = new SystemState();
  s.addProcess(process({ tid: 400, comm: 'bash' }));
  const execveExit = event(293, 400, 2n, [p.i64(0), p.str('/usr/bin/cat'), p.list(['/etc/hosts']), p.i64(400), p.i64(400), p.i64(1),
    p.str(''), p.i64(1024), p.i64(0), p.i64(0), p.u32(0), p.u32(0), p.u32(0), p.str('cat')]);
  run(s, event(292, 400, 1n, [p.str('/usr/bin/cat')]), execveExit);
  const t = s.threads.get(400)!;
  assert.equal(t.comm, 'cat');
  assert.deepEqual(t.args, ['/etc/hosts']);
  assert.equal(t.exepath, '/usr/bin/cat');
  const es = run(s, event(186, 400, 3n, [p.i64(0)]));
  assert.equal(es.thread?.comm, 'cat', 'procexit still sees its thread');
  assert.ok(s.threads.has(400));
  run(s, event(6, 999, 4n, [p.i64(0), p.u32(1)]));
  assert.ok(!s.threads.has(400));
});

test('a procexit moves threadEpoch once, when its thread is removed (also when the next procexit removes it)', () => {
  const s = new SystemState();
  s.addProcess(process({ tid: 410 }));
  s.addProcess(process({ tid: 411 }));
  s.addProcess(process({ tid: 412 }));
  run(s, event(6, 410, 1n, [p.i64(0), p.u32(1)]));
  const before = s.threadEpoch;
  run(s, event(186, 410, 2n, [p.i64(0)]));
  assert.equal(s.threadEpoch, before, 'marking the thread exited changes nothing a field reads');
  run(s, event(186, 411, 3n, [p.i64(0)]));
  assert.ok(!s.threads.has(410));
  assert.equal(s.threadEpoch, before + 1, "the second procexit removes the first one's thread");
  run(s, event(6, 412, 4n, [p.i64(0), p.u32(1)]));
  assert.ok(!s.threads.has(411));
  assert.equal(s.threadEpoch, before + 2);
});

test('socket then connect gives an IPv4 TCP client socket named by its tuple', () => {
  const s = new SystemState();
  s.addProcess(process({ tid: 500 }));
  run(s,
    event(18, 500, 1n, [p.u32(2), p.u32(1), p.u32(0)]),
    event(19, 500, 2n, [p.i64(4)]),
    event(22, 500, 3n, [p.i64(4), p.addr4([10, 0, 0, 2], 80)]),
    event(23, 500, 4n, [p.i64(0), p.tuple4([10, 0, 0, 1], 4242, [10, 0, 0, 2], 80)]));
  const fd = s.fdOf(s.threads.get(500)!, 4)!;
  assert.equal(fd.type, FdType.Ipv4Sock);
  assert.equal(fd.name, '10.0.0.1:4242->10.0.0.2:80');
  assert.equal(fd.l4Letter, 't');
});

test('exit events pair with the previous enter event of the same syscall only', () => {
  const s = new SystemState();
  s.addProcess(process({ tid: 600 }));
  s.addFd({ tid: 600, fd: 3, ino: 0n, type: FdType.FileV2, name: '/data', openFlags: 0, mountId: 0, dev: 0 });
  const paired = run(s, event(6, 600, 100n, [p.i64(3), p.u32(10)]), event(7, 600, 150n, [p.i64(10), p.str('x')]));
  assert.equal(paired.enterValid, true);
  assert.equal(paired.fd?.name, '/data');
  assert.equal(paired.latencyNs, 50n);
  const unpaired = run(s, event(8, 600, 200n, [p.i64(3), p.u32(1)]), event(7, 600, 210n, [p.i64(1), p.str('x')]));
  assert.equal(unpaired.enterValid, false);
});

test('a procinfo tid found in no thread is found once a thread of that tid is added, and not before', () => {
  const s = new SystemState();
  s.addProcess(process({ tid: 200, cwd: '/srv' }));
  const procinfo = (tid: number, ts: bigint) => event(234, tid, ts, [p.i64(1), p.i64(2)]);
  assert.equal(run(s, procinfo(201, 1n)).thread, undefined);
  // Another thread added in between (its tid shares no slot with 201) leaves 201 absent.
  run(s, cloneExit(200, 202, 200, 2, 0, 'other'));
  assert.equal(run(s, procinfo(201, 3n)).thread, undefined);
  assert.equal(s.threads.has(201), false, 'a procinfo event makes no placeholder');
  run(s, cloneExit(200, 201, 200, 4, 0, 'worker'));
  assert.equal(run(s, procinfo(201, 5n)).thread?.comm, 'worker');
  // A tid sharing 201's slot (16,384 apart) takes the note over; 201 is still found.
  assert.equal(run(s, procinfo(201 + 16384, 6n)).thread, undefined);
  assert.equal(run(s, procinfo(201, 7n)).thread?.comm, 'worker');
  // A placeholder (any event of an unknown tid) is a thread too.
  assert.equal(run(s, procinfo(300, 8n)).thread, undefined);
  run(s, event(6, 300, 9n, [p.i64(3), p.u32(10)]));
  assert.equal(run(s, procinfo(300, 10n)).thread?.tid, 300);
});

test('an event after its thread was removed gets a new thread, and a replaced leader is the one found', () => {
  const s = new SystemState();
  s.addProcess(process({ tid: 400, comm: 'bash' }));
  const first = run(s, event(6, 400, 1n, [p.i64(0), p.u32(1)])).thread;
  assert.equal(first?.comm, 'bash');
  run(s, event(186, 400, 2n, [p.i64(0)]));
  const next = run(s, event(6, 400, 3n, [p.i64(0), p.u32(1)])).thread;
  assert.notEqual(next, first);
  assert.equal(next?.comm, '<NA>');

  s.addProcess(process({ tid: 500, comm: 'old' }));
  s.addProcess(process({ tid: 501, pid: 500, flags: PPM_CL_CLONE_FILES }));
  const worker = s.threads.get(501)!;
  assert.equal(s.mainThreadOf(worker)?.comm, 'old');
  s.addProcess(process({ tid: 500, comm: 'new' }));
  assert.equal(s.mainThreadOf(worker)?.comm, 'new');
});

test('a caller inside a pid namespace does not create the child (its tid is namespace-relative)', () => {
  const s = new SystemState();
  s.addProcess(process({ tid: 700, vtid: 1, vpid: 1 }));
  const ev = cloneExit(700, 12, 700, 1, 0, 'sh');
  // The reporting thread's vtid (param 18) is 1, not its host tid.
  ev.data.set(p.i64(1), ev.paramOffset[18]);
  run(s, ev);
  assert.equal(s.threads.has(12), false);
});

test('latency from timestamp halves equals the bigint difference, across a 2^32 carry and beyond 2^53', () => {
  const halves = (ev: ReturnType<typeof event>) => Object.assign(ev, { tsHi: Number(ev.ts >> 32n), tsLo: Number(ev.ts & 0xffffffffn) });
  const cases: Array<[bigint, bigint]> = [
    [(1n << 32n) - 10n, (1n << 32n) + 40n],
    [1_700_000_000_123_456_789n, 1_700_000_003_000_000_001n],
    [1_700_000_003_000_000_001n, 1_700_000_000_123_456_789n],
    [5n, (1n << 60n) + 7n],
  ];
  for (const [enter, exit] of cases) {
    for (const withHalves of [false, true]) {
      const s = new SystemState();
      s.addProcess(process({ tid: 700 }));
      const e1 = event(6, 700, enter, [p.i64(3), p.u32(10)]);
      const e2 = event(7, 700, exit, [p.i64(10), p.str('x')]);
      const es = run(s, withHalves ? halves(e1) : e1, withHalves ? halves(e2) : e2);
      assert.equal(es.latencyNs, exit - enter);
      assert.equal(es.latency, Number(exit - enter));
    }
  }
});

test("an exit reads its own thread's enter event also when a thread gone from the table left its enter copy behind", () => {
  const s = new SystemState();
  s.addProcess(process({ tid: 500, cwd: '/a' }));
  s.addProcess(process({ tid: 501, cwd: '/b' }));
  s.addProcess(process({ tid: 502, cwd: '/c' }));
  run(s,
    event(2, 500, 1n, [p.str('a-rather-long-file-name.txt'), p.u32(1), p.u32(0)]),
    event(3, 500, 2n, [p.i64(5), p.str('a-rather-long-file-name.txt'), p.u32(1), p.u32(0)]),
    event(186, 500, 3n, [p.i64(0)]),
    // 500 leaves the table here, before 501's first enter event is kept.
    event(2, 501, 4n, [p.str('x'), p.u32(1), p.u32(0)]));
  assert.ok(!s.threads.has(500));
  const longName = 'n'.repeat(200);
  run(s,
    event(2, 502, 5n, [p.str(longName), p.u32(1), p.u32(0)]),
    // Exits with no name of their own: the name comes from the paired enter event.
    event(3, 501, 6n, [p.i64(6), p.str(''), p.u32(1), p.u32(0)]),
    event(3, 502, 7n, [p.i64(7), p.str(''), p.u32(1), p.u32(0)]));
  assert.equal(s.fdOf(s.threads.get(501)!, 6)?.name, '/b/x');
  assert.equal(s.fdOf(s.threads.get(502)!, 7)?.name, '/c/' + longName);
});
