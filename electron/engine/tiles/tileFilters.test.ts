import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tilesOfEvents, type FakeEvent } from './testTiles';
import type { FieldResolver } from '../filter/resolver';
import { compileFilter } from '../filter/compile';
import { getField } from '../../../shared/fields/catalog';
import { checkFilter } from '../../../shared/filter/validate';
import { dockerEventTileId, networkAppTileId, networkServices, staticTiles } from '../../../shared/tiles/definitions';
import { tileFilter, type TileFilter } from './tileFilters';

type Fake = FakeEvent;

/** Fields typed as the catalog types them, so the filters compile as they would on real events. */
const resolve: FieldResolver<Fake> = (name, arg) => {
  const key = arg ? `${name}.${arg}` : name;
  const type = name === 'evt.arg' ? 'CHARBUF' : getField(name)?.type ?? 'CHARBUF';
  return { type, get: (ctx) => ctx[key] };
};

function classifierTotals(events: Fake[]): Map<string, number> {
  return new Map([...tilesOfEvents(events, resolve)].map(([id, t]) => [id, t.total]));
}

/** What a tile's defining filter gives on the events, evaluated by Syscope's own filter engine. */
function filterTotal(tf: TileFilter, events: Fake[]): number {
  const compiled = compileFilter(tf.filter || 'evt.num exists or not evt.num exists', resolve);
  assert.ok(compiled.ok, `${tf.filter}: ${compiled.ok ? '' : compiled.error.message}`);
  const selected = events.filter((e) => compiled.predicate(e));
  switch (tf.measure) {
    case 'count': return selected.length;
    case 'sum-buflen': return selected.reduce((s, e) => s + Number(e['evt.buflen'] ?? 0), 0);
    case 'distinct': return new Set(selected.map((e) => e[tf.field!])).size;
    case 'lines': return selected.reduce((s, e) => s + String(e['evt.buffer'] ?? '').split('\n').filter((l) => l !== '').length, 0);
  }
}

const io = (type: 'read' | 'write', fdType: string, name: string, len: number, extra: Fake = {}): Fake => ({
  'evt.dir': '<', 'evt.type': type, 'evt.rawres': len, 'evt.buflen': len, [type === 'read' ? 'evt.is_io_read' : 'evt.is_io_write']: true,
  'fd.type': fdType, 'fd.name': name, 'fd.containername': `:${name}`, ...extra,
});
const logWrite = (name: string, text: string): Fake => io('write', 'file', name, text.length, { 'evt.buffer': text, 'evt.arg.data': text });
const net = (type: 'read' | 'write', sport: number, text: string): Fake =>
  io(type, 'ipv4', `10.0.0.1:5000->10.0.0.2:${sport}`, text.length, { 'fd.sport': sport, 'evt.buffer': text, 'evt.arg.data': text });

