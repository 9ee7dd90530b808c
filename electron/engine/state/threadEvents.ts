/**
 * Events that change threads and processes (sinsp-state.md §4), and the metadata events that
 * fill the container and user tables (§6).
 */
import type { CaptureEvent } from '../capture/types';
import { OWN_FIGURES, THREADS, UNCHANGED, type StateChange } from './stateChange';
import { EV } from './eventIds';
import { EVENTS } from '../../../shared/scap/eventTable';
import { bytesParam, decodeUtf8, intParam, stringListParam, stringParam, u64Param, uintParam } from './eventParams';
import { asDirectory, joinPath } from './pathJoin';
import { parseCgroupList, parseContainerJson, parseContainerJsonParam } from './containers';
import { identifyContainerRole } from './containerRole';
import {
  ThreadInfo, PPM_CL_CLONE_FILES, PPM_CL_CLONE_INVERTED, PPM_CL_CLONE_NEWPID, PPM_CL_CLONE_PARENT, PPM_CL_CLONE_THREAD,
  PPM_CL_CLONE_VFORK, PPM_CL_CLOSED, PPM_CL_CHILD_IN_PIDNS, PPM_CL_ACTIVE, PPM_CL_NAME_CHANGED, PPM_CL_PIPE_SRC, PPM_CL_PIPE_DST,
  PPM_CL_IS_MAIN_THREAD, PPM_CL_CLONE_NEWUSER,
} from './threadInfo';
import type { EventState, SystemState } from './systemState';

const TWO_SECONDS = 2_000_000_000n;
const OLD_ENGINE_CLONE_RULES = true;
const RLIMIT_NOFILE = 7;

/** A parser of the events below; `t` is the event's thread, if it has one. */
type ThreadParser = (state: SystemState, ev: CaptureEvent, es: EventState, t: ThreadInfo | undefined) => StateChange;

/**
 * The parser of each event id, looked up by id: a switch over the ids compared them one by one,
 * some 30 comparisons for every event no parser here handles (most of them).
 */
const THREAD_PARSERS: Array<ThreadParser | undefined> = [];
function on(types: readonly number[], parser: ThreadParser): void {
  for (const type of types) THREAD_PARSERS[type] = parser;
}

// These edit threads (a forked child gets copies of its parent's fd entries), never an fd entry.
on([EV.CLONE_X, EV.FORK_X, EV.VFORK_X, EV.CLONE3_X], (state, ev, es) => { parseClone(state, ev, es); return THREADS; });
on([EV.EXECVE_X, EV.EXECVEAT_X], (state, ev, es, t) => { if (t) parseExecve(state, ev, es, t); return THREADS; });
// Marks the thread exited, which no field reads; its removal, which shows (proc.nthreads,
// proc.pname), is applied at the next event and moves threadEpoch then (SystemState).
on([EV.PROCEXIT], (state, ev, _es, t) => { if (t) parseProcexit(state, ev, t); return UNCHANGED; });
on([EV.CONTAINER_JSON, EV.CONTAINER_JSON2], (state, ev, es) => parseContainer(state, ev, es));
on([EV.CONTAINER_OLD], (state, ev, es) => parseOldContainer(state, ev, es));
on([EV.ASYNCEVENT], (state, ev, es) => parseAsync(state, ev, es));
on([EV.USERADDED, EV.USERDELETED, EV.GROUPADDED, EV.GROUPDELETED], (state, ev) => parseUserEvent(state, ev));
on([
  EV.CHDIR_X, EV.FCHDIR_X, EV.GETCWD_X, EV.CHROOT_X, EV.SETSID_X, EV.SETUID_X, EV.SETGID_X,
  EV.SETRESUID_X, EV.SETREUID_X, EV.SETRESGID_X, EV.SETREGID_X, EV.CAPSET_X, EV.UNSHARE_X,
  EV.SETNS_X, EV.GETRLIMIT_X, EV.SETRLIMIT_X, EV.PRLIMIT_X,
], (state, ev, es, t) => (t ? parseResultEdit(state, ev, es, t) : UNCHANGED));
on([EV.BRK_X, EV.MMAP_X, EV.MMAP2_X, EV.MUNMAP_X], (_state, ev, _es, t) => (t ? parseMemoryFigures(ev, t) : UNCHANGED));
on([EV.SWITCH], (state, ev, _es, t) => (t ? parseSwitch(state, ev, t) : UNCHANGED));

