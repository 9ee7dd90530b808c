/** Hand-built events and process-list entries for state-engine unit tests. */
import type { CaptureEvent, ProcListEntry } from '../../capture/types';

export const p = {
  i64(v: number): Uint8Array { const b = new Uint8Array(8); new DataView(b.buffer).setBigInt64(0, BigInt(v), true); return b; },
  u32(v: number): Uint8Array { const b = new Uint8Array(4); new DataView(b.buffer).setUint32(0, v >>> 0, true); return b; },
  u16(v: number): Uint8Array { const b = new Uint8Array(2); new DataView(b.buffer).setUint16(0, v, true); return b; },
  u8(v: number): Uint8Array { return Uint8Array.of(v); },
  str(s: string): Uint8Array { const e = new TextEncoder().encode(s); const b = new Uint8Array(e.length + 1); b.set(e); return b; },
  list(items: string[]): Uint8Array { return p.str(items.join('\0')); },
  empty(): Uint8Array { return new Uint8Array(0); },
  /** IPv4 socket tuple sip:sport -> dip:dport. */
  tuple4(sip: number[], sport: number, dip: number[], dport: number): Uint8Array {
    const b = new Uint8Array(13);
    b[0] = 2; b.set(sip, 1); b[5] = sport & 0xff; b[6] = sport >> 8; b.set(dip, 7); b[11] = dport & 0xff; b[12] = dport >> 8;
    return b;
  },
  addr4(ip: number[], port: number): Uint8Array {
    const b = new Uint8Array(7);
    b[0] = 2; b.set(ip, 1); b[5] = port & 0xff; b[6] = port >> 8;
    return b;
  },
};

let offset = 0;

export function event(type: number, tid: number, ts: bigint, params: Uint8Array[]): CaptureEvent {
  const total = params.reduce((s, x) => s + x.length, 0);
  const data = new Uint8Array(total);
  const paramOffset = new Uint32Array(params.length);
  const paramLength = new Uint32Array(params.length);
  let at = 0;
  params.forEach((x, i) => { data.set(x, at); paramOffset[i] = at; paramLength[i] = x.length; at += x.length; });
  return { fileOffset: offset++, blockType: 0x216, ts, tid, type, cpu: 0, flags: 0, nparams: params.length, data, paramOffset, paramLength };
}

export function process(fields: Partial<ProcListEntry> & { tid: number }): ProcListEntry {
  return {
    pid: fields.tid, ptid: 1, sid: 0, vpgid: 0, pgid: 0, comm: 'proc', exe: 'proc', exepath: '/bin/proc', args: [], cwd: '/',
    fdlimit: 1024, flags: 0, uid: 0, gid: 0, vmsizeKb: 0, vmrssKb: 0, vmswapKb: 0, pfmajor: 0, pfminor: 0, env: [],
    vtid: fields.tid, vpid: fields.pid ?? fields.tid, cgroups: [], root: '/', pidnsInitStartTs: 0n, tty: 0, loginuid: 0xffffffff,
    capInheritable: 0n, capPermitted: 0n, capEffective: 0n, exeWritable: false, exeUpperLayer: false, exeLowerLayer: false,
    exeFromMemfd: false, exeIno: 0n, exeInoCtime: 0n, exeInoMtime: 0n,
    ...fields,
  };
}
