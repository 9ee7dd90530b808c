/**
 * Index rows as the "events" a view table folds (the row-number twin of tableFields.ts over
 * EventContext): rows 0..events-1 are the capture's events, rows events.. are csysdig's
 * end-of-capture thread-table events, recorded while indexing. Every field reads what the
 * table resolver returned for that event during the indexing pass, so a table folded from
 * these rows is the table a re-scan folds. thread.cpu is the one field computed here: like
 * the re-scan's, it compares a procinfo event's tick totals with the previous procinfo of the
 * same thread that the table read.
 */
import type { CaptureIndex } from '../index/eventIndex';
import { DIR_ENTER } from '../index/eventIndex';
import { zeroTimeRows } from '../index/windowRows';
import { valueIdReader, valueReader, type ValueColumn } from '../index/valueColumns';
import { PROCINFO_SYSTEM_TICKS, PROCINFO_USER_TICKS, TABLE_SYSCALL_TYPE } from '../index/eventValues';
import type { FieldResolver, FieldValue, ResolvedField } from '../filter/resolver';
import { formatTime } from '../../../shared/format/time';
import type { FieldType } from '../../../shared/fields/types';
import { THREAD_TABLE_EVENT_TYPE } from './threadTableEvents';
import type { CellValue } from './aggregateView';
import { toCell } from '../api/fieldGetter';
import type { GroupedField } from '../filter/groupMemo';
import type { RowKeyed } from './rowSignatures';
import { cpuChange } from '../index/classTicks';

/** True if the index cannot tell which events had no timestamp (too many, or an older index). */
export function hasAmbiguousTimes(index: CaptureIndex): boolean {
  return index.meta.zeroTimes !== false || !Array.isArray(index.meta.zeroTimeRows);
}

const cellCache = new WeakMap<ValueColumn, CellValue[]>();

/** A recorded field's distinct values as table cells, converted once. */
function cellsOf(c: ValueColumn): CellValue[] {
  let cells = cellCache.get(c);
  if (!cells) cellCache.set(c, (cells = c.values.map((v) => toCell(v, c.type))));
  return cells;
}


/** An event row's time in ns since the epoch (0n for an event without a timestamp). */
export function exactRowTs(index: CaptureIndex, zero: Set<number>, row: number): bigint {
  return zero.size > 0 && zero.has(row) ? 0n : index.rowTs(row);
}

/** thread.cpu from recorded procinfo ticks, read in the order the table reads them. */
class RowCpuTracker {
  private readonly last = new Map<number, { usr: number; sys: number }>();
  private row = -1;
  private delta: { tot: number; usr: number; sys: number } | undefined;

  private readonly usr: (row: number) => FieldValue | undefined;
  private readonly sys: (row: number) => FieldValue | undefined;

  constructor(private readonly index: CaptureIndex, usr: ValueColumn, sys: ValueColumn) {
    this.usr = valueReader(usr);
    this.sys = valueReader(sys);
  }

  usage(row: number): { tot: number; usr: number; sys: number } | undefined {
    if (row >= this.index.events) return undefined;
    if (row === this.row) return this.delta;
    this.row = row;
    this.delta = undefined;
    const usr = this.usr(row);
    const sys = this.sys(row);
    if (typeof usr !== 'number' || typeof sys !== 'number') return undefined;
    const tid = this.index.cols.tid[row];
    const prev = this.last.get(tid);
    this.last.set(tid, { usr, sys });
    this.delta = prev ? { tot: cpuChange(usr + sys, prev.usr + prev.sys), usr: cpuChange(usr, prev.usr), sys: cpuChange(sys, prev.sys) } : { tot: 0, usr: 0, sys: 0 };
    return this.delta;
  }
}

/**
 * A resolver over index rows for view tables and their filters; undefined for a field the index
 * does not hold (the caller then re-scans). A fresh one per table pass (thread.cpu keeps state).
 */
