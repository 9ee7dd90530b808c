/**
 * What the evidence views show about processes and containers, as plain data that crosses the
 * IPC boundary: the process tree and the containers over time.
 */

export interface ProcessNode {
  pid: number;
  /** The parent process. */
  ppid: number;
  /** The parent thread that created it (what sysdig's proc.ppid shows; ppid is its process). */
  parentTid: number;
  name: string;
  exe: string;
  args: string[];
  cmdline: string;
  uid: number;
  user: string;
  containerId: string;
  /** pid inside the container's pid namespace, when known (1 = the container's main process). */
  vpid: number | null;
  /** null when the process already ran when the capture started. */
  startTs: string | null;
  startEvtNum: number | null;
  exitTs: string | null;
  exitEvtNum: number | null;
  /** Exit code when the process exited by itself. */
  exitCode: number | null;
  /** Killing signal number, when a signal ended it. */
  exitSignal: number | null;
  coreDumped: boolean;
  crashed: boolean;
  /** Why it counts as crashed ("killed by SIGSEGV", "exited with status 1"), or ''. */
  crashReason: string;
  execs: number;
  lastExecTs: string | null;
  lastExecEvtNum: number | null;
  threads: number;
  /** Distinct files it opened during the capture. */
  files: number;
  /** Distinct connections it made or accepted during the capture. */
  connections: number;
  children: number[];
}

export interface MainProcessEnd {
  pid: number;
  name: string;
  cmdline: string;
  startTs: string | null;
  exitTs: string | null;
  exitEvtNum: number | null;
  exitCode: number | null;
  exitSignal: number | null;
  crashed: boolean;
  crashReason: string;
}

export interface ContainerLifetime {
  id: string;
  name: string;
  image: string;
  /** Whether the capture carried metadata (a container event) for this container. */
  hasMetadata: boolean;
  firstTs: string;
  lastTs: string;
  firstEvtNum: number;
  lastEvtNum: number;
  events: number;
  processes: number[];
  mainProcesses: MainProcessEnd[];
  /** Main processes that ended within the capture. */
  deaths: number;
  /** Main processes that started after an earlier main process had ended. */
  restarts: number;
  /** The container's last main process ended and nothing of it ran afterwards. */
  died: boolean;
}

/**
 * One workload across container instances: Kubernetes starts a new container (new id, name
 * ending in the attempt number) for every restart of a pod's container, so "how many times did
 * it restart" is answered by grouping instances, not by looking at one container.
 */
export interface RestartGroup {
  /** Kubernetes: `namespace/pod/container`; otherwise the container name (or id). */
  key: string;
  kind: 'kubernetes' | 'container';
  container: string;
  pod: string | null;
  namespace: string | null;
  /** Container ids in start order. */
  instances: string[];
  /** Main processes that ended, over all instances. */
  deaths: number;
  /** Starts after an earlier instance or main process had ended. */
  restarts: number;
  /** Nanoseconds from each death to the next start (back-off), in order. */
  backoffNs: string[];
  /** How the main processes ended, in order ("exited 1", "killed by SIGKILL"). */
  endings: string[];
}
