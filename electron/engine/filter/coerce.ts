/** How a field's value is read as text, number, boolean or address when the resolver handed another JS type. */
import { parseIpv4, parseIpv6 } from '../../../shared/filter/values';
import type { ScalarValue } from './resolver';

export function asText(v: ScalarValue): string {
  if (typeof v === 'string') return v;
  if (v instanceof Uint8Array) return new TextDecoder().decode(v);
  return String(v);
}

export function asNumber(v: ScalarValue): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string' && /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(v)) return Number(v);
  return NaN;
}

export function isTrue(v: ScalarValue): boolean {
  return v === true || v === 1 || v === 1n || v === 'true';
}

export function asAddress(v: ScalarValue): Uint8Array | undefined {
  if (v instanceof Uint8Array) return v;
  if (typeof v === 'string') return parseIpv4(v) ?? parseIpv6(v);
  if (typeof v === 'number') return Uint8Array.of(v >>> 24, (v >>> 16) & 255, (v >>> 8) & 255, v & 255);
  return undefined;
}
