/**
 * The indexing pass: reads a capture once and leaves a CaptureIndex (columns, tile log,
 * lifetimes). Progress is reported at least every 200 ms while chunks arrive; an abort signal
 * cancels the pass between chunks.
 */
import { statSync } from 'node:fs';
import { isGzipFile } from './cache';
import type { EventContext } from '../inspector/eventContext';
import type { FieldResolver, FieldValue } from '../filter/resolver';
import { TileClassifier } from '../tiles/classifyTiles';
import { engineShortcuts } from '../tiles/engineShortcuts';
import { CaptureIndexBuilder, SPAN_CONTAINER, SPAN_PROCESS, type CaptureIndex, type EventRow, type FileIdentity } from './eventIndex';
import { scanRows } from './scanCapture';
import { recordedFields, ValueColumnsBuilder, type RecordedField } from './valueColumns';
import { EventValuesRecorder, PROCINFO_SYSTEM_TICKS, PROCINFO_USER_TICKS, RECORDED_EVENT_FIELDS, TABLE_SYSCALL_TYPE } from './eventValues';
import { withTableFields } from '../views/tableFields';
import { forEachThreadTableEvent } from '../views/threadTableEvents';
import { SysdigEventTally, type TalliedEvent } from '../inspector/sysdigEvents';
import { ProcessLives } from './processLives';

/** Thread-table rows also record the event fields kept in core columns for ordinary rows. */
const THREAD_ROW_CORE_FIELDS = ['thread.tid', 'evt.dir', 'evt.cpu', 'evt.rawtime', 'evt.latency', 'evt.time'];

/** What the thread-table rows record: every field through the table resolver (evt.type is 'sysdigevent' there). */
function threadRowFields(resolver: FieldResolver<EventContext>): RecordedField<EventContext>[] {
  const table = withTableFields(resolver);
  const names = RECORDED_EVENT_FIELDS.filter((n) => n !== TABLE_SYSCALL_TYPE && n !== PROCINFO_USER_TICKS && n !== PROCINFO_SYSTEM_TICKS);
  return [
    ...recordedFields(table, [...names, ...THREAD_ROW_CORE_FIELDS]),
    ...recordedFields(table, ['syscall.type'], 'table:'),
  ];
}

export interface IndexProgress { bytesRead: number; totalBytes: number; events: number; eventsPerSecond: number; secondsLeft: number | null }

export interface BuildOptions {
  resolver: FieldResolver<EventContext>;
  signal?: AbortSignal;
  onProgress?(p: IndexProgress): void;
  /** The capture as the user named it (readPath may be a decompressed copy in the cache). */
  displayPath?: string;
}

const PROGRESS_EVERY_MS = 100;
/** Events read before the columns are sized for the whole file. */
const RESERVE_AFTER = 1 << 16;

function numberOf(v: FieldValue | undefined, fallback: number): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'boolean') return Number(v);
  return fallback;
}
function textOf(v: FieldValue | undefined): string {
  if (v === undefined) return '';
  if (typeof v === 'string') return v;
  if (v instanceof Uint8Array) return Buffer.from(v).toString('latin1');
  return Array.isArray(v) ? textOf(v[0]) : String(v);
}

/** Event ids up to this are decided once each (generic syscall events, 0 and 1, never are: their name is their syscall's). */
const DECIDED_IDS = 1024;
const UNDECIDED = 2;

/**
 * Whether an event is a procexit, as evt.type names it: asked of every enter of a main thread,
 * so the name is read once per event id, not per event.
 */
class ProcexitIds {
  private readonly byId = new Uint8Array(DECIDED_IDS).fill(UNDECIDED);
  constructor(private readonly type: (ctx: EventContext) => FieldValue | undefined) {}

  has(ctx: EventContext): boolean {
    const id = ctx.ev.type;
    if (id <= 1 || id >= DECIDED_IDS) return textOf(this.type(ctx)) === 'procexit';
    let is = this.byId[id];
    if (is === UNDECIDED) is = this.byId[id] = textOf(this.type(ctx)) === 'procexit' ? 1 : 0;
    return is === 1;
  }
}

/**
 * The scratch row addEvent (and the tally of printed events) reads. The reader makes an event's
 * bigint time only when asked (the columns store its halves), so the row's time is the event's,
 * asked only where addEvent needs it (its first timed event).
 */
