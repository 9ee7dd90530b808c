/**
 * What the interface list (IL block) and container IPs tell about socket endpoints, as sinsp
 * uses it: completing a 0.0.0.0 end of a datagram tuple with a local address, and deciding
 * whether an address belongs to the capturing machine (fd.lip/rip, fd.is_server).
 */
import type { InterfaceEntry } from '../capture/types';
import type { ContainerInfo } from './containers';
import { FdInfo, FdType } from './fdInfo';

const LOOPBACK = Uint8Array.of(127, 0, 0, 1);
const IPV6_LOOPBACK = Uint8Array.of(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1);

function same(a: Uint8Array, b: Uint8Array, n = a.length): boolean {
  if (a.length < n || b.length < n) return false;
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
  return true;
}

function isZero(a: Uint8Array | undefined): boolean {
  if (!a) return true;
  for (const x of a) if (x !== 0) return false;
  return true;
}

/** A local address to stand for an unknown end talking to `dest` (sinsp's interface inference). */
export function inferLocalAddress(interfaces: readonly InterfaceEntry[], dest: Uint8Array): Uint8Array {
  // Asked for every datagram a socket with an unknown end sends or receives: the interfaces of
  // the other family are skipped in place rather than filtered out into a new list each time.
  const family = dest.length === 4 ? 4 : 6;
  for (const i of interfaces) if (i.family === family && same(i.addr, dest)) return i.addr;
  for (const i of interfaces) {
    if (i.family !== family) continue;
    if (family === 4) {
      let match = true;
      for (let k = 0; k < 4; k++) if ((i.addr[k] & i.netmask[k]) !== (dest[k] & i.netmask[k])) { match = false; break; }
      if (match) return i.addr;
    } else if (same(i.addr, dest, 8)) return i.addr;
  }
  const loopback = family === 4 ? LOOPBACK : IPV6_LOOPBACK;
  for (const i of interfaces) if (i.family === family && !same(i.addr, loopback)) return i.addr;
  return new Uint8Array(dest.length);
}

/** Fills a 0.0.0.0 end of an IP socket from the interface list (sinsp's update_fd). */
export function completeEndpoints(interfaces: readonly InterfaceEntry[], fd: FdInfo): void {
  if (fd.type !== FdType.Ipv4Sock && fd.type !== FdType.Ipv6Sock) return;
  const width = fd.type === FdType.Ipv4Sock ? 4 : 16;
  const sip = fd.sip ?? new Uint8Array(width);
  const dip = fd.dip ?? new Uint8Array(width);
  const sZero = isZero(sip), dZero = isZero(dip);
  if (!sZero && !dZero) return;
  if (sZero) {
    const a = inferLocalAddress(interfaces, dip);
    if (same(a, dip) && fd.sport === fd.dport) return;
    fd.sip = a;
  } else {
    const a = inferLocalAddress(interfaces, sip);
    if (same(a, sip) && fd.sport === fd.dport) return;
    fd.dip = a;
  }
}

/** Whether an address is the capturing machine's (or, for a container thread, its container's). */
export function isLocalAddress(interfaces: readonly InterfaceEntry[], containers: ReadonlyMap<string, ContainerInfo>, containerId: string, addr: Uint8Array | undefined): boolean {
  if (!addr) return false;
  if (addr.length === 16) {
    if (containerId) return false;
    for (const i of interfaces) if (i.family === 6 && same(i.addr, addr, 8)) return true;
    return false;
  }
  // (A shorter address reads as text with 'undefined' in it in sinsp's terms: never a container's.)
  if (addr.length < 4) return isIpv4InterfaceAddress(interfaces, addr);
  const ip = ((addr[0] << 24) | (addr[1] << 16) | (addr[2] << 8) | addr[3]) >>> 0;
  if (containerId) {
    const c = containers.get(containerId);
    // sinsp keeps the container IP as a number: '' and 0.0.0.0 are both 0 ("unknown"), and
    // an unknown IP makes it look through every container's.
    if (c) {
      if (!isZeroIpText(c.ip)) { if (ipv4OfText(c.ip) === ip) return true; }
      else for (const other of containers.values()) if ((isZeroIpText(other.ip) ? 0 : ipv4OfText(other.ip)) === ip) return true;
    }
  }
  if (!plainIpv4Interfaces(interfaces)) return isIpv4InterfaceAddress(interfaces, addr);
  for (const a of ipv4Addresses) if (a === ip) return true;
  return false;
}

function isIpv4InterfaceAddress(interfaces: readonly InterfaceEntry[], addr: Uint8Array): boolean {
  for (const i of interfaces) if (i.family === 4 && same(i.addr, addr)) return true;
  return false;
}

/**
 * The IPv4 interface addresses as numbers, made for the interface list last asked about (a
 * list is only appended to). The indexer asks about both ends of IP sockets, and comparing
 * bytes with each of a docker host's dozens of interfaces was most of the asking.
 */
let ipv4AddressesOf: readonly InterfaceEntry[] | undefined;
let ipv4AddressesCount = -1;
let ipv4Addresses: number[] = [];
let ipv4AllPlain = true;

/** Whether every IPv4 interface has a 4-byte address (else bytes are compared as before); fills ipv4Addresses. */
function plainIpv4Interfaces(interfaces: readonly InterfaceEntry[]): boolean {
  if (interfaces !== ipv4AddressesOf || interfaces.length !== ipv4AddressesCount) {
    ipv4AddressesOf = interfaces;
    ipv4AddressesCount = interfaces.length;
    ipv4Addresses = [];
    ipv4AllPlain = true;
    for (const i of interfaces) {
      if (i.family !== 4) continue;
      const a = i.addr;
      if (a.length !== 4) ipv4AllPlain = false;
      else ipv4Addresses.push(((a[0] << 24) | (a[1] << 16) | (a[2] << 8) | a[3]) >>> 0);
    }
  }
  return ipv4AllPlain;
}

// Asked for every fd field of container threads' sockets: a container's IP text is read once.
// It matches an address exactly when it is that address's dotted-decimal text, so anything
// else (leading zeros, spaces, IPv6) is no address (-1).
const ipv4ByText = new Map<string, number>();
const CANONICAL_BYTE = /^(?:0|[1-9][0-9]{0,2})$/;

function ipv4OfText(text: string): number {
  let ip = ipv4ByText.get(text);
  if (ip === undefined) {
    const parts = text.split('.');
    ip = parts.length === 4 ? 0 : -1;
    for (const part of parts) {
      if (ip < 0) break;
      const v = CANONICAL_BYTE.test(part) ? Number(part) : 256;
      ip = v > 255 ? -1 : ip * 256 + v;
    }
    if (ipv4ByText.size >= 4096) ipv4ByText.clear();
    ipv4ByText.set(text, ip);
  }
  return ip;
}

function isZeroIpText(ip: string): boolean {
  return ip === '' || ip === '0.0.0.0';
}
