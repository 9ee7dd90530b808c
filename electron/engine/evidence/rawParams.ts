/** Allocation-free little-endian reads for the evidence builders' hot paths. */

/** A signed 64-bit value as a number (exact up to 2^53, which covers return values and ids). */
export function int64At(d: Uint8Array, o: number): number {
  const lo = (d[o] | (d[o + 1] << 8) | (d[o + 2] << 16) | (d[o + 3] << 24)) >>> 0;
  const hi = d[o + 4] | (d[o + 5] << 8) | (d[o + 6] << 16) | (d[o + 7] << 24);
  return hi * 4294967296 + lo;
}

export function uint32At(d: Uint8Array, o: number): number {
  return (d[o] | (d[o + 1] << 8) | (d[o + 2] << 16) | (d[o + 3] << 24)) >>> 0;
}
