/**
 * The scap event table: for every event id its name (as `evt.type` prints it), direction,
 * category, EF_* flags and parameter list (name, ppm_param_type, print format, flag/enum
 * table or DYN sub-table, dirfd reference). The rows come from eventTableData.ts, generated
 * from the reference document; this file gives them types and lookup helpers.
 */
import { EVENT_ROWS } from './eventTableData';

/** ppm_param_type ids (scap-file-format.md §10). */
export const ParamType = {
  NONE: 0, INT8: 1, INT16: 2, INT32: 3, INT64: 4, UINT8: 5, UINT16: 6, UINT32: 7, UINT64: 8,
  CHARBUF: 9, BYTEBUF: 10, ERRNO: 11, SOCKADDR: 12, SOCKTUPLE: 13, FD: 14, PID: 15, FDLIST: 16,
  FSPATH: 17, SYSCALLID: 18, SIGTYPE: 19, RELTIME: 20, ABSTIME: 21, PORT: 22, L4PROTO: 23,
  SOCKFAMILY: 24, BOOL: 25, IPV4ADDR: 26, DYN: 27, FLAGS8: 28, FLAGS16: 29, FLAGS32: 30, UID: 31,
  GID: 32, DOUBLE: 33, SIGSET: 34, CHARBUFARRAY: 35, CHARBUF_PAIR_ARRAY: 36, IPV4NET: 37,
  IPV6ADDR: 38, IPV6NET: 39, IPADDR: 40, IPNET: 41, MODE: 42, FSRELPATH: 43, ENUMFLAGS8: 44,
  ENUMFLAGS16: 45, ENUMFLAGS32: 46, FD32: 47, PID32: 48,
} as const;
export type ParamTypeId = (typeof ParamType)[keyof typeof ParamType];
const paramTypeByName = new Map<string, number>(Object.entries(ParamType));
export const paramTypeName: readonly string[] = (() => {
  const names: string[] = [];
  for (const [k, v] of Object.entries(ParamType)) names[v] = k;
  return names;
})();

/** Byte size of fixed-size parameter types; 0 = variable size. */
export const PARAM_TYPE_SIZE: readonly number[] = (() => {
  const s: number[] = new Array(49).fill(0);
  const T = ParamType;
  for (const t of [T.INT8, T.UINT8, T.SIGTYPE, T.L4PROTO, T.SOCKFAMILY, T.FLAGS8, T.ENUMFLAGS8]) s[t] = 1;
  for (const t of [T.INT16, T.UINT16, T.SYSCALLID, T.PORT, T.FLAGS16, T.ENUMFLAGS16]) s[t] = 2;
  for (const t of [T.INT32, T.UINT32, T.BOOL, T.IPV4ADDR, T.FLAGS32, T.UID, T.GID, T.SIGSET, T.MODE, T.ENUMFLAGS32, T.FD32, T.PID32]) s[t] = 4;
  for (const t of [T.INT64, T.UINT64, T.ERRNO, T.FD, T.PID, T.RELTIME, T.ABSTIME, T.DOUBLE]) s[t] = 8;
  s[T.IPV6ADDR] = 16;
  return s;
})();

export type PrintFormat = 'dec' | 'hex' | 'oct' | '10_padded_dec' | 'id' | 'dir' | 'na';

export interface ParamInfo {
  name: string;
  type: number;
  format: PrintFormat;
  /** Flag/enum table name in scap-flags.md (FLAGS*, ENUMFLAGS*, MODE), if any. */
  table?: string;
  /** PT_DYN sub-table name (sockopt_dynamic_param, ...), if the type is DYN. */
  dynTable?: string;
  /** For FSRELPATH: index of the parameter holding the directory fd. */
  dirfdParam?: number;
}

/** EF_* event flags. */
export const EventFlag = {
  CREATES_FD: 0x1, DESTROYS_FD: 0x2, USES_FD: 0x4, READS_FROM_FD: 0x8, WRITES_TO_FD: 0x10,
  MODIFIES_STATE: 0x20, UNUSED: 0x40, WAITS: 0x80, SKIPPARSERESET: 0x100, OLD_VERSION: 0x200,
  LARGE_PAYLOAD: 0x800, CONVERTER_MANAGED: 0x1000,
} as const;

/** Category bits (low part = EC_* value; modifiers and source above). */
export const EventCategory = {
  UNKNOWN: 0, OTHER: 1, FILE: 2, NET: 3, IPC: 4, MEMORY: 5, PROCESS: 6, SLEEP: 7, SYSTEM: 8,
  SIGNAL: 9, USER: 10, TIME: 11, PROCESSING: 12, IO_READ: 32, IO_WRITE: 33, IO_OTHER: 34,
  WAIT: 0x40, SCHEDULER: 0x80, INTERNAL: 0x100, SYSCALL: 0x200, TRACEPOINT: 0x400, PLUGIN: 0x800,
  METAEVENT: 0x1000, ITER: 0x2000,
} as const;

