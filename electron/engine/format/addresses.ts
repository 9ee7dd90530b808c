/**
 * SOCKADDR and SOCKTUPLE parameter text (ports are numbers: sysdig 0.29.3 does not resolve
 * service names unless asked). IPv6 addresses follow glibc's inet_ntop; a tuple whose both
 * ends are IPv4-mapped (or all-zero) IPv6 addresses prints as an IPv4 tuple.
 */
import { u16, u64 } from './numbers';
import { sanitizedCstring } from './text';

const AF_UNIX = 1;
const AF_INET = 2;
const AF_INET6 = 10;

export function ipv4Text(d: Uint8Array, o: number): string {
  return `${d[o]}.${d[o + 1]}.${d[o + 2]}.${d[o + 3]}`;
}

/** glibc inet_ntop(AF_INET6) of the 16 bytes at d[o]. */
export function ipv6Text(d: Uint8Array, o: number): string {
  const w: number[] = [];
  for (let k = 0; k < 8; k++) w.push((d[o + 2 * k] << 8) | d[o + 2 * k + 1]);
  let bestBase = -1, bestLen = 0, curBase = -1, curLen = 0;
  for (let k = 0; k < 8; k++) {
    if (w[k] === 0) {
      if (curBase === -1) { curBase = k; curLen = 1; } else curLen++;
    } else if (curBase !== -1) {
      if (bestBase === -1 || curLen > bestLen) { bestBase = curBase; bestLen = curLen; }
      curBase = -1;
    }
  }
  if (curBase !== -1 && (bestBase === -1 || curLen > bestLen)) { bestBase = curBase; bestLen = curLen; }
  if (bestBase !== -1 && bestLen < 2) bestBase = -1;
  let s = '';
  for (let k = 0; k < 8; k++) {
    if (bestBase !== -1 && k >= bestBase && k < bestBase + bestLen) {
      if (k === bestBase) s += ':';
      continue;
    }
    if (k !== 0) s += ':';
    if (k === 6 && bestBase === 0 && (bestLen === 6 || (bestLen === 7 && w[7] !== 1) || (bestLen === 5 && w[5] === 0xffff))) {
      s += ipv4Text(d, o + 12);
      break;
    }
    s += w[k].toString(16);
  }
  if (bestBase !== -1 && bestBase + bestLen === 8) s += ':';
  return s;
}

/** sinsp's test for "really an IPv4 address": ::ffff:a.b.c.d or all zero. */
export function isIpv4MappedIpv6(d: Uint8Array, o: number): boolean {
  for (let k = 0; k < 10; k++) if (d[o + k] !== 0) return false;
  if (d[o + 10] === 0xff && d[o + 11] === 0xff) return true;
  return d[o + 10] === 0 && d[o + 11] === 0 && d[o + 12] === 0 && d[o + 13] === 0 && d[o + 14] === 0 && d[o + 15] === 0;
}

export function sockaddrText(d: Uint8Array, o: number, len: number): string {
  if (len === 0) return 'NULL';
  const family = d[o];
  if (family === AF_UNIX) return sanitizedCstring(d, o + 1, o + len);
  if (family === AF_INET) return len === 7 ? `${ipv4Text(d, o + 1)}:${u16(d, o + 5)}` : 'INVALID IPv4';
  if (family === AF_INET6) return len === 19 ? `${ipv6Text(d, o + 1)}:${u16(d, o + 17)}` : 'INVALID IPv6';
  return `family ${(family << 24) >> 24}`;
}

function hex64(d: Uint8Array, o: number): string {
  return u64(d, o).toString(16);
}

export function socktupleText(d: Uint8Array, o: number, len: number): string {
  if (len === 0) return 'NULL';
  const family = d[o];
  if (family === AF_INET) {
    if (len !== 13) return 'INVALID IPv4';
    return `${ipv4Text(d, o + 1)}:${u16(d, o + 5)}->${ipv4Text(d, o + 7)}:${u16(d, o + 11)}`;
  }
  if (family === AF_INET6) {
    if (len !== 37) return 'INVALID IPv6';
    if (isIpv4MappedIpv6(d, o + 1) && isIpv4MappedIpv6(d, o + 19)) {
      return `${ipv4Text(d, o + 13)}:${u16(d, o + 17)}->${ipv4Text(d, o + 31)}:${u16(d, o + 35)}`;
    }
    return `${ipv6Text(d, o + 1)}:${u16(d, o + 17)}->${ipv6Text(d, o + 19)}:${u16(d, o + 35)}`;
  }
  if (family === AF_UNIX) {
    if (len < 17) return 'INVALID UNIX';
    return `${hex64(d, o + 1)}->${hex64(d, o + 9)} ${sanitizedCstring(d, o + 17, o + len)}`;
  }
  return `family ${(family << 24) >> 24}`;
}

