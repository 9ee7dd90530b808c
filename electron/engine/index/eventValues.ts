/**
 * The field values the indexing pass records for every event, so that filters and view tables
 * are answered from the index (columnarFilter.ts, views/indexedRows.ts) exactly as a re-scan
 * answers them.
 *
 * Asking ~60 field resolvers per event cost 35 ns each (4.8 s of a 9.6 s pass over 1.6 M
 * events), and one id per field and event cost ~130 bytes per event. Most of those values do
 * not change from one event to the next: a thread's names and container change at execve, an
 * fd's name and addresses at open or connect, and an event kind's flags never. So the fields
 * are recorded in groups (tupleGroup.ts), each row storing one tuple id per group, and a group
 * is asked again only when what decides it may have changed:
 *
 * - thread: proc.*, user.*, container.*, ... decided by the event's thread while the state's
 *   threadEpoch stands (SystemState: it moves on any change that shows beyond one thread), or
 *   after a move while what the fields read of the thread table is the same (threadTupleInputs.ts);
 * - figures: page faults and memory, decided by the thread and its own `revision` as well (and
 *   after a move, by the thread's own figures, which also find the tuple);
 * - fd: fd.* decided by the fd table entry (fdFieldsSource), its revision and the thread's
 *   container while fdEpoch stands; for entries that are no IP socket, by their type, role and
 *   name and the thread's container; for IP sockets, by what their fields read of the entry and
 *   the thread (socketTuple); events whose fd name comes from their own parameters by that name,
 *   their type (or their entry's) and the container, others of them asked every time;
 * - event: evt.type, evt.category, evt.res, byte counts, error counts... decided by the event
 *   kind (id, generic syscall code, parameter count, fd types) and its result (for procinfo
 *   events, their CPU tick totals too); the latest pair of each slot of kinds, and each tid's
 *   latest procinfo sample, are compared before any hashed lookup.
 * fd.num changes with nearly every event: it keeps one id per row.
 *
 * A wrong grouping would give a wrong value silently, so test/reference/eventValues.test.ts
 * records every field both ways over every real capture and requires the same value per event.
 */
import type { EventContext } from '../inspector/eventContext';
import type { FieldResolver } from '../filter/resolver';
import type { SystemState } from '../state/systemState';
import type { FdInfo } from '../state/fdInfo';
import type { ThreadInfo } from '../state/threadInfo';
import { entryNamesPath, eventFd, fdFieldsFromTypeOnly, fdFieldsSource, hasFd, socketEndsLocal } from '../fields/fdFields';
import { PROCINFO, u64Param, withTableFields } from '../views/tableFields';
import { NumberPairTable } from './numberPairTable';
import { COUNT_ONLY, OTHER, ThreadTupleInputs } from './threadTupleInputs';
import { TupleGroup } from './tupleGroup';
import { ValueDictionary } from './valueDictionary';
import { recordedFields, ValueColumnsBuilder, type RecordedField, type ValueColumn } from './valueColumns';

export const EVENT_FIELDS = [
  'evt.type', 'evt.category', 'syscall.type', 'evt.is_io', 'evt.is_io_read', 'evt.is_io_write', 'evt.io_dir', 'evt.is_wait',
  'evt.buflen', 'evt.res', 'evt.rawres', 'evt.failed',
];
export const EVENT_TABLE_FIELDS = [
  'evt.count', 'evt.count.error', 'evt.count.exit',
  'evt.buflen.in', 'evt.buflen.out', 'evt.buflen.file', 'evt.buflen.file.in', 'evt.buflen.file.out',
  'evt.buflen.net', 'evt.buflen.net.in', 'evt.buflen.net.out',
  'evt.count.error.file', 'evt.count.error.net', 'evt.count.error.memory', 'evt.count.error.other',
  'evt.count.threadinfo', 'evt.count.procinfo',
];
export const FD_FIELDS = [
  'fd.type', 'fd.typechar', 'fd.name', 'fd.directory', 'fd.filename', 'fd.l4proto', 'fd.sockfamily', 'fd.is_server',
  'fd.sip', 'fd.cip', 'fd.lip', 'fd.rip', 'fd.sport', 'fd.cport', 'fd.lport', 'fd.rport', 'fd.ip', 'fd.port',
  'fd.containername', 'fd.containerdirectory',
];
export const THREAD_FIELDS = [
  'proc.name', 'proc.pid', 'proc.ppid', 'proc.vpid', 'proc.exe', 'proc.exepath', 'proc.cmdline', 'proc.args', 'proc.exeline',
  'proc.pname', 'thread.vtid', 'user.name', 'user.uid', 'container.id', 'container.name', 'container.image', 'container.type',
  'proc.nthreads', 'thread.nametid',
];
export const FIGURES_FIELDS = ['thread.pfmajor', 'thread.pfminor'];
export const FIGURES_TABLE_FIELDS = ['thread.vmsize.b', 'thread.vmrss.b'];
export const PER_ROW_FIELDS = ['fd.num'];

