import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeCrashLoopSample } from '../sample/crashloop';
import { EvidenceService } from './evidenceService';
import { CheckpointStore } from './eventsCheckpoints';
import { listEvents } from './eventsList';
import { listStreams } from './streamsList';
import { EventFieldSet } from './eventFields';
import { InspectorWalk, type WalkSnapshot } from './inspectorWalk';
import { fieldResolver } from '../fields/registry';
import { compileFilter } from '../filter/compile';
import type { EventsRequest, StreamsRequest } from '../../../shared/streams/evidenceApi';

let dir = '';
let path = '';
let events = 0;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'syscope-evidence-'));
  path = join(dir, 'sample.scap');
  events = (await writeCrashLoopSample(path)).events;
});
after(() => rmSync(dir, { recursive: true, force: true }));

const pages = (): EventsRequest[] => [
  { captureId: 'c', fromEvtNum: Math.floor(events / 4), limit: 40 },
  { captureId: 'c', fromEvtNum: Math.floor(events / 2), limit: 40, filter: 'evt.dir=<' },
  { captureId: 'c', fromEvtNum: events - 20, limit: 40 },
  { captureId: 'c', limit: 30, filter: 'proc.name=sshd' },
  { captureId: 'c', fromEvtNum: Math.floor((3 * events) / 4), limit: 25, fields: ['evt.num', 'proc.name', 'fd.name', 'evt.latency'] },
];
const streamPages = (): StreamsRequest[] => [
  { captureId: 'c', fromEvtNum: Math.floor(events / 3), limit: 30 },
  { captureId: 'c', limit: 20, filter: 'proc.name=sshd' },
  { captureId: 'c', fromEvtNum: Math.floor((2 * events) / 3), limit: 30, filter: 'fd.type=file' },
];

test('a page asked before the checkpoints are laid equals the page after, and both equal a fresh service\'s', async () => {
  const svc = new EvidenceService(path, { checkpointEvery: 97 });
  const early = [];
  for (const r of pages()) early.push(await svc.events(r));
  const earlyStreams = [];
  for (const r of streamPages()) earlyStreams.push(await svc.streams(r));
  await svc.prepareCheckpoints();
  const stats = svc.checkpointStats();
  assert.ok(stats.ready && stats.count > 50, JSON.stringify(stats));
  const fresh = new EvidenceService(path);
  for (const [i, r] of pages().entries()) {
    const later = await svc.events(r);
    assert.deepEqual(later, early[i], JSON.stringify(r));
    assert.deepEqual(later, await fresh.events(r), JSON.stringify(r));
  }
  for (const [i, r] of streamPages().entries()) {
    const later = await svc.streams(r);
    assert.deepEqual(later, earlyStreams[i], JSON.stringify(r));
    assert.deepEqual(later, await fresh.streams(r), JSON.stringify(r));
  }
});

test('the preparing pass steps aside while requests are answered and still covers the whole capture', async () => {
  const svc = new EvidenceService(path, { checkpointEvery: 97 });
  const preparing = svc.prepareCheckpoints();
  // Requests arriving while it runs: each one stops it, and it resumes from its latest checkpoint.
  const answers = await Promise.all([...pages().map((r) => svc.events(r)), ...streamPages().map((r) => svc.streams(r))]);
  await preparing;
  const fresh = new EvidenceService(path);
  const expected = [...await Promise.all(pages().map((r) => fresh.events(r))), ...await Promise.all(streamPages().map((r) => fresh.streams(r)))];
  assert.deepEqual(answers, expected);
  const stats = svc.checkpointStats();
  assert.ok(stats.ready);
  // Every spacing of the capture has its checkpoint (none skipped by the interruptions).
  assert.ok(stats.count >= Math.floor(events / 97) - 2 && stats.count <= Math.ceil(events / 97), `${stats.count} checkpoints for ${events} events`);
});

