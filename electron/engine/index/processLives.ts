/**
 * The processes an indexing pass sees, with when each appeared and ended: the index's process
 * lifetimes. Every event asks for its process, and in captures full of procinfo events (one per
 * thread per second) neighbouring events rarely share one: recent processes are kept by pid in
 * a small table, which spares most events the lookup in the map.
 */
import { RecentByKey } from './recentByKey';

/** A process's life: undefined start = running before the capture; undefined end = still running at its end. */
export interface ProcessLife { start: bigint | undefined; end: bigint | undefined }

const RECENT = 4096;

export class ProcessLives {
  /** In the order processes were first seen (the order their lifetimes are recorded in). */
  private readonly byPid = new Map<number, ProcessLife>();
  /** Recent processes by pid (the slots' initial pid 0 is never asked for: only pids > 0 are). */
  private readonly recent = new RecentByKey<ProcessLife | undefined>(RECENT, undefined);

  /** The life of a process seen before, or undefined. */
  of(pid: number): ProcessLife | undefined {
    const kept = this.recent.get(pid);
    if (kept !== undefined) return kept;
    const life = this.byPid.get(pid);
    if (life !== undefined) this.recent.set(pid, life);
    return life;
  }

  /** A process not seen before. */
  add(pid: number, start: bigint | undefined): ProcessLife {
    const life: ProcessLife = { start, end: undefined };
    this.byPid.set(pid, life);
    this.recent.set(pid, life);
    return life;
  }

  entries(): IterableIterator<[number, ProcessLife]> {
    return this.byPid.entries();
  }
}
