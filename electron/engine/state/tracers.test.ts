import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EventState, SystemState } from './systemState';
import { FdType } from './fdInfo';
import { MAX_OPEN_SPANS, type TracerEvent } from './tracers';
import { event, p, process } from './testing/eventBuilder';
import { deepCopy } from '../evidence/stateCheckpoint';

const WRITE_E = 8, WRITE_X = 9;

/** Threads 10 and 20 (processes 10 and 20) with /dev/null on fd 3 and a log file on fd 4. */
function host() {
  const s = new SystemState();
  const es = new EventState();
  let ts = 1000n;
  for (const tid of [10, 20]) {
    s.addProcess(process({ tid, ptid: 1 }));
    s.addFd({ tid, fd: 3, ino: 0n, type: FdType.FileV2, name: '/dev/null', openFlags: 1, mountId: 0, dev: 0 });
    s.addFd({ tid, fd: 4, ino: 0n, type: FdType.FileV2, name: '/var/log/app.log', openFlags: 1, mountId: 0, dev: 0 });
  }
  const write = (tid: number, text: string, fd = 3): TracerEvent | undefined => {
    const data = new TextEncoder().encode(text);
    const enter = event(WRITE_E, tid, ts++, [p.i64(fd), p.u32(data.length)]);
    s.process(enter, enter, es);
    const exit = event(WRITE_X, tid, ts++, [p.i64(data.length), data]);
    s.process(exit, exit, es);
    return es.tracer;
  };
  return { write };
}

test('an exit tracer closes the enter with the same id and tags and knows its span', () => {
  const { write } = host();
  const open = write(10, '>:7:db.query:sql=select:')!;
  assert.equal(open.enter, true);
  assert.equal(open.span?.argValues[0], 'select');
  assert.equal(write(10, '<:7:db.other::')?.span, undefined, 'other tags: no span');
  const close = write(10, '<:7:db.query:rows=3:')!;
  assert.equal(close.enter, false);
  assert.equal(close.span, open.span);
  assert.equal(close.ts - close.span!.ts, 4n, "exit time minus enter time");
  assert.deepEqual(close.argNames, ['rows']);
  assert.equal(write(10, '<:7:db.query::')?.span, undefined, 'a span closes once');
});

test('a span opened by one thread can be closed by another', () => {
  const { write } = host();
  const open = write(10, '>:g:job::')!;
  assert.equal(write(20, '<:g:job::')?.span, open.span);
});

test('the newest open span with the same id and tags is closed first', () => {
  const { write } = host();
  write(10, '>:1:a:n=outer:');
  write(10, '>:1:a:n=inner:');
  assert.equal(write(10, '<:1:a::')?.span?.argValues[0], 'inner');
  assert.equal(write(10, '<:1:a::')?.span?.argValues[0], 'outer');
});

test('a /dev/null fd whose first write is no tracer is never read as one again', () => {
  const { write } = host();
  assert.equal(write(10, 'hello'), undefined);
  assert.equal(write(10, '>:1:a::'), undefined);
  assert.ok(write(20, '>:1:a::'), 'the other process has its own fd');
});

test('only writes to /dev/null are tracers', () => {
  const { write } = host();
  assert.equal(write(10, '>:1:a::', 4), undefined);
});

test('a tracer split over writes is read once complete; the incomplete writes have no span values', () => {
  const { write } = host();
  const first = write(10, '>:5:lo')!;
  assert.equal(first.truncated, true);
  assert.equal(write(10, 'ng.tag:k=')?.truncated, true);
  const done = write(10, 'v:')!;
  assert.equal(done.truncated, false);
  assert.deepEqual(done.tags, ['long', 'tag']);
  assert.equal(done.span?.argValues[0], 'v');
});

test('a malformed write on a tracer fd is an invalid tracer naming the text', () => {
  const { write } = host();
  const open = write(10, '>:9:x:a=1:')!;
  const bad = write(10, 'oops')!;
  assert.equal(bad.enter, true);
  assert.equal(bad.id, 9n, 'the previous id stays');
  assert.deepEqual(bad.tags, ['invalid tracer oops, len4']);
  assert.equal(bad.span, open.span, 'the thread keeps its span');
});

test('when the open spans fill up they are all forgotten', () => {
  const { write } = host();
  for (let i = 0; i < MAX_OPEN_SPANS; i++) write(10, `>:${i + 1}:s::`);
  const overflow = write(10, '>:999:s::')!;
  assert.equal(overflow.span?.id, BigInt(MAX_OPEN_SPANS), 'the thread keeps its previous span');
  assert.equal(write(10, '<:1:s::')?.span, undefined);
  assert.equal(write(10, '<:999:s::')?.span, undefined);
});

test('open spans and tracer fds survive a checkpoint copy of the state', () => {
  const s = new SystemState();
  const es = new EventState();
  s.addProcess(process({ tid: 10 }));
  s.addFd({ tid: 10, fd: 3, ino: 0n, type: FdType.FileV2, name: '/dev/null', openFlags: 1, mountId: 0, dev: 0 });
  const write = (state: SystemState, text: string, ts: bigint) => {
    const data = new TextEncoder().encode(text);
    const enter = event(WRITE_E, 10, ts, [p.i64(3), p.u32(data.length)]);
    state.process(enter, enter, es);
    const exit = event(WRITE_X, 10, ts + 1n, [p.i64(data.length), data]);
    state.process(exit, exit, es);
    return es.tracer;
  };
  write(s, '>:3:copy:k=v:', 100n);
  const copy = deepCopy(s);
  assert.equal(write(copy, '<:3:copy::', 200n)?.span?.argValues[0], 'v');
  assert.equal(write(s, '<:3:copy::', 200n)?.span?.argValues[0], 'v', 'the original is untouched');
});
