/**
 * Reading event parameters by their declared ppm_param_type (scap-file-format.md §10).
 * Values are raw and compact — numbers, bigints, strings, byte views, small structs — and
 * rendering them the way sysdig prints them is the formatter's job. An empty parameter
 * (length 0: "not available") reads as null everywhere.
 */
import type { CaptureEvent } from './types';
import { EVENTS, PARAM_TYPE_SIZE, ParamType } from '../../../shared/scap/eventTable';
import { copyBytes, i32, i64, i64n, text, u16, u32, u64 } from './byteCursor';

const T = ParamType;

export const AF_UNIX = 1;
export const AF_INET = 2;
export const AF_INET6 = 10;

export type Sockaddr =
  | { family: typeof AF_INET | typeof AF_INET6; addr: Uint8Array; port: number }
  | { family: typeof AF_UNIX; path: string }
  | { family: number };

export type Socktuple =
  | { family: typeof AF_INET | typeof AF_INET6; sip: Uint8Array; sport: number; dip: Uint8Array; dport: number }
  | { family: typeof AF_UNIX; source: bigint; dest: bigint; path: string }
  | { family: number };

export interface PollFd { fd: number; flags: number }

/** A DYN parameter: the sub-table index, the type it selects, and the value read as that type. */
export interface DynValue { index: number; type: number; value: ParamValue }

export type ParamValue =
  | number | bigint | string | Uint8Array | Sockaddr | Socktuple | PollFd[] | DynValue | string[] | Array<[string, string]> | null;

// PT_DYN sub-tables (§10.4): index → type.
export const DYN_TABLES: Record<string, readonly number[]> = {
  sockopt_dynamic_param: [T.BYTEBUF, T.ERRNO, T.UINT32, T.UINT64, T.RELTIME],
  ptrace_dynamic_param: [T.UINT64, T.SIGTYPE],
  bpf_dynamic_param: [T.FD, T.ERRNO],
  keyctl_dynamic_param: [T.INT64, T.CHARBUF],
};

/** Declared type of parameter i of the event (BYTEBUF for ids or indexes the table does not know). */
export function paramType(ev: CaptureEvent, i: number): number {
  return EVENTS[ev.type]?.params[i]?.type ?? T.BYTEBUF;
}

export function paramIsEmpty(ev: CaptureEvent, i: number): boolean {
  return i >= ev.nparams || ev.paramLength[i] === 0;
}

/** The parameter's bytes (a view: valid only during the visitor call unless copied). */
export function paramBytes(ev: CaptureEvent, i: number): Uint8Array {
  if (i >= ev.nparams) return ev.data.subarray(0, 0);
  const o = ev.paramOffset[i];
  return ev.data.subarray(o, o + ev.paramLength[i]);
}

/**
 * A numeric parameter as a number, by its size and declared signedness; null when empty or
 * too short. 64-bit values are exact within ±2^53 (fds, pids, errnos, sizes).
 */
export function paramNumber(ev: CaptureEvent, i: number, type = paramType(ev, i)): number | null {
  if (i >= ev.nparams) return null;
  const len = ev.paramLength[i];
  const size = PARAM_TYPE_SIZE[type] || len;
  if (len === 0 || len < size) return null;
  const b = ev.data, o = ev.paramOffset[i];
  switch (size) {
    case 1: return type === T.INT8 ? (b[o] << 24) >> 24 : b[o];
    case 2: { const v = u16(b, o); return type === T.INT16 ? (v << 16) >> 16 : v; }
    case 4: return isSigned32(type) ? i32(b, o) : u32(b, o);
    case 8: {
      if (type === T.DOUBLE) return new DataView(b.buffer, b.byteOffset + o, 8).getFloat64(0, true);
      return isUnsigned64(type) ? u32(b, o + 4) * 0x100000000 + u32(b, o) : i64n(b, o);
    }
    default: return null;
  }
}

/** A 64-bit parameter as an exact bigint (signed or unsigned per its type); null when empty. */
export function paramBigInt(ev: CaptureEvent, i: number, type = paramType(ev, i)): bigint | null {
  if (i >= ev.nparams || ev.paramLength[i] < 8) return null;
  const o = ev.paramOffset[i];
  return isUnsigned64(type) ? u64(ev.data, o) : i64(ev.data, o);
}

function isSigned32(type: number): boolean {
  return type === T.INT32 || type === T.FD32 || type === T.PID32;
}
function isUnsigned64(type: number): boolean {
  return type === T.UINT64 || type === T.RELTIME || type === T.ABSTIME;
}

/**
 * A string parameter (CHARBUF, FSPATH, FSRELPATH): the bytes up to the first NUL. Null when
 * empty or when the driver wrote `(NULL)` (it could not read the user string): both mean
 * "not available", which sysdig shows as <NA>.
 */
export function paramString(ev: CaptureEvent, i: number): string | null {
  if (i >= ev.nparams) return null;
  const b = ev.data, o = ev.paramOffset[i], len = ev.paramLength[i];
  if (len === 0) return null;
  let end = o;
  const limit = o + len;
  while (end < limit && b[end] !== 0) end++;
  if (end - o === 6 && b[o] === 0x28 && b[o + 1] === 0x4e && b[o + 5] === 0x29 && text(b, o, end) === '(NULL)') return null;
  return text(b, o, end);
}

/** A NUL-separated list (args, env, cgroups, CHARBUFARRAY): one trailing NUL dropped. */
export function paramStringList(ev: CaptureEvent, i: number): string[] {
  if (paramIsEmpty(ev, i)) return [];
  const b = ev.data, o = ev.paramOffset[i];
  let end = o + ev.paramLength[i];
  if (b[end - 1] === 0) end--;
  const out: string[] = [];
  let s = o;
  for (let p = o; p <= end; p++) {
    if (p === end || b[p] === 0) { out.push(text(b, s, p)); s = p + 1; }
  }
  return out;
}

