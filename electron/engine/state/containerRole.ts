/**
 * A thread's role in its container, decided when it executes a program (sinsp-state.md §6.2,
 * "thread category"): the container's init (vpid 1) and its descendants belong to the
 * container; a program matching the container's health check command, started from outside
 * the init's tree (e.g. by the runtime's exec), is the health check, and so are its children.
 */
import { ContainerRole, type ThreadInfo } from './threadInfo';
import type { SystemState } from './systemState';

export function identifyContainerRole(state: SystemState, t: ThreadInfo): void {
  if (!t.containerId) return;
  if (t.vpid === 1) { t.containerRole = ContainerRole.Container; return; }
  const parent = state.threads.get(t.ptid);
  if (parent && parent.containerRole !== ContainerRole.None) { t.containerRole = parent.containerRole; return; }
  const probe = state.containers.get(t.containerId)?.healthcheck;
  if (!probe || !runsProbe(t, probe)) return;
  // A probe command run by the container's own init tree is just a program of the container.
  for (let cur = parent, hops = 0; cur && hops < 1000; cur = state.threads.get(cur.ptid), hops++) {
    if (cur.containerId !== t.containerId) break;
    if (cur.vpid === 1) return;
    if (cur.ptid === cur.tid) break;
  }
  t.containerRole = ContainerRole.Healthcheck;
}

function runsProbe(t: ThreadInfo, probe: { exe: string; args: string[] }): boolean {
  if (t.exe !== probe.exe && t.comm !== probe.exe) return false;
  return t.args.length === probe.args.length && t.args.every((a, i) => a === probe.args[i]);
}
