/**
 * Field value columns: for each field a filter commonly names (evt.type, fd.name, proc.exe,
 * container.name, user.name, ...), the value the engine's own resolver gave for every event,
 * recorded during the indexing pass. Values are interned: an id into a dictionary of distinct
 * values (id 0 = the field had no value), per row or, for grouped fields, per tuple of the
 * field's group (eventValues.ts). Because the value is what the resolver returned at that point
 * of the pass, a filter evaluated on these columns gives exactly what it gives on a re-scan
 * (columnarFilter.ts).
 *
 * Only fields whose value depends on the event and the state at that event are recorded here;
 * fields with counters across events (thread.cpu) or per-event text (evt.args) are not.
 */
import type { FieldResolver, FieldValue, ResolvedField, ScalarValue } from '../filter/resolver';
import type { FieldType } from '../../../shared/fields/types';
import { IdColumn } from './idColumn';
import { ValueDictionary } from './valueDictionary';

/** A field to record: the key it is stored under and how to read it. */
export interface RecordedField<Ctx> { key: string; field: ResolvedField<Ctx> }

/** The recordable fields `names` as `resolve` provides them (fields it lacks are left out). */
export function recordedFields<Ctx>(resolve: FieldResolver<Ctx>, names: readonly string[], keyPrefix = ''): RecordedField<Ctx>[] {
  const out: RecordedField<Ctx>[] = [];
  for (const name of names) {
    const r = resolve(name, undefined);
    if (r && !('error' in r)) out.push({ key: keyPrefix + name, field: r });
  }
  return out;
}

/** One recorded field: its type and matching rule as the resolver declared them, ids and values. */
export type ValueIds = Uint8Array | Uint16Array | Uint32Array;

export interface ValueColumn {
  type: FieldType;
  multi?: ResolvedField<unknown>['multi'];
  /**
   * One id per row, as narrow as the number of distinct ids allows: the value id itself, or
   * for a grouped field (`tuples` set) the row's tuple id in its group, shared by the group's
   * fields (eventValues.ts).
   */
  ids: ValueIds;
  /** Grouped fields: the value id of each tuple of the group. */
  tuples?: ValueIds;
  /** The group the row ids belong to (grouped fields only; names the shared array in the index file). */
  group?: string;
  /** values[0] is undefined (no value). */
  values: (FieldValue | undefined)[];
}

/** The value id of a row, for either kind of column. */
export function valueIdReader(c: ValueColumn): (row: number) => number {
  const { ids, tuples } = c;
  return tuples ? (row) => tuples[ids[row]] : (row) => ids[row];
}

/** The value of a row (undefined: no value). */
export function valueReader(c: ValueColumn): (row: number) => FieldValue | undefined {
  const { ids, tuples, values } = c;
  return tuples ? (row) => values[tuples[ids[row]]] : (row) => values[ids[row]];
}

/** Values as JSON-safe tagged arrays (bigint, bytes, NaN survive the index file header). */
type Encoded = ['u'] | ['s', string] | ['n', number | string] | ['i', string] | ['t', boolean] | ['b', string] | ['a', Encoded[]];

function encodeValue(v: FieldValue | undefined): Encoded {
  if (v === undefined) return ['u'];
  if (typeof v === 'string') return ['s', v];
  if (typeof v === 'number') return ['n', Number.isFinite(v) ? v : String(v)];
  if (typeof v === 'bigint') return ['i', v.toString()];
  if (typeof v === 'boolean') return ['t', v];
  if (v instanceof Uint8Array) return ['b', Buffer.from(v).toString('base64')];
  return ['a', (v as readonly ScalarValue[]).map((x) => encodeValue(x))];
}

function decodeValue(e: Encoded): FieldValue | undefined {
  switch (e[0]) {
    case 'u': return undefined;
    case 's': return e[1];
    case 'n': return typeof e[1] === 'number' ? e[1] : Number(e[1]);
    case 'i': return BigInt(e[1]);
    case 't': return e[1];
    case 'b': return new Uint8Array(Buffer.from(e[1], 'base64'));
    case 'a': return e[1].map((x) => decodeValue(x) as ScalarValue);
  }
}

export interface EncodedValueColumns { [field: string]: { type: FieldType; multi?: string; group?: string; values: Encoded[] } }

