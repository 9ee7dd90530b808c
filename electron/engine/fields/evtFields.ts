/** `evt.*` fields: the event itself (time, type, direction, arguments, result, latency). */
import { EVENTS, EventCategory, EventFlag, ParamType } from '../../../shared/scap/eventTable';
import { errnoName } from '../../../shared/scap/errno';
import { syscallName } from '../../../shared/scap/syscalls';
import { formatDateTime, formatDateTimeSeconds, formatIso8601, formatTime, formatTimeSeconds } from '../../../shared/format/time';
import { formatDurationNice } from '../../../shared/format/duration';
import { eventLayout, paramIndexByName, renderArgValue, renderArgs, renderInfo, renderParam, renderParamParts } from '../format/index';
import { intParam, bytesParam } from '../state/eventParams';
import { resolvePath } from '../format/paths';
import { syscallCategory029 } from './syscallCategories029';
import { FdType } from '../state/fdInfo';
import type { EventContext } from '../inspector/eventContext';
import { boolField, customField, noArg, numberField, parseIndex, stringField, type FieldFactory, type FieldGetter } from './fieldTypes';

const NS = 1_000_000_000n;

export function eventName(ctx: EventContext): string {
  const ev = ctx.ev;
  // The generic syscall event is named after the syscall it stands for (parameter ID).
  if ((ev.type === 0 || ev.type === 1) && ev.nparams > 0 && ev.paramLength[0] === 2) {
    const code = ev.data[ev.paramOffset[0]] | (ev.data[ev.paramOffset[0] + 1] << 8);
    // sysdig 0.29.3 names these from its syscall table: its ppm_sc name for 300 ('newfsstat',
    // shown in the ID parameter) is a typo that evt.type does not have.
    const name = code === 300 ? 'newfstatat' : syscallName(code, 'sysdig-0.29');
    return name === undefined || name === 'unknown' ? '<unknown>' : name;
  }
  return eventLayout(ev.type)?.name ?? EVENTS[ev.type]?.name ?? 'NA';
}

/** Event kinds below this are event ids; generic syscall events take the kinds from it on. */
const GENERIC_KINDS = 1024;
/** Kinds eventKind hands out are below this (generic syscall codes up to 1023). */
export const EVENT_KIND_COUNT = GENERIC_KINDS + 2 * 1024;

/**
 * A small number that events share when evt.type, evt.dir, evt.is_io_read and evt.is_io_write
 * are the same for them (what those fields read: the event id, and a generic event's syscall
 * code), so that a reader can decide what those fields imply once per kind. -1 when the event
 * is outside the kinds counted (it must then be decided on its own).
 */
export function eventKind(ctx: EventContext): number {
  const ev = ctx.ev;
  if ((ev.type === 0 || ev.type === 1) && ev.nparams > 0 && ev.paramLength[0] === 2) {
    const code = ev.data[ev.paramOffset[0]] | (ev.data[ev.paramOffset[0] + 1] << 8);
    return code < 1024 ? GENERIC_KINDS + code * 2 + ev.type : -1;
  }
  return ev.type < GENERIC_KINDS ? ev.type : -1;
}

function isEnter(ctx: EventContext): boolean {
  return (ctx.ev.type & 1) === 0;
}

/** The first position of a parameter called `name` in an event id's shown layout (-1: none). */
function firstParamNamed(type: number, name: string): number {
  const layout = eventLayout(type);
  return layout ? layout.params.findIndex((p) => p.name === name) : -1;
}

// By event id, where its result parameter sits in the shown layout (asked for nearly every
// event, so found once per id): -1 none, UNKNOWN_POSITION not yet looked up.
const UNKNOWN_POSITION = -2;
const RESULT_POSITION_IDS = 1024;
const resultPosition = new Int16Array(RESULT_POSITION_IDS).fill(UNKNOWN_POSITION);
const fdResultPosition = new Int16Array(RESULT_POSITION_IDS).fill(UNKNOWN_POSITION);

