/**
 * The engine side of the evidence calls (shared/streams/evidenceApi.ts) for one capture file:
 * events pages, one event's every field, stream pages, the process tree and uncapped search.
 * Each call is a pass over the capture that stops as soon as it has its answer; the process
 * tree is built once and kept, and given the capture index (`pidsMatching`) a filtered tree is
 * cut from it instead of read again. Bad filters and fields are one-line `bad-filter`/`bad-request`
 * failures.
 *
 * Seeking: events and event-detail passes leave state checkpoints behind (eventsCheckpoints.ts)
 * and events, event-detail and streams passes resume from the latest one before the event or
 * time asked for. `prepareCheckpoints` lays them over the whole capture in the background (the
 * index worker calls it once the index is ready); it steps aside whenever a request is being
 * answered and carries on from its latest checkpoint afterwards, so requests never wait for
 * it, and a request before it is done is answered the same, only slower. Given the capture
 * index (`matches`), a filtered page also skips every checkpoint before the filter's first
 * match: a narrow filter's first page starts near its first match instead of at the start; and
 * the filter is asked only at the events the index names as matches (the pass still reads every
 * event in between, for the state: that read is what a sparse filter's page costs).
 * The same background pass feeds the whole process tree (lifecycleFeed.ts), so a tree asked for
 * after it needs no pass of its own. The pass may also run in another worker, started with the
 * index build (worker/checkpointLayer.ts): `layerCheckpoints` then adopts what it lays, and its
 * tree, instead of running the pass here.
 */
import { statSync } from 'node:fs';
import { ApiFailure } from '../../../shared/ipc/errors';
import type {
  EventDetailReply, EventDetailRequest, EventsReply, EventsRequest, EvidenceApi, EvidenceScalar, EvidenceSearchReply,
  EvidenceMethod, EvidenceSearchRequest, StreamsReply, StreamsRequest, TreeReply, TreeRequest,
} from '../../../shared/streams/evidenceApi';
import { compileSearch, searchStreams, type SearchMatch } from '../../../shared/streams/search';
import { toBase64 } from '../../../shared/streams/render';
import { compileFilter, type Predicate } from '../filter/compile';
import type { EventContext } from '../inspector/eventContext';
import { fieldResolver, resolveField } from '../fields/registry';
import { UsageError } from './commandLine';
import { DEFAULT_EVENT_FIELDS, displayableFieldNames, EventFieldSet, LINE_FIELDS, RAW_IN_JSON, toJsonValue, type EventRecord, type JsonValue } from './eventFields';
import { eventLayout } from '../format/layouts';
import { listEvents, type Seeking } from './eventsList';
import { lastMatchesBefore } from './eventsBefore';
import { InspectorWalk, PAGE_CHUNK_BYTES, type WalkSnapshot } from './inspectorWalk';
import { CheckpointStore, type EventsCheckpoint } from './eventsCheckpoints';
import { narrowLifecycle, scanLifecycle } from './lifecycleScan';
import { LifecycleFeed } from './lifecycleFeed';
import { listStreams } from './streamsList';
import { windowIncludingEnd, type NsWindow } from './eventWalk';
import { treeFilterFields } from './openEvidence';
import type { FieldResolver } from '../filter/resolver';

type Request = { filter?: string; window?: { from: string; to: string } };

/** Events read ahead by one pass of `events`, served to the following pages. */
const READ_AHEAD = 1000;
/**
 * Past a full page, the read-ahead stops after this many more events (≈ 10 ms at 1.5 M
 * events/s), so a narrow filter's page does not read on for its read-ahead alone; and sooner,
 * at the first match after a stretch of SKIP_CHECK_EVERY events without one (eventsList.ts).
 */
const READ_AHEAD_SCAN = 15_000;
/**
 * A jump over events without a match thaws a checkpoint and restarts the read (≈ 1.5 ms + the
 * first chunk): about what reading 5,000–10,000 events costs. Measured on large-200000000.scap,
 * first page of `evt.type=kill` (6 matches per 23,000 events): jumping past 5,000 events took
 * 230–250 ms, past 10,000 170–240 ms.
 */
const JUMP_AT_LEAST = 10_000;

/** Where a filter's matching events are, from the capture index (file offsets of their blocks). */
export interface FilterMatches {
  /** File offset of the first matching event at or after `offset`, or null if none. */
  firstAtOrAfter(offset: number): number | null;
}

