import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { EventsReply } from '../../shared/streams/evidenceApi';
import { lastEventsPage } from './lastEvents';

/** A forward-only pager over the given event numbers, as the engine's events call pages. */
function pager(evtNums: number[]) {
  const calls: number[] = [];
  const page = async (from: number, limit: number): Promise<EventsReply> => {
    calls.push(from);
    const start = evtNums.findIndex((n) => n >= from);
    const rows = start < 0 ? [] : evtNums.slice(start, start + limit);
    const after = start < 0 ? undefined : evtNums[start + limit];
    return { fields: ['evt.num'], events: rows.map((evtNum) => ({ evtNum, values: [evtNum], partner: null, latencyNs: null })), next: after ?? null };
  };
  return { page, calls };
}

const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);

describe('the last events of a selection', () => {
  it('on a 35,860-event capture whose count says 34,681, ends at the last event in a few calls', async () => {
    const p = pager(range(1, 35_860));
    const last = await lastEventsPage(p.page, 34_681, 500);
    const nums = last.events.map((e) => e.evtNum);
    assert.equal(nums.at(-1), 35_860);
    assert.equal(last.next, null);
    assert.ok(nums.length >= 250, `only ${nums.length} events`);
    assert.ok(p.calls.length <= 8, `${p.calls.length} calls`);
  });

  it('under a narrow filter whose matches lie early, goes back to find them', async () => {
    const p = pager([3, 10, 900, 1200, 5000]);
    const last = await lastEventsPage(p.page, 35_000, 500);
    assert.deepEqual(last.events.map((e) => e.evtNum), [3, 10, 900, 1200, 5000]);
  });

  it('under a filter with many matches bunched at the start and a few at the end, shows the end', async () => {
    const p = pager([...range(1, 20_000), 34_000, 34_500, 35_000]);
    const last = await lastEventsPage(p.page, 34_000, 500);
    const nums = last.events.map((e) => e.evtNum);
    assert.deepEqual(nums.slice(-3), [34_000, 34_500, 35_000]);
    assert.ok(nums.length <= 500);
    assert.equal(last.next, null);
  });

  it('an empty selection gives an empty page', async () => {
    const last = await lastEventsPage(pager([]).page, 100, 500);
    assert.deepEqual(last.events, []);
  });
});
