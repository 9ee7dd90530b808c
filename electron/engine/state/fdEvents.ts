/**
 * Events that create, change or destroy file descriptors (sinsp-state.md §5).
 *
 * Old captures carry the interesting arguments in the enter event and only the result in the
 * exit; newest layouts carry everything in the exit. `arg()` reads the exit parameter and falls
 * back to the paired enter event, so one handler serves both.
 */
import type { CaptureEvent } from '../capture/types';
import { OWN_FD, UNCHANGED, type StateChange } from './stateChange';
import { EV } from './eventIds';
import { FdInfo, FdType, L4, Role, O_CLOEXEC, O_DIRECTORY } from './fdInfo';
import { bytesParam, intParam, stringParam, u64Param, type ParamSource } from './eventParams';
import { joinPath } from './pathJoin';
import { completeEndpoints } from './network';
import { AF_INET, AF_INET6, AF_UNIX, parseSockAddr, parseSockTuple, sockAddrText, tupleText, type SockTuple } from './socketAddress';
import type { EventState, SystemState } from './systemState';
import type { ThreadInfo } from './threadInfo';

const AT_FDCWD = -100;
const NETLINK = 16;

/** Integer argument: exit parameter `exitIdx`, else parameter `enterIdx` of the paired enter event. */
function intArg(ev: CaptureEvent, es: EventState, exitIdx: number, enterIdx: number): number | undefined {
  const v = exitIdx >= 0 ? intParam(ev, exitIdx) : undefined;
  if (v !== undefined) return v;
  return es.enter && enterIdx >= 0 ? intParam(es.enter, enterIdx) : undefined;
}

function source(ev: CaptureEvent, es: EventState, exitIdx: number, enterIdx: number): [ParamSource, number] | undefined {
  if (exitIdx >= 0 && exitIdx < ev.nparams && ev.paramLength[exitIdx] > 0) return [ev, exitIdx];
  if (es.enter && enterIdx >= 0 && enterIdx < es.enter.nparams && es.enter.paramLength[enterIdx] > 0) return [es.enter, enterIdx];
  return undefined;
}

/** A parser of the events below: what it changed (see stateChange.ts). */
type FdParser = (state: SystemState, ev: CaptureEvent, es: EventState, t: ThreadInfo) => StateChange;

/**
 * The parser of each event id, looked up by id: a switch over the ids compared them one by one,
 * some 40 comparisons for every event no parser here handles (most of them), about 20 ns each.
 */
const FD_PARSERS: Array<FdParser | undefined> = [];
function on(types: readonly number[], parser: FdParser): void {
  for (const type of types) FD_PARSERS[type] = parser;
}

