import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventColumns, timeOfDay } from './eventColumns';

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
