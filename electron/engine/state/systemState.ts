/**
 * The state engine: rebuilds threads, processes, fd tables, users and containers from a capture
 * the way libsinsp does (sinsp-state.md), so that every event can be shown with the context
 * sysdig 0.29.3 shows: process name, fd names, container, user.
 *
 * Design:
 * - Live state only: Maps keyed by tid (threads) and fd (per fd table). Nothing per event is
 *   retained; the event being processed is described by one reused `EventState`.
 * - The oracle is sysdig 0.29.3 (libs 0.1.x), which still sees enter events: every enter event
 *   sets the thread's "last event" context (type, fd, enter time) and exit events pair with it
 *   (exit type = enter type + 1). Where the old and newest engines differ, the old one wins,
 *   and the newest layouts' extra exit parameters are used only as a fallback when no valid
 *   enter event exists (captures recorded by drivers that no longer emit enter events).
 * - Removals caused by an event (procexit, close) are deferred to the next event so the event
 *   itself still sees the thread and fd.
 * - Thread lifecycle lives here; fd-creating/destroying events are in fdEvents.ts and the
 *   other thread updates in threadEvents.ts.
 */
import type { CaptureEvent, FdListEntry, GroupEntry, InterfaceEntry, MachineInfo, ProcListEntry, UserEntry } from '../capture/types';
import { EventFlag } from '../../../shared/scap/eventTable';
import { Direction, EVENT_DIRECTION, EVENT_FD_PARAM, EVENT_FLAGS, EVENT_RESULT_FIRST, eventIdTable, inTable } from './eventTraits';
import { FdInfo, FdType, L4, Role, type FdTable } from './fdInfo';
import { ThreadInfo, PPM_CL_ACTIVE, PPM_CL_CLONE_FILES, PPM_CL_CLOSED, PPM_CL_NAME_CHANGED, type EnterEventCopy } from './threadInfo';
import { containerIdFromCgroups, parseCgroups, type ContainerInfo } from './containers';
import { UserTables } from './users';
import { asDirectory } from './pathJoin';
import { EV } from './eventIds';
import { u64FromHalves } from '../capture/byteCursor';
import { intParam, stringParam } from './eventParams';
import { K8S_EVENT, K8sState } from './k8sState';
import { AF_INET, AF_INET6, isV4Mapped } from './socketAddress';
import { parseFdEvent } from './fdEvents';
import { parseThreadEvent } from './threadEvents';
import { OWN_FD, OWN_FIGURES, THREADS, UNCHANGED, type StateChange } from './stateChange';
import { TracerState, type TracerEvent } from './tracers';

/** What the state engine knows about the event it just processed (reused for every event). */
export class EventState {
  /** The event's thread (a synthetic one for container metadata events), if any. */
  thread: ThreadInfo | undefined;
  /** `fd.num`: the fd the event refers to, -1 for none. */
  fdNum = -1;
  /** The fd's table entry at the time of the event, if known. */
  fd: FdInfo | undefined;
  /** Exit events: the thread's last enter event matches (exit type = enter type + 1). */
  enterValid = false;
  /** The matching enter event's parameters (copied), when `enterValid` and it has the newest layout. */
  enter: EnterEventCopy | undefined;
  /** The matching enter event as recorded (any layout version), when `enterValid`. */
  pairedEnter: EnterEventCopy | undefined;
  /** evt.latency in ns (0.29.3 semantics: 0 for enter events); see ThreadInfo.latency. */
  latency = 0;
  latencyBig: bigint | undefined = undefined;
  /** -res for failed syscalls, else 0. */
  errorCode = 0;
  /** fd name before the event (to tell whether it changed). */
  fdNameBefore: string | undefined;
  /** The event as a sysdig tracer (a write to /dev/null), for span.* fields. */
  tracer: TracerEvent | undefined;

  reset(): void {
    this.thread = undefined;
    this.fdNum = -1;
    this.fd = undefined;
    this.enterValid = false;
    this.enter = undefined;
    this.pairedEnter = undefined;
    this.latency = 0;
    this.latencyBig = undefined;
    this.errorCode = 0;
    this.fdNameBefore = undefined;
    this.tracer = undefined;
  }

