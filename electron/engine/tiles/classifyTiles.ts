/**
 * Decides, for one event, which overview tiles it counts for and with what value — the
 * wsysdig_summary chisel's rules, with the fixes listed in shared/tiles/definitions.ts — and
 * records that in the index's tile log. Fields are read through the field resolver, so this
 * works for whatever event context the inspector hands out.
 *
 * It runs for every event of the indexing pass, so it asks as few fields as it can: what an
 * event's type, direction and I/O flags allow it to count for is decided once per event kind
 * (KindRules), and most kinds need no field beyond the thread's (for container deaths); what
 * an fd's fields imply (which name it is counted by, a system or log file, its port) is noted
 * once per state of the fd (FdNotes). Kinds and fd notes come from the caller's shortcuts
 * (engineShortcuts.ts for the engine's events); without them every event is decided from its
 * own fields, by the same rules.
 */
import type { FieldResolver, FieldValue } from '../filter/resolver';
import { containerOfDockerScope, ContainerDeathTracker, type ProcessSighting } from './containerDeaths';
import { CONTAINER_DEATHS_TILE, CONTAINER_RESTARTS_TILE, SYSCALLS_TILE, dockerEventTileId, HTTP_METHODS, networkAppTileId, serviceOfPort, systemDirectoryPrefixes } from '../../../shared/tiles/definitions';
import { SPAN_LISTENING_PORT, type CaptureIndexBuilder } from '../index/eventIndex';
import type { StringTable } from '../index/stringTable';

type Getter<Ctx> = (ctx: Ctx) => FieldValue | undefined;

function getter<Ctx>(resolve: FieldResolver<Ctx>, name: string, arg?: string): Getter<Ctx> {
  const r = resolve(name, arg);
  if (!r || 'error' in r) return () => undefined;
  // Bound, not wrapped: one wrapper for every field would share a single call site to all the
  // getters, which V8 then cannot inline.
  return r.get.bind(r);
}

const str = (v: FieldValue | undefined): string | undefined =>
  v === undefined ? undefined : typeof v === 'string' ? v : v instanceof Uint8Array ? Buffer.from(v).toString('latin1') : Array.isArray(v) ? str(v[0]) : String(v);
const num = (v: FieldValue | undefined): number | undefined =>
  typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : typeof v === 'boolean' ? Number(v) : typeof v === 'string' && v !== '' && !Number.isNaN(Number(v)) ? Number(v) : undefined;
const bool = (v: FieldValue | undefined): boolean => v === true || v === 1 || v === 'true';

function startsWithAny(s: string, prefixes: readonly string[]): boolean {
  for (const p of prefixes) if (s.startsWith(p)) return true;
  return false;
}

