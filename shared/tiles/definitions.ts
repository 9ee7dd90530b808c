/**
 * The overview tiles: every metric of Sysdig Inspect's overview (sysdig's wsysdig_summary chisel),
 * with its category, how it is measured and where it drills to.
 *
 * Deliberate differences from the chisel, each fixing a defect users meet:
 * - "Segmentation Faults" drills with SIGSEGV (the chisel's filter says SIGSEV and finds nothing);
 * - "File Open Errors" counts failed open, openat and openat2, not only open;
 * - HTTP traffic is counted as "HTTP Requests" (buffers starting with a method) and
 *   "HTTP Responses" (buffers starting with HTTP/); the chisel called responses requests;
 * - "Modified System Files" drills to writes under the system directories only;
 * - tiles come in a fixed order: the list below, then per-event-name docker tiles and network
 *   application tiles alphabetically.
 *
 * Added: "Container Deaths" and "Container Restarts" (Infrastructure). The chisel's only death
 * signal is docker's "die" event, which containerd/Kubernetes captures never have; ours count
 * containers' main processes exiting too (electron/engine/tiles/containerDeaths.ts).
 */

export type TileCategory = 'general' | 'file' | 'network' | 'napps' | 'security' | 'performance' | 'logs' | 'infrastructure';

export const tileCategories: ReadonlyArray<{ id: TileCategory; name: string; alwaysShown: boolean }> = [
  { id: 'general', name: 'General', alwaysShown: true },
  { id: 'file', name: 'File', alwaysShown: true },
  { id: 'network', name: 'Network', alwaysShown: true },
  { id: 'napps', name: 'Network Apps', alwaysShown: false },
  { id: 'security', name: 'Security', alwaysShown: true },
  { id: 'performance', name: 'Performance', alwaysShown: true },
  { id: 'logs', name: 'Logs', alwaysShown: false },
  { id: 'infrastructure', name: 'Infrastructure', alwaysShown: false },
];

/**
 * How a tile's log entries fold into a number for a stretch of time:
 * sum: add the values; distinct: count different things (files, connections);
 * alive: count processes/containers/ports alive during the stretch.
 */
export type TileMeasure = 'sum' | 'distinct' | 'alive';

export interface TileDefinition {
  id: string;
  category: TileCategory;
  title: string;
  description: string;
  measure: TileMeasure;
  /** Hidden when its total is 0. */
  excludable: boolean;
  /** Where a drill-down goes: a view id, or 'echo' (I/O streams) / 'dig' (event list). */
  drillView: string;
  drillFilter?: string;
  /** The tile counts lines of the writes its → lists (one write can carry several). */
  countsLines?: true;
}

