import { test } from 'node:test';
import assert from 'node:assert/strict';
import { StreamExtractor, isStreamEvent } from './streamExtractor';
import { evidence, i64, rawEvent, text, thread, u32 } from './testEvents';

const READ_X = 7, WRITE_X = 9, READ_E = 6, SENDFILE_X = 189, CLOSE_X = 5;
const lookup = { container: (id: string) => (id === 'abc' ? { name: 'web', image: 'nginx' } : undefined), userName: () => '', thread: () => undefined };
const nginx = thread(10, 10, 'nginx', 'abc');
const sock = { name: '1.2.3.4:5->6.7.8.9:80', typeChar: '4' };

test('a successful read exit becomes a read operation with its bytes copied', () => {
  const x = new StreamExtractor(lookup);
  const raw = rawEvent(READ_X, [i64(78), text('GET / HTTP/1.1\r\n'), i64(3), u32(1024)], 1512419702278347621n, 11);
  const op = x.extract(evidence(65, raw, nginx, 3, sock))!;
  raw.data.fill(0); // the reader reuses its buffers
  assert.equal(op.direction, 'read');
  assert.equal(op.eventType, 'read');
  assert.equal(op.rawtime, '1512419702278347621');
  assert.equal(op.length, 78);
  assert.equal(new TextDecoder().decode(op.data), 'GET / HTTP/1.1\r\n');
  assert.deepEqual([op.procName, op.pid, op.tid, op.containerName, op.fd, op.fdName, op.fdTypeChar, op.streamKey],
    ['nginx', 10, 11, 'web', 3, sock.name, '4', '10:3']);
});

test('failed and empty I/O, enter events and other syscalls are not operations', () => {
  const x = new StreamExtractor(lookup);
  assert.equal(x.extract(evidence(1, rawEvent(READ_X, [i64(-11), new Uint8Array(), i64(3), u32(10)]), nginx, 3, sock)), null);
  assert.equal(x.extract(evidence(2, rawEvent(WRITE_X, [i64(0), new Uint8Array(), i64(3), u32(0)]), nginx, 3, sock)), null);
  assert.equal(x.extract(evidence(3, rawEvent(READ_E, [i64(3), u32(10)]), nginx, 3, sock)), null);
  assert.equal(x.extract(evidence(4, rawEvent(CLOSE_X, [i64(0), i64(3)]), nginx, 3, sock)), null);
  assert.equal(isStreamEvent(READ_X), true);
  assert.equal(isStreamEvent(CLOSE_X), false);
});

test('sendfile is a write whose bytes were never captured', () => {
  const x = new StreamExtractor(lookup);
  const op = x.extract(evidence(9, rawEvent(SENDFILE_X, [i64(612), i64(0), i64(3), i64(7), i64(612)]), nginx, 3, sock))!;
  assert.equal(op.direction, 'write');
  assert.equal(op.length, 612);
  assert.equal(op.data.length, 0);
});

test('a reused fd number (a new fd object) starts a new stream key; a host thread has no container', () => {
  const x = new StreamExtractor(lookup);
  const sh = thread(20, 20, 'sh');
  const first = { name: '/etc/passwd', typeChar: 'f' };
  const second = { name: '/etc/hosts', typeChar: 'f' };
  const w = (fd: { name: string; typeChar: string }) => x.extract(evidence(1, rawEvent(WRITE_X, [i64(1), text('x'), i64(4), u32(1)]), sh, 4, fd))!;
  assert.equal(w(first).streamKey, '20:4');
  assert.equal(w(first).streamKey, '20:4');
  assert.equal(w(second).streamKey, '20:4#2');
  assert.equal(w(second).containerName, 'host');
});

test('an event whose thread or fd the state does not know is still reported', () => {
  const x = new StreamExtractor(lookup);
  const op = x.extract(evidence(5, rawEvent(WRITE_X, [i64(2), text('hi'), i64(9), u32(2)], 5n, 99), undefined, 9, undefined))!;
  assert.deepEqual([op.procName, op.pid, op.fdName, op.streamKey], ['<NA>', -1, '', '-1:9']);
});

test('events a filter rejected still count for fd reuse when noted', () => {
  const x = new StreamExtractor(lookup);
  const sh = thread(20, 20, 'sh');
  const w = (fd: { name: string; typeChar: string }) => evidence(1, rawEvent(WRITE_X, [i64(1), text('x'), i64(4), u32(1)]), sh, 4, fd);
  x.note(w({ name: '/a', typeChar: 'f' }));
  assert.equal(x.extract(w({ name: '/b', typeChar: 'f' }))!.streamKey, '20:4#2');
});

test('fd names are shown without control characters, as sysdig shows them', () => {
  const x = new StreamExtractor(lookup);
  const unix = { name: '/var/run/dbus/system_bus_socket\n', typeChar: 'u' };
  const op = x.extract(evidence(1, rawEvent(WRITE_X, [i64(1), text('x'), i64(5), u32(1)]), nginx, 5, unix))!;
  assert.equal(op.fdName, '/var/run/dbus/system_bus_socket');
});
