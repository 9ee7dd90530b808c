import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Inspector } from './inspector';
import { event, p, process } from '../state/testing/eventBuilder';

const containerJson = (id: string) => p.str(JSON.stringify({ container: { id, name: 'web', image: 'nginx' } }));

test('evt.num counts every event, hidden ones included; INTERNAL events are shown only with all', () => {
  const shown: Array<[number, number]> = [];
  const insp = new Inspector((ctx) => shown.push([ctx.num, ctx.ev.type]));
  insp.onProcess(process({ tid: 7 }));
  insp.onEvent(event(272, -1, 0n, [containerJson('abcdefabcdef')])); // initial state: counted, not shown
  insp.onEvent(event(234, 7, 1n, [p.i64(0), p.i64(0)])); // procinfo: INTERNAL
  insp.onEvent(event(6, 7, 2n, [p.i64(0), p.u32(1)]));
  assert.deepEqual(shown, [[3, 6]]);
  const all: number[] = [];
  const insp2 = new Inspector((ctx) => all.push(ctx.num), { all: true });
  insp2.onEvent(event(234, 7, 1n, [p.i64(0), p.i64(0)]));
  insp2.onEvent(event(6, 7, 2n, [p.i64(0), p.u32(1)]));
  assert.deepEqual(all, [1, 2]);
});

test('event ids sysdig 0.29.3 does not know are neither counted nor shown', () => {
  const nums: number[] = [];
  const insp = new Inspector((ctx) => nums.push(ctx.num));
  insp.onEvent(event(6, 7, 1n, [p.i64(0), p.u32(1)]));
  insp.onEvent(event(354, -1, 2n, [p.u32(1), p.u32(1), p.str('u'), p.str('/'), p.str('/bin/sh'), p.str('')]));
  insp.onEvent(event(7, 7, 3n, [p.i64(1), p.str('x')]));
  assert.deepEqual(nums, [1, 2]);
});

test('a container event after the start is shown on a container:<id> thread', () => {
  const names: string[] = [];
  const insp = new Inspector((ctx) => names.push(ctx.es.thread?.comm ?? '?'));
  insp.onEvent(event(6, 7, 1n, [p.i64(0), p.u32(1)]));
  insp.onEvent(event(272, -1, 2n, [containerJson('abcdefabcdef')]));
  assert.deepEqual(names, ['<NA>', 'container:abcdefabcdef']);
  assert.equal(insp.state.containers.get('abcdefabcdef')?.image, 'nginx');
});

test('ctx.prevTs is the time of the previous shown event (-1 before the first), with or without timestamp halves', () => {
  const halves = (ev: ReturnType<typeof event>) => Object.assign(ev, { tsHi: Number(ev.ts >> 32n), tsLo: Number(ev.ts & 0xffffffffn) });
  const seen: bigint[] = [];
  const insp = new Inspector((ctx) => seen.push(ctx.prevTs));
  insp.onEvent(halves(event(6, 7, 5n << 32n | 9n, [p.i64(0), p.u32(1)])));
  insp.onEvent(event(234, 7, 6n << 32n, [p.i64(0), p.i64(0)])); // INTERNAL: not shown, so not the previous one
  insp.onEvent(event(7, 7, 7n << 32n, [p.i64(1), p.str('x')]));
  insp.onEvent(halves(event(6, 7, 8n << 32n, [p.i64(0), p.u32(1)])));
  assert.deepEqual(seen, [-1n, 5n << 32n | 9n, 7n << 32n]);
});
