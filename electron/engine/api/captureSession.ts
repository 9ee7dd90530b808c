/**
 * One open capture, engine side: its index (from the cache or built by one pass) and the
 * answers to every question about it.
 *
 * - Tiles are folded from the index. A user filter needs to know which events match it: when
 *   every field it names is held in the index (filter/columnarFilter.ts) the filter runs over
 *   the index columns; otherwise the capture is re-scanned once with the compiled filter. The
 *   matching rows are kept as a bitmap, cached per filter text.
 * - Views aggregate the events matching the view's filter, the user's filter and the window,
 *   with csysdig's table semantics (views/). When every field involved is held in the index
 *   (views/indexedRows.ts) the tables are folded from the index rows; otherwise the capture is
 *   re-scanned. Either way one pass fills every listed view's table for the same (filter,
 *   window), and the tables are cached: sorting, paging and switching views never re-read.
 */
import { basename } from 'node:path';
import type { CaptureInfo, ColumnInfo, SortSpec, TableWindow, TileQuery, TileValue, TimeWindow, ViewQuery, ViewSearchQuery, ViewSearchReply } from '../../../shared/ipc/contract';
import { searchRows, SearchError } from '../../../shared/streams/search';
import { ApiFailure } from '../../../shared/ipc/errors';
import { findView, listedViews, visibleColumns } from '../../../shared/views/catalog';
import { drillKeyField, canDrillDown } from '../../../shared/views/catalog';
import { filterTemplate } from '../../../shared/views/drilldown';
import type { ViewColumn } from '../../../shared/views/types';
import { getField, isNumericType } from '../../../shared/fields/catalog';
import type { FieldType } from '../../../shared/fields/types';
import { compileFilter, type Predicate } from '../filter/compile';
import type { FieldResolver } from '../filter/resolver';
import { columnarMask, compileColumnar } from '../filter/columnarFilter';
import { bothSplits, classMatches, compileOverRows, splitOf } from '../filter/groupMemo';
import { SignaturePlanner, SignatureTable, type RowKeyed } from '../views/rowSignatures';
import { forEachRow } from '../views/classTally';
import { windowRows, type TallyWindow } from '../index/windowRows';
import { classTablePlan, foldFromShared, foldOwnTally, WindowTally, type ClassTablePlan } from '../views/classTables';
import type { SplitPredicate } from '../filter/groupMemo';
import type { ViewDefinition } from '../../../shared/views/types';
import type { EventContext } from '../inspector/eventContext';
import { buildIndex, type IndexProgress } from '../index/buildIndex';
import { fileIdentity, IndexCache } from '../index/cache';
import { CaptureIndex, type FileIdentity } from '../index/eventIndex';
import { scanCapture } from '../index/scanCapture';
import { foldTiles } from '../tiles/foldTiles';
import { sortRows, ViewAggregator, type ViewTable } from '../views/aggregateView';
import { withTableFields, withTableFieldsAsFallback } from '../views/tableFields';
import { forEachThreadTableEvent } from '../views/threadTableEvents';
import { hasAmbiguousTimes, indexedRowResolver } from '../views/indexedRows';
import { cellGetter, splitFieldName } from './fieldGetter';

export interface OpenOptions {
  resolver: FieldResolver<EventContext>;
  cache?: IndexCache | null;
  /** Build anew even when the cache holds this capture's index (the new one replaces it). */
  rebuild?: boolean;
  /**
   * Leave storing a built index to `keepInCache`, so that the session is there before the
   * store (1.8 s for the 1 GB bench capture's index) instead of after it.
   */
  storeLater?: boolean;
  signal?: AbortSignal;
  onProgress?(p: IndexProgress): void;
  /** Told the path that will be read (a gzip capture's decompressed copy) before the index is loaded or built. */
  onReadable?(readPath: string, identity: FileIdentity): void;
}

