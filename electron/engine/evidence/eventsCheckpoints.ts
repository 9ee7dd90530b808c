/**
 * Checkpoints of an events-list pass, so a page anywhere in a capture resumes near its start
 * instead of reading the capture from the beginning. Each holds a deep copy of the walk's state
 * (the state engine and reading position) and of the list's enter/exit pairing, taken after
 * event `evtNum`; `maxTs` is the latest timestamp seen up to there, which tells whether a page
 * asked for by time can start after it.
 *
 * Checkpoints are taken every `every` shown events, appended as passes go further into the
 * capture. Past `max` checkpoints, or past `maxBytes` of copies, every other one is dropped and
 * the spacing doubles, so memory stays bounded on any capture size. The walk's copy `S` may
 * carry what a streams pass tracks too (fd generations), so events and streams pages share
 * the same checkpoints.
 */
export interface Pairing { num: number; type: number; ts: bigint }

export interface EventsCheckpoint<S> {
  evtNum: number;
  maxTs: bigint;
  walk: S;
  pairing: Map<number, Pairing>;
  /** Estimated heap bytes of the copies (what the store's memory budget counts). */
  bytes?: number;
}

/**
 * Spacing by measurement (2 shared cores, node 20). On large-200000000.scap (inspect_502Error
 * grown to 200 MB, 3.27 M events) a bare pass reads 1.48 M events/s, so resuming reads at most
 * 20,000 events ≈ 14 ms past the checkpoint; restoring one (a deep copy of ~41 threads and
 * their fds) takes 1.6–3 ms and holds ≈ 0.2 MB (65 checkpoints: +14 MB heap). A page of 100
 * then costs the restore, ≤ 14 ms of reading and its own fields and read-ahead: well inside
 * 100 ms. At 16 M events (the 1 GB capture) that is ≈ 800 checkpoints ≈ 170 MB. A capture with
 * a bigger state (bencer_capture grown: ≈ 1.6 MB per checkpoint) meets the byte budget
 * instead: past it every other checkpoint is dropped and the spacing doubles, so memory stays
 * under MAX_CHECKPOINT_BYTES (measured by deepCopyMeasured's estimate) on any capture size.
 */
export const CHECKPOINT_EVERY = 20_000;
const MAX_CHECKPOINTS = 4096;
export const MAX_CHECKPOINT_BYTES = 256 * 1048576;

export class CheckpointStore<S> {
  private readonly list: Array<EventsCheckpoint<S>> = [];
  private totalBytes = 0;

  constructor(private every = CHECKPOINT_EVERY, private readonly max = MAX_CHECKPOINTS, private readonly maxBytes = MAX_CHECKPOINT_BYTES) {}

  get size(): number {
    return this.list.length;
  }

  /** Estimated heap bytes held by the checkpoints. */
  get bytes(): number {
    return this.totalBytes;
  }

  /** Events between checkpoints now (doubles each time the store is thinned). */
  get spacing(): number {
    return this.every;
  }

  /** The checkpoint furthest into the capture. */
  get last(): EventsCheckpoint<S> | undefined {
    return this.list[this.list.length - 1];
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
    this.totalBytes += cp.bytes ?? 0;
    while (this.list.length > 1 && (this.list.length > this.max || this.totalBytes > this.maxBytes)) {
      let kept = 0;
      this.totalBytes = 0;
      // Every other one, counted from the newest (which a pass going further resumes from).
      for (let i = (this.list.length - 1) % 2; i < this.list.length; i += 2) {
        this.list[kept++] = this.list[i];
        this.totalBytes += this.list[i].bytes ?? 0;
      }
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
