import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tilesOfEvents, type FakeEvent } from './testTiles';
import { CONTAINER_DEATHS_TILE, CONTAINER_RESTARTS_TILE } from '../../../shared/tiles/definitions';
import { containerOfDockerScope } from './containerDeaths';

type Fake = FakeEvent;
const tilesOf = (events: Fake[]) => tilesOfEvents(events);

const shim = { 'proc.pid': 100, 'thread.tid': 100, 'container.id': 'host', 'evt.type': 'read', 'evt.dir': '<' };
/** An event of a process in a container. */
const inside = (pid: number, cid: string, extra: Fake = {}): Fake => ({
  'proc.pid': pid, 'thread.tid': pid, 'proc.ppid': 100, 'container.id': cid, 'container.name': `k8s_nginx_web-1_default_uid_${cid.slice(-1)}`,
  'evt.type': 'openat', 'evt.dir': '<', 'evt.rawres': 3, ...extra,
});
const exit = (pid: number, cid: string, extra: Fake = {}): Fake => inside(pid, cid, { 'evt.type': 'procexit', 'evt.dir': '>', ...extra });

test('a container main process (vpid 1) exiting counts one death, drilling to that container', () => {
  const t = tilesOf([shim, inside(200, 'c0', { 'proc.vpid': 1 }), exit(200, 'c0', { 'proc.vpid': 1 })]);
  assert.equal(t.get(CONTAINER_DEATHS_TILE)?.total, 1);
  assert.equal(t.get(CONTAINER_DEATHS_TILE)?.category, 'Infrastructure');
  assert.equal(t.get(CONTAINER_DEATHS_TILE)?.drillView, 'containers');
  assert.equal(t.get(CONTAINER_DEATHS_TILE)?.drillFilter, 'container.id in (c0)');
});

test('threads exiting and processes other than the main one are not container deaths', () => {
  const t = tilesOf([
    inside(200, 'c0', { 'proc.vpid': 1 }),
    exit(200, 'c0', { 'proc.vpid': 1, 'thread.tid': 201 }), // a thread of the main process
    inside(210, 'c0', { 'proc.vpid': 7, 'proc.ppid': 200 }),
    exit(210, 'c0', { 'proc.vpid': 7, 'proc.ppid': 200 }), // a child inside the container
    exit(300, 'host'),
  ]);
  assert.equal(t.get(CONTAINER_DEATHS_TILE), undefined, 'the tile is hidden when nothing died');
});

test('without pids inside the container, the process started from outside it is the main one', () => {
  const t = tilesOf([
    shim,
    inside(200, 'c0'), inside(210, 'c0', { 'proc.ppid': 200 }),
    exit(210, 'c0', { 'proc.ppid': 200 }),
    exit(200, 'c0'),
  ]);
  assert.equal(t.get(CONTAINER_DEATHS_TILE)?.total, 1);
});

test('a container sharing the host pid namespace (vpid = pid) uses the parent rule', () => {
  const t = tilesOf([shim, inside(200, 'c0', { 'proc.vpid': 200 }), exit(200, 'c0', { 'proc.vpid': 200 })]);
  assert.equal(t.get(CONTAINER_DEATHS_TILE)?.total, 1);
});

test('crash-looping pod: each attempt dies and each new attempt is a restart', () => {
  const events: Fake[] = [shim];
  for (let i = 0; i < 4; i++) {
    events.push(inside(200 + i, `c${i}`, { 'proc.vpid': 1 }));
    if (i < 3) events.push(exit(200 + i, `c${i}`, { 'proc.vpid': 1, 'evt.arg.status': 256 }));
  }
  const t = tilesOf(events);
  assert.equal(t.get(CONTAINER_DEATHS_TILE)?.total, 3);
  assert.equal(t.get(CONTAINER_DEATHS_TILE)?.drillFilter, 'container.id in (c0, c1, c2)');
  assert.equal(t.get(CONTAINER_RESTARTS_TILE)?.total, 3);
  assert.equal(t.get(CONTAINER_RESTARTS_TILE)?.drillFilter, 'container.id in (c1, c2, c3)');
});

test('a pod sandbox starting after a death is not a restart', () => {
  const t = tilesOf([
    shim,
    inside(200, 'c0', { 'proc.vpid': 1 }), exit(200, 'c0', { 'proc.vpid': 1 }),
    inside(300, 'p1', { 'proc.vpid': 1, 'container.name': 'k8s_POD_web-1_default_uid_1' }),
  ]);
  assert.equal(t.get(CONTAINER_DEATHS_TILE)?.total, 1);
  assert.equal(t.get(CONTAINER_RESTARTS_TILE), undefined);
});

