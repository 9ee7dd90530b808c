/**
 * SOCKADDR / SOCKTUPLE parameters (scap-file-format.md §10.1–10.2) decoded into plain values,
 * and the text sinsp uses for them in fd names.
 */
import { decodeUtf8 } from './eventParams';

export const AF_UNIX = 1;
export const AF_INET = 2;
export const AF_INET6 = 10;

export interface SockAddr { family: number; ip?: Uint8Array; port: number; path?: string }
export interface SockTuple { family: number; sip?: Uint8Array; sport: number; dip?: Uint8Array; dport: number; source: bigint; dest: bigint; path: string }

const u16 = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8);
/**
 * A copy of b[start, end). Not b.slice: parameters are often views of the reader's chunk (a
 * Buffer, whose slice is another view), and an address kept in an fd entry would keep that whole
 * multi-megabyte chunk alive for as long as the fd lives. Copied byte by byte, not from a
 * subarray: that view was a second object per address (a Buffer's, with its own prototype).
 */
function copyOf(b: Uint8Array, start: number, end: number): Uint8Array {
  const out = new Uint8Array(end - start);
  for (let i = start; i < end; i++) out[i - start] = b[i];
  return out;
}
function u64(b: Uint8Array, o: number): bigint {
  let v = 0n;
  for (let k = 7; k >= 0; k--) v = (v << 8n) | BigInt(b[o + k]);
  return v;
}
function cString(b: Uint8Array, o: number): string {
  let e = o;
  while (e < b.length && b[e] !== 0) e++;
  return decodeUtf8(b.subarray(o, e));
}

export function parseSockAddr(b: Uint8Array | undefined): SockAddr | undefined {
  if (!b || b.length < 1) return undefined;
  const family = b[0];
  if (family === AF_INET && b.length >= 7) return { family, ip: copyOf(b, 1, 5), port: u16(b, 5) };
  if (family === AF_INET6 && b.length >= 19) {
    const ip = copyOf(b, 1, 17);
    if (isV4Mapped(ip)) return { family: AF_INET, ip: ip.slice(12, 16), port: u16(b, 17) };
    return { family, ip, port: u16(b, 17) };
  }
  if (family === AF_UNIX) return { family, port: 0, path: cString(b, 1) };
  return { family, port: 0 };
}

export function parseSockTuple(b: Uint8Array | undefined): SockTuple | undefined {
  if (!b || b.length < 1) return undefined;
  const family = b[0];
  if (family === AF_INET && b.length >= 13) {
    return { family, sip: copyOf(b, 1, 5), sport: u16(b, 5), dip: copyOf(b, 7, 11), dport: u16(b, 11), source: 0n, dest: 0n, path: '' };
  }
  if (family === AF_INET6 && b.length >= 37) {
    const sip = copyOf(b, 1, 17), dip = copyOf(b, 19, 35);
    if (isV4MappedOrZero(sip) && isV4MappedOrZero(dip)) {
      return { family: AF_INET, sip: sip.slice(12), sport: u16(b, 17), dip: dip.slice(12), dport: u16(b, 35), source: 0n, dest: 0n, path: '' };
    }
    return { family, sip, sport: u16(b, 17), dip, dport: u16(b, 35), source: 0n, dest: 0n, path: '' };
  }
  if (family === AF_UNIX && b.length >= 17) {
    return { family, sport: 0, dport: 0, source: u64(b, 1), dest: u64(b, 9), path: cString(b, 17) };
  }
  return undefined;
}

export function isV4Mapped(ip: Uint8Array): boolean {
  for (let i = 0; i < 10; i++) if (ip[i] !== 0) return false;
  return ip[10] === 0xff && ip[11] === 0xff;
}

function isV4MappedOrZero(ip: Uint8Array): boolean {
  if (isV4Mapped(ip)) return true;
  for (let i = 0; i < 16; i++) if (ip[i] !== 0) return false;
  return true;
}

export function ipv4Text(ip: Uint8Array): string {
  return `${ip[0]}.${ip[1]}.${ip[2]}.${ip[3]}`;
}

/** inet_ntop(AF_INET6) as glibc writes it (longest zero run compressed, embedded IPv4 forms). */
export function ipv6Text(ip: Uint8Array): string {
  const words: number[] = [];
  for (let i = 0; i < 16; i += 2) words.push((ip[i] << 8) | ip[i + 1]);
  let bestBase = -1, bestLen = 0, curBase = -1, curLen = 0;
  for (let i = 0; i < 8; i++) {
    if (words[i] === 0) {
      if (curBase < 0) { curBase = i; curLen = 1; } else curLen++;
      if (curLen > bestLen) { bestBase = curBase; bestLen = curLen; }
    } else curBase = -1;
  }
  if (bestLen < 2) bestBase = -1;
  let s = '';
  for (let i = 0; i < 8; i++) {
    if (bestBase >= 0 && i >= bestBase && i < bestBase + bestLen) {
      if (i === bestBase) s += ':';
      continue;
    }
    if (i !== 0) s += ':';
    if (i === 6 && bestBase === 0 && (bestLen === 6 || (bestLen === 5 && words[5] === 0xffff))) {
      s += `${ip[12]}.${ip[13]}.${ip[14]}.${ip[15]}`;
      break;
    }
    s += words[i].toString(16);
  }
  if (bestBase >= 0 && bestBase + bestLen === 8) s += ':';
  return s;
}

export function ipText(ip: Uint8Array): string {
  return ip.length === 4 ? ipv4Text(ip) : ipv6Text(ip);
}

export function endpointText(ip: Uint8Array | undefined, port: number): string {
  return `${ip ? ipText(ip) : '0.0.0.0'}:${port}`;
}

export function tupleText(t: SockTuple): string {
  if (t.family === AF_UNIX) return `${t.source.toString(16)}->${t.dest.toString(16)} ${t.path}`;
  return `${endpointText(t.sip, t.sport)}->${endpointText(t.dip, t.dport)}`;
}

export function sockAddrText(a: SockAddr): string {
  if (a.family === AF_UNIX) return a.path ?? '';
  if (a.ip) return endpointText(a.ip, a.port);
  return '';
}