/** One or more events for every tile that has a defining filter, and near misses for each. */
const EVENTS: Fake[] = [
  { 'evt.dir': '>', 'evt.type': 'notification' },
  io('read', 'file', '/etc/hosts', 100, { 'evt.latency': 2_000_000 }),
  io('read', 'file', '/dev/sda', 7, { 'evt.latency': 200_000_000 }),
  io('write', 'file', '/etc/passwd', 10, { 'evt.latency': 20_000_000 }),
  io('write', 'file', '/usr/lib/x.so', 3, { 'evt.latency': 150_000_000 }),
  io('write', 'file', '/tmp/scratch', 4),
  io('read', 'file', '/tmp/scratch', 9),
  { ...io('read', 'file', '/tmp/failed', 0), 'evt.rawres': -11, 'evt.buflen': undefined },
  logWrite('/var/log/app.log', 'started\nlistening\n'),
  logWrite('/var/log/app.log', 'WARN disk low (error soon)\n'),
  logWrite('/srv/error_log', 'fatal ERROR here\n'),
  logWrite('/var/log/old.log.gz', 'error compressed\n'),
  io('write', 'file', '/dev/log', 30, { 'syslog.severity': 4 }),
  io('write', 'unix', '/dev/log', 31, { 'syslog.severity': 2 }),
  io('write', 'unix', '/run/other.sock', 32),
  net('read', 80, 'GET / HTTP/1.1\r\n'),
  net('write', 80, 'HTTP/1.1 200 OK\r\n'),
  net('write', 8080, 'HTTP/1.1 502 Bad Gateway\r\n'),
  net('read', 5432, 'Q select 1'),
  net('write', 9300, 'elastic'),
  net('read', 22, 'SSH-2.0'),
  { 'evt.dir': '<', 'evt.type': 'bind', 'evt.rawres': 0, 'fd.sport': 8080 },
  { 'evt.dir': '<', 'evt.type': 'bind', 'evt.rawres': -98, 'fd.sport': 8081 },
  { 'evt.dir': '<', 'evt.type': 'connect', 'evt.rawres': 0, 'fd.sport': 22, 'fd.type': 'ipv4' },
  { 'evt.dir': '<', 'evt.type': 'connect', 'evt.rawres': -111, 'fd.sport': 443, 'fd.type': 'ipv4' },
  { 'evt.dir': '<', 'evt.type': 'connect', 'evt.rawres': -115, 'fd.sport': 443, 'fd.type': 'ipv6' },
  { 'evt.dir': '<', 'evt.type': 'connect', 'evt.rawres': -2, 'fd.type': 'unix' },
  { 'evt.dir': '<', 'evt.type': 'accept', 'evt.rawres': 5, 'fd.sport': 80, 'fd.type': 'ipv4' },
  { 'evt.dir': '<', 'evt.type': 'accept4', 'evt.rawres': 6, 'fd.sport': 22, 'fd.type': 'ipv4' },
  { 'evt.dir': '<', 'evt.type': 'execve', 'evt.rawres': 0, 'proc.pname': 'bash', 'evt.arg.exe': 'sudo' },
  { 'evt.dir': '<', 'evt.type': 'execve', 'evt.rawres': 0, 'proc.pname': 'containerd-shim', 'evt.arg.exe': '/bin/ls' },
  { 'evt.dir': '<', 'evt.type': 'execve', 'evt.rawres': -2, 'proc.pname': 'bash' },
  { 'evt.dir': '<', 'evt.type': 'symlinkat', 'evt.rawres': 0 },
  { 'evt.dir': '<', 'evt.type': 'unlinkat', 'evt.rawres': 0 },
  { 'evt.dir': '<', 'evt.type': 'unlink', 'evt.rawres': -2 },
  { 'evt.dir': '<', 'evt.type': 'setns', 'evt.rawres': 0 },
  { 'evt.dir': '<', 'evt.type': 'openat', 'evt.rawres': -2 },
  { 'evt.dir': '<', 'evt.type': 'openat2', 'evt.rawres': -13 },
  { 'evt.dir': '<', 'evt.type': 'open', 'evt.rawres': 3 },
  { 'evt.dir': '<', 'evt.type': 'clone', 'evt.rawres': 1234 },
  { 'evt.dir': '<', 'evt.type': 'clone', 'evt.rawres': 0 },
  { 'evt.dir': '<', 'evt.type': 'clone3', 'evt.rawres': 99 },
  { 'evt.dir': '>', 'evt.type': 'signaldeliver', 'evt.arg.sig': 'SIGSEGV' },
  { 'evt.dir': '>', 'evt.type': 'signaldeliver', 'evt.arg.sig': 'SIGCHLD' },
  { 'evt.dir': '>', 'evt.type': 'infra', 'evt.arg.source': 'docker', 'evt.arg.name': 'die' },
  { 'evt.dir': '>', 'evt.type': 'infra', 'evt.arg.source': 'docker', 'evt.arg.name': 'start' },
  { 'evt.dir': '>', 'evt.type': 'infra', 'evt.arg.source': 'k8s', 'evt.arg.name': 'die' },
];