export interface EventInfo {
  id: number;
  name: string;
  direction: 'enter' | 'exit';
  /** Category bits; `category & 0x1ff` is what `evt.category` names. */
  category: number;
  flags: number;
  params: readonly ParamInfo[];
  /** Index of the parameter holding the fd this event uses (EF_USES_FD), or -1. */
  fdParam: number;
  isLargePayload: boolean;
  isOld: boolean;
  isUnused: boolean;
}

const PARAM_RE = /^([^:]+):([A-Z0-9_]+)(?:\/([a-z0-9_]+))?(?:\{(dyn:)?([a-z0-9_]+)\})?(?:@dirfd=param(\d+))?$/;

function parseParam(spec: string, eventId: number): ParamInfo {
  const m = PARAM_RE.exec(spec);
  const type = m ? paramTypeByName.get(m[2]) : undefined;
  if (!m || type === undefined) throw new Error(`event table: event ${eventId} has an unreadable parameter '${spec}'`);
  const p: ParamInfo = { name: m[1], type, format: (m[3] ?? 'dec') as PrintFormat };
  if (m[5] !== undefined) { if (m[4]) p.dynTable = m[5]; else p.table = m[5]; }
  if (m[6] !== undefined) p.dirfdParam = Number(m[6]);
  return p;
}

// scap-event-table.md §5.1: where the fd of an EF_USES_FD exit event is (newest layouts).
// `name(id)` restricts the entry to that id; the parameter must also be of type FD.
const EXIT_FD_PARAM: Record<number, string> = {
  1: 'setns listen shutdown fchdir lseek llseek ioctl(171) fstat close getdents getdents64 flock copy_file_range fcntl dup(367) dup2 dup3 newfstatat fchownat fchmodat mkdirat unlinkat(303) mknodat sendmmsg recvmmsg io_uring_register io_uring_enter setsockopt getsockopt fsconfig finit_module fchmod fchown',
  2: 'read pread bind write pwrite recv send sendto sendmsg sendfile splice writev pwritev connect symlinkat',
  3: 'recvfrom readv preadv',
  5: 'recvmsg',
  8: 'mmap mmap2',
};
const exitFdParam = new Map<string, number>();
for (const [idx, names] of Object.entries(EXIT_FD_PARAM)) for (const n of names.split(' ')) exitFdParam.set(n, Number(idx));

function fdParamOf(e: Omit<EventInfo, 'fdParam'>): number {
  let idx: number | undefined;
  if (e.direction === 'enter') idx = e.name === 'mmap' || e.name === 'mmap2' ? 4 : e.name === 'splice' ? 1 : 0;
  else idx = exitFdParam.get(`${e.name}(${e.id})`) ?? exitFdParam.get(e.name);
  if (idx === undefined) return -1;
  const t = e.params[idx]?.type;
  return t === ParamType.FD || t === ParamType.FD32 ? idx : -1;
}

export const EVENTS: readonly EventInfo[] = EVENT_ROWS.map(([id, dir, name, category, flags, params]) => {
  const base = {
    id, name, direction: dir === 'E' ? 'enter' as const : 'exit' as const, category, flags,
    params: params === '' ? [] : params.split(';').map((s) => parseParam(s, id)),
    isLargePayload: (flags & EventFlag.LARGE_PAYLOAD) !== 0,
    isOld: (flags & EventFlag.OLD_VERSION) !== 0,
    isUnused: (flags & EventFlag.UNUSED) !== 0,
  };
  return { ...base, fdParam: (flags & EventFlag.USES_FD) !== 0 ? fdParamOf(base) : -1 };
});

/** Number of event ids known (PPM_EVENT_MAX of the table's libs snapshot). */
export const EVENT_COUNT = EVENTS.length;

/** Parameter count of each event id, as a typed array for the reader's hot loop. */
export const EVENT_PARAM_COUNT: Uint8Array = Uint8Array.from(EVENTS, (e) => e.params.length);
/** 1 where parameter lengths are u32 (LARGE_PAYLOAD), else 0. */
export const EVENT_LARGE_PAYLOAD: Uint8Array = Uint8Array.from(EVENTS, (e) => (e.isLargePayload ? 1 : 0));

/** The table entry of an event id, or undefined for ids newer than the table. */
export function eventInfo(type: number): EventInfo | undefined {
  return EVENTS[type];
}

/** Index of the parameter called `name` in the event's newest layout, or -1. */
export function paramIndex(type: number, name: string): number {
  const e = EVENTS[type];
  return e ? e.params.findIndex((p) => p.name === name) : -1;
}

/** Every event id whose `evt.type` name is `name` (all versions, enter and exit). */
export function eventIdsByName(name: string): number[] {
  return byName.get(name) ?? [];
}
const byName = new Map<string, number[]>();
for (const e of EVENTS) {
  if (e.isUnused) continue;
  const ids = byName.get(e.name);
  if (ids) ids.push(e.id); else byName.set(e.name, [e.id]);
}
