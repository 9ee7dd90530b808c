/**
 * Feeds the process tree and the container lifetimes from parsed events: clone/fork/vfork/
 * clone3 exits (either side), execve/execveat exits, procexit, fd openings and connections,
 * and a sighting of the thread's container on every event.
 *
 * Which side of a clone to believe follows libsinsp (sinsp-state.md §4.2): the caller's event
 * carries the child tid as seen in the caller's pid namespace, so it is only used when the
 * caller is not in a namespace and the clone neither enters a new one nor is a vfork; the
 * child's own event always counts.
 */
import { EventCategory, EventFlag, EVENTS } from '../../../shared/scap/eventTable';
import { ContainerLifetimeBuilder, restartGroups, type ContainerLifetime, type RestartGroup } from './containerLifetimes';
import type { EvidenceEvent, EvidenceLookup, EvidenceThread } from './evidenceEvent';
import { ProcessTreeBuilder, PPM_CLONE_THREAD, type ProcessNode, type ThreadFacts } from './processTree';
import { int64At, uint32At } from './rawParams';

const CLONE_EXITS = new Set([223, 225, 227, 335]);
const VFORK_X = 227;
const EXEC_EXITS = new Set([293, 331]);
const PROCEXIT = 186;
const CONNECT_X = 23;
const EINPROGRESS = 115;
// ppm clone flags that put the child tid in `res` into another pid namespace, or make it a vfork.
const CL_NEWPID = 0x40, CL_PARENT = 0x100, CL_VFORK = 0x8000000, CL_CHILD_IN_PIDNS = 0x20000000;

/** What a whole-capture scan yields. */
export interface Lifecycle {
  processes: ProcessNode[];
  containers: ContainerLifetime[];
  /** Container instances grouped by workload, with restarts and back-off. */
  restartGroups: RestartGroup[];
}

export class LifecycleRecorder {
  readonly tree: ProcessTreeBuilder;
  readonly containers = new ContainerLifetimeBuilder();

  constructor(private readonly lookup: EvidenceLookup) {
    this.tree = new ProcessTreeBuilder((uid, cid) => lookup.userName(uid, cid));
  }

  /** A thread of the capture's process list (it ran before the capture started). */
  onInitialThread(t: EvidenceThread): void {
    this.tree.seed(facts(t));
  }

  onEvent(e: EvidenceEvent): void {
    const ev = e.raw;
    const t = e.thread;
    if (t && t.containerId) this.containers.touch(t.containerId, ev.ts, e.evtNum);
    const type = ev.type;
    if (CLONE_EXITS.has(type)) this.onClone(e);
    else if (EXEC_EXITS.has(type)) {
      if (t && this.res(e) === 0) this.tree.exec(facts(t), ev.ts.toString(), e.evtNum);
    } else if (type === PROCEXIT) this.onExit(e);
    else {
      const info = EVENTS[type];
      if (!info || info.direction !== 'exit') return;
      if ((info.flags & EventFlag.CREATES_FD) && (info.category & 0x3f) === EventCategory.FILE && this.res(e) >= 0) {
        this.tree.opened(ev.tid, 'file', e.fd ? e.fd.name : '');
      } else if ((info.name === 'accept' || info.name === 'accept4') && this.res(e) >= 0) {
        this.tree.opened(ev.tid, 'connection', e.fd ? e.fd.name : '');
      } else if (type === CONNECT_X) {
        const r = this.res(e);
        if (r === 0 || r === -EINPROGRESS) this.tree.opened(ev.tid, 'connection', e.fd ? e.fd.name : '');
      }
    }
  }

  private res(e: EvidenceEvent): number {
    const ev = e.raw;
    return ev.nparams > 0 && ev.paramLength[0] === 8 ? int64At(ev.data, ev.paramOffset[0]) : -1;
  }

  private onClone(e: EvidenceEvent): void {
    const ev = e.raw;
    const res = this.res(e);
    if (res < 0) return;
    const flags = ev.nparams > 15 && ev.paramLength[15] === 4 ? uint32At(ev.data, ev.paramOffset[15]) : 0;
    const isThread = (flags & PPM_CLONE_THREAD) !== 0;
    const ts = ev.ts.toString();
    if (res === 0) {
      // The child's own event: after parsing, the event's thread is the child. Its parent is
      // the one the event names, even if the state has already re-parented it (parent gone).
      if (!e.thread) return;
      const f = facts(e.thread);
      if (!isThread && ev.nparams > 5 && ev.paramLength[5] === 8) f.ptid = int64At(ev.data, ev.paramOffset[5]);
      this.tree.spawn(f, isThread, ts, e.evtNum);
      return;
    }
    const caller = e.thread;
    if (!caller || caller.vtid !== caller.tid || ev.type === VFORK_X) return;
    if (flags & (CL_NEWPID | CL_PARENT | CL_VFORK | CL_CHILD_IN_PIDNS)) return;
    const child = this.lookup.thread(res);
    if (child && (child.ptid === caller.tid || child.pid === caller.pid)) this.tree.spawn(facts(child), isThread, ts, e.evtNum);
  }

  private onExit(e: EvidenceEvent): void {
    const ev = e.raw;
    const n = ev.nparams;
    const at = (i: number) => ev.paramOffset[i];
    const status = n > 0 && ev.paramLength[0] === 8 ? int64At(ev.data, at(0)) : 0;
    this.tree.exit({
      ts: ev.ts.toString(), evtNum: e.evtNum, tid: ev.tid, status,
      ret: n > 1 && ev.paramLength[1] === 8 ? int64At(ev.data, at(1)) : undefined,
      sig: n > 2 && ev.paramLength[2] === 1 ? ev.data[at(2)] : undefined,
      core: n > 3 && ev.paramLength[3] === 1 ? ev.data[at(3)] !== 0 : undefined,
    });
  }

  finish(): Lifecycle {
    const processes = this.tree.build();
    const ids = new Set([...processes.map((p) => p.containerId), ...(this.lookup.containerIds?.() ?? [])]);
    for (const id of ids) {
      const meta = id ? this.lookup.container(id) : undefined;
      if (meta) this.containers.describe(id, meta);
    }
    const containers = this.containers.build(processes);
    return { processes, containers, restartGroups: restartGroups(containers) };
  }
}

function facts(t: EvidenceThread): ThreadFacts {
  return { tid: t.tid, pid: t.pid, ptid: t.ptid, comm: t.comm, exe: t.exe, args: t.args, uid: t.uid, containerId: t.containerId, vtid: t.vtid, vpid: t.vpid };
}