const SYSTEM_DIRS = ['/bin/', '/sbin/', '/boot/', '/etc/', '/lib', '/usr/bin/', '/usr/sbin/', '/usr/share/', '/usr/lib'];
export const systemDirectoryPrefixes: readonly string[] = SYSTEM_DIRS;
const LOG_FILES = '((fd.name contains .log or fd.name contains _log or fd.name contains /var/log) and not (fd.name contains .gz or fd.name contains .tgz))';
export const HTTP_METHODS: readonly string[] = ['GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'OPTIONS', 'PATCH', 'CONNECT', 'TRACE'];

/**
 * The writes the log tiles count lines of (as tiles/tileFilters.ts selects them): successful
 * writes to log files that carry no syslog message.
 */
const LOG_WRITES = `evt.dir=< and evt.rawres>=0 and (evt.is_io_write=true or evt.type=sendfile) and fd.type=file and not syslog.severity exists and ${LOG_FILES}`;
/**
 * A keyword anywhere in a write's whole buffer, in any case, as the tiles count it (and as the
 * wsysdig_summary chisel lower-cases each line). `evt.arg.data` would be the rendered text, cut
 * at 80 characters (QA 15: the errors tile counted 34 writes on bencer_capture and its → listed
 * the 9 with the keyword near the start). sysdig 0.29.3 refuses `icontains` on a buffer; Syscope
 * accepts it on purpose (docs/sysdig-differences.md, "Filters"): listing lower, Capitalised and
 * UPPER case instead let a drill list fewer lines than its tile counted ("wArning").
 */
const inBuffer = (word: string) => `evt.buffer icontains ${word}`;
const ERROR_WORDS = ['error', 'critic', 'emerg', 'alert'];
/** Drill filters of the tiles that count log lines: the writes that carry the lines counted. */
export const LOG_LINE_WRITES: Readonly<Record<string, string>> = {
  'logs.app': LOG_WRITES,
  'logs.app.warnings': `${LOG_WRITES} and (${inBuffer('warn')})`,
  // A line mentioning a warning counts as a warning, even if it also says error.
  'logs.app.errors': `${LOG_WRITES} and not (${inBuffer('warn')}) and (${ERROR_WORDS.map(inBuffer).join(' or ')})`,
};

/**
 * What the tiles that count events and drill to the Events list select: the tile counts exactly
 * the events its → lists (the engine's defining filters, tiles/tileFilters.ts, take these).
 */
export const COUNTED_EVENTS: Readonly<Record<string, string>> = {
  'net.outbound': 'evt.type=connect and evt.dir=< and fd.sport exists',
  'net.inbound': 'evt.type in (accept, accept4) and evt.dir=< and fd.sport exists',
  'sec.symlinks': 'evt.type in (symlink, symlinkat) and evt.dir=< and evt.rawres>=0',
  'sec.sudo': 'evt.type=execve and evt.dir=< and evt.rawres>=0 and evt.arg.exe=sudo',
  'sec.setns': 'evt.type=setns and evt.dir=< and evt.rawres>=0',
  'sec.ssh': 'evt.type in (connect, accept, accept4) and evt.dir=< and fd.sport=22',
  'sec.deletions': 'evt.type in (unlink, unlinkat) and evt.dir=< and evt.rawres>=0',
  'perf.open.errors': 'evt.type in (open, openat, openat2) and evt.dir=< and evt.rawres<0',
  'perf.forks': 'evt.type in (clone, fork, vfork, clone3) and evt.dir=< and evt.rawres>0',
  'perf.connect.errors': 'evt.type=connect and evt.dir=< and evt.rawres<0 and evt.rawres!=-115 and fd.type in (ipv4, ipv6)',
  'perf.signals': 'evt.type=signaldeliver and evt.dir=>',
  'perf.segfaults': 'evt.type=signaldeliver and evt.dir=> and evt.arg.sig=SIGSEGV',
};

/** The tile every event counts for (folded from the rows themselves, not from log entries). */
export const SYSCALLS_TILE = 'syscalls';
export const CONTAINER_DEATHS_TILE = 'infra.containers.died';
export const CONTAINER_RESTARTS_TILE = 'infra.containers.restarted';
/** Tiles whose entries are keyed by container id: their drill-down is filtered on the containers counted. */
export const containerKeyedTiles: readonly string[] = [CONTAINER_DEATHS_TILE, CONTAINER_RESTARTS_TILE];

/** The drill-down filter onto a set of containers: `container.id in (...)`. */
export function containersFilter(ids: readonly string[]): string {
  return `container.id in (${ids.map((id) => (/^[A-Za-z0-9_.:-]+$/.test(id) ? id : `"${id.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`)).join(', ')})`;
}

export const staticTiles: readonly TileDefinition[] = [
  { id: 'notifications', category: 'general', title: 'Sysdig Secure Notifications', measure: 'sum', excludable: true, drillView: 'notifications',
    description: 'Policy notifications Sysdig Secure inserted into the capture.' },
  { id: 'procs', category: 'general', title: 'Running Processes', measure: 'alive', excludable: false, drillView: 'procs',
    description: 'Processes that were running during the capture.' },
  { id: 'containers', category: 'general', title: 'Running Containers', measure: 'alive', excludable: false, drillView: 'containers',
    description: 'Containers the capture knows of (its container metadata), as Sysdig Inspect counts them, also those none of whose processes made a system call; the Containers view lists only containers with processes seen.' },
  { id: 'syscalls', category: 'general', title: 'System Calls', measure: 'sum', excludable: false, drillView: 'syscalls',
    description: 'Events recorded (system calls and other kernel events).' },
  { id: 'file.bytes', category: 'file', title: 'File Bytes In+Out', measure: 'sum', excludable: false, drillView: 'files',
    description: 'Bytes read from or written to files.' },
  { id: 'file.bytes.in', category: 'file', title: 'File Bytes In', measure: 'sum', excludable: false, drillView: 'files',
    description: 'Bytes read from files.' },
  { id: 'file.bytes.out', category: 'file', title: 'File Bytes Out', measure: 'sum', excludable: false, drillView: 'files',
    description: 'Bytes written to files.' },
  { id: 'file.accessed', category: 'file', title: 'Accessed Files', measure: 'distinct', excludable: true, drillView: 'files', drillFilter: 'evt.is_io_read=true',
    description: 'Files read or written during the capture.' },
  { id: 'file.modified', category: 'file', title: 'Modified Files', measure: 'distinct', excludable: true, drillView: 'files', drillFilter: '(evt.is_io_write=true or evt.type=sendfile)',
    description: 'Files written during the capture.' },
  { id: 'net.bytes', category: 'network', title: 'Net Bytes In+Out', measure: 'sum', excludable: false, drillView: 'sports',
    description: 'Bytes read from or written to network connections.' },
  { id: 'net.bytes.in', category: 'network', title: 'Net Bytes In', measure: 'sum', excludable: false, drillView: 'sports',
    description: 'Bytes read from the network.' },
  { id: 'net.bytes.out', category: 'network', title: 'Net Bytes Out', measure: 'sum', excludable: false, drillView: 'sports',
    description: 'Bytes written to the network.' },
  { id: 'net.connections', category: 'network', title: 'Active Network Connections', measure: 'distinct', excludable: true, drillView: 'connections', drillFilter: 'evt.is_io=true',
    description: 'Network connections that carried data during the capture.' },
  { id: 'net.listening', category: 'network', title: 'Listening Ports', measure: 'alive', excludable: true, drillView: 'port_bindings',
    description: 'Server ports open for connections.' },
  { id: 'net.listening.new', category: 'network', title: 'New Listening Ports', measure: 'sum', excludable: true, drillView: 'port_bindings',
    description: 'Successful bind calls.' },
  { id: 'net.outbound', category: 'network', title: 'New Outbound Connections', measure: 'sum', excludable: true, drillView: 'dig',
    drillFilter: COUNTED_EVENTS['net.outbound'], description: 'connect calls on network sockets.' },
  { id: 'net.inbound', category: 'network', title: 'New Inbound Connections', measure: 'sum', excludable: true, drillView: 'dig',
    drillFilter: COUNTED_EVENTS['net.inbound'], description: 'Connections accepted.' },
  { id: 'sec.exec', category: 'security', title: 'Executed Commands', measure: 'sum', excludable: false, drillView: 'spy_users_wsysdig',
    description: 'Programs started (successful execve).' },
  { id: 'sec.exec.interactive', category: 'security', title: 'Executed Interactive Commands', measure: 'sum', excludable: true, drillView: 'spy_users_wsysdig',
    drillFilter: 'proc.pname=bash', description: 'Programs started from a bash shell.' },
  { id: 'sec.symlinks', category: 'security', title: 'New Symlinks', measure: 'sum', excludable: true, drillView: 'dig',
    drillFilter: COUNTED_EVENTS['sec.symlinks'], description: 'Symbolic links created.' },
  { id: 'sec.sysfiles', category: 'security', title: 'Modified System Files', measure: 'distinct', excludable: true, drillView: 'files',
    drillFilter: `(evt.is_io_write=true or evt.type=sendfile) and (${SYSTEM_DIRS.map((d) => `fd.name startswith ${d}`).join(' or ')})`,
    description: 'Files written under system directories (/bin, /sbin, /boot, /etc, /lib*, /usr/bin, /usr/sbin, /usr/share, /usr/lib*).' },
  { id: 'sec.sudo', category: 'security', title: 'Sudo Invocations', measure: 'sum', excludable: true, drillView: 'dig',
    drillFilter: COUNTED_EVENTS['sec.sudo'], description: 'sudo executions.' },
  { id: 'sec.setns', category: 'security', title: 'Setns Invocations', measure: 'sum', excludable: true, drillView: 'dig',
    drillFilter: COUNTED_EVENTS['sec.setns'], description: 'Threads entering another namespace (e.g. docker exec).' },
  { id: 'sec.ssh', category: 'security', title: 'New SSH Connections', measure: 'sum', excludable: true, drillView: 'dig',
    drillFilter: COUNTED_EVENTS['sec.ssh'], description: 'Connections to or from port 22.' },
  { id: 'sec.deletions', category: 'security', title: 'Deleted Files', measure: 'sum', excludable: true, drillView: 'dig',
    drillFilter: COUNTED_EVENTS['sec.deletions'], description: 'Files removed.' },
  { id: 'perf.http.requests', category: 'performance', title: 'HTTP Requests', measure: 'sum', excludable: true, drillView: 'echo',
    drillFilter: `(fd.type=ipv4 or fd.type=ipv6) and (${HTTP_METHODS.map((m) => `evt.buffer startswith "${m} "`).join(' or ')})`,
    description: 'Network buffers that start an HTTP request (GET, POST, ...).' },
  { id: 'perf.http.responses', category: 'performance', title: 'HTTP Responses', measure: 'sum', excludable: true, drillView: 'echo',
    drillFilter: '(fd.type=ipv4 or fd.type=ipv6) and evt.buffer startswith "HTTP/"', description: 'Network buffers that start an HTTP response.' },
  { id: 'perf.http.errors', category: 'performance', title: 'HTTP Errors', measure: 'sum', excludable: true, drillView: 'echo',
    drillFilter: '(fd.type=ipv4 or fd.type=ipv6) and evt.buffer startswith "HTTP/" and not evt.buffer contains " 200 "',
    description: 'HTTP responses whose status is not 200.' },
  { id: 'perf.open.errors', category: 'performance', title: 'File Open Errors', measure: 'sum', excludable: true, drillView: 'dig',
    drillFilter: COUNTED_EVENTS['perf.open.errors'], description: 'Failed open, openat and openat2 calls.' },
  { id: 'perf.forks', category: 'performance', title: 'Fork Count', measure: 'sum', excludable: true, drillView: 'dig',
    drillFilter: COUNTED_EVENTS['perf.forks'], description: 'Processes and threads created (clone/fork in the parent).' },
  { id: 'perf.connect.errors', category: 'performance', title: 'Failed Connection Attempts', measure: 'sum', excludable: true, drillView: 'dig',
    drillFilter: COUNTED_EVENTS['perf.connect.errors'],
    description: 'Failed connect calls on network sockets, other than EINPROGRESS.' },
  { id: 'perf.signals', category: 'performance', title: 'Received Signals', measure: 'sum', excludable: true, drillView: 'dig',
    drillFilter: COUNTED_EVENTS['perf.signals'], description: 'Signals delivered.' },
  { id: 'perf.segfaults', category: 'performance', title: 'Segmentation Faults', measure: 'sum', excludable: true, drillView: 'dig',
    drillFilter: COUNTED_EVENTS['perf.segfaults'], description: 'SIGSEGV signals delivered.' },
  { id: 'perf.slowio.1ms', category: 'performance', title: 'Slow File I/O calls (1ms+)', measure: 'sum', excludable: true, drillView: 'slow_io',
    description: 'File reads and writes (outside /dev) that took more than 1 ms.' },
  { id: 'perf.slowio.10ms', category: 'performance', title: 'Slow File I/O calls (10ms+)', measure: 'sum', excludable: true, drillView: 'slow_io',
    drillFilter: 'evt.latency>10000000', description: 'File reads and writes (outside /dev) that took more than 10 ms.' },
  { id: 'perf.slowio.100ms', category: 'performance', title: 'Slow File I/O calls (100ms+)', measure: 'sum', excludable: true, drillView: 'slow_io',
    drillFilter: 'evt.latency>100000000', description: 'File reads and writes (outside /dev) that took more than 100 ms.' },
  { id: 'logs.app', category: 'logs', title: 'App Log Messages', measure: 'sum', excludable: true, drillView: 'echo',
    drillFilter: LOG_LINE_WRITES['logs.app'], countsLines: true, description: 'Lines written to log files (*.log, *_log, /var/log).' },
  { id: 'logs.app.warnings', category: 'logs', title: 'App Log Warning Messages', measure: 'sum', excludable: true, drillView: 'echo',
    drillFilter: LOG_LINE_WRITES['logs.app.warnings'], countsLines: true, description: 'Log-file lines mentioning a warning.' },
  { id: 'logs.app.errors', category: 'logs', title: 'App Log Error Messages', measure: 'sum', excludable: true, drillView: 'echo',
    drillFilter: LOG_LINE_WRITES['logs.app.errors'], countsLines: true,
    description: 'Log-file lines mentioning an error, critical condition, emergency (or emerg, as nginx says) or alert, and no warning.' },
  { id: 'logs.syslog', category: 'logs', title: 'Syslog Messages', measure: 'sum', excludable: true, drillView: 'spy_syslog',
    description: 'Messages sent to syslog.' },
  { id: 'logs.syslog.warnings', category: 'logs', title: 'Syslog Warning Messages', measure: 'sum', excludable: true, drillView: 'spy_syslog',
    drillFilter: 'syslog.severity=4', description: 'Syslog messages of severity warning.' },
  { id: 'logs.syslog.errors', category: 'logs', title: 'Syslog Error Messages', measure: 'sum', excludable: true, drillView: 'spy_syslog',
    drillFilter: 'syslog.severity<4', description: 'Syslog messages of severity error or worse.' },
  { id: CONTAINER_DEATHS_TILE, category: 'infrastructure', title: 'Container Deaths', measure: 'sum', excludable: true, drillView: 'containers',
    drillFilter: 'evt.type=procexit and container.id!=host',
    description: "Containers whose main process (pid 1 inside the container) exited, and docker 'die' events; drills to those containers." },
  { id: CONTAINER_RESTARTS_TILE, category: 'infrastructure', title: 'Container Restarts', measure: 'sum', excludable: true, drillView: 'containers',
    drillFilter: 'container.id!=host',
    description: 'New instances of a container (same pod and container name, or same name) started after one died; drills to those containers.' },
  { id: 'infra.docker', category: 'infrastructure', title: 'Docker Events', measure: 'sum', excludable: true, drillView: 'docker_events',
    description: 'Docker events recorded in the capture.' },
];

/**
 * Server ports of well-known network applications (the chisel's service table). A service whose
 * ports are not only its own says so in its tile's title and description; its tile id stays
 * `napps.<name>`, the id cached indexes and saved findings carry.
 */
export const networkServices: ReadonlyArray<{ name: string; ports: number[]; title?: string; description?: string }> = [
  { name: 'DNS', ports: [53] },
  { name: 'HTTP', ports: [80, 8080] },
  { name: 'HTTPs', ports: [443] },
  { name: 'Kyoto Tycoon', ports: [1978] },
  { name: 'SSH', ports: [22] },
  // sysdig's table gives 6443 to the agent (its collector's port), but 6443 is also the Kubernetes
  // API server's port: on a Kubernetes node with no agent this tile is kubelet and kubectl (QA 18).
  { name: 'Sysdig Agent', ports: [6443, 6666, 6667], title: 'Sysdig Agent or K8s API Bytes',
    description: 'Network bytes on server ports 6666 and 6667 (the Sysdig agent) and 6443, the port of the Sysdig collector'
      + ' and of the Kubernetes API server: on a Kubernetes node, mostly kubelet and kubectl calling the API server. Drill to see which.' },
  { name: 'couchdb', ports: [5984] },
  { name: 'elasticsearch', ports: Array.from({ length: 201 }, (_, i) => 9200 + i) },
  { name: 'etcd', ports: [2379, 22379] },
  { name: 'fluentd', ports: [9880] },
  { name: 'gearman', ports: [4730] },
  { name: 'hadoop', ports: [8020, 9000, 50070] },
  { name: 'hbase', ports: [60000, 60010, 60020, 60030] },
  { name: 'kafka', ports: [2181] },
  { name: 'memcached', ports: [11211] },
  { name: 'mongodb', ports: [27017, 27018, 27019, 28017] },
  { name: 'mysql', ports: [3306] },
  { name: 'postgres', ports: [5432] },
  { name: 'rabbitmq', ports: [5672] },
  { name: 'redis', ports: [6379] },
  { name: 'riak', ports: [8087, 8098] },
  { name: 'solr', ports: [8983] },
  { name: 'statsd', ports: [8125] },
  { name: 'voltdb', ports: [5555] },
];

const serviceByPort = new Map<number, string>();
for (const s of networkServices) for (const p of s.ports) serviceByPort.set(p, s.name);

/** The network application served on a port, if it is a well-known one. */
export function serviceOfPort(port: number): string | undefined {
  return serviceByPort.get(port);
}

const DOCKER_PREFIX = 'infra.docker.';
const NAPPS_PREFIX = 'napps.';

export function dockerEventTileId(eventName: string): string {
  return DOCKER_PREFIX + eventName;
}

export function networkAppTileId(service: string): string {
  return NAPPS_PREFIX + service;
}

const staticById = new Map(staticTiles.map((t) => [t.id, t]));

/** The definition of any tile id, including the per-docker-event and per-application ones. */
export function tileDefinition(id: string): TileDefinition | undefined {
  const fixed = staticById.get(id);
  if (fixed) return fixed;
  if (id.startsWith(DOCKER_PREFIX)) {
    const name = id.slice(DOCKER_PREFIX.length);
    return { id, category: 'infrastructure', title: `${name} Events`, measure: 'sum', excludable: true, drillView: 'docker_events',
      drillFilter: `evt.arg.name="${name.replace(/"/g, '\\"')}"`, description: `Docker "${name}" events (e.g. "die": a container exited).` };
  }
  if (id.startsWith(NAPPS_PREFIX)) {
    const name = id.slice(NAPPS_PREFIX.length);
    const svc = networkServices.find((s) => s.name === name);
    if (!svc) return undefined;
    return { id, category: 'napps', title: svc.title ?? `${name} Bytes`, measure: 'sum', excludable: true, drillView: 'connections',
      drillFilter: svc.ports.map((p) => `fd.sport=${p}`).join(' or '), description: svc.description ?? `Network bytes on ${name} server ports.` };
  }
  return undefined;
}

/** Stable display order: categories in order; fixed tiles as listed, dynamic ones by title. */
export function compareTiles(a: TileDefinition, b: TileDefinition): number {
  const ca = tileCategories.findIndex((c) => c.id === a.category);
  const cb = tileCategories.findIndex((c) => c.id === b.category);
  if (ca !== cb) return ca - cb;
  const ia = staticTiles.indexOf(staticById.get(a.id) as TileDefinition);
  const ib = staticTiles.indexOf(staticById.get(b.id) as TileDefinition);
  if (ia >= 0 || ib >= 0) return (ia < 0 ? Infinity : ia) - (ib < 0 ? Infinity : ib) || 0;
  return a.title < b.title ? -1 : a.title > b.title ? 1 : 0;
}
