/** `proc.*` and `thread.*` fields: the event's thread, its process and its ancestors. */
import type { EventContext } from '../inspector/eventContext';
import { ContainerRole, type ThreadInfo } from '../state/threadInfo';
import type { SystemState } from '../state/systemState';
import { intParam } from '../state/eventParams';
import { boolField, customField, noArg, numberField, parseIndex, stringField, type FieldFactory, type FieldGetter } from './fieldTypes';

const MAX_ANCESTORS = 128;

function thread(ctx: EventContext): ThreadInfo | undefined {
  return ctx.es.thread;
}

function main(ctx: EventContext): ThreadInfo | undefined {
  const t = ctx.es.thread;
  return t ? ctx.state.mainThreadOf(t) ?? t : undefined;
}

/** The n-th ancestor process (1 = the parent of the thread's process), walking process parents. */
export function ancestor(state: SystemState, t: ThreadInfo, n: number): ThreadInfo | undefined {
  // Level 0 is the process itself: its main thread, as sysdig 0.29.3 starts the walk there.
  let cur: ThreadInfo | undefined = state.mainThreadOf(t) ?? t;
  for (let i = 0; i < n && cur; i++) {
    const main: ThreadInfo = state.mainThreadOf(cur) ?? cur;
    if (main.ptid <= 0 || main.ptid === main.tid) return undefined;
    cur = state.threads.get(main.ptid);
  }
  return cur;
}

/** proc.pname's parent in sysdig 0.29.3: the entry of the thread's own ptid (a new thread's creator). */
export function parentOf(state: SystemState, t: ThreadInfo): ThreadInfo | undefined {
  return t.ptid > 0 && t.ptid !== t.tid ? state.threads.get(t.ptid) : undefined;
}

// The indexer asks a thread's command-line fields again whenever the state moves on, mostly for
// the same thread: the last joined texts are kept (argument lists are replaced, never edited).
let lastArgs: readonly string[] = [];
let lastJoinedArgs = '';

function joinedArgs(args: readonly string[]): string {
  if (args !== lastArgs) { lastArgs = args; lastJoinedArgs = args.join(' '); }
  return lastJoinedArgs;
}

/** `head args...`, the last one kept (one for proc.cmdline, one for proc.exeline). */
function commandLines(): (head: string, args: readonly string[]) => string {
  let lastHead = '';
  let lastHeadArgs: readonly string[] = [];
  let lastLine = '';
  return (head, args) => {
    if (head !== lastHead || args !== lastHeadArgs) {
      lastHead = head;
      lastHeadArgs = args;
      lastLine = `${head} ${joinedArgs(args)}`;
    }
    return lastLine;
  };
}
const cmdlineText = commandLines();
const exelineText = commandLines();

function cmdline(t: ThreadInfo): string {
  return t.args.length ? cmdlineText(t.comm, t.args) : t.comm;
}

/** -1 is sinsp's "unknown" for namespace ids (other negative values print as they are). */
function nonNegative(v: number): number | undefined {
  return v === -1 ? undefined : v;
}

/** A field of the n-th ancestor: `proc.aname[N]`; without N, every ancestor ('any' match). */
function ancestorField(pick: (t: ThreadInfo) => string | number | undefined, type: 'CHARBUF' | 'INT64', from = 1): FieldFactory {
  return (arg) => {
    const n = arg === undefined ? undefined : parseIndex(arg);
    if (arg !== undefined && n === undefined) return { error: `'${arg}' is not an ancestor level (a number: 0 = the process itself, 1 = its parent, ...)` };
    if (n !== undefined) {
      const get = (c: EventContext) => {
        const t = thread(c);
        const a = t ? ancestor(c.state, t, n) : undefined;
        return a ? pick(a) : undefined;
      };
      return type === 'CHARBUF' ? stringField(get as (c: EventContext) => string | undefined) : numberField('INT64', get as (c: EventContext) => number | undefined);
    }
    const all = (c: EventContext) => {
      const out: Array<string | number> = [];
      const t = thread(c);
      if (!t) return undefined;
      for (let i = from; i < MAX_ANCESTORS; i++) {
        const a = ancestor(c.state, t, i);
        if (!a) break;
        const v = pick(a);
        if (v !== undefined) out.push(v);
      }
      return out;
    };
    // Printed without a level, sysdig 0.29.3 shows the process itself (level 0), while its
    // filters compare every ancestor from the parent up.
    return customField(type, all, (c) => {
      const t = thread(c);
      const a = t ? ancestor(c.state, t, 0) : undefined;
      const v = a ? pick(a) : undefined;
      return v === undefined ? undefined : String(v);
    }, 'any');
  };
}

