import { test } from 'node:test';
import assert from 'node:assert/strict';
import { completeFilter } from './complete';

const labels = (text: string, cursor = text.length) => completeFilter(text, cursor).items.map((i) => i.label);

test('at the start and after and/or/not/( it offers field classes and fields', () => {
  assert.ok(labels('').includes('proc.'));
  assert.deepEqual(labels('proc.na'), ['proc.name']);
  assert.ok(labels('proc.name=a and fd.').every((l) => l.startsWith('fd.')));
  assert.ok(labels('(').includes('evt.'));
  assert.ok(labels('proc.name=a or not evt.ty').includes('evt.type'));
  assert.ok(labels('n').includes('not'));
});

test('after a field it offers the operators that apply to its type', () => {
  const ops = labels('evt.failed ');
  assert.deepEqual(ops, ['=', '!=', 'in', 'intersects', 'exists']);
  assert.ok(labels('proc.name ').includes('glob'));
  assert.deepEqual(labels('proc.name st'), ['startswith']);
  assert.ok(labels('proc.aname[2] ').includes('contains'));
});

test('boolean values after an operator, and/or after a complete check', () => {
  assert.deepEqual(labels('evt.failed = '), ['true', 'false']);
  assert.deepEqual(labels('proc.name = bash '), ['and', 'or']);
  assert.deepEqual(labels('proc.name = bash a'), ['and']);
});

test('the replaced range covers the word around the cursor', () => {
  const r = completeFilter('proc.na = x', 4);
  assert.equal(r.from, 0);
  assert.equal(r.to, 7);
});

test('values: event type names, closed sets, also inside lists', () => {
  assert.ok(labels('evt.type = ope').includes('open'));
  assert.ok(labels('evt.type = ope').includes('openat'));
  assert.ok(labels('evt.type in (open, clo').includes('close'));
  assert.deepEqual(labels('fd.type in (ip'), ['ipv4', 'ipv6']);
  assert.deepEqual(labels('fd.l4proto = u'), ['udp']);
  assert.deepEqual(labels('proc.name = '), []);
});

test('after a transformer, the operators of its result type', () => {
  assert.ok(labels('tolower(proc.name) ').includes('contains'));
  assert.ok(!labels('len(proc.name) ').includes('contains'));
  assert.ok(labels('len(proc.name) ').includes('>'));
});
