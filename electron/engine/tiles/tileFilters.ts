/**
 * Each overview tile's defining filter: the sysdig filter (0.29.3 syntax) that selects exactly the
 * events classifyTiles.ts counts for the tile, and how the selected events fold into the total.
 * Written from the tile's meaning (classifyTiles.ts and the wsysdig_summary chisel), so a tile's
 * total can be checked against sysdig's own filter engine and shown to users as "what this
 * number counts".
 *
 * Tiles without one (alive tiles, container deaths/restarts) have no entry: their rule follows
 * processes, containers or ports over time and is no single filter.
 */
import { COUNTED_EVENTS, HTTP_METHODS, networkServices, systemDirectoryPrefixes } from '../../../shared/tiles/definitions';

/**
 * count: events selected; sum-buflen: sum of their evt.buflen; distinct: different values of
 * `field`; lines: non-empty lines of their evt.buffer (the log tiles count messages, and one
 * write can carry several).
 */
export type TileFilterMeasure = 'count' | 'sum-buflen' | 'distinct' | 'lines';

export interface TileFilter {
  /** sysdig filter text; '' selects every event. */
  filter: string;
  measure: TileFilterMeasure;
  /** For 'distinct': the field whose different values are counted. */
  field?: string;
  /**
   * The tile also counts sysdig's internal events (procinfo, ...), as the chisel does; `sysdig`
   * shows them only with -D.
   */
  internalEvents?: true;
  /**
   * The filter reads whole data buffers (evt.arg.data): sysdig renders them cut short unless
   * run with -v, and its filter sees the rendered text.
   */
  wholeBuffers?: true;
}

const okExit = 'evt.dir=< and evt.rawres>=0';
// sendfile writes without the writes-to-fd flag; the overview counts it as a write (kindRules.ts isIoWrite).
const write = '(evt.is_io_write=true or evt.type=sendfile)';
const io = `(evt.is_io_read=true or ${write})`;
const fileIo = `${okExit} and ${io} and fd.type=file`;
const fileRead = `${okExit} and evt.is_io_read=true and fd.type=file`;
const fileWrite = `${okExit} and ${write} and fd.type=file`;
const netIo = `${okExit} and ${io} and fd.type in (ipv4, ipv6)`;
// A write to a file that carries a syslog message counts as syslog, never as an app log line.
const logFileWrite = `${fileWrite} and not syslog.severity exists and (fd.name contains .log or fd.name contains _log or fd.name contains /var/log) and not (fd.name contains .gz or fd.name contains .tgz)`;
const syslogWrite = `${okExit} and ${write} and fd.type in (file, unix) and syslog.severity exists`;
const slowFileIo = (ns: number) => `${fileIo} and not fd.name startswith /dev/ and evt.latency>${ns}`;
const httpResponse = `${netIo} and evt.buffer startswith "HTTP/"`;
const dockerEvent = 'evt.type=infra and evt.dir=> and evt.arg.source=docker';

const count = (filter: string): TileFilter => ({ filter, measure: 'count' });
const bytes = (filter: string): TileFilter => ({ filter, measure: 'sum-buflen' });
const distinct = (filter: string, field: string): TileFilter => ({ filter, measure: 'distinct', field });
// Messages are lines, and a write's keywords decide for all its lines (one filter selects whole events).
const logLines = (filter: string): TileFilter => ({ filter, measure: 'lines', wholeBuffers: true });

