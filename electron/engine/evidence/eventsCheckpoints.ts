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
 * Spacing by measurement (test/bench/eventsPaging.ts: bencer_capture.scap grown to 100 MB,
 * 1.17M events, 2 shared cores): one checkpoint holds about 1.6 MB of state there and its copy
 * takes a few ms; a pass leaving one every 20,000 events holds 58 of them (+92 MB heap, the pass
 * ~15% slower), and a page then resumes at most 20,000 events before its start: a page of 100
 * at the middle took 190–325 ms instead of 1.4–2.4 s from the start (at 90%: 77–150 ms instead
 * of 2.7–3.3 s). Every 10,000 halved the re-read but doubled the memory (116 checkpoints,
 * +183 MB) for no visible gain, since the page's own read-ahead dominates.
 */
export const CHECKPOINT_EVERY = 20_000;
const MAX_CHECKPOINTS = 64;

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
      // Every other one, counted from the newest (which a pass going further resumes from).
      for (let i = (this.list.length - 1) % 2; i < this.list.length; i += 2) this.list[kept++] = this.list[i];
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