/** The table resolver's syscall.type (it also names procexit, ...), kept under its own key. */
export const TABLE_SYSCALL_TYPE = 'table:syscall.type';
/** Keys of the recorded procinfo CPU tick totals (thread.cpu is computed from them per table). */
export const PROCINFO_USER_TICKS = 'procinfo.user';
export const PROCINFO_SYSTEM_TICKS = 'procinfo.system';

/** Every field key the event rows record (thread.tid and the event's own columns are core columns). */
export const RECORDED_EVENT_FIELDS: readonly string[] = [
  ...EVENT_FIELDS, ...EVENT_TABLE_FIELDS, TABLE_SYSCALL_TYPE, PROCINFO_USER_TICKS, PROCINFO_SYSTEM_TICKS,
  ...FD_FIELDS, ...THREAD_FIELDS, ...FIGURES_FIELDS, ...FIGURES_TABLE_FIELDS, ...PER_ROW_FIELDS,
];

interface Groups {
  event: RecordedField<EventContext>[];
  fd: RecordedField<EventContext>[];
  thread: RecordedField<EventContext>[];
  figures: RecordedField<EventContext>[];
  perRow: RecordedField<EventContext>[];
}

/** The recorded fields by group, as the engine's resolver (and its table layer) provide them. */
export function eventFieldGroups(resolver: FieldResolver<EventContext>): Groups {
  const table = withTableFields(resolver);
  const ticks = (i: number): RecordedField<EventContext>['field'] => ({ type: 'UINT64', get: (ctx) => (ctx.ev.type === PROCINFO ? u64Param(ctx, i) : undefined) });
  return {
    event: [
      ...recordedFields(resolver, EVENT_FIELDS),
      ...recordedFields(table, EVENT_TABLE_FIELDS),
      ...recordedFields(table, ['syscall.type'], 'table:'),
      { key: PROCINFO_USER_TICKS, field: ticks(0) },
      { key: PROCINFO_SYSTEM_TICKS, field: ticks(1) },
    ],
    fd: recordedFields(resolver, FD_FIELDS),
    thread: recordedFields(resolver, THREAD_FIELDS),
    figures: [...recordedFields(resolver, FIGURES_FIELDS), ...recordedFields(table, FIGURES_TABLE_FIELDS)],
    perRow: recordedFields(resolver, PER_ROW_FIELDS),
  };
}

/** Every recorded field ungrouped (for the check that grouping changes no value). */
export function allRecordedFields(resolver: FieldResolver<EventContext>): RecordedField<EventContext>[] {
  const g = eventFieldGroups(resolver);
  return [...g.event, ...g.fd, ...g.thread, ...g.figures, ...g.perRow];
}

// Event kinds: the key packs id (or generic syscall code), parameter count and two fd types
// into 28 bits, a small integer V8 does not box (a 36-bit key was a heap number per event).
const MAX_CODE = 1024;
const MAX_KIND_ID = 1024;
const NO_RESULT = -0.5;
// Bounds of the fd types and roles packed into a named entry's key (namedFdTuple).
const MAX_FD_TYPES = 256;
const MAX_ROLES = 4;
// Bounds of what an IP socket's key packs (socketTuple).
const MAX_CONTAINERS = 1024;
const MAX_L4 = 8;
const MAX_PORT = 65536;
// Procinfo samples kept by tid (its low bits pick the slot): the bench copy's come from 1,001 tids.
const SAMPLE_SLOTS = 4096;
// Recent event kinds, by the bits of the kind that hold the event id and parameter count.
const RECENT_KIND_SLOTS = 4096;

