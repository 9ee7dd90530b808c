/**
 * Containers: the id a thread's cgroups give (sinsp-state.md §6.1, in the order of the old
 * engine that sysdig 0.29.3 uses) and the metadata container JSON events carry (§6.2).
 */
import { decodeUtf8, splitNulList } from './eventParams';
import { RecentParses } from './recentParses';

export interface ContainerInfo {
  id: string;
  fullId: string;
  type: number;
  name: string;
  image: string;
  imageId: string;
  imageRepo: string;
  imageTag: string;
  imageDigest: string;
  privileged: boolean | undefined;
  ip: string;
  labels: Record<string, string>;
  mounts: Array<{ source: string; dest: string; mode: string; rw: boolean; propagation: string }>;
  lookupSuccessful: boolean;
  /** The health check command from the container's metadata, when it has one. */
  healthcheck?: { exe: string; args: string[] };
  /** Kubernetes liveness and readiness probe commands, when the metadata has them. */
  livenessProbe?: { exe: string; args: string[] };
  readinessProbe?: { exe: string; args: string[] };
}

const HEX64 = /^[0-9a-fA-F]{64}$/;

function runcMatch(path: string, prefix: string, suffix: string, containerdVariant: boolean): string | undefined {
  const p = path.lastIndexOf(prefix);
  if (p < 0) return undefined;
  const start = p + prefix.length;
  let end = path.length;
  if (suffix) {
    end = path.lastIndexOf(suffix);
    if (end < 0) return undefined;
  }
  if (end < start) return undefined;
  const len = end - start;
  const candidate = path.slice(start, end);
  if (len === 64 && HEX64.test(candidate)) return candidate.slice(0, 12);
  if (len === 0 || len > 64 || !containerdVariant) return undefined;
  if (!path.startsWith('/default/') || /\.(service|slice|scope)$/.test(path)) return undefined;
  return candidate.slice(0, 12);
}

// Every clone and execve asks this for each of the thread's cgroups, and a capture has few
// distinct paths: answers are kept (up to a bound, against captures with endless new paths).
const idByCgroupPath = new Map<string, string | undefined>();
const MAX_KEPT_CGROUP_PATHS = 4096;

/** Container id of one cgroup path, or undefined when it names none. */
export function containerIdFromCgroupPath(path: string): string | undefined {
  if (idByCgroupPath.has(path)) return idByCgroupPath.get(path);
  const id = findContainerId(path);
  if (idByCgroupPath.size >= MAX_KEPT_CGROUP_PATHS) idByCgroupPath.clear();
  idByCgroupPath.set(path, id);
  return id;
}

function findContainerId(path: string): string | undefined {
  for (const [pre, suf] of [['/libpod-', '.scope'], ['/libpod-', '.scope/container'], ['/libpod-', '']] as const) {
    const id = runcMatch(path, pre, suf, false);
    if (id) return id;
  }
  for (const [pre, suf] of [['/', ''], ['/docker-', '.scope']] as const) {
    const id = runcMatch(path, pre, suf, false);
    if (id) return id;
  }
  for (const [pre, suf] of [['/crio-', ''], ['/cri-containerd-', '.scope'], ['/crio-', '.scope'], [':cri-containerd:', '']] as const) {
    const id = runcMatch(path, pre, suf, false);
    if (id) return id;
  }
  for (const marker of ['/lxc/', '/lxc.payload/', '/lxc.payload.']) {
    const p = path.indexOf(marker);
    if (p >= 0) {
      const rest = path.slice(p + marker.length);
      const slash = rest.indexOf('/');
      return slash < 0 ? rest : rest.slice(0, slash);
    }
  }
  if (path.endsWith('.libvirt-lxc')) {
    const last = path.slice(path.lastIndexOf('/') + 1);
    return last.slice(0, -'.libvirt-lxc'.length);
  }
  const lv = path.indexOf('-lxc\\x2d');
  if (lv >= 0 && (path.endsWith('.scope') || path.endsWith('.scope/libvirt'))) {
    return path.slice(lv + '-lxc\\x2d'.length, path.lastIndexOf('.scope'));
  }
  const lvPath = path.indexOf('/libvirt/lxc/');
  if (lvPath >= 0) return path.slice(lvPath + '/libvirt/lxc/'.length);
  const bpm = path.indexOf('bpm-');
  if (bpm >= 0) {
    const m = /^[A-Za-z0-9._-]+?(?=\.scope)/.exec(path.slice(bpm + 4));
    if (m) return m[0];
  }
  return runcMatch(path, '/default/', '', true);
}

/** Container id of a thread from its cgroups (first match in list order), '' for none. */
export function containerIdFromCgroups(cgroups: Array<[string, string]>): string {
  for (const [, path] of cgroups) {
    const id = containerIdFromCgroupPath(path);
    if (id) return id;
  }
  return '';
}

