/**
 * A growable little-endian byte buffer: every block and event is encoded into one of these,
 * so writing a capture allocates a few large buffers rather than one object per field.
 */
const textEncoder = new TextEncoder();
const TWO_32 = 4294967296;

export class ByteSink {
  bytes: Uint8Array;
  private view: DataView;
  length = 0;

  constructor(initialCapacity = 1 << 16) {
    this.bytes = new Uint8Array(initialCapacity);
    this.view = new DataView(this.bytes.buffer);
  }

  reset(): void { this.length = 0; }

  /** The written bytes, as a view (valid until the next write or reset). */
  written(): Uint8Array { return this.bytes.subarray(0, this.length); }

  ensure(extra: number): void {
    const need = this.length + extra;
    if (need <= this.bytes.length) return;
    let cap = this.bytes.length * 2;
    while (cap < need) cap *= 2;
    const next = new Uint8Array(cap);
    next.set(this.bytes.subarray(0, this.length));
    this.bytes = next;
    this.view = new DataView(next.buffer);
  }

  u8(v: number): void { this.ensure(1); this.bytes[this.length++] = v & 0xff; }
  u16(v: number): void { this.ensure(2); this.view.setUint16(this.length, v, true); this.length += 2; }
  u32(v: number): void { this.ensure(4); this.view.setUint32(this.length, v >>> 0, true); this.length += 4; }
  i32(v: number): void { this.ensure(4); this.view.setInt32(this.length, v, true); this.length += 4; }

  /** A 64-bit integer from a JS number (safe-integer range, either sign) without a BigInt. */
  i64(v: number): void {
    this.ensure(8);
    const hi = Math.floor(v / TWO_32);
    const lo = v - hi * TWO_32;
    this.view.setUint32(this.length, lo, true);
    this.view.setInt32(this.length + 4, hi, true);
    this.length += 8;
  }

  /** u64 that may exceed 2^53 (timestamps, kernel pointers, capability masks). */
  u64(v: bigint | number): void {
    if (typeof v === 'number') { this.i64(v); return; }
    this.ensure(8);
    this.view.setBigUint64(this.length, BigInt.asUintN(64, v), true);
    this.length += 8;
  }

  bytesOf(b: Uint8Array): void {
    this.ensure(b.length);
    this.bytes.set(b, this.length);
    this.length += b.length;
  }

  zeros(n: number): void {
    this.ensure(n);
    this.bytes.fill(0, this.length, this.length + n);
    this.length += n;
  }

  /** UTF-8 text without terminator; returns the byte count. */
  text(s: string): number {
    this.ensure(s.length * 3);
    const { written } = textEncoder.encodeInto(s, this.bytes.subarray(this.length));
    this.length += written;
    return written;
  }

  /** A u16 length followed by the text (the "string16" of list blocks). */
  string16(s: string): void {
    const at = this.length;
    this.u16(0);
    const n = this.text(s);
    this.view.setUint16(at, n, true);
  }

  setU32(at: number, v: number): void { this.view.setUint32(at, v >>> 0, true); }
  setU16(at: number, v: number): void { this.view.setUint16(at, v, true); }
}