/** CHARBUF_PAIR_ARRAY: alternating key/value strings. */
export function paramStringPairs(ev: CaptureEvent, i: number): Array<[string, string]> {
  const items = paramStringList(ev, i);
  const out: Array<[string, string]> = [];
  for (let k = 0; k + 1 < items.length; k += 2) out.push([items[k], items[k + 1]]);
  return out;
}

export function paramSockaddr(ev: CaptureEvent, i: number): Sockaddr | null {
  if (paramIsEmpty(ev, i)) return null;
  const b = ev.data, o = ev.paramOffset[i], len = ev.paramLength[i];
  const family = b[o];
  if (family === AF_INET && len >= 7) return { family, addr: copyBytes(b, o + 1, o + 5), port: u16(b, o + 5) };
  if (family === AF_INET6 && len >= 19) return { family, addr: copyBytes(b, o + 1, o + 17), port: u16(b, o + 17) };
  if (family === AF_UNIX) return { family, path: cstring(b, o + 1, o + len) };
  return { family };
}

export function paramSocktuple(ev: CaptureEvent, i: number): Socktuple | null {
  if (paramIsEmpty(ev, i)) return null;
  const b = ev.data, o = ev.paramOffset[i], len = ev.paramLength[i];
  const family = b[o];
  if (family === AF_INET && len >= 13) {
    return { family, sip: copyBytes(b, o + 1, o + 5), sport: u16(b, o + 5), dip: copyBytes(b, o + 7, o + 11), dport: u16(b, o + 11) };
  }
  if (family === AF_INET6 && len >= 37) {
    return { family, sip: copyBytes(b, o + 1, o + 17), sport: u16(b, o + 17), dip: copyBytes(b, o + 19, o + 35), dport: u16(b, o + 35) };
  }
  if (family === AF_UNIX && len >= 17) {
    return { family, source: u64(b, o + 1), dest: u64(b, o + 9), path: cstring(b, o + 17, o + len) };
  }
  return { family };
}

/** FDLIST (poll): u16 count, then (i64 fd, u16 flags) pairs; a short list stops at the data end. */
export function paramFdList(ev: CaptureEvent, i: number): PollFd[] {
  if (i >= ev.nparams || ev.paramLength[i] < 2) return [];
  const b = ev.data, o = ev.paramOffset[i], end = o + ev.paramLength[i];
  const count = u16(b, o);
  const out: PollFd[] = [];
  for (let k = 0, p = o + 2; k < count && p + 10 <= end; k++, p += 10) out.push({ fd: i64n(b, p), flags: u16(b, p + 8) });
  return out;
}

/** DYN: index byte, then a value of the type the sub-table names. Unknown index → raw bytes. */
export function paramDyn(ev: CaptureEvent, i: number, table = EVENTS[ev.type]?.params[i]?.dynTable): DynValue | null {
  if (paramIsEmpty(ev, i)) return null;
  const o = ev.paramOffset[i], len = ev.paramLength[i];
  const index = ev.data[o];
  const type = (table ? DYN_TABLES[table]?.[index] : undefined) ?? T.BYTEBUF;
  // Read the value through a one-parameter view of the bytes after the index.
  const view: CaptureEvent = { ...ev, nparams: 1, paramOffset: Uint32Array.of(o + 1), paramLength: Uint32Array.of(len - 1) };
  return { index, type, value: readParamAs(view, 0, type) };
}

/** FSRELPATH: the path and the value of the directory-fd parameter it is relative to. */
export function paramRelPath(ev: CaptureEvent, i: number): { path: string | null; dirfd: number | null } {
  const dirfdParam = EVENTS[ev.type]?.params[i]?.dirfdParam;
  return { path: paramString(ev, i), dirfd: dirfdParam === undefined ? null : paramNumber(ev, dirfdParam, T.FD) };
}

/** Any parameter, read by its declared type. */
export function readParam(ev: CaptureEvent, i: number): ParamValue {
  return readParamAs(ev, i, paramType(ev, i));
}

export function readParamAs(ev: CaptureEvent, i: number, type: number): ParamValue {
  if (paramIsEmpty(ev, i)) return null;
  switch (type) {
    case T.CHARBUF: case T.FSPATH: case T.FSRELPATH: return paramString(ev, i);
    case T.BYTEBUF: return paramBytes(ev, i);
    case T.SOCKADDR: return paramSockaddr(ev, i);
    case T.SOCKTUPLE: return paramSocktuple(ev, i);
    case T.FDLIST: return paramFdList(ev, i);
    case T.DYN: return paramDyn(ev, i);
    case T.CHARBUFARRAY: return paramStringList(ev, i);
    case T.CHARBUF_PAIR_ARRAY: return paramStringPairs(ev, i);
    case T.IPV4ADDR: case T.IPV6ADDR: case T.IPADDR: return copyBytes(ev.data, ev.paramOffset[i], ev.paramOffset[i] + ev.paramLength[i]);
    case T.UINT64: case T.RELTIME: case T.ABSTIME: return paramBigInt(ev, i, type);
    default: return PARAM_TYPE_SIZE[type] ? paramNumber(ev, i, type) : paramBytes(ev, i);
  }
}

function cstring(b: Uint8Array, start: number, end: number): string {
  let p = start;
  while (p < end && b[p] !== 0) p++;
  return text(b, start, p);
}