/** Splits `controller=path` items as sinsp does; an item without '=' ends the list. */
export function parseCgroups(items: string[]): Array<[string, string]> | undefined {
  const out: Array<[string, string]> = [];
  for (const item of items) {
    const eq = item.indexOf('=');
    if (eq < 0) return undefined;
    let controller = item.slice(0, eq);
    if (controller.endsWith('_cgroup')) controller = controller.slice(0, -'_cgroup'.length);
    if (controller === 'perf') controller = 'perf_event';
    else if (controller === 'mem') controller = 'memory';
    else if (controller === 'io') controller = 'blkio';
    out.push([controller, item.slice(eq + 1)]);
  }
  return out;
}

/**
 * parseCgroups of a clone's or execve's cgroups parameter (NUL-separated), parsed once per
 * distinct list: the threads of a container carry the same bytes, and decoding, splitting and
 * parsing them for every clone was a fifth of what the state pass allocated.
 */
export function parseCgroupList(b: Uint8Array): Array<[string, string]> | undefined {
  return recentCgroupLists.of(b);
}
// A capture has a handful of distinct lists.
const recentCgroupLists = new RecentParses((b) => parseCgroups(splitNulList(b)), 8);

/**
 * parseContainerJson of a container event's JSON parameter (one trailing NUL dropped), parsed
 * once per distinct record: captures re-announce their containers (the 200 MB bench copy has
 * 3,212 records, 22 distinct), and each was decoded and parsed again.
 */
export function parseContainerJsonParam(b: Uint8Array): ContainerInfo | undefined {
  return recentContainerRecords.of(b);
}
const recentContainerRecords = new RecentParses((b) => {
  const end = b.length > 0 && b[b.length - 1] === 0 ? b.length - 1 : b.length;
  return parseContainerJson(decodeUtf8(b.subarray(0, end)));
}, 32);

const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

/** Parses a container JSON event's text; undefined when it is not valid container JSON. */
export function parseContainerJson(text: string): ContainerInfo | undefined {
  let doc: unknown;
  try { doc = JSON.parse(text); } catch { return undefined; }
  if (!doc || typeof doc !== 'object') return undefined;
  const root = doc as Record<string, unknown>;
  const c = (root.container && typeof root.container === 'object' ? root.container : root) as Record<string, unknown>;
  const id = str(c.id);
  if (!id) return undefined;
  const labels: Record<string, string> = {};
  if (c.labels && typeof c.labels === 'object') for (const [k, v] of Object.entries(c.labels as object)) labels[k] = str(v);
  const mounts = Array.isArray(c.Mounts) ? (c.Mounts as Array<Record<string, unknown>>).map((m) => ({
    source: str(m.Source), dest: str(m.Destination), mode: str(m.Mode), rw: m.RW === true, propagation: str(m.Propagation),
  })) : [];
  const lookup = typeof c.lookup_state === 'number' ? c.lookup_state : 1;
  // Each probe is {exe, args} in sysdig's container JSON, as the health check is.
  const command = (v: unknown): { exe: string; args: string[] } | undefined => {
    const probe = v && typeof v === 'object' ? v as Record<string, unknown> : undefined;
    return probe && typeof probe.exe === 'string' ? { exe: probe.exe, args: Array.isArray(probe.args) ? probe.args.map(str) : [] } : undefined;
  };
  const healthcheck = command(c.healthcheck);
  const livenessProbe = command(c.liveness_probe);
  const readinessProbe = command(c.readiness_probe);
  return {
    ...(healthcheck ? { healthcheck } : {}),
    ...(livenessProbe ? { livenessProbe } : {}),
    ...(readinessProbe ? { readinessProbe } : {}),
    id,
    fullId: str(c.full_id),
    type: typeof c.type === 'number' ? c.type : 0,
    name: str(c.name),
    image: str(c.image),
    imageId: str(c.imageid),
    imageRepo: str(c.imagerepo),
    imageTag: str(c.imagetag),
    imageDigest: str(c.imagedigest),
    privileged: typeof c.privileged === 'boolean' ? c.privileged : undefined,
    ip: str(c.ip),
    labels,
    mounts,
    lookupSuccessful: lookup !== 0 && lookup !== 2,
  };
}

const CONTAINER_TYPE_NAMES: Record<number, string> = {
  0: 'docker', 1: 'lxc', 2: 'libvirt-lxc', 3: 'mesos', 4: 'rkt', 5: 'custom', 6: 'cri', 7: 'containerd', 8: 'cri-o', 9: 'bpm', 10: 'static', 11: 'podman',
};
export function containerTypeName(t: number): string {
  return CONTAINER_TYPE_NAMES[t] ?? '<NA>';
}
