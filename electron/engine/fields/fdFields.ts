/**
 * `fd.*` fields, with sysdig 0.29.3's rules: only events that create, use or destroy an fd have
 * them; `fd.num` is the thread's last-event fd; when the table has no entry, names come from the
 * event itself (a failed open still names its file).
 */
import { EVENTS, EventFlag, ParamType } from '../../../shared/scap/eventTable';
import { eventLayout, renderArgValue } from '../format/index';
import type { EventContext } from '../inspector/eventContext';
import { FdInfo, FdType, Role } from '../state/fdInfo';
import { intParam, stringParam } from '../state/eventParams';
import { joinPath } from '../state/pathJoin';
import { ipText } from '../state/socketAddress';
import { isLocalAddress } from '../state/network';
import type { ThreadInfo } from '../state/threadInfo';
import { boolField, customField, ipField, noArg, numberField, stringField, type FieldFactory } from './fieldTypes';

const FD_EVENT_FLAGS = EventFlag.CREATES_FD | EventFlag.USES_FD | EventFlag.DESTROYS_FD;

// Events that got their fd flag after sysdig 0.29.3 (mmap, sendmmsg/recvmmsg, the *at family,
// fchmod): they have no fd fields there.
const NOT_FD_EVENTS_029 = new Set([160, 161, 162, 163, 50, 51, 54, 55, 180, 181, 302, 303, 304, 305, 312, 313, 316, 317]);

/** By event id: 1 if sysdig 0.29.3 gives the event fd fields (asked several times per event, so a table). */
const FD_EVENT_TYPES = Uint8Array.from(EVENTS, (info, type) => (((info?.flags ?? 0) & FD_EVENT_FLAGS) !== 0 && !NOT_FD_EVENTS_029.has(type) ? 1 : 0));

export function hasFd(ctx: EventContext): boolean {
  return ctx.es.thread !== undefined && FD_EVENT_TYPES[ctx.ev.type] === 1;
}

/** The event's fd table entry (0.29.3: the event's fd, else the thread's last-event fd). */
export function eventFd(ctx: EventContext): FdInfo | undefined {
  if (!hasFd(ctx)) return undefined;
  if (ctx.es.fd) return ctx.es.fd;
  const t = ctx.es.thread!;
  return t.lastEventFd !== -1 ? ctx.state.fdOf(t, t.lastEventFd) : undefined;
}

// Event ids (file layout) whose creator parameter names the fd when the table has none.
const OPEN_X = 3, CREAT_X = 59, ACCEPT_X = 27, ACCEPT_5_X = 247, ACCEPT4_X = 249, ACCEPT4_5_X = 389, CONNECT_X = 23;
const OPENAT_X = 103, OPENAT_2_X = 307, OPENAT2_X = 327;

/** fd.name of an event without an fd entry (exit events only; '' for most). */
function nameFromEvent(ctx: EventContext): string | undefined {
  const ev = ctx.ev;
  if ((ev.type & 1) === 0) return undefined;
  switch (ev.type) {
    case OPEN_X: case CREAT_X: case ACCEPT_X: case ACCEPT_5_X: case ACCEPT4_X: case ACCEPT4_5_X: case CONNECT_X:
      return ev.nparams > 1 ? renderArgValue(ev, 1, ctx.lookup) : '';
    case OPENAT_X:
      // sysdig 0.29.3 looks for the stored enter event, which it never stores for this old id.
      return undefined;
    case OPENAT_2_X: case OPENAT2_X: {
      const name = stringParam(ev, 2) ?? '';
      return joinPath(dirOf(ctx, name, intParam(ev, 1)), name);
    }
    default:
      return '';
  }
}

/**
 * For readers that cache fd field values (the indexer): the table entry whose state, with the
 * event's thread, decides every fd field of this event, or undefined when the event itself
 * does (no entry: names come from the event's parameters; a failed connect names its target).
 */
