/**
 * The last events of a selection, for End in the events list (QA 14 B). The engine pages only
 * forward, from any event number, and the selection's last event number is not known (event
 * numbers count internal records too; a filter keeps an unknown subset), so this looks for the
 * latest start from which one page reaches the end: from a guess, it gallops forward while a
 * page does not reach the end and back while a page that does is short, then halves the gap
 * until the page is at least half full. About 5 calls on a 35k-event capture.
 */
import type { EventsReply } from '../../shared/streams/evidenceApi';

/** One page of the selection from event number `from` (0: from the start). */
export type EventsFrom = (from: number, limit: number) => Promise<EventsReply>;

/** The page that ends the selection, as full as found: its events run to the end (`next` null). */
export async function lastEventsPage(page: EventsFrom, guessLast: number, limit: number): Promise<EventsReply> {
  const reachesEnd = (p: EventsReply) => p.next === null;
  const fullEnough = (p: EventsReply) => p.events.length * 2 >= limit;
  let from = Math.max(0, guessLast - limit);
  let probe = await page(from, limit);
  // `before`: a start known not to reach the end; `after`: the latest start known to, and its page.
  let before = -1;
  let after: { from: number; page: EventsReply } | undefined;
  let step = limit;
  if (!reachesEnd(probe)) {
    while (!reachesEnd(probe)) {
      before = from;
      from = Math.max(from + step, (probe.next ?? from) + 1, from + 1);
      step *= 2;
      probe = await page(from, limit);
    }
    after = { from, page: probe };
  } else {
    after = { from, page: probe };
    while (from > 0 && !fullEnough(probe)) {
      from = Math.max(0, from - step);
      step *= 2;
      probe = await page(from, limit);
      if (!reachesEnd(probe)) { before = from; break; }
      after = { from, page: probe };
    }
  }
  while (before >= 0 && after.from - before > 1 && !fullEnough(after.page)) {
    const mid = Math.floor((before + after.from) / 2);
    probe = await page(mid, limit);
    if (reachesEnd(probe)) after = { from: mid, page: probe };
    else before = mid;
  }
  return after.page;
}
