import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatLine, parseOutputFormat } from './outputFormat';
import { EventState, SystemState } from '../state/systemState';
import { FdType } from '../state/fdInfo';
import { event, p, process } from '../state/testing/eventBuilder';
import { ThreadLookup } from '../inspector/threadLookup';
import type { EventContext } from '../inspector/eventContext';

const WRITE_E = 8, WRITE_X = 9;
const T0 = 1710236467_000000000n;

/** Thread 10 writing each text to /dev/null, 1.5 ms apart; returns the context of each write exit. */
function writes(texts: string[]): EventContext[] {
  const s = new SystemState();
  const es = new EventState();
  s.addProcess(process({ tid: 10 }));
  s.addFd({ tid: 10, fd: 3, ino: 0n, type: FdType.FileV2, name: '/dev/null', openFlags: 1, mountId: 0, dev: 0 });
  const out: EventContext[] = [];
  texts.forEach((text, i) => {
    const data = new TextEncoder().encode(text);
    const ts = T0 + BigInt(i) * 1_500_000n;
    const enter = event(WRITE_E, 10, ts, [p.i64(3), p.u32(data.length)]);
    s.process(enter, enter, es);
    const exit = event(WRITE_X, 10, ts + 1000n, [p.i64(data.length), data]);
    s.process(exit, exit, es);
    const lookup = new ThreadLookup(s);
    lookup.thread = es.thread;
    // Fields are read while the event is current: snapshot what a line prints now.
    out.push({ ev: exit, upgraded: exit, num: i, es: Object.assign(new EventState(), es), state: s, lookup, internal: false, firstTs: T0, prevTs: -1n });
  });
  return out;
}

const print = (format: string, ctx: EventContext) => formatLine(parseOutputFormat(`*${format}`), ctx);
const ALL = '%span.id|%span.ntags|%span.tags|%span.tag[0]|%span.tag[-1]|%span.nargs|%span.args|%span.enterargs|%span.arg[0]|%span.enterarg[-1]|%span.duration|%span.duration.human';

test('an enter tracer shows its own tags and arguments, with no duration', () => {
  const [enter] = writes(['>:42:http.get:url=/a,code=1:']);
  assert.equal(print(ALL, enter), '42|2|http.get|http|get|2|url=/a,code=1|url=/a,code=1|/a|1|<NA>|<NA>');
  assert.equal(print('%span.time', enter), '09:41:07.000001000');
});

test('an exit tracer shows its own arguments, the enter arguments and the span duration', () => {
  const [, exit] = writes(['>:42:http.get:url=/a:', '<:42:http.get:status=200:']);
  assert.equal(print(ALL, exit), '42|2|http.get|http|get|1|status=200|url=/a|200|/a|1500000|1.50ms');
  assert.equal(print('%span.arg.status', exit), '200');
  assert.equal(print('%span.enterarg.url', exit), '/a');
});

test('an exit tracer closing no known span has only its id and tags', () => {
  const [exit] = writes(['<:7:orphan::']);
  assert.equal(print(ALL, exit), '7|1|orphan|orphan|orphan|<NA>|<NA>|<NA>|<NA>|<NA>|<NA>|<NA>');
});

test('offsets outside the lists and events that are not tracers have no value', () => {
  const [enter] = writes(['>:1:a:k=v:']);
  assert.equal(print('%span.tag[1] %span.tag[-2] %span.arg[1] %span.arg.nope', enter), '<NA> <NA> <NA> <NA>');
  const [plain] = writes(['just text']);
  assert.equal(print('%span.id %span.tags %span.args', plain), '<NA> <NA> <NA>');
});

test('span.tag and span.arg need an argument', () => {
  assert.throws(() => parseOutputFormat('%span.tag'));
  assert.throws(() => parseOutputFormat('%span.arg'));
});