export function fdFieldsSource(ctx: EventContext): FdInfo | undefined {
  const fd = eventFd(ctx);
  if (!fd) return undefined;
  if (ctx.ev.type === CONNECT_X && (intParam(ctx.ev, 0) ?? 0) < 0) return undefined;
  return fd;
}

/**
 * For the same readers: with no table entry (fdFieldsSource undefined, not a failed connect),
 * whether the fd fields come from the event's type and thread alone, not from its parameters.
 */
export function fdFieldsFromTypeOnly(ctx: EventContext): boolean {
  const type = ctx.ev.type;
  if ((type & 1) === 0) return true;
  switch (type) {
    case OPEN_X: case CREAT_X: case ACCEPT_X: case ACCEPT_5_X: case ACCEPT4_X: case ACCEPT4_5_X: case CONNECT_X:
    case OPENAT_X: case OPENAT_2_X: case OPENAT2_X:
      return false;
    default:
      return true;
  }
}

/**
 * For the same readers: whether, with no table entry (fdFieldsSource undefined), the event's
 * fd.name is the text of its socket tuple parameter (connects and accepts, nameFromEvent),
 * which is decided by the parameter's bytes alone.
 */
export function fdNameFromSocketTuple(ctx: EventContext): boolean {
  const ev = ctx.ev;
  switch (ev.type) {
    case ACCEPT_X: case ACCEPT_5_X: case ACCEPT4_X: case ACCEPT4_5_X: case CONNECT_X:
      return ev.nparams > 1 && eventLayout(ev.type)?.params[1]?.type === ParamType.SOCKTUPLE;
    default:
      return false;
  }
}

function dirOf(ctx: EventContext, name: string, dirfd: number | undefined): string {
  const t = ctx.es.thread;
  if (name.startsWith('/')) return '';
  if (!t) return '<UNKNOWN>';
  if (dirfd === undefined || dirfd === -100) return ctx.state.cwdOf(t);
  const d = ctx.state.fdOf(t, dirfd);
  if (!d) return '<UNKNOWN>';
  return d.name === '' || d.name.endsWith('/') ? d.name : d.name + '/';
}

// The same fd's name is asked by many fields of an event and by the next events on that fd:
// the last answer is kept (strings are immutable, so an equal input gives an equal output).
let lastRawName = '';
let lastSanitizedName = '';

/** sysdig drops every non-printable byte from names it prints (non-ASCII included). */
function sanitize(s: string): string {
  if (s === lastRawName) return lastSanitizedName;
  // eslint-disable-next-line no-control-regex
  const clean = /[^\x20-\x7e]/.test(s) ? s.replace(/[^\x20-\x7e]/g, '') : s;
  lastRawName = s;
  lastSanitizedName = clean;
  return clean;
}

let lastPrefix = '';
let lastPrefixed = '';
let lastPrefixedText = ':';

/** `<container id>:<text>` (fd.containername, fd.containerdirectory), the last one kept. */
function containerPrefixed(prefix: string, text: string): string {
  if (prefix !== lastPrefix || text !== lastPrefixed) {
    lastPrefix = prefix;
    lastPrefixed = text;
    lastPrefixedText = `${prefix}:${text}`;
  }
  return lastPrefixedText;
}

/** An entry's name as printed, made once per name the entry has (fd fields read it many times). */
function printedName(fd: FdInfo): string {
  if (fd.printedNameOf !== fd.name) {
    fd.printedNameOf = fd.name;
    fd.printedName = sanitize(fd.name);
  }
  return fd.printedName;
}

function fdName(ctx: EventContext): string | undefined {
  if (!hasFd(ctx)) return undefined;
  const fd = fdFieldsSource(ctx);
  return fd ? printedName(fd) : sanitizeOpt(nameFromEvent(ctx));
}

function sanitizeOpt(s: string | undefined): string | undefined {
  return s === undefined ? undefined : sanitize(s);
}

let lastPathForDirectory = '';
let lastDirectory = '/';