// These change the event's own fd entry at most, or make new ones.
on([EV.OPEN_X, EV.CREAT_X, EV.OPENAT_X, EV.OPENAT2_X, EV.OPEN_BY_HANDLE_AT_X], (state, ev, es, t) => { parseOpen(state, ev, es, t); return OWN_FD; });
on([EV.SOCKET_X], (state, ev, es, t) => { parseSocket(state, ev, es, t); return OWN_FD; });
on([EV.BIND_X], (_state, ev, es) => { parseBind(ev, es); return OWN_FD; });
on([EV.CONNECT_X], (state, ev, es, t) => { parseConnect(state, ev, es, t); return OWN_FD; });
on([EV.ACCEPT_X, EV.ACCEPT4_X], (state, ev, es, t) => { parseAccept(state, ev, es, t); return OWN_FD; });
on([EV.PIPE_X, EV.PIPE2_X], (state, ev, es, t) => { parsePipe(state, ev, es, t); return OWN_FD; });
on([EV.SOCKETPAIR_X], (state, ev, es, t) => parseSocketPair(state, ev, es, t));
on([EV.EVENTFD_X], (state, ev, _es, t) => void simpleFd(state, ev, t, FdType.Event, -1));
on([EV.EVENTFD2_X], (state, ev, _es, t) => void simpleFd(state, ev, t, FdType.Event, 1));
on([EV.SIGNALFD_X], (state, ev, _es, t) => void simpleFd(state, ev, t, FdType.SignalFd, -1));
on([EV.SIGNALFD4_X], (state, ev, _es, t) => void simpleFd(state, ev, t, FdType.SignalFd, 1));
on([EV.TIMERFD_CREATE_X], (state, ev, _es, t) => void simpleFd(state, ev, t, FdType.TimerFd, -1));
on([EV.INOTIFY_INIT_X], (state, ev, _es, t) => void simpleFd(state, ev, t, FdType.Inotify, -1));
on([EV.INOTIFY_INIT1_X], (state, ev, _es, t) => void simpleFd(state, ev, t, FdType.Inotify, 1));
on([EV.EPOLL_CREATE_X], (state, ev, _es, t) => void simpleFd(state, ev, t, FdType.EventPoll, -1));
on([EV.EPOLL_CREATE1_X], (state, ev, es, t) => {
  const fd = simpleFd(state, ev, t, FdType.EventPoll, -1);
  const flags = intArg(ev, es, 1, 0) ?? 0;
  if (fd && (flags & 1)) fd.openFlags |= O_CLOEXEC; // EPOLL_CLOEXEC in the PPM table is bit 0
});
on([EV.BPF_X], (state, ev, _es, t) => void simpleFd(state, ev, t, FdType.Bpf, -1));
on([EV.USERFAULTFD_X], (state, ev, _es, t) => void simpleFd(state, ev, t, FdType.UserFaultFd, -1));
on([EV.IO_URING_SETUP_X], (state, ev, _es, t) => void simpleFd(state, ev, t, FdType.IoUring, -1));
on([EV.MEMFD_CREATE_X], (state, ev, _es, t) => {
  const fd = simpleFd(state, ev, t, FdType.MemFd, 2);
  if (fd) fd.name = stringParam(ev, 1) ?? '';
});
on([EV.PIDFD_OPEN_X], (state, ev, _es, t) => {
  const fd = simpleFd(state, ev, t, FdType.PidFd, 2);
  const pid = intParam(ev, 1);
  if (fd && pid !== undefined) { fd.pid = pid; fd.name = `/proc/${pid}`; }
});
on([EV.PIDFD_GETFD_X], (state, ev, _es, t) => parsePidfdGetfd(state, ev, t));
on([EV.DUP_X, EV.DUP2_X, EV.DUP3_X], (state, ev, es, t) => parseDup(state, ev, es, t));
on([EV.FCNTL_X], (state, ev, es, t) => parseFcntl(state, ev, es, t));
// The entry is removed after the event (SystemState.applyDeferredRemovals): no entry changes.
on([EV.CLOSE_X], (state, ev, es, t) => { parseClose(state, ev, es, t); return UNCHANGED; });
on([EV.CLOSE_RANGE_X], (state, ev, _es, t) => parseCloseRange(state, ev, t));
on([EV.RECVFROM_X], (state, ev, es, t) => updateTuple(state, ev, es, t, 2, true));
on([EV.RECVMSG_X], (state, ev, es, t) => updateTuple(state, ev, es, t, 3, true));
on([EV.RECV_X], (state, ev, es, t) => updateTuple(state, ev, es, t, 4, true));
on([EV.SENDTO_X], (state, ev, es, t) => updateTuple(state, ev, es, t, 4, false));
on([EV.SENDMSG_X], (state, ev, es, t) => updateTuple(state, ev, es, t, 4, false));

export function parseFdEvent(state: SystemState, ev: CaptureEvent, es: EventState): StateChange {
  const t = es.thread;
  if (!t) return UNCHANGED;
  const type = ev.type;
  const parser = type < FD_PARSERS.length ? FD_PARSERS[type] : undefined;
  if (parser === undefined) return UNCHANGED;
  current = es;
  return parser(state, ev, es, t);
}

/** The directory an openat-style relative name is resolved against (§5.1 parse_dirfd). */
function dirOf(state: SystemState, t: ThreadInfo, name: string, dirfd: number | undefined): string {
  if (name.startsWith('/')) return '.';
  if (dirfd === undefined || dirfd === AT_FDCWD) return state.cwdOf(t);
  const d = state.fdOf(t, dirfd);
  if (!d) return '<UNKNOWN>';
  return d.name === '' || d.name.endsWith('/') ? d.name : d.name + '/';
}