/** A small least-recently-used map. */
class Lru<V> {
  private readonly m = new Map<string, V>();
  constructor(private readonly max: number) {}
  get(k: string): V | undefined {
    const v = this.m.get(k);
    if (v !== undefined) { this.m.delete(k); this.m.set(k, v); }
    return v;
  }
  set(k: string, v: V): void {
    this.m.delete(k);
    this.m.set(k, v);
    while (this.m.size > this.max) this.m.delete(this.m.keys().next().value as string);
  }
}

function columnType(c: ViewColumn): ColumnInfo['type'] {
  const t = getField(splitFieldName(c.field).name)?.type;
  if (t === 'RELTIME') return 'duration';
  if (t === 'ABSTIME') return 'time';
  if (/buflen|vmsize|vmrss/.test(c.field)) return 'bytes';
  if (t === 'CHARBUF' || t === 'IPADDR' || t === 'IPNET' || t === undefined || t === 'BYTEBUF') return 'string';
  return 'number';
}

/**
 * What a table does with an event lacking a column's value (csysdig's defaults): decimal numbers
 * and text get a default; ids (pids, tids, ports, addresses) have none, so the event is left out.
 */
function missingValue(field: string, type: FieldType | undefined): 'number' | 'text' | 'id' {
  if (type === undefined || type === 'PORT' || type === 'IPADDR' || type === 'IPNET') return 'id';
  if (/(^|\.)(pid|tid|ppid|vpid|vtid|uid|gid|loginuid|num|sid|vpgid|pgid)$/.test(splitFieldName(field).name)) return 'id';
  if (isNumericType(type) || type === 'BOOL') return 'number';
  return 'text';
}

/** A view's table being folded from index rows (see indexedTablePass). */
interface IndexedTablePass {
  id: string; view: ViewDefinition; viewPred?: Predicate<number>; agg: ViewAggregator; signatures?: SignatureTable;
  classPlan?: ClassTablePlan; setRow(r: number): void;
}

export interface ViewWindow extends TableWindow {
  /** Per row, the key a drill-down filters on. */
  keys: string[];
  drillKeyField?: string;
  /** csysdig's filter template for this view (placeholder where the key goes). */
  filterTemplate?: string;
  drillTarget?: string;
}

export class CaptureSession {
  private readonly masks = new Lru<Uint8Array>(8);
  private readonly tables = new Lru<ViewTable>(64);
  /** Whether a view re-scan also fills the other listed views' tables (see viewTable). */
  fillSiblings = true;

  private constructor(readonly index: CaptureIndex, readonly readPath: string, private readonly resolver: FieldResolver<EventContext>,
    readonly fromCache: boolean, private readonly cache: IndexCache | null = null) {}

