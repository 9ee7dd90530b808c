/**
 * A map from a pair of numbers to a non-negative integer, for lookups made once per event. A
 * JavaScript Map keyed by one packed number allocates a heap number for every key beyond 31
 * bits (event kinds and procinfo tick totals are), and nested Maps cost a lookup per level;
 * this table keeps keys in typed arrays (open addressing) and allocates only when it grows.
 * Keys compare with === (so 0 and -0 are one key); NaN is not a key.
 */
const FIRST_CAPACITY = 64;

/** 2^-32: scaling by a power of two is exact, and cheaper than dividing. */
const INV_TWO_32 = 1 / 4294967296;

// Keys that differ only in high bits (event kinds pack the event id above bit 20) must still
// land apart in a small table: the shifts fold high bits into the low ones the mask keeps.
function hashOf(a: number, b: number): number {
  let h = (a | 0) ^ Math.imul((a * INV_TWO_32) | 0, 0x27d4eb2f);
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
  h ^= (b | 0) ^ Math.imul((b * INV_TWO_32) | 0, 0x165667b1);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

export class NumberPairTable {
  private first = new Float64Array(FIRST_CAPACITY);
  private second = new Float64Array(FIRST_CAPACITY);
  /** value + 1; 0 = empty slot. */
  private slots = new Int32Array(FIRST_CAPACITY);
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** The value stored for (a, b), or -1. */
  get(a: number, b: number): number {
    const mask = this.slots.length - 1;
    for (let s = hashOf(a, b) & mask; ; s = (s + 1) & mask) {
      const v = this.slots[s];
      if (v === 0) return -1;
      if (this.first[s] === a && this.second[s] === b) return v - 1;
    }
  }

  /** Stores `value` (≥ 0) for (a, b), which must not be present yet. */
  add(a: number, b: number, value: number): void {
    if ((this.count + 1) * 2 > this.slots.length) this.grow();
    this.place(a, b, value + 1);
    this.count++;
  }

  private place(a: number, b: number, slot: number): void {
    const mask = this.slots.length - 1;
    let s = hashOf(a, b) & mask;
    while (this.slots[s] !== 0) s = (s + 1) & mask;
    this.first[s] = a;
    this.second[s] = b;
    this.slots[s] = slot;
  }

  private grow(): void {
    const { first, second, slots } = this;
    this.first = new Float64Array(slots.length * 2);
    this.second = new Float64Array(slots.length * 2);
    this.slots = new Int32Array(slots.length * 2);
    for (let s = 0; s < slots.length; s++) if (slots[s] !== 0) this.place(first[s], second[s], slots[s]);
  }
}
