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

export class TupleGroup<Ctx> {
  private readonly fields: Array<{ key: string; resolved: ResolvedField<Ctx>; dict: ValueDictionary; tuples: IdColumn }> = [];
  private readonly tupleByKey = new Map<string, number>();
  private readonly rows = new IdColumn();
  private tupleCount = 0;
  private readonly scratch: number[];

  constructor(readonly name: string, fields: readonly RecordedField<Ctx>[]) {
    for (const { key, field } of fields) this.fields.push({ key, resolved: field, dict: new ValueDictionary(), tuples: new IdColumn() });
    this.scratch = new Array<number>(fields.length).fill(0);
  }

  /** The tuple of the fields' values for `ctx`. */
  resolve(ctx: Ctx): number {
    const ids = this.scratch;
    for (let i = 0; i < this.fields.length; i++) {
      const f = this.fields[i];
      ids[i] = f.dict.idOf(f.resolved.get(ctx));
    }
    const key = ids.join(',');
    let tuple = this.tupleByKey.get(key);
    if (tuple === undefined) {
      tuple = this.tupleCount++;
      this.tupleByKey.set(key, tuple);
      for (let i = 0; i < this.fields.length; i++) this.fields[i].tuples.push(ids[i]);
    }
    return tuple;
  }

  /** Appends a row that has tuple `tuple`. */
  push(tuple: number): void {
    this.rows.push(tuple);
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
