/**
 * The fd group's tuple of each event (fd.name, addresses, ports, fd.containername...), a part of
 * the recorder (eventValues.ts). It is decided by the fd table entry (fdFieldsSource), its
 * revision and the thread's container while the state's fdEpoch stands; for entries that are no
 * IP socket, by their type, role and name and the thread's container; for IP sockets, by what
 * their fields read of the entry and the thread (socketTuple); events whose fd name comes from
 * their own parameters by that name, their type (or their entry's) and the container, others of
 * them asked every time.
 */
import type { EventContext } from '../inspector/eventContext';
import type { FdInfo } from '../state/fdInfo';
import { entryNamesPath, eventFd, fdFieldsFromTypeOnly, fdFieldsSource, fdNameFromSocketTuple, hasFd, socketEndsLocal } from '../fields/fdFields';
import { MAX_KIND_ID } from './eventKindTuples';
import { NumberPairTable } from './numberPairTable';
import type { TupleGroup } from './tupleGroup';
import { ValueDictionary } from './valueDictionary';

// Bounds of the fd types and roles packed into a named entry's key (namedFdTuple).
const MAX_FD_TYPES = 256;
const MAX_ROLES = 4;
// Bounds of what an IP socket's key packs (socketTuple).
const MAX_CONTAINERS = 1024;
const MAX_L4 = 8;
const MAX_PORT = 65536;

export class FdTuples {
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
  /** Socket tuple parameters' bytes, and (their id, event type) → fd.name's value id (socketTupleName). */
  private readonly socketTupleBytes = new ValueDictionary();
  private readonly namesBySocketTuple = new NumberPairTable();
  /** Event type → thread's container → tuple, for fds without a table entry. */
  private readonly entrylessTuples = new Map<number, Map<string, number>>();
  private fdlessTuple = -1;

  constructor(
    private readonly fd: TupleGroup<EventContext>,
    /** fd.name's place in the fd group. */
    private readonly fdNameField: number,
  ) {}

  /** A new section of the capture starts a new state: what was kept of the old one goes. */
  reset(): void {
    this.fdlessTuple = -1;
    this.entrylessTuples.clear();
  }

  /** The tuple of an event no fd field applies to: the same all-empty tuple every time. */
  fdless(ctx: EventContext): number {
    if (this.fdlessTuple < 0) this.fdlessTuple = this.fd.resolve(ctx);
    return this.fdlessTuple;
  }

  /** The event's fd tuple. */
  tupleOf(ctx: EventContext): number {
    const state = ctx.state;
    if (!hasFd(ctx)) return this.fdless(ctx);
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
    fd.memoValue = fd.isIp ? this.socketTuple(ctx, fd, container, false)
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
      if (entry.isIp) return this.socketTuple(ctx, entry, container, true);
      if (entryNamesPath(entry) || entry.type >= MAX_FD_TYPES || entry.role >= MAX_ROLES) return this.fd.resolve(ctx);
      kind = MAX_KIND_ID + entry.type * MAX_ROLES + entry.role;
    }
    const name = this.eventFdName(ctx);
    const key = this.containerIndex(container) * (MAX_KIND_ID + MAX_FD_TYPES * MAX_ROLES) + kind;
    let tuple = this.eventNamedFdTuples.get(name, key);
    if (tuple < 0) this.eventNamedFdTuples.add(name, key, (tuple = this.fd.resolve(ctx)));
    return tuple;
  }

  /** fd.name's value id for an event that names its fd in its own parameters. */
  private eventFdName(ctx: EventContext): number {
    return fdNameFromSocketTuple(ctx) ? this.socketTupleName(ctx) : this.fd.valueId(this.fdNameField, ctx);
  }

  /**
   * fd.name's value id for an event named by its socket tuple parameter (fdNameFromSocketTuple),
   * found by the parameter's bytes: rendering the text cost about 1 µs per event (22,484 events
   * of the 200 MB copy, with 72 distinct tuples).
   */
  private socketTupleName(ctx: EventContext): number {
    const ev = ctx.ev;
    const o = ev.paramOffset[1];
    const bytes = this.socketTupleBytes.idOf(ev.data.subarray(o, o + ev.paramLength[1]));
    let name = this.namesBySocketTuple.get(bytes, ev.type);
    if (name < 0) this.namesBySocketTuple.add(bytes, ev.type, (name = this.fd.valueId(this.fdNameField, ctx)));
    return name;
  }

  /**
   * The tuple of an IP socket's event: its fd fields read the fd.name the event shows (the
   * entry's, or when `namedByEvent` a failed connect's own), the entry's type, role, protocol,
   * addresses and ports, which of its ends are local addresses (socketEndsLocal) and the
   * thread's container (in fd.containername). New sockets mostly repeat one seen before, and an entry's revision often
   * moves with nothing it shows changed (on the 200 MB copy 36,098 lookups, 120 of them asked).
   */
  private socketTuple(ctx: EventContext, fd: FdInfo, container: string, namedByEvent: boolean): number {
    const containerIndex = this.containerIndex(container);
    const { sport, dport } = fd;
    if (containerIndex >= MAX_CONTAINERS || fd.type >= MAX_FD_TYPES || fd.role >= MAX_ROLES || fd.l4proto >= MAX_L4
      || !(sport >= 0 && sport < MAX_PORT && dport >= 0 && dport < MAX_PORT)) return this.fd.resolve(ctx);
    const name = namedByEvent ? this.eventFdName(ctx) : this.fd.valueId(this.fdNameField, ctx);
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
}