test('streams pages resumed from the events list\'s checkpoints equal the pages read from the start', async () => {
  const store = new CheckpointStore<WalkSnapshot>(53, 1000);
  const scout = new InspectorWalk(path);
  await listEvents(scout, { fields: new EventFieldSet(['evt.num'], fieldResolver), limit: 0, predicate: () => false }, { walk: scout, store });
  assert.ok(store.size > 100);
  const sshd = compileFilter('proc.name=sshd or fd.type=ipv4', fieldResolver);
  assert.ok(sshd.ok);
  let resumed = 0;
  for (const q of [{ fromEvtNum: 1000 }, { fromEvtNum: Math.floor(events / 2) }, { fromEvtNum: events - 300, predicate: sshd.predicate }, { fromEvtNum: 4000, follow: '' }]) {
    const query = { ...q, limit: 40 };
    if (query.follow === '') {
      // Follow the first stream listed from there.
      const first = await listStreams(new InspectorWalk(path), { ...query, follow: undefined, limit: 1 });
      query.follow = first.operations[0].streamKey;
    }
    const visits = { fromStart: 0, seeking: 0 };
    const counted = (walk: InspectorWalk, key: keyof typeof visits) => ({
      lookup: walk.lookup,
      walk: (v: Parameters<InspectorWalk['walk']>[0]) => walk.walk((c, e) => { visits[key]++; return v(c, e); }),
      resumeAt: (s: WalkSnapshot) => walk.resumeAt(s),
      snapshotAfterCurrent: walk.snapshotAfterCurrent.bind(walk),
    });
    const fromStart = await listStreams(counted(new InspectorWalk(path), 'fromStart'), query);
    const counting = counted(new InspectorWalk(path), 'seeking');
    const seeking = await listStreams(counting, query, { walk: counting, store });
    assert.deepEqual(seeking, fromStart, JSON.stringify({ ...query, predicate: undefined }));
    // Resumed: the events before the page (all but the last spacing) were not read again.
    if (visits.seeking <= visits.fromStart - query.fromEvtNum / 2) resumed++;
    assert.ok(fromStart.operations.length > 0);
  }
  assert.equal(resumed, 4, 'every page resumed from a checkpoint');
});

test('the page before an event or the end holds the last events a forward read lists before it, with or without checkpoints', async () => {
  const forward = async (svc: EvidenceService, filter?: string) => {
    const all: number[] = [];
    let from: number | undefined;
    for (;;) {
      const p = await svc.events({ captureId: 'c', filter, fromEvtNum: from, limit: 500 });
      all.push(...p.events.map((e) => e.evtNum));
      if (p.next === null) return all;
      from = p.next;
    }
  };
  const laid = new EvidenceService(path, { checkpointEvery: 97 });
  await laid.prepareCheckpoints();
  for (const svc of [new EvidenceService(path), laid]) {
    for (const filter of [undefined, 'evt.dir=<', 'proc.name=sshd']) {
      const all = await forward(svc, filter);
      const last = await svc.events({ captureId: 'c', filter, before: 'end', limit: 40 });
      assert.deepEqual(last.events.map((e) => e.evtNum), all.slice(-40), String(filter));
      assert.equal(last.next, null);
      assert.equal(last.earlier, all.length > 40);
      const mid = all[Math.floor(all.length / 2)];
      const before = await svc.events({ captureId: 'c', filter, before: mid, limit: 30 });
      const upTo = all.filter((n) => n < mid);
      assert.deepEqual(before.events.map((e) => e.evtNum), upTo.slice(-30), String(filter));
      assert.equal(before.next, mid);
      const first = await svc.events({ captureId: 'c', filter, before: all[3], limit: 30 });
      assert.deepEqual([first.events.map((e) => e.evtNum), first.earlier], [all.slice(0, 3), false]);
    }
  }
});

test('a window includes its end, as the views\' and tiles\' windows do: one instant lists the events at that instant (QA 17)', async () => {
  const svc = new EvidenceService(path);
  const page = await svc.events({ captureId: 'c', fromEvtNum: 344, limit: 1, fields: ['evt.num', 'evt.rawtime'] });
  const at = String(page.events[0].values[1]);
  const instant = await svc.events({ captureId: 'c', window: { from: at, to: at }, limit: 50, fields: ['evt.num', 'evt.rawtime'] });
  assert.ok(instant.events.some((e) => e.evtNum === 344), JSON.stringify(instant.events));
  assert.ok(instant.events.every((e) => String(e.values[1]) === at));
});
