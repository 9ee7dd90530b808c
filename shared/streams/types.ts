/**
 * One read or write seen in a capture, as the I/O streams view and `syscope streams` show it.
 * Plain data so it can cross the IPC boundary; `data` holds the captured bytes (at most the
 * capture's snaplen), `length` the byte count the syscall reported.
 */
export type StreamDirection = 'read' | 'write';

export interface StreamOperation {
  evtNum: number;
  /** Nanoseconds since the epoch, as a decimal string. */
  rawtime: string;
  direction: StreamDirection;
  eventType: string;
  procName: string;
  pid: number;
  tid: number;
  containerId: string;
  containerName: string;
  fd: number;
  fdName: string;
  /** sysdig's fd type character ('f' file, '4' IPv4, '6' IPv6, 'u' unix, 'p' pipe, ...). */
  fdTypeChar: string;
  /**
   * Which stream (one fd of one process, from its creation to its close) the operation
   * belongs to: `pid:fd` plus `#n` when that fd number was reused within the capture.
   */
  streamKey: string;
  /** Bytes the syscall moved (its return value). */
  length: number;
  /** The captured bytes; shorter than `length` when the snaplen cut the payload. */
  data: Uint8Array;
}

export function isTruncated(op: Pick<StreamOperation, 'length' | 'data'>): boolean {
  return op.data.length < op.length;
}
