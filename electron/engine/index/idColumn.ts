/** A growing column of value ids that stays as narrow as its largest id allows. */
import type { ValueIds } from './valueColumns';
import { filledPart } from './growable';

/** Value ids of one field as they are recorded: one byte each until a field has more than 255 values, and so on. */
export class IdColumn {
  private data: ValueIds = new Uint8Array(1024);
  private max = 0xff;
  length = 0;

  push(id: number): void {
    if (id > this.max) this.widen(id);
    if (this.length === this.data.length) this.grow(Math.ceil(this.data.length * 1.5) + 16);
    this.data[this.length++] = id;
  }

  private widen(id: number): void {
    const wider = id > 0xffff ? new Uint32Array(this.data.length) : new Uint16Array(this.data.length);
    wider.set(this.data);
    this.data = wider;
    this.max = id > 0xffff ? 0xffffffff : 0xffff;
  }

  private grow(n: number): void {
    const bigger = new (this.data.constructor as { new (n: number): ValueIds })(n);
    bigger.set(this.data);
    this.data = bigger;
  }

  get(i: number): number {
    return this.data[i];
  }

  /** Room for `n` ids in all. */
  reserve(n: number): void {
    if (n > this.data.length) this.grow(n);
  }

  /** The filled part: a view when little room is left over, else a copy. */
  finish(): ValueIds {
    return filledPart(this.data, this.length);
  }
}

