/**
 * The evidence builders' pass over a real capture: the reader feeds the inspector (state
 * engine + evt.num), and each shown event is handed on as the inspector's context plus the
 * evidence view of it. The evidence view uses the event in the newest layout (the ids and
 * parameter positions the builders know), and the recorded event when the upgrade merged it.
 */
import { readCapture } from '../capture/readCapture';
import type { EventContext } from '../inspector/eventContext';
import { Inspector } from '../inspector/inspector';
import type { EvidenceEvent, EvidenceLookup, EvidenceThread } from './evidenceEvent';
import type { EventWalk } from './eventWalk';

class StopWalk {}
const stop = new StopWalk();

export class InspectorWalk implements EventWalk<EventContext> {
  private inspector: Inspector | undefined;
  readonly lookup: EvidenceLookup = {
    container: (id) => {
      const c = this.inspector?.state.containers.get(id);
      // An entry made from cgroups alone carries no metadata.
      return c && (c.name !== '' || c.image !== '') ? { name: c.name, image: c.image } : undefined;
    },
    userName: (uid, cid) => {
      const users = this.inspector?.state.users;
      return users?.user(uid, cid)?.name ?? (cid ? users?.user(uid, '')?.name : undefined) ?? '';
    },
    thread: (tid) => this.inspector?.state.threads.get(tid),
    containerIds: () => [...(this.inspector?.state.containers.keys() ?? [])],
  };

  constructor(private readonly path: string, private readonly signal?: AbortSignal) {}

  async walk(visit: (ctx: EventContext, e: EvidenceEvent) => boolean | void, onInitialThread?: (t: EvidenceThread) => void): Promise<void> {
    const e: EvidenceEvent = { evtNum: 0, raw: undefined as never, recorded: undefined as never, thread: undefined, fdNum: -1, fd: undefined };
    let first = true;
    const seed = (threads: Iterable<EvidenceThread & { cloneTs: bigint }>) => {
      first = false;
      if (onInitialThread) for (const t of threads) if (t.tid >= 0 && t.cloneTs === 0n) onInitialThread(t);
    };
    const inspector = new Inspector((ctx) => {
      if (first) seed(ctx.state.threads.values());
      e.evtNum = ctx.num;
      e.raw = ctx.upgraded ?? ctx.ev;
      e.recorded = ctx.ev;
      e.thread = ctx.es.thread;
      e.fdNum = ctx.es.fdNum;
      e.fd = ctx.es.fd;
      if (visit(ctx, e) === false) throw stop;
    });
    this.inspector = inspector;
    try {
      await readCapture(this.path, inspector, { layout: 'file', signal: this.signal });
      // A capture without a single shown event still has its process list.
      if (first) seed(inspector.state.threads.values());
    } catch (err) {
      if (err !== stop) throw err;
    }
  }
}