export function parseThreadEvent(state: SystemState, ev: CaptureEvent, es: EventState, t: ThreadInfo | undefined): StateChange {
  const type = ev.type;
  const parser = type < THREAD_PARSERS.length ? THREAD_PARSERS[type] : undefined;
  return parser === undefined ? UNCHANGED : parser(state, ev, es, t);
}

function parseMemoryFigures(ev: CaptureEvent, t: ThreadInfo): StateChange {
  const size = uintParam(ev, 1) ?? t.vmsizeKb, rss = uintParam(ev, 2) ?? t.vmrssKb, swap = uintParam(ev, 3) ?? t.vmswapKb;
  if (size !== t.vmsizeKb || rss !== t.vmrssKb || swap !== t.vmswapKb) {
    t.vmsizeKb = size; t.vmrssKb = rss; t.vmswapKb = swap;
    t.revision++;
  }
  return OWN_FIGURES;
}

function parseSwitch(state: SystemState, ev: CaptureEvent, t: ThreadInfo): StateChange {
  // A thread switched in and out often has the same figures: only a change moves `revision`.
  const maj = uintParam(ev, 1), min = uintParam(ev, 2);
  if ((maj !== undefined && maj !== t.pfmajor) || (min !== undefined && min !== t.pfminor)) {
    if (maj !== undefined) t.pfmajor = maj;
    if (min !== undefined) t.pfminor = min;
    t.revision++;
  }
  if (ev.nparams > 5 && ev.paramLength[5] > 0) {
    const main = state.mainThreadOf(t) ?? t;
    const size = uintParam(ev, 3) ?? main.vmsizeKb, rss = uintParam(ev, 4) ?? main.vmrssKb, swap = uintParam(ev, 5) ?? main.vmswapKb;
    if (size !== main.vmsizeKb || rss !== main.vmrssKb || swap !== main.vmswapKb) {
      main.vmsizeKb = size; main.vmrssKb = rss; main.vmswapKb = swap;
      main.revision++;
    }
  }
  return OWN_FIGURES;
}

/**
 * Thread edits that depend on the syscall's result. Only these events have their result read:
 * other exits may be upgrades not built yet (LayoutUpgrader.upgradeWhenRead), built on a read.
 */
function parseResultEdit(state: SystemState, ev: CaptureEvent, es: EventState, t: ThreadInfo): StateChange {
  const res = intParam(ev, 0);
  switch (ev.type) {
    case EV.CHDIR_X: {
      if (res === undefined || res < 0) return;
      const path = stringParam(ev, 1) ?? (es.enter ? stringParam(es.enter, 0) : undefined);
      if (path !== undefined) setCwd(state, t, joinPath(state.cwdOf(t), path));
      return;
    }
    case EV.FCHDIR_X: {
      if (res === undefined || res < 0 || !es.fd) return;
      setCwd(state, t, joinPath('', es.fd.name));
      return;
    }
    case EV.GETCWD_X: {
      if (res === undefined || res < 0) return;
      const path = stringParam(ev, 1);
      if (path !== undefined) setCwd(state, t, path);
      return;
    }
    case EV.CHROOT_X: {
      if (res !== 0) return;
      const path = stringParam(ev, 1);
      if (path !== undefined) t.root = joinPath(state.cwdOf(t), path);
      state.recomputeContainer(t);
      return;
    }
    case EV.SETSID_X: if (res !== undefined && res >= 0) t.sid = res; return;
    case EV.SETUID_X: if (res === 0) { const v = uintParam(ev, 1) ?? (es.enter ? uintParam(es.enter, 0) : undefined); if (v !== undefined) t.uid = v; } return;
    case EV.SETGID_X: if (res === 0) { const v = uintParam(ev, 1) ?? (es.enter ? uintParam(es.enter, 0) : undefined); if (v !== undefined) t.gid = v; } return;
    case EV.SETRESUID_X: case EV.SETREUID_X: if (res === 0) { const v = uintParam(ev, 2) ?? (es.enter ? uintParam(es.enter, 1) : undefined); if (v !== undefined && v !== 0xffffffff) t.uid = v; } return;
    case EV.SETRESGID_X: case EV.SETREGID_X: if (res === 0) { const v = uintParam(ev, 2) ?? (es.enter ? uintParam(es.enter, 1) : undefined); if (v !== undefined && v !== 0xffffffff) t.gid = v; } return;
    case EV.CAPSET_X: {
      if (res === undefined || res < 0) return;
      t.capInheritable = u64Param(ev, 1) ?? t.capInheritable;
      t.capPermitted = u64Param(ev, 2) ?? t.capPermitted;
      t.capEffective = u64Param(ev, 3) ?? t.capEffective;
      return;
    }
    case EV.UNSHARE_X: case EV.SETNS_X: {
      if (res === undefined || res < 0) return;
      const flags = intParam(ev, ev.type === EV.UNSHARE_X ? 1 : 2) ?? 0;
      if (flags & PPM_CL_CLONE_NEWUSER) { t.capInheritable = t.capPermitted = t.capEffective = (1n << 41n) - 1n; }
      return;
    }
    case EV.GETRLIMIT_X: case EV.SETRLIMIT_X: {
      if (res === undefined || res < 0) return;
      const resource = intParam(ev, 3) ?? (es.enter ? intParam(es.enter, 0) : undefined);
      const cur = intParam(ev, 1);
      if (resource === RLIMIT_NOFILE && cur !== undefined && cur !== -1) (state.mainThreadOf(t) ?? t).fdlimit = cur;
      return;
    }
    case EV.PRLIMIT_X: {
      if (res !== 0) return;
      const resource = intParam(ev, 6) ?? (es.enter ? intParam(es.enter, 1) : undefined);
      const cur = intParam(ev, 1);
      if (resource !== RLIMIT_NOFILE || cur === undefined || cur === -1) return;
      const pid = intParam(ev, 5) ?? (es.enter ? intParam(es.enter, 0) : undefined) ?? 0;
      const target = pid === 0 ? t : state.threads.get(pid);
      if (target) (state.mainThreadOf(target) ?? target).fdlimit = cur;
      return;
    }
    default:
      return UNCHANGED;
  }
}

