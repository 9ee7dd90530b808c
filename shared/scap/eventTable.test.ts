import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EVENTS, EVENT_COUNT, EVENT_LARGE_PAYLOAD, EVENT_PARAM_COUNT, EventFlag, ParamType, eventIdsByName, eventInfo, paramIndex } from './eventTable';

test('the table covers ids 0..453 with even ids entering and odd ids exiting', () => {
  assert.equal(EVENT_COUNT, 454);
  EVENTS.forEach((e, id) => {
    assert.equal(e.id, id);
    assert.equal(e.direction, id % 2 === 0 ? 'enter' : 'exit', `event ${id}`);
  });
  assert.equal(eventInfo(454), undefined);
});

test('open exit: names, types, print formats and flag tables as sysdig shows them', () => {
  const open = eventInfo(3)!;
  assert.equal(open.name, 'open');
  assert.deepEqual(open.params.map((p) => p.name), ['fd', 'name', 'flags', 'mode', 'dev', 'ino']);
  assert.equal(open.params[0].type, ParamType.FD);
  assert.equal(open.params[2].format, 'hex');
  assert.equal(open.params[2].table, 'file_flags');
  assert.equal(open.params[3].format, 'oct');
  assert.ok(open.flags & EventFlag.CREATES_FD);
  assert.equal(paramIndex(3, 'name'), 1);
  assert.equal(paramIndex(3, 'nope'), -1);
});

test('large-payload events are exactly pluginevent, container json 2 and asyncevent', () => {
  assert.deepEqual(EVENTS.filter((e) => EVENT_LARGE_PAYLOAD[e.id]).map((e) => e.id), [322, 324, 402]);
});

test('DYN parameters name their sub-table and FSRELPATH parameters their dirfd', () => {
  const setsockopt = eventInfo(45)!;
  assert.equal(setsockopt.params[4].type, ParamType.DYN);
  assert.equal(setsockopt.params[4].dynTable, 'sockopt_dynamic_param');
  const openat = eventInfo(307)!;
  assert.equal(openat.params[2].type, ParamType.FSRELPATH);
  assert.equal(openat.params[2].dirfdParam, 1);
});

test('the fd an event uses is found where §5.1 says', () => {
  assert.equal(eventInfo(6)!.fdParam, 0); // read enter
  assert.equal(eventInfo(7)!.fdParam, 2); // read exit: res, data, fd, size
  assert.equal(eventInfo(35)!.fdParam, 3); // recvfrom exit
  assert.equal(eventInfo(5)!.fdParam, 1); // close exit
  assert.equal(eventInfo(3)!.fdParam, -1); // open creates, does not use
});

test('names with several ids list every version; unused placeholders are left out', () => {
  assert.deepEqual(eventIdsByName('execve'), [12, 13, 154, 155, 172, 173, 214, 215, 230, 231, 282, 283, 288, 289, 292, 293]);
  assert.deepEqual(eventIdsByName('NA'), []);
  assert.equal(EVENT_PARAM_COUNT[293], 31);
});