/**
 * The session leader's name as sysdig 0.29.3 finds it: the thread whose tid is the session id
 * (a session id is its leader's pid), else the furthest ancestor process with the same id.
 */
function sessionLeader(ctx: EventContext): ThreadInfo | undefined {
  const t = thread(ctx);
  if (!t) return undefined;
  return ctx.state.threads.get(t.sid) ?? leaderOf(ctx, (x) => x.sid);
}

/** The session / process group leader: the furthest ancestor process with the same id. */
function leaderOf(ctx: EventContext, id: (t: ThreadInfo) => number): ThreadInfo | undefined {
  const t = thread(ctx);
  if (!t) return undefined;
  const want = id(t);
  let cur: ThreadInfo | undefined = ctx.state.mainThreadOf(t) ?? t;
  let best: ThreadInfo | undefined = cur;
  for (let i = 0; cur && i < MAX_ANCESTORS; i++) {
    if (id(cur) !== want) break;
    best = cur;
    cur = cur.ptid > 0 && cur.ptid !== cur.tid ? ctx.state.threads.get(cur.ptid) : undefined;
    if (cur) cur = ctx.state.mainThreadOf(cur) ?? cur;
  }
  return best;
}

/**
 * The pid of the eldest shell among the process and its ancestors. sysdig 0.29.3 calls a
 * process a shell when its command name (comm, e.g. bash, sh, zsh, request.sh) ends in "sh":
 * a container init started as /bin/sh but renamed httpd-foregroun is not one.
 */
function loginShellId(ctx: EventContext): number | undefined {
  const t = thread(ctx);
  if (!t) return undefined;
  let found: number | undefined;
  let cur: ThreadInfo | undefined = ctx.state.mainThreadOf(t) ?? t;
  for (let i = 0; cur && i < MAX_ANCESTORS; i++) {
    if (cur.comm.length >= 2 && cur.comm.endsWith('sh')) found = cur.pid;
    cur = cur.ptid > 0 ? ctx.state.threads.get(cur.ptid) : undefined;
  }
  return found;
}

function fdOpenCount(ctx: EventContext): number | undefined {
  const t = thread(ctx);
  const table = t ? ctx.state.fdTableOf(t) : undefined;
  return table ? table.size : undefined;
}

/** Threads of the process: its main thread plus the others still in the table (dead or not). */
function nThreads(ctx: EventContext): number | undefined {
  const t = thread(ctx);
  return t ? threadsOfProcess(ctx.state, t) : undefined;
}

/** proc.nthreads of thread `t` (undefined when its process leader is unknown). */
export function threadsOfProcess(state: SystemState, t: ThreadInfo): number | undefined {
  const main = state.mainThreadOf(t);
  if (!main) return undefined;
  let n = 1;
  for (const o of state.threads.values()) if (o.pid === main.pid && o !== main) n++;
  return n;
}

/** Open fds as a share of the fd limit, in percent; 0 without a limit. */
function fdUsagePercent(ctx: EventContext): number | undefined {
  const open = fdOpenCount(ctx);
  if (open === undefined) return undefined;
  const limit = main(ctx)?.fdlimit ?? -1;
  return limit > 0 ? Math.min(100, (open * 100) / limit) : 0;
}