export function indexedRowResolver(index: CaptureIndex): FieldResolver<number> {
  const n = index.events;
  const c = index.cols;
  const thread = index.threadRows;
  const exactTimes = !hasAmbiguousTimes(index);
  const zero = zeroTimeRows(index);
  const recorded = (key: string, threadKey = key): ResolvedField<number> | undefined => {
    const ev = index.values[key];
    const th = thread[threadKey];
    if (!ev || (index.threadRowCount > 0 && !th)) return undefined;
    const evValue = valueReader(ev);
    const evId = valueIdReader(ev);
    const get = th
      ? (row: number): FieldValue | undefined => (row < n ? evValue(row) : th.values[th.ids[row - n]])
      : evValue;
    const evCells = cellsOf(ev);
    const thCells = th ? cellsOf(th) : undefined;
    const cellOf = thCells
      ? (row: number): CellValue => (row < n ? evCells[evId(row)] : thCells[th!.ids[row - n]])
      : (row: number): CellValue => evCells[evId(row)];
    const field = { type: ev.type, multi: ev.multi, get, cellOf } as ResolvedField<number> & GroupedField & RowKeyed;
    if (ev.tuples) { field.groupRows = ev.ids; field.groupTuples = ev.tuples.length; } else field.rowKeys = ev.ids;
    return field;
  };
  /** A core column for event rows, the recorded value for thread rows. */
  const core = (name: string, type: FieldType, fromColumn: (row: number) => FieldValue | undefined, rowKey: ArrayLike<number> | ((row: number) => number)): ResolvedField<number> | undefined => {
    const th = thread[name];
    if (index.threadRowCount > 0 && !th) return undefined;
    const field: ResolvedField<number> & RowKeyed = { type, get: (row) => (row < n ? fromColumn(row) : th!.values[th!.ids[row - n]]) };
    if (typeof rowKey === 'function') field.rowKey = rowKey; else field.rowKeys = rowKey;
    return field;
  };
  const eachRow = (row: number) => row;
  const usr = index.values[PROCINFO_USER_TICKS];
  const sys = index.values[PROCINFO_SYSTEM_TICKS];
  const cpu = usr && sys ? new RowCpuTracker(index, usr, sys) : undefined;
  // thread.cpu compares a procinfo event with the thread's previous one: those rows are folded one by one.
  const usrId = usr ? valueIdReader(usr) : undefined;
  const sysId = sys ? valueIdReader(sys) : undefined;
  const hasTicks = (row: number) => usrId!(row) !== 0 || sysId!(row) !== 0;
  const cpuField = (pick: 'tot' | 'usr' | 'sys'): (ResolvedField<number> & RowKeyed) | undefined =>
    cpu && { type: 'DOUBLE', get: (row) => cpu.usage(row)?.[pick], rowSpecial: hasTicks };

  return (name, arg) => {
    if (name === 'evt.type.is' && arg !== undefined && /^\d+$/.test(arg)) {
      const type = Number(arg);
      const field: ResolvedField<number> & RowKeyed = { type: 'UINT32', get: (row) => ((row < n ? c.type[row] : THREAD_TABLE_EVENT_TYPE) === type ? 1 : 0), rowKeys: c.type };
      return field;
    }
    if (arg !== undefined) return undefined;
    switch (name) {
      case 'syscall.type': return recorded(TABLE_SYSCALL_TYPE);
      case 'thread.cpu': return cpuField('tot');
      case 'thread.cpu.user': return cpuField('usr');
      case 'thread.cpu.system': return cpuField('sys');
      case 'evt.dir': return core(name, 'CHARBUF', (row) => (c.dir[row] === DIR_ENTER ? '>' : '<'), c.dir);
      case 'evt.cpu': return core(name, 'INT16', (row) => c.cpu[row], c.cpu);
      case 'thread.tid': return core(name, 'INT64', (row) => c.tid[row], c.tid);
      case 'evt.latency': return core(name, 'RELTIME', (row) => BigInt(c.latency[row]), c.latency);
      case 'evt.rawtime': return exactTimes ? core(name, 'ABSTIME', (row) => exactRowTs(index, zero, row), eachRow) : undefined;
      case 'evt.time': return exactTimes ? core(name, 'CHARBUF', (row) => formatTime(exactRowTs(index, zero, row)), eachRow) : undefined;
      default: return recorded(name);
    }
  };
}