function resultPositionOf(type: number): number {
  let p = resultPosition[type];
  if (p === UNKNOWN_POSITION) {
    p = resultPosition[type] = firstParamNamed(type, 'res');
    const info = EVENTS[type];
    fdResultPosition[type] = info && (info.flags & EventFlag.CREATES_FD) && (type & 1) === 1 ? firstParamNamed(type, 'fd') : -1;
  }
  return p;
}

/** Index of the result parameter (`res`, or `fd` for fd-creating exits) in the shown layout, or -1. */
function resultParam(ctx: EventContext): number {
  const ev = ctx.ev;
  if (ev.type >= RESULT_POSITION_IDS) {
    const res = paramIndexByName(ev, 'res');
    if (res >= 0) return res;
    const info = EVENTS[ev.type];
    if (info && (info.flags & EventFlag.CREATES_FD) && !isEnter(ctx)) return paramIndexByName(ev, 'fd');
    return -1;
  }
  // A position past the event's own parameters is no position (as paramIndexByName counts).
  const res = resultPositionOf(ev.type);
  if (res >= 0 && res < ev.nparams) return res;
  const fd = fdResultPosition[ev.type];
  return fd >= 0 && fd < ev.nparams ? fd : -1;
}

function rawResult(ctx: EventContext): number | undefined {
  const i = resultParam(ctx);
  return i < 0 ? undefined : intParam(ctx.ev, i);
}

const CATEGORY_NAMES: Record<number, string> = {
  0: 'unknown', 1: 'other', 2: 'file', 3: 'net', 4: 'IPC', 5: 'memory', 6: 'process', 7: 'sleep', 8: 'system',
  9: 'signal', 10: 'user', 11: 'time', 12: 'processing',
};

/** The category bits sysdig 0.29.3 uses: a generic event's come from its syscall code. */
function categoryBits(ctx: EventContext): number {
  const ev = ctx.ev;
  if ((ev.type === 0 || ev.type === 1) && ev.nparams > 0 && ev.paramLength[0] === 2) {
    return syscallCategory029(ev.data[ev.paramOffset[0]] | (ev.data[ev.paramOffset[0] + 1] << 8));
  }
  return EVENTS[ev.type]?.category ?? 0;
}

function category(ctx: EventContext): string {
  const c = categoryBits(ctx);
  if (c & EventCategory.INTERNAL) return 'internal';
  if (c & EventCategory.SCHEDULER) return 'scheduler';
  if (c & EventCategory.WAIT) return 'wait';
  const low = c & 0x3f;
  if (low >= EventCategory.IO_READ && low <= EventCategory.IO_OTHER) {
    const fd = ctx.es.fd;
    if (!fd) return 'unknown';
    if (fd.type === FdType.File || fd.type === FdType.FileV2 || fd.type === FdType.Directory) return 'file';
    if (fd.isIp) return 'net';
    if (fd.type === FdType.UnixSock || fd.type === FdType.Fifo || fd.type === FdType.Event || fd.type === FdType.SignalFd || fd.type === FdType.Inotify) return 'ipc';
    return 'unknown';
  }
  return CATEGORY_NAMES[low] ?? 'unknown';
}

// sendmmsg/recvmmsg were not I/O events in sysdig 0.29.3.
const NOT_IO_029 = new Set([50, 51, 54, 55]);

function ioFlags(ctx: EventContext): number {
  if (NOT_IO_029.has(ctx.ev.type)) return 0;
  return (EVENTS[ctx.ev.type]?.flags ?? 0) & (EventFlag.READS_FROM_FD | EventFlag.WRITES_TO_FD);
}

/** The thread's latency as sysdig 0.29.3 keeps it (0 after an enter event, kept by switch). */
/** Time since the previous shown event, unsigned as sysdig computes it (a step back wraps). */
function deltaNs(ctx: EventContext): bigint {
  return ctx.prevTs < 0n ? 0n : BigInt.asUintN(64, ctx.ev.ts - ctx.prevTs);
}

function latency(ctx: EventContext): bigint {
  return ctx.es.latencyNs;
}