/**
 * A switch event's share of the CPU: the time since the previous switch on the same CPU, as
 * sysdig 0.29.3 measures it per field use (0 for other events and a CPU's first switch).
 * thread.totexectime adds these up per thread entry.
 */
function execTimeFields(): { exectime: FieldFactory; totexectime: FieldFactory } {
  const measure = () => {
    const lastSwitch = new Map<number, bigint>();
    return (c: EventContext): bigint => {
      if (c.ev.type !== SWITCH_E && c.ev.type !== SWITCH_1_E) return 0n;
      const last = lastSwitch.get(c.ev.cpu);
      lastSwitch.set(c.ev.cpu, c.ev.ts);
      return last === undefined ? 0n : BigInt.asUintN(64, c.ev.ts - last);
    };
  };
  return {
    exectime: noArg(() => { const m = measure(); return numberField('RELTIME', (c) => m(c)); }),
    totexectime: noArg(() => {
      const m = measure();
      const totals = new WeakMap<ThreadInfo, bigint>();
      return numberField('RELTIME', (c) => {
        const d = m(c);
        const t = thread(c);
        if (!t) return undefined;
        const total = (totals.get(t) ?? 0n) + d;
        totals.set(t, total);
        return total;
      });
    }),
  };
}

const PROCINFO = 234;

/**
 * thread.cpu (user + system), thread.cpu.user, thread.cpu.system: on a procinfo event, the
 * thread's CPU ticks since the previous procinfo sample this field use saw, at most 100 (0 for
 * a thread's first sample). Other events have no value: `-p` never shows procinfo events, so
 * these print `<NA>` there, as in sysdig 0.29.3.
 */
function cpuField(user: boolean, system: boolean): FieldFactory {
  return noArg(() => {
    const last = new WeakMap<ThreadInfo, number>();
    const get = (c: EventContext): number | undefined => {
      const t = thread(c);
      if (!t || c.ev.type !== PROCINFO || c.ev.nparams < 2) return undefined;
      const ticks = (user ? u64Param(c, 0) : 0) + (system ? u64Param(c, 1) : 0);
      const prev = last.get(t);
      last.set(t, ticks);
      return prev ? Math.min(100, ticks - prev) : 0;
    };
    return customField('DOUBLE', get, (c) => { const v = get(c); return v === undefined ? undefined : formatOneDecimal(v); });
  });
}

function u64Param(c: EventContext, i: number): number {
  const v = intParam(c.ev, i);
  return v === undefined ? 0 : v;
}

/** Scheduler switch events: the newest layout (6 params) and the oldest (1 param). */
const SWITCH_E = 152;
const SWITCH_1_E = 146;

/** A double as C's printf("%.1f") prints it (ties round to even, as glibc does on exact halves). */
export function formatOneDecimal(x: number): string {
  const scaled = x * 10;
  const floor = Math.floor(scaled);
  const rounded = scaled - floor === 0.5 ? (floor % 2 === 0 ? floor : floor + 1) : Math.round(scaled);
  return (rounded / 10).toFixed(1);
}

/** sinsp drops an environment's zero-filled tail (empty entries up to its end). */
function withoutTrailingEmpty(env: string[]): string[] {
  let n = env.length;
  while (n > 0 && env[n - 1] === '') n--;
  return n === env.length ? env : env.slice(0, n);
}

function caps(v: bigint): string {
  return `0x${v.toString(16)}`;
}

const g = (f: (c: EventContext) => string | undefined): FieldFactory => noArg(() => stringField(f));
const n64 = (f: (c: EventContext) => number | bigint | undefined): FieldFactory => noArg(() => numberField('INT64', f));
const u64 = (f: (c: EventContext) => number | bigint | undefined): FieldFactory => noArg(() => numberField('UINT64', f));

const EXEC_TIME = execTimeFields();

