/**
 * Little-endian reads on a byte array. The free functions serve the event hot loop (no
 * allocation, no bounds checks: callers check lengths first); ByteCursor serves the metadata
 * blocks, where clarity matters more than speed and every read is bounds-checked.
 */
export function u16(b: Uint8Array, o: number): number {
  return b[o] | (b[o + 1] << 8);
}
export function u32(b: Uint8Array, o: number): number {
  return (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16)) + b[o + 3] * 0x1000000;
}
export function i32(b: Uint8Array, o: number): number {
  return b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24);
}
/** A signed 64-bit value as a number: exact within ±2^53 (tids, fds, pids, sizes). */
export function i64n(b: Uint8Array, o: number): number {
  const hi = i32(b, o + 4);
  const lo = i32(b, o);
  // A value that fits 32 bits (a tid, nearly always) stays a small integer: V8 keeps those
  // unboxed, where the product form is a double boxed whenever it is a Map key or a field.
  if ((hi === 0 && lo >= 0) || (hi === -1 && lo < 0)) return lo;
  return hi * 0x100000000 + (lo >>> 0);
}
/** An unsigned 64-bit value as a number (inexact above 2^53). */
export function u64n(b: Uint8Array, o: number): number {
  return u32(b, o + 4) * 0x100000000 + u32(b, o);
}
export function u64(b: Uint8Array, o: number): bigint {
  return (BigInt(u32(b, o + 4)) << 32n) | BigInt(u32(b, o));
}
export function i64(b: Uint8Array, o: number): bigint {
  return BigInt.asIntN(64, u64(b, o));
}

const utf8 = new TextDecoder('utf-8');
export function text(b: Uint8Array, start: number, end: number): string {
  return utf8.decode(b.subarray(start, end));
}

/** Thrown when a metadata structure runs past its bounds; the caller turns it into a warning. */
export class Overrun extends Error {}

export class ByteCursor {
  constructor(readonly b: Uint8Array, public pos: number, public end: number) {}
  get left(): number { return this.end - this.pos; }
  need(n: number): number {
    if (n < 0 || this.pos + n > this.end) throw new Overrun(`needs ${n} bytes at offset ${this.pos}, ${this.end - this.pos} left`);
    const at = this.pos;
    this.pos += n;
    return at;
  }
  u8(): number { return this.b[this.need(1)]; }
  u16(): number { return u16(this.b, this.need(2)); }
  u32(): number { return u32(this.b, this.need(4)); }
  i64n(): number { return i64n(this.b, this.need(8)); }
  u64n(): number { return u64n(this.b, this.need(8)); }
  u64(): bigint { return u64(this.b, this.need(8)); }
  bytes(n: number): Uint8Array { const at = this.need(n); return copyBytes(this.b, at, at + n); }
  /** string16: u16 byte count, then the bytes (no NUL). `max` is the format's length limit. */
  str16(max = 65535): string {
    const n = this.u16();
    if (n > max) throw new Overrun(`string of ${n} bytes exceeds the limit of ${max}`);
    const at = this.need(n);
    return text(this.b, at, at + n);
  }
}

/** Splits a NUL-separated list (args, env, cgroups), dropping one trailing NUL. */
export function nulList(s: string): string[] {
  if (s.length === 0) return [];
  if (s.endsWith('\0')) s = s.slice(0, -1);
  return s.split('\0');
}

/** A copy of b[start, end) as a plain Uint8Array (Buffer#slice would alias the chunk). */
export function copyBytes(b: Uint8Array, start: number, end: number): Uint8Array {
  return new Uint8Array(b.subarray(start, end));
}

const timestampScratch = new DataView(new ArrayBuffer(8));

/**
 * The unsigned 64-bit value hi·2^32 + lo as a bigint. Built through a DataView: one bigint per
 * call, where shifting and or-ing BigInt(hi) and BigInt(lo) makes four (event timestamps are
 * read for every event, and those bigints were a fifth of the indexing pass's allocations).
 */
export function u64FromHalves(hi: number, lo: number): bigint {
  timestampScratch.setUint32(0, lo, true);
  timestampScratch.setUint32(4, hi, true);
  return timestampScratch.getBigUint64(0, true);
}