  /** evt.latency as a bigint (made when asked: the indexer reads the number). */
  get latencyNs(): bigint {
    return this.latencyBig ?? BigInt(this.latency);
  }
}

const MAX_FDS_PER_TABLE = 4096;
/** Differences of the high timestamp halves below this give latencies far below 2^53 ns. */
const LATENCY_HI_LIMIT = 1 << 20;
const REPARENT_CHILDREN = false;
/**
 * Slots of the table of procinfo tids found in no thread (by tid, the newest miss per slot).
 * The 200 MB bench copy samples 1,005 tids between 1 and 32,729: with 16,384 slots 16 of them
 * share a slot (397 with 2,048), and 39 k of its 1.88 M procinfo events look their tid up.
 */
const ABSENT_TID_SLOTS = 16384;
/** Enter-event copies kept from threads gone from the table, for new threads (see recycle). */
const MAX_SPARE_ENTER_COPIES = 256;
/** An absent-tid slot with no note (a tid no event carries in practice, and never noted). */
const NO_TID = -0x80000000;

export class SystemState {
  /** Threads by tid; added to only through addThread. */
  readonly threads = new Map<number, ThreadInfo>();
  /**
   * procinfo events (the driver samples every thread of the system, most of them never in the
   * table) look their tid up once: a tid found absent is noted in its slot, and stays absent
   * until a thread of that tid is added (addThread clears the note). Noting the count of threads
   * added instead, so that any new thread voided every note, saved nothing on the bench copy:
   * some thread is added between most two samples of a tid, so all 1.88 M were looked up.
   */
  // One array, NO_TID where nothing is noted: a separate "noted" flag array was a second memory
  // read per procinfo event, and in the whole build, whose columns keep evicting the cache, these
  // reads were a fifth of `process`.
  private readonly absentTids = new Int32Array(ABSENT_TID_SLOTS).fill(NO_TID);
  /**
   * The thread last found by tid, and the leader last found for a thread, until the thread table
   * next changes: 85% of the bench copy's events (procinfo aside) are of the thread of the event
   * before, and most fd lookups of a thread sharing files go through its leader.
   */
  private lastThread: ThreadInfo | undefined = undefined;
  private lastLeader: ThreadInfo | undefined = undefined;
  readonly containers = new Map<string, ContainerInfo>();
  readonly users = new UserTables();
  /** Kubernetes state replayed from the capture's k8s events (k8s.* fields). */
  readonly k8s = new K8sState();
  /** sysdig tracers written to /dev/null (span.* fields). */
  readonly tracers = new TracerState();
  readonly interfaces: InterfaceEntry[] = [];
  machine: MachineInfo | undefined;
  /** Ports bound by server sockets from the fd list (used to orient IPv4 connections). */
  readonly serverPorts = new Set<number>();
  bootTsEpoch = 0n;
  /**
   * Change counters for readers that cache what they derive from the state (the indexer reads
   * ~50 thread and fd fields per event; most events change nothing they read). `threadEpoch`
   * moves whenever threads, containers, users or interfaces may have changed in a way that shows
   * beyond the event's own thread; `fdEpoch` whenever any fd may have changed (and with every
   * threadEpoch move but those confined to the thread table: clone, execve, exit, a dead
   * thread's removal, which edit no fd entry). Changes confined to one thread's own figures (vm sizes, page faults)
   * move only that thread's `revision`, and changes to the event's own fd entry only that
   * entry's `revision`. Erring towards moving costs a cache miss, never a value.
   * `tablesEpoch` moves only with changes beyond the thread table (`changed`: users, containers,
   * interfaces, k8s, new placeholder threads, any parser that promised nothing): a reader that
   * notes what it read of the thread table itself can outlast threadEpoch moves (index/threadTupleInputs.ts).
   */
  threadEpoch = 0;
  fdEpoch = 0;
  tablesEpoch = 0;

