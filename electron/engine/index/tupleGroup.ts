/**
 * A group of recorded fields whose values usually change together (a thread's names and
 * container, an fd's name and addresses, an event kind's flags): each distinct combination of
 * the group's values is stored once, as a tuple, and each row stores only its tuple's id. The
 * caller decides when a row may reuse a tuple without asking the fields again (eventValues.ts);
 * `resolve` asks every field and finds or adds the tuple.
 */
import type { ResolvedField } from '../filter/resolver';
import { IdColumn } from './idColumn';
import type { RecordedField, ValueColumn } from './valueColumns';
import { ValueDictionary } from './valueDictionary';

/** Slots of the tuple lookup table: tuple id + 1 (0 = empty), open addressing. */
const FIRST_SLOTS = 64;

export class TupleGroup<Ctx> {
  private readonly fields: Array<{ key: string; resolved: ResolvedField<Ctx>; dict: ValueDictionary; tuples: IdColumn }> = [];
  private readonly rows = new IdColumn();
  private tupleCount = 0;
  private readonly scratch: Int32Array;
  // Tuples are found by a hash of their value ids, compared against the fields' own tuple
  // columns: joining the ids into a text key per lookup cost a fifth of the grouped recording.
  private slots = new Int32Array(FIRST_SLOTS);

  constructor(readonly name: string, fields: readonly RecordedField<Ctx>[]) {
    for (const { key, field } of fields) this.fields.push({ key, resolved: field, dict: new ValueDictionary(), tuples: new IdColumn() });
    this.scratch = new Int32Array(fields.length);
  }

  /** The tuple of the fields' values for `ctx`. */
  resolve(ctx: Ctx): number {
    const ids = this.scratch;
    const fields = this.fields;
    for (let i = 0; i < fields.length; i++) {
      const f = fields[i];
      ids[i] = f.dict.idOf(f.resolved.get(ctx));
    }
    return this.tupleOfScratch();
  }

  /**
   * The tuple of `tuple`'s values but field `field`'s, which is asked for `ctx`: for a caller
   * that knows only that field may have changed (a thread's proc.nthreads).
   */
  resolveOne(tuple: number, field: number, ctx: Ctx): number {
    const ids = this.scratch;
    const fields = this.fields;
    for (let i = 0; i < fields.length; i++) ids[i] = fields[i].tuples.get(tuple);
    const f = fields[field];
    ids[field] = f.dict.idOf(f.resolved.get(ctx));
    return this.tupleOfScratch();
  }

  /** The value id of field `field`'s value for `ctx` alone (a key for a caller's own lookup). */
  valueId(field: number, ctx: Ctx): number {
    const f = this.fields[field];
    return f.dict.idOf(f.resolved.get(ctx));
  }

  /** The position of field `key` (for resolveOne and valueId). */
  fieldIndex(key: string): number {
    const i = this.fields.findIndex((f) => f.key === key);
    if (i < 0) throw new Error(`the ${this.name} group records no ${key}`);
    return i;
  }

  /** Finds or adds the tuple of the value ids in `scratch`. */
  private tupleOfScratch(): number {
    const ids = this.scratch;
    const fields = this.fields;
    const n = fields.length;
    let h = n;
    for (let i = 0; i < n; i++) {
      h = Math.imul(h ^ ids[i], 0x9e3779b1);
      h ^= h >>> 16;
    }
    const mask = this.slots.length - 1;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const slot = this.slots[s];
      if (slot === 0) break;
      if (this.holds(slot - 1, ids)) return slot - 1;
    }
    const tuple = this.tupleCount++;
    for (let i = 0; i < n; i++) fields[i].tuples.push(ids[i]);
    if (this.tupleCount * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    else this.place(tuple, h);
    return tuple;
  }

  private holds(tuple: number, ids: Int32Array): boolean {
    const fields = this.fields;
    for (let i = 0; i < fields.length; i++) if (fields[i].tuples.get(tuple) !== ids[i]) return false;
    return true;
  }

  private hashOf(tuple: number): number {
    const fields = this.fields;
    let h = fields.length;
    for (let i = 0; i < fields.length; i++) {
      h = Math.imul(h ^ fields[i].tuples.get(tuple), 0x9e3779b1);
      h ^= h >>> 16;
    }
    return h;
  }

  private place(tuple: number, h: number): void {
    const mask = this.slots.length - 1;
    let s = h & mask;
    while (this.slots[s] !== 0) s = (s + 1) & mask;
    this.slots[s] = tuple + 1;
  }

  private rehash(size: number): void {
    this.slots = new Int32Array(size);
    for (let t = 0; t < this.tupleCount; t++) this.place(t, this.hashOf(t));
  }

  /** Appends a row that has tuple `tuple`. */
  push(tuple: number): void {
    this.rows.push(tuple);
  }

  /** Appends `n` rows that have tuple `tuple`. */
  pushRun(tuple: number, n: number): void {
    this.rows.pushRun(tuple, n);
  }

  /** Room for `n` rows in all. */
  reserve(n: number): void {
    this.rows.reserve(n);
  }

  get tuples(): number {
    return this.tupleCount;
  }

  finish(): Record<string, ValueColumn> {
    const ids = this.rows.finish();
    const out: Record<string, ValueColumn> = {};
    for (const f of this.fields) {
      out[f.key] = { type: f.resolved.type, multi: f.resolved.multi, ids, tuples: f.tuples.finish(), group: this.name, values: f.dict.values };
    }
    return out;
  }
}
