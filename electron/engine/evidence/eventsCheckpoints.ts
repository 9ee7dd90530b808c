/**
 * Checkpoints of an events-list pass, so a page anywhere in a capture resumes near its start
 * instead of reading the capture from the beginning. Each holds a deep copy of the walk's state
 * (the state engine and reading position) and of the list's enter/exit pairing, taken after
 * event `evtNum`; `maxTs` is the latest timestamp seen up to there, which tells whether a page
 * asked for by time can start after it.
 *
 * Checkpoints are taken every `every` shown events, appended as passes go further into the
 * capture. Past `max` checkpoints every other one is dropped and the spacing doubles, so memory
 * stays bounded on any capture size.
 */
export interface Pairing { num: number; type: number; ts: bigint }

export interface EventsCheckpoint<S> {
  evtNum: number;
  maxTs: bigint;
  walk: S;
  pairing: Map<number, Pairing>;
}

/**
 * Spacing by measurement (bencer_capture.scap, 146k events, and the 100 MB bench capture): one
 * checkpoint costs well under 1 MB and a copy takes a few ms, while re-reading 10,000 events
 * with the state engine and the page's fields takes about 100 ms.
 */
export const CHECKPOINT_EVERY = 10_000;
const MAX_CHECKPOINTS = 128;

export class CheckpointStore<S> {
  private readonly list: Array<EventsCheckpoint<S>> = [];

  constructor(private every = CHECKPOINT_EVERY, private readonly max = MAX_CHECKPOINTS) {}

  get size(): number {
    return this.list.length;
  }

  /** A checkpoint is wanted after this event (the passes only ever append). */
  due(evtNum: number): boolean {
    const last = this.list.length ? this.list[this.list.length - 1].evtNum : 0;
    return evtNum >= last + this.every;
  }

  add(cp: EventsCheckpoint<S>): void {
    const last = this.list[this.list.length - 1];
    if (last && cp.evtNum <= last.evtNum) return;
    this.list.push(cp);
    if (this.list.length > this.max) {
      let kept = 0;
      for (let i = 1; i < this.list.length; i += 2) this.list[kept++] = this.list[i];
      this.list.length = kept;
      this.every *= 2;
    }
  }

  /** The latest checkpoint after which every event it passed is allowed to be skipped. */
  latest(canSkipTo: (cp: EventsCheckpoint<S>) => boolean): EventsCheckpoint<S> | undefined {
    for (let i = this.list.length - 1; i >= 0; i--) if (canSkipTo(this.list[i])) return this.list[i];
    return undefined;
  }
}