  private headerDone = false;
  private pendingThreadRemoval = -1;
  // Fds closed by the current event, as parallel lists with a count: a tuple per close, and a new
  // backing store each time the list was emptied, were most of what a close allocated.
  private readonly pendingFdTables: Array<FdTable | undefined> = [];
  private readonly pendingFdNums: number[] = [];
  private readonly pendingFds: Array<FdInfo | undefined> = [];
  private pendingFdCount = 0;
  private readonly syntheticContainerThreads = new Map<string, ThreadInfo>();
  /**
   * The enter-event copies of threads gone from the table, for new threads: a copy made for
   * each new thread's first enter event (three typed arrays and an object) was a tenth of what
   * the state pass allocated on the 200 MB bench copy, whose 16 k clones are mostly short-lived.
   */
  private readonly spareEnterCopies: EnterEventCopy[] = [];

  // ---- header blocks -------------------------------------------------------------------

  setMachine(mi: MachineInfo): void {
    this.changed();
    this.machine = mi;
    this.bootTsEpoch = mi.bootTsEpoch ?? 0n;
  }

  addInterface(i: InterfaceEntry): void { this.changed(); this.interfaces.push(i); }
  addUser(u: UserEntry): void { this.changed(); this.users.addUser(u); }
  addGroup(g: GroupEntry): void { this.changed(); this.users.addGroup(g); }

  /** Something any thread or fd reading may depend on changed. */
  changed(): void {
    this.threadEpoch++;
    this.fdEpoch++;
    this.tablesEpoch++;
  }

  addProcess(p: ProcListEntry): void {
    this.changed();
    const t = new ThreadInfo();
    t.tid = p.tid; t.pid = p.pid; t.ptid = p.ptid; t.sid = p.sid; t.vpgid = p.vpgid; t.pgid = p.pgid;
    t.comm = p.comm; t.exe = p.exe; t.exepath = p.exepath; t.args = p.args;
    t.flags = p.flags | PPM_CL_ACTIVE | PPM_CL_NAME_CHANGED;
    t.fdlimit = p.fdlimit; t.uid = p.uid; t.gid = p.gid; t.loginuid = p.loginuid;
    t.capInheritable = p.capInheritable; t.capPermitted = p.capPermitted; t.capEffective = p.capEffective;
    t.vmsizeKb = p.vmsizeKb; t.vmrssKb = p.vmrssKb; t.vmswapKb = p.vmswapKb; t.pfmajor = p.pfmajor; t.pfminor = p.pfminor;
    t.vtid = p.vtid; t.vpid = p.vpid; t.pidnsInitStartTs = p.pidnsInitStartTs; t.tty = p.tty; t.root = p.root || '/';
    t.exeWritable = p.exeWritable; t.exeUpperLayer = p.exeUpperLayer; t.exeLowerLayer = p.exeLowerLayer; t.exeFromMemfd = p.exeFromMemfd;
    if (t.isMainThread) {
      t.env = p.env;
      t.cwd = asDirectory(p.cwd);
    }
    t.cgroups = parseCgroups(p.cgroups) ?? [];
    t.containerId = containerIdFromCgroups(t.cgroups);
    // A second process list (agent captures) refreshes a known thread but keeps its fds.
    const old = this.threads.get(t.tid);
    if (old) t.fds = old.fds;
    this.addThread(t);
  }