export const PROC_FIELDS: Record<string, FieldFactory> = {
  'proc.name': g((c) => thread(c)?.comm),
  'proc.exe': g((c) => thread(c)?.exe),
  'proc.exepath': g((c) => thread(c)?.exepath),
  'proc.args': g((c) => { const t = thread(c); return t ? joinedArgs(t.args) : undefined; }),
  'proc.cmdline': g((c) => { const t = thread(c); return t ? cmdline(t) : undefined; }),
  'proc.exeline': g((c) => { const t = thread(c); return t ? exelineText(t.exe, t.args) : undefined; }),
  'proc.cmdnargs': u64((c) => thread(c)?.args.length),
  'proc.cmdlenargs': u64((c) => { const t = thread(c); return t ? t.args.reduce((s, a) => s + a.length, 0) : undefined; }),
  'proc.env': g((c) => { const t = main(c); return t ? withoutTrailingEmpty(t.env).join(' ') : undefined; }),
  'proc.cwd': g((c) => main(c)?.cwd),
  'proc.pid': n64((c) => thread(c)?.pid),
  // The process' parent: the main thread's ptid (a thread's own ptid names its creator).
  'proc.ppid': n64((c) => main(c)?.ptid),
  'proc.vpid': n64((c) => { const t = thread(c); return t ? nonNegative(t.vpid) : undefined; }),
  'proc.sid': n64((c) => thread(c)?.sid),
  'proc.vpgid': n64((c) => thread(c)?.vpgid),
  'proc.pgid': n64((c) => thread(c)?.pgid),
  'proc.tty': noArg(() => numberField('UINT32', (c) => thread(c)?.tty)),
  'proc.fdlimit': n64((c) => main(c)?.fdlimit),
  'proc.fdopencount': u64(fdOpenCount),
  // sysdig 0.29.3 reads the event thread's own figures: its mmap/brk/munmap exits set them, while
  // a context switch sets the main thread's (so another thread's value can lag behind).
  'proc.vmsize': u64((c) => thread(c)?.vmsizeKb),
  'proc.vmrss': u64((c) => thread(c)?.vmrssKb),
  'proc.vmswap': u64((c) => thread(c)?.vmswapKb),
  'proc.nthreads': u64(nThreads),
  // sinsp counts a process' other threads on its main thread only.
  'proc.nchilds': u64((c) => { const t = thread(c); if (!t) return undefined; if (!t.isMainThread) return 0; const n = nThreads(c); return n === undefined ? undefined : n - 1; }),
  'proc.fdusage': noArg(() => customField('DOUBLE', fdUsagePercent, (c) => { const v = fdUsagePercent(c); return v === undefined ? undefined : formatOneDecimal(v); })),
  'proc.pname': g((c) => { const t = thread(c); return t ? parentOf(c.state, t)?.comm : undefined; }),
  'proc.pexe': g((c) => { const t = thread(c); return t ? parentOf(c.state, t)?.exe : undefined; }),
  'proc.pexepath': g((c) => { const t = thread(c); return t ? parentOf(c.state, t)?.exepath : undefined; }),
  'proc.pcmdline': g((c) => { const t = thread(c); const p = t ? parentOf(c.state, t) : undefined; return p ? cmdline(p) : undefined; }),
  'proc.pvpid': n64((c) => { const t = thread(c); const p = t ? ancestor(c.state, t, 1) : undefined; return p ? nonNegative(p.vpid) : undefined; }),
  'proc.aname': ancestorField((t) => t.comm, 'CHARBUF'),
  'proc.apid': ancestorField((t) => t.pid, 'INT64'),
  'proc.aexe': ancestorField((t) => t.exe, 'CHARBUF'),
  'proc.aexepath': ancestorField((t) => t.exepath, 'CHARBUF'),
  'proc.acmdline': ancestorField((t) => cmdline(t), 'CHARBUF'),
  'proc.sname': g((c) => sessionLeader(c)?.comm),
  'proc.vpgid.name': g((c) => leaderOf(c, (t) => t.vpgid)?.comm),
  'proc.pgid.name': g((c) => leaderOf(c, (t) => t.pgid)?.comm),
  'proc.loginshellid': n64(loginShellId),
  // sysdig 0.29.3 measures from the event thread's own clone (a thread of a process starts at 0).
  'proc.duration': noArg(() => numberField('RELTIME', (c) => { const t = thread(c); return t && t.cloneTs > 0n ? c.ev.ts - t.cloneTs : undefined; })),
  'proc.is_exe_writable': noArg(() => boolField((c) => thread(c)?.exeWritable)),
  'proc.is_container_healthcheck': noArg(() => boolField((c) => { const t = thread(c); return t ? t.containerRole === ContainerRole.Healthcheck : undefined; })),
  'proc.is_container_liveness_probe': noArg(() => boolField((c) => { const t = thread(c); return t ? t.containerRole === ContainerRole.LivenessProbe : undefined; })),
  'proc.is_container_readiness_probe': noArg(() => boolField((c) => { const t = thread(c); return t ? t.containerRole === ContainerRole.ReadinessProbe : undefined; })),
  'proc.is_exe_upper_layer': noArg(() => boolField((c) => thread(c)?.exeUpperLayer)),
  'proc.is_exe_lower_layer': noArg(() => boolField((c) => thread(c)?.exeLowerLayer)),
  'proc.is_exe_from_memfd': noArg(() => boolField((c) => thread(c)?.exeFromMemfd)),
  'proc.is_sid_leader': noArg(() => boolField((c) => { const t = thread(c); return t ? t.sid === t.pid : undefined; })),
  'proc.is_vpgid_leader': noArg(() => boolField((c) => { const t = thread(c); return t ? t.vpgid === t.vpid : undefined; })),
  'proc.pidns_init_start_ts': u64((c) => thread(c)?.pidnsInitStartTs),
  // sysdig reads the tid from the event header, so it is known even without a thread entry.
  'thread.tid': n64((c) => c.ev.tid),
  'thread.vtid': n64((c) => { const t = thread(c); return t ? nonNegative(t.vtid) : undefined; }),
  'thread.ismain': noArg(() => boolField((c) => thread(c)?.isMainThread)),
  'thread.nametid': g((c) => { const t = thread(c); return t ? `${t.comm}${t.tid}` : undefined; }),
  'thread.pfmajor': u64((c) => thread(c)?.pfmajor),
  'thread.pfminor': u64((c) => thread(c)?.pfminor),
  'thread.cgroups': g((c) => { const t = thread(c); return t && t.cgroups.length ? t.cgroups.map(([k, v]) => `${k}=${v}`).join(' ') : undefined; }),
  // The process' memory, on its main thread only (other threads show 0).
  'thread.vmsize': u64((c) => { const t = thread(c); return t ? (t.isMainThread ? t.vmsizeKb : 0) : undefined; }),
  'thread.vmrss': u64((c) => { const t = thread(c); return t ? (t.isMainThread ? t.vmrssKb : 0) : undefined; }),
  'thread.cpu': cpuField(true, true),
  'thread.cpu.user': cpuField(true, false),
  'thread.cpu.system': cpuField(false, true),
  'thread.exectime': EXEC_TIME.exectime,
  'thread.totexectime': EXEC_TIME.totexectime,
  'thread.cgroup': (arg) => arg === undefined ? { error: 'thread.cgroup needs a controller: thread.cgroup.cpuacct' } : stringField((c) => thread(c)?.cgroups.find(([k]) => k === arg)?.[1]),
  'thread.cap_permitted': g((c) => { const t = thread(c); return t ? caps(t.capPermitted) : undefined; }),
  'thread.cap_inheritable': g((c) => { const t = thread(c); return t ? caps(t.capInheritable) : undefined; }),
  'thread.cap_effective': g((c) => { const t = thread(c); return t ? caps(t.capEffective) : undefined; }),
};

export type { FieldGetter };
