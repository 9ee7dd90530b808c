/**
 * Kubernetes orchestrator state recorded in a capture: the k8s meta events (id 260) that an
 * agent connected to the API server wrote as JSON of its watch (pods, namespaces, replication
 * controllers, replica sets, services, deployments; ADDED / MODIFIED / DELETED). sysdig 0.29.3
 * replays them into its k8s state and the k8s.* fields read it (sinsp-state.md; facts from
 * libsinsp's k8s_state_t and k8s_*_handler of that era).
 *
 * What carries over, because the printed values depend on it:
 * - Only the "capture version 2" layout (`{"kind", "type", "items": [...]}`) is understood;
 *   the older `{"object": ...}` layout is ignored (no capture here has it).
 * - A component is found by uid; ADDED of a known uid updates it, MODIFIED or DELETED of an
 *   unknown one is ignored. Name and namespace are set when it is first seen and never change;
 *   labels (and service selectors) are replaced only by a non-empty set.
 * - Lookups are caches rebuilt from every component of one kind each time a component of that
 *   kind changes, not when pods change: a pod added after its replica set is only linked to it
 *   once a replica set event comes again, as in sysdig.
 * - Pod of a container: the pod listing the container's id (`docker://<id>` cut to 12
 *   characters); the last pod listing it wins. Pod → rc / rs: the first whose selectors all
 *   appear in the pod's labels, in the pod's namespace; → services: every such service, newest
 *   first; → deployment: the last such deployment (libstdc++ multimap order).
 */

/** The k8s meta event id (PPME_K8S_E). */
export const K8S_EVENT = 260;

export type K8sLabels = ReadonlyArray<readonly [string, string]>;

export interface K8sComponent {
  readonly name: string;
  readonly uid: string;
  /** '' for namespaces themselves. */
  readonly namespace: string;
  /** Sorted by key, as the JSON reader sysdig uses lists object members. */
  labels: K8sLabels;
  selectors: K8sLabels;
}

export interface K8sPod extends K8sComponent {
  /** As the API gives them: `docker://<64 hex>`, `containerd://...`, `cri-o://...`, `rkt://...`. */
  containerIds: string[];
}

type Kind = 'Namespace' | 'Pod' | 'ReplicationController' | 'ReplicaSet' | 'Service' | 'Deployment';
const KINDS = new Set<string>(['Namespace', 'Pod', 'ReplicationController', 'ReplicaSet', 'Service', 'Deployment']);

/** Container id prefixes and how much of the id follows (12 = the short id sysdig keys containers by). */
const ID_PREFIXES: ReadonlyArray<readonly [string, number | undefined]> = [
  ['docker://', 12], ['rkt://', undefined], ['containerd://', 12], ['cri-o://', 12],
];

export class K8sState {
  readonly namespaces: K8sComponent[] = [];
  readonly pods: K8sPod[] = [];
  readonly rcs: K8sComponent[] = [];
  readonly rss: K8sComponent[] = [];
  readonly services: K8sComponent[] = [];
  readonly deployments: K8sComponent[] = [];

  private readonly nsByName = new Map<string, K8sComponent>();
  private readonly podByContainer = new Map<string, K8sPod>();
  private readonly rcByPod = new Map<string, K8sComponent>();
  private readonly rsByPod = new Map<string, K8sComponent>();
  private readonly servicesByPod = new Map<string, K8sComponent[]>();
  private readonly deploymentByPod = new Map<string, K8sComponent>();

  /** Applies one k8s event's JSON; malformed or unknown content is ignored, as sysdig logs and skips it. */
  apply(json: string): void {
    let root: unknown;
    try {
      root = JSON.parse(json.replace(/\0+$/, ''));
    } catch {
      return;
    }
    if (!isObject(root)) return;
    const { kind, type, items } = root;
    if (typeof kind !== 'string' || !KINDS.has(kind) || typeof type !== 'string' || !Array.isArray(items)) return;
    const list = this.listOf(kind as Kind);
    let changed = false;
    for (const item of items) {
      if (!isObject(item)) continue;
      const uid = text(item.uid);
      const at = list.findIndex((c) => c.uid === uid);
      const reason = type[0];
      if (reason === 'A' || reason === 'M') {
        if (reason === 'M' && at < 0) continue;
        const c = at >= 0 ? list[at] : this.add(list, kind as Kind, text(item.name), uid, text(item.namespace));
        this.update(kind as Kind, c, item);
        changed = true;
      } else if (reason === 'D') {
        if (at < 0) continue;
        list.splice(at, 1);
        changed = true;
      }
    }
    if (changed) this.rebuild(kind as Kind);
  }

  podOfContainer(containerId: string): K8sPod | undefined {
    return this.podByContainer.get(containerId);
  }

  namespaceNamed(name: string): K8sComponent | undefined {
    return this.nsByName.get(name);
  }

