/**
 * The distinct values of one recorded field, each with a small id (0 = no value). Neighbouring
 * events mostly repeat a field's value (same thread, same fd), so the last value is checked
 * before any lookup.
 */
import type { FieldValue, ScalarValue } from '../filter/resolver';

// Bytes and lists (addresses, fd.ip's and fd.port's two ends) are found by a hash of their
// content: a text key built per lookup (bytes as characters, list items joined) cost more
// than the rest of recording those fields (~0.4 µs of ~1 µs per fd tuple).
const FNV_PRIME = 0x01000193;
const floatBits = new Float64Array(1);
const floatWords = new Int32Array(floatBits.buffer);

/** A hash of a value's content, equal for equal content (sameContent). */
function contentHash(v: ScalarValue | readonly ScalarValue[]): number {
  if (v instanceof Uint8Array) {
    let h = Math.imul(0x811c9dc5 ^ v.length, FNV_PRIME);
    for (let i = 0; i < v.length; i++) h = Math.imul(h ^ v[i], FNV_PRIME);
    return h;
  }
  if (Array.isArray(v)) {
    let h = Math.imul(0x2c9277b5 ^ v.length, FNV_PRIME);
    for (let i = 0; i < v.length; i++) h = Math.imul(h ^ contentHash(v[i] as ScalarValue), FNV_PRIME);
    return h;
  }
  switch (typeof v) {
    case 'number':
      // 0 and -0 are one value (as ===), and every NaN another.
      if ((v | 0) === v) return v | 0;
      if (v !== v) return 0x7ff80000;
      floatBits[0] = v;
      return Math.imul(floatWords[0], FNV_PRIME) ^ floatWords[1];
    case 'string': {
      let h = 0x1b873593;
      for (let i = 0; i < v.length; i++) h = Math.imul(h ^ v.charCodeAt(i), FNV_PRIME);
      return h;
    }
    case 'bigint': return contentHash(String(v)) ^ 0x5bd1e995;
    default: return v ? 0x27d4eb2f : 0x165667b1;
  }
}

/** Equal content: bytes by their bytes, lists item by item, other values as === (NaN equal to NaN). */
function sameContent(a: FieldValue, b: FieldValue): boolean {
  if (a === b) return true;
  if (a instanceof Uint8Array) {
    if (!(b instanceof Uint8Array) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
  }
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameContent(a[i] as FieldValue, b[i] as FieldValue)) return false;
    return true;
  }
  return typeof a === 'number' && typeof b === 'number' && a !== a && b !== b;
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
  /** Ids of bytes and lists, by contentHash (open addressing: id, 0 = empty). */
  private objectSlots = new Int32Array(64);
  private objectHashes = new Int32Array(64);
  private objects = 0;
  /** Ids of the integers -1 .. SMALL_INTS-2, at the integer + 1 (0 = not seen yet). */
  private bySmallInt: Int32Array | undefined;
  private lastValue: FieldValue | undefined = undefined;
  private lastId = 0;

  idOf(v: FieldValue | undefined): number {
    if (v === undefined) return 0;
    if (v === this.lastValue) return this.lastId;
    let id: number | undefined;
    if (typeof v === 'object') {
      // Bytes and lists: equal to the last one, or looked up by their content.
      if (this.lastValue !== undefined && sameContent(v, this.lastValue)) return this.lastId;
      id = this.objectId(v);
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

  private objectId(v: Uint8Array | readonly ScalarValue[]): number {
    const h = contentHash(v);
    const mask = this.objectSlots.length - 1;
    let s = h & mask;
    for (; this.objectSlots[s] !== 0; s = (s + 1) & mask) {
      const id = this.objectSlots[s];
      if (this.objectHashes[s] === h && sameContent(this.values[id]!, v)) return id;
    }
    const id = this.values.length;
    this.values.push(copyOf(v));
    this.objectSlots[s] = id;
    this.objectHashes[s] = h;
    if (++this.objects * 2 > this.objectSlots.length) this.growObjects();
    return id;
  }

  private growObjects(): void {
    const { objectSlots, objectHashes } = this;
    this.objectSlots = new Int32Array(objectSlots.length * 2);
    this.objectHashes = new Int32Array(objectSlots.length * 2);
    const mask = this.objectSlots.length - 1;
    for (let i = 0; i < objectSlots.length; i++) {
      if (objectSlots[i] === 0) continue;
      let s = objectHashes[i] & mask;
      while (this.objectSlots[s] !== 0) s = (s + 1) & mask;
      this.objectSlots[s] = objectSlots[i];
      this.objectHashes[s] = objectHashes[i];
    }
  }
}
