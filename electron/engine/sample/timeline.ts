/**
 * Collects the sample's events out of order (each actor runs its own clock) and writes them
 * sorted by time. Events are encoded into one staging buffer as they are produced; only their
 * offsets and times are kept, in typed arrays, and the sort permutes those.
 */
import { ByteSink } from '../writer/byteSink';
import { EventEncoder } from '../writer/eventEncoder';

export class Timeline {
  private readonly staging = new ByteSink(1 << 22);
  private readonly encoder = new EventEncoder(this.staging);
  private starts = new Uint32Array(1 << 15);
  private times = new Float64Array(1 << 15);
  private count = 0;
  private pendingStart = -1;

  /** `startNs`: epoch nanoseconds of time 0; event times are nanoseconds after it. */
  constructor(readonly startNs: bigint) {}

  get size(): number { return this.count; }

  /** Starts an event at `relNs`; add its parameters, then call `end(cpu)`. */
  begin(relNs: number, tid: number, type: number): EventEncoder {
    if (this.pendingStart >= 0) throw new Error('sample: event begun before the previous one ended');
    if (this.count === this.starts.length) this.grow();
    this.pendingStart = this.staging.length;
    this.times[this.count] = relNs;
    return this.encoder.begin(this.startNs + BigInt(Math.round(relNs)), tid, type);
  }

  end(cpu: number): void {
    this.encoder.end(cpu);
    this.starts[this.count++] = this.pendingStart;
    this.pendingStart = -1;
  }

  private grow(): void {
    const s = new Uint32Array(this.starts.length * 2); s.set(this.starts); this.starts = s;
    const t = new Float64Array(this.times.length * 2); t.set(this.times); this.times = t;
  }

  /** Appends every event block to `out` in time order (ties keep production order). */
  writeSorted(out: ByteSink): void {
    const order = new Uint32Array(this.count);
    for (let i = 0; i < this.count; i++) order[i] = i;
    const times = this.times;
    order.sort((a, b) => times[a] - times[b] || a - b);
    const bytes = this.staging.bytes;
    const view = new DataView(bytes.buffer);
    for (let k = 0; k < this.count; k++) {
      const start = this.starts[order[k]];
      out.bytesOf(bytes.subarray(start, start + view.getUint32(start + 4, true)));
    }
  }
}