  addFd(e: FdListEntry): void {
    this.changed();
    const t = this.threads.get(e.tid);
    if (!t) return;
    const table = this.fdTableOf(t);
    if (!table) return;
    const fd = new FdInfo();
    fd.fromProcList = true;
    fd.ino = e.ino;
    fd.type = e.type as FdType;
    fd.name = e.name;
    fd.mountId = e.mountId;
    fd.dev = e.dev;
    switch (e.type) {
      case FdType.Ipv4Sock:
        fd.sip = e.sip; fd.dip = e.dip; fd.sport = e.sport ?? 0; fd.dport = e.dport ?? 0; fd.l4proto = (e.l4proto ?? 0) as L4;
        if (fd.l4proto === L4.Tcp) fd.connected = true;
        fd.renameFromEndpoints();
        break;
      case FdType.Ipv6Sock:
        fd.sip = e.sip; fd.dip = e.dip; fd.sport = e.sport ?? 0; fd.dport = e.dport ?? 0; fd.l4proto = (e.l4proto ?? 0) as L4;
        if (fd.sip && fd.dip && fd.sip.length === 16 && fd.dip.length === 16 && isV4MappedOrZero(fd.sip) && isV4MappedOrZero(fd.dip)) {
          fd.type = FdType.Ipv4Sock;
          fd.sip = fd.sip.slice(12); fd.dip = fd.dip.slice(12);
        }
        if (fd.l4proto === L4.Tcp) fd.connected = true;
        fd.renameFromEndpoints();
        break;
      case FdType.Ipv4ServSock:
      case FdType.Ipv6ServSock:
        fd.sip = e.sip; fd.sport = e.sport ?? 0; fd.l4proto = (e.l4proto ?? 0) as L4;
        fd.renameFromEndpoints();
        this.serverPorts.add(fd.sport);
        break;
      case FdType.UnixSock:
        fd.unixSource = e.unixSource ?? 0n; fd.unixDest = e.unixDest ?? 0n;
        fd.role = e.name === '' ? Role.Client : Role.Server;
        break;
      case FdType.FileV2:
        fd.openFlags = e.openFlags;
        break;
      default:
        break;
    }
    if (table.size < MAX_FDS_PER_TABLE || table.has(e.fd)) table.set(e.fd, fd);
  }

  /** Thread dependencies and socket orientation once the header is complete (§2.3). */
  finishHeader(): void {
    if (this.headerDone) return;
    this.headerDone = true;
    this.changed();
    for (const t of this.threads.values()) {
      if (t.isInvalid) continue;
      if (t.pid !== 1) {
        const parent = this.threads.get(t.ptid);
        // A parent missing from the process list keeps its pid here (newest libs reset it to 0).
        if (parent && !parent.isInvalid) parent.addChild(t.tid);
      }
      const fds = t.fdsIfAny;
      if (fds) for (const fd of fds.values()) {
        if (fd.type !== FdType.Ipv4Sock) continue;
        if (this.serverPorts.has(fd.sport)) {
          fd.swapEndpoints();
          fd.renameFromEndpoints();
          fd.role = Role.Server;
        } else fd.role = Role.Client;
      }
    }
  }

  // ---- lookups ---------------------------------------------------------------------------

  /** The thread's process leader (itself for a main thread). */
  mainThreadOf(t: ThreadInfo): ThreadInfo | undefined {
    if (t.isMainThread) return t;
    const pid = t.pid;
    const last = this.lastLeader;
    if (last !== undefined && last.tid === pid) return last;
    const leader = this.threads.get(pid);
    if (leader !== undefined) this.lastLeader = leader;
    return leader;
  }

  /** The thread of a tid in the table, if any. */
  private threadOf(tid: number): ThreadInfo | undefined {
    const last = this.lastThread;
    if (last !== undefined && last.tid === tid) return last;
    const t = this.threads.get(tid);
    if (t !== undefined) this.lastThread = t;
    return t;
  }

  /** The thread table changed: what was last found in it may be gone or replaced. */
  private forgetFound(): void {
    this.lastThread = undefined;
    this.lastLeader = undefined;
  }

  /** The fd table a thread uses: its leader's when it shares files. */
  fdTableOf(t: ThreadInfo): FdTable | undefined {
    if ((t.flags & PPM_CL_CLONE_FILES) === 0) return t.fds;
    const main = this.mainThreadOf(t);
    return main ? main.fds : undefined;
  }

  fdOf(t: ThreadInfo, fd: number): FdInfo | undefined {
    // A lookup makes no table: an absent one has no fds.
    const owner = (t.flags & PPM_CL_CLONE_FILES) === 0 ? t : this.mainThreadOf(t);
    return owner?.fdsIfAny?.get(fd);
  }

  /** The cwd of a thread (kept on its main thread). */
  cwdOf(t: ThreadInfo): string {
    const main = this.mainThreadOf(t);
    return (main ?? t).cwd;
  }

  /** Placeholder for a tid seen in events but never created (§1.1). */
  placeholder(tid: number): ThreadInfo {
    const t = new ThreadInfo();
    t.tid = tid;
    // sysdig 0.29.3's fake entries carry pid = tid (newest libs: -1); ptid stays -1.
    t.pid = tid;
    this.addThread(t);
    this.changed();
    return t;
  }