/**
 * A procinfo tick total as a lookup key: u64Param's value (what the recorded field reads), as a
 * small integer when it fits 31 bits so that it is not boxed.
 */
function ticksKey(ev: EventContext['ev'], i: number): number | undefined {
  if (i >= ev.nparams || ev.paramLength[i] < 8) return undefined;
  const o = ev.paramOffset[i];
  const d = ev.data;
  const lo = d[o] | (d[o + 1] << 8) | (d[o + 2] << 16) | (d[o + 3] << 24);
  const hi = (d[o + 4] | (d[o + 5] << 8) | (d[o + 6] << 16) | (d[o + 7] << 24)) >>> 0;
  if (hi === 0 && lo >= 0) return lo;
  return hi * 0x100000000 + (lo >>> 0);
}

function genericCode(ctx: EventContext): number {
  const ev = ctx.ev;
  if ((ev.type === 0 || ev.type === 1) && ev.nparams > 0 && ev.paramLength[0] === 2) return ev.data[ev.paramOffset[0]] | (ev.data[ev.paramOffset[0] + 1] << 8);
  return 0;
}

export class EventValuesRecorder {
  private readonly event: TupleGroup<EventContext>;
  private readonly fd: TupleGroup<EventContext>;
  private readonly thread: TupleGroup<EventContext>;
  private readonly figures: TupleGroup<EventContext>;
  /** proc.nthreads' place in the thread group. */
  private readonly threadCountField: number;
  /** fd.name's place in the fd group. */
  private readonly fdNameField: number;
  /** (fd.name id, (container, fd type, role)) -> tuple, for entries that are no IP socket. */
  private readonly namedFdTuples = new NumberPairTable();
  /** (fd.name id, (container, event type or entry type and role)) -> tuple, for fds the event names (eventNamedFdTuple). */
  private readonly eventNamedFdTuples = new NumberPairTable();
  private readonly containerIndexes = new Map<string, number>();
  /**
   * IP sockets' tuples by what their fd fields read (socketTuple): (fd.name id, local address
   * id) → a number; (that number, remote address id) → a number; (that, ports) → a number;
   * (that, which ends are local, container, type, role, protocol) → tuple.
   */
  private readonly socketAddresses = new ValueDictionary();
  private readonly socketsByName = new NumberPairTable();
  private readonly socketsByRemote = new NumberPairTable();
  private readonly socketsByPorts = new NumberPairTable();
  private readonly socketTuples = new NumberPairTable();
  private readonly perRow: ValueColumnsBuilder<EventContext>;
  private readonly rawres: RecordedField<EventContext>['field']['get'];
  /** (event kind, result) → tuple. */
  private readonly eventTuples = new NumberPairTable();
  /**
   * The latest (kind, result) of each slot and its tuple + 1 (0 = none), in front of eventTuples:
   * enter events have no result, and many exits repeat the result of the kind's previous one
   * (on the 200 MB copy 1,005,574 of 1,386,978 lookups are the slot's previous pair).
   */
  private readonly recentKinds = new Int32Array(RECENT_KIND_SLOTS);
  private readonly recentResults = new Float64Array(RECENT_KIND_SLOTS);
  private readonly recentKindTuples = new Int32Array(RECENT_KIND_SLOTS);
  /** procinfo event kind → (user ticks, system ticks) → tuple. */
  private readonly procinfoTuples = new Map<number, NumberPairTable>();
  private lastProcinfoKind = -1;
  private lastProcinfoTuples = new NumberPairTable();
  /**
   * Each tid's latest procinfo sample (tid, kind, tick totals) and its tuple + 1 (0 = none), in
   * front of the lookup by tick totals: a thread's sample mostly repeats its previous one (on the
   * 200 MB copy 1,776,558 of 1,880,626 carry the tick totals of their tid's previous sample), and
   * comparing four numbers costs less than a hashed lookup.
   */
  private readonly sampleTids = new Int32Array(SAMPLE_SLOTS);
  private readonly sampleKinds = new Int32Array(SAMPLE_SLOTS);
  private readonly sampleUserTicks = new Float64Array(SAMPLE_SLOTS);
  private readonly sampleSystemTicks = new Float64Array(SAMPLE_SLOTS);
  private readonly sampleTuples = new Int32Array(SAMPLE_SLOTS);
  /** Event type → thread's container → tuple, for fds without a table entry. */
  private readonly entrylessTuples = new Map<number, Map<string, number>>();
  /**
   * Figures tuples by what they are resolved from (ThreadTupleInputs.figuresMatch): (page faults
   * major, minor) → a number; (that number and whether the thread leads its process, vm size)
   * → a number; (that number, resident size) → tuple.
   */
  private readonly figuresByFaults = new NumberPairTable();
  private readonly figuresBySize = new NumberPairTable();
  private readonly figuresTuples = new NumberPairTable();
  /** What each thread's memoValue and figuresMemoValue were resolved from. */
  private threadInputs = new WeakMap<ThreadInfo, ThreadTupleInputs>();
  private state: SystemState | undefined;
  private threadlessEpoch = -1;
  private threadlessTuple = 0;
  private threadlessFigures = 0;
  private fdlessTuple = -1;