/** The absolute path an open-family exit event names, used also when the open failed (§8.2). */
export function openedPath(state: SystemState, ev: CaptureEvent, es: EventState, t: ThreadInfo): string | undefined {
  let name: string | undefined;
  let dirfd: number | undefined;
  const enter = es.enter;
  switch (ev.type) {
    case EV.OPEN_X: case EV.CREAT_X:
      name = enter && enter.nparams > 0 ? validName(stringParam(enter, 0)) : undefined;
      name ??= stringParam(ev, 1);
      if (name === undefined) return undefined;
      return joinPath(state.cwdOf(t), name);
    case EV.OPENAT_X: case EV.OPENAT2_X:
      if (enter && enter.nparams > 1) {
        name = validName(stringParam(enter, 1));
        if (name !== undefined) dirfd = intParam(enter, 0);
      }
      if (name === undefined) { name = stringParam(ev, 2); dirfd = intParam(ev, 1); }
      if (name === undefined) return undefined;
      return joinPath(dirOf(state, t, name, dirfd), name);
    case EV.OPEN_BY_HANDLE_AT_X:
      name = stringParam(ev, 3);
      return name === undefined ? undefined : joinPath('', name);
    default:
      return undefined;
  }
}

function validName(n: string | undefined): string | undefined {
  return n === undefined || n === '<NA>' || n === '(NULL)' ? undefined : n;
}

function parseOpen(state: SystemState, ev: CaptureEvent, es: EventState, t: ThreadInfo): void {
  const fdNum = intParam(ev, 0);
  if (fdNum === undefined) return;
  es.fdNum = fdNum;
  if (fdNum < 0) return;
  const path = openedPath(state, ev, es, t);
  let flags = 0, dev = 0, ino = 0n, nameRaw = '';
  switch (ev.type) {
    case EV.OPEN_X: flags = intParam(ev, 2) ?? 0; dev = intParam(ev, 4) ?? 0; ino = u64Param(ev, 5) ?? 0n; nameRaw = stringParam(ev, 1) ?? ''; break;
    case EV.CREAT_X: {
      const cf = intParam(ev, 5) ?? 0;
      flags = (cf & 1 ? 0x8000 : 0) | (cf & 2 ? 0x10000 : 0);
      dev = intParam(ev, 3) ?? 0; ino = u64Param(ev, 4) ?? 0n; nameRaw = stringParam(ev, 1) ?? '';
      break;
    }
    case EV.OPENAT_X: flags = intParam(ev, 3) ?? 0; dev = intParam(ev, 5) ?? 0; ino = u64Param(ev, 6) ?? 0n; nameRaw = stringParam(ev, 2) ?? ''; break;
    case EV.OPENAT2_X: flags = intParam(ev, 3) ?? 0; dev = intParam(ev, 6) ?? 0; ino = u64Param(ev, 7) ?? 0n; nameRaw = stringParam(ev, 2) ?? ''; break;
    case EV.OPEN_BY_HANDLE_AT_X: flags = intParam(ev, 2) ?? 0; dev = intParam(ev, 4) ?? 0; ino = u64Param(ev, 5) ?? 0n; nameRaw = stringParam(ev, 3) ?? ''; break;
  }
  const enter = es.enter;
  if (enter && (ev.type === EV.OPEN_X || ev.type === EV.CREAT_X || ev.type === EV.OPENAT_X || ev.type === EV.OPENAT2_X)) {
    const flagIdx = ev.type === EV.OPEN_X || ev.type === EV.CREAT_X ? 1 : 2;
    const ef = ev.type === EV.CREAT_X ? undefined : intParam(enter, flagIdx);
    if (ef !== undefined) flags = ef | (flags & ~0x3fff);
  }
  const fd = new FdInfo();
  fd.type = flags & O_DIRECTORY ? FdType.Directory : FdType.FileV2;
  fd.openFlags = flags;
  fd.dev = dev;
  fd.ino = ino;
  fd.nameRaw = nameRaw;
  fd.name = path ?? nameRaw;
  state.addFdTo(t, fdNum, fd);
  es.fd = fd;
  t.lastEventFd = fdNum;
}

function l4From(domain: number, type: number, proto: number): L4 {
  if (domain !== AF_INET && domain !== AF_INET6) return L4.Unknown;
  const raw = (type & 0xff) === 3;
  switch (proto) {
    case 6: return raw ? L4.Raw : L4.Tcp;
    case 17: return raw ? L4.Raw : L4.Udp;
    case 0: return (type & 0xff) === 1 ? L4.Tcp : (type & 0xff) === 2 ? L4.Udp : raw ? L4.Raw : L4.Unknown;
    case 1: return raw ? L4.Raw : L4.Icmp;
    case 255: return L4.Raw;
    default: return L4.Unknown;
  }
}

