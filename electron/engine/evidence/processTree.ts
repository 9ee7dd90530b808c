/**
 * The process tree: every process seen in a capture with its parent, command line, user,
 * container, life span, how it ended and what it touched. Fed one lifecycle fact at a time
 * (thread table entries, clone/fork, exec, procexit, fd openings) by the evidence scanner, so
 * it can be unit-tested with synthetic facts and needs no capture.
 *
 * Processes are keyed by pid; a pid reused after its process exited starts a new record (the
 * old one stays in the list). Threads only count towards their process.
 */

import type { ProcessNode } from '../../../shared/streams/evidenceTypes';

export type { ProcessNode };

/** Signal numbers by name (scap-flags.md §4; Linux x86 and arm numbering). */
const signalNames = new Map<number, string>([
  [1, 'SIGHUP'], [2, 'SIGINT'], [3, 'SIGQUIT'], [4, 'SIGILL'], [5, 'SIGTRAP'], [6, 'SIGABRT'], [7, 'SIGBUS'], [8, 'SIGFPE'],
  [9, 'SIGKILL'], [10, 'SIGUSR1'], [11, 'SIGSEGV'], [12, 'SIGUSR2'], [13, 'SIGPIPE'], [14, 'SIGALRM'], [15, 'SIGTERM'],
  [17, 'SIGCHLD'], [24, 'SIGXCPU'], [25, 'SIGXFSZ'], [31, 'SIGSYS'],
]);
export function signalName(sig: number): string {
  return signalNames.get(sig) ?? `signal ${sig}`;
}

/** ppm clone flag (scap-flags.md clone_flags): the new task shares its creator's process. */
export const PPM_CLONE_THREAD = 0x2000;

export interface ThreadFacts {
  tid: number;
  pid: number;
  ptid: number;
  comm: string;
  exe: string;
  args: string[];
  uid: number;
  containerId: string;
  vtid?: number;
  vpid?: number;
}


export interface ExitFacts {
  ts: string;
  evtNum: number;
  tid: number;
  /** Raw wait status; ret/sig/core are derived from it when the event does not carry them. */
  status: number;
  ret?: number;
  sig?: number;
  core?: boolean;
}

interface Live { node: ProcessNode; liveThreads: Set<number> }

export class ProcessTreeBuilder {
  private readonly nodes: ProcessNode[] = [];
  private readonly byPid = new Map<number, Live>();
  private readonly pidOfTid = new Map<number, number>();
  private readonly openedNames = new Map<ProcessNode, Set<string>>();
  /** Every tid ever seen → its pid (a parent is named by a thread id; its process is wanted). */
  private readonly ownerOfTid = new Map<number, number>();
  constructor(private readonly userName: (uid: number, containerId: string) => string = () => '') {}

  private create(f: ThreadFacts, ts: string | null, evtNum: number | null): Live {
    const node: ProcessNode = {
      pid: f.pid, ppid: f.ptid, parentTid: f.ptid, name: f.comm, exe: f.exe, args: f.args, cmdline: cmdline(f.comm, f.args),
      uid: f.uid, user: this.user(f.uid, f.containerId), containerId: f.containerId,
      vpid: f.vpid ?? null, startTs: ts, startEvtNum: evtNum, exitTs: null, exitEvtNum: null,
      exitCode: null, exitSignal: null, coreDumped: false, crashed: false, crashReason: '',
      execs: 0, lastExecTs: null, lastExecEvtNum: null, threads: 0, files: 0, connections: 0, children: [],
    };
    this.nodes.push(node);
    const live = { node, liveThreads: new Set<number>() };
    this.byPid.set(f.pid, live);
    return live;
  }

  private addThread(live: Live, tid: number): void {
    if (!live.liveThreads.has(tid)) { live.liveThreads.add(tid); live.node.threads++; }
    this.pidOfTid.set(tid, live.node.pid);
    this.ownerOfTid.set(tid, live.node.pid);
  }

  private rename(n: ProcessNode, f: ThreadFacts): void {
    Object.assign(n, { name: f.comm, exe: f.exe, args: f.args, cmdline: cmdline(f.comm, f.args), uid: f.uid,
      user: this.user(f.uid, f.containerId), containerId: f.containerId, vpid: f.vpid ?? n.vpid });
  }

  /** The user's name; sysdig's `<NA>` for a thread whose uid was never recorded ((uid_t)-1). */
  private user(uid: number, containerId: string): string {
    const name = this.userName(uid, containerId);
    return name === '' && isUnknownUid(uid) ? UNKNOWN_USER : name;
  }

  /** A thread from the capture's process list: it existed before the capture started. */
  seed(f: ThreadFacts): void {
    let live = this.byPid.get(f.pid);
    if (!live) {
      // The list gives each thread its own ptid; the process's parent is the leader's.
      live = this.create(f.tid === f.pid ? f : { ...f, ptid: -1 }, null, null);
    }
    if (f.tid === f.pid) {
      live.node.ppid = f.ptid;
      live.node.parentTid = f.ptid;
      this.rename(live.node, f);
    }
    this.addThread(live, f.tid);
  }