  constructor(resolver: FieldResolver<EventContext>) {
    const g = eventFieldGroups(resolver);
    this.event = new TupleGroup('event', g.event);
    this.fd = new TupleGroup('fd', g.fd);
    this.thread = new TupleGroup('thread', g.thread);
    this.figures = new TupleGroup('figures', g.figures);
    this.threadCountField = this.thread.fieldIndex('proc.nthreads');
    this.fdNameField = this.fd.fieldIndex('fd.name');
    this.perRow = new ValueColumnsBuilder(g.perRow);
    const r = resolver('evt.rawres', undefined);
    if (!r || 'error' in r) throw new Error('the field resolver lacks evt.rawres');
    this.rawres = r.get;
  }

  add(ctx: EventContext): void {
    if (ctx.state !== this.state) {
      // A new section of the capture starts a new state: nothing cached carries over.
      this.state = ctx.state;
      this.threadlessEpoch = -1;
      this.fdlessTuple = -1;
      this.entrylessTuples.clear();
      this.threadInputs = new WeakMap();
    }
    if (ctx.ev.type === PROCINFO && ctx.es.thread === undefined) { this.addThreadlessProcinfo(ctx); return; }
    this.event.push(this.eventTuple(ctx));
    this.fd.push(this.fdTuple(ctx));
    this.addThreadTuples(ctx);
    this.perRow.add(ctx);
  }

  /**
   * A procinfo event of a thread the table lacks (most procinfo events of the bench copy, over
   * half its events): with no thread there is no fd (hasFd), so its kind is its parameter count
   * alone, its fd and thread tuples are the threadless ones, and fd.num is undefined; only its
   * tick totals are looked up.
   */
  private addThreadlessProcinfo(ctx: EventContext): void {
    const nparams = ctx.ev.nparams;
    if (nparams >= 64) this.event.push(this.event.resolve(ctx));
    else this.event.push(this.procinfoTuple(ctx, -1 - ((2 * MAX_CODE + PROCINFO) * 64 + nparams) * 32 * 32));
    if (this.fdlessTuple < 0) this.fdlessTuple = this.fd.resolve(ctx);
    this.fd.push(this.fdlessTuple);
    this.pushThreadless(ctx);
    this.perRow.addUndefined();
  }

  private eventTuple(ctx: EventContext): number {
    const ev = ctx.ev;
    const code = genericCode(ctx);
    if (code >= MAX_CODE || ev.nparams >= 64 || ev.type >= MAX_KIND_ID) return this.event.resolve(ctx);
    const esFd = ctx.es.fd;
    // The table layer's byte and error counts read fd.type (the table entry, eventFd).
    const tableFd = eventFd(ctx);
    // Generic events (ids 0 and 1) by their syscall code below 2 × MAX_CODE, other ids above.
    const id = ev.type < 2 ? ev.type * MAX_CODE + code : 2 * MAX_CODE + ev.type;
    const kind = ((id * 64 + ev.nparams) * 32 + (esFd ? esFd.type + 1 : 0)) * 32 + (tableFd ? tableFd.type + 1 : 0);
    // evt.count.procinfo counts only a main thread's procinfo events: that goes into the kind.
    if (ev.type === PROCINFO) return this.procinfoTuple(ctx, ctx.es.thread?.isMainThread ? kind : -1 - kind);
    const res = this.rawres(ctx);
    const resKey = typeof res === 'number' ? res : res === undefined ? NO_RESULT : NaN;
    if (Number.isNaN(resKey)) return this.event.resolve(ctx);
    const slot = (kind >>> 10) & (RECENT_KIND_SLOTS - 1);
    if (this.recentKindTuples[slot] !== 0 && this.recentKinds[slot] === kind && this.recentResults[slot] === resKey) return this.recentKindTuples[slot] - 1;
    let tuple = this.eventTuples.get(kind, resKey);
    if (tuple < 0) this.eventTuples.add(kind, resKey, (tuple = this.event.resolve(ctx)));
    this.recentKinds[slot] = kind;
    this.recentResults[slot] = resKey;
    this.recentKindTuples[slot] = tuple + 1;
    return tuple;
  }

