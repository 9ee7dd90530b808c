/**
 * A thread's role in its container, decided when it executes a program (sinsp-state.md §6.2,
 * "thread category"): the container's init (vpid 1) and its descendants belong to the
 * container; a program matching the container's health check command (or a Kubernetes
 * liveness or readiness probe), started from outside the init's tree (e.g. by the runtime's
 * exec), is that probe, and so are its children.
 */
import { ContainerRole, type ThreadInfo } from './threadInfo';
import type { SystemState } from './systemState';

export function identifyContainerRole(state: SystemState, t: ThreadInfo): void {
  if (!t.containerId) return;
  if (t.vpid === 1) { t.containerRole = ContainerRole.Container; return; }
  const parent = state.threads.get(t.ptid);
  if (parent && parent.containerRole !== ContainerRole.None) { t.containerRole = parent.containerRole; return; }
  // The probes in the order sinsp keeps them: the health check, then liveness, then readiness.
  const info = state.containers.get(t.containerId);
  const role = !info ? undefined
    : info.healthcheck && runsProbe(t, info.healthcheck) ? ContainerRole.Healthcheck
    : info.livenessProbe && runsProbe(t, info.livenessProbe) ? ContainerRole.LivenessProbe
    : info.readinessProbe && runsProbe(t, info.readinessProbe) ? ContainerRole.ReadinessProbe
    : undefined;
  if (role === undefined) return;
  // A probe command run by the container's own init tree is just a program of the container.
  for (let cur = parent, hops = 0; cur && hops < 1000; cur = state.threads.get(cur.ptid), hops++) {
    if (cur.containerId !== t.containerId) break;
    if (cur.vpid === 1) return;
    if (cur.ptid === cur.tid) break;
  }
  t.containerRole = role;
}

function runsProbe(t: ThreadInfo, probe: { exe: string; args: string[] }): boolean {
  if (t.exe !== probe.exe && t.comm !== probe.exe) return false;
  return t.args.length === probe.args.length && t.args.every((a, i) => a === probe.args[i]);
}
