/**
 * View tables folded per distinct row signature instead of per row. A table's cells are read
 * from grouped index columns (one tuple id per row and group) and a few core columns (thread id,
 * cpu, direction): rows with the same tuple ids and core values have the same cells, so a
 * table needs them folded once, with their count. At 16 M events the procs view has a few
 * thousand signatures; folding per row took 3 s, mostly in the per-cell reads.
 *
 * Exactness: slots are numbered in the order of their first row, and each slot remembers its
 * last row, so "the first event's value" and "the latest text" come out as a row-by-row fold
 * gives them (ViewAggregator.addTimes). Rows whose cells depend on the rows before them
 * (thread.cpu on procinfo events) get a slot of their own.
 */
import type { GroupedField } from '../filter/groupMemo';

/** What a field tells about how its value varies by row (attached by the index resolvers): a grouped column its group's row → tuple ids, a per-row column itself, or: */
export interface RowKeyed extends GroupedField {
  /** A number equal for two rows exactly when the values are, where no column holds it. */
  rowKey?: (row: number) => number;
  /** A value that also depends on earlier rows: such rows are folded one by one. */
  rowSpecial?: (row: number) => boolean;
}

export interface SignaturePlan {
  /** Per-row numbers read from arrays (group tuple ids, core columns)... */
  arrays: Array<ArrayLike<number>>;
  /** ...and from functions. */
  parts: Array<(row: number) => number>;
  special: Array<(row: number) => boolean>;
}

/** Records the fields a table reads; the plan, or undefined when a field is neither grouped nor keyed. */
export class SignaturePlanner {
  private readonly groups = new Set<ArrayLike<number>>();
  private readonly keys = new Set<(row: number) => number>();
  private readonly special = new Set<(row: number) => boolean>();
  private unknown = false;

  note(field: RowKeyed | undefined): void {
    if (!field) return;
    let known = false;
    if (field.groupRows) { this.groups.add(field.groupRows); known = true; }
    if (field.rowKeys) { this.groups.add(field.rowKeys); known = true; } else if (field.rowKey) { this.keys.add(field.rowKey); known = true; }
    if (field.rowSpecial) { this.special.add(field.rowSpecial); known = true; }
    if (!known) this.unknown = true;
  }

  plan(): SignaturePlan | undefined {
    if (this.unknown) return undefined;
    return { arrays: [...this.groups], parts: [...this.keys], special: [...this.special] };
  }
}

const EMPTY = -1;
const HASH_START = 0x811c9dc5;

/** Mixes one signature number (an integer or not, up to 2^53) into a hash. */
function mix(h: number, v: number): number {
  return Math.imul(h ^ (v | 0), 0x01000193) ^ Math.imul((v / 4294967296) | 0, 0x5bd1e995);
}

/** Distinct signatures in order of first appearance, with their first row, last row and count. */
export class SignatureTable {
  private readonly width: number;
  private values = new Float64Array(1024);
  private buckets = new Int32Array(2048).fill(EMPTY);
  private readonly scratch: Float64Array;
  firstRow = new Int32Array(256);
  lastRow = new Int32Array(256);
  count = new Float64Array(256);
  size = 0;

  constructor(private readonly plan: SignaturePlan) {
    this.width = Math.max(1, plan.arrays.length + plan.parts.length);
    this.scratch = new Float64Array(this.width);
  }

  add(row: number): void {
    for (const s of this.plan.special) if (s(row)) { this.newSlot(row); return; }
    this.addRun(row, 1, row);
  }

  /**
   * Adds `times` rows with the signature of `row`, the latest of them `last`; returns their
   * slot. Runs must come in the order of their first rows (`row`), as single rows do.
   */
  addRun(row: number, times: number, last: number): number {
    const { arrays, parts } = this.plan;
    const w = this.width;
    const sig = this.scratch;
    let h = HASH_START;
    for (let i = 0; i < arrays.length; i++) h = mix(h, (sig[i] = arrays[i][row]));
    for (let i = 0, j = arrays.length; i < parts.length; i++, j++) h = mix(h, (sig[j] = parts[i](row)));
    const mask = this.buckets.length - 1;
    for (let b = h & mask; ; b = (b + 1) & mask) {
      const slot = this.buckets[b];
      if (slot === EMPTY) {
        const made = this.newSlot(row);
        this.buckets[b] = made;
        this.values.set(sig, made * w);
        this.count[made] = times;
        this.lastRow[made] = last;
        if (this.size * 2 > this.buckets.length) this.rehash();
        return made;
      }
      let same = true;
      for (let i = 0; i < w; i++) if (this.values[slot * w + i] !== sig[i]) { same = false; break; }
      if (same) {
        if (last > this.lastRow[slot]) this.lastRow[slot] = last;
        this.count[slot] += times;
        return slot;
      }
    }
  }

  private newSlot(row: number): number {
    const slot = this.size++;
    if (slot === this.firstRow.length) {
      const grow = <T extends Int32Array | Float64Array>(a: T): T => { const b = new (a.constructor as { new (n: number): T })(a.length * 2); b.set(a); return b; };
      this.firstRow = grow(this.firstRow);
      this.lastRow = grow(this.lastRow);
      this.count = grow(this.count);
    }
    if ((slot + 1) * this.width > this.values.length) {
      const v = new Float64Array(this.values.length * 2);
      v.set(this.values);
      this.values = v;
    }
    this.firstRow[slot] = row;
    this.lastRow[slot] = row;
    this.count[slot] = 1;
    return slot;
  }

  private rehash(): void {
    const w = this.width;
    const buckets = new Int32Array(this.buckets.length * 2).fill(EMPTY);
    const mask = buckets.length - 1;
    for (let b = 0; b < this.buckets.length; b++) {
      const slot = this.buckets[b];
      if (slot === EMPTY) continue;
      let h = HASH_START;
      for (let i = 0; i < w; i++) h = mix(h, this.values[slot * w + i]);
      let nb = h & mask;
      while (buckets[nb] !== EMPTY) nb = (nb + 1) & mask;
      buckets[nb] = slot;
    }
    this.buckets = buckets;
  }
}
