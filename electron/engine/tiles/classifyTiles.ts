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
import { CONTAINER_DEATHS_TILE, CONTAINER_RESTARTS_TILE, SYSCALLS_TILE, dockerEventTileId, networkAppTileId, serviceOfPort, systemDirectoryPrefixes } from '../../../shared/tiles/definitions';
import { SPAN_LISTENING_PORT, type CaptureIndexBuilder } from '../index/eventIndex';
import { FdNotes, type EventShortcuts } from './eventShortcuts';
import { HTTP_RESPONSE, HTTP_REQUEST, httpStart, isStatus200, startsWithAny, str } from './httpPayload';
import { RecentByKey } from '../index/recentByKey';
import {
  KindRules, NONE, ON_ENTER_CLOSE, ON_ENTER_INFRA, ON_ENTER_NOTIFICATION, ON_ENTER_SIGNAL, ON_FAILURE_ACCEPT, ON_FAILURE_CONNECT,
  ON_FAILURE_OPEN, ON_SUCCESS_BIND, ON_SUCCESS_CONNECTION, ON_SUCCESS_DELETION, ON_SUCCESS_EXEC, ON_SUCCESS_FORK, ON_SUCCESS_IO,
  ON_SUCCESS_SETNS, ON_SUCCESS_SYMLINK,
} from './kindRules';

type Getter<Ctx> = (ctx: Ctx) => FieldValue | undefined;

function getter<Ctx>(resolve: FieldResolver<Ctx>, name: string, arg?: string): Getter<Ctx> {
  const r = resolve(name, arg);
  if (!r || 'error' in r) return () => undefined;
  // Bound, not wrapped: one wrapper for every field would share a single call site to all the
  // getters, which V8 then cannot inline.
  return r.get.bind(r);
}

const num = (v: FieldValue | undefined): number | undefined =>
  typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : typeof v === 'boolean' ? Number(v) : typeof v === 'string' && v !== '' && !Number.isNaN(Number(v)) ? Number(v) : undefined;
const bool = (v: FieldValue | undefined): boolean => v === true || v === 1 || v === 'true';

function isLogFile(name: string): boolean {
  return (name.includes('.log') || name.includes('_log') || name.includes('/var/log')) && !(name.includes('.gz') || name.includes('.tgz'));
}

const RECENT_SIGHTINGS = 16384;
const ts0 = (ts: bigint): bigint | undefined => (ts > 0n ? ts : undefined);

/** What classify needs of an event besides its context: its time (a reader's event, or a row). */
export interface EventTime { readonly ts: bigint }
const NO_EVENT: EventTime = { ts: 0n };

/** By event kind: not met yet, or its events count for no tile (most do: procinfo, futex, ...), or some. */
const KIND_UNMET = 0, KIND_NO_TILE = 1, KIND_SOME_TILES = 2;

/** A port's network application tile number not looked up yet. */
const SERVICE_UNKNOWN = -2;
const NO_SERVICE = -1;

export class TileClassifier<Ctx> {
  private readonly f: Record<string, Getter<Ctx>>;
  /** By event kind: what it can count for (filled as kinds are met). */
  private readonly kindRules: Array<KindRules | undefined>;
  /** By event kind: KIND_UNMET, KIND_NO_TILE or KIND_SOME_TILES, read before the kind's rules. */
  private readonly kindTiles: Uint8Array;
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
  /** The event being classified: its time is read only when a listening port opens or closes. */
  private event: EventTime = NO_EVENT;
  private readonly containerDeaths = new ContainerDeathTracker();
  /** Exits judged at the end of the capture (see containerDeaths.ts). */
  private readonly undecidedExits: Array<{ row: number; containerId: string }> = [];
  private syscallsRegistered = false;
  /** Recent (tid, container) sightings (see containerLife); tid 0 in no container matching at first is no new sighting anyway. */
  private readonly recentSightings = new RecentByKey<string>(RECENT_SIGHTINGS, '');

