/**
 * Field value columns: for each field a filter commonly names (evt.type, fd.name, proc.exe,
 * container.name, user.name, ...), the value the engine's own resolver gave for every event,
 * recorded during the indexing pass. Values are interned: one Uint32 per event, an id into a
 * dictionary of distinct values (id 0 = the field had no value). Because the value is what the
 * resolver returned at that point of the pass, a filter evaluated on these columns gives exactly
 * what it gives on a re-scan (columnarFilter.ts).
 *
 * Only fields whose value depends on the event and the state at that event are recorded here;
 * fields with counters across events (thread.cpu, evt.count.*) or per-event text (evt.args) are not.
 */
import type { FieldResolver, FieldValue, ResolvedField, ScalarValue } from '../filter/resolver';
import type { FieldType } from '../../../shared/fields/types';

/** Value ids of one field as they are recorded: one byte each until a field has more than 255 values, and so on. */
class IdColumn {
  private data: ValueIds = new Uint8Array(1024);
  private max = 0xff;
  length = 0;

  push(id: number): void {
    if (id > this.max) this.widen(id);
    if (this.length === this.data.length) this.grow(this.data.length * 2);
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

  finish(): ValueIds {
    return this.data.slice(0, this.length);
  }
}

/** Fields recorded per event (no-argument fields only). */
export const VALUE_FIELDS: readonly string[] = [
  'evt.type', 'evt.category', 'syscall.type', 'evt.is_io', 'evt.is_io_read', 'evt.is_io_write', 'evt.io_dir', 'evt.is_wait',
  'evt.buflen', 'evt.res', 'evt.rawres', 'evt.failed',
  'fd.num', 'fd.type', 'fd.typechar', 'fd.name', 'fd.directory', 'fd.filename', 'fd.l4proto', 'fd.sockfamily', 'fd.is_server',
  'fd.sip', 'fd.cip', 'fd.lip', 'fd.rip', 'fd.sport', 'fd.cport', 'fd.lport', 'fd.rport', 'fd.ip', 'fd.port',
  'proc.name', 'proc.pid', 'proc.ppid', 'proc.vpid', 'proc.exe', 'proc.exepath', 'proc.cmdline', 'proc.args', 'proc.exeline',
  'proc.pname', 'thread.tid', 'thread.vtid', 'user.name', 'user.uid',
  'container.id', 'container.name', 'container.image', 'container.type',
  'fd.containername', 'fd.containerdirectory', 'proc.nthreads', 'thread.nametid', 'thread.pfmajor', 'thread.pfminor',
];

/**
 * The table-only fields of csysdig's views (views/tableFields.ts), recorded the same way so view
 * tables fold from the index. Read through the table resolver; `syscall.type` differs there
 * (it also names procexit, ...) and is kept under TABLE_SYSCALL_TYPE.
 */
export const TABLE_VALUE_FIELDS: readonly string[] = [
  'evt.count', 'evt.count.error', 'evt.count.exit',
  'evt.buflen.in', 'evt.buflen.out', 'evt.buflen.file', 'evt.buflen.file.in', 'evt.buflen.file.out',
  'evt.buflen.net', 'evt.buflen.net.in', 'evt.buflen.net.out',
  'evt.count.error.file', 'evt.count.error.net', 'evt.count.error.memory', 'evt.count.error.other',
  'evt.count.threadinfo', 'evt.count.procinfo', 'thread.vmsize.b', 'thread.vmrss.b',
];
export const TABLE_SYSCALL_TYPE = 'table:syscall.type';
/** Keys of the recorded procinfo CPU tick totals (thread.cpu is computed from them per table). */
export const PROCINFO_USER_TICKS = 'procinfo.user';
export const PROCINFO_SYSTEM_TICKS = 'procinfo.system';

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
  /** As narrow as the number of distinct values allows (most fields have few). */
  ids: ValueIds;
  /** values[0] is undefined (no value). */
  values: (FieldValue | undefined)[];
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

export interface EncodedValueColumns { [field: string]: { type: FieldType; multi?: string; values: Encoded[] } }

export function encodeValueColumns(cols: Record<string, ValueColumn>, prefix = 'value:'): { meta: EncodedValueColumns; arrays: Record<string, ValueIds> } {
  const meta: EncodedValueColumns = {};
  const arrays: Record<string, ValueIds> = {};
  for (const [name, c] of Object.entries(cols)) {
    meta[name] = { type: c.type, ...(c.multi ? { multi: c.multi } : {}), values: c.values.map(encodeValue) };
    arrays[`${prefix}${name}`] = c.ids;
  }
  return { meta, arrays };
}

export function decodeValueColumns(meta: EncodedValueColumns | undefined, arrays: Record<string, unknown>, rows: number | undefined, prefix = 'value:'): Record<string, ValueColumn> | string {
  const out: Record<string, ValueColumn> = {};
  for (const [name, m] of Object.entries(meta ?? {})) {
    const ids = arrays[`${prefix}${name}`];
    const isIds = ids instanceof Uint32Array || ids instanceof Uint16Array || ids instanceof Uint8Array;
    if (!isIds || (rows !== undefined && ids.length !== rows)) return `index column for ${name} is missing or short`;
    const values = m.values.map(decodeValue);
    out[name] = { type: m.type, multi: m.multi as ValueColumn['multi'], ids, values };
  }
  return out;
}

/** A lookup key for bytes and lists (never equal to another value's key). */
function keyOf(v: ScalarValue | readonly ScalarValue[]): string {
  if (v instanceof Uint8Array) {
    let k = 'b';
    for (let i = 0; i < v.length; i++) k += String.fromCharCode(v[i]);
    return k;
  }
  if (Array.isArray(v)) return `a${(v as readonly ScalarValue[]).map((x) => keyOf(x)).join('\u0001')}`;
  return `${typeof v}:${String(v)}`;
}

/** Equal by content (bytes, lists of scalars), for the repeat-of-the-last-value shortcut. */
function sameValue(a: FieldValue, b: FieldValue): boolean {
  if (a === b) return true;
  if (a instanceof Uint8Array) {
    if (!(b instanceof Uint8Array) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
  }
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i] as FieldValue, b[i] as FieldValue)) return false;
    return true;
  }
  return false;
}

