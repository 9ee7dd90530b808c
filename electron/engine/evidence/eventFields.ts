/**
 * Structured field values for the events list: a set of catalog fields resolved once, read
 * per event, and turned into JSON-able values the way `sysdig -j` shows them (numbers as
 * numbers, times as raw nanoseconds, booleans as booleans, addresses as text, buffers dotted),
 * with null where the field has no value for the event.
 */
import { FIELDS, lookupField } from '../../../shared/fields/catalog';
import type { FieldType } from '../../../shared/fields/types';
import { renderDotted } from '../../../shared/streams/render';
import type { FieldResolver, FieldValue, ResolvedField, ScalarValue } from '../filter/resolver';
import { ipv4Text, ipv6Text } from '../format/addresses';
import { UsageError } from './commandLine';

export type JsonScalar = string | number | bigint | boolean | null;
export type JsonValue = JsonScalar | JsonScalar[];
export type EventRecord = Record<string, JsonValue>;

/** The columns of sysdig's default output line, as structured fields. */
export const DEFAULT_EVENT_FIELDS = ['evt.num', 'evt.rawtime', 'evt.cpu', 'proc.name', 'thread.tid', 'evt.dir', 'evt.type', 'evt.info'];

/** sysdig's default output line: `%evt.num %evt.time %evt.cpu %proc.name (%thread.tid) %evt.dir %evt.type %evt.info`. */
export const LINE_FIELDS = ['evt.num', 'evt.time', 'evt.cpu', 'proc.name', 'thread.tid', 'evt.dir', 'evt.type', 'evt.info'];

/** The default line from the text of LINE_FIELDS. */
export function defaultLine(t: readonly string[]): string {
  return `${t[0]} ${t[1]} ${t[2]} ${t[3]} (${t[4]}) ${t[5]} ${t[6]} ${t[7]}`;
}

interface Column<Ctx> { name: string; type: FieldType; field: ResolvedField<Ctx> }

/** Argument lists that `sysdig -j` writes with buffers whole, where its text line cuts them at 80 characters. */
const UNCUT_IN_JSON = new Set(['evt.args', 'evt.info']);

/** `field` read with buffers uncut (the event context's render options, for the one read). */
function uncut<Ctx>(field: ResolvedField<Ctx>): ResolvedField<Ctx> {
  return {
    ...field,
    get: (ctx) => {
      const c = ctx as { renderOptions?: { maxBufferChars?: number } };
      const saved = c.renderOptions;
      c.renderOptions = { ...saved, maxBufferChars: 0 };
      try {
        return field.get(ctx);
      } finally {
        c.renderOptions = saved;
      }
    },
  };
}

/**
 * Time-of-day fields that `sysdig -j` writes as the raw timestamp (nanoseconds since the
 * epoch) rather than as text; the events list's JSON does the same.
 */
export const RAW_IN_JSON: ReadonlySet<string> = new Set(['evt.time', 'evt.time.s', 'evt.time.iso8601', 'evt.datetime', 'evt.datetime.s', 'evt.outputtime']);

export class EventFieldSet<Ctx> {
  private readonly columns: Column<Ctx>[] = [];

