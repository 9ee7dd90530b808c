/**
 * The first non-zero timestamp a pass meets and the latest, kept as two unsigned 32-bit halves:
 * the pass sees every event, and comparing bigints costs more than the rest of this per event.
 */
export class TimestampRange {
  private firstHi = -1; private firstLo = 0;
  private latestHi = -1; private latestLo = 0;

  /** An event's timestamp as halves (ts = hi * 2^32 + lo); one not after 0 is no time and is passed over. */
  add(hi: number, lo: number): void {
    if (!isTimed(hi, lo)) return;
    if (this.firstHi < 0) { this.firstHi = hi; this.firstLo = lo; }
    if (hi > this.latestHi || (hi === this.latestHi && lo > this.latestLo)) { this.latestHi = hi; this.latestLo = lo; }
  }

  /** The first non-zero timestamp met, -1n when none. */
  get first(): bigint { return this.firstHi < 0 ? -1n : joinHalves(this.firstHi, this.firstLo); }
  /** The latest timestamp met, 0n when none. */
  get latest(): bigint { return this.latestHi < 0 ? 0n : joinHalves(this.latestHi, this.latestLo); }
}

function joinHalves(hi: number, lo: number): bigint {
  return (BigInt(hi) << 32n) | BigInt(lo);
}

/** Whether a timestamp given as halves is after 0 (a hi below 0 is a negative time). */
export function isTimed(hi: number, lo: number): boolean {
  return hi > 0 || (hi === 0 && lo !== 0);
}