const dockerDie = (id: string): Fake => ({ 'evt.type': 'infra', 'evt.dir': '>', 'evt.arg.source': 'docker', 'evt.arg.name': 'die', 'evt.arg.scope': `container.id=${id} container.name=web` });

test('a docker die event and the main process exit of the same container count once', () => {
  const long = 'c0'.padEnd(64, '0');
  const t = tilesOf([shim, inside(200, long.slice(0, 12), { 'proc.vpid': 1 }), exit(200, long.slice(0, 12), { 'proc.vpid': 1 }), dockerDie(long)]);
  assert.equal(t.get(CONTAINER_DEATHS_TILE)?.total, 1);
  assert.equal(t.get('infra.docker.die')?.total, 1);
});

test('docker die events count as deaths where no process exit was recorded, in either order', () => {
  const t = tilesOf([dockerDie('aaaaaaaaaaaa'), dockerDie('bbbbbbbbbbbb'), inside(200, 'bbbbbbbbbbbb', { 'proc.vpid': 1 }), exit(200, 'bbbbbbbbbbbb', { 'proc.vpid': 1 })]);
  assert.equal(t.get(CONTAINER_DEATHS_TILE)?.total, 2);
  assert.equal(t.get(CONTAINER_DEATHS_TILE)?.drillFilter, 'container.id in (aaaaaaaaaaaa, bbbbbbbbbbbb)');
});

test('docker scopes name containers by their short id', () => {
  assert.equal(containerOfDockerScope(`container.id=${'ab'.repeat(32)} host.mac=x`), 'ab'.repeat(6));
  assert.equal(containerOfDockerScope('host.mac=x'), undefined);
});

test("runc's parent exiting before the container's init is first seen is not a death", () => {
  const t = tilesOf([
    shim,
    inside(10309, 'c0', { 'proc.vpid': 10309 }), exit(10309, 'c0', { 'proc.vpid': 10309 }),
    inside(10310, 'c0', { 'proc.vpid': 1, 'proc.ppid': 10309 }),
  ]);
  assert.equal(t.get(CONTAINER_DEATHS_TILE), undefined);
});

test('a child whose parent is a thread (not the main thread) of a process in the container is not a main process', () => {
  const t = tilesOf([
    shim,
    inside(3855, 'k0', { 'proc.vpid': 3855 }), inside(3855, 'k0', { 'proc.vpid': 3855, 'thread.tid': 3932 }),
    inside(22371, 'k0', { 'proc.vpid': 22371, 'proc.ppid': 3932 }), exit(22371, 'k0', { 'proc.vpid': 22371, 'proc.ppid': 3932 }),
  ]);
  assert.equal(t.get(CONTAINER_DEATHS_TILE), undefined);
});

test('a thread id beyond 32 bits seen in a container does not hide the first sighting of the thread id it cuts to', () => {
  const big = 201 + 2 ** 32;
  const t = tilesOf([
    shim,
    inside(200, 'c0', { 'proc.vpid': 1 }), exit(200, 'c0', { 'proc.vpid': 1 }),
    inside(big, 'c1', { 'proc.vpid': 7 }),
    inside(201, 'c1', { 'proc.vpid': 1 }),
  ]);
  assert.equal(t.get(CONTAINER_RESTARTS_TILE)?.total, 1);
});

test('a main process seen without a thread between two sightings in its container is seen anew there', () => {
  // An event with no thread (a procinfo of a tid the state does not know) has no container.
  const threadless = (tid: number): Fake => ({ 'thread.tid': tid, 'evt.type': 'procinfo', 'evt.dir': '>' });
  const events: Fake[] = [
    shim,
    inside(200, 'c0', { 'proc.vpid': 1 }), exit(200, 'c0', { 'proc.vpid': 1 }),
    inside(201, 'c1', { 'proc.vpid': 1 }), exit(201, 'c1', { 'proc.vpid': 1 }),
    threadless(201), threadless(999),
    inside(201, 'c1', { 'proc.vpid': 1 }),
  ];
  assert.equal(tilesOf(events).get(CONTAINER_RESTARTS_TILE)?.total, 2);
  // Without the event in no place, the last sighting is the same thread in the same container.
  assert.equal(tilesOf(events.filter((e) => e['evt.type'] !== 'procinfo')).get(CONTAINER_RESTARTS_TILE)?.total, 1);
});
