/**
 * Raw parameter reads the state engine needs on every event: integers, strings, addresses.
 * Kept here (not in the formatter) because the state engine must not depend on text rendering,
 * and these reads sit on the hot path: no allocation except where a string is the result.
 */
import { DeferredUpgrade } from '../capture/upgradeLayout';

/** Anything holding event parameters: a CaptureEvent or a stored copy of an enter event. */
export interface ParamSource {
  data: Uint8Array;
  paramOffset: Uint32Array;
  paramLength: Uint32Array;
  nparams: number;
}

const utf8 = new TextDecoder('utf-8', { fatal: false });

/**
 * Where parameter i is read: an unbuilt layout upgrade is built only when i is not as recorded.
 * Told by its constructor, a load the engine caches per object shape: `instanceof` against a
 * class held in a module binding is a call into V8's generic InstanceOf on every read.
 */
function holderOf(ev: ParamSource, i: number): ParamSource {
  return ev.constructor === DeferredUpgrade ? (ev as DeferredUpgrade).holderOf(i) : ev;
}

export function hasParam(param: ParamSource, i: number): boolean {
  const ev = holderOf(param, i);
  return i < ev.nparams && ev.paramLength[i] > 0;
}

/** A signed integer parameter of any width (1/2/4/8 bytes); `undefined` when empty. */
export function intParam(param: ParamSource, i: number): number | undefined {
  const ev = holderOf(param, i);
  if (i >= ev.nparams) return undefined;
  const len = ev.paramLength[i];
  const o = ev.paramOffset[i];
  const d = ev.data;
  switch (len) {
    case 1: return (d[o] << 24) >> 24;
    case 2: return ((d[o] | (d[o + 1] << 8)) << 16) >> 16;
    case 4: return d[o] | (d[o + 1] << 8) | (d[o + 2] << 16) | (d[o + 3] << 24);
    case 8: {
      const lo = d[o] | (d[o + 1] << 8) | (d[o + 2] << 16) | (d[o + 3] << 24);
      const hi = d[o + 4] | (d[o + 5] << 8) | (d[o + 6] << 16) | (d[o + 7] << 24);
      // Values that fit 32 bits (fds, results, pids: nearly all) stay small integers, which V8
      // keeps unboxed; the product form is a double, boxed as a Map key or a field.
      if ((hi === 0 && lo >= 0) || (hi === -1 && lo < 0)) return lo;
      return hi * 4294967296 + (lo >>> 0);
    }
    default: return undefined;
  }
}

/** An unsigned integer parameter (1/2/4/8 bytes; 8-byte values above 2^53 lose precision). */
export function uintParam(param: ParamSource, i: number): number | undefined {
  const ev = holderOf(param, i);
  if (i >= ev.nparams) return undefined;
  const len = ev.paramLength[i];
  const o = ev.paramOffset[i];
  const d = ev.data;
  switch (len) {
    case 1: return d[o];
    case 2: return d[o] | (d[o + 1] << 8);
    case 4: return (d[o] | (d[o + 1] << 8) | (d[o + 2] << 16) | (d[o + 3] << 24)) >>> 0;
    case 8: {
      const lo = d[o] | (d[o + 1] << 8) | (d[o + 2] << 16) | (d[o + 3] << 24);
      const hi = (d[o + 4] | (d[o + 5] << 8) | (d[o + 6] << 16) | (d[o + 7] << 24)) >>> 0;
      if (hi === 0 && lo >= 0) return lo;
      return hi * 4294967296 + (lo >>> 0);
    }
    default: return undefined;
  }
}

export function u64Param(param: ParamSource, i: number): bigint | undefined {
  const ev = holderOf(param, i);
  if (i >= ev.nparams || ev.paramLength[i] !== 8) return undefined;
  const o = ev.paramOffset[i];
  const d = ev.data;
  let v = 0n;
  for (let k = 7; k >= 0; k--) v = (v << 8n) | BigInt(d[o + k]);
  return v;
}

/** A NUL-terminated string parameter without its terminator; `undefined` when empty. */
export function stringParam(param: ParamSource, i: number): string | undefined {
  const ev = holderOf(param, i);
  if (i >= ev.nparams) return undefined;
  const len = ev.paramLength[i];
  if (len === 0) return undefined;
  const o = ev.paramOffset[i];
  let end = o;
  const stop = o + len;
  while (end < stop && ev.data[end] !== 0) end++;
  return utf8.decode(ev.data.subarray(o, end));
}

/** Parameter bytes as a view (valid only during the event callback). */
export function bytesParam(param: ParamSource, i: number): Uint8Array | undefined {
  const ev = holderOf(param, i);
  if (i >= ev.nparams) return undefined;
  const len = ev.paramLength[i];
  if (len === 0) return undefined;
  return ev.data.subarray(ev.paramOffset[i], ev.paramOffset[i] + len);
}

/** A NUL-separated string list (args, env, cgroups): one trailing NUL dropped, then split. */
export function stringListParam(ev: ParamSource, i: number): string[] | undefined {
  const b = bytesParam(ev, i);
  if (!b) return undefined;
  return splitNulList(b);
}

export function splitNulList(b: Uint8Array): string[] {
  let end = b.length;
  if (end > 0 && b[end - 1] === 0) end--;
  if (end === 0) return [];
  return utf8.decode(b.subarray(0, end)).split('\0');
}

export function decodeUtf8(b: Uint8Array): string {
  return utf8.decode(b);
}