/** Arrays: `<prefix><field>` (ids, or tuples for grouped fields) and `group:<name>` (a group's row ids, once). */
export function encodeValueColumns(cols: Record<string, ValueColumn>, prefix = 'value:'): { meta: EncodedValueColumns; arrays: Record<string, ValueIds> } {
  const meta: EncodedValueColumns = {};
  const arrays: Record<string, ValueIds> = {};
  for (const [name, c] of Object.entries(cols)) {
    meta[name] = { type: c.type, ...(c.multi ? { multi: c.multi } : {}), ...(c.tuples && c.group ? { group: c.group } : {}), values: c.values.map(encodeValue) };
    if (c.tuples && c.group) {
      arrays[`${prefix}${name}`] = c.tuples;
      arrays[`group:${c.group}`] = c.ids;
    } else arrays[`${prefix}${name}`] = c.ids;
  }
  return { meta, arrays };
}

export function decodeValueColumns(meta: EncodedValueColumns | undefined, arrays: Record<string, unknown>, rows: number | undefined, prefix = 'value:'): Record<string, ValueColumn> | string {
  const out: Record<string, ValueColumn> = {};
  const groupTuples = new Map<string, number>();
  const isIds = (a: unknown): a is ValueIds => a instanceof Uint32Array || a instanceof Uint16Array || a instanceof Uint8Array;
  for (const [name, m] of Object.entries(meta ?? {})) {
    const own = arrays[`${prefix}${name}`];
    const values = m.values.map(decodeValue);
    if (m.group !== undefined) {
      const ids = arrays[`group:${m.group}`];
      if (!isIds(own) || !isIds(ids) || (rows !== undefined && ids.length !== rows)) return `index column for ${name} is missing or short`;
      for (let i = 0; i < own.length; i++) if (own[i] >= values.length) return `index column for ${name} names a value it lacks`;
      const tuples = groupTuples.get(m.group);
      // Row ids are not scanned (16 M rows per group cost a third of a reopen): the file's
      // checksum vouches for the bytes, and the indexer version in the cache key for the writer.
      if (tuples === undefined) groupTuples.set(m.group, own.length);
      else if (tuples !== own.length) return `index group ${m.group} has fields of different lengths`;
      out[name] = { type: m.type, multi: m.multi as ValueColumn['multi'], ids, tuples: own, group: m.group, values };
      continue;
    }
    if (!isIds(own) || (rows !== undefined && own.length !== rows)) return `index column for ${name} is missing or short`;
    out[name] = { type: m.type, multi: m.multi as ValueColumn['multi'], ids: own, values };
  }
  return out;
}

/** Records the value of each field for every event of a pass, one id per field and event. */
export class ValueColumnsBuilder<Ctx> {
  private readonly fields: Array<{ name: string; resolved: ResolvedField<Ctx>; ids: IdColumn; dict: ValueDictionary }> = [];

  constructor(fields: readonly RecordedField<Ctx>[]) {
    for (const { key, field } of fields) this.fields.push({ name: key, resolved: field, ids: new IdColumn(), dict: new ValueDictionary() });
  }

  add(ctx: Ctx): void {
    for (let i = 0; i < this.fields.length; i++) {
      const f = this.fields[i];
      f.ids.push(f.dict.idOf(f.resolved.get(ctx)));
    }
  }

  /** A row whose every field is undefined (the caller knows their getters would say so). */
  addUndefined(): void {
    for (let i = 0; i < this.fields.length; i++) {
      const f = this.fields[i];
      f.ids.push(f.dict.idOf(undefined));
    }
  }

  /** `n` rows whose every field is undefined. */
  addUndefinedRun(n: number): void {
    for (let i = 0; i < this.fields.length; i++) {
      const f = this.fields[i];
      f.ids.pushRun(f.dict.idOf(undefined), n);
    }
  }

  /** Room for `n` rows in all. */
  reserve(n: number): void {
    for (const f of this.fields) f.ids.reserve(n);
  }

  finish(): Record<string, ValueColumn> {
    const out: Record<string, ValueColumn> = {};
    for (const f of this.fields) out[f.name] = { type: f.resolved.type, multi: f.resolved.multi, ids: f.ids.finish(), values: f.dict.values };
    return out;
  }
}