  /** Puts a thread in the table (a new one, or one replacing the entry of its tid). */
  addThread(t: ThreadInfo): void {
    this.threads.set(t.tid, t);
    this.forgetFound();
    const slot = t.tid & (ABSENT_TID_SLOTS - 1);
    if (this.absentTids[slot] === t.tid) this.absentTids[slot] = NO_TID;
  }

  /** The thread of a procinfo event's tid, if the table has one. */
  private procinfoThread(tid: number): ThreadInfo | undefined {
    const slot = tid & (ABSENT_TID_SLOTS - 1);
    if (this.absentTids[slot] === tid && tid !== NO_TID) return undefined;
    const t = this.threads.get(tid);
    // Only a tid the array holds exactly is noted (a 64-bit tid would be cut to another one).
    if (t === undefined && (tid | 0) === tid) this.absentTids[slot] = tid;
    return t;
  }

  // ---- per event -------------------------------------------------------------------------

  /**
   * Processes one event: deferred removals, thread lookup, enter/exit bookkeeping, then the
   * event's parser. `recorded` is the event as in the file (its enter/exit pairing is what
   * sysdig 0.29.3 sees); `upgraded` is the same event in the newest layout (null when the
   * layout upgrade merged it into its exit), which is what the parsers read. `es` receives
   * what the event refers to. `storedEnter` is the layout upgrader's copy of `recorded`, if it
   * stored one (LayoutUpgrader.storedAsRecorded): an enter event then is not copied again.
   */
  process(recorded: CaptureEvent, upgraded: CaptureEvent | null, es: EventState, storedEnter: EnterEventCopy | null = null): void {
    if (!this.headerDone) this.finishHeader();
    this.applyDeferredRemovals();
    es.reset();
    const recordedType = recorded.type;
    const known = recordedType < EVENT_FLAGS.length;
    const flags = known ? EVENT_FLAGS[recordedType] : 0;
    const ev = upgraded ?? recorded;
    const type = ev.type;

    // The newest layout drops k8s events (an obsolete enter event): read them as recorded.
    if (recorded.type === K8S_EVENT) { this.k8s.apply(stringParam(recorded, 0) ?? ''); this.changed(); return; }
    if (flags & EventFlag.SKIPPARSERESET) {
      if (type === EV.PROCINFO) es.thread = this.procinfoThread(recorded.tid);
      return;
    }
    if (inTable(META_WITHOUT_THREAD, type)) {
      if (upgraded && parseThreadEvent(this, upgraded, es, undefined) !== UNCHANGED) this.changed();
      return;
    }
    let t = this.threadOf(recorded.tid);
    if (!t && !inTable(LOOKUP_ONLY, type)) t = this.placeholder(recorded.tid);
    es.thread = t;
    if (type === EV.SWITCH) {
      if (t) { es.latency = t.latency; es.latencyBig = t.latencyBig; }
      if (t && upgraded) this.noteThreadChange(parseThreadEvent(this, upgraded, es, t));
      return;
    }
    if (t) {
      t.flags |= PPM_CL_ACTIVE;
      const direction = known ? EVENT_DIRECTION[recordedType] : Direction.UNKNOWN;
      if (direction === Direction.ENTER) this.onEnter(recorded, es, t, flags, EVENT_FD_PARAM[recordedType], storedEnter);
      else if (direction === Direction.EXIT) this.onExit(recorded, es, t, flags, EVENT_RESULT_FIRST[recordedType] === 1, EVENT_FD_PARAM[recordedType]);
    }
    if (t) { es.latency = t.latency; es.latencyBig = t.latencyBig; }
    // Exits whose enter event names no fd: sysdig takes the fd from the exit's parameter 1.
    if (t && type === EV.GETSOCKOPT_X) {
      const fd = intParam(ev, 1);
      if (fd !== undefined) {
        t.lastEventFd = fd;
        es.fdNum = fd;
        es.fd = this.fdOf(t, fd);
      }
    }
    if (es.fd) es.fdNameBefore = es.fd.name;
    if (!upgraded) return;
    // Parsers read enter parameters by the newest enter layout: only offer a matching enter.
    const parserEnter = es.enter && (es.enter.type === upgraded.type - 1
      || (upgraded.type === EV.EXECVE_X && es.enter.type === EV.EXECVEAT_E)) ? es.enter : undefined;
    const pairedEnter = es.enter;
    es.pairedEnter = pairedEnter;
    es.enter = parserEnter;
    const eventFd = es.fd;
    const fdChange = parseFdEvent(this, upgraded, es);
    if (fdChange === OWN_FD) { if (eventFd) eventFd.revision++; } else if (fdChange !== UNCHANGED) this.fdEpoch++;
    this.noteThreadChange(parseThreadEvent(this, upgraded, es, es.thread));
    es.tracer = this.tracers.onEvent(recorded, es.thread, eventFd);
    es.enter = pairedEnter;
  }

