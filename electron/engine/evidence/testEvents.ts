/** Synthetic events for the evidence unit tests (not used by the engine). */
import type { CaptureEvent } from '../capture/types';
import type { EvidenceEvent, EvidenceFd, EvidenceThread } from './evidenceEvent';

export function i64(v: number): Uint8Array {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setBigInt64(0, BigInt(v), true);
  return b;
}

export function u32(v: number): Uint8Array {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setUint32(0, v, true);
  return b;
}

export function text(s: string): Uint8Array {
  return new TextEncoder().encode(s);
}

export function rawEvent(type: number, params: Uint8Array[], ts = 1000n, tid = 10): CaptureEvent {
  const size = params.reduce((n, p) => n + p.length, 0);
  const data = new Uint8Array(size);
  const paramOffset = new Uint32Array(params.length);
  const paramLength = new Uint32Array(params.length);
  let o = 0;
  params.forEach((p, i) => { data.set(p, o); paramOffset[i] = o; paramLength[i] = p.length; o += p.length; });
  return { fileOffset: 0, blockType: 0x216, ts, tid, type, cpu: 0, flags: 0, nparams: params.length, data, paramOffset, paramLength };
}

export function thread(tid: number, pid: number, comm: string, containerId = ''): EvidenceThread {
  return { tid, pid, ptid: 1, comm, exe: comm, args: [], uid: 0, containerId, vtid: tid, vpid: pid };
}

export function evidence(evtNum: number, raw: CaptureEvent, t: EvidenceThread | undefined, fdNum = -1, fd?: EvidenceFd): EvidenceEvent {
  return { evtNum, raw, recorded: raw, thread: t, fdNum, fd };
}