function setCwd(state: SystemState, t: ThreadInfo, path: string): void {
  (state.mainThreadOf(t) ?? t).cwd = asDirectory(path);
}

/** Fields a clone exit gives the new thread (§4.1). */
function fillFromClone(state: SystemState, ev: CaptureEvent, child: ThreadInfo): void {
  child.exe = stringParam(ev, 1) ?? child.exe;
  child.args = stringListParam(ev, 2) ?? [];
  const comm = stringParam(ev, 13);
  child.comm = comm !== undefined && comm !== '' ? comm : child.exe;
  const fdlimit = intParam(ev, 7);
  if (fdlimit !== undefined) child.fdlimit = fdlimit;
  if (ev.nparams > 12 && ev.paramLength[12] > 0) {
    child.pfmajor = uintParam(ev, 8) ?? 0;
    child.pfminor = uintParam(ev, 9) ?? 0;
    child.vmsizeKb = uintParam(ev, 10) ?? 0;
    child.vmrssKb = uintParam(ev, 11) ?? 0;
    child.vmswapKb = uintParam(ev, 12) ?? 0;
  }
  const cg = bytesParam(ev, 14);
  if (cg) child.cgroups = parseCgroupList(cg) ?? child.cgroups;
  const uid = uintParam(ev, 16), gid = uintParam(ev, 17);
  if (uid !== undefined) child.uid = uid;
  if (gid !== undefined) child.gid = gid;
  child.cloneTs = ev.ts;
  void state;
}

function copyFromParent(state: SystemState, child: ThreadInfo, parent: ThreadInfo, isThread: boolean): void {
  child.exepath = parent.exepath;
  child.exeWritable = parent.exeWritable; child.exeUpperLayer = parent.exeUpperLayer;
  child.exeLowerLayer = parent.exeLowerLayer; child.exeFromMemfd = parent.exeFromMemfd;
  child.root = parent.root; child.sid = parent.sid; child.vpgid = parent.vpgid; child.pgid = parent.pgid;
  child.tty = parent.tty; child.loginuid = parent.loginuid;
  child.capInheritable = parent.capInheritable; child.capPermitted = parent.capPermitted; child.capEffective = parent.capEffective;
  if (isThread) {
    child.lastExecTs = parent.lastExecTs;
  } else {
    const table = state.fdTableOf(parent);
    if (table) for (const [n, fd] of table) child.fds.set(n, fd.clone());
    const pm = state.mainThreadOf(parent) ?? parent;
    child.cwd = pm.cwd;
    child.env = pm.env;
  }
}

