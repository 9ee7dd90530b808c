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
/** A thread's last enter event: its number, type and time (as unsigned 32-bit halves, so that a pass makes no bigint per event). */
export interface Pairing { num: number; type: number; tsHi: number; tsLo: number }

export interface EventsCheckpoint<S> {
  evtNum: number;
  maxTs: bigint;
  walk: S;
  pairing: Map<number, Pairing>;
  /** Bytes the checkpoint holds (what the store's memory budget counts). */
  bytes?: number;
}

/**
 * Spacing by measurement (2 shared cores, node 20). On large-200000000.scap (inspect_502Error
 * grown to 200 MB, 3.27 M events) a bare pass reads 1.48 M events/s, so resuming reads at most
 * 10,000 events ≈ 7 ms past the checkpoint; thawing one (frozenState.ts: 41 threads and their
 * fds) takes ≈ 1.5 ms, and each holds ≈ 15 kB of compressed bytes. A page of 100 then costs
 * the thaw, ≤ 7 ms of reading and its own fields and read-ahead, well inside 100 ms; a sparse
 * filter's page jumps from match to match at the same cost each. At 16 M events (the 1 GB
 * capture, test/bench/eventsPaging.ts) that is 1,581 checkpoints, 23 MB, laid by one
 * background pass 16 s after the index is ready (freezing adds ≈ 2.5 ms per checkpoint). Held as live objects instead (deep copies,
 * ≈ 0.26 MB each) the same checkpoints took 210 MB every 20,000 events and pages on the 1 GB
 * capture showed 100–400 ms outliers. A capture with a bigger state meets the byte budget
 * instead: past it every other checkpoint is dropped and the spacing doubles, so memory stays
 * under MAX_CHECKPOINT_BYTES on any capture size.
 */
export const CHECKPOINT_EVERY = 10_000;
const MAX_CHECKPOINTS = 4096;
export const MAX_CHECKPOINT_BYTES = 128 * 1048576;

export class CheckpointStore<S> {
  private readonly list: Array<EventsCheckpoint<S>> = [];
  private totalBytes = 0;

  constructor(private every = CHECKPOINT_EVERY, private readonly max = MAX_CHECKPOINTS, private readonly maxBytes = MAX_CHECKPOINT_BYTES) {}

  get size(): number {
    return this.list.length;
  }

  /** Bytes held by the checkpoints. */
  get bytes(): number {
    return this.totalBytes;
  }

  /** Events between checkpoints now (doubles each time the store is thinned). */
  get spacing(): number {
    return this.every;
  }

  /** Every checkpoint, in event order. */
  all(): ReadonlyArray<EventsCheckpoint<S>> {
    return this.list;
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

  /** Told of every checkpoint a pass adds (the checkpoint layer hands them on from here). */
  onAdd: ((cp: EventsCheckpoint<S>) => void) | undefined;

  add(cp: EventsCheckpoint<S>): void {
    const last = this.list[this.list.length - 1];
    if (last && cp.evtNum <= last.evtNum) return;
    this.list.push(cp);
    this.totalBytes += cp.bytes ?? 0;
    this.onAdd?.(cp);
    this.thin();
  }

  /**
   * A checkpoint laid elsewhere (another worker's pass over the same capture), put in its place
   * by event: requests here may already have laid checkpoints further on.
   */
  adopt(cp: EventsCheckpoint<S>): void {
    let at = this.list.length;
    while (at > 0 && this.list[at - 1].evtNum > cp.evtNum) at--;
    if (at > 0 && this.list[at - 1].evtNum === cp.evtNum) return;
    this.list.splice(at, 0, cp);
    this.totalBytes += cp.bytes ?? 0;
    this.thin();
  }

  /** Past `max` checkpoints or `maxBytes`, every other one goes and the spacing doubles. */
  private thin(): void {
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

  /**
   * The same as `latest` for a test that holds for a first run of checkpoints and not after
   * (an event number or file offset bound), found by bisection: a sparse filter's page asks
   * this every few hundred events, and `latest` would test ~1,500 checkpoints each time.
   */
  latestBefore(holds: (cp: EventsCheckpoint<S>) => boolean): EventsCheckpoint<S> | undefined {
    let lo = 0;
    let hi = this.list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (holds(this.list[mid])) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 ? this.list[lo - 1] : undefined;
  }
}
