import { test } from 'node:test';
import assert from 'node:assert/strict';
import { listEvents } from './eventsList';
import { listStreams } from './streamsList';
import { EventFieldSet } from './eventFields';
import type { EventWalk } from './eventWalk';
import type { EvidenceEvent } from './evidenceEvent';
import type { FieldResolver } from '../filter/resolver';
import { evidence, i64, rawEvent, text, thread, u32 } from './testEvents';
import { CheckpointStore } from './eventsCheckpoints';

const READ_E = 6, READ_X = 7, WRITE_E = 8, WRITE_X = 9;
const a = thread(1, 1, 'a');
const b = thread(2, 2, 'b');
const f = { name: '/tmp/f', typeChar: 'f' };

// Two threads interleaved: a reads, b writes; times step by 10.
function capture(): EvidenceEvent[] {
  const evs: Array<[number, Uint8Array[], number, typeof a]> = [
    [READ_E, [i64(3), u32(10)], 1, a],
    [WRITE_E, [i64(3), u32(2)], 2, b],
    [READ_X, [i64(5), text('hello'), i64(3), u32(10)], 1, a],
    [WRITE_X, [i64(2), text('hi'), i64(3), u32(2)], 2, b],
    [READ_E, [i64(3), u32(10)], 1, a],
    [READ_X, [i64(3), text('bye'), i64(3), u32(10)], 1, a],
  ];
  return evs.map(([type, params, tid, t], i) => evidence(i + 1, rawEvent(type, params, BigInt(100 + 10 * i), tid), t, 3, f));
}

function walkOver(list: EvidenceEvent[]): EventWalk<EvidenceEvent> & { visited: number } {
  const w = {
    visited: 0,
    lookup: { container: () => undefined, userName: () => '', thread: () => undefined },
    async walk(visit: (ctx: EvidenceEvent, e: EvidenceEvent) => boolean | void) {
      for (const e of list) { w.visited++; if (visit(e, e) === false) return; }
    },
  };
  return w;
}

const resolve: FieldResolver<EvidenceEvent> = (name) => {
  if (name === 'evt.num') return { type: 'UINT64', get: (e) => e.evtNum };
  if (name === 'proc.name') return { type: 'CHARBUF', get: (e) => e.thread?.comm };
  return undefined;
};
const fields = new EventFieldSet(['evt.num', 'proc.name'], resolve);

test('a page holds the matching events with their fields, and says where the next one starts', async () => {
  const page = await listEvents(walkOver(capture()), { fields, limit: 2, predicate: (e) => e.thread?.comm === 'a' });
  assert.deepEqual(page.events.map((x) => x.fields), [{ 'evt.num': 1, 'proc.name': 'a' }, { 'evt.num': 3, 'proc.name': 'a' }]);
  assert.equal(page.next, 5);
});

test('enter and exit events name each other as partners, with the latency between them', async () => {
  const page = await listEvents(walkOver(capture()), { fields, limit: 10 });
  const byNum = new Map(page.events.map((x) => [x.evtNum, x]));
  assert.deepEqual([byNum.get(1)!.partner, byNum.get(1)!.latencyNs], [3, '20']);
  assert.deepEqual([byNum.get(3)!.partner, byNum.get(3)!.latencyNs], [1, '20']);
  assert.deepEqual([byNum.get(2)!.partner, byNum.get(4)!.partner], [4, 2]);
  assert.equal(page.next, null);
});

test("an enter event at the end of a page still finds its exit past the page, then the scan stops", async () => {
  const w = walkOver(capture());
  const page = await listEvents(w, { fields, limit: 1, fromEvtNum: 5 });
  assert.deepEqual(page.events.map((x) => [x.evtNum, x.partner]), [[5, 6]]);
  assert.equal(page.next, 6);
  const early = walkOver(capture());
  await listEvents(early, { fields, limit: 1 });
  assert.equal(early.visited, 3); // event 1, event 2 (page full), event 3 (its partner)
});

test('seeking by time starts at the first event at or after it; a window bounds the list', async () => {
  const byTime = await listEvents(walkOver(capture()), { fields, limit: 10, fromTs: 125n });
  assert.deepEqual(byTime.events.map((x) => x.evtNum), [4, 5, 6]);
  const windowed = await listEvents(walkOver(capture()), { fields, limit: 10, window: { from: 110n, to: 130n } });
  assert.deepEqual(windowed.events.map((x) => x.evtNum), [2, 3]);
});

test('streams list the reads and writes in order, page and follow one stream', async () => {
  const all = await listStreams(walkOver(capture()), { limit: Infinity });
  assert.deepEqual(all.operations.map((o) => [o.evtNum, o.direction, o.streamKey, new TextDecoder().decode(o.data)]),
    [[3, 'read', '1:3', 'hello'], [4, 'write', '2:3', 'hi'], [6, 'read', '1:3', 'bye']]);
  const page = await listStreams(walkOver(capture()), { limit: 1 });
  assert.deepEqual([page.operations.length, page.next], [1, 4]);
  const followed = await listStreams(walkOver(capture()), { limit: Infinity, follow: '2:3' });
  assert.deepEqual(followed.operations.map((o) => o.evtNum), [4]);
});