/** evt.arg[N] / evt.arg.NAME: the parameter index, resolved per event (layouts differ by id). */
function argGetter(arg: string, resolved: boolean): FieldGetter {
  const index = parseIndex(arg);
  const find = (ctx: EventContext): number => {
    if (index !== undefined) return index < ctx.ev.nparams && eventLayout(ctx.ev.type) && index < (eventLayout(ctx.ev.type)?.params.length ?? 0) ? index : -1;
    return paramIndexByName(ctx.ev, arg);
  };
  const text = (ctx: EventContext): string | undefined => {
    const i = find(ctx);
    if (i < 0) return undefined;
    // The generic syscall's ID resolves to the same name evt.type shows ('<unknown>' for 0).
    if (resolved && i === 0 && (ctx.ev.type === 0 || ctx.ev.type === 1)) return eventName(ctx);
    return resolved ? renderArgValue(ctx.ev, i, ctx.lookup) : renderParam(ctx.ev, i, ctx.lookup);
  };
  return stringField(text);
}

// By event id, where its `data` parameter sits in the shown layout (asked for every network
// read and write the overview counts, so found once per id, as the result's position is).
const dataPosition = new Int16Array(RESULT_POSITION_IDS).fill(UNKNOWN_POSITION);

/** Index of the `data` parameter in the shown layout, or -1 (as paramIndexByName counts). */
function dataParam(ctx: EventContext): number {
  const ev = ctx.ev;
  if (ev.type >= RESULT_POSITION_IDS) return paramIndexByName(ev, 'data');
  let p = dataPosition[ev.type];
  if (p === UNKNOWN_POSITION) p = dataPosition[ev.type] = firstParamNamed(ev.type, 'data');
  return p < ev.nparams ? p : -1;
}

function buffer(ctx: EventContext): Uint8Array | undefined {
  const i = dataParam(ctx);
  return i < 0 ? undefined : bytesParam(ctx.ev, i) ?? new Uint8Array(0);
}

function buflen(ctx: EventContext): number | undefined {
  if (!ctx.es.fd || isEnter(ctx)) return undefined;
  const c = (EVENTS[ctx.ev.type]?.category ?? 0) & 0x3f;
  if (c < EventCategory.IO_READ || c > EventCategory.IO_OTHER) return undefined;
  const r = rawResult(ctx);
  return r !== undefined && r >= 0 ? r : undefined;
}