class CoreRow implements EventRow, TalliedEvent {
  event: { readonly ts: bigint } = { ts: 0n };
  tsHi = -1; tsLo = -1;
  tid = 0; pid = -1; type = 0; dir = 0; cpu = 0; flags = 0;
  bytes = 0; latency = 0; fileOffset = 0;
  get ts(): bigint { return this.event.ts; }
}

/** An event's time, or undefined for one without (a time of 0, given as its unsigned 32-bit halves). */
function timeOf(event: { readonly ts: bigint }, tsHi: number, tsLo: number): bigint | undefined {
  return tsHi === 0 && tsLo === 0 ? undefined : event.ts;
}

/** Reports progress at most every PROGRESS_EVERY_MS (unless forced). */
type Report = (bytesRead: number, totalBytes: number, events: number, force?: boolean) => void;

export async function buildIndex(readPath: string, identity: FileIdentity, opts: BuildOptions): Promise<CaptureIndex> {
  const started = Date.now();
  let lastReport = 0;
  const report: Report = (bytesRead, totalBytes, events, force = false) => {
    const now = Date.now();
    if (!force && now - lastReport < PROGRESS_EVERY_MS) return;
    lastReport = now;
    const secs = Math.max(0.001, (now - started) / 1000);
    const bytesRate = bytesRead / secs;
    opts.onProgress?.({ bytesRead, totalBytes, events, eventsPerSecond: Math.round(events / secs),
      secondsLeft: bytesRate > 0 && totalBytes > 0 ? Math.max(0, (totalBytes - bytesRead) / bytesRate) : null });
  };
  const index = await indexPass(readPath, identity, opts, report);
  // The pass's state engine and recorders are out of reach here, so the memory they held
  // can go before row classes (about a second at 16 M events, progress going on) take theirs.
  return index.withClasses(() => report(identity.size, identity.size, index.meta.printedEvents ?? index.events));
}

