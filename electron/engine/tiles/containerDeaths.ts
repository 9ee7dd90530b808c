/**
 * Container deaths and restarts, decided event by event for the overview tiles.
 *
 * A death is the exit of a container's main process (shared/tiles/containerMainProcess.ts, the
 * rule `syscope tree --containers` uses too), or a docker "die" infra event. When a capture has
 * both for the same container, they pair up one to one and count once. A restart is a main
 * process appearing in an instance of a workload (same pod and container, or same name) after
 * one of its instances died.
 *
 * The exit of pid 1 inside a container is a death at once. The exit of a process whose pid
 * inside is unknown, or equal to its host pid, can only be judged at the end of the capture:
 * it is the main process only if the container never shows a pid namespace of its own (else it
 * was a runtime helper such as runc's parent, which exits just before the container's init is
 * first seen). Such late deaths do not feed restarts.
 */
import { inOwnPidNamespace, isContainerMainProcess, workloadOf } from '../../../shared/tiles/containerMainProcess';

export interface ProcessSighting {
  pid: number;
  tid: number;
  /** The parent as sysdig's proc.ppid gives it: the thread that created the process. */
  ppid: number | undefined;
  vpid: number | undefined;
  containerId: string;
  containerName: string;
}

/** 'death' counts now; 'undecided' is settled by settle() at the end of the capture. */
export type ContainerVerdict = 'death' | 'restart' | 'undecided' | null;

const isContainer = (id: string): boolean => id !== '' && id !== 'host';

/** The container a docker infra event's scope names ("container.id=..."), as sysdig shortens ids. */
export function containerOfDockerScope(scope: string): string | undefined {
  const id = /container\.id=([0-9A-Za-z]+)/.exec(scope)?.[1];
  if (id === undefined) return undefined;
  return /^[0-9a-f]{64}$/.test(id) ? id.slice(0, 12) : id;
}

/** Slots of the count of placed threads by tid (see mayBePlaced): 16 KB, read by most events. */
const PLACED_SLOTS = 4096;

export class ContainerDeathTracker {
  /** The container each thread was last seen in (parents are named by thread id). */
  private readonly containerOfThread = new Map<number, string>();
  /** By tid's low bits: how many threads were last seen in a place (a container or the host, not ''). */
  private readonly placedThreads = new Int32Array(PLACED_SLOTS);
  private readonly withOwnPidNamespace = new Set<string>();
  /** Per container: main-process deaths not yet paired with a die event (>0), or die events not yet paired (<0). */
  private readonly unpaired = new Map<string, number>();
  /** Workloads with a death not yet followed by a restart. */
  private readonly awaitingRestart = new Set<string>();
  private readonly workloadOfContainer = new Map<string, string>();

  /** Whether this event shows a thread for the first time in its container (cheap: called for every event). */
  isNewSighting(tid: number, containerId: string): boolean {
    return tid > 0 && this.containerOfThread.get(tid) !== containerId;
  }

  /**
   * Whether a thread may have been last seen in a place. One that was not (never seen, or last
   * seen in none: '', an event without a thread) is alike to every rule here whether or not it
   * is seen in none again, so such a sighting can be passed over: it is the most common one
   * (procinfo events of threads the state does not know), and this answers from a small table.
   */
  mayBePlaced(tid: number): boolean {
    return this.placedThreads[tid & (PLACED_SLOTS - 1)] !== 0;
  }

  private place(tid: number, containerId: string): void {
    const before = this.containerOfThread.get(tid);
    this.containerOfThread.set(tid, containerId);
    const was = before !== undefined && before !== '';
    const is = containerId !== '';
    if (was !== is) this.placedThreads[tid & (PLACED_SLOTS - 1)] += is ? 1 : -1;
  }

  /**
   * A thread newly seen in its container: 'restart' when its process is the container's main
   * process and the workload had died.
   */
  sighting(p: ProcessSighting): ContainerVerdict {
    if (!this.isNewSighting(p.tid, p.containerId)) return null;
    this.place(p.tid, p.containerId);
    if (!isContainer(p.containerId)) return null;
    if (inOwnPidNamespace(p.pid, p.vpid)) this.withOwnPidNamespace.add(p.containerId);
    if (p.tid !== p.pid || !this.isMain(p)) return null;
    const workload = this.workload(p.containerId, p.containerName);
    if (workload === null || !this.awaitingRestart.has(workload)) return null;
    this.awaitingRestart.delete(workload);
    return 'restart';
  }

  /** A procexit of a thread (after its sighting). */
  processExit(p: ProcessSighting): ContainerVerdict {
    if (p.tid !== p.pid || !isContainer(p.containerId) || !this.isMain(p)) return null;
    if (!inOwnPidNamespace(p.pid, p.vpid)) return 'undecided';
    if (!this.pair(p.containerId, +1)) return null;
    this.diedFor(p.containerId, p.containerName);
    return 'death';
  }

  /** At the end of the capture: whether an 'undecided' exit in this container was a death. */
  settle(containerId: string): boolean {
    return !this.withOwnPidNamespace.has(containerId) && this.pair(containerId, +1);
  }

  /** A docker "die" infra event for a container (undefined = the event does not say which). */
  dockerDie(containerId: string | undefined): ContainerVerdict {
    if (containerId === undefined) return 'death';
    if (!this.pair(containerId, -1)) return null;
    this.diedFor(containerId, '');
    return 'death';
  }

  private isMain(p: ProcessSighting): boolean {
    const parentInContainer = p.ppid !== undefined && this.containerOfThread.get(p.ppid) === p.containerId;
    return isContainerMainProcess({ pid: p.pid, vpid: p.vpid, parentInContainer, containerHasOwnPidNamespace: this.withOwnPidNamespace.has(p.containerId) });
  }

  /** Counts a signal unless it pairs with an earlier one of the other kind for the same container. */
  private pair(containerId: string, sign: 1 | -1): boolean {
    const n = this.unpaired.get(containerId) ?? 0;
    this.unpaired.set(containerId, n + sign);
    return n === 0 || Math.sign(n) === sign;
  }

  private diedFor(containerId: string, name: string): void {
    const w = this.workload(containerId, name);
    if (w !== null) this.awaitingRestart.add(w);
  }

  private workload(containerId: string, name: string): string | null {
    let key = this.workloadOfContainer.get(containerId);
    if (key === undefined || (name !== '' && key === containerId)) {
      const w = workloadOf(name, containerId);
      key = w.sandbox ? '' : w.key;
      this.workloadOfContainer.set(containerId, key);
    }
    return key === '' ? null : key;
  }
}