  /**
   * procinfo events (half the events of some captures) differ only in their CPU tick totals:
   * one lookup by both totals (the kind rarely changes, so its table is kept at hand).
   */
  private procinfoTuple(ctx: EventContext, kind: number): number {
    const usr = ticksKey(ctx.ev, 0);
    const sys = ticksKey(ctx.ev, 1);
    if (usr === undefined || sys === undefined || this.rawres(ctx) !== undefined) return this.event.resolve(ctx);
    const tid = ctx.ev.tid;
    const slot = tid & (SAMPLE_SLOTS - 1);
    if (this.sampleTuples[slot] !== 0 && this.sampleTids[slot] === tid && this.sampleKinds[slot] === kind
      && this.sampleUserTicks[slot] === usr && this.sampleSystemTicks[slot] === sys) return this.sampleTuples[slot] - 1;
    let byTicks = this.lastProcinfoTuples;
    if (kind !== this.lastProcinfoKind) {
      let tuples = this.procinfoTuples.get(kind);
      if (!tuples) this.procinfoTuples.set(kind, (tuples = new NumberPairTable()));
      byTicks = tuples;
      this.lastProcinfoKind = kind;
      this.lastProcinfoTuples = byTicks;
    }
    let tuple = byTicks.get(usr, sys);
    if (tuple < 0) byTicks.add(usr, sys, (tuple = this.event.resolve(ctx)));
    // Kinds fit 32 bits (MAX_CODE, MAX_KIND_ID); a tid that does not is not kept.
    if ((tid | 0) === tid) {
      this.sampleTids[slot] = tid;
      this.sampleKinds[slot] = kind;
      this.sampleUserTicks[slot] = usr;
      this.sampleSystemTicks[slot] = sys;
      this.sampleTuples[slot] = tuple + 1;
    }
    return tuple;
  }

  private fdTuple(ctx: EventContext): number {
    const state = ctx.state;
    if (!hasFd(ctx)) {
      // No fd field applies: the same all-empty tuple every time.
      if (this.fdlessTuple < 0) this.fdlessTuple = this.fd.resolve(ctx);
      return this.fdlessTuple;
    }
    const fd = fdFieldsSource(ctx);
    // Of the thread, fd fields read only its container (fd.containername, local addresses):
    // threads sharing a table share the entry's tuple.
    const container = ctx.es.thread?.containerId ?? '';
    if (!fd) {
      // No table entry (fds older than the capture's tables): names from the event type alone, or its parameters.
      if (!fdFieldsFromTypeOnly(ctx)) return this.eventNamedFdTuple(ctx, container);
      let byContainer = this.entrylessTuples.get(ctx.ev.type);
      if (!byContainer) this.entrylessTuples.set(ctx.ev.type, (byContainer = new Map()));
      let tuple = byContainer.get(container);
      if (tuple === undefined) byContainer.set(container, (tuple = this.fd.resolve(ctx)));
      return tuple;
    }
    if (fd.memoEpoch === state.fdEpoch && fd.memoRevision === fd.revision && fd.memoThread === container) return fd.memoValue;
    fd.memoValue = fd.isIp ? this.socketTuple(ctx, fd, container)
      : fd.type >= MAX_FD_TYPES || fd.role >= MAX_ROLES ? this.fd.resolve(ctx) : this.namedFdTuple(ctx, fd, container);
    fd.memoEpoch = state.fdEpoch;
    fd.memoRevision = fd.revision;
    fd.memoThread = container;
    return fd.memoValue;
  }