export interface EvidenceOptions {
  signal?: AbortSignal;
  /** The matches of a filter when the capture index can tell them cheaply; undefined otherwise. */
  matches?: (filter: string) => Promise<FilterMatches | undefined>;
  /** The pids of the processes whose shown events a filter matches, when the capture index can tell; undefined otherwise. */
  pidsMatching?: (filter: string) => Promise<ReadonlySet<number> | undefined>;
  /** Events between checkpoints (default CHECKPOINT_EVERY; tests use small captures). */
  checkpointEvery?: number;
  /** Told of each checkpoint the passes lay (the checkpoint layer hands them to the index worker). */
  onCheckpoint?: (cp: EventsCheckpoint<WalkSnapshot>) => void;
  /** Fewest events a jump over non-matching events must skip (default JUMP_AT_LEAST; tests use small captures). */
  jumpAtLeast?: number;
  /** Bytes a pass reads at a time (default: the reader's; tests use small chunks so that requests interleave with passes). */
  chunkBytes?: number;
}

export type CheckpointsLaidBy = 'own' | 'layer' | 'cache' | undefined;

export class EvidenceService implements EvidenceApi {
  private tree_: Promise<TreeReply> | undefined;
  private eventsAhead: { key: string; from: number; next: number | null; rows: EventsReply['events'] } | undefined;
  /** Left behind by events passes: later pages anywhere in the capture resume from them. */
  private readonly checkpoints: CheckpointStore<WalkSnapshot>;
  private readonly signal: AbortSignal | undefined;
  private readonly matches: EvidenceOptions['matches'];
  private readonly pidsMatching: EvidenceOptions['pidsMatching'];
  /** Requests being answered (the preparing pass steps aside meanwhile). */
  private busy = 0;
  private idleWaiters: Array<() => void> = [];
  private preparing: Promise<void> | undefined;
  /** Settles when a checkpoint layer in another worker is done (true) or failed (false), while there is one. */
  private layerDone: Promise<boolean> | undefined;
  /** Who lays the checkpoints: this service's own pass, a layer in another worker, or a kept set from the cache. */
  private laidBy: CheckpointsLaidBy;
  /** How far into the file the layer's checkpoints reached. */
  private layerOffset = 0;
  /** True once checkpoints cover the whole capture. */
  checkpointsReady = false;
  /** The whole process tree came from the checkpoints' pass, not a pass of its own (for tests). */
  treeFromCheckpointPass = false;
  /** How often the checkpoints' pass stepped aside for a request and resumed (for tests). */
  checkpointPassResumes = 0;
  /** Events read by the last events pass (for tests and benchmarks). */
  lastScanned = 0;
  private readonly jumpAtLeast: number;
  private readonly chunkBytes: number | undefined;

  constructor(private readonly path: string, options: AbortSignal | EvidenceOptions = {}) {
    const o = options instanceof AbortSignal ? { signal: options } : options;
    this.signal = o.signal;
    this.matches = o.matches;
    this.pidsMatching = o.pidsMatching;
    this.checkpoints = new CheckpointStore<WalkSnapshot>(o.checkpointEvery);
    this.checkpoints.onAdd = o.onCheckpoint;
    this.jumpAtLeast = ('jumpAtLeast' in o ? o.jumpAtLeast : undefined) ?? JUMP_AT_LEAST;
    this.chunkBytes = 'chunkBytes' in o ? o.chunkBytes : undefined;
  }

  /** The checkpoints' count, estimated bytes and spacing in events (for benchmarks and tests). */
  checkpointStats(): { count: number; bytes: number; spacing: number; ready: boolean; laidBy: CheckpointsLaidBy } {
    return { count: this.checkpoints.size, bytes: this.checkpoints.bytes, spacing: this.checkpoints.spacing, ready: this.checkpointsReady, laidBy: this.laidBy };
  }

  /** Runs `work` as a request: the preparing pass steps aside until it is done (for a host's other calls). */
  hold<T>(work: () => Promise<T>): Promise<T> {
    return this.request(work);
  }

  private async request<T>(answer: () => Promise<T>): Promise<T> {
    this.busy++;
    try {
      return await answer();
    } finally {
      if (--this.busy === 0) for (const wake of this.idleWaiters.splice(0)) wake();
    }
  }