export const EVT_FIELDS: Record<string, FieldFactory> = {
  'evt.num': noArg(() => numberField('UINT64', (c) => c.num)),
  'evt.time': noArg(() => stringField((c) => formatTime(c.ev.ts))),
  'evt.time.s': noArg(() => stringField((c) => formatTimeSeconds(c.ev.ts))),
  'evt.time.iso8601': noArg(() => stringField((c) => formatIso8601(c.ev.ts))),
  'evt.datetime': noArg(() => stringField((c) => formatDateTime(c.ev.ts))),
  'evt.datetime.s': noArg(() => stringField((c) => formatDateTimeSeconds(c.ev.ts))),
  'evt.outputtime': noArg(() => stringField((c) => formatTime(c.ev.ts))),
  'evt.rawtime': noArg(() => numberField('ABSTIME', (c) => c.ev.ts)),
  'evt.rawtime.s': noArg(() => numberField('ABSTIME', (c) => c.ev.ts / NS)),
  'evt.rawtime.ns': noArg(() => customField('ABSTIME', (c) => c.ev.ts % NS, (c) => String(c.ev.ts % NS).padStart(9, '0'))),
  // sysdig 0.29.3 prints relative times as seconds (when non-zero) then 9 nanosecond digits.
  'evt.reltime': noArg(() => customField('RELTIME', (c) => c.ev.ts - c.firstTs, (c) => {
    const d = c.ev.ts - c.firstTs;
    const s = d / NS;
    return `${s > 0n ? s : ''}${String(d % NS).padStart(9, '0')}`;
  })),
  'evt.reltime.s': noArg(() => numberField('RELTIME', (c) => (c.ev.ts - c.firstTs) / NS)),
  'evt.reltime.ns': noArg(() => customField('RELTIME', (c) => (c.ev.ts - c.firstTs) % NS, (c) => String((c.ev.ts - c.firstTs) % NS).padStart(9, '0'))),
  'evt.latency': noArg(() => numberField('RELTIME', latency)),
  'evt.latency.s': noArg(() => numberField('RELTIME', (c) => latency(c) / NS)),
  'evt.latency.ns': noArg(() => customField('RELTIME', (c) => latency(c) % NS, (c) => String(latency(c) % NS).padStart(9, '0'))),
  // sysdig 0.29.3 keeps the last text it printed: an event without a thread shows it again.
  'evt.latency.human': noArg(() => {
    let last = '';
    return stringField((c) => {
      if (c.internal) return undefined;
      if (c.es.thread) last = formatDurationNice(latency(c));
      return last;
    });
  }),
  'evt.deltatime': noArg(() => numberField('RELTIME', deltaNs)),
  'evt.deltatime.s': noArg(() => numberField('RELTIME', (c) => deltaNs(c) / NS)),
  'evt.deltatime.ns': noArg(() => customField('RELTIME', (c) => deltaNs(c) % NS, (c) => String(deltaNs(c) % NS).padStart(9, '0'))),
  'evt.dir': noArg(() => stringField((c) => (isEnter(c) ? '>' : '<'))),
  'evt.type': noArg(() => stringField(eventName)),
  // sysdig 0.29.3 names every event here but the scheduler switch (procexit, signaldeliver and
  // container included), before the newest libs limited it to syscalls.
  // Neither the scheduler switch nor internal events (procinfo, drop) are syscalls: csysdig's
  // views ('syscall.type exists') leave procinfo out, although `sysdig -p` names it.
  'syscall.type': noArg(() => stringField((c) => ((EVENTS[c.ev.type]?.category ?? 0) & (EventCategory.SCHEDULER | EventCategory.INTERNAL) ? undefined : eventName(c)))),
  'evt.category': noArg(() => stringField(category)),
  // 1 for events of the given id, or of the first id carrying the given name and the id after
  // it (its other direction), else 0. sysdig 0.29.3's -p prints nothing for it; its filters use it.
  'evt.type.is': (arg) => {
    if (arg === undefined || arg === '') return { error: 'evt.type.is needs an event: evt.type.is.open or evt.type.is.2' };
    const byNumber = /^\d+$/.test(arg) ? Number(arg) : undefined;
    const first = byNumber ?? EVENTS.find((e) => e.name === arg)?.id;
    if (first === undefined) return { error: `'${arg}' is not an event name` };
    const second = byNumber === undefined ? first + 1 : -1;
    return numberField('UINT32', (c) => (c.ev.type === first || c.ev.type === second ? 1 : 0));
  },
  'evt.cpu': noArg(() => numberField('INT16', (c) => c.ev.cpu)),
  'evt.args': noArg(() => stringField((c) => renderArgs(c.ev, c.lookup, c.renderOptions))),
  'evt.info': noArg(() => stringField((c) => syslogInfo(c) ?? renderInfo(c.ev, c.lookup, c.renderOptions))),
  'evt.is_syslog': noArg(() => boolField((c) => syslogMessage(c) !== undefined)),
  'syslog.facility': noArg(() => numberField('UINT32', (c) => syslogMessage(c)?.facility)),
  'syslog.facility.str': noArg(() => stringField((c) => { const m = syslogMessage(c); return m ? FACILITIES[m.facility] ?? String(m.facility) : undefined; })),
  'syslog.severity': noArg(() => numberField('UINT32', (c) => syslogMessage(c)?.severity)),
  'syslog.severity.str': noArg(() => stringField((c) => { const m = syslogMessage(c); return m ? SEVERITIES[m.severity] : undefined; })),
  'syslog.message': noArg(() => stringField((c) => syslogMessage(c)?.message)),
  'evt.arg': (arg) => (arg === undefined ? { error: 'evt.arg needs an argument: evt.arg.NAME or evt.arg[N]' } : argGetter(arg, true)),
  'evt.rawarg': (arg) => {
    if (arg === undefined) return { error: 'evt.rawarg needs an argument: evt.rawarg.NAME' };
    // Numbers for numeric parameters; text as recorded (a path not made absolute) for the others.
    const raw = (c: EventContext, i: number): number | string | undefined =>
      isNumericParam(c, i) ? intParam(c.ev, i) : renderParamParts(c.ev, i, c.lookup).raw;
    // Typed as sysdig types it: after the first event in the table with a parameter of that name.
    const declared = EVENTS.find((e) => e.params.some((p) => p.name === arg))?.params.find((p) => p.name === arg);
    if (!declared) return { error: `no event has a parameter named '${arg}'` };
    return customField(TEXT_PARAM_TYPES.has(declared.type) ? 'CHARBUF' : 'INT64', (c) => {
      const i = paramIndexByName(c.ev, arg);
      return i < 0 ? undefined : raw(c, i);
    }, (c) => {
      const i = paramIndexByName(c.ev, arg);
      const v = i < 0 ? undefined : raw(c, i);
      return v === undefined ? undefined : String(v);
    });
  },
  'evt.buffer': noArg(() => customField('BYTEBUF', buffer, (c) => {
    const i = dataParam(c);
    return i < 0 ? undefined : renderArgValue(c.ev, i, c.lookup);
  })),
  'evt.buflen': noArg(() => numberField('UINT64', buflen)),
  'evt.res': noArg(() => stringField((c) => {
    const r = rawResult(c);
    if (r === undefined) return undefined;
    return r >= 0 ? 'SUCCESS' : errnoName(-r) ?? String(r);
  })),
  'evt.rawres': noArg(() => numberField('INT64', rawResult)),
  'evt.failed': noArg(() => boolField((c) => { const r = rawResult(c); return r !== undefined && r < 0; })),
  'evt.is_io': noArg(() => boolField((c) => ioFlags(c) !== 0)),
  'evt.is_io_read': noArg(() => boolField((c) => (ioFlags(c) & EventFlag.READS_FROM_FD) !== 0)),
  'evt.is_io_write': noArg(() => boolField((c) => (ioFlags(c) & EventFlag.WRITES_TO_FD) !== 0)),
  'evt.io_dir': noArg(() => stringField((c) => { const f = ioFlags(c); return f & EventFlag.READS_FROM_FD ? 'read' : f & EventFlag.WRITES_TO_FD ? 'write' : undefined; })),
  'evt.is_wait': noArg(() => boolField((c) => ((EVENTS[c.ev.type]?.flags ?? 0) & EventFlag.WAITS) !== 0)),
  'evt.count': noArg(() => numberField('UINT32', () => 1)),
  // The counters have a value only when they count (1): sysdig's chisels sum them.
  'evt.count.error': noArg(() => numberField('UINT32', errorCount)),
  'evt.count.error.file': noArg(() => numberField('UINT32', (c) => (errorKind(c) === 'file' ? errorCount(c) : undefined))),
  'evt.count.error.net': noArg(() => numberField('UINT32', (c) => (errorKind(c) === 'net' ? errorCount(c) : undefined))),
  'evt.count.error.memory': noArg(() => numberField('UINT32', (c) => (errorKind(c) === 'memory' ? errorCount(c) : undefined))),
  'evt.count.error.other': noArg(() => numberField('UINT32', (c) => (errorKind(c) === 'other' ? errorCount(c) : undefined))),
  'evt.count.exit': noArg(() => numberField('UINT32', (c) => (isEnter(c) ? undefined : 1))),
  // The thread's latency on the exit of a waiting syscall (0 without a thread).
  'evt.wait_latency': noArg(() => numberField('RELTIME', (c) => (!isEnter(c) && ((EVENTS[c.ev.type]?.flags ?? 0) & EventFlag.WAITS) ? (c.es.thread ? latency(c) : 0n) : undefined))),
  // `.src`/`.dst` (newest libs) pick a side of renameat, renameat2 and linkat.
  'evt.abspath': (arg) => {
    if (arg === undefined) return stringField((c) => absolutePath(c, ABSPATH_PARAMS));
    if (arg === 'src' || arg === 'dst') { const table = arg === 'src' ? ABSPATH_SRC : ABSPATH_DST; return stringField((c) => absolutePath(c, table)); }
    return { error: `'${arg}' is not a side: evt.abspath.src or evt.abspath.dst` };
  },
  'evt.is_open_exec': noArg(() => boolField((c) => openFlagTest(c, (f, mode) => (f & (O_CREAT | O_TMPFILE)) !== 0 && (mode & EXEC_BITS) !== 0))),
  // sinsp counts the driver's procinfo samples of a process's main thread only (the view tables' rule too).
  'evt.count.procinfo': noArg(() => numberField('UINT32', (c) => (c.ev.type === 234 && c.es.thread?.isMainThread ? 1 : 0))),
  'evt.hostname': noArg(() => stringField((c) => c.state.machine?.hostname)),
  'evt.is_open_read': noArg(() => boolField((c) => openFlagTest(c, (f) => (f & 3) === 1 || (f & 3) === 3))),
  'evt.is_open_write': noArg(() => boolField((c) => openFlagTest(c, (f) => (f & 3) === 2 || (f & 3) === 3))),
  'evt.is_open_create': noArg(() => boolField((c) => openFlagTest(c, (f) => (f & 0x4000) !== 0))),
};