function parseSocket(state: SystemState, ev: CaptureEvent, es: EventState, t: ThreadInfo): void {
  const fdNum = intParam(ev, 0);
  if (fdNum === undefined || fdNum < 0) return;
  const domain = intArg(ev, es, 1, 0) ?? 0;
  const type = intArg(ev, es, 2, 1) ?? 0;
  const proto = intArg(ev, es, 3, 2) ?? 0;
  const fd = new FdInfo();
  if (domain === AF_UNIX) fd.type = FdType.UnixSock;
  else if (domain === AF_INET) fd.type = FdType.Ipv4Sock;
  else if (domain === AF_INET6) fd.type = FdType.Ipv6Sock;
  else if (domain === NETLINK) fd.type = FdType.Netlink;
  else fd.type = FdType.Unknown;
  fd.l4proto = l4From(domain, type, proto);
  fd.openFlags = intParam(ev, 4) ?? 0;
  state.addFdTo(t, fdNum, fd);
  es.fdNum = fdNum;
  es.fd = fd;
  t.lastEventFd = fdNum;
}

function parseBind(ev: CaptureEvent, es: EventState): void {
  const fd = es.fd;
  const res = intParam(ev, 0);
  if (!fd || res === undefined || res < 0) return;
  const addr = parseSockAddr(bytesParam(ev, 1));
  if (!addr) return;
  if ((addr.family === AF_INET || addr.family === AF_INET6) && addr.ip) {
    if (addr.port > 0) {
      fd.type = addr.family === AF_INET ? FdType.Ipv4ServSock : FdType.Ipv6ServSock;
      fd.sip = addr.ip;
      fd.sport = addr.port;
      // Bound sockets are servers (server sockets from the process list have no role in 0.29.3).
      fd.role = Role.Server;
    }
    fd.name = sockAddrText(addr);
  } else if (addr.family === AF_UNIX) {
    fd.name = addr.path ?? '';
  }
}

function setFromTuple(fd: FdInfo, tuple: SockTuple): void {
  if (tuple.family === AF_UNIX) {
    fd.type = FdType.UnixSock;
    fd.unixSource = tuple.source;
    fd.unixDest = tuple.dest;
    return;
  }
  fd.type = tuple.family === AF_INET ? FdType.Ipv4Sock : FdType.Ipv6Sock;
  fd.sip = tuple.sip; fd.sport = tuple.sport;
  fd.dip = tuple.dip; fd.dport = tuple.dport;
}

function parseConnect(state: SystemState, ev: CaptureEvent, es: EventState, t: ThreadInfo): void {
  const fd = es.fd;
  if (!fd) return;
  const res = intParam(ev, 0) ?? 0;
  if (res < 0 && res !== -115) return;
  fd.connected = true;
  const tuple = parseSockTuple(bytesParam(ev, 1));
  if (!tuple) {
    const addr = parseSockAddr(es.enter ? bytesParam(es.enter, 1) : bytesParam(ev, 3));
    if (!addr) return;
    if ((addr.family === AF_INET || addr.family === AF_INET6) && addr.ip) {
      fd.type = addr.family === AF_INET ? FdType.Ipv4Sock : FdType.Ipv6Sock;
      fd.dip = addr.ip; fd.dport = addr.port;
      fd.renameFromEndpoints();
    } else fd.name = sockAddrText(addr);
    return;
  }
  if (tuple.family === AF_UNIX) {
    setFromTuple(fd, tuple);
    fd.name = tupleText(tuple);
    if (fd.name.includes('/dev/log')) fd.syslog = true;
  } else {
    const want = tuple.family === AF_INET ? FdType.Ipv4Sock : FdType.Ipv6Sock;
    reinterpretServerSocket(fd, want);
    fd.type = want;
    if (!isSameTuple(fd, tuple)) {
      fd.sip = tuple.sip; fd.sport = tuple.sport;
      if (!fd.dip || fd.dip.length !== tuple.sip!.length || isZeroIp(fd.dip)) fd.dip = tuple.dip;
      if (fd.dport === 0) fd.dport = tuple.dport;
    }
    completeEndpoints(state.interfaces, fd);
    fd.renameFromEndpoints();
  }
  if (fd.role === Role.None) fd.role = Role.Client;
  void t;
}