test("each tile's defining filter selects what the classifier counts for it", () => {
  const ours = classifierTotals(EVENTS);
  const ids = [...staticTiles.map((t) => t.id), ...networkServices.map((s) => networkAppTileId(s.name)), dockerEventTileId('die'), dockerEventTileId('start')];
  let nonZero = 0;
  for (const id of ids) {
    const tf = tileFilter(id);
    if (!tf) continue;
    const expected = ours.get(id) ?? 0;
    if (expected !== 0) nonZero++;
    assert.equal(filterTotal(tf, EVENTS), expected, `${id}: ${tf.filter}`);
  }
  assert.ok(nonZero >= 40, `the events exercise only ${nonZero} tiles`);
});

test("a write mixing a warning with other lines: the filter counts all its lines, the tile only the warning's", () => {
  const mixed = [logWrite('/var/log/app.log', 'started\nWARN disk low\n')];
  assert.equal(classifierTotals(mixed).get('logs.app.warnings'), 1);
  assert.equal(filterTotal(tileFilter('logs.app.warnings')!, mixed), 2);
  assert.equal(filterTotal(tileFilter('logs.app')!, mixed), 2);
});

test('every summed or distinct tile has a defining filter; only alive tiles and container lives have none', () => {
  const without = staticTiles.filter((t) => !tileFilter(t.id)).map((t) => t.id).sort();
  assert.deepEqual(without, ['containers', 'infra.containers.died', 'infra.containers.restarted', 'net.listening', 'procs']);
  for (const t of staticTiles) {
    const tf = tileFilter(t.id);
    if (!tf) continue;
    assert.equal(tf.measure === 'distinct', t.measure === 'distinct', `${t.id}: measure ${tf.measure} for a ${t.measure} tile`);
    if (tf.measure === 'distinct') assert.ok(tf.field, `${t.id}: a distinct measure names its field`);
  }
});

test('defining filters are valid Syscope filters', () => {
  const ids = [...staticTiles.map((t) => t.id), ...networkServices.map((s) => networkAppTileId(s.name)), dockerEventTileId('die "quoted"')];
  for (const id of ids) {
    const tf = tileFilter(id);
    if (!tf || tf.filter === '') continue;
    const checked = checkFilter(tf.filter);
    assert.ok(checked.ok, `${id}: ${checked.ok ? '' : checked.error.message}`);
  }
});

test('network application filters cover exactly their ports, runs as ranges', () => {
  const sportOnly = (svc: string, port: number) =>
    filterTotal(tileFilter(networkAppTileId(svc))!, [io('read', 'ipv4', 'c', 1, { 'fd.sport': port })]);
  for (const s of networkServices) {
    for (const p of s.ports) assert.equal(sportOnly(s.name, p), 1, `${s.name} port ${p}`);
    for (const p of [s.ports[0] - 1, s.ports[s.ports.length - 1] + 1]) if (!networkServices.some((o) => o.ports.includes(p))) assert.equal(sportOnly(s.name, p), 0, `${s.name} port ${p}`);
  }
  assert.match(tileFilter(networkAppTileId('elasticsearch'))!.filter, /fd\.sport>=9200 and fd\.sport<=9400/);
  assert.equal(tileFilter('napps.nonexistent'), undefined);
});

test('a docker event name is quoted in its filter', () => {
  assert.match(tileFilter(dockerEventTileId('exec_create: sh'))!.filter, /evt\.arg\.name="exec_create: sh"$/);
  assert.match(tileFilter(dockerEventTileId('a"b'))!.filter, /evt\.arg\.name="a\\"b"$/);
});

test("a counting tile whose → opens the Events list drills to exactly the events it counts (QA 15: Deleted Files 1 listed 6 events, enters and failed unlinks)", () => {
  const events = staticTiles.filter((t) => t.drillView === 'dig');
  assert.ok(events.length >= 10);
  for (const t of events) {
    const own = tileFilter(t.id);
    assert.ok(own && own.measure === 'count', t.id);
    assert.equal(t.drillFilter, own.filter, t.id);
  }
});