  /**
   * A clone/fork/vfork/clone3 exit. `child` describes the new task (from the child's own
   * event, or from the parent's event with the child tid); `isThread` when it joined its
   * creator's process.
   */
  spawn(child: ThreadFacts, isThread: boolean, ts: string, evtNum: number): void {
    if (isThread) {
      const live = this.byPid.get(child.pid) ?? this.create({ ...child, tid: child.pid }, null, null);
      // A process known only by a placeholder learns its program from its threads.
      if (live.node.name === '<NA>' && child.comm !== '<NA>') this.rename(live.node, child);
      this.addThread(live, child.tid);
      return;
    }
    const known = this.byPid.get(child.pid);
    // The parent's and the child's events both report the same birth; the first one wins.
    if (known && known.node.exitTs === null && (known.node.startTs !== null || known.liveThreads.has(child.tid))) {
      if (known.node.startTs === null && known.node.startEvtNum === null) { known.node.startTs = ts; known.node.startEvtNum = evtNum; }
      this.addThread(known, child.tid);
      return;
    }
    const live = this.create(child, ts, evtNum);
    this.addThread(live, child.tid);
  }

  /** A successful execve/execveat: the process now runs another program. */
  exec(f: ThreadFacts, ts: string, evtNum: number): void {
    let live = this.byPid.get(f.pid);
    if (!live || live.node.exitTs !== null) live = this.create(f, null, null);
    const n = live.node;
    Object.assign(n, { name: f.comm, exe: f.exe, args: f.args, cmdline: cmdline(f.comm, f.args), containerId: f.containerId || n.containerId });
    if (f.ptid > 0 && n.ppid <= 0) { n.ppid = f.ptid; n.parentTid = f.ptid; }
    if (f.vpid !== undefined) n.vpid = f.vpid;
    n.execs++;
    n.lastExecTs = ts;
    n.lastExecEvtNum = evtNum;
    this.addThread(live, f.tid);
  }

  /** A procexit: the thread is gone; the process ends with its leader or its last thread. */
  exit(e: ExitFacts): void {
    const pid = this.pidOfTid.get(e.tid) ?? e.tid;
    const live = this.byPid.get(pid);
    if (!live) return;
    live.liveThreads.delete(e.tid);
    this.pidOfTid.delete(e.tid);
    const n = live.node;
    if (e.tid !== pid && live.liveThreads.size > 0) return;
    if (n.exitTs !== null) return;
    const sig = e.sig ?? (e.status & 0x7f);
    const ret = e.ret ?? ((e.status >> 8) & 0xff);
    const core = e.core ?? (e.status & 0x80) !== 0;
    n.exitTs = e.ts;
    n.exitEvtNum = e.evtNum;
    n.exitSignal = sig !== 0 ? sig : null;
    n.exitCode = sig !== 0 ? null : ret;
    n.coreDumped = core;
    // Any signal that ended the process counts: it did not finish by itself. The signal is the
    // one in the exit status, not the signaldeliver before it: a fatal signal (SIGINT from a
    // terminal, say) makes the kernel end every thread with a SIGKILL of its own (spid 0),
    // which is what the capture records as delivered, while the status keeps the real cause.
    if (sig !== 0) n.crashReason = `killed by ${signalName(sig)}${core ? ' (core dumped)' : ''}`;
    else if (ret !== 0) n.crashReason = `exited with status ${ret}`;
    n.crashed = n.crashReason !== '';
  }

  /**
   * The process with this thread opened a file or a connection. Counted once per distinct
   * name (a file opened a hundred times is one file); without a name, every opening counts.
   */
  opened(tid: number, kind: 'file' | 'connection', name = ''): void {
    const live = this.byPid.get(this.pidOfTid.get(tid) ?? tid);
    if (!live) return;
    if (name !== '') {
      let seen = this.openedNames.get(live.node);
      if (!seen) { seen = new Set(); this.openedNames.set(live.node, seen); }
      const key = (kind === 'file' ? 'f:' : 'c:') + name;
      if (seen.has(key)) return;
      seen.add(key);
    }
    if (kind === 'file') live.node.files++;
    else live.node.connections++;
  }


  /** Every process, in order of appearance, with children filled in. */
  build(): ProcessNode[] {
    const index = new Map<number, ProcessNode>();
    for (const n of this.nodes) { n.children = []; index.set(n.pid, n); }
    for (const n of this.nodes) {
      const owner = this.ownerOfTid.get(n.ppid);
      if (owner !== undefined && owner !== n.pid) n.ppid = owner;
      const parent = index.get(n.ppid);
      if (parent && parent !== n) parent.children.push(n.pid);
    }
    return this.nodes;
  }
}

/** What sysdig prints for user.name when the thread has no user (its uid is (uid_t)-1). */
export const UNKNOWN_USER = '<NA>';

/**
 * A uid that names no user: (uid_t)-1, what a thread carries when the capture never said who it
 * runs as (old execve events have no uid). sysdig prints user.uid 4294967295, user.name <NA>.
 */
export function isUnknownUid(uid: number): boolean {
  return uid === 0xffffffff || uid === -1;
}

/**
 * How the processes that did not end well ended, most common first: "2 killed by SIGINT,
 * 1 exited with status 1" ('' when none).
 */
export function endingsSummary(nodes: readonly ProcessNode[]): string {
  const counts = new Map<string, number>();
  for (const n of nodes) if (n.crashed) counts.set(n.crashReason, (counts.get(n.crashReason) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([why, k]) => `${k} ${why}`).join(', ');
}

function cmdline(comm: string, args: string[]): string {
  return args.length ? `${comm} ${args.join(' ')}` : comm;
}

/** Roots of the tree: processes whose parent is not among those seen. */
export function treeRoots(nodes: readonly ProcessNode[]): ProcessNode[] {
  const pids = new Set(nodes.map((n) => n.pid));
  return nodes.filter((n) => !pids.has(n.ppid) || n.ppid === n.pid);
}
