/**
 * The whole-capture process tree fed by a pass that is there anyway: the background pass that
 * lays the events' checkpoints (evidenceService.ts) reads every event, stepping aside for
 * requests. While it feeds the tree it starts at the capture's beginning and resumes after the
 * last event the feed took (from the latest checkpoint before it, even where requests laid
 * checkpoints further on), and the feed skips the events a resumed pass reads again: it takes
 * each event once, in order, as scanLifecycle's own pass would.
 *
 * The recorder asks the state (a child's thread, users, containers) through the walk of the
 * moment: a resumed walk holds the state thawed from its checkpoint, the same state the first
 * walk had there.
 */
import type { EventContext } from '../inspector/eventContext';
import type { EvidenceEvent, EvidenceLookup } from './evidenceEvent';
import { forInitialThreads, type InspectorWalk } from './inspectorWalk';
import { LifecycleRecorder, type Lifecycle } from './lifecycleRecorder';

export class LifecycleFeed {
  private walk: InspectorWalk | undefined;
  private readonly recorder: LifecycleRecorder;
  /** evt.num of the last event taken (0: none yet). */
  lastTaken = 0;

  constructor() {
    const lookup: EvidenceLookup = {
      container: (id) => this.walk?.lookup.container(id),
      userName: (uid, cid) => this.walk?.lookup.userName(uid, cid) ?? '',
      thread: (tid) => this.walk?.lookup.thread(tid),
      containerIds: () => this.walk?.lookup.containerIds?.() ?? [],
    };
    this.recorder = new LifecycleRecorder(lookup);
  }

  /** The pass (re)starts with `walk`, at or before the event after `lastTaken`. */
  follow(walk: InspectorWalk): void {
    this.walk = walk;
  }

  event(ctx: EventContext, e: EvidenceEvent): void {
    if (e.evtNum <= this.lastTaken) return;
    // Seeded at the first shown event, as InspectorWalk seeds its visitors.
    if (this.lastTaken === 0) forInitialThreads(ctx.state.threads.values(), (t) => this.recorder.onInitialThread(t));
    this.lastTaken = e.evtNum;
    this.recorder.onEvent(e);
  }

  finish(): Lifecycle | undefined {
    return this.lastTaken === 0 ? undefined : this.recorder.finish();
  }
}
