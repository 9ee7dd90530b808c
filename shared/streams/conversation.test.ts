import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildConversation, listStreams, matchesFollowKey, turnPayload } from './conversation';
import type { StreamOperation } from './types';

let num = 0;
function op(direction: 'read' | 'write', text: string, over: Partial<StreamOperation> = {}): StreamOperation {
  num++;
  const data = new TextEncoder().encode(text);
  return {
    evtNum: num, rawtime: String(1000 + num), direction, eventType: direction, procName: 'nginx', pid: 10, tid: 10,
    containerId: '', containerName: 'host', fd: 3, fdName: '1.2.3.4:5->6.7.8.9:80', fdTypeChar: '4',
    streamKey: '10:3', length: data.length, data, ...over,
  };
}

test('consecutive operations in one direction form one turn, with bytes each way', () => {
  const ops = [op('read', 'GET /'), op('read', ' HTTP/1.1'), op('write', 'HTTP/1.1 200 OK'), op('read', 'GET /2')];
  const c = buildConversation(ops, '10:3');
  assert.deepEqual(c.turns.map((t) => [t.direction, t.operations]), [['read', [0, 1]], ['write', [2]], ['read', [3]]]);
  assert.equal(c.bytesRead, 5 + 9 + 6);
  assert.equal(c.bytesWritten, 15);
  assert.equal(c.turns[0].firstRawtime, ops[0].rawtime);
  assert.equal(c.turns[0].lastRawtime, ops[1].rawtime);
  assert.deepEqual(c.truncations, []);
});

test('an operation whose payload the snaplen cut short gets a note with the missing size', () => {
  const cut = op('write', 'HTTP/1.1 200 OK', { length: 4096 });
  const c = buildConversation([op('read', 'GET /'), cut], '10:3');
  assert.deepEqual(c.truncations, [{ operation: 1, evtNum: cut.evtNum, length: 4096, captured: 15 }]);
  assert.equal(c.bytesWritten, 4096);
  assert.equal(c.capturedWritten, 15);
});

test('other streams are left out, and a reused fd number is a different stream', () => {
  const ops = [op('read', 'a'), op('read', 'b', { streamKey: '10:3#2' }), op('read', 'c', { streamKey: '11:3', fdName: '/etc/passwd' })];
  assert.deepEqual(buildConversation(ops, '10:3#2').turns.map((t) => t.operations), [[1]]);
  // pid:fd alone follows every generation of that fd.
  assert.deepEqual(buildConversation(ops, '10:3').turns.map((t) => t.operations), [[0, 1]]);
});

test('following by fd name joins both ends of a connection seen in the capture', () => {
  const ops = [op('write', 'ping', { procName: 'curl', pid: 20, streamKey: '20:5' }), op('read', 'ping')];
  const c = buildConversation(ops, '1.2.3.4:5->6.7.8.9:80');
  assert.deepEqual(c.processes, ['curl (20)', 'nginx (10)']);
  assert.equal(c.turns.length, 2);
  assert.equal(matchesFollowKey({ streamKey: '1:1', fdName: '' }, ''), false);
});

test('listStreams sums operations and bytes per stream', () => {
  const ops = [op('read', 'abc'), op('write', 'de'), op('read', 'x', { streamKey: '11:4', fdName: 'f' })];
  assert.deepEqual(listStreams(ops).map((s) => [s.streamKey, s.operations, s.bytes]), [['10:3', 2, 5], ['11:4', 1, 1]]);
});

test('a turn split over several operations renders as one payload, flagged when a part was cut', () => {
  const ops = [op('write', '{"a":'), op('write', '1}'), op('read', 'ok', { length: 10 })];
  const c = buildConversation(ops, '10:3');
  const first = turnPayload(ops, c.turns[0]);
  assert.equal(new TextDecoder().decode(first.bytes), '{"a":1}');
  assert.equal(first.complete, true);
  assert.equal(turnPayload(ops, c.turns[1]).complete, false);
});