/** Whether bytes start with the ASCII text `prefix` (compared as latin1, as str reads them). */
function bytesStartWith(v: Uint8Array, prefix: string): boolean {
  if (v.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (v[i] !== prefix.charCodeAt(i)) return false;
  return true;
}

/** By byte: 1 if one of `texts` starts with it. */
function firstBytesOf(texts: readonly string[]): Uint8Array {
  const firsts = new Uint8Array(256);
  for (const t of texts) firsts[t.charCodeAt(0) & 0xff] = 1;
  return firsts;
}

const httpRequestStarts = HTTP_METHODS.map((m) => `${m} `);
const httpRequestFirstBytes = firstBytesOf(httpRequestStarts);
const NOT_HTTP = 0, HTTP_RESPONSE = 1, HTTP_REQUEST = 2;

/** Whether a payload (as `str` reads it) starts an HTTP response, a request, or neither. */
function httpStart(v: FieldValue | undefined): number {
  if (v instanceof Uint8Array) {
    if (v.length === 0) return NOT_HTTP;
    if (bytesStartWith(v, 'HTTP/')) return HTTP_RESPONSE;
    if (httpRequestFirstBytes[v[0]] === 0) return NOT_HTTP;
    for (const p of httpRequestStarts) if (bytesStartWith(v, p)) return HTTP_REQUEST;
    return NOT_HTTP;
  }
  const text = str(v) ?? '';
  if (text.startsWith('HTTP/')) return HTTP_RESPONSE;
  return startsWithAny(text, httpRequestStarts) ? HTTP_REQUEST : NOT_HTTP;
}

function isLogFile(name: string): boolean {
  return (name.includes('.log') || name.includes('_log') || name.includes('/var/log')) && !(name.includes('.gz') || name.includes('.tgz'));
}

/** How many bytes of a payload's HTTP status are read as digits or made text one by one at most (15 digits are exact in a double). */
const STATUS_TEXT_MAX = 15;

/**
 * Whether an HTTP response's status (the text between its first and second space, read as a
 * number) is 200. A payload's bytes are read as they are: only the status is made text.
 */
export function isStatus200(v: FieldValue | undefined): boolean {
  if (!(v instanceof Uint8Array)) return Number((str(v) ?? '').split(' ')[1]) === 200;
  const from = v.indexOf(0x20) + 1;
  if (from === 0) return false;
  let to = v.indexOf(0x20, from);
  if (to < 0) to = v.length;
  // Digits alone are their decimal value; Number() also takes white space, "0x", "2e2"..., so other text is read as it is.
  let status = 0;
  let i = from;
  while (i < to && i - from < STATUS_TEXT_MAX && v[i] >= 0x30 && v[i] <= 0x39) status = status * 10 + v[i++] - 0x30;
  if (i === to && to > from) return status === 200;
  if (to - from > STATUS_TEXT_MAX) return Number(Buffer.from(v.buffer, v.byteOffset + from, to - from).toString('latin1')) === 200;
  let text = '';
  for (let k = from; k < to; k++) text += String.fromCharCode(v[k]);
  return Number(text) === 200;
}

// What an event kind can count for: exits by their result (success, failure), enters by type.
const NONE = 0;
const ON_SUCCESS_IO = 1, ON_SUCCESS_EXEC = 2, ON_SUCCESS_BIND = 3, ON_SUCCESS_CONNECTION = 4, ON_SUCCESS_DELETION = 5,
  ON_SUCCESS_SYMLINK = 6, ON_SUCCESS_FORK = 7, ON_SUCCESS_SETNS = 8;
const ON_FAILURE_CONNECT = 1, ON_FAILURE_ACCEPT = 2, ON_FAILURE_OPEN = 3;
const ON_ENTER_CLOSE = 1, ON_ENTER_SIGNAL = 2, ON_ENTER_NOTIFICATION = 3, ON_ENTER_INFRA = 4;

function successRule(type: string, isIo: boolean): number {
  if (isIo) return ON_SUCCESS_IO;
  switch (type) {
    case 'execve': return ON_SUCCESS_EXEC;
    case 'bind': return ON_SUCCESS_BIND;
    case 'connect': case 'accept': case 'accept4': return ON_SUCCESS_CONNECTION;
    case 'unlink': case 'unlinkat': return ON_SUCCESS_DELETION;
    case 'symlink': case 'symlinkat': return ON_SUCCESS_SYMLINK;
    case 'clone': case 'fork': case 'vfork': case 'clone3': return ON_SUCCESS_FORK;
    case 'setns': return ON_SUCCESS_SETNS;
    default: return NONE;
  }
}

function failureRule(type: string): number {
  switch (type) {
    case 'connect': return ON_FAILURE_CONNECT;
    case 'accept': case 'accept4': return ON_FAILURE_ACCEPT;
    case 'open': case 'openat': case 'openat2': return ON_FAILURE_OPEN;
    default: return NONE;
  }
}

function enterRule(type: string): number {
  switch (type) {
    case 'close': return ON_ENTER_CLOSE;
    case 'signaldeliver': return ON_ENTER_SIGNAL;
    case 'notification': return ON_ENTER_NOTIFICATION;
    case 'infra': return ON_ENTER_INFRA;
    default: return NONE;
  }
}

/** What events of one kind (evt.type, evt.dir, evt.is_io_read and evt.is_io_write alike) can count for. */
class KindRules {
  readonly isExit: boolean;
  readonly isEnter: boolean;
  readonly isProcexit: boolean;
  readonly onSuccess: number;
  readonly onFailure: number;
  readonly onEnter: number;
  /** Whether the event's result decides anything (else it is not asked). */
  readonly needsResult: boolean;

  constructor(readonly type: string, dir: string | undefined, readonly isWrite: boolean, isRead: boolean) {
    this.isExit = dir === '<';
    this.isEnter = dir === '>';
    this.isProcexit = type === 'procexit';
    this.onSuccess = this.isExit ? successRule(type, isWrite || isRead) : NONE;
    this.onFailure = this.isExit ? failureRule(type) : NONE;
    this.onEnter = this.isEnter ? enterRule(type) : NONE;
    this.needsResult = this.onSuccess !== NONE || this.onFailure !== NONE;
  }
}

const RECENT_SIGHTINGS = 16384;
const ts0 = (ts: bigint): bigint | undefined => (ts > 0n ? ts : undefined);

/**
 * What the classifier notes about an event's fd fields (filled from them at the first event
 * that needs them). What follows from a text alone (string ids, the kind of file a name is)
 * outlives a clear(): it is kept with the text it was found for and reused while that text
 * comes back, since an fd's notes are cleared far more often than its name changes.
 */
export class FdNotes {
  filled = false;
  fdType: string | undefined = undefined;
  /** fd.name, or '' without one. */
  name = '';
  /** What distinct files and connections are told apart by: fd.containername, else fd.name, else ''. */
  countedName = '';
  sport: number | undefined = undefined;
  /** What `name` is (found for the name `fileKindOf`). */
  fileKindOf: string | undefined = undefined;
  inSystemDirectory = false;
  isLogFile = false;
  isDevice = false;
  /** String ids in `strings` of the texts `countedKeyOf` and `nameKeyOf`. */
  strings: StringTable | undefined = undefined;
  countedKeyOf: string | undefined = undefined;
  countedKey = -1;
  nameKeyOf: string | undefined = undefined;
  nameKey = -1;

  /** Forgets the fd's fields (they may have changed). */
  clear(): void {
    this.filled = false;
  }
}

/**
 * What lets the classifier ask fewer fields; both answers must agree with the resolver it is
 * given (they are shortcuts, never a second source of values).
 */
export interface EventShortcuts<Ctx> {
  /** Kinds are numbers below this. */
  kindCount: number;
  /**
   * A kind shared only by events whose evt.type, evt.dir, evt.is_io_read and evt.is_io_write
   * are the same, or -1 for an event to decide on its own.
   */
  kindOf(ctx: Ctx): number;
  /**
   * Notes kept for the event's fd: the same object for as long as the fd's fields (fd.type,
   * fd.name, fd.containername, fd.sport) keep their values, cleared when they may have changed;
   * undefined to read them from this event.
   */
  fdNotes(ctx: Ctx): FdNotes | undefined;
}

/** A port's network application tile number not looked up yet. */
const SERVICE_UNKNOWN = -2;
const NO_SERVICE = -1;

export class TileClassifier<Ctx> {
  private readonly f: Record<string, Getter<Ctx>>;
  /** By event kind: what it can count for (filled as kinds are met). */
  private readonly kindRules: Array<KindRules | undefined>;
  /** Notes for an event whose fd has none kept. */
  private readonly eventFdNotes = new FdNotes();
  /** The last event's thread and container (see containerLife). */
  private lastTid = NaN;
  private lastContainer = '';
  /** By port: its network application tile's number, NO_SERVICE, or SERVICE_UNKNOWN (numbers are taken at first use, as for every tile). */
  private readonly serviceTiles = new Int32Array(65536).fill(SERVICE_UNKNOWN);
  private readonly t: Record<string, number> = {};
  /** Listening ports open now: when they started listening (undefined = before the capture) and the owning pid. */
  private readonly listening = new Map<number, { start: bigint | undefined; owner: number }>();
  private ts = 0n;
  private readonly containerDeaths = new ContainerDeathTracker();
  /** Exits judged at the end of the capture (see containerDeaths.ts). */
  private readonly undecidedExits: Array<{ row: number; containerId: string }> = [];
  private syscallsRegistered = false;
  /**
   * Recent (tid, container) sightings by tid's low bits (see containerLife). Tids are kept as
   * 32-bit integers (half the memory, which every event reads): a tid that is not one never
   * matches, and tid 0 matching at first is no new sighting anyway.
   */
  private readonly recentTids = new Int32Array(RECENT_SIGHTINGS);
  private readonly recentContainers: string[] = new Array<string>(RECENT_SIGHTINGS).fill('');

  constructor(resolve: FieldResolver<Ctx>, private readonly out: CaptureIndexBuilder, private readonly shortcuts?: EventShortcuts<Ctx>) {
    this.kindRules = new Array<KindRules | undefined>(shortcuts?.kindCount ?? 0).fill(undefined);
    const g = (n: string, a?: string) => getter(resolve, n, a);
    this.f = {
      dir: g('evt.dir'), rawres: g('evt.rawres'), type: g('evt.type'), fdContName: g('fd.containername'), fdName: g('fd.name'),
      fdType: g('fd.type'), isWrite: g('evt.is_io_write'), isRead: g('evt.is_io_read'), buffer: g('evt.buffer'), buflen: g('evt.buflen'),
      sport: g('fd.sport'), typechar: g('fd.typechar'), exe: g('evt.arg', 'exe'), sig: g('evt.arg', 'sig'), pid: g('proc.pid'), latency: g('evt.latency'),
      syslogSev: g('syslog.severity'), infraSource: g('evt.arg', 'source'), infraName: g('evt.arg', 'name'), pname: g('proc.pname'),
      containerId: g('container.id'), containerName: g('container.name'), vpid: g('proc.vpid'), ppid: g('proc.ppid'), tid: g('thread.tid'),
      infraScope: g('evt.arg', 'scope'),
    };
  }

  private n(tileId: string): number {
    let n = this.t[tileId];
    if (n === undefined) n = this.t[tileId] = this.out.tileNumber(tileId);
    return n;
  }

  private add(row: number, tileId: string, value = 1, key = -1): void {
    this.out.addTile(row, this.n(tileId), value, key);
  }

  /** Classifies event `row` (already added to the index) given its context. */
  classify(ctx: Ctx, row: number, ts: bigint): void {
    const f = this.f;
    this.ts = ts;
    // Every event is a System Calls event: foldTiles counts the rows themselves rather than one
    // 18-byte log entry per event (the tile only needs its number registered).
    if (!this.syscallsRegistered) { this.n(SYSCALLS_TILE); this.syscallsRegistered = true; }
    const k = this.rulesOf(ctx);
    this.containerLife(ctx, row, k.isProcexit);
    if (k.needsResult) {
      const rawres = num(f.rawres(ctx));
      if (rawres !== undefined && rawres >= 0) this.classifySuccess(ctx, row, k, rawres);
      else if (rawres !== undefined) this.classifyFailure(ctx, row, k, rawres);
    } else if (k.onEnter !== NONE) {
      this.classifyEnter(ctx, row, k.onEnter);
    }
  }

  private rulesOf(ctx: Ctx): KindRules {
    const kind = this.shortcuts === undefined ? -1 : this.shortcuts.kindOf(ctx);
    if (kind >= 0 && kind < this.kindRules.length) {
      const known = this.kindRules[kind];
      if (known !== undefined) return known;
    }
    const f = this.f;
    const rules = new KindRules(str(f.type(ctx)) ?? '', str(f.dir(ctx)), bool(f.isWrite(ctx)), bool(f.isRead(ctx)));
    if (kind >= 0 && kind < this.kindRules.length) this.kindRules[kind] = rules;
    return rules;
  }

  private classifySuccess(ctx: Ctx, row: number, k: KindRules, rawres: number): void {
    const f = this.f;
    switch (k.onSuccess) {
      case ON_SUCCESS_IO: {
        const isWrite = k.isWrite;
        const fd = this.fdNotesOf(ctx);
        const fdType = fd.fdType;
        const buflen = num(f.buflen(ctx)) ?? 0;
        if (fdType === 'file') this.fileIo(ctx, row, isWrite, buflen, fd);
        else if (fdType === 'ipv4' || fdType === 'ipv6') this.netIo(ctx, row, isWrite, buflen, fd);
        else if (fdType === 'unix' && isWrite) this.syslog(ctx, row);
        return;
      }
      case ON_SUCCESS_EXEC: {
        this.add(row, 'sec.exec');
        if ((str(f.pname(ctx)) ?? '').includes('bash')) this.add(row, 'sec.exec.interactive');
        if (str(f.exe(ctx)) === 'sudo') this.add(row, 'sec.sudo');
        return;
      }
      case ON_SUCCESS_BIND: {
        const sport = num(f.sport(ctx));
        if (sport !== undefined) {
          this.add(row, 'net.listening.new');
          if (!this.listening.has(sport)) this.listening.set(sport, { start: ts0(this.ts), owner: num(f.pid(ctx)) ?? -1 });
        }
        return;
      }
      case ON_SUCCESS_CONNECTION:
        this.connection(ctx, row, k.type);
        return;
      case ON_SUCCESS_DELETION:
        this.add(row, 'sec.deletions');
        return;
      case ON_SUCCESS_SYMLINK:
        this.add(row, 'sec.symlinks');
        return;
      case ON_SUCCESS_FORK:
        if (rawres > 0) this.add(row, 'perf.forks');
        return;
      case ON_SUCCESS_SETNS:
        this.add(row, 'sec.setns');
        return;
    }
  }

  private fdNotesOf(ctx: Ctx): FdNotes {
    let notes = this.shortcuts?.fdNotes(ctx);
    if (notes === undefined) {
      notes = this.eventFdNotes;
      notes.clear();
    }
    if (notes.filled) return notes;
    const f = this.f;
    const name = str(f.fdName(ctx));
    notes.fdType = str(f.fdType(ctx));
    notes.name = name ?? '';
    notes.countedName = str(f.fdContName(ctx)) ?? name ?? '';
    notes.sport = num(f.sport(ctx));
    if (notes.fileKindOf !== notes.name) {
      notes.fileKindOf = notes.name;
      notes.inSystemDirectory = startsWithAny(notes.name, systemDirectoryPrefixes);
      notes.isLogFile = isLogFile(notes.name);
      notes.isDevice = notes.name.startsWith('/dev/');
    }
    notes.filled = true;
    return notes;
  }

  /** The string id of what distinct files or connections are counted by. */
  private countedKey(fd: FdNotes): number {
    const strings = this.out.strings;
    if (fd.strings !== strings) this.forgetKeys(fd);
    if (fd.countedKeyOf !== fd.countedName) {
      fd.countedKey = strings.intern(fd.countedName);
      fd.countedKeyOf = fd.countedName;
    }
    return fd.countedKey;
  }

  /** The string id of the fd's name. */
  private nameKey(fd: FdNotes): number {
    const strings = this.out.strings;
    if (fd.strings !== strings) this.forgetKeys(fd);
    if (fd.nameKeyOf !== fd.name) {
      fd.nameKey = strings.intern(fd.name);
      fd.nameKeyOf = fd.name;
    }
    return fd.nameKey;
  }

  private forgetKeys(fd: FdNotes): void {
    fd.strings = this.out.strings;
    fd.countedKeyOf = undefined;
    fd.nameKeyOf = undefined;
  }

  private classifyFailure(ctx: Ctx, row: number, k: KindRules, rawres: number): void {
    switch (k.onFailure) {
      case ON_FAILURE_CONNECT: {
        this.connection(ctx, row, k.type);
        const fdType = str(this.f.fdType(ctx));
        if (rawres !== -115 && (fdType === 'ipv4' || fdType === 'ipv6')) this.add(row, 'perf.connect.errors');
        return;
      }
      case ON_FAILURE_ACCEPT:
        this.connection(ctx, row, k.type);
        return;
      case ON_FAILURE_OPEN:
        this.add(row, 'perf.open.errors');
        return;
    }
  }

  private classifyEnter(ctx: Ctx, row: number, rule: number): void {
    const f = this.f;
    if (rule === ON_ENTER_CLOSE) {
      const sport = num(f.sport(ctx));
      if (sport !== undefined && str(f.typechar(ctx)) === '2') this.listeningClosed(sport, row);
    } else if (rule === ON_ENTER_SIGNAL) {
      this.add(row, 'perf.signals');
      if (str(f.sig(ctx)) === 'SIGSEGV') this.add(row, 'perf.segfaults');
    } else if (rule === ON_ENTER_NOTIFICATION) {
      this.add(row, 'notifications');
    } else if (rule === ON_ENTER_INFRA) {
      if (str(f.infraSource(ctx)) === 'docker') {
        this.add(row, 'infra.docker');
        const name = str(f.infraName(ctx)) ?? '';
        this.add(row, dockerEventTileId(name));
        if (name === 'die') {
          const died = containerOfDockerScope(str(f.infraScope(ctx)) ?? '');
          if (this.containerDeaths.dockerDie(died) === 'death') this.add(row, CONTAINER_DEATHS_TILE, 1, died === undefined ? -1 : this.out.strings.intern(died));
        }
      }
    }
  }

  /** Deaths of containers' main processes and restarts of their workloads, keyed by container id. */
  private containerLife(ctx: Ctx, row: number, exit: boolean): void {
    const f = this.f;
    const tid = num(f.tid(ctx)) ?? -1;
    const containerId = str(f.containerId(ctx)) ?? '';
    // The last event's thread in the same container passed (or filled) the table below.
    if (!exit && tid === this.lastTid && containerId === this.lastContainer) return;
    this.lastTid = tid;
    this.lastContainer = containerId;
    // A thread seen lately in its container is not new there again: recent sightings are kept
    // by tid in a small table, which spares most events the lookup in the tracker's large map.
    const slot = tid & (RECENT_SIGHTINGS - 1);
    if (!exit && this.recentTids[slot] === tid && this.recentContainers[slot] === containerId) return;
    this.recentTids[slot] = tid;
    this.recentContainers[slot] = containerId;
    if (!exit && !this.containerDeaths.isNewSighting(tid, containerId)) return;
    const p: ProcessSighting = {
      pid: num(f.pid(ctx)) ?? -1, tid, containerId, ppid: num(f.ppid(ctx)), vpid: num(f.vpid(ctx)),
      containerName: containerId === '' || containerId === 'host' ? '' : str(f.containerName(ctx)) ?? '',
    };
    const key = () => this.out.strings.intern(containerId);
    if (this.containerDeaths.sighting(p) === 'restart') this.add(row, CONTAINER_RESTARTS_TILE, 1, key());
    if (!exit) return;
    const verdict = this.containerDeaths.processExit(p);
    if (verdict === 'death') this.add(row, CONTAINER_DEATHS_TILE, 1, key());
    else if (verdict === 'undecided') this.undecidedExits.push({ row, containerId });
  }

  private connection(ctx: Ctx, row: number, type: string): void {
    const sport = num(this.f.sport(ctx));
    if (sport === undefined) return;
    this.add(row, type === 'connect' ? 'net.outbound' : 'net.inbound');
    if (sport === 22) this.add(row, 'sec.ssh');
  }

  private fileIo(ctx: Ctx, row: number, isWrite: boolean, buflen: number, fd: FdNotes): void {
    const f = this.f;
    const cont = this.countedKey(fd);
    this.add(row, 'file.accessed', 1, cont);
    this.add(row, 'file.bytes', buflen);
    if (isWrite) {
      this.add(row, 'file.modified', 1, cont);
      this.add(row, 'file.bytes.out', buflen);
      if (fd.inSystemDirectory) {
        this.add(row, 'sec.sysfiles', 1, this.nameKey(fd));
      }
      if (!this.syslog(ctx, row) && fd.isLogFile) this.appLog(ctx, row);
    } else {
      this.add(row, 'file.bytes.in', buflen);
    }
    const latency = num(f.latency(ctx));
    if (latency !== undefined && !fd.isDevice) {
      if (latency > 100_000_000) this.add(row, 'perf.slowio.100ms');
      if (latency > 10_000_000) this.add(row, 'perf.slowio.10ms');
      if (latency > 1_000_000) this.add(row, 'perf.slowio.1ms');
    }
  }

  private netIo(ctx: Ctx, row: number, isWrite: boolean, buflen: number, fd: FdNotes): void {
    const f = this.f;
    this.add(row, 'net.connections', 1, this.countedKey(fd));
    this.add(row, 'net.bytes', buflen);
    this.add(row, isWrite ? 'net.bytes.out' : 'net.bytes.in', buflen);
    if (fd.sport !== undefined) this.addService(row, fd.sport, buflen);
    // Most payloads are not HTTP: their bytes are checked as they are, made text only for a status.
    const payload = f.buffer(ctx);
    const http = httpStart(payload);
    if (http === HTTP_RESPONSE) {
      this.add(row, 'perf.http.responses');
      if (!isStatus200(payload)) this.add(row, 'perf.http.errors');
    } else if (http === HTTP_REQUEST) {
      this.add(row, 'perf.http.requests');
    }
  }

  /** Counts a network application's bytes (the tile of the service the port is known for, if any). */
  private addService(row: number, port: number, buflen: number): void {
    const known = (port & 0xffff) === port;
    let tile = known ? this.serviceTiles[port] : SERVICE_UNKNOWN;
    if (tile === SERVICE_UNKNOWN) {
      const service = serviceOfPort(port);
      tile = service ? this.n(networkAppTileId(service)) : NO_SERVICE;
      if (known) this.serviceTiles[port] = tile;
    }
    if (tile !== NO_SERVICE) this.out.addTile(row, tile, buflen, -1);
  }

  /** Counts a syslog message; returns whether the write carried one. */
  private syslog(ctx: Ctx, row: number): boolean {
    const sev = num(this.f.syslogSev(ctx));
    if (sev === undefined) return false;
    this.add(row, 'logs.syslog');
    if (sev === 4) this.add(row, 'logs.syslog.warnings');
    else if (sev < 4) this.add(row, 'logs.syslog.errors');
    return true;
  }

  private appLog(ctx: Ctx, row: number): void {
    const buf = str(this.f.buffer(ctx)) ?? '';
    for (const line of buf.split('\n')) {
      if (line.length === 0) continue;
      this.add(row, 'logs.app');
      const l = line.toLowerCase();
      if (l.includes('warn')) this.add(row, 'logs.app.warnings');
      else if (l.includes('error') || l.includes('critic') || l.includes('emergency') || l.includes('alert')) this.add(row, 'logs.app.errors');
    }
  }

  /** A server port already listening when the capture started (from the fd tables). */
  listeningAtStart(port: number, ownerPid: number): void {
    if (!this.listening.has(port)) this.listening.set(port, { start: undefined, owner: ownerPid });
  }

  private listeningClosed(port: number, _row: number): void {
    const open = this.listening.get(port);
    if (!open) return;
    this.out.addSpan(SPAN_LISTENING_PORT, open.start, this.ts, port, open.owner);
    this.listening.delete(port);
  }

  /** Ends the pass: ports still listening stay open to the end of the capture. */
  finish(): void {
    for (const e of this.undecidedExits) {
      if (this.containerDeaths.settle(e.containerId)) this.add(e.row, CONTAINER_DEATHS_TILE, 1, this.out.strings.intern(e.containerId));
    }
    this.undecidedExits.length = 0;
    for (const [port, open] of this.listening) this.out.addSpan(SPAN_LISTENING_PORT, open.start, undefined, port, open.owner);
    this.listening.clear();
  }
}
