/** Hand-made CaptureEvents for the formatter's unit tests (parameter bytes in file encoding). */
import type { CaptureEvent } from '../capture/types';
import type { FdDescription, FormatLookup } from './lookup';

export function le(value: number | bigint, bytes: 1 | 2 | 4 | 8): Uint8Array {
  const out = new Uint8Array(bytes);
  let v = BigInt.asUintN(bytes * 8, BigInt(value));
  for (let k = 0; k < bytes; k++) { out[k] = Number(v & 0xffn); v >>= 8n; }
  return out;
}

export function str(s: string, nul = true): Uint8Array {
  const b = new TextEncoder().encode(s);
  if (!nul) return b;
  const out = new Uint8Array(b.length + 1);
  out.set(b);
  return out;
}

export function bytes(...parts: Array<number | Uint8Array | number[]>): Uint8Array {
  const flat: number[] = [];
  for (const p of parts) {
    if (typeof p === 'number') flat.push(p);
    else flat.push(...p);
  }
  return Uint8Array.from(flat);
}

/** An event of `type` whose parameters are the given byte strings, placed at an odd offset. */
export function makeEvent(type: number, params: Uint8Array[], ts = 0n): CaptureEvent {
  const lead = 3;
  const total = params.reduce((n, p) => n + p.length, lead);
  const data = new Uint8Array(total + 16).fill(0xee);
  const paramOffset = new Uint32Array(params.length);
  const paramLength = new Uint32Array(params.length);
  let o = lead;
  params.forEach((p, i) => { data.set(p, o); paramOffset[i] = o; paramLength[i] = p.length; o += p.length; });
  return { fileOffset: 0, blockType: 0x216, ts, tid: 100, type, cpu: 0, flags: 0, nparams: params.length, data, paramOffset, paramLength };
}

export function fakeLookup(state: {
  fds?: Record<number, FdDescription>; cwd?: string; dirs?: Record<number, string>;
  comms?: Record<number, string>; users?: Record<number, string>; groups?: Record<number, string>;
} = {}): FormatLookup {
  return {
    threadKnown: true,
    fd: (fd) => state.fds?.[fd],
    cwd: () => state.cwd ?? '/',
    dirFdPath: (fd) => state.dirs?.[fd] ?? '',
    threadComm: (tid) => state.comms?.[tid],
    userName: (uid) => state.users?.[uid],
    groupName: (gid) => state.groups?.[gid],
  };
}
