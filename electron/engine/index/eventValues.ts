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
 * - fd: fd.* decided by the fd table entry, its revision and the thread's container while
 *   fdEpoch stands, or by what the fields read of them (fdTuples.ts);
 * - event: evt.type, evt.category, evt.res, byte counts, error counts... decided by the event
 *   kind and its result, and for procinfo events their CPU tick totals (eventKindTuples.ts).
 * fd.num changes with nearly every event: it keeps one id per row.
 *
 * A wrong grouping would give a wrong value silently, so test/reference/eventValues.test.ts
 * records every field both ways over every real capture and requires the same value per event.
 */
import type { EventContext } from '../inspector/eventContext';
import type { FieldResolver } from '../filter/resolver';
import type { SystemState } from '../state/systemState';
import type { ThreadInfo } from '../state/threadInfo';
import { PROCINFO, u64Param, withTableFields } from '../views/tableFields';
import { EventKindTuples } from './eventKindTuples';
import { FdTuples } from './fdTuples';
import { NumberPairTable } from './numberPairTable';
import { COUNT_ONLY, OTHER, ThreadTupleInputs } from './threadTupleInputs';
import { TupleGroup } from './tupleGroup';
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

export class EventValuesRecorder {
  private readonly event: TupleGroup<EventContext>;
  private readonly fd: TupleGroup<EventContext>;
  private readonly thread: TupleGroup<EventContext>;
  private readonly figures: TupleGroup<EventContext>;
  /** proc.nthreads' place in the thread group. */
  private readonly threadCountField: number;
  private readonly eventKinds: EventKindTuples;
  private readonly fdTuples: FdTuples;
  private readonly perRow: ValueColumnsBuilder<EventContext>;
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
  /**
   * Threadless procinfo events come in runs (a sample of every process the table lacks at each
   * tick: on the 200 MB copy 1,873,034 events in 5,694 runs, 1,825,730 of them in runs of 100
   * or more), and their fd, thread, figures and fd.num rows are the same through a run while
   * threadEpoch stands: those rows are counted here and written once per run (writeRun), before
   * any other row, instead of four pushes per event.
   */
  private runRows = 0;
  private runFd = 0;
  private runThread = 0;
  private runFigures = 0;

  constructor(resolver: FieldResolver<EventContext>) {
    const g = eventFieldGroups(resolver);
    this.event = new TupleGroup('event', g.event);
    this.fd = new TupleGroup('fd', g.fd);
    this.thread = new TupleGroup('thread', g.thread);
    this.figures = new TupleGroup('figures', g.figures);
    this.threadCountField = this.thread.fieldIndex('proc.nthreads');
    this.perRow = new ValueColumnsBuilder(g.perRow);
    const r = resolver('evt.rawres', undefined);
    if (!r || 'error' in r) throw new Error('the field resolver lacks evt.rawres');
    this.eventKinds = new EventKindTuples(this.event, r.get);
    this.fdTuples = new FdTuples(this.fd, this.fd.fieldIndex('fd.name'));
  }

  add(ctx: EventContext): void {
    if (ctx.state !== this.state) {
      // A new section of the capture starts a new state: nothing cached carries over.
      this.writeRun();
      this.state = ctx.state;
      this.threadlessEpoch = -1;
      this.fdTuples.reset();
      this.threadInputs = new WeakMap();
    }
    if (ctx.ev.type === PROCINFO && ctx.es.thread === undefined) { this.addThreadlessProcinfo(ctx); return; }
    if (this.runRows > 0) this.writeRun();
    this.event.push(this.eventKinds.tupleOf(ctx));
    this.fd.push(this.fdTuples.tupleOf(ctx));
    this.addThreadTuples(ctx);
    this.perRow.add(ctx);
  }

  /**
   * A procinfo event of a thread the table lacks (most procinfo events of the bench copy, over
   * half its events): its fd and thread tuples are the threadless ones, fd.num is undefined, and
   * only its tick totals are looked up. Its other rows join the current run (runRows).
   */
  private addThreadlessProcinfo(ctx: EventContext): void {
    this.event.push(this.eventKinds.threadlessProcinfoTuple(ctx));
    if (this.runRows > 0 && this.threadlessEpoch === ctx.state.threadEpoch) { this.runRows++; return; }
    this.writeRun();
    this.runFd = this.fdTuples.fdless(ctx);
    this.noteThreadless(ctx);
    this.runThread = this.threadlessTuple;
    this.runFigures = this.threadlessFigures;
    this.runRows = 1;
  }

  /** The rows of the current run of threadless procinfo events but their event rows. */
  private writeRun(): void {
    const n = this.runRows;
    if (n === 0) return;
    this.runRows = 0;
    this.fd.pushRun(this.runFd, n);
    this.thread.pushRun(this.runThread, n);
    this.figures.pushRun(this.runFigures, n);
    this.perRow.addUndefinedRun(n);
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
    this.noteThreadless(ctx);
    this.thread.push(this.threadlessTuple);
    this.figures.push(this.threadlessFigures);
  }

  /** threadlessTuple and threadlessFigures for the state's threadEpoch. */
  private noteThreadless(ctx: EventContext): void {
    const epoch = ctx.state.threadEpoch;
    if (this.threadlessEpoch !== epoch) {
      this.threadlessEpoch = epoch;
      this.threadlessTuple = this.thread.resolve(ctx);
      this.threadlessFigures = this.figures.resolve(ctx);
    }
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
    this.writeRun();
    return { ...this.event.finish(), ...this.fd.finish(), ...this.thread.finish(), ...this.figures.finish(), ...this.perRow.finish() };
  }
}