  private idle(): Promise<void> {
    return this.busy === 0 ? Promise.resolve() : new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /**
   * For a filtered request, when the index knows where the filter's matches are: skip the
   * checkpoints before its first match (at or after the first event the request may list), and
   * jump over stretches without a match (a sparse filter's page then reads near its matches
   * only). Nothing when the index cannot answer the filter.
   */
  private async seekByIndex(filter: string | undefined, fromEvtNum: number | undefined): Promise<Pick<Seeking<EventContext, WalkSnapshot>, 'canSkip' | 'skipAhead' | 'matchAtOrAfter'>> {
    if (!this.matches || !filter || filter.trim() === '') return {};
    const matches = await this.matches(filter.trim());
    if (!matches) return {};
    // Events before this offset come before `fromEvtNum` (checkpoint offsets are block starts).
    const low = fromEvtNum === undefined ? 0 : this.checkpoints.latestBefore((cp) => cp.evtNum < fromEvtNum)?.walk.offset ?? 0;
    const first = matches.firstAtOrAfter(low);
    // The first match at or after an offset, remembered: no match lies from `from` up to `at`.
    let known = { from: 0, at: -1 };
    const matchAtOrAfter = (offset: number): number => {
      if (offset >= known.from && offset <= known.at) return known.at;
      known = { from: offset, at: matches.firstAtOrAfter(offset) ?? Infinity };
      return known.at;
    };
    return {
      canSkip: (cp) => first === null || cp.walk.offset <= first,
      matchAtOrAfter,
      skipAhead: (offset, evtNum) => {
        const next = matchAtOrAfter(offset + 1);
        const cp = this.checkpoints.latestBefore((c) => c.walk.offset <= next);
        return cp && cp.walk.offset > offset && cp.evtNum - evtNum >= this.jumpAtLeast ? cp : undefined;
      },
    };
  }

  /** A pass that stops at its page (`page`) reads in smaller chunks than one over the whole capture. */
  private walk(page = false): InspectorWalk {
    return new InspectorWalk(this.path, this.signal, this.chunkBytes ?? (page ? PAGE_CHUNK_BYTES : undefined));
  }

  private predicate(filter: string | undefined, resolver: FieldResolver<EventContext> = fieldResolver): Predicate<EventContext> | undefined {
    if (!filter || filter.trim() === '') return undefined;
    const compiled = compileFilter(filter, resolver);
    if (!compiled.ok) throw new ApiFailure('bad-filter', compiled.error.message.split('\n')[0]);
    return compiled.predicate;
  }

  private fields(names: string[], skipUnavailable = false): EventFieldSet<EventContext> {
    try {
      return new EventFieldSet(names, fieldResolver, skipUnavailable, { jsonTimes: true });
    } catch (e) {
      if (e instanceof UsageError) throw new ApiFailure('bad-request', e.message);
      throw e;
    }
  }

  events(req: EventsRequest): Promise<EventsReply> {
    return this.request(() => (req.before === undefined ? this.eventsPage(req) : this.eventsBefore(req, req.before)));
  }

  /** The page of events just before an event number or the end: its start is found reading backward in stretches (eventsBefore.ts). */
  private async eventsBefore(req: EventsRequest, before: number | 'end'): Promise<EventsReply> {
    const rest: EventsRequest = { ...req, before: undefined, fromEvtNum: undefined, fromTs: undefined };
    const bound = before === 'end' ? Infinity : before;
    const predicate = this.predicate(req.filter);
    const window = nsWindow(req);
    const evtNumOnly = this.fields(['evt.num']);
    const start = await lastMatchesBefore(bound, req.limit, () => this.checkpoints.all(), async (from, to, keep) => {
      const evtNums: number[] = [];
      let total = 0;
      let past = false;
      const walk = this.walk(true);
      const byIndex = await this.seekByIndex(req.filter, from || undefined);
      await listEvents(walk, {
        fields: evtNumOnly, limit: 0, window, fromEvtNum: from || undefined,
        interrupt: () => past,
        observe: (_ctx, e) => { if (e.evtNum >= to) past = true; },
        predicate: (ctx) => {
          if (ctx.num >= to || (predicate && !predicate(ctx))) return false;
          total++;
          evtNums.push(ctx.num);
          if (evtNums.length > keep * 2) evtNums.splice(0, evtNums.length - keep);
          return false;
        },
      }, { walk, store: this.checkpoints, laysCheckpoints: !this.checkpointsReady, ...byIndex });
      return { evtNums: evtNums.slice(-keep), total };
    });
    if (start.evtNums.length === 0) {
      return { fields: this.fields(req.fields?.length ? req.fields : DEFAULT_EVENT_FIELDS).names, events: [], next: before === 'end' ? null : before, earlier: false };
    }
    const page = await this.eventsPage({ ...rest, fromEvtNum: start.evtNums[0], limit: start.evtNums.length });
    return { ...page, earlier: start.earlier };
  }

  private async eventsPage(req: EventsRequest): Promise<EventsReply> {
    const names = req.fields?.length ? req.fields : DEFAULT_EVENT_FIELDS;
    const fields = this.fields(names);
    // A page resumes from the latest checkpoint before it (or the start of the capture), and
    // reads ahead so the following pages come from the same pass.
    const key = JSON.stringify([req.filter ?? '', req.window ?? null, fields.names, req.fromTs ?? null]);
    const from = req.fromEvtNum ?? 0;
    let c = this.eventsAhead;
    const covers = c !== undefined && c.key === key && from >= c.from
      && (c.next === null || c.rows.filter((r) => r.evtNum >= from).length >= req.limit);
    if (!covers) {
      const walk = this.walk(true);
      const predicate = this.predicate(req.filter);
      const byIndex = await this.seekByIndex(req.filter, req.fromEvtNum);
      const page = await listEvents(walk, {
        fields, predicate, window: nsWindow(req), fromEvtNum: req.fromEvtNum,
        fromTs: req.fromTs !== undefined ? BigInt(req.fromTs) : undefined, limit: Math.max(req.limit, READ_AHEAD),
        readAheadScan: { pageSize: req.limit, maxEvents: READ_AHEAD_SCAN },
      }, { walk, store: this.checkpoints, laysCheckpoints: !this.checkpointsReady, ...byIndex });
      this.lastScanned = page.scanned;
      c = this.eventsAhead = {
        key, from, next: page.next,
        rows: page.events.map((e) => ({ evtNum: e.evtNum, values: fields.names.map((n) => wire(e.fields[n])), partner: e.partner, latencyNs: e.latencyNs })),
      };
    }
    const start = c!.rows.findIndex((r) => r.evtNum >= from);
    const rows = start < 0 ? [] : c!.rows.slice(start, start + req.limit);
    const after = start < 0 ? undefined : c!.rows[start + req.limit];
    return { fields: fields.names, events: rows, next: after ? after.evtNum : c!.next };
  }

  /**
   * Passes over the whole capture that only leave checkpoints behind (no fields read), so that
   * even the first page asked for far into the capture resumes near it. Optional: without it,
   * each events pass leaves checkpoints as far as it reads. While a request is being answered
   * the pass stops; it resumes from the latest checkpoint once no request is left.
   */
  prepareCheckpoints(): Promise<void> {
    if (!this.preparing) {
      this.laidBy = 'own';
      this.preparing = this.prepare();
    }
    return this.preparing;
  }

  /**
   * Everything the checkpoints' pass leaves, to keep for a later session: every checkpoint (all
   * portable) and the whole tree; undefined before the pass is done or if anything is missing.
   */
  async laidEvidence(): Promise<{ checkpoints: ReadonlyArray<EventsCheckpoint<WalkSnapshot>>; tree: TreeReply } | undefined> {
    if (!this.checkpointsReady || !this.tree_) return undefined;
    const checkpoints = this.checkpoints.all();
    if (checkpoints.some((cp) => !cp.walk.state.portable)) return undefined;
    return { checkpoints, tree: await this.tree_ };
  }

  /** A checkpoint laid by another worker's pass over this capture (frozen portably). */
  adoptCheckpoint(cp: EventsCheckpoint<WalkSnapshot>): void {
    if (!cp.walk.state.portable) return;
    this.checkpoints.adopt(cp);
    this.layerOffset = Math.max(this.layerOffset, cp.walk.offset);
  }

  /**
   * The checkpoints' pass runs elsewhere: `layer` settles with its whole tree once every
   * checkpoint was adopted. Until then a whole tree asked for waits for it rather than
   * reading the capture again; if the layer fails, the pass runs here after all.
   */
  layerCheckpoints(layer: Promise<TreeReply | undefined>, laidBy: 'layer' | 'cache' = 'layer'): void {
    if (this.preparing) return;
    this.laidBy = laidBy;
    const laid = layer.then((tree) => { this.checkpointsReady = true; this.takeTree(tree); return true; }, () => false);
    this.layerDone = laid;
    this.preparing = laid.then((ok) => {
      if (ok) return undefined;
      this.layerDone = undefined;
      this.laidBy = 'own';
      return this.prepare();
    });
  }

  /** The whole tree from the checkpoints' pass (here, in the layer or kept), unless one is there already. */
  private takeTree(tree: TreeReply | undefined): void {
    if (!tree || this.tree_) return;
    this.tree_ = Promise.resolve(tree);
    this.treeFromCheckpointPass = true;
  }

  private async prepare(): Promise<void> {
    const fields = this.fields(['evt.num']);
    // The same pass feeds the whole process tree, unless a tree request built it first.
    let feed: LifecycleFeed | undefined = this.tree_ ? undefined : new LifecycleFeed();
    for (;;) {
      await this.idle();
      if (this.tree_) feed = undefined;
      // Resuming, the pass reads on from its latest checkpoint; while it feeds the tree, from
      // the event after the last one fed (requests may have laid checkpoints further on).
      const after = feed ? feed.lastTaken : this.checkpoints.last?.evtNum ?? 0;
      const walk = this.walk();
      feed?.follow(walk);
      const observe = feed ? feed.event.bind(feed) : undefined;
      const pass = await listEvents(walk, {
        fields, limit: 0, predicate: () => false, fromEvtNum: after > 0 ? after + 1 : undefined, interrupt: () => this.busy > 0, observe,
      }, { walk, store: this.checkpoints });
      if (!pass.interrupted) break;
      this.checkpointPassResumes++;
    }
    this.checkpointsReady = true;
    this.takeTree(feed?.finish());
  }

  eventDetail(req: EventDetailRequest): Promise<EventDetailReply> {
    return this.request(() => this.detail(req));
  }

  private async detail(req: EventDetailRequest): Promise<EventDetailReply> {
    const fields = this.fields(displayableFieldNames(), true);
    // A person reads the detail: the time-of-day fields as sysdig prints them (-p), not the raw
    // nanoseconds `sysdig -j` gives them (evt.rawtime keeps those).
    const times = new EventFieldSet([...RAW_IN_JSON], fieldResolver, true);
    // The event's own parameters (evt.arg.NAME as text, evt.rawarg.NAME as a value) are read
    // while the pass is at the event: their names depend on the event.
    let args: EventRecord = {};
    let timeTexts: EventRecord = {};
    const walk = this.walk(true);
    const page = await listEvents(walk, {
      fields, fromEvtNum: req.evtNum, limit: 1,
      predicate: (ctx) => {
        if (ctx.num !== req.evtNum) return false;
        args = eventArguments(ctx);
        const text = times.readText(ctx);
        timeTexts = Object.fromEntries(times.names.map((n, i) => [n, text[i] === '<NA>' ? null : text[i]]));
        return true;
      },
    }, { walk, store: this.checkpoints, laysCheckpoints: !this.checkpointsReady });
    const e = page.events[0];
    if (!e) throw new ApiFailure('not-found', `no event #${req.evtNum} in this capture`);
    const out: EventDetailReply['fields'] = {};
    for (const [k, v] of Object.entries({ ...e.fields, ...timeTexts, ...args })) if (v !== null) out[k] = wire(v);
    return { evtNum: e.evtNum, fields: out, partner: e.partner, latencyNs: e.latencyNs };
  }

  streams(req: StreamsRequest): Promise<StreamsReply> {
    return this.request(() => this.streamsPage(req));
  }

  private async streamsPage(req: StreamsRequest): Promise<StreamsReply> {
    const walk = this.walk(true);
    const predicate = this.predicate(req.filter);
    const byIndex = await this.seekByIndex(req.filter, req.fromEvtNum);
    const page = await listStreams(walk, {
      predicate, window: nsWindow(req), fromEvtNum: req.fromEvtNum, follow: req.follow, limit: req.limit,
    }, { walk, store: this.checkpoints, ...byIndex });
    return {
      operations: page.operations.map(({ data, ...op }) => ({ ...op, dataBase64: toBase64(data) })),
      next: page.next,
    };
  }

  tree(req: TreeRequest): Promise<TreeReply> {
    return this.request(async () => {
      const filter = req.filter?.trim() ?? '';
      if (filter === '') return this.wholeTree();
      // The index names the processes a filter touches: every filter then narrows the one
      // whole tree instead of re-reading the capture.
      const pids = await this.pidsMatching?.(filter);
      if (pids === undefined) return scanLifecycle(this.walk(), this.predicate(filter, treeFilterFields()));
      return narrowLifecycle(await this.wholeTree(), pids);
    });
  }

  /**
   * Whether waiting for the layer's tree beats a tree pass of our own. The layer's pass also
   * freezes checkpoints: on the 1 GB bench capture it takes about 2.7 times as long as a tree
   * pass (12.7 s against 4.8 s), so it is worth waiting for with less than a third left.
   */
  private layerNearlyDone(): boolean {
    if (!this.layerDone) return false;
    if (this.checkpointsReady) return true;
    let size = 0;
    try { size = statSync(this.path).size; } catch { return false; }
    return size > 0 && (size - this.layerOffset) / size < 1 / 3;
  }

  private async wholeTree(): Promise<TreeReply> {
    if (this.tree_) return this.tree_;
    if (this.layerNearlyDone()) await this.layerDone;
    if (this.tree_) return this.tree_;
    const pass = scanLifecycle(this.walk());
    this.tree_ = pass;
    // A failed pass (the file vanished) is not kept: the next call tries again.
    pass.catch(() => { if (this.tree_ === pass) this.tree_ = undefined; });
    return pass;
  }

  search(req: EvidenceSearchRequest): Promise<EvidenceSearchReply> {
    return this.request(() => this.searchAll(req));
  }

  private async searchAll(req: EvidenceSearchRequest): Promise<EvidenceSearchReply> {
    let match: (text: string) => Array<[number, number]>;
    try {
      match = compileSearch(req);
    } catch (e) {
      throw new ApiFailure('bad-request', (e as Error).message);
    }
    const predicate = this.predicate(req.filter);
    if (req.target === 'streams') {
      const page = await listStreams(this.walk(), { predicate, window: nsWindow(req), limit: Infinity });
      const ops = page.operations;
      return { matches: searchStreams(ops, req, req.mode).map((m) => ({ ...m, row: ops[m.row].evtNum })) };
    }
    // The events list's text: sysdig's default line, one cell per field.
    const fields = new EventFieldSet(LINE_FIELDS, fieldResolver);
    const matches: SearchMatch[] = [];
    const window = nsWindow(req);
    await this.walk().walk((ctx) => {
      if (window && ((window.from !== undefined && ctx.ev.ts < window.from) || (window.to !== undefined && ctx.ev.ts >= window.to))) return;
      if (predicate && !predicate(ctx)) return;
      fields.readText(ctx).forEach((cell, column) => {
        for (const [start, end] of match(cell)) matches.push({ row: ctx.num, column, start, end });
      });
    });
    return { matches };
  }
}

/** The request's window includes its end, as the views' and tiles' windows do. */
function nsWindow(req: Request): NsWindow | undefined {
  return req.window ? windowIncludingEnd(BigInt(req.window.from), BigInt(req.window.to)) : undefined;
}

/** JSON-safe: integers beyond 2^53 travel as decimal strings. */
function wire(v: JsonValue): EvidenceScalar | EvidenceScalar[] {
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'bigint' ? x.toString() : x));
  return typeof v === 'bigint' ? v.toString() : v;
}

