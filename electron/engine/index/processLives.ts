/**
 * The processes an indexing pass sees, with when each appeared and ended: the index's process
 * lifetimes. Every event asks for its process, and in captures full of procinfo events (one per
 * thread per second) neighbouring events rarely share one: recent processes are kept by pid in
 * a small table, which spares most events the lookup in the map.
 */

/** A process's life: undefined start = running before the capture; undefined end = still running at its end. */
export interface ProcessLife { start: bigint | undefined; end: bigint | undefined }

const RECENT = 4096;

export class ProcessLives {
  /** In the order processes were first seen (the order their lifetimes are recorded in). */
  private readonly byPid = new Map<number, ProcessLife>();
  /**
   * Recent processes by pid's low bits. Pids are kept as 32-bit integers, so only pids that are
   * one are kept here (others are looked up in the map); the slots' initial 0 is no pid asked
   * for (only pids > 0 are).
   */
  private readonly recentPids = new Int32Array(RECENT);
  private readonly recentLives = new Array<ProcessLife | undefined>(RECENT).fill(undefined);

  /** The life of a process seen before, or undefined. */
  of(pid: number): ProcessLife | undefined {
    const slot = pid & (RECENT - 1);
    if (this.recentPids[slot] === pid) return this.recentLives[slot];
    const life = this.byPid.get(pid);
    if (life !== undefined) this.keep(slot, pid, life);
    return life;
  }

  /** A process not seen before. */
  add(pid: number, start: bigint | undefined): ProcessLife {
    const life: ProcessLife = { start, end: undefined };
    this.byPid.set(pid, life);
    this.keep(pid & (RECENT - 1), pid, life);
    return life;
  }

  entries(): IterableIterator<[number, ProcessLife]> {
    return this.byPid.entries();
  }

  private keep(slot: number, pid: number, life: ProcessLife): void {
    if ((pid | 0) !== pid) return;
    this.recentPids[slot] = pid;
    this.recentLives[slot] = life;
  }
}
