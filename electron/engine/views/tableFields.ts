/**
 * The table-only fields csysdig's views aggregate (evt.buflen.file.in, evt.count.error.net,
 * evt.type.is.3, thread.vmsize.b, thread.cpu, ...), layered over the engine's field resolver.
 * Each is 1/0 or a byte count for the events it applies to and "no value" otherwise, so a
 * table fills in its default (0, not counted in averages), as csysdig's tables do.
 */
import type { FieldResolver, FieldValue, ResolvedField } from '../filter/resolver';
import type { EventContext } from '../inspector/eventContext';
import type { FieldType } from '../../../shared/fields/types';
import { THREAD_TABLE_EVENT_TYPE } from './threadTableEvents';
import { EVENTS, EventCategory } from '../../../shared/scap/eventTable';
import { cpuChange } from '../index/classTicks';

/** The procinfo event (per-thread CPU tick totals in its first two parameters). */
export const PROCINFO = 234;
const ALSO_SYSCALL_TYPES = new Set(['procexit', 'signaldeliver', 'container']);

function num(v: FieldValue | undefined): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  return undefined;
}

export function u64Param(ctx: EventContext, i: number): number | undefined {
  const ev = ctx.ev;
  if (i >= ev.nparams || ev.paramLength[i] < 8) return undefined;
  const o = ev.paramOffset[i];
  const d = ev.data;
  const lo = (d[o] | (d[o + 1] << 8) | (d[o + 2] << 16) | (d[o + 3] << 24)) >>> 0;
  const hi = (d[o + 4] | (d[o + 5] << 8) | (d[o + 6] << 16) | (d[o + 7] << 24)) >>> 0;
  return hi * 0x100000000 + lo;
}

/** Per-thread CPU tick counters, to turn procinfo's running totals into per-sample usage. */
class CpuTracker {
  private readonly last = new Map<number, { usr: number; sys: number }>();
  private num = -1;
  private delta: { tot: number; usr: number; sys: number } | undefined;

  /** This event's CPU usage in percent (ticks over one-second samples), or undefined. */
  usage(ctx: EventContext): { tot: number; usr: number; sys: number } | undefined {
    if (ctx.ev.type !== PROCINFO) return undefined;
    if (ctx.num === this.num) return this.delta;
    this.num = ctx.num;
    this.delta = undefined;
    const usr = u64Param(ctx, 0);
    const sys = u64Param(ctx, 1);
    if (usr === undefined || sys === undefined) return undefined;
    const prev = this.last.get(ctx.ev.tid);
    this.last.set(ctx.ev.tid, { usr, sys });
    // A thread's first sample has nothing to compare with: it reads as 0, and counts.
    this.delta = prev ? { tot: cpuChange(usr + sys, prev.usr + prev.sys), usr: cpuChange(usr, prev.usr), sys: cpuChange(sys, prev.sys) } : { tot: 0, usr: 0, sys: 0 };
    return this.delta;
  }
}