const OPEN_EXITS = new Set([3, 59, 103, 307, 327, 337]);
const O_CREAT = 4;
const O_TMPFILE = 8192;
const EXEC_BITS = 0o111;

/** Open-family exits: a test on the PPM open flags (and mode) of the new fd. */
function openFlagTest(ctx: EventContext, test: (flags: number, mode: number) => boolean): boolean {
  if (!OPEN_EXITS.has(ctx.ev.type)) return false;
  const i = paramIndexByName(ctx.ev, 'flags');
  const f = i >= 0 ? intParam(ctx.ev, i) : undefined;
  const m = paramIndexByName(ctx.ev, 'mode');
  return f !== undefined && test(f, (m >= 0 ? intParam(ctx.ev, m) : undefined) ?? 0);
}

const TEXT_PARAM_TYPES: ReadonlySet<number> = new Set([ParamType.CHARBUF, ParamType.BYTEBUF, ParamType.FSPATH, ParamType.FSRELPATH,
  ParamType.SOCKADDR, ParamType.SOCKTUPLE, ParamType.FDLIST, ParamType.CHARBUFARRAY, ParamType.CHARBUF_PAIR_ARRAY,
  ParamType.IPV4ADDR, ParamType.IPV6ADDR, ParamType.IPV4NET, ParamType.IPV6NET, ParamType.IPADDR, ParamType.IPNET, ParamType.DYN,
  ParamType.DOUBLE, ParamType.SIGSET]);

