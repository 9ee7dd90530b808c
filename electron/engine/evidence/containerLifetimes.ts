/**
 * Containers over time: when each container was seen first and last, its processes, and how
 * each of its main processes ended. This is the evidence behind "container died" and restart
 * counts. It works with or without container metadata events: without them a container is
 * only its id (from cgroups), and its main process is the one whose pid inside the container
 * is 1, or, when that is unknown, a process whose parent is outside the container.
 */
import type { ContainerLifetime, MainProcessEnd, ProcessNode, RestartGroup } from '../../../shared/streams/evidenceTypes';
import { signalName } from './processTree';
import { inOwnPidNamespace, isContainerMainProcess, workloadOf } from '../../../shared/tiles/containerMainProcess';

export type { ContainerLifetime, MainProcessEnd, RestartGroup };

export interface ContainerMeta { name: string; image: string }

interface Seen { firstTs: bigint; lastTs: bigint; firstEvtNum: number; lastEvtNum: number; events: number }

export class ContainerLifetimeBuilder {
  private readonly seen = new Map<string, Seen>();
  private readonly meta = new Map<string, ContainerMeta>();

  /** Metadata from a container event (or the container JSON in the capture). */
  describe(id: string, meta: ContainerMeta): void {
    if (id) this.meta.set(id, meta);
  }

  /** An event of a thread in container `id` ('' = the host, ignored). */
  touch(id: string, ts: bigint, evtNum: number): void {
    if (!id || id === 'host') return;
    let s = this.seen.get(id);
    if (!s) { s = { firstTs: ts, lastTs: ts, firstEvtNum: evtNum, lastEvtNum: evtNum, events: 0 }; this.seen.set(id, s); }
    // Timestamps can step backwards in file order; keep the true extremes.
    if (ts < s.firstTs) s.firstTs = ts;
    if (ts > s.lastTs) s.lastTs = ts;
    s.lastEvtNum = evtNum;
    s.events++;
  }

  build(processes: readonly ProcessNode[]): ContainerLifetime[] {
    const byContainer = new Map<string, ProcessNode[]>();
    for (const p of processes) {
      if (!p.containerId || p.containerId === 'host') continue;
      let list = byContainer.get(p.containerId);
      if (!list) { list = []; byContainer.set(p.containerId, list); }
      list.push(p);
    }
    const ids = new Set<string>([...this.seen.keys(), ...this.meta.keys(), ...byContainer.keys()]);
    const out: ContainerLifetime[] = [];
    for (const id of ids) {
      const procs = byContainer.get(id) ?? [];
      const s = this.seen.get(id);
      const m = this.meta.get(id);
      const mains = mainProcessesOf(procs);
      const ends: MainProcessEnd[] = mains.map((p) => ({
        pid: p.pid, name: p.name, cmdline: p.cmdline, startTs: p.startTs, exitTs: p.exitTs, exitEvtNum: p.exitEvtNum,
        exitCode: p.exitCode, exitSignal: p.exitSignal, crashed: p.crashed, crashReason: p.crashReason,
      }));
      let deaths = 0;
      let restarts = 0;
      let deadSince: string | null = null;
      for (const e of [...ends].sort((a, b) => cmpTs(a.startTs, b.startTs))) {
        if (deadSince !== null && e.startTs !== null && BigInt(e.startTs) >= BigInt(deadSince)) restarts++;
        if (e.exitTs !== null) { deaths++; deadSince = deadSince === null || BigInt(e.exitTs) > BigInt(deadSince) ? e.exitTs : deadSince; }
      }
      const lastMain = ends.length ? ends.reduce((a, b) => (cmpTs(a.startTs, b.startTs) >= 0 ? a : b)) : null;
      const lastTs = s ? s.lastTs.toString() : '';
      const died = lastMain !== null && lastMain.exitTs !== null && procs.every((p) => p.exitTs !== null);
      out.push({
        id, name: m?.name ?? '', image: m?.image ?? '', hasMetadata: m !== undefined,
        firstTs: s ? s.firstTs.toString() : '', lastTs, firstEvtNum: s?.firstEvtNum ?? -1, lastEvtNum: s?.lastEvtNum ?? -1,
        events: s?.events ?? 0, processes: procs.map((p) => p.pid), mainProcesses: ends, deaths, restarts, died,
      });
    }
    return out.sort((a, b) => cmpTs(a.firstTs || null, b.firstTs || null));
  }
}

/** A null start (already running when the capture began) sorts first. */
function cmpTs(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null || a === '') return -1;
  if (b === null || b === '') return 1;
  const d = BigInt(a) - BigInt(b);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

function mainProcessesOf(procs: readonly ProcessNode[]): ProcessNode[] {
  const pids = new Set(procs.map((p) => p.pid));
  const containerHasOwnPidNamespace = procs.some((p) => inOwnPidNamespace(p.pid, p.vpid));
  return procs.filter((p) => isContainerMainProcess({ pid: p.pid, vpid: p.vpid, parentInContainer: pids.has(p.ppid), containerHasOwnPidNamespace }));
}

function ending(m: MainProcessEnd): string {
  return m.exitSignal !== null ? `killed by ${signalName(m.exitSignal)}` : `exited ${m.exitCode}`;
}

/** Groups container instances of one workload and counts its deaths, restarts and back-off. */
export function restartGroups(containers: readonly ContainerLifetime[]): RestartGroup[] {
  const groups = new Map<string, { g: RestartGroup; members: ContainerLifetime[] }>();
  for (const c of containers) {
    const w = workloadOf(c.name, c.id);
    if (w.sandbox) continue;
    const key = w.key;
    let entry = groups.get(key);
    if (!entry) {
      entry = {
        g: { key, kind: w.kind, container: w.container, pod: w.pod, namespace: w.namespace, instances: [], deaths: 0, restarts: 0, backoffNs: [], endings: [] },
        members: [],
      };
      groups.set(key, entry);
    }
    entry.members.push(c);
  }
  const out: RestartGroup[] = [];
  for (const { g, members } of groups.values()) {
    const mains = members.flatMap((c) => c.mainProcesses).sort((a, b) => cmpTs(a.startTs, b.startTs));
    g.instances = [...members].sort((a, b) => cmpTs(a.firstTs || null, b.firstTs || null)).map((c) => c.id);
    let lastDeath: string | null = null;
    for (const m of mains) {
      if (lastDeath !== null && m.startTs !== null && BigInt(m.startTs) >= BigInt(lastDeath)) {
        g.restarts++;
        g.backoffNs.push((BigInt(m.startTs) - BigInt(lastDeath)).toString());
      }
      if (m.exitTs !== null) { g.deaths++; g.endings.push(ending(m)); lastDeath = m.exitTs; }
    }
    out.push(g);
  }
  return out;
}