const fixed: Record<string, TileFilter> = {
  notifications: count('evt.type=notification and evt.dir=>'),
  syscalls: { filter: '', measure: 'count', internalEvents: true },
  'file.bytes': bytes(fileIo),
  'file.bytes.in': bytes(fileRead),
  'file.bytes.out': bytes(fileWrite),
  'file.accessed': distinct(fileIo, 'fd.containername'),
  'file.modified': distinct(fileWrite, 'fd.containername'),
  'net.bytes': bytes(netIo),
  'net.bytes.in': bytes(`${okExit} and evt.is_io_read=true and fd.type in (ipv4, ipv6)`),
  'net.bytes.out': bytes(`${okExit} and ${write} and fd.type in (ipv4, ipv6)`),
  'net.connections': distinct(netIo, 'fd.containername'),
  'net.listening.new': count(`evt.type=bind and ${okExit} and fd.sport exists`),
  'net.outbound': count(COUNTED_EVENTS['net.outbound']),
  'net.inbound': count(COUNTED_EVENTS['net.inbound']),
  'sec.exec': count(`evt.type=execve and ${okExit}`),
  'sec.exec.interactive': count(`evt.type=execve and ${okExit} and proc.pname contains bash`),
  'sec.symlinks': count(COUNTED_EVENTS['sec.symlinks']),
  'sec.sysfiles': distinct(`${fileWrite} and (${systemDirectoryPrefixes.map((d) => `fd.name startswith ${d}`).join(' or ')})`, 'fd.name'),
  'sec.sudo': count(COUNTED_EVENTS['sec.sudo']),
  'sec.setns': count(COUNTED_EVENTS['sec.setns']),
  'sec.ssh': count(COUNTED_EVENTS['sec.ssh']),
  'sec.deletions': count(COUNTED_EVENTS['sec.deletions']),
  'perf.http.requests': count(`${netIo} and (${HTTP_METHODS.map((m) => `evt.buffer startswith "${m} "`).join(' or ')})`),
  'perf.http.responses': count(httpResponse),
  // "Not 200": the status is the second word of the status line.
  'perf.http.errors': count(`${httpResponse} and not (evt.buffer startswith "HTTP/1.1 200 " or evt.buffer startswith "HTTP/1.0 200 ")`),
  'perf.open.errors': count(COUNTED_EVENTS['perf.open.errors']),
  'perf.forks': count(COUNTED_EVENTS['perf.forks']),
  'perf.connect.errors': count(COUNTED_EVENTS['perf.connect.errors']),
  'perf.signals': count(COUNTED_EVENTS['perf.signals']),
  'perf.segfaults': count(COUNTED_EVENTS['perf.segfaults']),
  'perf.slowio.1ms': count(slowFileIo(1_000_000)),
  'perf.slowio.10ms': count(slowFileIo(10_000_000)),
  'perf.slowio.100ms': count(slowFileIo(100_000_000)),
  'logs.app': logLines(logFileWrite),
  'logs.app.warnings': logLines(`${logFileWrite} and evt.arg.data icontains warn`),
  // A message mentioning a warning is a warning, even if it also says error.
  'logs.app.errors': logLines(`${logFileWrite} and not evt.arg.data icontains warn and (evt.arg.data icontains error or evt.arg.data icontains critic or evt.arg.data icontains emerg or evt.arg.data icontains alert)`),
  'logs.syslog': count(syslogWrite),
  'logs.syslog.warnings': count(`${syslogWrite} and syslog.severity=4`),
  'logs.syslog.errors': count(`${syslogWrite} and syslog.severity<4`),
  'infra.docker': count(dockerEvent),
};

/** `fd.sport in (...)`, runs of consecutive ports as ranges (elasticsearch has 201). */
function portsFilter(ports: readonly number[]): string {
  const sorted = [...ports].sort((a, b) => a - b);
  const parts: string[] = [];
  const singles: number[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    if (j - i >= 2) parts.push(`(fd.sport>=${sorted[i]} and fd.sport<=${sorted[j]})`);
    else for (let k = i; k <= j; k++) singles.push(sorted[k]);
    i = j + 1;
  }
  if (singles.length > 0) parts.unshift(`fd.sport in (${singles.join(', ')})`);
  return parts.length === 1 ? parts[0] : `(${parts.join(' or ')})`;
}

const quoted = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** The defining filter of a tile, or undefined when no single filter defines it. */
export function tileFilter(tileId: string): TileFilter | undefined {
  const f = fixed[tileId];
  if (f) return f;
  if (tileId.startsWith('infra.docker.')) return count(`${dockerEvent} and evt.arg.name=${quoted(tileId.slice('infra.docker.'.length))}`);
  if (tileId.startsWith('napps.')) {
    const svc = networkServices.find((s) => s.name === tileId.slice('napps.'.length));
    return svc ? bytes(`${netIo} and ${portsFilter(svc.ports)}`) : undefined;
  }
  return undefined;
}
