/**
 * Turns I/O events into stream operations: every successful read or write exit event
 * (EF_READS_FROM_FD / EF_WRITES_TO_FD, the same set csysdig's echo view and the echo_fds chisel
 * show) plus sendfile, whose bytes are never captured. The captured bytes are copied because
 * the reader reuses its buffers.
 */
import { EventFlag, EVENTS, paramIndex } from '../../../shared/scap/eventTable';
import type { StreamOperation } from '../../../shared/streams/types';
import { containerNameOf, type EvidenceEvent, type EvidenceFd, type EvidenceLookup } from './evidenceEvent';
import { int64At } from './rawParams';

const SENDFILE_X = 189;

/** Per event type: 0 = not I/O, 1 = read, 2 = write; and where its data parameter is. */
const ioDirection = new Uint8Array(EVENTS.length);
const dataParam = new Int8Array(EVENTS.length).fill(-1);
for (const e of EVENTS) {
  if (!e || e.direction !== 'exit') continue;
  if (e.flags & EventFlag.READS_FROM_FD) ioDirection[e.id] = 1;
  else if (e.flags & EventFlag.WRITES_TO_FD || e.id === SENDFILE_X) ioDirection[e.id] = 2;
  dataParam[e.id] = paramIndex(e.id, 'data');
}

export function isStreamEvent(type: number): boolean {
  return type < ioDirection.length && ioDirection[type] !== 0;
}

/** Last fd object and generation seen per pid and fd, to tell a reused fd number apart. */
export type FdGenerations = Map<number, Map<number, { fd: EvidenceFd | undefined; gen: number }>>;

export class StreamExtractor {
  /**
   * `generations`: where a pass resumed from a checkpoint continues counting (a copy made
   * together with the state, so its fd objects are the resumed state's).
   */
  constructor(private readonly lookup: EvidenceLookup, readonly generations: FdGenerations = new Map()) {}

  /**
   * Stream keys count fd reuse, so every I/O event a filter rejects must still be shown to
   * the extractor, here (cheaper than extract: nothing is copied).
   */
  note(e: EvidenceEvent): void {
    const type = e.raw.type;
    if (type < ioDirection.length && ioDirection[type] !== 0) this.track(e.thread ? e.thread.pid : -1, e.fdNum, e.fd);
  }

  /**
   * The operation, or null when the event is not I/O or moved no bytes. Every I/O event is
   * tracked exactly as `note` tracks it, so a stream's key never depends on the filter.
   */
  extract(e: EvidenceEvent): StreamOperation | null {
    const ev = e.raw;
    const dir = ev.type < ioDirection.length ? ioDirection[ev.type] : 0;
    if (dir === 0) return null;
    const t = e.thread;
    const pid = t ? t.pid : -1;
    const gen = this.track(pid, e.fdNum, e.fd);
    if (ev.nparams === 0 || ev.paramLength[0] !== 8) return null;
    const res = int64At(ev.data, ev.paramOffset[0]);
    if (res <= 0) return null;
    const streamKey = gen === 1 ? `${pid}:${e.fdNum}` : `${pid}:${e.fdNum}#${gen}`;
    const dp = dataParam[ev.type];
    const data = dp >= 0 && dp < ev.nparams
      ? ev.data.slice(ev.paramOffset[dp], ev.paramOffset[dp] + ev.paramLength[dp])
      : new Uint8Array(0);
    const containerId = t ? t.containerId : '';
    return {
      evtNum: e.evtNum,
      rawtime: ev.ts.toString(),
      direction: dir === 1 ? 'read' : 'write',
      eventType: EVENTS[ev.type].name,
      procName: t ? t.comm : '<NA>',
      pid,
      tid: ev.tid,
      containerId,
      containerName: containerNameOf(this.lookup, containerId),
      fd: e.fdNum,
      fdName: e.fd ? printableName(e.fd.name) : '',
      fdTypeChar: e.fd ? e.fd.typeChar : '',
      streamKey,
      length: res,
      data,
    };
  }

  /** Advances the fd's generation when its fd object changed; returns the generation. */
  private track(pid: number, fdNum: number, fd: EvidenceFd | undefined): number {
    let perFd = this.generations.get(pid);
    if (!perFd) { perFd = new Map(); this.generations.set(pid, perFd); }
    const g = perFd.get(fdNum);
    if (!g) { perFd.set(fdNum, { fd, gen: 1 }); return 1; }
    if (fd !== undefined && g.fd !== undefined && fd !== g.fd) g.gen++;
    if (fd !== undefined) g.fd = fd;
    return g.gen;
  }
}

/** As sysdig shows fd names in the echo view: without non-printable characters (a unix socket path may end in a newline). */
function printableName(name: string): string {
  // eslint-disable-next-line no-control-regex
  return /[^\x20-\x7e]/.test(name) ? name.replace(/[\x00-\x1f\x7f]/g, '') : name;
}
