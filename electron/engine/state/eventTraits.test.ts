import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EVENTS, EventCategory } from '../../../shared/scap/eventTable';
import { Direction, EVENT_DIRECTION, EVENT_FD_PARAM, EVENT_FLAGS, EVENT_INTERNAL, EVENT_RESULT_FIRST, eventIdTable, inTable } from './eventTraits';
import { EV } from './eventIds';

test('every event id reads the traits its table entry has', () => {
  for (const info of EVENTS) {
    assert.equal(EVENT_FLAGS[info.id], info.flags, info.name);
    assert.equal(EVENT_DIRECTION[info.id], info.direction === 'enter' ? Direction.ENTER : Direction.EXIT, info.name);
    assert.equal(EVENT_FD_PARAM[info.id], info.fdParam, info.name);
    assert.equal(EVENT_INTERNAL[info.id] === 1, (info.category & EventCategory.INTERNAL) !== 0, info.name);
  }
});

test('an exit whose first parameter is its result or a new fd sets the error code; others do not', () => {
  assert.equal(EVENT_RESULT_FIRST[EV.CLOSE_X], 1); // res
  assert.equal(EVENT_RESULT_FIRST[EV.OPEN_X], 1); // fd
  assert.equal(EVENT_RESULT_FIRST[EV.PROCINFO], 0);
  assert.equal(EVENT_RESULT_FIRST[EV.SWITCH], 0);
  assert.equal(EVENT_INTERNAL[EV.PROCINFO], 1);
  assert.equal(EVENT_DIRECTION[EV.CLOSE_E], Direction.ENTER);
  assert.equal(EVENT_FD_PARAM[EV.CLOSE_E], 0);
});

test('an event id table holds exactly its ids, and no id beyond its end', () => {
  const table = eventIdTable([EV.CLOSE_X, EV.PROCINFO]);
  assert.deepEqual([EV.CLOSE_X, EV.PROCINFO, EV.CLOSE_E, 0, 100_000].map((id) => inTable(table, id)), [true, true, false, false, false]);
});