function directoryOf(name: string): string {
  if (name === lastPathForDirectory) return lastDirectory;
  const pos = name.lastIndexOf('/');
  lastPathForDirectory = name;
  lastDirectory = pos > 0 ? (pos < name.length - 1 ? name.slice(0, pos) : name) : '/';
  return lastDirectory;
}

let lastPathForFilename = '';
let lastFilename = '/';

function filenameOf(name: string): string {
  if (name === lastPathForFilename) return lastFilename;
  const pos = name.lastIndexOf('/');
  lastPathForFilename = name;
  lastFilename = pos < 0 ? '/' : pos < name.length - 1 ? name.slice(pos + 1) : name;
  return lastFilename;
}

function directory(ctx: EventContext): string | undefined {
  if (!hasFd(ctx)) return undefined;
  const fd = eventFd(ctx);
  if (!fd) {
    const n = nameFromEvent(ctx);
    return n === undefined ? undefined : directoryOf(sanitize(n));
  }
  if (fd.type === FdType.Directory) return printedName(fd);
  if (fd.type !== FdType.File && fd.type !== FdType.FileV2) return undefined;
  return directoryOf(printedName(fd));
}

/**
 * Whether fd.directory and fd.filename read the entry's own name (files and directories) even
 * where fd.name comes from the event (a failed connect): for readers that cache fd field values.
 */
export function entryNamesPath(fd: FdInfo): boolean {
  return fd.type === FdType.File || fd.type === FdType.FileV2 || fd.type === FdType.Directory;
}

function filename(ctx: EventContext): string | undefined {
  const fd = eventFd(ctx);
  if (!fd || (fd.type !== FdType.File && fd.type !== FdType.FileV2)) return undefined;
  return filenameOf(printedName(fd));
}

/** fd.typechar when the table has no entry: guessed from the syscall, as sysdig does. */
const TYPECHAR_BY_ENTER: Record<number, string> = {
  2: 'f', 102: 'f', 306: 'f', 326: 'f', 58: 'f',
  18: '4', 26: '4', 246: '4', 56: '4', 248: '4', 388: '4',
  60: 'p', 62: 'e', 126: 's', 136: 't', 138: 'i',
};

function typeChar(ctx: EventContext): string | undefined {
  if (!hasFd(ctx)) return undefined;
  const fd = eventFd(ctx);
  if (fd) return fd.typeChar;
  return TYPECHAR_BY_ENTER[ctx.ev.type & ~1] ?? 'o';
}

function isLocal(ctx: EventContext, ip: Uint8Array | undefined): boolean {
  return isLocalAddress(ctx.state.interfaces, ctx.state.containers, ctx.es.thread?.containerId ?? '', ip);
}

/**
 * What the fd fields of an IP socket read of the interface and container tables: whether its
 * local end is a local address (bit 0: fd.lip, fd.rip and their ports) and whether its remote
 * end, or the unspecified address in its place, is one (bit 1: fd.is_server). For readers that
 * cache fd field values.
 */
export function socketEndsLocal(ctx: EventContext, fd: FdInfo): number {
  return (isLocal(ctx, fd.sip) ? 1 : 0) | (isLocal(ctx, remoteEnd(fd)) ? 2 : 0);
}

function connectedSocket(ctx: EventContext): FdInfo | undefined {
  const fd = eventFd(ctx);
  if (!fd || fd.role === Role.None) return undefined;
  return fd.type === FdType.Ipv4Sock || fd.type === FdType.Ipv6Sock ? fd : undefined;
}

