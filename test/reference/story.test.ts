/**
 * The CrashLoopBackOff story, end to end through the API the app uses (composeAppApi over the
 * real EngineHost and its index worker), on a freshly generated sample capture. Every
 * expectation that sysdig can show is derived from sysdig on the same file:
 *
 * open → the "Container Deaths" tile → drill into a dead nginx container (containers view,
 * shared/views drill-down) → its processes and files → the I/O stream of error.log ("host not
 * found in upstream") → the resolv.conf read (the nameserver) → the DNS query to port 53 →
 * the findings export (HTML + Markdown) with the capture's identity and reproducing commands,
 * each `syscope dump` among them run for real.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { projectRoot, referenceSkip, sysdig } from '../support/reference';
import { EngineHost } from '../../electron/engine/api/engineHost';
import { composeAppApi } from '../../electron/host/appApi';
import { recentFiles } from '../../electron/host/recentFiles';
import type { AppApi } from '../../shared/ipc/schemas';
import type { StreamOperationWire } from '../../shared/streams/evidenceApi';
import { CONTAINER_DEATHS_TILE, CONTAINER_RESTARTS_TILE } from '../../shared/tiles/definitions';
import { drillDown, startTrail, switchView, type Trail } from '../../shared/views/drilldown';
import { andFilters } from '../../shared/findings/commands';
import type { FindingsInput } from '../../shared/findings/schema';
import { findingsSchema } from '../../shared/findings/schema';

const skip = referenceSkip();
const dir = mkdtempSync(join(tmpdir(), 'syscope-story-'));
const capture = join(dir, 'crashloop-nginx.scap');
let host: EngineHost;
let api: AppApi;
let captureId = '';

/** The CLI from source, as `syscope` (a shell command line's first word replaced). */
// tsx by its resolved URL: the reproducing commands run in the capture's folder, outside the project.
const cli = ['node', '--import', import.meta.resolve('tsx'), join(projectRoot, 'electron/cli/main.ts')];
function syscope(args: string[]): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(cli[0], [...cli.slice(1), ...args], { cwd: projectRoot, encoding: 'utf8', maxBuffer: 1 << 28 });
}

const text = (ops: StreamOperationWire[]) => ops.map((o) => Buffer.from(o.dataBase64, 'base64').toString('latin1')).join('');
const lines = (out: string) => out.split('\n').filter(Boolean);

/** The state of the walk, one test after the other (node:test runs them in order). */
const walk: { deadContainer?: string; trail?: Trail; errorLogWrite?: number; resolvRead?: number; dnsSend?: number } = {};