  /**
   * The tuple of an entry that is no IP socket (files, directories, unix sockets, pipes, ...):
   * its fd fields read only its type, role and printed name (fd.name) and the thread's container,
   * so a new entry for a name seen before finds that name's tuple by those (on the 200 MB copy,
   * 54 k of the pass's 106 k fd lookups, for fewer than 256 distinct tuples).
   */
  private namedFdTuple(ctx: EventContext, fd: FdInfo, container: string): number {
    const name = this.fd.valueId(this.fdNameField, ctx);
    const kind = (this.containerIndex(container) * MAX_FD_TYPES + fd.type) * MAX_ROLES + fd.role;
    let tuple = this.namedFdTuples.get(name, kind);
    if (tuple < 0) this.namedFdTuples.add(name, kind, (tuple = this.fd.resolve(ctx)));
    return tuple;
  }

  /**
   * The tuple of an event whose fd name comes from its own parameters (failed connects and
   * accepts: 22,484 events of the 200 MB copy, 29 of them asked). With no table entry its
   * fd fields read only the event type (fd.typechar), that name and the thread's container; a
   * failed connect on an entry that is no IP socket, file or directory reads the entry's type
   * and role instead of the event type. Other events are asked every time.
   */
  private eventNamedFdTuple(ctx: EventContext, container: string): number {
    const entry = eventFd(ctx);
    let kind: number;
    if (entry === undefined) {
      if (ctx.ev.type >= MAX_KIND_ID) return this.fd.resolve(ctx);
      kind = ctx.ev.type;
    } else {
      if (entry.isIp) return this.socketTuple(ctx, entry, container);
      if (entryNamesPath(entry) || entry.type >= MAX_FD_TYPES || entry.role >= MAX_ROLES) return this.fd.resolve(ctx);
      kind = MAX_KIND_ID + entry.type * MAX_ROLES + entry.role;
    }
    const name = this.fd.valueId(this.fdNameField, ctx);
    const key = this.containerIndex(container) * (MAX_KIND_ID + MAX_FD_TYPES * MAX_ROLES) + kind;
    let tuple = this.eventNamedFdTuples.get(name, key);
    if (tuple < 0) this.eventNamedFdTuples.add(name, key, (tuple = this.fd.resolve(ctx)));
    return tuple;
  }

  /**
   * The tuple of an IP socket's event: its fd fields read the fd.name the event shows (the
   * entry's, or a failed connect's own), the entry's type, role, protocol, addresses and ports,
   * which of its ends are local addresses (socketEndsLocal) and the thread's container (in
   * fd.containername). New sockets mostly repeat one seen before, and an entry's revision often
   * moves with nothing it shows changed (on the 200 MB copy 36,098 lookups, 120 of them asked).
   */
  private socketTuple(ctx: EventContext, fd: FdInfo, container: string): number {
    const containerIndex = this.containerIndex(container);
    const { sport, dport } = fd;
    if (containerIndex >= MAX_CONTAINERS || fd.type >= MAX_FD_TYPES || fd.role >= MAX_ROLES || fd.l4proto >= MAX_L4
      || !(sport >= 0 && sport < MAX_PORT && dport >= 0 && dport < MAX_PORT)) return this.fd.resolve(ctx);
    const name = this.fd.valueId(this.fdNameField, ctx);
    const local = this.socketAddresses.idOf(fd.sip);
    let byName = this.socketsByName.get(name, local);
    if (byName < 0) this.socketsByName.add(name, local, (byName = this.socketsByName.size));
    const remote = this.socketAddresses.idOf(fd.dip);
    let byRemote = this.socketsByRemote.get(byName, remote);
    if (byRemote < 0) this.socketsByRemote.add(byName, remote, (byRemote = this.socketsByRemote.size));
    const ports = sport * MAX_PORT + dport;
    let byPorts = this.socketsByPorts.get(byRemote, ports);
    if (byPorts < 0) this.socketsByPorts.add(byRemote, ports, (byPorts = this.socketsByPorts.size));
    const kind = (((socketEndsLocal(ctx, fd) * MAX_CONTAINERS + containerIndex) * MAX_FD_TYPES + fd.type) * MAX_ROLES + fd.role) * MAX_L4 + fd.l4proto;
    let tuple = this.socketTuples.get(byPorts, kind);
    if (tuple < 0) this.socketTuples.add(byPorts, kind, (tuple = this.fd.resolve(ctx)));
    return tuple;
  }

