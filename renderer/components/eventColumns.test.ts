import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventColumns, fitEventColumns, leastArgumentsRem, timeOfDay } from './eventColumns';

test('the narrow events list puts time, direction, type and arguments before process, thread and cpu', () => {
  const fields = ['evt.num', 'evt.rawtime', 'evt.cpu', 'proc.name', 'thread.tid', 'evt.dir', 'evt.type', 'evt.info'];
  const columns = eventColumns(fields);
  assert.deepEqual(columns.map((c) => c.field), ['evt.num', 'evt.rawtime', 'evt.dir', 'evt.type', 'evt.info', 'proc.name', 'thread.tid', 'evt.cpu']);
  assert.deepEqual(columns.map((c) => fields[c.index]), columns.map((c) => c.field));
  assert.equal(columns[1].header, 'time (UTC)');
});

test('fields the list does not know keep their name and come last, in the engine\'s order', () => {
  assert.deepEqual(eventColumns(['fd.name', 'evt.type', 'proc.pid']).map((c) => c.header), ['type', 'fd.name', 'proc.pid']);
});

test('the time of day is UTC, to the nanosecond', () => {
  assert.equal(timeOfDay('1710236467250001837'), '09:41:07.250001837');
  assert.equal(timeOfDay('86400000000005'), '00:00:00.000000005');
  assert.equal(timeOfDay('abc'), 'abc');
});

const sysdigLine = ['evt.num', 'evt.rawtime', 'evt.cpu', 'proc.name', 'thread.tid', 'evt.dir', 'evt.type', 'evt.info'];

test('in room for every column the list keeps them all, the arguments at least 16 rem', () => {
  const columns = eventColumns(sysdigLine);
  const all = columns.reduce((s, c) => s + c.rem, 0);
  assert.equal(all, 55);
  for (const room of [undefined, all, 80]) {
    const fitted = fitEventColumns(columns, room);
    assert.deepEqual(fitted.shown, columns);
    assert.deepEqual(fitted.left, []);
    assert.match(fitted.template, /minmax\(16rem, 1fr\)/);
  }
});

test('a narrower list cuts the arguments, then leaves out cpu, tid and process (in that order) until the arguments keep their least', () => {
  const columns = eventColumns(sysdigLine);
  const fields = (room: number) => fitEventColumns(columns, room).shown.map((c) => c.field);
  const before = ['evt.num', 'evt.rawtime', 'evt.dir', 'evt.type', 'evt.info'];
  assert.deepEqual(fields(54), [...before, 'proc.name', 'thread.tid', 'evt.cpu'], 'the arguments give way first');
  assert.deepEqual(fields(23.5 + 8 + 4.5 + 3 + leastArgumentsRem), [...before, 'proc.name', 'thread.tid', 'evt.cpu']);
  assert.deepEqual(fields(23.5 + 8 + 4.5 + 3 + leastArgumentsRem - 0.1), [...before, 'proc.name', 'thread.tid']);
  assert.deepEqual(fields(23.5 + 8 + leastArgumentsRem), [...before, 'proc.name']);
  // At 1000 px beside the Findings drawer (about 34 rem).
  const drawer = fitEventColumns(columns, 34);
  assert.deepEqual(drawer.shown.map((c) => c.field), before);
  assert.deepEqual(drawer.left.map((c) => c.field), ['proc.name', 'thread.tid', 'evt.cpu']);
  assert.equal(drawer.template, '4.5rem 9.5rem 2.5rem 7rem minmax(0, 1fr)', 'the arguments take the rest, cut');
  // Never the columns before the arguments: in less room still, the arguments are cut further.
  assert.deepEqual(fields(20), before);
});
