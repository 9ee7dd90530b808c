/** One kernel task as sinsp models it (sinsp-state.md §1.1). */
import type { FdTable } from './fdInfo';

export const PPM_CL_CLONE_FILES = 0x1;
export const PPM_CL_CLONE_NEWPID = 0x40;
export const PPM_CL_CLONE_PARENT = 0x100;
export const PPM_CL_CLONE_THREAD = 0x2000;
export const PPM_CL_CLONE_INVERTED = 0x10000;
export const PPM_CL_NAME_CHANGED = 0x20000;
export const PPM_CL_CLOSED = 0x40000;
export const PPM_CL_ACTIVE = 0x80000;
export const PPM_CL_CLONE_NEWUSER = 0x100000;
export const PPM_CL_CLONE_VFORK = 0x8000000;
export const PPM_CL_PIPE_SRC = 0x200000;
export const PPM_CL_PIPE_DST = 0x400000;
export const PPM_CL_CHILD_IN_PIDNS = 0x20000000;
export const PPM_CL_IS_MAIN_THREAD = 0x40000000;

/** sysdig 0.29.3's thread categories: the container's init tree, its health check, or a Kubernetes probe. */
export const ContainerRole = { None: 0, Container: 1, Healthcheck: 2, LivenessProbe: 3, ReadinessProbe: 4 } as const;
export type ContainerRole = typeof ContainerRole[keyof typeof ContainerRole];

export class ThreadInfo {
  tid = -1;
  pid = -1;
  ptid = -1;
  sid = -1;
  vpgid = -1;
  pgid = -1;
  vtid = -1;
  vpid = -1;
  comm = '<NA>';
  exe = '<NA>';
  exepath = '';
  args: string[] = [];
  env: string[] = [];
  cwd = '';
  root = '/';
  fdlimit = -1;
  uid = 0xffffffff;
  gid = 0xffffffff;
  loginuid = 0xffffffff;
  flags = 0;
  cgroups: Array<[string, string]> = [];
  containerId = '';
  /** What the thread is to its container (sysdig's thread category), decided at execve. */
  containerRole: ContainerRole = ContainerRole.None;
  tty = 0;
  cloneTs = 0n;
  lastExecTs = 0n;
  pidnsInitStartTs = 0n;
  vmsizeKb = 0;
  vmrssKb = 0;
  vmswapKb = 0;
  pfmajor = 0;
  pfminor = 0;
  capInheritable = 0n;
  capPermitted = 0n;
  capEffective = 0n;
  exeWritable = false;
  exeUpperLayer = false;
  exeLowerLayer = false;
  exeFromMemfd = false;
  /**
   * The thread's own fd table, made at first use: threads sharing their leader's table (most
   * clones) use the main thread's and never need one of their own.
   */
  private ownFds: FdTable | undefined = undefined;
  /** Per-thread event context (old-engine enter/exit pairing). */
  lastEventType = -1;
  lastEventFd = 0;
  /** An enter event was seen: its time is below (the halves or, for events without them, enterTsBig). */
  enterSeen = false;
  /** The last enter event's time as 32-bit halves (enterTsHi -1: not known that way), for latency without a bigint. */
  enterTsHi = -1;
  enterTsLo = 0;
  enterTsBig = 0n;
  /**
   * evt.latency in ns as sysdig 0.29.3 keeps it: set by exits, zeroed by enters, kept otherwise.
   * A number (exact below 2^53 ns); `latencyBig` holds the exact value when it is beyond that.
   */
  latency = 0;
  latencyBig: bigint | undefined = undefined;
  /** The last enter event's parameters, for exit parsers that need them: ownEnterCopy, or the layout upgrader's stored copy. */
  enterParams: EnterEventCopy | undefined;
  /** The thread's own reusable copy of an enter event (see SystemState's storeEnter). */
  ownEnterCopy: EnterEventCopy | undefined;
  /**
   * Children (tids), kept for reparenting and proc.children-style questions; made at the first
   * child, since most threads (short-lived clones) never have one.
   */
  children: Set<number> | undefined = undefined;
  /** Exit information recorded at procexit. */
  exitStatus = 0;
  exited = false;
  /** Moves when this thread's own figures change (vm sizes, page faults): see SystemState.threadEpoch. */
  revision = 0;
  /** Cache slots for a reader deriving values from this thread (the indexer): valid while the epoch (and revision) match. */
  memoEpoch = -1;
  memoValue = 0;
  figuresMemoEpoch = -1;
  figuresMemoRevision = -1;
  figuresMemoValue = 0;

  get fds(): FdTable {
    return (this.ownFds ??= new Map());
  }
  set fds(table: FdTable) {
    this.ownFds = table;
  }
  /** The thread's own fd table if it has one, without making an empty one. */
  get fdsIfAny(): FdTable | undefined {
    return this.ownFds;
  }

  addChild(tid: number): void {
    (this.children ??= new Set()).add(tid);
  }

  get isMainThread(): boolean {
    return this.tid === this.pid || (this.flags & PPM_CL_IS_MAIN_THREAD) !== 0;
  }
  get isInvalid(): boolean {
    return this.tid < 0 || this.pid < 0 || this.ptid < 0;
  }
  get inPidNamespace(): boolean {
    return (this.flags & PPM_CL_CHILD_IN_PIDNS) !== 0 || (this.vtid >= 0 && this.vtid !== this.tid);
  }
}

/** A self-contained copy of an enter event's parameters (the reader's buffers are reused). */
export interface EnterEventCopy {
  type: number;
  data: Uint8Array;
  paramOffset: Uint32Array;
  paramLength: Uint32Array;
  nparams: number;
}
