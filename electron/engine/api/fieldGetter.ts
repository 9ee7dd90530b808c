/**
 * Reading a field named as csysdig's views name them (`evt.arg.name`, `evt.arg[2]`,
 * `evt.type.is.3`) into a table cell: numbers as numbers, addresses and text as text.
 */
import { lookupField } from '../../../shared/fields/catalog';
import type { FieldType } from '../../../shared/fields/types';
import type { FieldResolver, FieldValue } from '../filter/resolver';
import type { CellValue } from '../views/aggregateView';

export function splitFieldName(written: string): { name: string; arg?: string } {
  const br = /^([^[]+)\[([^\]]*)\]$/.exec(written);
  if (br) return { name: br[1], arg: br[2] };
  const ref = lookupField(written);
  if (!ref) return { name: written };
  return { name: ref.field.name, arg: ref.arg };
}

function ipText(b: Uint8Array): string {
  if (b.length === 4) return `${b[0]}.${b[1]}.${b[2]}.${b[3]}`;
  const parts: string[] = [];
  for (let i = 0; i + 1 < b.length; i += 2) parts.push(((b[i] << 8) | b[i + 1]).toString(16));
  return parts.join(':').replace(/(^|:)0(:0)+(:|$)/, '::');
}

export function toCell(v: FieldValue | undefined, type: FieldType | undefined): CellValue {
  if (v === undefined) return null;
  if (Array.isArray(v)) return v.length ? toCell(v[0], type) : null;
  if (typeof v === 'number') return v;
  // Beyond 2^53 a number would round (evt.rawtime keys): keep the exact digits.
  if (typeof v === 'bigint') return v <= BigInt(Number.MAX_SAFE_INTEGER) && v >= -BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v.toString();
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof Uint8Array) return type === 'IPADDR' || type === 'IPNET' ? ipText(v) : Buffer.from(v).toString('latin1');
  return v as string;
}

/** A function reading `written` from a context, or one that always yields null if unsupported. */
export function cellGetter<Ctx>(resolve: FieldResolver<Ctx>, written: string): { get: (ctx: Ctx) => CellValue; type?: FieldType; error?: string } {
  const { name, arg } = splitFieldName(written);
  const r = resolve(name, arg);
  if (!r) return { get: () => null, error: `field ${written} is not supported` };
  if ('error' in r) return { get: () => null, error: r.error };
  // Index-backed fields carry their cells ready-made (one conversion per distinct value).
  const ready = (r as { cellOf?: (ctx: Ctx) => CellValue }).cellOf;
  if (ready) return { get: ready, type: r.type };
  return { get: (ctx) => toCell(r.get(ctx), r.type), type: r.type };
}