/** The indexing pass proper: one read through the state engine, recording every row. */
async function indexPass(readPath: string, identity: FileIdentity, opts: BuildOptions, reportProgress: Report): Promise<CaptureIndex> {
  const b = new CaptureIndexBuilder();
  const tiles = new TileClassifier(opts.resolver, b, engineShortcuts());
  const values = new EventValuesRecorder(opts.resolver);
  const field = (name: string) => {
    const r = opts.resolver(name, undefined);
    if (!r || 'error' in r) throw new Error(`the field resolver lacks ${name}`);
    return r.get;
  };
  const buflen = field('evt.buflen');
  const type = field('evt.type');
  const row = new CoreRow();
  const procexits = new ProcexitIds(type);

  // Processes and containers seen, with when they appeared (undefined = before the capture).
  const processes = new ProcessLives();
  const containers = new Map<string, bigint | undefined>();
  let lastContainer = '';
  let stateSeeded = false;

  // Progress inside a chunk too (chunks are MiBs): event offsets measure a plain file's progress.
  const plainSize = isGzipFile(readPath) ? 0 : statSync(readPath).size;
  let firstOffset = 0;
  // What sysdig prints (rows that are not internal events) and the span of it; progress counts
  // these, as the capture's header will.
  const printed = new SysdigEventTally();
  const report = (bytesRead: number, totalBytes: number, force = false) => reportProgress(bytesRead, totalBytes, printed.printed, force);

  // The builder numbers the rows (addEvent's result), as scanCapture would.
  const { summary, inspector } = await scanRows(readPath, (ctx) => {
    const ev = ctx.ev;
    // Rows are the events the inspector shows: the tally keeps those sysdig prints, and their span.
    // The halves the reader gives, or those of its bigint time (addEvent then reads them alike).
    const tsHi = ev.tsHi ?? Number(ev.ts >> 32n);
    const tsLo = ev.tsLo ?? Number(ev.ts & 0xffffffffn);
    row.event = ev;
    row.tsHi = tsHi;
    row.tsLo = tsLo;
    row.type = ev.type;
    row.flags = ev.flags;
    printed.addEvent(row);
    if (!stateSeeded) {
      // Everything in the process/container tables before the first event was already running.
      stateSeeded = true;
      for (const t of ctx.state.threads.values()) if (t.tid === t.pid && processes.of(t.pid) === undefined) processes.add(t.pid, undefined);
      for (const id of ctx.state.containers.keys()) containers.set(id, undefined);
      for (const t of ctx.state.threads.values()) {
        for (const fd of t.fds.values()) if (fd.isServerSocket) tiles.listeningAtStart(fd.sport, t.pid);
      }
      for (const port of ctx.state.serverPorts) tiles.listeningAtStart(port, -1);
    }
    row.tid = ev.tid;
    // proc.pid and container.id as their getters give them, read from the event's thread here:
    // the pass asks them of every event.
    const thread = ctx.es.thread;
    const pid = thread === undefined ? -1 : thread.pid;
    row.pid = pid;
    // evt.dir: exits have odd ids.
    row.dir = ev.type & 1;
    row.cpu = ev.cpu;
    // evt.buflen is the result of an I/O exit on an fd: an enter, or an event without an fd
    // (procinfo events, over half of some captures, among them), is spared its getter.
    row.bytes = row.dir === 0 || ctx.es.fd === undefined ? 0 : Math.max(0, Math.min(0xffffffff, numberOf(buflen(ctx), 0)));
    row.latency = ctx.es.latency;
    row.fileOffset = ev.fileOffset;
    const r = b.addEvent(row);
    if (plainSize > 0 && (r & 255) === 0) report(ev.fileOffset, plainSize);
    if (r === 0) firstOffset = ev.fileOffset;
    else if (r === RESERVE_AFTER && plainSize > 0) {
      // Columns sized once from the events' average size so far: growing them step by step
      // would leave up to half of the last step unused at the peak.
      const perEvent = (ev.fileOffset - firstOffset) / r;
      const estimate = Math.ceil((r + (plainSize - ev.fileOffset) / perEvent) * 1.02);
      b.reserve(estimate);
      values.reserve(estimate);
    }
    tiles.classify(ctx, r, ev);
    values.add(ctx);
    if (pid > 0) {
      const p = processes.of(pid);
      if (p === undefined) processes.add(pid, timeOf(ev, tsHi, tsLo));
      else if (row.dir === 0 && ev.tid === pid && procexits.has(ctx)) p.end = ev.ts;
    }
    // Neighbouring events mostly share a container: the last one is kept at hand.
    const cid = thread === undefined ? '' : thread.containerId || 'host';
    if (cid !== lastContainer && cid !== '' && cid !== 'host' && !containers.has(cid)) containers.set(cid, timeOf(ev, tsHi, tsLo));
    lastContainer = cid;
  }, {
    signal: opts.signal,
    onProgress: (p) => report(p.bytesRead, p.totalBytes),
  });
  report(identity.size, identity.size, true);
  tiles.finish();
  for (const [pid, p] of processes.entries()) b.addSpan(SPAN_PROCESS, p.start, p.end, pid, pid);
  for (const [id, start] of containers) if (id !== 'host') b.addSpan(SPAN_CONTAINER, start, undefined, b.strings.intern(id));

  const threadRows = new ValueColumnsBuilder(threadRowFields(opts.resolver));
  // As computeTables saw them: the latest time and the first timestamped event's (the builder's).
  forEachThreadTableEvent(inspector.state, b.latestTs ?? 0n, b.startTs ?? -1n, (ctx) => threadRows.add(ctx));
  const machine = inspector.state.machine;
  return b.finish({
    identity,
    path: opts.displayPath ?? readPath,
    sizeBytes: identity.size,
    hostname: machine?.hostname ?? '',
    numCpus: machine?.numCpus ?? 0,
    sysdigEvents: inspector.eventCount,
    printedEvents: printed.printed,
    ...(printed.printedFirstTs !== null ? { printedFirstTs: String(printed.printedFirstTs), printedLastTs: String(printed.printedLastTs) } : {}),
    // The reader's warnings say where a cut-off capture ends (once, its last): kept past the cap.
    warnings: summary.warnings.length > 100 && summary.truncatedAt !== undefined
      ? [...summary.warnings.slice(0, 99), summary.warnings[summary.warnings.length - 1]] : summary.warnings.slice(0, 100),
  }, values.finish(), threadRows.finish());
}
