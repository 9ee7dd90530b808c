/**
 * The engine side of the evidence calls (shared/streams/evidenceApi.ts) for one capture file:
 * events pages, one event's every field, stream pages, the process tree and uncapped search.
 * Each call is a pass over the capture that stops as soon as it has its answer; the process
 * tree is built once and kept. Events and event-detail passes leave state checkpoints behind
 * (eventsCheckpoints.ts) and resume from the latest one before the event or time asked for. Bad filters and fields are one-line `bad-filter`/`bad-request`
 * failures.
 */
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
import { DEFAULT_EVENT_FIELDS, displayableFieldNames, EventFieldSet, LINE_FIELDS, toJsonValue, type EventRecord, type JsonValue } from './eventFields';
import { eventLayout } from '../format/layouts';
import { listEvents } from './eventsList';
import { InspectorWalk, type WalkSnapshot } from './inspectorWalk';
import { CheckpointStore } from './eventsCheckpoints';
import { scanLifecycle } from './lifecycleScan';
import { listStreams } from './streamsList';
import type { NsWindow } from './eventWalk';

type Request = { filter?: string; window?: { from: string; to: string } };

/** Events read ahead by one pass of `events`, served to the following pages. */
const READ_AHEAD = 2000;

export class EvidenceService implements EvidenceApi {
  private tree_: Promise<TreeReply> | undefined;
  private eventsAhead: { key: string; from: number; next: number | null; rows: EventsReply['events'] } | undefined;
  /** Left behind by events passes: later pages anywhere in the capture resume from them. */
  private readonly checkpoints = new CheckpointStore<WalkSnapshot>();

  constructor(private readonly path: string, private readonly signal?: AbortSignal) {}

  private walk(): InspectorWalk {
    return new InspectorWalk(this.path, this.signal);
  }

  private predicate(filter: string | undefined): Predicate<EventContext> | undefined {
    if (!filter || filter.trim() === '') return undefined;
    const compiled = compileFilter(filter, fieldResolver);
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

  async events(req: EventsRequest): Promise<EventsReply> {
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
      const walk = this.walk();
      const page = await listEvents(walk, {
        fields, predicate: this.predicate(req.filter), window: nsWindow(req), fromEvtNum: req.fromEvtNum,
        fromTs: req.fromTs !== undefined ? BigInt(req.fromTs) : undefined, limit: Math.max(req.limit, READ_AHEAD),
      }, { walk, store: this.checkpoints });
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
   * One pass over the whole capture that only leaves checkpoints behind (no fields read), so
   * that even the first page asked for far into the capture resumes near it. Optional: without
   * it, each events pass leaves checkpoints as far as it reads.
   */
  async prepareCheckpoints(): Promise<void> {
    const walk = this.walk();
    await listEvents(walk, { fields: this.fields(['evt.num']), limit: 0, predicate: () => false }, { walk, store: this.checkpoints });
  }

  async eventDetail(req: EventDetailRequest): Promise<EventDetailReply> {
    const fields = this.fields(displayableFieldNames(), true);
    // The event's own parameters (evt.arg.NAME as text, evt.rawarg.NAME as a value) are read
    // while the pass is at the event: their names depend on the event.
    let args: EventRecord = {};
    const walk = this.walk();
    const page = await listEvents(walk, {
      fields, fromEvtNum: req.evtNum, limit: 1,
      predicate: (ctx) => {
        if (ctx.num !== req.evtNum) return false;
        args = eventArguments(ctx);
        return true;
      },
    }, { walk, store: this.checkpoints });
    const e = page.events[0];
    if (!e) throw new ApiFailure('not-found', `no event #${req.evtNum} in this capture`);
    const out: EventDetailReply['fields'] = {};
    for (const [k, v] of Object.entries({ ...e.fields, ...args })) if (v !== null) out[k] = wire(v);
    return { evtNum: e.evtNum, fields: out, partner: e.partner, latencyNs: e.latencyNs };
  }

  async streams(req: StreamsRequest): Promise<StreamsReply> {
    const page = await listStreams(this.walk(), {
      predicate: this.predicate(req.filter), window: nsWindow(req), fromEvtNum: req.fromEvtNum, follow: req.follow, limit: req.limit,
    });
    return {
      operations: page.operations.map(({ data, ...op }) => ({ ...op, dataBase64: toBase64(data) })),
      next: page.next,
    };
  }

  tree(req: TreeRequest): Promise<TreeReply> {
    if (req.filter && req.filter.trim() !== '') return scanLifecycle(this.walk(), this.predicate(req.filter));
    this.tree_ ??= scanLifecycle(this.walk());
    return this.tree_;
  }

  async search(req: EvidenceSearchRequest): Promise<EvidenceSearchReply> {
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

function nsWindow(req: Request): NsWindow | undefined {
  return req.window ? { from: BigInt(req.window.from), to: BigInt(req.window.to) } : undefined;
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