function clientIp(ctx: EventContext): Uint8Array | undefined {
  return connectedSocket(ctx)?.sip;
}
function serverIp(ctx: EventContext): Uint8Array | undefined {
  const fd = eventFd(ctx);
  if (!fd || fd.role === Role.None) return undefined;
  if (fd.isServerSocket) return fd.sip;
  return connectedSocket(ctx)?.dip;
}
function localIp(ctx: EventContext, local: boolean): Uint8Array | undefined {
  const fd = connectedSocket(ctx);
  if (!fd) return undefined;
  return isLocal(ctx, fd.sip) === local ? fd.sip : fd.dip;
}
function localPort(ctx: EventContext, local: boolean): number | undefined {
  const fd = connectedSocket(ctx);
  if (!fd) return undefined;
  return isLocal(ctx, fd.sip) === local ? fd.sport : fd.dport;
}

function containerPrefix(t: ThreadInfo | undefined): string {
  return t?.containerId ?? '';
}

const s = (f: (c: EventContext) => string | undefined): FieldFactory => noArg(() => stringField(f));

/** An fd the event created had no name before it (sysdig 0.29.3: true after a named open/accept). */
function nameChanged(c: EventContext): boolean | undefined {
  const fd = eventFd(c);
  if (!fd) return undefined;
  let before = c.es.fdNameBefore;
  if (before === undefined && (c.ev.type & 1) === 1 && ((EVENTS[c.ev.type]?.flags ?? 0) & EventFlag.CREATES_FD)) before = '';
  return before !== undefined && before !== fd.name;
}

