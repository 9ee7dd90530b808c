import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tilesOfEvents, type FakeEvent } from './testTiles';

type Fake = FakeEvent;

function tilesOf(events: Fake[]): Map<string, number> {
  return new Map([...tilesOfEvents(events)].map(([id, t]) => [id, t.total]));
}

const write = (name: string, len: number, extra: Fake = {}): Fake =>
  ({ 'evt.dir': '<', 'evt.rawres': len, 'evt.type': 'write', 'evt.is_io_write': true, 'fd.type': 'file', 'fd.name': name, 'fd.containername': `:${name}`, 'evt.buflen': len, ...extra });

test('file writes count bytes, modified files, system files and log lines', () => {
  const t = tilesOf([
    write('/etc/passwd', 10), write('/etc/passwd', 5), write('/tmp/app.log', 20, { 'evt.buffer': 'ok\nWARN disk\nerror x\n' }),
    { 'evt.dir': '>', 'evt.type': 'write' },
  ]);
  assert.equal(t.get('syscalls'), 4);
  assert.equal(t.get('file.bytes.out'), 35);
  assert.equal(t.get('file.modified'), 2);
  assert.equal(t.get('sec.sysfiles'), 1);
  assert.equal(t.get('logs.app'), 3);
  assert.equal(t.get('logs.app.warnings'), 1);
  assert.equal(t.get('logs.app.errors'), 1);
});

test('failed openat counts as a file open error; SIGSEGV counts as a segfault', () => {
  const t = tilesOf([
    { 'evt.dir': '<', 'evt.type': 'openat', 'evt.rawres': -2 },
    { 'evt.dir': '<', 'evt.type': 'open', 'evt.rawres': -13 },
    { 'evt.dir': '>', 'evt.type': 'signaldeliver', 'evt.arg.sig': 'SIGSEGV' },
    { 'evt.dir': '>', 'evt.type': 'signaldeliver', 'evt.arg.sig': 'SIGCHLD' },
  ]);
  assert.equal(t.get('perf.open.errors'), 2);
  assert.equal(t.get('perf.signals'), 2);
  assert.equal(t.get('perf.segfaults'), 1);
});

test('HTTP requests and responses are told apart, and non-200 responses are errors', () => {
  const net = (buf: string): Fake => ({ 'evt.dir': '<', 'evt.type': 'read', 'evt.rawres': buf.length, 'evt.is_io_read': true, 'fd.type': 'ipv4', 'fd.sport': 80, 'fd.name': 'c', 'evt.buflen': buf.length, 'evt.buffer': buf });
  const t = tilesOf([net('GET / HTTP/1.1'), net('HTTP/1.1 200 OK'), net('HTTP/1.1 502 Bad Gateway'), net('POST /x HTTP/1.1')]);
  assert.equal(t.get('perf.http.requests'), 2);
  assert.equal(t.get('perf.http.responses'), 2);
  assert.equal(t.get('perf.http.errors'), 1);
  assert.equal(t.get('napps.HTTP'), 14 + 15 + 24 + 16);
  assert.equal(t.get('net.connections'), 1);
});

test('docker events get one tile per event name', () => {
  const infra = (name: string): Fake => ({ 'evt.dir': '>', 'evt.type': 'infra', 'evt.arg.source': 'docker', 'evt.arg.name': name });
  const t = tilesOf([infra('die'), infra('start'), infra('die')]);
  assert.equal(t.get('infra.docker'), 3);
  assert.equal(t.get('infra.docker.die'), 2);
  assert.equal(t.get('infra.docker.start'), 1);
});