/** A value kept for good: the resolver may hand out a buffer it reuses. */
function copyOf(v: FieldValue): FieldValue {
  if (v instanceof Uint8Array) return Uint8Array.from(v);
  if (Array.isArray(v)) return (v as readonly ScalarValue[]).map((x) => copyOf(x) as ScalarValue);
  return v;
}

/** Records the value of each field for every event of the indexing pass. */
export class ValueColumnsBuilder<Ctx> {
  private readonly fields: Array<{
    name: string; resolved: ResolvedField<Ctx>; ids: IdColumn; values: (FieldValue | undefined)[];
    byPrimitive: Map<string | number | bigint | boolean, number>; byKey: Map<string, number>;
    lastValue: FieldValue | undefined; lastId: number;
  }> = [];

  constructor(fields: readonly RecordedField<Ctx>[]) {
    for (const { key, field } of fields) {
      this.fields.push({ name: key, resolved: field, ids: new IdColumn(), values: [undefined], byPrimitive: new Map(), byKey: new Map(), lastValue: undefined, lastId: 0 });
    }
  }

  add(ctx: Ctx): void {
    for (let i = 0; i < this.fields.length; i++) {
      const f = this.fields[i];
      const v = f.resolved.get(ctx);
      if (v === undefined) { f.ids.push(0); continue; }
      // Neighbouring events mostly repeat a field's value (same thread, same fd): skip the lookup.
      if (v === f.lastValue) { f.ids.push(f.lastId); continue; }
      let id: number | undefined;
      if (typeof v === 'object') {
        // Bytes and lists (addresses, fd.ip's two ends): equal to the last one, or looked up by a text key.
        if (f.lastValue !== undefined && sameValue(v, f.lastValue)) { f.ids.push(f.lastId); continue; }
        const key = keyOf(v);
        id = f.byKey.get(key);
        if (id === undefined) { id = f.values.length; f.values.push(copyOf(v)); f.byKey.set(key, id); }
        f.lastValue = f.values[id];
        f.lastId = id;
      } else {
        id = f.byPrimitive.get(v);
        if (id === undefined) { id = f.values.length; f.values.push(v); f.byPrimitive.set(v, id); }
        f.lastValue = v;
        f.lastId = id;
      }
      f.ids.push(id);
    }
  }

  finish(): Record<string, ValueColumn> {
    const out: Record<string, ValueColumn> = {};
    for (const f of this.fields) out[f.name] = { type: f.resolved.type, multi: f.resolved.multi, ids: f.ids.finish(), values: f.values };
    return out;
  }
}