  private noteThreadChange(change: StateChange): void {
    if (change === THREADS) this.threadEpoch++;
    else if (change !== UNCHANGED && change !== OWN_FIGURES) this.changed();
  }

  private onEnter(ev: CaptureEvent, es: EventState, t: ThreadInfo, flags: number, fdParam: number, storedEnter: EnterEventCopy | null): void {
    t.lastEventType = ev.type;
    t.lastEventFd = -1;
    if ((flags & EventFlag.USES_FD) && fdParam >= 0) {
      const fd = intParam(ev, fdParam);
      if (fd !== undefined) {
        t.lastEventFd = fd;
        es.fdNum = fd;
        es.fd = this.fdOf(t, fd);
      }
    }
    // The time is kept as halves: a bigint per enter event was a good part of the pass's allocations.
    t.enterSeen = true;
    const hi = ev.tsHi, lo = ev.tsLo;
    if (hi !== undefined && lo !== undefined) { t.enterTsHi = hi; t.enterTsLo = lo; }
    else { t.enterTsHi = -1; t.enterTsLo = 0; t.enterTsBig = ev.ts; }
    t.latency = 0;
    t.latencyBig = undefined;
    // Read only at the thread's next exit, before which the upgrader's copy stays as it is.
    if (storedEnter !== null) t.enterParams = storedEnter;
    else storeEnter(t, ev, this.spareEnterCopies);
  }

  private onExit(ev: CaptureEvent, es: EventState, t: ThreadInfo, flags: number, resultFirst: boolean, ownFdParam: number): void {
    if (t.enterSeen) {
      const hi = ev.tsHi, lo = ev.tsLo;
      const hiStep = hi === undefined ? NaN : hi - t.enterTsHi;
      // From the 32-bit halves while the difference is far below 2^53 (exact, no bigint made).
      if (lo !== undefined && t.enterTsHi >= 0 && hiStep > -LATENCY_HI_LIMIT && hiStep < LATENCY_HI_LIMIT) {
        t.latency = hiStep * 4294967296 + (lo - t.enterTsLo);
        t.latencyBig = undefined;
      } else {
        const enterTs = t.enterTsHi >= 0 ? u64FromHalves(t.enterTsHi, t.enterTsLo) : t.enterTsBig;
        const d = ev.ts - enterTs;
        t.latency = Number(d);
        t.latencyBig = d;
      }
    }
    const valid = ev.type === t.lastEventType + 1 || (ev.type === EV.EXECVE_X && t.lastEventType === EV.EXECVEAT_E);
    es.enterValid = valid;
    es.enter = valid ? t.enterParams : undefined;
    // Only the next exit may use this enter event.
    t.lastEventType = -1;
    if (resultFirst) {
      const res = intParam(ev, 0);
      if (res !== undefined && res < 0) es.errorCode = -res;
    }
    if (flags & EventFlag.USES_FD) {
      let fd = valid ? t.lastEventFd : -1;
      // Without its enter event, an exit names its fd only if it was recorded with one (newer
      // drivers); sysdig 0.29.3 had no fd then, and the upgrade's default fd 0 would mislead.
      if (!valid && ownFdParam >= 0 && ownFdParam < ev.nparams && ev.paramLength[ownFdParam] > 0) {
        const v = intParam(ev, ownFdParam);
        if (v !== undefined) fd = v;
      }
      if (fd !== -1 || valid) {
        es.fdNum = fd;
        es.fd = this.fdOf(t, fd);
      }
    }
  }