test('a context switch between an enter and its exit does not break the pair', async () => {
  const SWITCH = 152;
  const list = [
    evidence(1, rawEvent(READ_E, [i64(3), u32(10)], 100n, 1), a, 3, f),
    evidence(2, rawEvent(SWITCH, [i64(2), i64(0), i64(0), u32(0), u32(0), u32(0)], 110n, 1), a),
    evidence(3, rawEvent(READ_X, [i64(1), text('x'), i64(3), u32(10)], 150n, 1), a, 3, f),
  ];
  const page = await listEvents(walkOver(list), { fields, limit: 10 });
  assert.deepEqual(page.events.map((x) => [x.evtNum, x.partner, x.latencyNs]), [[1, 3, '50'], [2, null, null], [3, 1, '50']]);
});

/** `n` reads by thread a (every `every`-th by thread b instead), each at file offset 100 × its number. */
function longCapture(n: number, every: (num: number) => boolean): EvidenceEvent[] {
  const list: EvidenceEvent[] = [];
  for (let num = 1; num <= n; num++) {
    const raw = { ...rawEvent(READ_X, [i64(1), text('x'), i64(3), u32(10)], BigInt(1000 + num), every(num) ? 2 : 1), fileOffset: num * 100 };
    list.push(evidence(num, raw, every(num) ? b : a, 3, f));
  }
  return list;
}

/** Seeking with no checkpoints to resume from, only the index's word on where matches are. */
function indexSeek(walk: EventWalk<EvidenceEvent>, matchOffsets: number[]) {
  return {
    walk: { ...walk, walk: walk.walk.bind(walk), snapshotAfterCurrent: () => {}, resumeAt: () => undefined },
    store: new CheckpointStore<never>(1e12),
    matchAtOrAfter: (offset: number) => matchOffsets.find((o) => o >= offset) ?? Infinity,
  };
}

test('a filter the index decides is asked only at the offsets the index names, and the page is the same', async () => {
  const list = longCapture(3000, (num) => num % 500 === 0);
  const byB = (e: EvidenceEvent) => e.thread?.comm === 'b';
  const plain = await listEvents(walkOver(list), { fields, limit: 4, predicate: byB });
  let asked = 0;
  const counted = (e: EvidenceEvent) => { asked++; return byB(e); };
  const walk = walkOver(list);
  const seek = indexSeek(walk, list.filter(byB).map((e) => e.raw.fileOffset));
  const indexed = await listEvents(walk, { fields, limit: 4, predicate: counted }, seek);
  assert.deepEqual(indexed, plain);
  // The four listed and the next, and the few events after the start and after each match
  // (where a dense filter answers sooner than the index): not the 2,000 events read.
  assert.ok(asked >= 5 && asked <= 5 + 5 * 16, `asked ${asked} times`);
});

test('reading ahead past a full page stops at the first match after a long stretch without one; the page and its next are unchanged', async () => {
  // Matches every 10 events up to #600, then every 1,000.
  const list = longCapture(5000, (num) => (num <= 600 ? num % 10 === 0 : num % 1000 === 0));
  const byB = (e: EvidenceEvent) => e.thread?.comm === 'b';
  const exact = await listEvents(walkOver(list), { fields, limit: 30, predicate: byB });
  const ahead = await listEvents(walkOver(list), { fields, limit: 1000, predicate: byB, readAheadScan: { pageSize: 30, maxEvents: 15_000 } });
  assert.deepEqual(ahead.events.slice(0, 30), exact.events);
  assert.equal(ahead.events[30].evtNum, exact.next, 'the next page starts where it did');
  // The dense stretch is read ahead, the sparse one only up to its first match (#1000).
  assert.deepEqual([ahead.events.length, ahead.events.at(-1)?.evtNum, ahead.next], [60, 600, 1000]);
});

test('a pass over checkpoints that already cover the capture lays none and lists the same page as one that lays them', async () => {
  const list = longCapture(400, (num) => num % 50 === 0);
  const byB = (e: EvidenceEvent) => e.thread?.comm === 'b';
  const pass = async (laysCheckpoints: boolean) => {
    const walk = walkOver(list);
    let snapshots = 0;
    const store = new CheckpointStore<number>(100);
    const seek = { walk: { ...walk, walk: walk.walk.bind(walk), snapshotAfterCurrent: (take: (s: number) => void) => { snapshots++; take(snapshots); }, resumeAt: () => undefined }, store, laysCheckpoints };
    const page = await listEvents(walk, { fields, limit: 5, predicate: byB }, seek);
    return { page, laid: store.size, snapshots };
  };
  const laying = await pass(true);
  const covered = await pass(false);
  assert.deepEqual(covered.page, laying.page);
  assert.deepEqual(covered.page, await listEvents(walkOver(list), { fields, limit: 5, predicate: byB }));
  assert.deepEqual([laying.snapshots, laying.laid], [3, 3], 'the laying pass leaves one every 100 events up to #300, its next match');
  assert.deepEqual([covered.snapshots, covered.laid], [0, 0]);
});
