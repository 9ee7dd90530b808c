/**
 * Which process is a container's main process (its init): the one whose death is the container's
 * death. One rule serves the overview's "Container Deaths" tile (decided event by event) and the
 * container lifetimes of `syscope tree --containers` (decided over the whole process list).
 *
 * - A container with its own pid namespace (some process's pid inside it differs from its host
 *   pid) has as main process the one with pid 1 inside. Its processes still in the host's
 *   namespace are the runtime's helpers passing through (runc's "runc:[0:PARENT]"), not mains.
 * - Otherwise (the container shares the host's pid namespace, or the capture does not record
 *   pids inside containers) the main process is one whose parent is outside the container (the
 *   runtime's shim started it).
 */
export interface MainProcessFacts {
  pid: number;
  /** pid inside the container; null/undefined = unknown. */
  vpid: number | null | undefined;
  /** Whether the parent process belongs to the same container. */
  parentInContainer: boolean;
  /** Whether any process of the container is known to live in a pid namespace of its own. */
  containerHasOwnPidNamespace: boolean;
}

/** Whether a process is known to live in a pid namespace other than the host's. */
export function inOwnPidNamespace(pid: number, vpid: number | null | undefined): boolean {
  return vpid !== null && vpid !== undefined && vpid > 0 && vpid !== pid;
}

export function isContainerMainProcess(p: MainProcessFacts): boolean {
  if (inOwnPidNamespace(p.pid, p.vpid)) return p.vpid === 1;
  if (p.containerHasOwnPidNamespace) return false;
  return !p.parentInContainer;
}

/** k8s_<container>_<pod>_<namespace>_<pod uid>_<attempt>, as the kubelet names docker containers. */
const KUBELET_NAME = /^k8s_([^_]+)_([^_]+)_([^_]+)_([^_]+)_(\d+)$/;

export interface Workload {
  /** Instances of one workload share this key: namespace/pod/container, else the name, else the id. */
  key: string;
  kind: 'kubernetes' | 'container';
  container: string;
  pod: string | null;
  namespace: string | null;
  /** A pod's sandbox (pause) container: not a workload, it neither dies nor restarts by itself. */
  sandbox: boolean;
}

/** The workload a container instance belongs to, from its name (restarts are new instances of it). */
export function workloadOf(name: string, id: string): Workload {
  const k8s = KUBELET_NAME.exec(name);
  if (k8s) return { key: `${k8s[3]}/${k8s[2]}/${k8s[1]}`, kind: 'kubernetes', container: k8s[1], pod: k8s[2], namespace: k8s[3], sandbox: k8s[1] === 'POD' };
  const n = name && name !== '<NA>' ? name : '';
  return { key: n || id, kind: 'container', container: n || id, pod: null, namespace: null, sandbox: false };
}
