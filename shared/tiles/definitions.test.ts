import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareTiles, dockerEventTileId, networkAppTileId, serviceOfPort, staticTiles, tileDefinition } from './definitions';

test('segmentation faults drill on SIGSEGV, spelled right', () => {
  assert.match(tileDefinition('perf.segfaults')?.drillFilter ?? '', /evt\.arg\.sig=SIGSEGV$/);
});

test('file open errors cover openat, and modified system files drill to system paths only', () => {
  assert.match(tileDefinition('perf.open.errors')?.drillFilter ?? '', /openat/);
  assert.match(tileDefinition('sec.sysfiles')?.drillFilter ?? '', /fd\.name startswith \/etc\//);
});

test('HTTP requests and responses are separate tiles', () => {
  assert.match(tileDefinition('perf.http.requests')?.drillFilter ?? '', /startswith "GET "/);
  assert.match(tileDefinition('perf.http.responses')?.drillFilter ?? '', /startswith "HTTP\/"/);
});

test('docker event and network application tiles are named and filtered per name', () => {
  const die = tileDefinition(dockerEventTileId('die'));
  assert.equal(die?.title, 'die Events');
  assert.equal(die?.drillFilter, 'evt.arg.name="die"');
  assert.equal(tileDefinition(networkAppTileId('HTTP'))?.drillFilter, 'fd.sport=80 or fd.sport=8080');
  assert.equal(serviceOfPort(9300), 'elasticsearch');
  assert.equal(tileDefinition(networkAppTileId('nope')), undefined);
});

test('tile order is stable: category, then list order, then dynamic tiles by title', () => {
  const dyn = ['start', 'die', 'attach'].map((n) => tileDefinition(dockerEventTileId(n))!);
  const all = [...dyn, ...staticTiles].sort(compareTiles).map((t) => t.id);
  const again = [...staticTiles].reverse().concat(dyn.reverse()).sort(compareTiles).map((t) => t.id);
  assert.deepEqual(all, again);
  assert.equal(all[0], 'notifications');
  assert.deepEqual(all.slice(-4), ['infra.docker', 'infra.docker.attach', 'infra.docker.die', 'infra.docker.start']);
});

test('the tile of sysdig\'s "Sysdig Agent" ports says that port 6443 is also the Kubernetes API server\'s (QA 18: kubelet traffic read as an agent)', () => {
  const tile = tileDefinition(networkAppTileId('Sysdig Agent'));
  assert.ok(tile);
  assert.equal(tile.title, 'Sysdig Agent or K8s API Bytes');
  assert.match(tile.description, /6443.*Kubernetes API server/);
  assert.equal(tile.drillFilter, 'fd.sport=6443 or fd.sport=6666 or fd.sport=6667');
  // Other services keep the chisel's "<name> Bytes".
  assert.equal(tileDefinition(networkAppTileId('HTTP'))?.title, 'HTTP Bytes');
});