/** Whether parameter i of the shown layout is a plain number (not text, addresses or buffers). */
function isNumericParam(ctx: EventContext, i: number): boolean {
  const type = eventLayout(ctx.ev.type)?.params[i]?.type;
  return type !== undefined && !TEXT_PARAM_TYPES.has(type);
}

/** 1 for a failed event (negative result), else no value. */
function errorCount(ctx: EventContext): number | undefined {
  const r = rawResult(ctx);
  return r !== undefined && r < 0 ? 1 : undefined;
}

const FD_OPENING_FILE = new Set([3, 59, 103, 307, 327, 337]);
const FD_OPENING_NET = new Set([23, 27, 57, 247, 249, 389]);

/**
 * Which error counter an event feeds, as sysdig 0.29.3 sorts them: by the event's fd type when
 * it has one, else by syscall (opens are file errors, accept/connect net ones, memory by category).
 */
function errorKind(ctx: EventContext): 'file' | 'net' | 'memory' | 'other' {
  const fd = ctx.es.fd;
  if (fd) {
    if (fd.type === FdType.File || fd.type === FdType.FileV2 || fd.type === FdType.Directory) return 'file';
    if (fd.type === FdType.Ipv4Sock || fd.type === FdType.Ipv6Sock || fd.type === FdType.Ipv4ServSock || fd.type === FdType.Ipv6ServSock || fd.type === FdType.UnixSock) return 'net';
  } else {
    if (FD_OPENING_FILE.has(ctx.ev.type)) return 'file';
    if (FD_OPENING_NET.has(ctx.ev.type)) return 'net';
  }
  return (categoryBits(ctx) & 0x1ff) === EventCategory.MEMORY ? 'memory' : 'other';
}

