/**
 * A small direct-mapped table of recent values by integer key, kept in front of a large map on
 * a per-event path (the key's low bits pick the slot; a newer key takes it over). Keys are held
 * as 32-bit integers, half the memory every event reads, so a key that is not one is never kept:
 * cut to 32 bits it would answer for another key. Every slot starts as key 0 holding `empty`.
 */
export class RecentByKey<V> {
  private readonly keys: Int32Array;
  private readonly values: V[];
  private readonly mask: number;

  /** `size` is a power of two. */
  constructor(size: number, empty: V) {
    this.keys = new Int32Array(size);
    this.values = new Array<V>(size).fill(empty);
    this.mask = size - 1;
  }

  /** The value kept for `key`, or undefined when none is. */
  get(key: number): V | undefined {
    const slot = key & this.mask;
    return this.keys[slot] === key ? this.values[slot] : undefined;
  }

  set(key: number, value: V): void {
    if ((key | 0) !== key) return;
    const slot = key & this.mask;
    this.keys[slot] = key;
    this.values[slot] = value;
  }
}
