import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DeferredUpgrade, LayoutUpgrader } from './upgradeLayout';
import { EVENTS } from '../../../shared/scap/eventTable';
import { paramNumber, paramString } from './params';
import type { CaptureEvent } from './types';
import { cstr, le32, le64, memoryEvent } from './testCapture';

const READ_E = 6, READ_X = 7, WRITE_E = 8, OPEN_E = 2, EXECVE_X_V1 = 13, EXECVE_X = 293, CLONE_E_OLD = 14, CONTAINER_OLD = 228, CONTAINER_JSON = 324;
const params = (ev: CaptureEvent) => Array.from({ length: ev.nparams }, (_, i) => Buffer.from(ev.data.subarray(ev.paramOffset[i], ev.paramOffset[i] + ev.paramLength[i])));

test('an old enter event is stored and dropped; its exit gets the enter parameters appended', () => {
  const up = new LayoutUpgrader();
  assert.equal(up.upgrade(memoryEvent(READ_E, [le64(3), le32(832)], { tid: 5 })), null);
  const out = up.upgrade(memoryEvent(READ_X, [le64(832), Buffer.from('ELF')], { tid: 5, ts: 77n }))!;
  assert.equal(out.type, READ_X);
  assert.equal(out.nparams, EVENTS[READ_X].params.length);
  assert.equal(paramNumber(out, 0), 832);
  assert.equal(paramNumber(out, 2), 3); // fd, from the enter event
  assert.equal(paramNumber(out, 3), 832); // size
  assert.equal(out.ts, 77n);
  assert.equal(out.tid, 5);
  assert.deepEqual(up.stats, { dropped: 1, converted: 1, unconvertible: 0 });
});

test('without a stored enter event (other thread, used up, or of another type) the exit gets type defaults', () => {
  const up = new LayoutUpgrader();
  up.upgrade(memoryEvent(READ_E, [le64(3), le32(832)], { tid: 5 }));
  const other = up.upgrade(memoryEvent(READ_X, [le64(1), Buffer.from('x')], { tid: 6 }))!;
  assert.deepEqual(params(other).slice(2).map((p) => p.length), [8, 4]); // DEFAULT: zero of the type's size
  assert.equal(paramNumber(other, 2), 0);
  up.upgrade(memoryEvent(READ_X, [le64(1), Buffer.from('x')], { tid: 5 })); // uses and deletes the stored event
  assert.equal(paramNumber(up.upgrade(memoryEvent(READ_X, [le64(1), Buffer.from('x')], { tid: 5 }))!, 2), 0);
  up.upgrade(memoryEvent(WRITE_E, [le64(9), le32(1)], { tid: 7 }));
  assert.equal(paramNumber(up.upgrade(memoryEvent(READ_X, [le64(1), Buffer.from('x')], { tid: 7 }))!, 2), 0);
});

test('stored enter events of many threads: used ones stay used and waiting ones stay usable as the store is swept', () => {
  const up = new LayoutUpgrader();
  // Thread 1 stores an enter event and waits; threads 1000.. each store one and use it.
  up.upgrade(memoryEvent(READ_E, [le64(41), le32(8)], { tid: 1 }));
  for (let tid = 1000; tid < 4000; tid++) {
    up.upgrade(memoryEvent(READ_E, [le64(tid), le32(8)], { tid }));
    assert.equal(paramNumber(up.upgrade(memoryEvent(READ_X, [le64(8), Buffer.from('x')], { tid }))!, 2), tid);
  }
  for (let tid = 1000; tid < 4000; tid += 7) assert.equal(paramNumber(up.upgrade(memoryEvent(READ_X, [le64(8), Buffer.from('x')], { tid }))!, 2), 0);
  assert.equal(paramNumber(up.upgrade(memoryEvent(READ_X, [le64(8), Buffer.from('x')], { tid: 1 }))!, 2), 41);
  assert.equal(paramNumber(up.upgrade(memoryEvent(READ_X, [le64(8), Buffer.from('x')], { tid: 1 }))!, 2), 0);
});

test('conversions chain until the newest id: execve v1 exit becomes the current execve exit', () => {
  const up = new LayoutUpgrader();
  const v1 = memoryEvent(EXECVE_X_V1, [le64(0), cstr('/bin/ls'), Buffer.from('-l\0'), le64(10), le64(10), le64(1), cstr('/root'), le64(1024)]);
  const out = up.upgrade(v1)!;
  assert.equal(out.type, EXECVE_X);
  assert.equal(out.nparams, EVENTS[EXECVE_X].params.length);
  assert.equal(paramString(out, 1), '/bin/ls');
  assert.equal(paramString(out, 6), '/root');
  assert.equal(paramNumber(out, 3), 10);
  assert.equal(out.paramLength[13], 0); // comm: did not exist in v1, empty = unknown
});

