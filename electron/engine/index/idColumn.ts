/** A growing column of value ids that stays as narrow as its largest id allows. */
import type { ValueIds } from './valueColumns';
import { filledPart } from './growable';

const NO_IDS_8 = new Uint8Array(0);
const NO_IDS_16 = new Uint16Array(0);
const NO_IDS_32 = new Uint32Array(0);

/**
 * Value ids of one field as they are recorded: one byte each until a field has more than 255
 * values, and so on. Each width has its own array field, the others empty: one `data` of three
 * array kinds made push's store polymorphic across all the columns (~16 M pushes a pass on the
 * 200 MB bench copy), while a branch on the width keeps each store site to one array kind.
 */
export class IdColumn {
  private bytes: Uint8Array = new Uint8Array(1024);
  private halves: Uint16Array = NO_IDS_16;
  private words: Uint32Array = NO_IDS_32;
  /** Bytes per id: 1, 2 or 4. */
  private width = 1;
  /** The largest id the width holds. */
  private max = 0xff;
  private capacity = 1024;
  length = 0;

  push(id: number): void {
    if (this.length === this.capacity || id > this.max) {
      this.pushSlowly(id);
      return;
    }
    if (this.width === 1) this.bytes[this.length++] = id;
    else if (this.width === 2) this.halves[this.length++] = id;
    else this.words[this.length++] = id;
  }

  /** `n` ids `id` (a run of equal ids), written at once. */
  pushRun(id: number, n: number): void {
    if (n <= 0) return;
    this.push(id);
    const rest = n - 1;
    if (this.length + rest > this.capacity) this.resize(Math.max(this.length + rest, Math.ceil(this.capacity * 1.5) + 16), this.width);
    this.ids().fill(id, this.length, this.length + rest);
    this.length += rest;
  }

  /** A push that must widen or grow the column first (then it is an ordinary push). */
  private pushSlowly(id: number): void {
    const width = id > 0xffff ? 4 : id > 0xff ? 2 : 1;
    if (width > this.width) this.resize(this.capacity, width);
    if (this.length === this.capacity) this.resize(Math.ceil(this.capacity * 1.5) + 16, this.width);
    this.push(id);
  }

  /** Moves the ids to an array of `capacity` ids of `width` bytes each. */
  private resize(capacity: number, width: number): void {
    const ids = this.ids();
    if (width === 1) (this.bytes = new Uint8Array(capacity)).set(ids);
    else if (width === 2) (this.halves = new Uint16Array(capacity)).set(ids);
    else (this.words = new Uint32Array(capacity)).set(ids);
    // The narrower array is dropped as soon as the ids have moved (no second copy kept).
    if (width !== 1) this.bytes = NO_IDS_8;
    if (width !== 2) this.halves = NO_IDS_16;
    if (width !== 4) this.words = NO_IDS_32;
    this.width = width;
    this.max = width === 1 ? 0xff : width === 2 ? 0xffff : 0xffffffff;
    this.capacity = capacity;
  }

  /** The array that holds the ids. */
  private ids(): ValueIds {
    return this.width === 1 ? this.bytes : this.width === 2 ? this.halves : this.words;
  }

  get(i: number): number {
    if (this.width === 1) return this.bytes[i];
    if (this.width === 2) return this.halves[i];
    return this.words[i];
  }

  /** Room for `n` ids in all. */
  reserve(n: number): void {
    if (n > this.capacity) this.resize(n, this.width);
  }

  /** The filled part: a view when little room is left over, else a copy. */
  finish(): ValueIds {
    return filledPart(this.ids(), this.length);
  }
}