function parseAccept(state: SystemState, ev: CaptureEvent, es: EventState, t: ThreadInfo): void {
  const fdNum = intParam(ev, 0);
  if (fdNum === undefined || fdNum < 0) return;
  const tuple = parseSockTuple(bytesParam(ev, 1));
  const fd = new FdInfo();
  if (tuple) {
    setFromTuple(fd, tuple);
    fd.l4proto = tuple.family === AF_UNIX ? L4.Unknown : L4.Tcp;
    fd.name = tuple.family === AF_UNIX ? tupleText(tuple) : '';
    if (tuple.family !== AF_UNIX) fd.renameFromEndpoints();
  } else {
    fd.type = FdType.Unknown;
  }
  if (ev.type === EV.ACCEPT4_X && ((intParam(ev, 5) ?? 0) & O_CLOEXEC)) fd.openFlags = O_CLOEXEC;
  fd.role = Role.Server;
  fd.connected = true;
  state.addFdTo(t, fdNum, fd);
  es.fdNum = fdNum;
  es.fd = fd;
  t.lastEventFd = fdNum;
}

function parsePipe(state: SystemState, ev: CaptureEvent, es: EventState, t: ThreadInfo): void {
  const res = intParam(ev, 0);
  if (res === undefined || res < 0) return;
  const ino = u64Param(ev, 3) ?? 0n;
  const flags = ev.type === EV.PIPE2_X ? intArg(ev, es, 4, 0) ?? 0 : 0;
  for (const idx of [1, 2]) {
    const n = intParam(ev, idx);
    if (n === undefined) continue;
    const fd = new FdInfo();
    fd.type = FdType.Fifo;
    fd.ino = ino;
    fd.openFlags = flags;
    state.addFdTo(t, n, fd);
    // The write end is the event's fd afterwards (sysdig 0.29.3's fd.num for pipe).
    es.fd = fd;
    t.lastEventFd = n;
  }
}

function parseSocketPair(state: SystemState, ev: CaptureEvent, es: EventState, t: ThreadInfo): void {
  const res = intParam(ev, 0);
  const a = intParam(ev, 1), b = intParam(ev, 2);
  if (res === undefined || res < 0 || a === undefined || b === undefined || a === b) return;
  const src = u64Param(ev, 3) ?? 0n, dst = u64Param(ev, 4) ?? 0n;
  for (const n of [a, b]) {
    const fd = new FdInfo();
    fd.type = FdType.UnixSock;
    fd.unixSource = src;
    fd.unixDest = dst;
    state.addFdTo(t, n, fd);
    // As for pipe, the second fd is the event's fd afterwards.
    es.fd = fd;
    t.lastEventFd = n;
  }
}

// The event being parsed, for the fd-creating helpers that name it as the event's fd.
let current: EventState | undefined;

/** An fd created by the return value; like sysdig 0.29.3, it becomes the event's fd. */
function simpleFd(state: SystemState, ev: CaptureEvent, t: ThreadInfo, type: FdType, flagsIdx: number): FdInfo | undefined {
  const fdNum = intParam(ev, 0);
  if (fdNum === undefined || fdNum < 0) return undefined;
  const fd = new FdInfo();
  fd.type = type;
  if (flagsIdx >= 0) fd.openFlags = intParam(ev, flagsIdx) ?? 0;
  state.addFdTo(t, fdNum, fd);
  if (current) current.fd = fd;
  t.lastEventFd = fdNum;
  return fd;
}

function parsePidfdGetfd(state: SystemState, ev: CaptureEvent, t: ThreadInfo): void {
  const fdNum = intParam(ev, 0);
  const pidfd = intParam(ev, 1);
  const target = intParam(ev, 2);
  if (fdNum === undefined || fdNum < 0 || pidfd === undefined || target === undefined) return;
  const pfd = state.fdOf(t, pidfd);
  if (!pfd || pfd.type !== FdType.PidFd) return;
  const owner = state.threads.get(pfd.pid);
  const src = owner ? state.fdOf(owner, target) : undefined;
  if (!src) return;
  const copy = src.clone();
  copy.openFlags = (copy.openFlags & ~O_CLOEXEC) | O_CLOEXEC;
  state.addFdTo(t, fdNum, copy);
}