before(async () => {
  if (skip) return;
  const made = syscope(['sample', '-o', capture]);
  assert.equal(made.status, 0, made.stderr);
  host = new EngineHost({ cacheDir: null });
  api = composeAppApi(host, { recent: recentFiles(join(dir, 'recent.json')), samplePath: capture });
});
after(async () => {
  await host?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('the sample opens: loading reports progress and ends done, with the events sysdig reads', { skip }, async () => {
  const progress: boolean[] = [];
  const loaded = new Promise<void>((resolve, reject) => {
    const off = host.onEvent(({ data }) => {
      if (data.captureId !== captureId && captureId !== '') return;
      progress.push(data.done);
      if (data.error) { off(); reject(new Error(data.error)); }
      else if (data.done) { off(); resolve(); }
    });
  });
  ({ captureId } = await api.openCapture({ path: capture }));
  await loaded;
  const info = await api.captureInfo({ captureId });
  assert.equal(info.fileName, 'crashloop-nginx.scap');
  assert.equal(info.events, lines(sysdig(['-r', capture, '-p', '%evt.num'])).length);
  assert.ok(progress.at(-1), 'the last progress event says done');
});

test('the Container Deaths tile counts the 5 failed starts as sysdig shows them, and the restarts', { skip }, async () => {
  // sysdig: exits of pid 1 inside a container, by the process's main thread.
  const exits = lines(sysdig(['-r', capture, '-p', '*%thread.tid %proc.pid %proc.vpid %container.id', 'evt.type=procexit and container.id!=host']))
    .map((l) => l.split(' ')).filter(([tid, pid, vpid]) => tid === pid && vpid === '1');
  const died = [...new Set(exits.map((e) => e[3]))].sort();
  assert.equal(exits.length, 5, 'the sample has 5 failed starts');
  const tiles = await api.tiles({ captureId, samples: 40 });
  const deaths = tiles.find((t) => t.id === CONTAINER_DEATHS_TILE);
  assert.ok(deaths, `tiles: ${tiles.map((t) => t.title).join(', ')}`);
  assert.equal(deaths.title, 'Container Deaths');
  assert.equal(deaths.category, 'Infrastructure');
  assert.equal(deaths.total, exits.length);
  assert.equal(deaths.series.filter((v) => v > 0).length > 1, true, 'the deaths are spread over the timeline');
  assert.equal(deaths.drillFilter, `container.id in (${died.join(', ')})`);
  // Each failed start but the first is followed by a new nginx instance: 4 restarts plus the last, running one.
  assert.equal(tiles.find((t) => t.id === CONTAINER_RESTARTS_TILE)?.total, exits.length);

  const trail = startTrail(deaths.drillView as string, deaths.drillFilter);
  const containers = await api.view({ captureId, viewId: trail[0].viewId, filter: trail[0].filter, offset: 0, limit: 50 });
  assert.deepEqual([...containers.keys ?? []].sort(), died, 'the drill-down lists exactly the containers that died');
  const name = containers.columns.findIndex((c) => c.name === 'NAME');
  for (const row of containers.rows) assert.match(String(row[name]), /^k8s_nginx_web-/);
  walk.deadContainer = died[0];
  walk.trail = trail;
});

test("drilling into a dead nginx container lists its process and files", { skip }, async () => {
  const trail = drillDown(walk.trail as Trail, walk.deadContainer as string);
  assert.equal(trail[1].viewId, 'procs');
  assert.equal(trail[1].keyField, 'container.id');
  const procs = await api.view({ captureId, viewId: 'procs', filter: trail[1].filter, offset: 0, limit: 50 });
  const sysdigPids = [...new Set(lines(sysdig(['-r', capture, '-p', '%proc.pid', `container.id=${walk.deadContainer}`])))].sort();
  assert.deepEqual([...procs.keys ?? []].sort(), sysdigPids, 'the processes sysdig sees in that container');
  assert.match(JSON.stringify(procs.rows), /nginx/);

  const filesTrail = switchView(trail, 'files');
  const files = await api.view({ captureId, viewId: 'files', filter: filesTrail[1].filter, offset: 0, limit: 200 });
  // The files view's key is csysdig's container:path.
  const names = files.keys ?? [];
  for (const f of ['/var/log/nginx/error.log', '/etc/resolv.conf']) assert.ok(names.includes(`${walk.deadContainer}:${f}`), `${f} in ${names.join(', ')}`);
  walk.trail = trail;
});

test('the I/O stream of error.log reads "host not found in upstream"', { skip }, async () => {
  const filter = andFilters(walk.trail?.[1].filter, 'fd.name=/var/log/nginx/error.log');
  const { operations } = await api.streams({ captureId, filter, limit: 100 });
  assert.ok(operations.length > 0);
  assert.match(text(operations), /host not found in upstream "api-backend:8080"/);
  const theirs = lines(sysdig(['-r', capture, '-p', '%evt.num', `(${filter}) and evt.is_io_write=true and evt.dir=<`]));
  assert.deepEqual(operations.filter((o) => o.direction === 'write').map((o) => String(o.evtNum)), theirs);
  walk.errorLogWrite = operations.find((o) => /host not found/.test(text([o])))?.evtNum;
});

test('the resolv.conf read shows the nameserver, and the DNS query to port 53 is sent with its bytes', { skip }, async () => {
  const container = `container.id=${walk.deadContainer}`;
  const resolv = (await api.streams({ captureId, filter: andFilters(container, 'fd.name=/etc/resolv.conf'), limit: 20 })).operations.filter((o) => o.length > 0);
  const nameserver = /nameserver \d+\.\d+\.\d+\.\d+/.exec(sysdig(['-r', capture, '-A', '-p', '%evt.buffer', `${container} and fd.name=/etc/resolv.conf and evt.type=read and evt.dir=<`]))?.[0];
  assert.ok(nameserver, 'sysdig shows a nameserver line');
  assert.ok(text(resolv).includes(nameserver), `${nameserver} in the resolv.conf stream`);

  const dnsFilter = andFilters(container, 'evt.type=sendto and fd.sport=53');
  const sent = (await api.streams({ captureId, filter: dnsFilter, limit: 100 })).operations;
  const theirs = lines(sysdig(['-r', capture, '-p', '%evt.num %evt.rawres', `${dnsFilter} and evt.dir=<`])).map((l) => l.split(' '));
  assert.ok(theirs.length > 0, 'sysdig shows DNS queries');
  assert.deepEqual(sent.map((o) => [String(o.evtNum), String(o.length)]), theirs);
  assert.ok(text(sent).includes('api-backend'), 'the query carries the name asked for');
  // The story's own filter (docs/story.md, step 6) shows each query with its reply: NXDOMAIN.
  const conversation = (await api.streams({ captureId, filter: andFilters(container, 'fd.sport=53'), limit: 100 })).operations;
  const reply = conversation.find((o) => o.direction === 'read' && o.length > 0);
  assert.ok(reply, 'the replies are in the port-53 streams');
  assert.deepEqual([...Buffer.from(reply.dataBase64, 'base64').subarray(2, 4)], [0x81, 0x83], 'the reply flags: response, NXDOMAIN');
  walk.resolvRead = resolv[0]?.evtNum;
  walk.dnsSend = sent[0]?.evtNum;
});

test('the findings export carries the identity and reproducing commands, and each syscope dump prints its finding', { skip }, async () => {
  const { errorLogWrite, resolvRead, dnsSend, deadContainer, trail } = walk;
  assert.ok(errorLogWrite && resolvRead && dnsSend && deadContainer && trail);
  const input: FindingsInput = {
    format: 'syscope-findings', version: 1, title: 'nginx CrashLoopBackOff: api-backend not resolvable',
    summary: 'nginx exits at start: its upstream api-backend:8080 does not resolve.',
    capture: { fileName: basename(capture) },
    steps: [
      { title: 'Containers died', viewId: 'overview', tiles: [CONTAINER_DEATHS_TILE] },
      { title: 'The dead container', viewId: 'procs', trail, filter: '' },
    ],
    bookmarks: [
      { kind: 'event', evtNum: errorLogWrite, note: 'host not found in upstream' },
      { kind: 'stream', evtNum: resolvRead, note: 'the nameserver asked' },
      { kind: 'event', evtNum: dnsSend, note: 'the DNS query' },
      { kind: 'row', viewId: 'containers', filter: trail[0].filter, key: deadContainer, note: 'one of the dead containers' },
    ],
  };
  const reply = await api.exportFindings({ captureId, findings: findingsSchema.parse(input) });
  const file = (ext: string) => reply.files.find((f) => f.fileName.endsWith(ext))?.content ?? '';
  const html = file('.html');
  const md = file('.md');
  const sha256 = createHash('sha256').update(readFileSync(capture)).digest('hex');
  for (const [what, doc] of [['html', html], ['markdown', md]] as const) {
    assert.ok(doc.includes(sha256), `${what}: the capture's SHA-256`);
    assert.ok(doc.includes('crashloop-nginx.scap'), `${what}: the capture's name`);
    assert.ok(doc.includes(`evt.num=${errorLogWrite}`), `${what}: the reproducing command of the error.log write`);
  }
  // Every `syscope dump` in the Markdown, run as written.
  const dumps = md.split('\n').filter((l) => l.startsWith('syscope dump '));
  assert.ok(dumps.length >= 4, `dump commands: ${dumps.length}`);
  const expected = new Map<string, RegExp>([
    [`evt.num=${errorLogWrite}`, /host not found in upstream/],
    [`evt.num=${dnsSend}`, / sendto /],
  ]);
  for (const filter of expected.keys()) assert.ok(dumps.some((c) => c.includes(filter)), `a dump command for ${filter}`);
  assert.ok(dumps.some((c) => c.includes(deadContainer)), 'a dump command for the dead container');
  for (const command of dumps) {
    console.log(`# ran: ${command}`);
    // In the capture's folder: the commands name it by file name, as a colleague runs them (QA 20).
    const r = spawnSync('sh', ['-c', `${cli.map((w) => `'${w}'`).join(' ')} ${command.slice('syscope '.length)}`], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 });
    assert.equal(r.status, 0, `${command}: ${r.stderr}`);
    assert.ok(r.stdout.trim().length > 0, `${command} prints events`);
    for (const [filter, shows] of expected) if (command.includes(filter)) assert.match(r.stdout, shows, command);
    if (command.includes(deadContainer)) assert.match(r.stdout, /nginx/, command);
  }
});