/** Events whose path sysdig 0.29.3 resolves against a directory fd: [event id, dirfd param, path param]. */
const ABSPATH_PARAMS: ReadonlyMap<number, readonly [string, string]> = new Map([
  [102, ['dirfd', 'name']], [307, ['dirfd', 'name']], [327, ['dirfd', 'name']], [305, ['dirfd', 'path']],
  [181, ['linkdirfd', 'linkpath']], [303, ['dirfd', 'name']],
]);

const ABSPATH_SRC: ReadonlyMap<number, readonly [string, string]> = new Map([
  [177, ['olddirfd', 'oldpath']], [319, ['olddirfd', 'oldpath']], [311, ['olddir', 'oldpath']],
]);
const ABSPATH_DST: ReadonlyMap<number, readonly [string, string]> = new Map([
  [177, ['newdirfd', 'newpath']], [319, ['newdirfd', 'newpath']], [311, ['newdir', 'newpath']],
]);

/** evt.abspath: the path of an *at syscall made absolute from its directory fd. */
function absolutePath(ctx: EventContext, table: ReadonlyMap<number, readonly [string, string]>): string | undefined {
  const names = table.get(ctx.ev.type);
  if (!names || !ctx.es.thread) return undefined;
  const di = paramIndexByName(ctx.ev, names[0]);
  const pi = paramIndexByName(ctx.ev, names[1]);
  if (di < 0 || pi < 0) return undefined;
  const dirfd = intParam(ctx.ev, di);
  let path = bytesParam(ctx.ev, pi) ?? new Uint8Array(0);
  if (path.length > 0 && path[path.length - 1] === 0) path = path.subarray(0, path.length - 1);
  if (path.length > 0 && path[0] === 0x2f) return path.length === 1 ? '/' : resolvePath('/', path.subarray(1), path.length - 1);
  let dir: string;
  if (dirfd === AT_FDCWD) dir = ctx.lookup.cwd();
  else {
    const fd = dirfd === undefined ? undefined : ctx.lookup.fd(dirfd);
    dir = fd ? `${fd.name}/` : '<UNKNOWN>/';
  }
  return resolvePath(dir, path, path.length);
}

const AT_FDCWD = -100;

const SEVERITIES = ['emerg', 'alert', 'crit', 'err', 'warn', 'notice', 'info', 'debug'];
const FACILITIES = ['kern', 'user', 'mail', 'daemon', 'auth', 'syslog', 'lpr', 'news', 'uucp', 'clock', 'authpriv', 'ftp', 'ntp',
  'logaudit', 'logalert', 'cron', 'local0', 'local1', 'local2', 'local3', 'local4', 'local5', 'local6', 'local7'];

interface SyslogMessage { facility: number; severity: number; message: string }

/** A write to /dev/log decoded as sysdig's syslog decoder does (`<PRI>message`). */
function syslogMessage(ctx: EventContext): SyslogMessage | undefined {
  if (isEnter(ctx) || !(ioFlags(ctx) & EventFlag.WRITES_TO_FD) || !ctx.es.fd?.syslog) return undefined;
  const r = rawResult(ctx);
  if (r === undefined || r < 0) return undefined;
  const data = buffer(ctx);
  if (!data || data[0] !== 0x3c) return undefined;
  let i = 1, pri = 0;
  while (i < data.length && i < 5 && data[i] >= 0x30 && data[i] <= 0x39) pri = pri * 10 + data[i++] - 0x30;
  if (i === 1 || data[i] !== 0x3e) return undefined;
  let message = '';
  for (let k = i + 1; k < data.length; k++) {
    const b = data[k];
    message += b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.';
  }
  return { facility: pri >> 3, severity: pri & 7, message };
}

function syslogInfo(ctx: EventContext): string | undefined {
  const m = syslogMessage(ctx);
  return m ? `syslog sev=${SEVERITIES[m.severity]} msg=${m.message}` : undefined;
}
