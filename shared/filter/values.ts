/**
 * Turning the text of a filter value into the constant a check compares with, once, when the filter is
 * compiled: numbers, durations, ports, booleans, IP addresses and networks, byte strings. A bad value is
 * a compile error with a message, never a runtime false.
 */
import type { FieldType } from '../fields/types';
import type { ComparisonOperator } from './ast';
import { SERVICE_PORTS } from './services';

export type Constant =
  | { kind: 'string'; text: string }
  /** `num` is exact up to 2^53; `big` is set for integers (exact at any size). */
  | { kind: 'number'; num: number; big?: bigint }
  | { kind: 'bool'; value: boolean }
  /** An IP address is a network whose prefix is the whole address. */
  | { kind: 'net'; bytes: Uint8Array; prefix: number }
  | { kind: 'bytes'; bytes: Uint8Array };

/** Either the constant or a one-line message saying why the text is not a valid value. */
export type ConstantResult = Constant | { error: string };

const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const DURATION_UNITS: Record<string, bigint> = { ns: 1n, us: 1000n, ms: 1000000n, s: 1000000000n, m: 60000000000n, h: 3600000000000n };

const INT_RANGE: Partial<Record<FieldType, [bigint, bigint]>> = {
  INT16: [-(1n << 15n), (1n << 15n) - 1n],
  INT32: [-(1n << 31n), (1n << 31n) - 1n],
  INT64: [-(1n << 63n), (1n << 63n) - 1n],
  UINT32: [0n, (1n << 32n) - 1n],
  UINT64: [0n, (1n << 64n) - 1n],
  RELTIME: [0n, (1n << 64n) - 1n],
  ABSTIME: [0n, (1n << 64n) - 1n],
};

/** Parses the value of `field op value` for a field of `type`. */
export function parseConstant(type: FieldType, op: ComparisonOperator, text: string): ConstantResult {
  if (op === 'bcontains' || op === 'bstartswith') return parseHexBytes(text);
  switch (type) {
    case 'CHARBUF': case 'DYN':
      return { kind: 'string', text };
    case 'BYTEBUF':
      return { kind: 'bytes', bytes: utf8(text) };
    case 'BOOL':
      if (text === 'true') return { kind: 'bool', value: true };
      if (text === 'false') return { kind: 'bool', value: false };
      return { error: `'${text}' is not a boolean; use true or false` };
    case 'DOUBLE':
      return DECIMAL.test(text) ? { kind: 'number', num: Number(text) } : { error: `'${text}' is not a number` };
    case 'PORT':
      return parsePort(text);
    case 'IPADDR': case 'IPNET':
      return parseNet(text);
    default:
      return parseInteger(type, text);
  }
}

function parseInteger(type: FieldType, text: string): ConstantResult {
  let big: bigint;
  if (INTEGER.test(text)) big = BigInt(text);
  else if (type === 'RELTIME' && /^\d+(ns|us|ms|s|m|h)$/.test(text)) {
    const [, digits, unit] = /^(\d+)([a-z]+)$/.exec(text)!;
    big = BigInt(digits) * DURATION_UNITS[unit];
  } else {
    const hint = type === 'RELTIME' ? ' (nanoseconds, or a number with ns, us, ms, s, m or h)' : /^0x/i.test(text) ? ' (values are decimal)' : '';
    return { error: `'${text}' is not a number${hint}` };
  }
  const range = INT_RANGE[type];
  // Negative values for unsigned fields are kept: they simply never match (sysdig would wrap them).
  if (range && big > range[1]) return { error: `${text} is too large for this field (at most ${range[1]})` };
  return { kind: 'number', num: Number(big), big };
}

function parsePort(text: string): ConstantResult {
  if (INTEGER.test(text)) {
    const n = Number(text);
    return n >= 0 && n <= 65535 ? { kind: 'number', num: n, big: BigInt(n) } : { error: `${text} is not a port number (0–65535)` };
  }
  const port = SERVICE_PORTS[text.toLowerCase()];
  if (port !== undefined) return { kind: 'number', num: port, big: BigInt(port) };
  return { error: `'${text}' is not a port number or a known service name` };
}

function parseHexBytes(text: string): ConstantResult {
  if (!/^([0-9a-fA-F]{2})+$/.test(text)) return { error: `'${text}' is not a hex byte string (e.g. 504b0304)` };
  const bytes = new Uint8Array(text.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(text.slice(i * 2, i * 2 + 2), 16);
  return { kind: 'bytes', bytes };
}

/** IPv4 / IPv6 address, optionally with `/prefix`. */
export function parseNet(text: string): ConstantResult {
  const slash = text.indexOf('/');
  const addrText = slash < 0 ? text : text.slice(0, slash);
  const bytes = parseIpv4(addrText) ?? parseIpv6(addrText);
  if (!bytes) return { error: `'${text}' is not an IP address${slash < 0 ? '' : ' or network'}` };
  let prefix = bytes.length * 8;
  if (slash >= 0) {
    const p = text.slice(slash + 1);
    if (!/^\d+$/.test(p) || Number(p) > bytes.length * 8) return { error: `'${text}' has an invalid network prefix length` };
    prefix = Number(p);
  }
  return { kind: 'net', bytes, prefix };
}

export function parseIpv4(text: string): Uint8Array | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return undefined;
  return Uint8Array.from(parts);
}

export function parseIpv6(text: string): Uint8Array | undefined {
  if (!/^[0-9a-fA-F:.]+$/.test(text) || !text.includes(':')) return undefined;
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const words = (s: string): number[] | undefined => {
    if (s === '') return [];
    const out: number[] = [];
    const parts = s.split(':');
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i];
      if (i === parts.length - 1 && part.includes('.')) {
        const v4 = parseIpv4(part);
        if (!v4) return undefined;
        out.push((v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]);
      } else if (/^[0-9a-fA-F]{1,4}$/.test(part)) out.push(parseInt(part, 16));
      else return undefined;
    }
    return out;
  };
  const head = words(halves[0]);
  const tail = halves.length === 2 ? words(halves[1]) : [];
  if (!head || !tail) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const all = [...head, ...new Array<number>(halves.length === 2 ? missing : 0).fill(0), ...tail];
  const bytes = new Uint8Array(16);
  all.forEach((w, i) => { bytes[i * 2] = w >> 8; bytes[i * 2 + 1] = w & 0xff; });
  return bytes;
}

/** UTF-8 bytes of a string (shared/ has no TextEncoder guarantee). */
export function utf8(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return Uint8Array.from(out);
}
