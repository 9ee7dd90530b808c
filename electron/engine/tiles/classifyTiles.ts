/**
 * Decides, for one event, which overview tiles it counts for and with what value — the
 * wsysdig_summary chisel's rules, with the fixes listed in shared/tiles/definitions.ts — and
 * records that in the index's tile log. Fields are read through the field resolver, so this
 * works for whatever event context the inspector hands out.
 */
import type { FieldResolver, FieldValue } from '../filter/resolver';
import { containerOfDockerScope, ContainerDeathTracker, type ProcessSighting } from './containerDeaths';
import { CONTAINER_DEATHS_TILE, CONTAINER_RESTARTS_TILE, SYSCALLS_TILE, dockerEventTileId, HTTP_METHODS, networkAppTileId, serviceOfPort, systemDirectoryPrefixes } from '../../../shared/tiles/definitions';
import { SPAN_LISTENING_PORT, type CaptureIndexBuilder } from '../index/eventIndex';

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

/** Whether `str(v)` starts with the ASCII text `prefix` (bytes compared as latin1, as str reads them). */
function textStartsWith(v: FieldValue | undefined, prefix: string): boolean {
  if (v instanceof Uint8Array) {
    if (v.length < prefix.length) return false;
    for (let i = 0; i < prefix.length; i++) if (v[i] !== prefix.charCodeAt(i)) return false;
    return true;
  }
  return (str(v) ?? '').startsWith(prefix);
}

function textStartsWithAny(v: FieldValue | undefined, prefixes: readonly string[]): boolean {
  for (const p of prefixes) if (textStartsWith(v, p)) return true;
  return false;
}

function isLogFile(name: string): boolean {
  return (name.includes('.log') || name.includes('_log') || name.includes('/var/log')) && !(name.includes('.gz') || name.includes('.tgz'));
}

const RECENT_SIGHTINGS = 16384;
const ts0 = (ts: bigint): bigint | undefined => (ts > 0n ? ts : undefined);
const httpRequestStarts = HTTP_METHODS.map((m) => `${m} `);

export class TileClassifier<Ctx> {
  private readonly f: Record<string, Getter<Ctx>>;
  private readonly t: Record<string, number> = {};
  /** Listening ports open now: when they started listening (undefined = before the capture) and the owning pid. */
  private readonly listening = new Map<number, { start: bigint | undefined; owner: number }>();
  private ts = 0n;
  private readonly containerDeaths = new ContainerDeathTracker();
  /** Exits judged at the end of the capture (see containerDeaths.ts). */
  private readonly undecidedExits: Array<{ row: number; containerId: string }> = [];
  private syscallsRegistered = false;
  /** Recent (tid, container) sightings by tid's low bits (see containerLife). */
  private readonly recentTids = new Float64Array(RECENT_SIGHTINGS).fill(NaN);
  private readonly recentContainers: string[] = new Array<string>(RECENT_SIGHTINGS).fill('');

  constructor(resolve: FieldResolver<Ctx>, private readonly out: CaptureIndexBuilder) {
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
    const dir = str(f.dir(ctx));
    const type = str(f.type(ctx)) ?? '';
    this.containerLife(ctx, row, type);
    if (dir === '<') {
      const rawres = num(f.rawres(ctx));
      if (rawres !== undefined && rawres >= 0) this.classifySuccess(ctx, row, type, rawres);
      else if (rawres !== undefined) this.classifyFailure(ctx, row, type, rawres);
    } else if (dir === '>') {
      this.classifyEnter(ctx, row, type);
    }
  }

  private classifySuccess(ctx: Ctx, row: number, type: string, rawres: number): void {
    const f = this.f;
    const isWrite = bool(f.isWrite(ctx));
    const isRead = bool(f.isRead(ctx));
    if (isWrite || isRead) {
      const fdType = str(f.fdType(ctx));
      const buflen = num(f.buflen(ctx)) ?? 0;
      if (fdType === 'file') this.fileIo(ctx, row, isWrite, buflen);
      else if (fdType === 'ipv4' || fdType === 'ipv6') this.netIo(ctx, row, isWrite, buflen);
      else if (fdType === 'unix' && isWrite) this.syslog(ctx, row);
      return;
    }
    switch (type) {
      case 'execve': {
        this.add(row, 'sec.exec');
        if ((str(f.pname(ctx)) ?? '').includes('bash')) this.add(row, 'sec.exec.interactive');
        if (str(f.exe(ctx)) === 'sudo') this.add(row, 'sec.sudo');
        return;
      }
      case 'bind': {
        const sport = num(f.sport(ctx));
        if (sport !== undefined) {
          this.add(row, 'net.listening.new');
          if (!this.listening.has(sport)) this.listening.set(sport, { start: ts0(this.ts), owner: num(f.pid(ctx)) ?? -1 });
        }
        return;
      }
      case 'connect': case 'accept': case 'accept4':
        this.connection(ctx, row, type);
        return;
      case 'unlink': case 'unlinkat':
        this.add(row, 'sec.deletions');
        return;
      case 'symlink': case 'symlinkat':
        this.add(row, 'sec.symlinks');
        return;
      case 'clone': case 'fork': case 'vfork': case 'clone3':
        if (rawres > 0) this.add(row, 'perf.forks');
        return;
      case 'setns':
        this.add(row, 'sec.setns');
        return;
    }
  }