  constructor(resolve: FieldResolver<Ctx>, private readonly out: CaptureIndexBuilder, private readonly shortcuts?: EventShortcuts<Ctx>) {
    this.kindRules = new Array<KindRules | undefined>(shortcuts?.kindCount ?? 0).fill(undefined);
    this.kindTiles = new Uint8Array(this.kindRules.length).fill(KIND_UNMET);
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

  /**
   * Classifies event `row` (already added to the index) given its context. The event's time is
   * asked only when a tile needs it (few events do), which spares the others a bigint.
   */
  classify(ctx: Ctx, row: number, event: EventTime): void {
    this.event = event;
    // Every event is a System Calls event: foldTiles counts the rows themselves rather than one
    // 18-byte log entry per event (the tile only needs its number registered).
    if (!this.syscallsRegistered) { this.n(SYSCALLS_TILE); this.syscallsRegistered = true; }
    const kind = this.shortcuts === undefined ? -1 : this.shortcuts.kindOf(ctx);
    // Most events count for no tile, only for a thread's sighting (2,961,091 of the 200 MB bench
    // copy's 3,267,604, its procinfo events among them): a byte by kind says so first. This
    // method is inlined into the indexing pass's callback, so the rest is kept out of it.
    if (kind >= 0 && this.kindTiles[kind] === KIND_NO_TILE) this.containerLife(ctx, row, false);
    else this.classifyByRules(ctx, row, kind);
  }

  private classifyByRules(ctx: Ctx, row: number, kind: number): void {
    const k = this.rulesOf(ctx, kind);
    this.containerLife(ctx, row, k.isProcexit);
    if (k.needsResult) {
      const rawres = num(this.f.rawres(ctx));
      if (rawres !== undefined && rawres >= 0) this.classifySuccess(ctx, row, k, rawres);
      else if (rawres !== undefined) this.classifyFailure(ctx, row, k, rawres);
    } else if (k.onEnter !== NONE) {
      this.classifyEnter(ctx, row, k.onEnter);
    }
  }

  /** The rules of an event of kind `kind` (-1: an event decided on its own). */
  private rulesOf(ctx: Ctx, kind: number): KindRules {
    const kept = kind >= 0 && kind < this.kindRules.length;
    if (kept) {
      const known = this.kindRules[kind];
      if (known !== undefined) return known;
    }
    const f = this.f;
    const rules = new KindRules(str(f.type(ctx)) ?? '', str(f.dir(ctx)), bool(f.isWrite(ctx)), bool(f.isRead(ctx)));
    if (kept) {
      this.kindRules[kind] = rules;
      this.kindTiles[kind] = rules.countsForNoTile ? KIND_NO_TILE : KIND_SOME_TILES;
    }
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
          if (!this.listening.has(sport)) this.listening.set(sport, { start: ts0(this.event.ts), owner: num(f.pid(ctx)) ?? -1 });
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
    notes.filled = true;
    return notes;
  }

  /** Notes on what kind of file the fd's name is, found when a file's I/O first asks (most fds met are sockets, whose names never are asked). */
  private fileKindOf(fd: FdNotes): FdNotes {
    if (fd.fileKindOf !== fd.name) {
      fd.fileKindOf = fd.name;
      fd.inSystemDirectory = startsWithAny(fd.name, systemDirectoryPrefixes);
      fd.isLogFile = isLogFile(fd.name);
      fd.isDevice = fd.name.startsWith('/dev/');
    }
    return fd;
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
    // An event in no place (no thread) changes nothing for a thread not seen in one, exit or not
    // (see mayBePlaced; 1,861,657 of the 200 MB bench copy's events): the caches below are left
    // as they are, which keeps them true.
    if (containerId === '' && !this.containerDeaths.mayBePlaced(tid)) return;
    // The last event's thread in the same container passed (or filled) the table below.
    if (!exit && tid === this.lastTid && containerId === this.lastContainer) return;
    this.lastTid = tid;
    this.lastContainer = containerId;
    // A thread seen lately in its container is not new there again: recent sightings are kept
    // by tid in a small table, which spares most events the lookup in the tracker's large map.
    if (!exit && this.recentSightings.get(tid) === containerId) return;
    this.recentSightings.set(tid, containerId);
    if (!exit && !this.containerDeaths.isNewSighting(tid, containerId)) return;
    const p: ProcessSighting = {
      pid: num(f.pid(ctx)) ?? -1, tid, containerId, ppid: num(f.ppid(ctx)), vpid: num(f.vpid(ctx)),
      containerName: containerId === '' || containerId === 'host' ? '' : str(f.containerName(ctx)) ?? '',
    };
    // No closure over containerId in this method: V8 allocated its context on every call, before
    // the early returns above (160 of the 420 MB of garbage indexing the 200 MB bench copy made).
    if (this.containerDeaths.sighting(p) === 'restart') this.add(row, CONTAINER_RESTARTS_TILE, 1, this.out.strings.intern(containerId));
    if (!exit) return;
    const verdict = this.containerDeaths.processExit(p);
    if (verdict === 'death') this.add(row, CONTAINER_DEATHS_TILE, 1, this.out.strings.intern(containerId));
    else if (verdict === 'undecided') this.undecidedExits.push({ row, containerId });
  }

  private connection(ctx: Ctx, row: number, type: string): void {
    const sport = num(this.f.sport(ctx));
    if (sport === undefined) return;
    this.add(row, type === 'connect' ? 'net.outbound' : 'net.inbound');
    if (sport === 22) this.add(row, 'sec.ssh');
  }

  private fileIo(ctx: Ctx, row: number, isWrite: boolean, buflen: number, notes: FdNotes): void {
    const f = this.f;
    const fd = this.fileKindOf(notes);
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
      else if (l.includes('error') || l.includes('critic') || l.includes('emerg') || l.includes('alert')) this.add(row, 'logs.app.errors');
    }
  }

  /** A server port already listening when the capture started (from the fd tables). */
  listeningAtStart(port: number, ownerPid: number): void {
    if (!this.listening.has(port)) this.listening.set(port, { start: undefined, owner: ownerPid });
  }

  private listeningClosed(port: number, _row: number): void {
    const open = this.listening.get(port);
    if (!open) return;
    this.out.addSpan(SPAN_LISTENING_PORT, open.start, this.event.ts, port, open.owner);
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
