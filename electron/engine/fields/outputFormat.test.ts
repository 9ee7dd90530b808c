import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatLine, parseOutputFormat } from './outputFormat';
import { resolveField } from './registry';
import { EventState, SystemState } from '../state/systemState';
import { event, p, process } from '../state/testing/eventBuilder';
import { ThreadLookup } from '../inspector/threadLookup';
import type { EventContext } from '../inspector/eventContext';
import type { CaptureEvent } from '../capture/types';

/** Runs events through the state engine and returns the context of the last one. */
function contextAfter(state: SystemState, evs: CaptureEvent[]): EventContext {
  const es = new EventState();
  const lookup = new ThreadLookup(state);
  let num = 0;
  for (const ev of evs) { state.process(ev, ev, es); num++; }
  lookup.thread = es.thread;
  const last = evs[evs.length - 1];
  return { ev: last, upgraded: last, num, es, state, lookup, internal: false, firstTs: evs[0].ts, prevTs: -1n };
}

function openAndRead(): EventContext {
  const s = new SystemState();
  s.addProcess(process({ tid: 10, comm: 'cat', args: ['/etc/hosts'], cwd: '/root' }));
  s.addUser({ uid: 0, gid: 0, name: 'root', home: '/root', shell: '/bin/sh', container: '' });
  return contextAfter(s, [
    event(2, 10, 1_000_000_000n, [p.str('/etc/hosts'), p.u32(1), p.u32(0)]),
    event(3, 10, 1_000_000_500n, [p.i64(3), p.str('/etc/hosts'), p.u32(1), p.u32(0)]),
    event(6, 10, 1_000_001_000n, [p.i64(3), p.u32(100)]),
  ]);
}

test('a format mixes literal text and field values', () => {
  const fmt = parseOutputFormat('*%evt.num %proc.name [%fd.name] uid=%user.uid');
  assert.equal(formatLine(fmt, openAndRead()), '3 cat [/etc/hosts] uid=0');
});

test('without a leading * an event with a missing value is skipped; with it, <NA> is printed', () => {
  const ctx = openAndRead();
  assert.equal(formatLine(parseOutputFormat('%evt.num %fd.sport'), ctx), undefined);
  assert.equal(formatLine(parseOutputFormat('*%evt.num %fd.sport'), ctx), '3 <NA>');
});

test('an unknown field in a format is a one-line error', () => {
  assert.throws(() => parseOutputFormat('%evt.num %no.such'), /unknown field 'no.such'/);
});

test('bracket arguments are taken only by fields that have one', () => {
  const ctx = openAndRead();
  assert.equal(formatLine(parseOutputFormat('*%proc.name[%fd.num]'), ctx), 'cat[3]');
});

test('fd fields describe the fd the event uses', () => {
  const ctx = openAndRead();
  const get = (name: string) => { const f = resolveField(name); assert.ok(f && !('error' in f)); return f.format(ctx); };
  assert.equal(get('fd.num'), '3');
  assert.equal(get('fd.type'), 'file');
  assert.equal(get('fd.typechar'), 'f');
  assert.equal(get('fd.directory'), '/etc');
  assert.equal(get('fd.filename'), 'hosts');
  assert.equal(get('evt.dir'), '>');
  assert.equal(get('evt.type'), 'read');
  assert.equal(get('proc.cmdline'), 'cat /etc/hosts');
  assert.equal(get('user.name'), 'root');
  assert.equal(get('container.id'), 'host');
});

test('evt.res, evt.rawres and evt.failed read the return value of exit events', () => {
  const s = new SystemState();
  s.addProcess(process({ tid: 20 }));
  const ctx = contextAfter(s, [event(2, 20, 1n, [p.str('/nope'), p.u32(1), p.u32(0)]), event(3, 20, 5n, [p.i64(-2), p.str('/nope'), p.u32(1), p.u32(0)])]);
  const get = (name: string) => { const f = resolveField(name); assert.ok(f && !('error' in f)); return f.format(ctx); };
  assert.equal(get('evt.res'), 'ENOENT');
  assert.equal(get('evt.rawres'), '-2');
  assert.equal(get('evt.failed'), 'true');
  assert.equal(get('evt.latency'), '4');
  assert.equal(get('fd.name'), '/nope', 'a failed open still names its file');
});

test('evt.arg takes a name or an index; a field without its argument is an error', () => {
  assert.ok(resolveField('evt.arg', 'fd') && !('error' in resolveField('evt.arg', 'fd')!));
  assert.ok(resolveField('evt.arg.fd') && !('error' in resolveField('evt.arg.fd')!));
  assert.deepEqual(resolveField('evt.arg'), { error: 'evt.arg needs an argument: evt.arg.NAME or evt.arg[N]' });
  assert.equal(resolveField('nothing.here'), undefined);
});
