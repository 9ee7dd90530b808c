/**
 * Events pages under a filter the capture index decides (api/indexMatches.ts): the page skips to
 * the checkpoint before the first match, jumps over stretches without one and asks the filter
 * only at the offsets the index names (evidence/eventsList.ts matchAtOrAfter). On every real
 * capture, under filters drawn from its own index (its rarest and commonest event types, a
 * process name, a connection filter), the pages so found list the same events as the pages
 * read through, and the pages after them (from each reply's `next`) too. `next` is the next
 * match, found or named by the index, or null when there is none: so "is there a next page" is
 * answered yes only when there is one, and where the page read through met its next match,
 * both ways give the same `next`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { basename } from 'node:path';
import { captureFiles, referenceSkip } from '../support/reference';
import { CaptureSession } from '../../electron/engine/api/captureSession';
import { engineResolver } from '../../electron/engine/api/engineResolver';
import { indexMatches } from '../../electron/engine/api/indexMatches';
import { EvidenceService } from '../../electron/engine/evidence/evidenceService';
import type { EventsReply, EventsRequest } from '../../shared/streams/evidenceApi';
import { EVENTS } from '../../shared/scap/eventTable';
import { isInternalEvent } from '../../electron/engine/inspector/sysdigEvents';

const skip = referenceSkip(false);

/** Event type names of the shown rows, rarest first. */
function typesByCount(session: CaptureSession): string[] {
  const { type } = session.index.cols;
  const counts = new Map<string, number>();
  for (let row = 0; row < session.index.events; row++) {
    const name = EVENTS[type[row]]?.name;
    if (name && !isInternalEvent(type[row])) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1)).map(([n]) => n);
}

const listed = (r: EventsReply) => r.events.map((e) => JSON.stringify(e));

/** The first event at or after `from` that the request lists, read straight through page by page; null if none. */
async function nextMatch(service: EvidenceService, req: EventsRequest, from: number | null): Promise<number | null> {
  while (from !== null) {
    const page = await service.events({ ...req, before: undefined, fromEvtNum: from, limit: 1 });
    if (page.events.length > 0) return page.events[0].evtNum;
    from = page.next;
  }
  return null;
}

for (const file of captureFiles()) {
  test(`pages found through the index list what pages read through list: ${basename(file)}`, { skip }, async () => {
    const session = await CaptureSession.open(file, { resolver: engineResolver(), cache: null });
    const types = typesByCount(session);
    // Small spacings, so that a few-thousand-event capture has checkpoints to skip and jump to.
    const plain = new EvidenceService(session.readPath, { checkpointEvery: 300 });
    const indexed = new EvidenceService(session.readPath, { checkpointEvery: 300, jumpAtLeast: 400, matches: indexMatches(session.index) });
    await plain.prepareCheckpoints();
    await indexed.prepareCheckpoints();
    const proc = (await plain.events({ captureId: 'c', limit: 1, fields: ['proc.name'] })).events[0]?.values[0];
    const filters = [
      ...[...new Set([types[0], types[1], types[types.length - 1]])].filter((t) => t !== undefined).map((t) => `evt.type=${t}`),
      ...(typeof proc === 'string' ? [`proc.name=${JSON.stringify(proc)}`] : []), 'fd.type=ipv4 and evt.dir=<',
    ];
    const total = session.index.meta.sysdigEvents ?? session.index.events;
    let pages = 0;
    for (const filter of filters) {
      assert.ok(await indexMatches(session.index)(filter), `the index decides ${filter}`);
      for (const at of [{ limit: 100 }, { limit: 7 }, { limit: 30, fromEvtNum: Math.floor(total / 2) }, { limit: 20, before: 'end' as const }]) {
        const req: EventsRequest = { captureId: 'c', filter, ...at };
        const label = `${filter} ${JSON.stringify(at)}`;
        /** The page read through (from `req`) and the page through the index (from `reqIndexed`) list the same, and continue alike. */
        const compare = async (what: string, reqPlain: EventsRequest, reqIndexed: EventsRequest) => {
          const [a, b] = [await plain.events(reqPlain), await indexed.events(reqIndexed)];
          assert.deepEqual(listed(b), listed(a), what);
          const exact = await nextMatch(plain, reqPlain, a.next);
          assert.equal(b.next === null, exact === null, `${what}: whether a next page exists`);
          if (a.next === exact) assert.equal(b.next, a.next, `${what}: where the list continues`);
          if (b.next !== null) assert.equal(await nextMatch(plain, reqPlain, b.next), exact, `${what}: no match skipped`);
          return [a.next, b.next];
        };
        const [aNext, bNext] = await compare(label, req, req);
        if (aNext !== null && bNext !== null && at.before === undefined) {
          const after = { ...req, limit: 10 };
          await compare(`${label}: the page after`, { ...after, fromEvtNum: aNext }, { ...after, fromEvtNum: bNext });
        }
        pages++;
      }
    }
    assert.equal(pages, filters.length * 4);
  });
}