  /** The synthetic thread sysdig shows for a container metadata event (`container:<id>`). */
  containerThread(id: string): ThreadInfo {
    let t = this.syntheticContainerThreads.get(id);
    if (!t) {
      t = new ThreadInfo();
      t.tid = -1; t.pid = -1; t.ptid = 0; t.vtid = -2; t.vpid = -2; t.uid = 0; t.gid = 0;
      t.comm = `container:${id}`; t.exe = '';
      t.containerId = id;
      this.syntheticContainerThreads.set(id, t);
    }
    return t;
  }

  // ---- fd table edits (used by the parsers) ----------------------------------------------

  addFdTo(t: ThreadInfo, fdNum: number, fd: FdInfo): void {
    const table = this.fdTableOf(t);
    if (!table) return;
    if (table.size >= MAX_FDS_PER_TABLE && !table.has(fdNum)) return;
    table.set(fdNum, fd);
  }

  /** Removes an fd after the current event (so this event still sees it). */
  removeFdLater(t: ThreadInfo, fdNum: number): void {
    const table = this.fdTableOf(t);
    const fd = table?.get(fdNum);
    if (!table || !fd) return;
    const i = this.pendingFdCount++;
    this.pendingFdTables[i] = table;
    this.pendingFdNums[i] = fdNum;
    this.pendingFds[i] = fd;
  }

  /** Removes a thread after the current event (which still sees it); the removal moves threadEpoch. */
  removeThreadLater(tid: number): void {
    if (this.pendingThreadRemoval >= 0 && this.pendingThreadRemoval !== tid) {
      this.threadEpoch++;
      this.removeThread(this.pendingThreadRemoval);
    }
    this.pendingThreadRemoval = tid;
  }

  private applyDeferredRemovals(): void {
    // Removing an fd entry changes no entry (lookups simply find another); removing a thread
    // changes the thread table only.
    if (this.pendingThreadRemoval >= 0) this.threadEpoch++;
    for (let i = 0; i < this.pendingFdCount; i++) {
      const table = this.pendingFdTables[i]!, fdNum = this.pendingFdNums[i], fd = this.pendingFds[i];
      // Only remove the entry that was closed, not one re-created at the same number since.
      if (table.get(fdNum) === fd) table.delete(fdNum);
      // Not kept alive (nor in checkpoints) once removed.
      this.pendingFdTables[i] = undefined;
      this.pendingFds[i] = undefined;
    }
    this.pendingFdCount = 0;
    if (this.pendingThreadRemoval >= 0) {
      const tid = this.pendingThreadRemoval;
      this.pendingThreadRemoval = -1;
      this.removeThread(tid);
    }
  }

  /** Removes a dead thread (§4.4): reparents children; keeps a leader while threads live. */
  removeThread(tid: number): void {
    const t = this.threads.get(tid);
    if (!t) return;
    this.forgetFound();
    if (t.isInvalid) {
      this.deleteThread(tid, t);
      return;
    }
    // sysdig 0.29.3 leaves children pointing at their dead parent (newest libs re-parent them).
    if (REPARENT_CHILDREN && t.children) {
      const reaper = this.findReaper(t);
      for (const c of t.children) {
        const child = this.threads.get(c);
        if (!child || child.ptid !== tid) continue;
        child.ptid = reaper ? reaper.tid : 0;
        reaper?.addChild(c);
      }
    }
    this.threads.get(t.ptid)?.children?.delete(tid);
    if (t.isMainThread) {
      // The leader's entry holds the shared fd table: keep it while other threads of the group live.
      for (const other of this.threads.values()) {
        if (other !== t && other.pid === t.pid && (other.flags & PPM_CL_CLOSED) === 0) return;
      }
    }
    this.deleteThread(tid, t);
    if (!t.isMainThread) {
      const main = this.threads.get(t.pid);
      if (main && (main.flags & PPM_CL_CLOSED)) {
        let alive = false;
        for (const other of this.threads.values()) if (other.pid === t.pid && other !== main && (other.flags & PPM_CL_CLOSED) === 0) { alive = true; break; }
        if (!alive) this.deleteThread(main.tid, main);
      }
    }
  }