  /**
   * `names` as written (`proc.name`, `evt.arg.fd`, `proc.aname[2]`). With `skipUnavailable`,
   * fields the engine cannot provide are left out instead of being an error (the "every
   * field" detail view). With `jsonTimes`, time-of-day fields hold the raw timestamp, as in
   * `sysdig -j`.
   */
  constructor(names: readonly string[], resolve: FieldResolver<Ctx>, skipUnavailable = false, opts: { jsonTimes?: boolean } = {}) {
    const rawTime = opts.jsonTimes ? resolve('evt.rawtime', undefined) : undefined;
    for (const written of names) {
      if (rawTime && !('error' in rawTime) && RAW_IN_JSON.has(written)) {
        this.columns.push({ name: written, type: 'ABSTIME', field: rawTime });
        continue;
      }
      const bracket = /^([^[\]]+)\[([^\]]*)\]$/.exec(written);
      const ref = bracket ? lookupField(bracket[1]) : lookupField(written);
      if (!ref) {
        if (skipUnavailable) continue;
        throw new UsageError(`unknown field '${written}'`);
      }
      const arg = bracket ? bracket[2] : ref.arg;
      const resolved = resolve(ref.field.name, arg);
      if (!resolved || 'error' in resolved) {
        if (skipUnavailable) continue;
        throw new UsageError(resolved && 'error' in resolved ? `field '${written}': ${resolved.error}` : `field '${written}' is not supported`);
      }
      this.columns.push({ name: written, type: resolved.type, field: opts.jsonTimes && UNCUT_IN_JSON.has(written) ? uncut(resolved) : resolved });
    }
  }

  get names(): string[] {
    return this.columns.map((c) => c.name);
  }

  /**
   * The event's values, keyed by field name as written, null where there is none. As in
   * `sysdig -j`, a number or boolean stays one when its text is plain decimal (or true/false);
   * a field shown another way (hex device numbers, words like "read") is given as its text.
   */
  read(ctx: Ctx): EventRecord {
    const out: EventRecord = {};
    for (const c of this.columns) {
      let v: FieldValue | undefined;
      try { v = c.field.get(ctx); } catch { v = undefined; }
      if (v === undefined) { out[c.name] = null; continue; }
      const j = toJsonValue(v, c.type);
      const format = (c.field as { format?: (ctx: Ctx) => string | undefined }).format;
      if (format && !Array.isArray(j) && (typeof j === 'number' || typeof j === 'bigint' || typeof j === 'boolean')) {
        let text: string | undefined;
        try { text = format.call(c.field, ctx); } catch { text = undefined; }
        out[c.name] = text === undefined || sameDecimal(text, j) ? j : text;
      } else {
        out[c.name] = j;
      }
    }
    return out;
  }

  /**
   * The event's values as `-p` text (the resolver's own formatting where it has one), '<NA>'
   * where there is none.
   */
  readText(ctx: Ctx): string[] {
    return this.columns.map((c) => {
      try {
        const f = c.field as ResolvedField<Ctx> & { format?: (ctx: Ctx) => string | undefined };
        if (f.format) return f.format(ctx) ?? '<NA>';
        const v = f.get(ctx);
        if (v === undefined) return '<NA>';
        const j = toJsonValue(v, c.type);
        return Array.isArray(j) ? j.join(',') : String(j);
      } catch {
        return '<NA>';
      }
    });
  }

  /** Only the fields that have a value for this event (the detail of one event). */
  readPresent(ctx: Ctx): EventRecord {
    const all = this.read(ctx);
    for (const k of Object.keys(all)) if (all[k] === null) delete all[k];
    return all;
  }
}

/** Every catalog field that can be shown without an argument (for the one-event detail). */
export function displayableFieldNames(): string[] {
  return FIELDS.filter((f) => f.usage !== 'filter' && !(f.arg?.required) && !f.tableOnly && !f.deprecated).map((f) => f.name);
}

export function toJsonValue(v: FieldValue, type: FieldType): JsonValue {
  if (Array.isArray(v)) return (v as readonly ScalarValue[]).map((x) => scalar(x, type));
  return scalar(v as ScalarValue, type);
}

function scalar(v: ScalarValue, type: FieldType): JsonScalar {
  if (v instanceof Uint8Array) {
    if (type === 'IPADDR' || type === 'IPNET') {
      if (v.length === 4) return ipv4Text(v, 0);
      if (v.length === 16) return ipv6Text(v, 0);
    }
    return renderDotted(v);
  }
  if (typeof v === 'bigint') return v >= -9007199254740991n && v <= 9007199254740991n ? Number(v) : v;
  return v;
}

/** JSON text with bigints written as plain integers (JSON.stringify cannot). */
export function jsonLine(value: unknown): string {
  return JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? `\u0000big:${v.toString()}` : v))
    .replace(/"\\u0000big:(-?\d+)"/g, '$1');
}

/** True when `text` is the plain (possibly zero-padded, as in `%evt.latency.ns`) decimal of `j`. */
function sameDecimal(text: string, j: number | bigint | boolean): boolean {
  if (text === String(j)) return true;
  return typeof j !== 'boolean' && /^-?\d+$/.test(text) && BigInt(text) === BigInt(j);
}
