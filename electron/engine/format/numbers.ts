/**
 * printf-compatible integer text for parameter values, as libsinsp's SET_NUMERIC_FORMAT picks
 * it: dec / hex (upper case, no 0x) / oct (`%#o`: leading 0 unless zero) / 10_padded_dec
 * (`%09`). C's integer promotions are reproduced: a UINT32 printed in decimal goes through
 * PRId32 (so 4294967295 prints -1), a UINT64 through PRId64, hex of a negative 8/16/32-bit
 * value shows its 32-bit two's complement.
 */
import type { PrintFormat } from '../../../shared/scap/eventTable';

const TWO32 = 4294967296;

/** Little-endian readers over an event's bytes. */
export function u8(d: Uint8Array, o: number): number { return d[o]; }
export function u16(d: Uint8Array, o: number): number { return d[o] | (d[o + 1] << 8); }
export function i16(d: Uint8Array, o: number): number { return (u16(d, o) << 16) >> 16; }
export function i32(d: Uint8Array, o: number): number { return d[o] | (d[o + 1] << 8) | (d[o + 2] << 16) | (d[o + 3] << 24); }
export function u32(d: Uint8Array, o: number): number { return i32(d, o) >>> 0; }

/** A signed 64-bit value: a number when exact, else a bigint. */
export function i64(d: Uint8Array, o: number): number | bigint {
  const lo = u32(d, o);
  const hi = i32(d, o + 4);
  if (hi >= -0x200000 && hi < 0x200000) return hi * TWO32 + lo;
  return (BigInt(hi) << 32n) | BigInt(lo);
}

/** An unsigned 64-bit value: a number when exact, else a bigint. */
export function u64(d: Uint8Array, o: number): number | bigint {
  const lo = u32(d, o);
  const hi = u32(d, o + 4);
  if (hi < 0x200000) return hi * TWO32 + lo;
  return (BigInt(hi) << 32n) | BigInt(lo);
}

function asUnsigned(v: number | bigint, bits: 32 | 64): bigint | number {
  if (bits === 32) return Number(v) >>> 0;
  if (typeof v === 'number') return v >= 0 ? v : BigInt.asUintN(64, BigInt(v));
  return BigInt.asUintN(64, v);
}

function asSigned64(v: number | bigint): number | bigint {
  if (typeof v === 'number') return v;
  const s = BigInt.asIntN(64, v);
  return s >= -9007199254740991n && s <= 9007199254740991n ? Number(s) : s;
}

/**
 * Text of an integer parameter. `bits` is the width printf sees after promotion (32 for
 * 8/16/32-bit types, 64 for 64-bit ones); `signedDecimal` says whether the decimal form is
 * printed through a signed conversion (true for every libsinsp type except UINT8/UINT16,
 * whose values are promoted to int unchanged).
 */
export function formatInteger(v: number | bigint, bits: 32 | 64, fmt: PrintFormat): string {
  switch (fmt) {
    case 'hex':
      return asUnsigned(v, bits).toString(16).toUpperCase();
    case 'oct': {
      const u = asUnsigned(v, bits);
      return u === 0 || u === 0n ? '0' : '0' + u.toString(8);
    }
    case '10_padded_dec': {
      const s = bits === 32 ? Number(v) | 0 : asSigned64(v);
      const neg = s < 0;
      const digits = (neg ? -BigInt(s) : BigInt(s)).toString();
      return (neg ? '-' : '') + digits.padStart(neg ? 8 : 9, '0');
    }
    default:
      return String(bits === 32 ? Number(v) | 0 : asSigned64(v));
  }
}