/**
 * Routes one evidence call by name (for a worker's message loop): the request must already
 * have passed its schema (evidenceRequestSchemas).
 */
export function answerEvidenceCall(service: EvidenceApi, method: EvidenceMethod, params: unknown): Promise<unknown> {
  switch (method) {
    case 'events': return service.events(params as EventsRequest);
    case 'eventDetail': return service.eventDetail(params as EventDetailRequest);
    case 'streams': return service.streams(params as StreamsRequest);
    case 'tree': return service.tree(params as TreeRequest);
    case 'search': return service.search(params as EvidenceSearchRequest);
  }
}

/** evt.arg.NAME (text) and evt.rawarg.NAME (value) for every parameter of the event as recorded. */
function eventArguments(ctx: EventContext): EventRecord {
  const out: EventRecord = {};
  for (const p of eventLayout(ctx.ev.type)?.params ?? []) {
    for (const field of ['evt.arg', 'evt.rawarg']) {
      const r = resolveField(field, p.name);
      if (!r || 'error' in r) continue;
      try {
        const v = field === 'evt.arg' ? r.format(ctx) : r.get(ctx);
        if (v !== undefined) out[`${field}.${p.name}`] = typeof v === 'string' ? v : toJsonValue(v, r.type);
      } catch {
        // a parameter this engine cannot decode is left out
      }
    }
  }
  return out;
}
