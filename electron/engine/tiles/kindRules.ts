/**
 * What events of one kind (the same evt.type, evt.dir, evt.is_io_read and evt.is_io_write) can
 * count for on the overview, decided once per kind: exits by their result (success, failure),
 * enters by their type. The classifier then asks an event only the fields its kind's rules read.
 */
export const NONE = 0;
export const ON_SUCCESS_IO = 1, ON_SUCCESS_EXEC = 2, ON_SUCCESS_BIND = 3, ON_SUCCESS_CONNECTION = 4, ON_SUCCESS_DELETION = 5,
  ON_SUCCESS_SYMLINK = 6, ON_SUCCESS_FORK = 7, ON_SUCCESS_SETNS = 8;
export const ON_FAILURE_CONNECT = 1, ON_FAILURE_ACCEPT = 2, ON_FAILURE_OPEN = 3;
export const ON_ENTER_CLOSE = 1, ON_ENTER_SIGNAL = 2, ON_ENTER_NOTIFICATION = 3, ON_ENTER_INFRA = 4;

function successRule(type: string, isIo: boolean): number {
  if (isIo) return ON_SUCCESS_IO;
  switch (type) {
    case 'execve': return ON_SUCCESS_EXEC;
    case 'bind': return ON_SUCCESS_BIND;
    case 'connect': case 'accept': case 'accept4': return ON_SUCCESS_CONNECTION;
    case 'unlink': case 'unlinkat': return ON_SUCCESS_DELETION;
    case 'symlink': case 'symlinkat': return ON_SUCCESS_SYMLINK;
    case 'clone': case 'fork': case 'vfork': case 'clone3': return ON_SUCCESS_FORK;
    case 'setns': return ON_SUCCESS_SETNS;
    default: return NONE;
  }
}

function failureRule(type: string): number {
  switch (type) {
    case 'connect': return ON_FAILURE_CONNECT;
    case 'accept': case 'accept4': return ON_FAILURE_ACCEPT;
    case 'open': case 'openat': case 'openat2': return ON_FAILURE_OPEN;
    default: return NONE;
  }
}

function enterRule(type: string): number {
  switch (type) {
    case 'close': return ON_ENTER_CLOSE;
    case 'signaldeliver': return ON_ENTER_SIGNAL;
    case 'notification': return ON_ENTER_NOTIFICATION;
    case 'infra': return ON_ENTER_INFRA;
    default: return NONE;
  }
}

/**
 * sendfile copies bytes to its out fd but lacks the writes-to-fd flag evt.is_io_write reads, so
 * the wsysdig_summary chisel misses it (a 20 MB nginx download showed as 262 bytes out). The
 * overview counts it as a write; the tiles' defining filters say so too (tileFilters.ts).
 */
export function isIoWrite(type: string, isIoWriteFlag: boolean): boolean {
  return isIoWriteFlag || type === 'sendfile';
}

/** What events of one kind (evt.type, evt.dir, evt.is_io_read and evt.is_io_write alike) can count for. */
export class KindRules {
  readonly isWrite: boolean;
  readonly isExit: boolean;
  readonly isEnter: boolean;
  readonly isProcexit: boolean;
  readonly onSuccess: number;
  readonly onFailure: number;
  readonly onEnter: number;
  /** Whether the event's result decides anything (else it is not asked). */
  readonly needsResult: boolean;
  /** Whether its events count for nothing but through the container bookkeeping every event feeds. */
  readonly countsForNoTile: boolean;

  constructor(readonly type: string, dir: string | undefined, isWriteFlag: boolean, isRead: boolean) {
    const isWrite = (this.isWrite = isIoWrite(type, isWriteFlag));
    this.isExit = dir === '<';
    this.isEnter = dir === '>';
    this.isProcexit = type === 'procexit';
    this.onSuccess = this.isExit ? successRule(type, isWrite || isRead) : NONE;
    this.onFailure = this.isExit ? failureRule(type) : NONE;
    this.onEnter = this.isEnter ? enterRule(type) : NONE;
    this.needsResult = this.onSuccess !== NONE || this.onFailure !== NONE;
    this.countsForNoTile = !this.needsResult && this.onEnter === NONE && !this.isProcexit;
  }
}
