/** A small seeded generator (mulberry32): the sample must come out byte-identical every time. */
export class Random {
  private state: number;

  constructor(seed: number) { this.state = seed >>> 0; }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [lo, hi]. */
  int(lo: number, hi: number): number { return lo + Math.floor(this.next() * (hi - lo + 1)); }

  /** Roughly `mean`, never below mean/4: durations and gaps that look measured, not round. */
  around(mean: number): number { return Math.max(Math.round(mean / 4), Math.round(mean * (0.5 + this.next()))); }

  pick<T>(items: readonly T[]): T { return items[Math.floor(this.next() * items.length)]; }

  chance(p: number): boolean { return this.next() < p; }

  /** `n` lower-case hex digits. */
  hex(n: number): string {
    let s = '';
    while (s.length < n) s += this.int(0, 0xffff).toString(16).padStart(4, '0');
    return s.slice(0, n);
  }
}
