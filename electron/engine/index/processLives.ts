/**
 * The processes an indexing pass sees, with when each appeared and ended: the index's process
 * lifetimes. Every event with a thread asks for its process: nine in ten ask for the same one
 * as the one before (1,264,214 of 1,391,380 in the 200 MB bench copy), which is kept at hand;
 * the others, which in captures full of procinfo events (one per thread per second) rarely
 * share one, find recent processes by pid in a small table before the map.
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
  /** The process last found or added (pid 0: none; only pids > 0 are asked for). */
  private lastPid = 0;
  private lastLife: ProcessLife | undefined = undefined;

  /**
   * The life of a process seen before, or undefined. Kept this small so that V8 inlines it into
   * the indexing pass's callback: most events ask for the process the one before asked for.
   */
  of(pid: number): ProcessLife | undefined {
    return pid === this.lastPid ? this.lastLife : this.find(pid);
  }

  private find(pid: number): ProcessLife | undefined {
    let life = this.recent.get(pid);
    if (life === undefined) {
      life = this.byPid.get(pid);
      if (life === undefined) return undefined;
      this.recent.set(pid, life);
    }
    this.lastPid = pid;
    this.lastLife = life;
    return life;
  }

  /** A process not seen before. */
  add(pid: number, start: bigint | undefined): ProcessLife {
    const life: ProcessLife = { start, end: undefined };
    this.byPid.set(pid, life);
    this.recent.set(pid, life);
    this.lastPid = pid;
    this.lastLife = life;
    return life;
  }

  entries(): IterableIterator<[number, ProcessLife]> {
    return this.byPid.entries();
  }
}