/** The cwd a clone event names (empty when it names none, as sinsp keeps it). */
function cloneCwd(ev: CaptureEvent): string {
  const cwd = stringParam(ev, 6);
  return cwd ? asDirectory(cwd) : '';
}

function link(state: SystemState, t: ThreadInfo): void {
  const parent = state.threads.get(t.ptid);
  if (parent) parent.addChild(t.tid);
}

function parseClone(state: SystemState, ev: CaptureEvent, es: EventState): void {
  const res = intParam(ev, 0);
  if (res === undefined || res < 0) return;
  const flags = intParam(ev, 15) ?? 0;
  const pid = intParam(ev, 4);
  const ptid = intParam(ev, 5);
  const vtid = intParam(ev, 18), vpid = intParam(ev, 19);
  const isThread = (flags & PPM_CL_CLONE_THREAD) !== 0;
  if (res > 0) {
    // Caller side: the event's thread is the parent; the child's tid is `res`.
    let caller = state.threads.get(ev.tid);
    if (!caller) caller = state.placeholder(ev.tid);
    es.thread = caller;
    caller.flags |= PPM_CL_ACTIVE;
    let validCaller = true;
    if (caller.isInvalid) {
      validCaller = false;
      if (pid !== undefined) caller.pid = pid;
      if (ptid !== undefined) caller.ptid = ptid;
      caller.vtid = vtid ?? caller.tid;
      caller.vpid = vpid ?? -1;
      link(state, caller);
    }
    // Newest libs also stop here for children in a new pid namespace; sysdig 0.29.3 does not.
    if ((flags & (OLD_ENGINE_CLONE_RULES ? PPM_CL_CHILD_IN_PIDNS : PPM_CL_CHILD_IN_PIDNS | PPM_CL_CLONE_NEWPID | PPM_CL_CLONE_PARENT)) !== 0) return;
    // A caller inside a pid namespace gets a namespace-relative child tid: skip. The event's own
    // vtid tells (as in sysdig 0.29.3); without it, the thread table's.
    const callerInNs = vtid !== undefined ? vtid !== ev.tid : caller.vtid >= 0 && caller.vtid !== caller.tid;
    if (callerInNs) return;
    if ((flags & PPM_CL_CLONE_VFORK) || ev.type === EV.VFORK_X) return;
    const existing = state.threads.get(res);
    if (existing) {
      if (existing.flags & PPM_CL_CLONE_INVERTED) return;
      state.removeThread(res);
    }
    const child = new ThreadInfo();
    child.tid = res;
    child.flags = flags;
    if (isThread) {
      // sysdig 0.29.3 records the creating thread as a new thread's ptid (newest: the parent's).
      child.pid = caller.pid;
      child.ptid = caller.tid;
      child.flags |= PPM_CL_CLONE_FILES;
    } else {
      child.pid = res;
      child.ptid = caller.tid;
    }
    child.vtid = child.tid;
    child.vpid = child.pid;
    fillFromClone(state, ev, child);
    child.pidnsInitStartTs = state.bootTsEpoch;
    if (validCaller) copyFromParent(state, child, caller, isThread);
    else {
      caller.exe = child.exe; caller.comm = child.comm; caller.args = child.args;
    }
    if (!isThread && !child.cwd) child.cwd = cloneCwd(ev);
    state.addThread(child);
    link(state, child);
    state.recomputeContainer(child);
    return;
  }
  // Child side: the event's tid is the new thread.
  const existing = state.threads.get(ev.tid);
  if (existing && existing.cloneTs !== 0n && ev.ts - existing.cloneTs < TWO_SECONDS) {
    // The caller side created it without knowing its pid namespace ids; this event has them.
    if (vtid !== undefined) existing.vtid = vtid;
    if (vpid !== undefined) existing.vpid = vpid;
    es.thread = existing;
    existing.flags |= PPM_CL_ACTIVE;
    return;
  }
  if (existing) state.removeThread(ev.tid);
  const child = new ThreadInfo();
  child.tid = ev.tid;
  child.pid = pid ?? -1;
  child.ptid = ptid ?? -1;
  child.vtid = vtid ?? ev.tid;
  child.vpid = vpid ?? -1;
  child.flags = flags | PPM_CL_CLONE_INVERTED | PPM_CL_ACTIVE;
  if (isThread) child.flags |= PPM_CL_CLONE_FILES;
  const lookupTid = isThread ? child.pid : child.ptid;
  let lookup = state.threads.get(lookupTid);
  if (!lookup && lookupTid >= 0) lookup = state.placeholder(lookupTid);
  const lookupValid = lookup !== undefined && !lookup.isInvalid;
  // sysdig 0.29.3 gives a new thread its leader's parent, even an unknown one (-1), and does
  // not repair an unknown leader (newest libs take the event's ptid and repair the leader).
  if (lookup && !lookupValid && isThread) lookup.pid = child.pid;
  // A new thread's ptid is its leader (the process' parent is the leader's ptid).
  if (isThread) child.ptid = child.pid;
  fillFromClone(state, ev, child);
  if (lookup && lookupValid) copyFromParent(state, child, lookup, isThread);
  // sysdig 0.29.3 names an unknown parent (or leader) after the child, for processes too.
  else if (lookup) { lookup.exe = child.exe; lookup.comm = child.comm; lookup.args = child.args; }
  if (!isThread && !child.cwd) child.cwd = cloneCwd(ev);
  const inNs = (flags & (PPM_CL_CHILD_IN_PIDNS | PPM_CL_CLONE_NEWPID)) !== 0 || child.tid !== child.vtid;
  const nsStart = u64Param(ev, 20);
  child.pidnsInitStartTs = inNs && nsStart !== undefined ? nsStart + state.bootTsEpoch : state.bootTsEpoch;
  state.addThread(child);
  link(state, child);
  state.recomputeContainer(child);
  es.thread = child;
}