test('open enter events without parameters get three empty ones and pass', () => {
  const out = new LayoutUpgrader().upgrade(memoryEvent(OPEN_E, []))!;
  assert.equal(out.type, OPEN_E);
  assert.deepEqual(params(out).map((p) => p.length), [0, 0, 0]);
});

test('old enter events the converter does not manage are dropped', () => {
  const up = new LayoutUpgrader();
  assert.equal(up.upgrade(memoryEvent(CLONE_E_OLD, [])), null);
  assert.equal(up.stats.dropped, 1);
});

test('the pre-JSON container event becomes a container JSON event', () => {
  const out = new LayoutUpgrader().upgrade(memoryEvent(CONTAINER_OLD, [cstr('abc123'), le32(0), cstr('web'), cstr('nginx:1')]))!;
  assert.equal(out.type, CONTAINER_JSON);
  assert.deepEqual(JSON.parse(paramString(out, 0)!), { id: 'abc123', type: 0, name: 'web', image: 'nginx:1' });
});

test('current events and ids newer than the table pass unchanged (same object)', () => {
  const up = new LayoutUpgrader();
  const current = memoryEvent(READ_X, [le64(1), Buffer.from('x'), le64(3), le32(1)]);
  assert.equal(up.upgrade(current), current);
  const future = memoryEvent(9999, [le32(1)]);
  assert.equal(up.upgrade(future), future);
});

test('an event with more parameters than the table passes unchanged and is counted as a problem', () => {
  const up = new LayoutUpgrader();
  const ev = memoryEvent(READ_X, [le64(1), Buffer.from('x'), le64(3), le32(1), le32(5)]);
  assert.equal(up.upgrade(ev), ev);
  assert.equal(up.stats.unconvertible, 1);
  assert.match([...up.problems.keys()][0], /more than the 4/);
});

test('reset forgets stored enter events (a new section starts)', () => {
  const up = new LayoutUpgrader();
  up.upgrade(memoryEvent(READ_E, [le64(3), le32(832)], { tid: 5 }));
  up.reset();
  assert.equal(paramNumber(up.upgrade(memoryEvent(READ_X, [le64(1), Buffer.from('x')], { tid: 5 }))!, 2), 0);
});

test('interleaved threads each get their own enter parameters', () => {
  const up = new LayoutUpgrader();
  up.upgrade(memoryEvent(READ_E, [le64(11), le32(100)], { tid: 1 }));
  up.upgrade(memoryEvent(READ_E, [le64(22), le32(200)], { tid: 2 }));
  const one = up.upgrade(memoryEvent(READ_X, [le64(1), Buffer.from('a')], { tid: 1 }))!;
  assert.deepEqual([paramNumber(one, 2), paramNumber(one, 3)], [11, 100]);
  const two = up.upgrade(memoryEvent(READ_X, [le64(1), Buffer.from('b')], { tid: 2 }))!;
  assert.deepEqual([paramNumber(two, 2), paramNumber(two, 3)], [22, 200]);
});

test('parameters not laid out back to back in the source event are each copied to their place', () => {
  const up = new LayoutUpgrader();
  // fd after size in the bytes, with a gap: offsets say where each one is.
  const data = Buffer.concat([Buffer.alloc(3), le32(832), Buffer.alloc(5, 0xee), le64(3)]);
  const enter: CaptureEvent = { ...memoryEvent(READ_E, [], { tid: 5 }), data, nparams: 2, paramOffset: Uint32Array.of(12, 3), paramLength: Uint32Array.of(8, 4) };
  up.upgrade(enter);
  const out = up.upgrade(memoryEvent(READ_X, [le64(832), Buffer.from('ELF')], { tid: 5 }))!;
  assert.deepEqual(params(out).map((p) => p.toString('hex')), [le64(832), Buffer.from('ELF'), le64(3), le32(832)].map((p) => p.toString('hex')));
});

test('long parameters are copied whole and enter values longer than the target type are cut to its size', () => {
  const up = new LayoutUpgrader();
  const payload = Buffer.from(Array.from({ length: 300 }, (_, i) => i & 0xff));
  up.upgrade(memoryEvent(READ_E, [le64(7), le64(0x1_0000_0005n)], { tid: 9 })); // size written as 8 bytes
  const out = up.upgrade(memoryEvent(READ_X, [le64(300), payload], { tid: 9 }))!;
  assert.ok(params(out)[1].equals(payload));
  assert.equal(out.paramLength[3], 4); // size is a UINT32
  assert.equal(paramNumber(out, 3), 5);
});