  static async open(path: string, opts: OpenOptions): Promise<CaptureSession> {
    let identity;
    try {
      identity = fileIdentity(path);
    } catch (err) {
      throw new ApiFailure('not-found', `cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
    const cache = opts.cache === undefined ? new IndexCache() : opts.cache;
    let readPath = path;
    let copyWarning: string | undefined;
    try {
      if (cache) ({ path: readPath, warning: copyWarning } = await cache.readableCopy(path, identity, opts.signal));
    } catch (err) {
      if (opts.signal?.aborted) throw new ApiFailure('cancelled', `loading ${basename(path)} was cancelled`);
      throw new ApiFailure('bad-capture', (err instanceof Error ? err.message : String(err)).split('\n')[0]);
    }
    opts.onReadable?.(readPath, identity);
    let cached = opts.rebuild ? undefined : await cache?.load(identity);
    // An index kept before it counted the events sysdig prints is built again (then stored over it).
    if (cached?.index && cached.index.meta.printedEvents === undefined) cached = { ...cached, index: undefined };
    if (cached?.index) {
      opts.onProgress?.({ bytesRead: identity.size, totalBytes: identity.size, events: cached.index.meta.printedEvents ?? cached.index.events, eventsPerSecond: 0, secondsLeft: 0 });
      const session = new CaptureSession(cached.index, readPath, opts.resolver, true, cache);
      session.restoreTables(cache!.loadViewTables(identity));
      return session;
    }
    let index: CaptureIndex;
    try {
      index = await buildIndex(readPath, identity, { resolver: opts.resolver, signal: opts.signal, onProgress: opts.onProgress, displayPath: path });
    } catch (err) {
      if (opts.signal?.aborted) throw new ApiFailure('cancelled', `loading ${basename(path)} was cancelled`);
      throw new ApiFailure('bad-capture', (err instanceof Error ? err.message : String(err)).split('\n')[0]);
    }
    // A gzip stream cut short: its copy holds less than the file, and the index says so (kept with it).
    if (copyWarning) index.meta.warnings.unshift(copyWarning);
    const session = new CaptureSession(index, readPath, opts.resolver, false, cache);
    if (!opts.storeLater) await session.keepInCache();
    // After storing: the rebuild is news for this session only, not for every later reopen.
    if (cached?.rejected) index.meta.warnings.push(`index cache entry rebuilt: ${cached.rejected}`);
    return session;
  }

  /**
   * Stores a freshly built index in the cache, letting the event loop through as it writes
   * (nothing when it came from the cache; called again, the same store). A cache that cannot be
   * written leaves a warning, nothing more.
   */
  keepInCache(): Promise<void> {
    if (!this.cache || this.fromCache) return Promise.resolve();
    this.storing ??= this.cache.store(this.index).catch((err: Error) => {
      this.index.meta.warnings.push(`index not cached: ${err.message.split('\n')[0]}`);
    });
    return this.storing;
  }
  /** The store keepInCache started (its later calls wait for the same one). */
  private storing: Promise<void> | undefined;

  /** Unfiltered whole-capture tables saved by an earlier session (the view definitions give the columns). */
  private restoreTables(saved: Record<string, { keys: string[]; rows: unknown[][] }>): void {
    for (const [id, t] of Object.entries(saved)) {
      const view = findView(id);
      if (!view) continue;
      const columns = visibleColumns(view);
      if (!t.rows.every((r) => r.length === columns.length)) continue;
      this.tables.set(this.tableKey(id, '', undefined), { columns, keys: t.keys, rows: t.rows as ViewTable['rows'] });
    }
  }

  /**
   * The capture as the header shows it, as sysdig shows it: the events `sysdig -r` prints (what
   * the Events tab lists; `syscope info` and reports say the same) and their span.
   */
  info(captureId: string): CaptureInfo {
    const m = this.index.meta;
    const { from, to } = this.shownSpan();
    return {
      captureId, path: m.path, fileName: basename(m.path), sizeBytes: m.sizeBytes, events: m.printedEvents ?? this.index.events,
      firstTs: String(from), lastTs: String(to), hostname: m.hostname, numCpus: m.numCpus, warnings: m.warnings,
    };
  }

  /** The span shown for the whole capture (printed events), or every row's when none is printed. */
  private shownSpan(): { from: bigint; to: bigint } {
    const m = this.index.meta;
    if (m.printedFirstTs !== undefined && m.printedLastTs !== undefined) return { from: BigInt(m.printedFirstTs), to: BigInt(m.printedLastTs) };
    return { from: BigInt(m.firstTs), to: BigInt(m.lastTs) };
  }

  private compile(text: string, what: string, resolver = this.resolver): Predicate<EventContext> {
    const c = compileFilter(text, resolver);
    if (!c.ok) throw new ApiFailure('bad-filter', `${what}: ${c.error.message}`);
    return c.predicate;
  }

  /** Where the last row mask came from (for tests and benchmarks). */
  lastMaskSource: 'index' | 'rescan' | 'cache' = 'cache';

  /** Rows matching a filter (1 = match), from the index columns or one re-scan, cached per filter text. */
  async rowMask(filter: string): Promise<Uint8Array> {
    const hit = this.masks.get(filter);
    if (hit) { this.lastMaskSource = 'cache'; return hit; }
    this.compile(filter, 'filter', withTableFieldsAsFallback(this.resolver));
    const columnar = compileColumnar(this.index, filter);
    const mask = columnar.ok ? columnarMask(this.index, columnar.predicate) : await this.rescanMask(filter);
    this.lastMaskSource = columnar.ok ? 'index' : 'rescan';
    this.masks.set(filter, mask);
    return mask;
  }

  /** Per filter text: its class mask, or null when classes do not decide it (not compiled again). */
  private readonly classMasks = new Lru<Uint8Array | null>(32);

  /** Row classes matching a filter (1 = match) when the classes decide it, cached per filter text; else undefined. */
  classMask(filter: string): Uint8Array | undefined {
    const classes = this.index.classes;
    if (!classes) return undefined;
    const hit = this.classMasks.get(filter);
    if (hit !== undefined) return hit ?? undefined;
    this.compile(filter, 'filter', withTableFieldsAsFallback(this.resolver));
    const columnar = compileColumnar(this.index, filter);
    const mask = (columnar.ok ? classMatches(this.index, columnar.predicate) : undefined) ?? null;
    this.classMasks.set(filter, mask);
    return mask ?? undefined;
  }

  /** Rows matching a filter, from a re-scan of the capture (fields the index lacks). */
  async rescanMask(filter: string): Promise<Uint8Array> {
    // A fresh resolver: thread.cpu counts the procinfo events of this pass.
    const pred = this.compile(filter, 'filter', withTableFieldsAsFallback(this.resolver));
    const mask = new Uint8Array(this.index.events);
    let rows = 0;
    await scanCapture(this.readPath, (ctx, row) => { rows++; if (row < mask.length && pred(ctx)) mask[row] = 1; });
    // Row numbers only line up with the index if the file still holds the same events.
    if (rows !== this.index.events) throw new ApiFailure('bad-capture', `${basename(this.index.meta.path)} changed since it was indexed (${rows} events, index has ${this.index.events}); reopen it`);
    return mask;
  }

  private windowBounds(w: TimeWindow | undefined): { from: bigint; to: bigint } {
    const m = this.index.meta;
    const from = w ? BigInt(w.from) : BigInt(m.firstTs);
    const to = w ? BigInt(w.to) : BigInt(m.lastTs);
    if (to < from) throw new ApiFailure('bad-request', 'a time window must not end before it starts');
    return { from, to };
  }

  async tiles(q: TileQuery): Promise<TileValue[]> {
    const { from, to } = this.windowBounds(q.window);
    const filter = q.filter?.trim() ?? '';
    const classMask = filter ? this.classMask(filter) : undefined;
    const rowMask = filter && !classMask ? await this.rowMask(filter) : undefined;
    // The whole capture: totals count every event (procinfo's too, as the chisel does), while
    // the series are drawn over the span the timeline shows, that of the printed events.
    const shown = q.window ? undefined : this.shownSpan();
    return foldTiles(this.index, {
      from: this.index.toRelative(from), to: this.index.toRelative(to), samples: q.samples, rowMask, classMask, filterText: filter,
      ...(shown ? { seriesFrom: this.index.toRelative(shown.from), seriesTo: this.index.toRelative(shown.to) } : {}),
    });
  }

  private tableKey(viewId: string, filter: string, window: TimeWindow | undefined): string {
    return `${viewId}\n${filter}\n${window?.from ?? ''}\n${window?.to ?? ''}`;
  }

  /**
   * The table of `viewId` for a filter and window: folded from the index when it holds every
   * field involved. Otherwise a re-scan is the expensive part, so one pass fills the tables of
   * every listed view for the same filter and window at once: switching views at the same
   * drill-down level (same filter) is then answered from memory.
   */
  private async viewTable(viewId: string, filter: string, window: TimeWindow | undefined): Promise<ViewTable> {
    if (!findView(viewId)) throw new ApiFailure('not-found', `unknown view '${viewId}'`);
    const hit = this.tables.get(this.tableKey(viewId, filter, window));
    if (hit) return hit;
    // From the index, one view costs its own fold only: siblings are not worth computing ahead.
    const fromIndex = this.tablesFromIndex ? this.indexedTables([viewId], filter, window) : undefined;
    if (fromIndex) {
      this.lastTablesSource = 'index';
      const table = fromIndex.get(viewId)!;
      this.tables.set(this.tableKey(viewId, filter, window), table);
      if (!filter && !window) this.keepWholeCaptureTables(new Map([[viewId, table]]));
      return table;
    }
    const ids = [viewId, ...(this.fillSiblings ? listedViews().map((v) => v.id).filter((id) => id !== viewId) : [])];
    const tables = await this.computeTables(ids, filter, window);
    // Cache the siblings first so the requested table is the most recently used.
    for (const id of ids.slice(1)) this.tables.set(this.tableKey(id, filter, window), tables.get(id)!);
    this.tables.set(this.tableKey(viewId, filter, window), tables.get(viewId)!);
    if (!filter && !window) this.keepWholeCaptureTables(tables);
    return tables.get(viewId)!;
  }

  /** Whole-capture, unfiltered tables are kept with the index: reopening answers them at once. */
  private keepWholeCaptureTables(tables: Map<string, ViewTable>): void {
    if (!this.cache) return;
    try {
      this.cache.storeViewTables(this.index.meta.identity, Object.fromEntries([...tables].map(([id, t]) => [id, { keys: t.keys, rows: t.rows }])));
    } catch { /* an unwritable cache only costs a re-scan next time */ }
  }

  /** Where the last computed tables came from (for tests and benchmarks). */
  lastTablesSource: 'index' | 'rescan' = 'index';
  /** Whether tables may be folded from the index (off: always re-scan, e.g. to compare). */
  tablesFromIndex = true;

  private async computeTables(ids: string[], filter: string, window: TimeWindow | undefined): Promise<Map<string, ViewTable>> {
    this.lastTablesSource = 'rescan';
    return this.rescanTables(ids, filter, window);
  }

  /** The aggregators of `ids` reading the "current event" through `resolver`, or undefined if a field is missing there. */
  private tablePasses<Ctx>(ids: string[], resolver: FieldResolver<Ctx>, current: () => Ctx, strict: boolean, filterResolver: FieldResolver<Ctx> = resolver) {
    const passes = [];
    for (const id of ids) {
      const view = findView(id)!;
      let viewPred: Predicate<Ctx> | undefined;
      if (view.filter) {
        if (strict) {
          const c = this.compileRows(view.filter, filterResolver as unknown as FieldResolver<number>);
          if (!c) return undefined;
          viewPred = c as unknown as Predicate<Ctx>;
        } else viewPred = this.compile(view.filter, `view ${id}`, resolver as unknown as FieldResolver<EventContext>) as unknown as Predicate<Ctx>;
      }
      let missingField = false;
      const agg = new ViewAggregator(view, (field) => {
        const g = cellGetter(resolver, field);
        if (g.error) missingField = true;
        const type = g.type ?? getField(splitFieldName(field).name)?.type;
        return { get: () => g.get(current()), missing: missingValue(field, type) };
      });
      if (strict && missingField) return undefined;
      passes.push({ id, view, viewPred, agg });
    }
    return passes;
  }

  /** A filter over index rows (answered per group tuple where it can be), or undefined if the index lacks a field. */
  private compileRows(text: string, resolver: FieldResolver<number>): Predicate<number> | undefined {
    const c = compileOverRows(text, resolver, this.index);
    return c.ok ? c.predicate : undefined;
  }

  /**
   * Tables folded from the index rows (no re-read), when every field the views, their filters
   * and the user's filter name is held in the index; undefined otherwise.
   */
  indexedTables(ids: string[], filter: string, window: TimeWindow | undefined): Map<string, ViewTable> | undefined {
    const index = this.index;
    const resolver = indexedRowResolver(index);
    let userPred: Predicate<number> | undefined;
    if (filter) {
      this.compile(filter, 'filter', withTableFields(this.resolver));
      const c = this.compileRows(filter, resolver);
      if (!c) return undefined;
      userPred = c;
    }
    if (window && hasAmbiguousTimes(index)) return undefined;
    const time = window ? resolver('evt.rawtime', undefined) : undefined;
    if (window && (!time || 'error' in time)) return undefined;
    const passes: IndexedTablePass[] = [];
    for (const id of ids) {
      const pass = this.indexedTablePass(id, resolver);
      if (!pass) return undefined;
      passes.push(pass);
    }
    const bounds = window ? this.windowBounds(window) : undefined;
    const relative = bounds ? { from: index.toRelative(bounds.from), to: index.toRelative(bounds.to) } : undefined;
    const key = `${filter}\u0000${relative?.from}\u0000${relative?.to}`;
    this.foldEventRows(passes, windowRows(index, relative), splitOf(userPred), key);
    // csysdig's end-of-capture thread-table rows, for views with defaults.
    for (let r = index.events; r < index.events + index.threadRowCount; r++) {
      if (bounds) {
        const ts = (time as { get(row: number): unknown }).get(r) as bigint;
        if (ts < bounds.from || ts > bounds.to) continue;
      }
      if (userPred && !userPred(r)) continue;
      for (const p of passes) {
        if (!p.view.useDefaults) continue;
        if (p.viewPred && !p.viewPred(r)) continue;
        p.setRow(r);
        p.agg.addTimes(1, r);
      }
    }
    return new Map(passes.map((p) => [p.id, p.agg.result()]));
  }

  /**
   * One view's table over index rows, and how it is folded: per row class where the fields it
   * reads allow (classTables.ts), else per row signature, else row by row. Each table reads
   * through its own resolver (thread.cpu counts the procinfo events it is shown, in order),
   * noting which fields it reads; filters read through the shared one.
   */
  private indexedTablePass(id: string, filterResolver: FieldResolver<number>): IndexedTablePass | undefined {
    const index = this.index;
    const planner = new SignaturePlanner();
    const read = new Map<string, RowKeyed>();
    const own = indexedRowResolver(index);
    const noting: FieldResolver<number> = (name, arg) => {
      const r = own(name, arg);
      if (r && !('error' in r)) {
        planner.note(r as RowKeyed);
        read.set(arg === undefined ? name : `${name}[${arg}]`, r as RowKeyed);
      }
      return r;
    };
    let row = 0;
    const made = this.tablePasses([id], noting, () => row, true, filterResolver);
    if (!made) return undefined;
    const classPlan = classTablePlan(index, made[0].view, read);
    const plan = made[0].view.kind === 'list' || classPlan ? undefined : planner.plan();
    return { ...made[0], classPlan, signatures: plan ? new SignatureTable(plan) : undefined, setRow: (r: number) => { row = r; } };
  }

  /** Folds the window's event rows under the user's filter into every table. */
  private foldEventRows(passes: IndexedTablePass[], rows: TallyWindow, userSplit: SplitPredicate, tallyKey: string): void {
    const index = this.index;
    const shared = () => this.sharedTally(tallyKey, rows, userSplit);
    for (const p of passes) {
      const viewSplit = splitOf(p.viewPred);
      const split = bothSplits(userSplit, viewSplit);
      if (p.classPlan) {
        if (!foldFromShared(index, p, shared(), viewSplit)) foldOwnTally(index, p, rows, split);
      } else if (p.signatures) {
        const sig = p.signatures;
        forEachRow(index, rows, split, (r) => sig.add(r));
        for (let slot = 0; slot < sig.size; slot++) {
          p.setRow(sig.firstRow[slot]);
          p.agg.addTimes(sig.count[slot], sig.lastRow[slot]);
        }
      } else forEachRow(index, rows, split, (r) => { p.setRow(r); p.agg.addTimes(1, r); });
    }
  }

  /** Kept tallies, by the classes and blocks they were counted from (the index's; tests swap them). */
  private readonly tallies = new WeakMap<object, Lru<WindowTally>>();

  /** The per-class tally of a window under a filter, kept for the next tables asked of it. */
  private sharedTally(key: string, rows: TallyWindow, user: SplitPredicate): WindowTally {
    const countedFrom = this.index.blocks ?? this.index.classes!;
    let kept = this.tallies.get(countedFrom);
    // A tally holds a few arrays per class (up to 2 M classes at 16 M rows): two are kept.
    if (!kept) this.tallies.set(countedFrom, (kept = new Lru<WindowTally>(2)));
    let t = kept.get(key);
    if (!t) kept.set(key, (t = new WindowTally(this.index, rows, user)));
    return t;
  }

  /** Tables from a re-scan of the capture (fields the index lacks). */
  async rescanTables(ids: string[], filter: string, window: TimeWindow | undefined): Promise<Map<string, ViewTable>> {
    // A fresh resolver per pass: thread.cpu keeps per-thread counters across events. The user's
    // filter gets its own, as each sinsp filtercheck keeps its own per-thread state: a filter
    // reading thread.cpu on every procinfo event must not move the tables' counters.
    const resolver = withTableFields(this.resolver);
    const userPred = filter ? this.compile(filter, 'filter', withTableFields(this.resolver)) : undefined;
    const bounds = window ? this.windowBounds(window) : undefined;
    let current: EventContext | undefined;
    const passes = this.tablePasses(ids, resolver, () => current as EventContext, false)!;
    const consider = (ctx: EventContext, threadTable: boolean) => {
      if (bounds && (ctx.ev.ts < bounds.from || ctx.ev.ts > bounds.to)) return;
      if (userPred && !userPred(ctx)) return;
      current = ctx;
      for (const p of passes) {
        if (threadTable && !p.view.useDefaults) continue;
        if (p.viewPred && !p.viewPred(ctx)) continue;
        p.agg.add();
      }
    };
    // For a capture file csysdig flushes its table once, at the end, adding one thread-table
    // event per thread still alive (views with defaults only).
    let lastTs = 0n;
    let firstTs = -1n;
    const { inspector } = await scanCapture(this.readPath, (ctx) => {
      const ts = ctx.ev.ts;
      if (ts > 0n) {
        if (firstTs < 0n) firstTs = ts;
        if (ts > lastTs) lastTs = ts;
      }
      consider(ctx, false);
    });
    forEachThreadTableEvent(inspector.state, lastTs, firstTs, (ctx) => consider(ctx, true));
    return new Map(passes.map((p) => [p.id, p.agg.result()]));
  }

  /** The view's rows in the order it lists them (its sorting column, or the one asked for). */
  private rowOrder(table: ViewTable, viewId: string, sort: SortSpec | undefined): number[] {
    let sortCol = table.columns.findIndex((c) => c.isSorting);
    let descending = true;
    if (sort) {
      sortCol = table.columns.findIndex((c) => c.name === sort.column);
      if (sortCol < 0) throw new ApiFailure('bad-request', `view '${viewId}' has no column '${sort.column}'`);
      descending = sort.descending;
    }
    return sortCol >= 0 ? sortRows(table, sortCol, descending) : table.rows.map((_, i) => i);
  }

  async view(q: ViewQuery): Promise<ViewWindow> {
    const filter = q.filter?.trim() ?? '';
    const table = await this.viewTable(q.viewId, filter, q.window);
    const view = findView(q.viewId)!;
    const order = this.rowOrder(table, q.viewId, q.sort);
    const page = order.slice(q.offset, q.offset + q.limit);
    return {
      columns: table.columns.map((c) => ({ name: c.name, title: c.name, type: columnType(c), description: c.description })),
      rows: page.map((i) => table.rows[i]),
      keys: page.map((i) => table.keys[i]),
      totalRows: table.rows.length,
      offset: q.offset,
      drillKeyField: drillKeyField(view),
      filterTemplate: filterTemplate(view, filter),
      drillTarget: canDrillDown(view) ? view.drilldownTarget : undefined,
    };
  }

  /** Every match of a free-text search over the whole view (uncapped), by row position. */
  async searchView(q: ViewSearchQuery): Promise<ViewSearchReply> {
    const table = await this.viewTable(q.viewId, q.filter?.trim() ?? '', q.window);
    const order = this.rowOrder(table, q.viewId, q.sort);
    try {
      return { matches: searchRows(order.map((i) => table.rows[i]), q), totalRows: order.length };
    } catch (e) {
      if (e instanceof SearchError) throw new ApiFailure('bad-request', e.message);
      throw e;
    }
  }

}