  private classifyFailure(ctx: Ctx, row: number, type: string, rawres: number): void {
    if (type === 'connect') {
      this.connection(ctx, row, type);
      const fdType = str(this.f.fdType(ctx));
      if (rawres !== -115 && (fdType === 'ipv4' || fdType === 'ipv6')) this.add(row, 'perf.connect.errors');
    } else if (type === 'accept' || type === 'accept4') {
      this.connection(ctx, row, type);
    } else if (type === 'open' || type === 'openat' || type === 'openat2') {
      this.add(row, 'perf.open.errors');
    }
  }

  private classifyEnter(ctx: Ctx, row: number, type: string): void {
    const f = this.f;
    if (type === 'close') {
      const sport = num(f.sport(ctx));
      if (sport !== undefined && str(f.typechar(ctx)) === '2') this.listeningClosed(sport, row);
    } else if (type === 'signaldeliver') {
      this.add(row, 'perf.signals');
      if (str(f.sig(ctx)) === 'SIGSEGV') this.add(row, 'perf.segfaults');
    } else if (type === 'notification') {
      this.add(row, 'notifications');
    } else if (type === 'infra') {
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
  private containerLife(ctx: Ctx, row: number, type: string): void {
    const f = this.f;
    const tid = num(f.tid(ctx)) ?? -1;
    const containerId = str(f.containerId(ctx)) ?? '';
    const exit = type === 'procexit';
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

  private fileIo(ctx: Ctx, row: number, isWrite: boolean, buflen: number): void {
    const f = this.f;
    const fdName = str(f.fdName(ctx)) ?? '';
    const cont = this.out.strings.intern(str(f.fdContName(ctx)) ?? fdName);
    this.add(row, 'file.accessed', 1, cont);
    this.add(row, 'file.bytes', buflen);
    if (isWrite) {
      this.add(row, 'file.modified', 1, cont);
      this.add(row, 'file.bytes.out', buflen);
      if (startsWithAny(fdName, systemDirectoryPrefixes)) this.add(row, 'sec.sysfiles', 1, this.out.strings.intern(fdName));
      if (!this.syslog(ctx, row) && isLogFile(fdName)) this.appLog(ctx, row);
    } else {
      this.add(row, 'file.bytes.in', buflen);
    }
    const latency = num(f.latency(ctx));
    if (latency !== undefined && !fdName.startsWith('/dev/')) {
      if (latency > 100_000_000) this.add(row, 'perf.slowio.100ms');
      if (latency > 10_000_000) this.add(row, 'perf.slowio.10ms');
      if (latency > 1_000_000) this.add(row, 'perf.slowio.1ms');
    }
  }

  private netIo(ctx: Ctx, row: number, isWrite: boolean, buflen: number): void {
    const f = this.f;
    const conn = str(f.fdContName(ctx)) ?? str(f.fdName(ctx)) ?? '';
    this.add(row, 'net.connections', 1, this.out.strings.intern(conn));
    this.add(row, 'net.bytes', buflen);
    this.add(row, isWrite ? 'net.bytes.out' : 'net.bytes.in', buflen);
    const sport = num(f.sport(ctx));
    if (sport !== undefined) {
      const service = serviceOfPort(sport);
      if (service) this.add(row, networkAppTileId(service), buflen);
    }
    // Most payloads are not HTTP: their bytes are checked as they are, made text only for a status.
    const payload = f.buffer(ctx);
    if (textStartsWith(payload, 'HTTP/')) {
      this.add(row, 'perf.http.responses');
      if (Number((str(payload) ?? '').split(' ')[1]) !== 200) this.add(row, 'perf.http.errors');
    } else if (textStartsWithAny(payload, httpRequestStarts)) {
      this.add(row, 'perf.http.requests');
    }
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