  private containerIndex(container: string): number {
    let index = this.containerIndexes.get(container);
    if (index === undefined) this.containerIndexes.set(container, (index = this.containerIndexes.size));
    return index;
  }

  private addThreadTuples(ctx: EventContext): void {
    const state = ctx.state;
    const t = ctx.es.thread;
    if (!t) { this.pushThreadless(ctx); return; }
    let inputs: ThreadTupleInputs | undefined;
    if (t.memoEpoch !== state.threadEpoch) {
      inputs = this.inputsOf(t);
      const change = inputs.threadFieldsChange(state, t);
      if (change === COUNT_ONLY) t.memoValue = this.thread.resolveOne(t.memoValue, this.threadCountField, ctx);
      else if (change === OTHER) {
        t.memoValue = this.thread.resolve(ctx);
        inputs.noteThreadFields(state, t);
      }
      t.memoEpoch = state.threadEpoch;
    }
    this.thread.push(t.memoValue);
    if (t.figuresMemoEpoch !== state.threadEpoch || t.figuresMemoRevision !== t.revision) {
      inputs ??= this.inputsOf(t);
      if (!inputs.figuresMatch(t)) {
        t.figuresMemoValue = this.figuresTuple(ctx, t);
        inputs.noteFigures(t);
      }
      t.figuresMemoEpoch = state.threadEpoch;
      t.figuresMemoRevision = t.revision;
    }
    this.figures.push(t.figuresMemoValue);
  }

  /**
   * The figures tuple of a thread whose figures changed, found by the figures themselves: they
   * mostly change to values seen before, of this thread or another (on the 200 MB copy 73,319
   * lookups, 410 of them asked), and three lookups by number cost less than asking the fields.
   */
  private figuresTuple(ctx: EventContext, t: ThreadInfo): number {
    const { pfmajor, pfminor, vmsizeKb, vmrssKb } = t;
    // NaN is no lookup key (a figure is a number the parsers read; this is only a guard).
    if (Number.isNaN(pfmajor + pfminor + vmsizeKb + vmrssKb)) return this.figures.resolve(ctx);
    let faults = this.figuresByFaults.get(pfmajor, pfminor);
    if (faults < 0) this.figuresByFaults.add(pfmajor, pfminor, (faults = this.figuresByFaults.size));
    const leads = faults * 2 + (t.tid === t.pid ? 1 : 0);
    let sized = this.figuresBySize.get(leads, vmsizeKb);
    if (sized < 0) this.figuresBySize.add(leads, vmsizeKb, (sized = this.figuresBySize.size));
    let tuple = this.figuresTuples.get(sized, vmrssKb);
    if (tuple < 0) this.figuresTuples.add(sized, vmrssKb, (tuple = this.figures.resolve(ctx)));
    return tuple;
  }

  /** The thread and figures tuples of an event without a thread (the same while threadEpoch stands). */
  private pushThreadless(ctx: EventContext): void {
    const epoch = ctx.state.threadEpoch;
    if (this.threadlessEpoch !== epoch) {
      this.threadlessEpoch = epoch;
      this.threadlessTuple = this.thread.resolve(ctx);
      this.threadlessFigures = this.figures.resolve(ctx);
    }
    this.thread.push(this.threadlessTuple);
    this.figures.push(this.threadlessFigures);
  }

  private inputsOf(t: ThreadInfo): ThreadTupleInputs {
    let inputs = this.threadInputs.get(t);
    if (!inputs) this.threadInputs.set(t, (inputs = new ThreadTupleInputs()));
    return inputs;
  }

  /** Room for `n` events in all. */
  reserve(n: number): void {
    for (const g of [this.event, this.fd, this.thread, this.figures]) g.reserve(n);
    this.perRow.reserve(n);
  }

  /** How many distinct tuples each group holds (for the benchmark's report). */
  get tupleCounts(): Record<string, number> {
    return { event: this.event.tuples, fd: this.fd.tuples, thread: this.thread.tuples, figures: this.figures.tuples };
  }

  finish(): Record<string, ValueColumn> {
    return { ...this.event.finish(), ...this.fd.finish(), ...this.thread.finish(), ...this.figures.finish(), ...this.perRow.finish() };
  }
}