test('an upgrade handed out unbuilt reads as upgrade() builds it, whether or not earlier ones were read', () => {
  const sequence = (): CaptureEvent[] => [
    memoryEvent(READ_E, [le64(3), le32(832)], { tid: 5 }),
    memoryEvent(READ_E, [le64(4), le32(16)], { tid: 6 }),
    memoryEvent(READ_X, [le64(832), Buffer.from('ELF')], { tid: 5, ts: 7n }),
    memoryEvent(READ_X, [le64(1), Buffer.from('x')], { tid: 5 }), // its enter event is used up
    memoryEvent(WRITE_E, [le64(9), le32(1)], { tid: 6 }),
    memoryEvent(READ_X, [le64(2), Buffer.from('yz')], { tid: 6 }), // stored enter of another type
    memoryEvent(EXECVE_X_V1, [le64(0), cstr('/bin/ls'), Buffer.from('-l\0'), le64(10), le64(10), le64(1), cstr('/root'), le64(1024)]),
    memoryEvent(CONTAINER_OLD, [cstr('abc123'), le32(0), cstr('web'), cstr('nginx:1')]),
  ];
  const eager = new LayoutUpgrader();
  const expected = sequence().map((ev) => { const out = eager.upgrade(ev); return out && { type: out.type, ts: out.ts, tid: out.tid, params: params(out) }; });
  for (const readEvery of [1, 2, 3]) {
    const lazy = new LayoutUpgrader();
    sequence().forEach((ev, i) => {
      const out = lazy.upgradeWhenRead(ev);
      assert.equal(out === null, expected[i] === null, `event ${i}`);
      if (out === null) return;
      assert.equal(out.type, expected[i]!.type, `type of event ${i}`);
      if (i % readEvery === 0) assert.deepEqual({ type: out.type, ts: out.ts, tid: out.tid, params: params(out) }, expected[i], `event ${i}`);
    });
    assert.deepEqual(lazy.stats, eager.stats);
  }
});

test('an upgrade whose parameters are never read is never built', () => {
  const up = new LayoutUpgrader();
  up.upgradeWhenRead(memoryEvent(READ_E, [le64(3), le32(832)], { tid: 5 }));
  const out = up.upgradeWhenRead(memoryEvent(READ_X, [le64(832), Buffer.from('ELF')], { tid: 5 }));
  assert.ok(out instanceof DeferredUpgrade);
  assert.equal(out.type, READ_X);
  assert.equal(out.built, null);
  assert.equal(paramNumber(out, 2), 3);
  assert.notEqual(out.built, null);
});

test('exits that take two rounds of added parameters are built once, deferred, with what the two rounds give', () => {
  const OPEN_X = 3, SOCKET_E = 18, SOCKET_X = 19, CONNECT_E = 22, CONNECT_X = 23;
  const up = new LayoutUpgrader();
  // open exit of 4 parameters: + dev, + ino (both empty in the old layouts)
  const open = up.upgradeWhenRead(memoryEvent(OPEN_X, [le64(3), cstr('/etc/hosts'), le32(1), le32(0)], { tid: 5 }))!;
  assert.ok(open instanceof DeferredUpgrade);
  assert.equal(open.nparams, EVENTS[OPEN_X].params.length);
  assert.equal(open.built, null);
  assert.equal(paramString(open, 1), '/etc/hosts');
  assert.deepEqual(params(open).slice(4).map((p) => p.length), [0, 0]);
  // socket exit of 1 parameter: + domain, type, proto from its enter event, + flags (0)
  assert.equal(up.upgradeWhenRead(memoryEvent(SOCKET_E, [le32(2), le32(1), le32(6)], { tid: 5 })), null);
  const socket = up.upgradeWhenRead(memoryEvent(SOCKET_X, [le64(7)], { tid: 5 }))!;
  assert.ok(socket instanceof DeferredUpgrade);
  assert.deepEqual(params(socket).map((p) => p.length), [8, 4, 4, 4, 4]);
  assert.deepEqual([1, 2, 3, 4].map((i) => paramNumber(socket, i)), [2, 1, 6, 0]);
  // connect exit of 2 parameters: + fd from its enter event; the second round finds that enter
  // event used up by the first, so addr gets its default (empty)
  assert.ok(up.upgradeWhenRead(memoryEvent(CONNECT_E, [le64(7), Buffer.from([2, 0, 0, 80, 1, 2, 3, 4])], { tid: 5 })) !== null);
  const connect = up.upgradeWhenRead(memoryEvent(CONNECT_X, [le64(0), Buffer.from([2, 1, 2, 3, 4, 0, 80, 5, 6, 7, 8, 0x1f, 0x90])], { tid: 5 }))!;
  assert.equal(connect.nparams, EVENTS[CONNECT_X].params.length);
  assert.equal(paramNumber(connect, 2), 7);
  assert.equal(connect.paramLength[3], 0);
  assert.deepEqual(up.stats, { dropped: 1, converted: 3, unconvertible: 0 });
});
