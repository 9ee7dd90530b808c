/**
 * csysdig's end-of-sample pass over the thread table: at each flush its tables see one extra,
 * synthetic event per thread (event type 197, no fd, time = the sample's whole second − 1 ns),
 * so processes and threads that made no matching system call still get a row. For a capture
 * file there is one flush, after the last event.
 */
import type { CaptureEvent } from '../capture/types';
import type { EventContext } from '../inspector/eventContext';
import { ThreadLookup } from '../inspector/threadLookup';
import { EventState, type SystemState } from '../state/systemState';

/** The event type csysdig gives these synthetic events (PPME_SYSDIGEVENT_X). */
export const THREAD_TABLE_EVENT_TYPE = 197;

export function forEachThreadTableEvent(state: SystemState, lastTs: bigint, firstTs: bigint, visit: (ctx: EventContext) => void): void {
  const ts = lastTs - (lastTs % 1_000_000_000n) - 1n;
  const ev: CaptureEvent = {
    fileOffset: -1, blockType: 0, ts, tid: -1, type: THREAD_TABLE_EVENT_TYPE, cpu: 0, flags: 0, nparams: 0,
    data: new Uint8Array(0), paramOffset: new Uint32Array(0), paramLength: new Uint32Array(0),
  };
  const es = new EventState();
  const lookup = new ThreadLookup(state);
  const ctx: EventContext = { ev, upgraded: null, num: 0, es, state, lookup, internal: false, firstTs, prevTs: lastTs };
  for (const t of state.threads.values()) {
    es.reset();
    es.thread = t;
    lookup.thread = t;
    ev.tid = t.tid;
    visit(ctx);
  }
}
