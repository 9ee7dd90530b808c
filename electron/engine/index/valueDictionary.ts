/**
 * The distinct values of one recorded field, each with a small id (0 = no value). Neighbouring
 * events mostly repeat a field's value (same thread, same fd), so the last value is checked
 * before any lookup.
 */
import type { FieldValue, ScalarValue } from '../filter/resolver';

/** A lookup key for bytes and lists (never equal to another value's key). */
function keyOf(v: ScalarValue | readonly ScalarValue[]): string {
  if (v instanceof Uint8Array) {
    // Addresses (4 or 16 bytes) in one call: a character at a time built a chain of strings.
    if (v.length <= 64) return 'b' + String.fromCharCode.apply(null, v as unknown as number[]);
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

const SMALL_INTS = 4096;

export class ValueDictionary {
  /** values[0] is undefined (no value). */
  readonly values: (FieldValue | undefined)[] = [undefined];
  private readonly byPrimitive = new Map<string | number | bigint | boolean, number>();
  private readonly byKey = new Map<string, number>();
  /** Ids of the integers -1 .. SMALL_INTS-2, at the integer + 1 (0 = not seen yet). */
  private bySmallInt: Int32Array | undefined;
  private lastValue: FieldValue | undefined = undefined;
  private lastId = 0;

  idOf(v: FieldValue | undefined): number {
    if (v === undefined) return 0;
    if (v === this.lastValue) return this.lastId;
    let id: number | undefined;
    if (typeof v === 'object') {
      // Bytes and lists (addresses, fd.ip's two ends): equal to the last one, or looked up by a text key.
      if (this.lastValue !== undefined && sameValue(v, this.lastValue)) return this.lastId;
      const key = keyOf(v);
      id = this.byKey.get(key);
      if (id === undefined) { id = this.values.length; this.values.push(copyOf(v)); this.byKey.set(key, id); }
      this.lastValue = this.values[id];
    } else if (typeof v === 'number' && (v | 0) === v && v >= -1 && v < SMALL_INTS - 1) {
      // fd numbers, ports, counts: small integers found by position instead of a Map lookup.
      const small = (this.bySmallInt ??= new Int32Array(SMALL_INTS));
      id = small[v + 1];
      if (id === 0) { id = this.values.length; this.values.push(v); small[v + 1] = id; }
      this.lastValue = v;
    } else {
      id = this.byPrimitive.get(v);
      if (id === undefined) { id = this.values.length; this.values.push(v); this.byPrimitive.set(v, id); }
      this.lastValue = v;
    }
    this.lastId = id;
    return id;
  }
}
