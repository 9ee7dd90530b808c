import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EventFieldSet, displayableFieldNames, jsonLine, toJsonValue } from './eventFields';
import type { FieldResolver } from '../filter/resolver';

interface Ctx { name: string; time: bigint; ip?: Uint8Array; args: Record<string, string> }

const resolve: FieldResolver<Ctx> = (name, arg) => {
  switch (name) {
    case 'proc.name': return { type: 'CHARBUF', get: (c) => c.name };
    case 'evt.rawtime': return { type: 'ABSTIME', get: (c) => c.time };
    case 'fd.sip': return { type: 'IPADDR', get: (c) => c.ip };
    case 'evt.arg': return { type: 'CHARBUF', get: (c) => (arg ? c.args[arg] : undefined) };
    case 'proc.pid': return { error: 'not in this engine' };
    default: return undefined;
  }
};

test('fields are read per event, keyed as written, with null for a missing value', () => {
  const set = new EventFieldSet(['proc.name', 'evt.rawtime', 'fd.sip', 'evt.arg.fd'], resolve);
  const rec = set.read({ name: 'nginx', time: 1512419702278347621n, args: {} });
  assert.deepEqual(rec, { 'proc.name': 'nginx', 'evt.rawtime': 1512419702278347621n, 'fd.sip': null, 'evt.arg.fd': null });
  const withIp = set.read({ name: 'x', time: 5n, ip: new Uint8Array([172, 18, 0, 2]), args: { fd: '3' } });
  assert.deepEqual([withIp['fd.sip'], withIp['evt.arg.fd'], withIp['evt.rawtime']], ['172.18.0.2', '3', 5]);
});

test('unknown or unsupported fields are one-line errors, or skipped for the detail view', () => {
  assert.throws(() => new EventFieldSet(['no.such'], resolve), /unknown field 'no.such'/);
  assert.throws(() => new EventFieldSet(['proc.pid'], resolve), /not in this engine/);
  assert.throws(() => new EventFieldSet(['thread.tid'], resolve), /not supported/);
  assert.deepEqual(new EventFieldSet(['proc.pid', 'proc.name', 'no.such'], resolve, true).names, ['proc.name']);
});

test('readPresent drops the fields without a value', () => {
  const set = new EventFieldSet(['proc.name', 'fd.sip'], resolve);
  assert.deepEqual(set.readPresent({ name: 'sh', time: 0n, args: {} }), { 'proc.name': 'sh' });
});

test('JSON lines write big integers exactly and buffers as dotted text', () => {
  assert.equal(jsonLine({ 'evt.rawtime': 1512419702278347621n, a: 'x"y' }), '{"evt.rawtime":1512419702278347621,"a":"x\\"y"}');
  assert.equal(toJsonValue(new TextEncoder().encode('GET\r\n'), 'BYTEBUF'), 'GET..');
  assert.deepEqual(toJsonValue([1n, 2n], 'INT64'), [1, 2]);
  assert.ok(displayableFieldNames().includes('proc.name'));
});

test('text values use the field’s own formatting when it has one, else the JSON value', () => {
  const withFormat: FieldResolver<Ctx> = (name) =>
    name === 'evt.rawtime' ? { type: 'ABSTIME', get: (c: Ctx) => c.time, format: (c: Ctx) => `t=${c.time}` } as never : resolve(name, undefined);
  const set = new EventFieldSet(['evt.rawtime', 'proc.name', 'fd.sip'], withFormat);
  assert.deepEqual(set.readText({ name: 'sh', time: 7n, args: {} }), ['t=7', 'sh', '<NA>']);
});

test('with jsonTimes, time-of-day fields hold the raw timestamp as sysdig -j writes them', () => {
  const r: FieldResolver<Ctx> = (name) => (name === 'evt.time' ? { type: 'CHARBUF', get: () => '20:35:02.278' } : resolve(name, undefined));
  assert.deepEqual(new EventFieldSet(['evt.time'], r, false, { jsonTimes: true }).read({ name: '', time: 42n, args: {} }), { 'evt.time': 42 });
  assert.deepEqual(new EventFieldSet(['evt.time'], r).read({ name: '', time: 42n, args: {} }), { 'evt.time': '20:35:02.278' });
});

test('a number the field shows another way (hex, a word) is given as its text, as sysdig -j does', () => {
  const r: FieldResolver<Ctx> = (name) => name === 'fd.dev'
    ? { type: 'UINT32', get: () => 0x55de, format: () => '55DE' } as never
    : name === 'proc.pid' ? { type: 'INT64', get: () => 7, format: () => '7' } as never : resolve(name, undefined);
  assert.deepEqual(new EventFieldSet(['fd.dev', 'proc.pid'], r).read({ name: '', time: 0n, args: {} }), { 'fd.dev': '55DE', 'proc.pid': 7 });
});

test('a zero-padded decimal field stays a number in JSON, as in sysdig -j', () => {
  type Ctx = { n: number };
  const resolve = ((name: string) => name === 'evt.latency.ns'
    ? { type: 'RELTIME', get: (c: Ctx) => c.n, format: (c: Ctx) => String(c.n).padStart(9, '0') }
    : undefined) as never;
  const set = new EventFieldSet<Ctx>(['evt.latency.ns'], resolve);
  assert.deepEqual(set.read({ n: 653 }), { 'evt.latency.ns': 653 });
  assert.deepEqual(set.readText({ n: 653 }), ['000000653']);
});