function parseExecve(state: SystemState, ev: CaptureEvent, es: EventState, t: ThreadInfo): void {
  const res = intParam(ev, 0);
  if (res === undefined || res < 0) return;
  t.exe = stringParam(ev, 1) ?? t.exe;
  t.args = stringListParam(ev, 2) ?? [];
  const pid = intParam(ev, 4);
  if (pid !== undefined) t.pid = pid;
  if (t.isInvalid) {
    // sysdig 0.29.3 repairs the parent link only; vtid/vpid stay unknown.
    const ptid = intParam(ev, 5);
    if (ptid !== undefined) t.ptid = ptid;
    link(state, t);
  }
  const fdlimit = intParam(ev, 7);
  if (fdlimit !== undefined) t.fdlimit = fdlimit;
  if (ev.nparams > 12 && ev.paramLength[12] > 0) {
    t.pfmajor = uintParam(ev, 8) ?? 0; t.pfminor = uintParam(ev, 9) ?? 0;
    t.vmsizeKb = uintParam(ev, 10) ?? 0; t.vmrssKb = uintParam(ev, 11) ?? 0; t.vmswapKb = uintParam(ev, 12) ?? 0;
  }
  const comm = stringParam(ev, 13);
  t.comm = comm !== undefined && comm !== '' ? comm : t.exe;
  const cg = bytesParam(ev, 14);
  if (cg) { t.cgroups = parseCgroupList(cg) ?? t.cgroups; }
  const env = stringListParam(ev, 15);
  if (env) (state.mainThreadOf(t) ?? t).env = env;
  const tty = intParam(ev, 16); if (tty !== undefined) t.tty = tty;
  const vpgid = intParam(ev, 17); if (vpgid !== undefined) t.vpgid = vpgid;
  const loginuid = uintParam(ev, 18); if (loginuid !== undefined) t.loginuid = loginuid;
  const xflags = intParam(ev, 19);
  if (xflags !== undefined) {
    t.exeWritable = (xflags & 1) !== 0; t.exeUpperLayer = (xflags & 2) !== 0;
    t.exeFromMemfd = (xflags & 4) !== 0; t.exeLowerLayer = (xflags & 8) !== 0;
  }
  t.capInheritable = u64Param(ev, 20) ?? t.capInheritable;
  t.capPermitted = u64Param(ev, 21) ?? t.capPermitted;
  t.capEffective = u64Param(ev, 22) ?? t.capEffective;
  const uid = uintParam(ev, 26); if (uid !== undefined) t.uid = uid;
  const trusted = stringParam(ev, 27);
  if (trusted !== undefined) t.exepath = trusted;
  else if (es.pairedEnter && EVENTS[es.pairedEnter.type]?.name === 'execve' && es.pairedEnter.nparams > 0) {
    const filename = stringParam(es.pairedEnter, 0);
    t.exepath = filename === undefined || filename === '<NA>' ? '<NA>' : joinPath(state.cwdOf(t), filename);
  } else if (es.enter && es.enter.type === EV.EXECVEAT_E) {
    const dirfd = intParam(es.enter, 0);
    const pathname = stringParam(es.enter, 1);
    const atFlags = intParam(es.enter, 2) ?? 0;
    if (atFlags & 1 /* AT_EMPTY_PATH */) {
      const d = dirfd !== undefined ? state.fdOf(t, dirfd) : undefined;
      t.exepath = d ? joinPath('', d.name) : '<NA>';
    } else if (pathname !== undefined) {
      const base = pathname.startsWith('/') ? '' : dirfd === -100 ? state.cwdOf(t) : (() => { const d = dirfd !== undefined ? state.fdOf(t, dirfd) : undefined; return d ? asDirectory(d.name) : undefined; })();
      t.exepath = base === undefined ? '<NA>' : joinPath(base, pathname);
    } else t.exepath = '<NA>';
  }
  const pgid = intParam(ev, 28); if (pgid !== undefined) t.pgid = pgid;
  const gid = uintParam(ev, 29); if (gid !== undefined) t.gid = gid;
  t.lastExecTs = ev.ts;
  t.flags = (t.flags & (PPM_CL_PIPE_SRC | PPM_CL_PIPE_DST | PPM_CL_IS_MAIN_THREAD | PPM_CL_CLONE_INVERTED))
    | PPM_CL_ACTIVE | PPM_CL_NAME_CHANGED | (t.flags & PPM_CL_CLONE_FILES && !t.isMainThread ? PPM_CL_CLONE_FILES : 0);
  state.recomputeContainer(t);
  identifyContainerRole(state, t);
}

