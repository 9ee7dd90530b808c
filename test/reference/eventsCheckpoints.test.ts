/**
 * Events pages resumed from state checkpoints equal the pages read from the start of the
 * capture: every field of every event (all displayable fields), its partner, latency, and the
 * page's continuation, at many positions (start, quarters, end, by time, with filters, in a
 * window), on gzip and plain real captures. Checkpoints are taken densely here (every 97
 * events, thinned past 200) so that pages resume from copies of states at many points.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { basename, join } from 'node:path';
import { existsSync } from 'node:fs';
import { capturesDir, referenceSkip } from '../support/reference';
import { fieldResolver } from '../../electron/engine/fields/registry';
import { compileFilter } from '../../electron/engine/filter/compile';
import type { EventContext } from '../../electron/engine/inspector/eventContext';
import { listEvents, type EventsPage, type EventsQuery } from '../../electron/engine/evidence/eventsList';
import { displayableFieldNames, EventFieldSet } from '../../electron/engine/evidence/eventFields';
import { InspectorWalk, type WalkSnapshot } from '../../electron/engine/evidence/inspectorWalk';
import { CheckpointStore } from '../../electron/engine/evidence/eventsCheckpoints';
import { EvidenceService } from '../../electron/engine/evidence/evidenceService';

const CAPTURES = ['bencer_capture.scap', 'sysflow_nginx_nginx.scap', 'inspect_502Error.scap', 'falco_cat_write.scap', 'sysflow_namespaces_setns.scap'];
const PAGE = 40;

function predicate(filter: string) {
  const c = compileFilter(filter, fieldResolver);
  if (!c.ok) throw new Error(c.error.message);
  return c.predicate;
}

/** Page identity, with bigints as text so the comparison shows readable differences. */
function comparable(p: EventsPage): unknown {
  return JSON.stringify({ events: p.events, next: p.next }, (_k, v) => (typeof v === 'bigint' ? `${v}n` : v));
}

for (const name of CAPTURES) {
  const path = join(capturesDir, name);
  test(`events pages resumed from checkpoints equal the pages read from the start: ${name}`, { skip: referenceSkip(false) || (!existsSync(path) && `${name} absent`) }, async () => {
    // A field set per pass: some fields count from their first use in a pass (thread.exectime,
    // as sysdig measures it per field use), so a set read by one pass would carry over to the next.
    const fields = () => new EventFieldSet(displayableFieldNames(), fieldResolver, true, { jsonTimes: true });
    const store = new CheckpointStore<WalkSnapshot>(97, 200);
    // One pass to the end leaves the checkpoints behind (and tells the capture's extent).
    let last = 0;
    let firstTs = -1n;
    let lastTs = -1n;
    const scout = new InspectorWalk(path);
    await listEvents(scout, { fields: new EventFieldSet(['evt.num'], fieldResolver), limit: 0, predicate: (ctx: EventContext) => {
      last = ctx.num;
      if (firstTs < 0n) firstTs = ctx.ev.ts;
      lastTs = ctx.ev.ts;
      return false;
    } }, { walk: scout, store });
    assert.ok(last > 0, 'capture has events');
    const mid = firstTs + (lastTs - firstTs) / 2n;
    const queries: Array<[string, Omit<EventsQuery<EventContext>, 'fields' | 'limit'>]> = [
      ['start', {}],
      ['quarter', { fromEvtNum: Math.floor(last / 4) }],
      ['middle', { fromEvtNum: Math.floor(last / 2) }],
      ['three quarters', { fromEvtNum: Math.floor((3 * last) / 4) + 1 }],
      ['end', { fromEvtNum: last - 10 }],
      ['past the end', { fromEvtNum: last + 5 }],
      ['middle by time', { fromTs: mid }],
      ['middle by time and number', { fromTs: firstTs + (lastTs - firstTs) / 3n, fromEvtNum: Math.floor((2 * last) / 3) }],
      ['filtered from the middle', { fromEvtNum: Math.floor(last / 2), predicate: predicate('fd.type=file or fd.type=ipv4') }],
      ['state filter from a quarter', { fromEvtNum: Math.floor(last / 4), predicate: predicate('evt.dir=< and proc.name!=sysdig') }],
      ['window in the second half', { window: { from: mid, to: lastTs } }],
    ];
    let resumed = 0;
    for (const [what, q] of queries) {
      const query = { ...q, limit: PAGE };
      const fromStart = await listEvents(new InspectorWalk(path), { ...query, fields: fields() });
      const walk = new InspectorWalk(path);
      const seeking = await listEvents(walk, { ...query, fields: fields() }, { walk, store });
      if (seeking.scanned < fromStart.scanned) resumed++;
      assert.equal(comparable(seeking), comparable(fromStart), `${basename(path)}: ${what}`);
    }
    console.log(`# ${name}: ${last} events, ${store.size} checkpoints, ${resumed}/${queries.length} pages resumed`);
    assert.ok(store.size > 0, "the pass left checkpoints");
    // Without resuming, these pages would read as much as from the start: the test must exercise it.
    assert.ok(resumed >= 5, `only ${resumed} pages resumed from a checkpoint`);
  });
}

test('the evidence service: after preparing checkpoints, pages anywhere equal those of a fresh service', { skip: referenceSkip(false) }, async () => {
  const path = join(capturesDir, 'inspect_502Error.scap');
  const prepared = new EvidenceService(path);
  await prepared.prepareCheckpoints();
  const store = (prepared as unknown as { checkpoints: CheckpointStore<WalkSnapshot> }).checkpoints;
  assert.ok(store.size > 0, 'checkpoints left by the preparing pass');
  for (const req of [{ fromEvtNum: 15_000 }, { fromEvtNum: 21_000, filter: 'evt.dir=<' }, { fromEvtNum: 3 }, { fromEvtNum: 20_001, fields: ['evt.num', 'proc.name', 'fd.name', 'evt.latency', 'thread.tid'] }]) {
    const r = { captureId: '', limit: 50, ...req };
    assert.deepEqual(await prepared.events(r), await new EvidenceService(path).events(r), JSON.stringify(req));
  }
  const evtNum = (await prepared.events({ captureId: '', fromEvtNum: 18_000, limit: 1 })).events[0].evtNum;
  assert.deepEqual(await prepared.eventDetail({ captureId: '', evtNum }), await new EvidenceService(path).eventDetail({ captureId: '', evtNum }));
});