function parseDup(state: SystemState, ev: CaptureEvent, es: EventState, t: ThreadInfo): void {
  const res = intParam(ev, 0);
  if (res === undefined || res < 0) return;
  let old = es.fd;
  if (!old) {
    const oldNum = intParam(ev, 1);
    if (oldNum !== undefined) old = state.fdOf(t, oldNum);
  }
  if (!old) return;
  if (res === 0) t.flags |= 0x400000;
  else if (res === 1) t.flags |= 0x200000;
  const copy = old.clone();
  copy.openFlags &= ~O_CLOEXEC;
  if (ev.type === EV.DUP3_X && ((intParam(ev, 3) ?? 0) & O_CLOEXEC)) copy.openFlags |= O_CLOEXEC;
  state.addFdTo(t, res, copy);
  es.fd = copy;
  t.lastEventFd = res;
}

// PPM fcntl command codes (scap-flags.md fcntl_commands), not the Linux numbers.
const PPM_F_DUPFD = 1, PPM_F_SETFD = 3, PPM_F_DUPFD_CLOEXEC = 26;

function parseFcntl(state: SystemState, ev: CaptureEvent, es: EventState, t: ThreadInfo): StateChange {
  const res = intParam(ev, 0);
  if (res === undefined || res < 0) return UNCHANGED;
  const cmd = intArg(ev, es, 2, 1);
  const fd = es.fd;
  if (!fd || cmd === undefined) return UNCHANGED;
  if (cmd === PPM_F_DUPFD || cmd === PPM_F_DUPFD_CLOEXEC) {
    const copy = fd.clone();
    copy.openFlags &= ~O_CLOEXEC;
    if (cmd === PPM_F_DUPFD_CLOEXEC) copy.openFlags |= O_CLOEXEC;
    state.addFdTo(t, res, copy);
    es.fd = copy;
    t.lastEventFd = res;
    return OWN_FD;
  }
  if (cmd === PPM_F_SETFD) {
    const arg = intParam(ev, 3);
    if (arg === undefined) return UNCHANGED;
    fd.openFlags &= ~O_CLOEXEC;
    if (arg & 1) fd.openFlags |= O_CLOEXEC;
    return OWN_FD;
  }
  return UNCHANGED;
}

function parseClose(state: SystemState, ev: CaptureEvent, es: EventState, t: ThreadInfo): void {
  const res = intParam(ev, 0);
  if (res === undefined || res < 0 || es.fdNum < 0 || !es.fd) return;
  state.removeFdLater(t, es.fdNum);
}

function parseCloseRange(state: SystemState, ev: CaptureEvent, t: ThreadInfo): void {
  const res = intParam(ev, 0);
  const first = intParam(ev, 1), last = intParam(ev, 2), flags = intParam(ev, 3) ?? 0;
  if (res === undefined || res < 0 || first === undefined || last === undefined) return;
  const table = state.fdTableOf(t);
  if (!table) return;
  const lo = first >>> 0, hi = last >>> 0;
  for (const [n, fd] of [...table]) {
    if (n < lo || n > hi) continue;
    if (flags & 4) fd.openFlags |= O_CLOEXEC;
    else table.delete(n);
  }
}

/**
 * Datagram sockets learn their peer from the tuple of recvfrom/sendto-style events (§5.6, with
 * sysdig 0.29.3's rules: the source end is always taken, the destination only when unknown).
 */