export const FD_FIELDS: Record<string, FieldFactory> = {
  'fd.num': noArg(() => numberField('INT64', (c) => (hasFd(c) ? c.es.thread!.lastEventFd : undefined))),
  'fd.type': s((c) => eventFd(c)?.typeName),
  'fd.typechar': s(typeChar),
  'fd.name': s(fdName),
  'fd.directory': s(directory),
  'fd.filename': s(filename),
  'fd.containername': s((c) => { const n = fdName(c); return n === undefined ? undefined : containerPrefixed(containerPrefix(c.es.thread), n); }),
  'fd.containerdirectory': s((c) => { const d = directory(c); return d === undefined ? undefined : containerPrefixed(containerPrefix(c.es.thread), d); }),
  'fd.cip': noArg(() => ipField(clientIp, ipText)),
  'fd.sip': noArg(() => ipField(serverIp, ipText)),
  'fd.lip': noArg(() => ipField((c) => localIp(c, true), ipText)),
  'fd.rip': noArg(() => ipField((c) => localIp(c, false), ipText)),
  'fd.cport': noArg(() => numberField('PORT', (c) => {
    const fd = eventFd(c);
    if (!fd || fd.role === Role.None) return undefined;
    // sysdig 0.29.3 reads a port out of an empty string for non-IP sockets with a role: 0.
    if (fd.type !== FdType.Ipv4Sock && fd.type !== FdType.Ipv6Sock) return 0;
    return fd.sport;
  })),
  'fd.sport': noArg(() => numberField('PORT', (c) => {
    const fd = eventFd(c);
    if (!fd) return undefined;
    if (fd.isServerSocket) return fd.sport;
    return connectedSocket(c)?.dport;
  })),
  // The *proto fields print the port as text (sysdig 0.29.3 resolves no service names offline).
  'fd.cproto': s((c) => {
    const fd = eventFd(c);
    if (!fd || fd.role === Role.None) return undefined;
    return fd.type === FdType.Ipv4Sock || fd.type === FdType.Ipv6Sock ? String(fd.sport) : '';
  }),
  'fd.sproto': s((c) => {
    const fd = eventFd(c);
    if (!fd) return undefined;
    if (fd.isServerSocket) return '';
    const sock = connectedSocket(c);
    return sock ? String(sock.dport) : undefined;
  }),
  'fd.lproto': s((c) => { const p = localPort(c, true); return p === undefined ? undefined : String(p); }),
  'fd.rproto': s((c) => { const p = localPort(c, false); return p === undefined ? undefined : String(p); }),
  'fd.lport': noArg(() => numberField('PORT', (c) => localPort(c, true))),
  'fd.rport': noArg(() => numberField('PORT', (c) => localPort(c, false))),
  'fd.l4proto': s((c) => eventFd(c)?.l4Name),
  'fd.sockfamily': s((c) => { const fd = eventFd(c); return !fd ? undefined : fd.isIp ? 'ip' : fd.type === FdType.UnixSock ? 'unix' : undefined; }),
  'fd.is_server': noArg(() => boolField((c) => {
    const fd = eventFd(c);
    if (!fd) return undefined;
    if (fd.isServerSocket) return true;
    if (fd.type === FdType.Ipv4Sock || fd.type === FdType.Ipv6Sock) return isLocal(c, remoteEnd(fd));
    return false;
  })),
  'fd.connected': noArg(() => boolField((c) => eventFd(c)?.connected)),
  'fd.name_changed': noArg(() => boolField(nameChanged)),
  'fd.uid': s((c) => (hasFd(c) ? `${c.es.thread!.tid}${c.es.thread!.lastEventFd}` : undefined)),
  // sysdig 0.29.3 prints the device number in upper-case hex and compares it as a number.
  'fd.dev': noArg(() => customField('INT32', (c) => eventFd(c)?.dev, (c) => {
    const d = eventFd(c)?.dev;
    return d === undefined ? undefined : (d >>> 0).toString(16).toUpperCase();
  })),
  // The driver records the device number in the kernel's user-space encoding (new_encode_dev).
  'fd.dev.major': noArg(() => numberField('INT32', (c) => { const d = eventFd(c)?.dev; return d === undefined ? undefined : (d & 0xfff00) >>> 8; })),
  'fd.dev.minor': noArg(() => numberField('INT32', (c) => { const d = eventFd(c)?.dev; return d === undefined ? undefined : (d & 0xff) | ((d >>> 12) & 0xfff00); })),
  'fd.ino': noArg(() => numberField('INT64', (c) => eventFd(c)?.ino)),
  // Filter-only matches on either end of a connection.
  'fd.ip': noArg(() => customField('IPADDR', (c) => bothEnds(c), () => undefined, 'either')),
  'fd.port': noArg(() => customField('PORT', (c) => { const fd = eventFd(c); if (!fd || !fd.isIp) return undefined; return fd.isServerSocket ? [fd.sport] : [fd.sport, fd.dport]; }, () => undefined, 'either')),
  'fd.net': noArg(() => customField('IPNET', (c) => bothEnds(c), () => undefined, 'either')),
  'fd.cnet': noArg(() => customField('IPNET', clientIp, () => undefined)),
  'fd.snet': noArg(() => customField('IPNET', serverIp, () => undefined)),
  'fd.lnet': noArg(() => customField('IPNET', (c) => localIp(c, true), () => undefined)),
  'fd.rnet': noArg(() => customField('IPNET', (c) => localIp(c, false), () => undefined)),
};

const UNSPECIFIED_V4 = new Uint8Array(4), UNSPECIFIED_V6 = new Uint8Array(16);

/** A client socket's remote end as fd.is_server reads it: the unspecified address of its family until known. */
function remoteEnd(fd: FdInfo): Uint8Array {
  return fd.dip ?? (fd.type === FdType.Ipv4Sock ? UNSPECIFIED_V4 : UNSPECIFIED_V6);
}

/**
 * fd.ip / fd.net: both ends of an IP socket. An end not known yet (a socket before bind or
 * connect) is the unspecified address of the socket's family, as its port is 0 for fd.port:
 * sysdig's fd table holds zeros there and `fd.ip=0.0.0.0` matches the socket.
 */
function bothEnds(ctx: EventContext): Uint8Array[] | undefined {
  const fd = eventFd(ctx);
  if (!fd || !fd.isIp) return undefined;
  const unspecified = fd.type === FdType.Ipv4Sock || fd.type === FdType.Ipv4ServSock ? UNSPECIFIED_V4 : UNSPECIFIED_V6;
  const sip = fd.sip ?? unspecified;
  return fd.isServerSocket ? [sip] : [sip, fd.dip ?? unspecified];
}