function parseProcexit(state: SystemState, ev: CaptureEvent, t: ThreadInfo): void {
  t.flags |= PPM_CL_CLOSED;
  t.exited = true;
  t.exitStatus = intParam(ev, 0) ?? 0;
  state.removeThreadLater(t.tid);
}

function parseContainer(state: SystemState, ev: CaptureEvent, es: EventState): void {
  const b = bytesParam(ev, 0);
  if (!b) return;
  const info = parseContainerJsonParam(b);
  if (!info) return;
  // The latest record wins (a capture may carry an 'incomplete' record before the real one).
  state.containers.set(info.id, info);
  es.thread = state.containerThread(info.id);
}

function parseOldContainer(state: SystemState, ev: CaptureEvent, es: EventState): void {
  const id = stringParam(ev, 0);
  if (!id) return;
  state.containers.set(id, {
    id, fullId: '', type: intParam(ev, 1) ?? 0, name: stringParam(ev, 2) ?? '', image: stringParam(ev, 3) ?? '',
    imageId: '', imageRepo: '', imageTag: '', imageDigest: '', privileged: undefined, ip: '', labels: {}, mounts: [], lookupSuccessful: true,
  });
  es.thread = state.containerThread(id);
}

function parseAsync(state: SystemState, ev: CaptureEvent, es: EventState): void {
  const name = stringParam(ev, 1);
  const b = bytesParam(ev, 2);
  if (!name || !b) return;
  if (name === 'container') {
    const info = parseContainerJsonParam(b);
    if (info) { state.containers.set(info.id, info); es.thread = state.containerThread(info.id); }
  } else if (name === 'container_removed') {
    const info = parseContainerJson(decodeUtf8(b));
    if (info) state.containers.delete(info.id);
  }
}

function parseUserEvent(state: SystemState, ev: CaptureEvent): void {
  switch (ev.type) {
    case EV.USERADDED:
      state.users.addUser({
        uid: uintParam(ev, 0) ?? 0, gid: uintParam(ev, 1) ?? 0, name: stringParam(ev, 2) ?? '', home: stringParam(ev, 3) ?? '',
        shell: stringParam(ev, 4) ?? '', container: stringParam(ev, 5) ?? '',
      });
      return;
    case EV.USERDELETED: state.users.removeUser(uintParam(ev, 0) ?? 0, stringParam(ev, 5) ?? ''); return;
    case EV.GROUPADDED: state.users.addGroup({ gid: uintParam(ev, 0) ?? 0, name: stringParam(ev, 1) ?? '', container: stringParam(ev, 2) ?? '' }); return;
    case EV.GROUPDELETED: state.users.removeGroup(uintParam(ev, 0) ?? 0, stringParam(ev, 2) ?? ''); return;
  }
}

