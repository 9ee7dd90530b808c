import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FieldValue } from '../filter/resolver';
import { TupleGroup } from './tupleGroup';

type Row = { name: string; port: number | undefined; addr?: Uint8Array };

function group(): TupleGroup<Row> {
  return new TupleGroup<Row>('test', [
    { key: 'name', field: { type: 'CHARBUF', get: (r) => r.name } },
    { key: 'port', field: { type: 'PORT', get: (r) => r.port } },
    { key: 'addr', field: { type: 'IPADDR', get: (r) => r.addr as FieldValue | undefined } },
  ]);
}

test('rows with the same values share a tuple, rows with different values do not', () => {
  const g = group();
  const a = g.resolve({ name: 'nginx', port: 80 });
  const b = g.resolve({ name: 'nginx', port: 443 });
  const c = g.resolve({ name: 'nginx', port: 80 });
  const d = g.resolve({ name: 'nginx', port: undefined });
  assert.equal(a, c);
  assert.notEqual(a, b);
  assert.notEqual(d, a);
  assert.equal(g.tuples, 3);
});

test('byte values are matched by content, not by the buffer that held them', () => {
  const g = group();
  const buf = new Uint8Array([10, 0, 0, 1]);
  const a = g.resolve({ name: 'x', port: 1, addr: buf });
  buf[3] = 2;
  const b = g.resolve({ name: 'x', port: 1, addr: buf });
  const c = g.resolve({ name: 'x', port: 1, addr: new Uint8Array([10, 0, 0, 1]) });
  assert.notEqual(a, b);
  assert.equal(a, c);
});

test('every tuple is still found after the lookup table has grown many times', () => {
  const g = group();
  const ids: number[] = [];
  for (let i = 0; i < 5000; i++) ids.push(g.resolve({ name: `p${i % 97}`, port: i }));
  assert.equal(g.tuples, 5000);
  assert.equal(new Set(ids).size, 5000);
  for (let i = 4999; i >= 0; i--) assert.equal(g.resolve({ name: `p${i % 97}`, port: i }), ids[i]);
  assert.equal(g.tuples, 5000);
});

test('finish gives each field the value of every tuple and each row its tuple', () => {
  const g = group();
  for (const r of [{ name: 'a', port: 1 }, { name: 'b', port: 2 }, { name: 'a', port: 1 }]) g.push(g.resolve(r));
  const cols = g.finish();
  const names = Array.from(cols.name.ids, (t) => cols.name.values[cols.name.tuples![t]]);
  const ports = Array.from(cols.port.ids, (t) => cols.port.values[cols.port.tuples![t]]);
  assert.deepEqual(names, ['a', 'b', 'a']);
  assert.deepEqual(ports, [1, 2, 1]);
  assert.equal(cols.name.ids, cols.port.ids);
});