/** Wraps `base` with the table-only fields; a fresh wrapper per pass (thread.cpu keeps state). */
export function withTableFields(base: FieldResolver<EventContext>): FieldResolver<EventContext> {
  const get = (name: string, arg?: string) => {
    const r = base(name, arg);
    return r && !('error' in r) ? r.get : () => undefined;
  };
  const buflen = get('evt.buflen');
  const category = get('evt.category');
  const fdType = get('fd.type');
  const evtType = get('evt.type');
  const rawres = get('evt.rawres');
  const cpu = new CpuTracker();
  const syscallType = get('syscall.type');
  const field = (type: FieldType, fn: (ctx: EventContext) => FieldValue | undefined): ResolvedField<EventContext> => ({ type, get: fn });

  // File and network I/O are told apart by the fd's type: a file (not a directory) or an IP socket.
  const fdClass = (ctx: EventContext): 'file' | 'net' | undefined => {
    const t = fdType(ctx);
    return t === 'file' ? 'file' : t === 'ipv4' || t === 'ipv6' ? 'net' : undefined;
  };
  // In and out go by the event's I/O category, as sinsp's table fields do, not by the
  // reads/writes-to-fd flags evt.is_io_read/write read: sendfile is an I/O write without the
  // flag (a 20 MB nginx download was 262 bytes out), and the byte counts with no direction
  // (evt.buflen.file, .net) count every I/O category, "other" too (dup, fcntl results).
  const ioCategory = (ctx: EventContext): number => (EVENTS[ctx.ev.type]?.category ?? 0) & 0x3f;
  /** The bit every I/O category (read, write, other) has. */
  const IO_BASE = EventCategory.IO_READ;
  const bytes = (cls: 'file' | 'net' | null, dir: 'in' | 'out' | null) => field('UINT64', (ctx) => {
    if (cls !== null && fdClass(ctx) !== cls) return undefined;
    const c = ioCategory(ctx);
    if (dir === 'in' ? c !== EventCategory.IO_READ : dir === 'out' ? c !== EventCategory.IO_WRITE : (c & IO_BASE) === 0) return undefined;
    return buflen(ctx);
  });
  const failed = (ctx: EventContext) => { const r = num(rawres(ctx)); return r !== undefined && r < 0; };
  // Failed calls are told apart as sinsp's table fields do: by the fd's type when the call has
  // an fd in the table (files and directories, sockets, the rest), by the call otherwise (opens
  // are file errors, accept and connect network errors); memory calls are memory errors whatever
  // their fd, and "other" is what is neither file, network nor memory.
  const OPENS = new Set(['open', 'openat', 'openat2', 'creat', 'open_by_handle_at']);
  const CONNECTS = new Set(['accept', 'accept4', 'connect']);
  const errorKindOf = (ctx: EventContext, kind: 'file' | 'net' | 'memory' | 'other'): boolean => {
    const memory = category(ctx) === 'memory';
    if (kind === 'memory') return memory;
    const t = fdType(ctx);
    const isFile = t === 'file' || t === 'directory';
    const isNet = t === 'ipv4' || t === 'ipv6' || t === 'unix';
    if (t !== undefined) return kind === 'file' ? isFile : kind === 'net' ? isNet : !isFile && !isNet;
    const type = String(evtType(ctx));
    if (kind === 'file') return OPENS.has(type);
    if (kind === 'net') return CONNECTS.has(type);
    return !OPENS.has(type) && !CONNECTS.has(type) && !memory;
  };
  const errors = (kind: 'file' | 'net' | 'memory' | 'other') => field('UINT32', (ctx) => (failed(ctx) && errorKindOf(ctx, kind) ? 1 : 0));
  const thread = (ctx: EventContext) => ctx.es.thread;

  const table: Record<string, ResolvedField<EventContext>> = {
    'evt.buflen.in': bytes(null, 'in'),
    'evt.buflen.out': bytes(null, 'out'),
    'evt.buflen.file': bytes('file', null),
    'evt.buflen.file.in': bytes('file', 'in'),
    'evt.buflen.file.out': bytes('file', 'out'),
    'evt.buflen.net': bytes('net', null),
    'evt.buflen.net.in': bytes('net', 'in'),
    'evt.buflen.net.out': bytes('net', 'out'),
    'evt.count.error.file': errors('file'),
    'evt.count.error.net': errors('net'),
    'evt.count.error.memory': errors('memory'),
    'evt.count.error.other': errors('other'),
    // procinfo events (the driver's samples of a thread's CPU ticks) count threads, and those of
    // a process's main thread count processes (sinsp's is_main_thread: tid = pid, or the flag).
    'evt.count.threadinfo': field('UINT32', (ctx) => (ctx.ev.type === PROCINFO ? 1 : undefined)),
    'evt.count.procinfo': field('UINT32', (ctx) => (ctx.ev.type === PROCINFO && ctx.es.thread?.isMainThread ? 1 : undefined)),
    'evt.type': field('CHARBUF', (ctx) => (ctx.ev.type === THREAD_TABLE_EVENT_TYPE ? 'sysdigevent' : evtType(ctx))),
    // csysdig's syscalls view also lists these non-syscall events (sysdig 0.29.3's syscall.type).
    'syscall.type': field('CHARBUF', (ctx) => {
      if (ctx.ev.type === THREAD_TABLE_EVENT_TYPE) return 'sysdigevent';
      const t = syscallType(ctx);
      if (t !== undefined) return t;
      const e = evtType(ctx);
      return typeof e === 'string' && ALSO_SYSCALL_TYPES.has(e) ? e : undefined;
    }),
    // Memory belongs to the process: only its main thread reports it, other threads show 0.
    'thread.vmsize.b': field('UINT64', (ctx) => { const t = thread(ctx); return t ? (t.tid === t.pid ? t.vmsizeKb * 1024 : 0) : undefined; }),
    'thread.vmrss.b': field('UINT64', (ctx) => { const t = thread(ctx); return t ? (t.tid === t.pid ? t.vmrssKb * 1024 : 0) : undefined; }),
    'thread.cpu': field('DOUBLE', (ctx) => cpu.usage(ctx)?.tot),
    'thread.cpu.user': field('DOUBLE', (ctx) => cpu.usage(ctx)?.usr),
    'thread.cpu.system': field('DOUBLE', (ctx) => cpu.usage(ctx)?.sys),
  };

  // Docker infra events name the container in their scope parameter ("container.id=…; …").
  // No capture at hand has such events: this follows the field descriptions, unverified.
  const scope = get('evt.arg', 'scope');
  const scopeValue = (key: string, max = Infinity) => field('CHARBUF', (ctx) => {
    if (evtType(ctx) !== 'infra') return undefined;
    const text = scope(ctx);
    if (typeof text !== 'string') return undefined;
    for (const part of text.split(/[;,]\s*/)) {
      const eq = part.indexOf('=');
      if (eq > 0 && part.slice(0, eq).trim() === key) return part.slice(eq + 1).trim().slice(0, max);
    }
    return undefined;
  });
  table['evt.infra.docker.container.id'] = scopeValue('container.id', 12);
  table['evt.infra.docker.container.name'] = scopeValue('container.name');
  table['evt.infra.docker.container.image'] = scopeValue('container.image');

  return (name, arg) => {
    const full = arg === undefined ? name : `${name}.${arg}`;
    if (table[full]) return table[full];
    if (name === 'evt.type.is' && arg !== undefined && /^\d+$/.test(arg)) {
      const type = Number(arg);
      return field('UINT32', (ctx) => (ctx.ev.type === type ? 1 : 0));
    }
    return base(name, arg);
  };
}

/**
 * The engine's fields, and for the names the engine lacks the table-only ones (thread.vmsize.b,
 * thread.cpu, evt.count.error.*): the overview's filter accepts whatever a view's filter
 * accepts, with the meaning the views give it. These table fields mean what csysdig's tables
 * make of them, which is not always what `sysdig -r F FILTER` selects (sysdig's filters find no
 * value in evt.buflen.file.in, for one), so the event list and `count` do not take them.
 * Fresh per pass, like withTableFields.
 */
export function withTableFieldsAsFallback(base: FieldResolver<EventContext>): FieldResolver<EventContext> {
  const table = withTableFields(base);
  return (name, arg) => {
    const r = base(name, arg);
    if (r && !('error' in r)) return r;
    const t = table(name, arg);
    return t && !('error' in t) ? t : r;
  };
}
