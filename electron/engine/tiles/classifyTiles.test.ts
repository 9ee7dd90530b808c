import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fakeResolver, tilesOfEvents, type FakeEvent } from './testTiles';
import { TileClassifier } from './classifyTiles';
import { FdNotes, type EventShortcuts } from './eventShortcuts';
import { isStatus200 } from './httpPayload';
import { CaptureIndexBuilder, emptyEventRow } from '../index/eventIndex';
import { foldTiles } from './foldTiles';

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

/** Shortcuts for fake events: kinds by type, direction and I/O flags; fd notes kept by fd.num (else fd.name) until `revision` moves. */
function fakeShortcuts(): EventShortcuts<Fake> & { revision: number } {
  const kinds = new Map<string, number>();
  const notes = new Map<string | number | boolean, { notes: FdNotes; revision: number }>();
  const s = {
    kindCount: 16,
    revision: 0,
    kindOf(e: Fake): number {
      const key = `${e['evt.type']}|${e['evt.dir']}|${e['evt.is_io_write']}|${e['evt.is_io_read']}`;
      let k = kinds.get(key);
      if (k === undefined) kinds.set(key, (k = kinds.size));
      return k < 16 ? k : -1;
    },
    fdNotes(e: Fake): FdNotes | undefined {
      const name = e['fd.num'] ?? e['fd.name'];
      if (name === undefined) return undefined;
      let kept = notes.get(name);
      if (!kept) notes.set(name, (kept = { notes: new FdNotes(), revision: s.revision }));
      if (kept.revision !== s.revision) { kept.notes.clear(); kept.revision = s.revision; }
      return kept.notes;
    },
  };
  return s;
}

const mixedEvents = (): Fake[] => {
  const http = (buf: string, sport: number): Fake => ({ 'evt.dir': '<', 'evt.type': 'read', 'evt.rawres': buf.length, 'evt.is_io_read': true, 'fd.type': 'ipv4', 'fd.sport': sport, 'fd.name': `c${sport}`, 'evt.buflen': buf.length, 'evt.buffer': buf });
  return [
    write('/etc/passwd', 10), write('/var/log/app.log', 20, { 'evt.buffer': 'ok\nWARN disk\n' }), write('/etc/passwd', 5),
    http('GET / HTTP/1.1', 80), http('HTTP/1.1 502 Bad Gateway', 80), http('HTTP/1.1 200 OK', 443), http('x', 22),
    { 'evt.dir': '<', 'evt.type': 'openat', 'evt.rawres': -2 }, { 'evt.dir': '<', 'evt.type': 'openat', 'evt.rawres': 3 },
    { 'evt.dir': '<', 'evt.type': 'clone', 'evt.rawres': 0 }, { 'evt.dir': '<', 'evt.type': 'clone', 'evt.rawres': 12 },
    { 'evt.dir': '>', 'evt.type': 'signaldeliver', 'evt.arg.sig': 'SIGSEGV' }, { 'evt.dir': '>', 'evt.type': 'write' },
    { 'evt.dir': '<', 'evt.type': 'connect', 'evt.rawres': -111, 'fd.type': 'ipv4', 'fd.sport': 22 },
    write('/etc/passwd', 7), http('HTTP/1.1 200 OK', 80),
  ];
};

test('events decided once per kind, with fd notes kept between events, count as events decided on their own', () => {
  const events = mixedEvents();
  const alone = tilesOfEvents(events);
  const withShortcuts = tilesOfEvents(events, fakeResolver, fakeShortcuts());
  assert.deepEqual([...withShortcuts].sort(), [...alone].sort());
  assert.equal(alone.get('perf.forks')?.total, 1);
  assert.equal(alone.get('perf.http.errors')?.total, 1);
  assert.equal(alone.get('file.bytes.out')?.total, 42);
});

test('an event kind is asked its type once; other events of the kind are not', () => {
  let typeReads = 0;
  const counting: typeof fakeResolver = (name, arg) => (name === 'evt.type' ? { type: 'CHARBUF', get: (e) => { typeReads++; return e['evt.type']; } } : fakeResolver(name, arg));
  const events = mixedEvents();
  tilesOfEvents(events, counting, fakeShortcuts());
  const kinds = new Set(events.map((e) => `${e['evt.type']}|${e['evt.dir']}|${e['evt.is_io_write']}|${e['evt.is_io_read']}`)).size;
  assert.equal(typeReads, kinds);
});

test('fd notes that are cleared are filled again from the fd fields', () => {
  const s = fakeShortcuts();
  const b = new CaptureIndexBuilder();
  const c = new TileClassifier(fakeResolver, b, s);
  const row = emptyEventRow();
  // One fd, renamed between its writes (its notes cleared): the second name is a log file.
  const events: Fake[] = [write('/tmp/a', 1, { 'fd.num': 3 }), write('/var/log/x.log', 1, { 'fd.num': 3, 'evt.buffer': 'line\n' })];
  events.forEach((e, i) => {
    if (i === 1) s.revision++;
    row.ts = 1_000_000_000n + BigInt(i);
    c.classify(e, b.addEvent(row), row);
  });
  c.finish();
  const idx = b.finish({ identity: { size: 1, mtimeMs: 1, headTailHash: '' }, path: '', sizeBytes: 1, hostname: '', numCpus: 1, warnings: [] });
  const t = new Map(foldTiles(idx, { from: 0, to: events.length, samples: 1 }).map((x) => [x.id, x.total]));
  assert.equal(t.get('file.accessed'), 2, 'two names, two files');
  assert.equal(t.get('logs.app'), 1);
});

test('an HTTP status is read from the payload bytes as Number() reads its text', () => {
  const bytes = (s: string) => Uint8Array.from(s, (ch) => ch.charCodeAt(0));
  for (const text of ['HTTP/1.1 200 OK', 'HTTP/1.1 502 Bad Gateway', 'HTTP/1.1 0200 OK', 'HTTP/1.1 200', 'HTTP/1.1  200 OK', 'HTTP/1.1 0xC8 OK',
    'HTTP/1.1 2e2 OK', 'HTTP/1.1 200\r\nX: y', 'HTTP/1.1', 'HTTP/1.1 0000000000000000200 OK', 'HTTP/1.1 99999999999999999999 OK', 'HTTP/1.1 +200 x']) {
    const expected = Number(text.split(' ')[1]) === 200;
    assert.equal(isStatus200(bytes(text)), expected, text);
    assert.equal(isStatus200(text), expected, text);
  }
});

test("a log line at nginx's [emerg] level is an error message, as the tile's drill-down filter (emerg) selects it", () => {
  const t = tilesOf([write('/var/log/nginx/error.log', 60, { 'evt.buffer': '2024/03/12 09:41:09 [emerg] 1#1: host not found in upstream\n' })]);
  assert.equal(t.get('logs.app'), 1);
  assert.equal(t.get('logs.app.errors'), 1);
});