function updateTuple(state: SystemState, ev: CaptureEvent, es: EventState, t: ThreadInfo, tupleIdx: number, isRead: boolean): StateChange {
  const fd = es.fd;
  const res = intParam(ev, 0);
  if (!fd || res === undefined || res < 0) return UNCHANGED;
  // Most sends and receives change nothing: saying so spares readers that cache per entry.
  let change: StateChange = UNCHANGED;
  if ((fd.type === FdType.Ipv4Sock || fd.type === FdType.Ipv6Sock) && !fd.connected) { fd.connected = true; change = OWN_FD; }
  if (fd.name !== '' && fd.type === FdType.Ipv4Sock && fd.l4proto === L4.Tcp) return change;
  const tuple = parseSockTuple(bytesParam(ev, tupleIdx));
  if (!tuple) return change;
  if (tuple.family === AF_UNIX) {
    setFromTuple(fd, tuple);
    fd.name = tuple.path;
    if (fd.name.includes('/dev/log')) fd.syslog = true;
    return OWN_FD;
  }
  const want = tuple.family === AF_INET ? FdType.Ipv4Sock : FdType.Ipv6Sock;
  // Reinterpreting a server socket always changes its type too.
  if (fd.type !== want) change = OWN_FD;
  reinterpretServerSocket(fd, want);
  fd.type = want;
  const sameTuple = isSameTuple(fd, tuple);
  if (sameTuple) return change;
  fd.sip = tuple.sip; fd.sport = tuple.sport;
  if (!fd.dip || fd.dip.length !== tuple.sip!.length || isZeroIp(fd.dip)) fd.dip = tuple.dip;
  if (fd.dport === 0) fd.dport = tuple.dport;
  if (fd.l4proto === L4.Unknown) fd.l4proto = L4.Udp;
  completeEndpoints(state.interfaces, fd);
  if (fd.role === Role.None) fd.role = guessRole(state, t, fd, isRead);
  // sinsp stores client → server; the driver's tuple is remote → local for reads.
  if ((isRead && fd.role === Role.Client) || (!isRead && fd.role === Role.Server)) fd.swapEndpoints();
  fd.renameFromEndpoints();
  return OWN_FD;
}

/**
 * sinsp keeps socket endpoints in a C union: turning a server socket into a connected one makes
 * the server fields' bytes read as the connected fields (sysdig 0.29.3 shows the result, e.g. a
 * port and protocol appearing as a destination address). Padding bytes read as 0 here.
 */
function reinterpretServerSocket(fd: FdInfo, want: FdType): void {
  if (fd.type === FdType.Ipv4ServSock && want === FdType.Ipv4Sock) {
    const port = fd.sport, l4 = fd.l4proto;
    fd.sip = fd.sip ?? new Uint8Array(4);
    fd.dip = Uint8Array.of(port & 0xff, port >> 8, l4, 0);
    fd.sport = 0; fd.dport = 0;
  } else if (fd.type === FdType.Ipv6ServSock && want === FdType.Ipv4Sock) {
    const ip = fd.sip && fd.sip.length === 16 ? fd.sip : new Uint8Array(16);
    fd.sip = ip.slice(0, 4); fd.dip = ip.slice(4, 8);
    fd.sport = ip[8] | (ip[9] << 8); fd.dport = ip[10] | (ip[11] << 8);
    fd.l4proto = ip[12] as L4;
  } else if (fd.type === FdType.Ipv6ServSock && want === FdType.Ipv6Sock) {
    const port = fd.sport, l4 = fd.l4proto;
    const dip = new Uint8Array(16);
    dip[0] = port & 0xff; dip[1] = port >> 8; dip[2] = l4;
    fd.dip = dip; fd.sport = 0; fd.dport = 0; fd.l4proto = L4.Unknown;
  }
}

function isSameTuple(fd: FdInfo, tuple: SockTuple): boolean {
  return !!(fd.sip && fd.dip && tuple.sip && tuple.dip
    && ((eq(fd.sip, tuple.sip) && fd.sport === tuple.sport && eq(fd.dip, tuple.dip) && fd.dport === tuple.dport)
      || (eq(fd.sip, tuple.dip) && fd.sport === tuple.dport && eq(fd.dip, tuple.sip) && fd.dport === tuple.sport)));
}

function eq(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function isZeroIp(a: Uint8Array): boolean {
  for (const x of a) if (x !== 0) return false;
  return true;
}

/** sinsp's role guess: server if the process has a server socket on the destination port. */
function guessRole(state: SystemState, t: ThreadInfo, fd: FdInfo, incoming: boolean): Role {
  const table = state.fdTableOf(t);
  let bound = false, usesClientPort = false;
  if (table) for (const other of table.values()) {
    if (other.isServerSocket && other.sport === fd.dport) bound = true;
    if ((other.type === FdType.Ipv4Sock || other.type === FdType.Ipv6Sock) && other !== fd && other.sport === fd.sport) usesClientPort = true;
  }
  if (!bound) return Role.Client;
  if (!usesClientPort) return Role.Server;
  return incoming ? Role.Server : Role.Client;
}
