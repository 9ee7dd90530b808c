import { test } from 'node:test';
import assert from 'node:assert/strict';
import { le, makeEvent, str } from '../format/testEvents';
import type { EventContext } from '../inspector/eventContext';
import { FdInfo, FdType } from '../state/fdInfo';
import { ThreadInfo } from '../state/threadInfo';
import { resolveField } from './registry';
import { fdNameFromSocketTuple } from './fdFields';

const AT_FDCWD = -100;

/** A context for one hand-made event: thread known, cwd /home/u/, fd 5 a directory, fd 7 a TCP socket. */
function contextFor(type: number, params: Uint8Array[], fd?: FdInfo): EventContext {
  const dir = Object.assign(new FdInfo(), { type: FdType.Directory, name: '/tmp/dir' });
  const sock = Object.assign(new FdInfo(), { type: FdType.Ipv4Sock, name: '10.0.0.1:5000->10.0.0.2:80', sip: new Uint8Array([10, 0, 0, 1]), dip: new Uint8Array([10, 0, 0, 2]), sport: 5000, dport: 80 });
  const fds = new Map<number, FdInfo>([[5, dir], [7, sock]]);
  const thread = { tid: 100, pid: 100 };
  return {
    ev: makeEvent(type, params), upgraded: null, num: 1, internal: false, firstTs: 0n, prevTs: 0n,
    es: { thread, fd } as unknown as EventContext['es'],
    state: { fdOf: (_t: unknown, n: number) => fds.get(n) } as unknown as EventContext['state'],
    lookup: {
      threadKnown: true, cwd: () => '/home/u/', dirFdPath: () => '', threadComm: () => undefined, userName: () => undefined, groupName: () => undefined,
      fd: (n: number) => { const f = fds.get(n); return f ? { typeChar: 'd', protoChar: '', name: f.name } : undefined; },
    },
  };
}

function text(field: string, ctx: EventContext): string | undefined {
  const dot = field.indexOf('[');
  const g = dot < 0 ? resolveField(field) : resolveField(field.slice(0, dot), field.slice(dot + 1, -1));
  assert.ok(g && !('error' in g), `${field} resolves`);
  return g.format(ctx);
}

test('evt.abspath joins an *at path to its directory fd or the cwd; .src and .dst pick a side of renameat2', () => {
  const mkdirat = contextFor(305, [le(0, 8), le(AT_FDCWD, 8), str('a/../b'), le(0o755, 4)]);
  assert.equal(text('evt.abspath', mkdirat), '/home/u/b');
  const renameat2 = contextFor(319, [le(0, 8), le(5, 8), str('x'), le(AT_FDCWD, 8), str('/abs//y'), le(0, 4)]);
  assert.equal(text('evt.abspath.src', renameat2), '/tmp/dir/x');
  assert.equal(text('evt.abspath.dst', renameat2), '/abs/y');
  assert.equal(text('evt.abspath', renameat2), undefined);
  assert.equal(text('evt.abspath.src', mkdirat), undefined);
});

test('fdlist fields list the polled fds from the thread table, skipping values an fd lacks', () => {
  const fds = [le(2, 2), le(5, 8), le(1, 2), le(7, 8), le(1, 2)];
  const poll = contextFor(80, [new Uint8Array(fds.flatMap((b) => [...b])), le(1000, 8)]);
  assert.equal(text('fdlist.nums', poll), '5,7');
  assert.equal(text('fdlist.names', poll), '/tmp/dir,10.0.0.1:5000->10.0.0.2:80');
  assert.equal(text('fdlist.cips', poll), '10.0.0.1');
  assert.equal(text('fdlist.sports', poll), '80');
  assert.equal(text('fdlist.nums', contextFor(3, [le(3, 8)])), undefined);
});

test('error counters are 1 on a failed event of their kind and have no value otherwise', () => {
  const sock = Object.assign(new FdInfo(), { type: FdType.Ipv4Sock });
  const failedConnect = contextFor(23, [le(-111, 8), new Uint8Array(0), le(7, 8)], sock);
  assert.equal(text('evt.count.error', failedConnect), '1');
  assert.equal(text('evt.count.error.net', failedConnect), '1');
  assert.equal(text('evt.count.error.file', failedConnect), undefined);
  assert.equal(text('evt.count.exit', failedConnect), '1');
  const okConnect = contextFor(23, [le(0, 8), new Uint8Array(0), le(7, 8)], sock);
  assert.equal(text('evt.count.error', okConnect), undefined);
  assert.equal(text('evt.count.exit', contextFor(22, [le(7, 8), new Uint8Array(0)])), undefined);
});

test("evt.count.procinfo counts a procinfo sample of a process's main thread only, as sinsp and the view tables do", () => {
  const sample = (tid: number, pid: number) => {
    const ctx = contextFor(234, [le(10, 8), le(5, 8)]);
    ctx.es.thread = Object.assign(new ThreadInfo(), { tid, pid });
    return ctx;
  };
  assert.equal(text('evt.count.procinfo', sample(100, 100)), '1');
  assert.equal(text('evt.count.procinfo', sample(101, 100)), '0');
});

test('a connect or accept without a table entry is named by its socket tuple parameter alone; an open is not', () => {
  const tuple = new Uint8Array([2, 10, 0, 0, 1, ...le(5000, 2), 10, 0, 0, 2, ...le(80, 2)]);
  const connect = contextFor(23, [le(-111, 8), tuple]);
  assert.equal(fdNameFromSocketTuple(connect), true);
  assert.equal(text('fd.name', connect), '10.0.0.1:5000->10.0.0.2:80');
  const accept = contextFor(27, [le(9, 8), tuple, le(0, 1)]);
  assert.equal(fdNameFromSocketTuple(accept), true);
  const open = contextFor(3, [le(-2, 8), str('/etc/x'), le(0, 4), le(0, 4)]);
  assert.equal(fdNameFromSocketTuple(open), false);
  assert.equal(fdNameFromSocketTuple(contextFor(22, [le(7, 8), tuple])), false, 'connect enter');
});