  rcOf(pod: K8sPod): K8sComponent | undefined { return this.rcByPod.get(pod.uid); }
  rsOf(pod: K8sPod): K8sComponent | undefined { return this.rsByPod.get(pod.uid); }
  servicesOf(pod: K8sPod): readonly K8sComponent[] { return this.servicesByPod.get(pod.uid) ?? []; }
  deploymentOf(pod: K8sPod): K8sComponent | undefined { return this.deploymentByPod.get(pod.uid); }

  private listOf(kind: Kind): K8sComponent[] {
    switch (kind) {
      case 'Namespace': return this.namespaces;
      case 'Pod': return this.pods;
      case 'ReplicationController': return this.rcs;
      case 'ReplicaSet': return this.rss;
      case 'Service': return this.services;
      case 'Deployment': return this.deployments;
    }
  }

  private add(list: K8sComponent[], kind: Kind, name: string, uid: string, namespace: string): K8sComponent {
    const c: K8sComponent = { name, uid, namespace: kind === 'Namespace' ? '' : namespace, labels: [], selectors: [] };
    const entry = kind === 'Pod' ? Object.assign(c, { containerIds: [] as string[] }) : c;
    list.push(entry);
    return entry;
  }

  private update(kind: Kind, c: K8sComponent, item: Record<string, unknown>): void {
    const labels = pairs(item.labels);
    if (labels.length > 0) c.labels = labels;
    switch (kind) {
      case 'Pod':
        (c as K8sPod).containerIds = containerIds(item);
        break;
      case 'Service': {
        const selectors = pairs(item.selector);
        if (selectors.length > 0) c.selectors = selectors;
        break;
      }
      case 'ReplicationController': case 'ReplicaSet': case 'Deployment':
        // A null selector leaves the old one; any other value replaces it (even by nothing).
        if (item.selector !== null && item.selector !== undefined) c.selectors = pairs(item.selector);
        break;
      default:
    }
  }

  private rebuild(kind: Kind): void {
    switch (kind) {
      case 'Namespace':
        this.nsByName.clear();
        for (const ns of this.namespaces) if (!this.nsByName.has(ns.name)) this.nsByName.set(ns.name, ns);
        break;
      case 'Pod':
        this.podByContainer.clear();
        for (const pod of this.pods) {
          for (const id of pod.containerIds) {
            const short = shortContainerId(id);
            if (short !== undefined) this.podByContainer.set(short, pod);
          }
        }
        break;
      case 'ReplicationController': firstSelecting(this.rcs, this.pods, this.rcByPod); break;
      case 'ReplicaSet': firstSelecting(this.rss, this.pods, this.rsByPod); break;
      case 'Deployment':
        this.deploymentByPod.clear();
        for (const d of this.deployments) for (const pod of this.pods) if (selects(d, pod)) this.deploymentByPod.set(pod.uid, d);
        break;
      case 'Service':
        this.servicesByPod.clear();
        for (const s of this.services) {
          for (const pod of this.pods) {
            if (!selects(s, pod)) continue;
            const list = this.servicesByPod.get(pod.uid);
            if (list) list.unshift(s); else this.servicesByPod.set(pod.uid, [s]);
          }
        }
        break;
    }
  }
}

function firstSelecting(owners: K8sComponent[], pods: K8sPod[], map: Map<string, K8sComponent>): void {
  map.clear();
  for (const o of owners) for (const pod of pods) if (selects(o, pod) && !map.has(pod.uid)) map.set(pod.uid, o);
}

/** Every selector pair is among the pod's labels, in the same namespace (no selectors select nothing). */
function selects(owner: K8sComponent, pod: K8sPod): boolean {
  if (owner.namespace !== pod.namespace || owner.selectors.length === 0 || pod.labels.length === 0) return false;
  return owner.selectors.every(([k, v]) => pod.labels.some(([lk, lv]) => lk === k && lv === v));
}

/** The id containers are known by (12 characters), or undefined for a runtime sysdig does not know. */
export function shortContainerId(id: string): string | undefined {
  for (const [prefix, length] of ID_PREFIXES) {
    if (id.startsWith(prefix)) return length === undefined ? id.slice(prefix.length) : id.slice(prefix.length, prefix.length + length);
  }
  return undefined;
}

function containerIds(item: Record<string, unknown>): string[] {
  const ids: string[] = [];
  for (const key of ['containerStatuses', 'initContainerStatuses']) {
    const list = item[key];
    if (!Array.isArray(list)) continue;
    for (const s of list) if (isObject(s) && s.containerID !== undefined && s.containerID !== null) ids.push(text(s.containerID));
  }
  return ids;
}

/** An object's string members as key/value pairs, sorted by key (byte order). */
function pairs(v: unknown): Array<[string, string]> {
  if (!isObject(v)) return [];
  const out: Array<[string, string]> = [];
  for (const [k, val] of Object.entries(v)) if (typeof val === 'string') out.push([k, val]);
  return out.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

function text(v: unknown): string {
  return typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Labels as sysdig joins them: `key:value, key2` (a key alone when its value is empty). */
export function labelsText(labels: K8sLabels): string {
  let s = '';
  for (const [k, v] of labels) {
    if (s) s += ', ';
    s += v ? `${k}:${v}` : k;
  }
  return s;
}