  /**
   * Takes a thread out of the table for good. Its enter-event copy becomes a spare: it was read
   * only at the thread's own exits, and a removal comes after the event that asked for it (or,
   * for a clone replacing a thread, after that thread's last exit was paired).
   */
  private deleteThread(tid: number, t: ThreadInfo): void {
    this.threads.delete(tid);
    const copy = t.ownEnterCopy;
    if (copy === undefined) return;
    t.ownEnterCopy = undefined;
    if (t.enterParams === copy) t.enterParams = undefined;
    if (this.spareEnterCopies.length < MAX_SPARE_ENTER_COPIES) this.spareEnterCopies.push(copy);
  }

  private findReaper(t: ThreadInfo): ThreadInfo | undefined {
    for (const other of this.threads.values()) {
      if (other !== t && other.pid === t.pid && (other.flags & PPM_CL_CLOSED) === 0) return other;
    }
    let cur = this.threads.get(t.ptid);
    for (let depth = 0; cur && depth < 64; depth++) {
      if (cur.pid === 1 || cur.vpid === 1) return cur;
      cur = this.threads.get(cur.ptid);
    }
    return undefined;
  }

  /** Container id as `container.id` shows it: the id, or 'host'. */
  containerIdOf(t: ThreadInfo): string {
    return t.containerId || 'host';
  }

  recomputeContainer(t: ThreadInfo): void {
    t.containerId = containerIdFromCgroups(t.cgroups);
  }
}

function isV4MappedOrZero(ip: Uint8Array): boolean {
  if (isV4Mapped(ip)) return true;
  for (let i = 0; i < 16; i++) if (ip[i] !== 0) return false;
  return true;
}

/** Events of no thread: container and user metadata, plugin and async events. */
const META_WITHOUT_THREAD = eventIdTable([
  EV.CONTAINER_JSON, EV.CONTAINER_JSON2, EV.CONTAINER_OLD, EV.USERADDED, EV.USERDELETED, EV.GROUPADDED, EV.GROUPDELETED,
  EV.PLUGINEVENT, EV.ASYNCEVENT,
]);
/** Events that look their thread up but make no placeholder for an unknown tid. */
const LOOKUP_ONLY = eventIdTable([EV.CLONE_X, EV.FORK_X, EV.VFORK_X, EV.CLONE3_X, EV.SWITCH, EV.PROCEXIT]);

/** Copies an enter event's parameters into the thread's reusable buffer (a spare one for a new thread). */
function storeEnter(t: ThreadInfo, ev: CaptureEvent, spares: EnterEventCopy[]): void {
  let total = 0;
  for (let i = 0; i < ev.nparams; i++) total += ev.paramLength[i];
  let e = t.ownEnterCopy ?? spares.pop();
  if (!e || e.data.length < total || e.paramOffset.length < ev.nparams) {
    e = {
      type: ev.type,
      data: new Uint8Array(Math.max(total, 64)),
      paramOffset: new Uint32Array(Math.max(ev.nparams, 8)),
      paramLength: new Uint32Array(Math.max(ev.nparams, 8)),
      nparams: 0,
    };
  }
  t.ownEnterCopy = e;
  t.enterParams = e;
  e.type = ev.type;
  e.nparams = ev.nparams;
  let at = 0;
  const src = ev.data, dst = e.data;
  for (let i = 0; i < ev.nparams; i++) {
    const len = ev.paramLength[i];
    const from = ev.paramOffset[i];
    // Most parameters are a few bytes: a loop beats making a subarray view for each.
    if (len <= 32) for (let k = 0; k < len; k++) dst[at + k] = src[from + k];
    else dst.set(src.subarray(from, from + len), at);
    e.paramOffset[i] = at;
    e.paramLength[i] = len;
    at += len;
  }
}

export { AF_INET, AF_INET6 };
