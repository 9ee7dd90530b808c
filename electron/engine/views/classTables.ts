/**
 * View tables folded per row class (index/rowClasses.ts) instead of per row. Rows of one class
 * have the same cells in every table column the classes decide, so a table only needs each
 * class's count, first and last row in the window (classTally.ts), and the totals of the
 * columns that vary per row but are summed or averaged (evt.latency, thread.cpu). Classes go
 * through the signature table in the order of their first rows and each slot is folded once,
 * so the table is the one a row-by-row fold gives (classTables.test.ts and
 * test/reference/indexedViews.test.ts compare both).
 *
 * The counts of a window under the user's filter do not depend on the view: they are kept
 * (WindowTally) and every table asked of the same window and filter is folded from them, its
 * own filter asked once per class.
 */
import type { CaptureIndex } from '../index/eventIndex';
import { PROCINFO_USER_TICKS } from '../index/eventValues';
import { activeColumns, groupByColumn, keyColumn } from '../../../shared/views/catalog';
import type { ViewDefinition } from '../../../shared/views/types';
import { TOTAL_AGGREGATIONS, type ViewAggregator } from './aggregateView';
import { SignatureTable, type RowKeyed } from './rowSignatures';
import type { SplitPredicate } from '../filter/groupMemo';
import { classTicks, countClasses, sumCpu, sumLatency, type ClassCounts, type CpuTotals, type TallyWindow } from './classTally';

export const LATENCY_FIELD = 'evt.latency';
export const CPU_FIELDS: ReadonlySet<string> = new Set(['thread.cpu', 'thread.cpu.user', 'thread.cpu.system']);

/** How a table is folded per class: its signature columns, and which per-row values it adds up. */
export interface ClassTablePlan {
  signature: Array<ArrayLike<number>>;
  latency: boolean;
  cpu: boolean;
}

/**
 * The plan for `view`, given the fields its table reads (by name), or undefined when a field
 * varies within a class in a way a total cannot carry (times, latency shown as is...).
 */
export function classTablePlan(index: CaptureIndex, view: ViewDefinition, read: ReadonlyMap<string, RowKeyed>): ClassTablePlan | undefined {
  if (!index.classes || view.kind === 'list') return undefined;
  const key = keyColumn(view);
  const group = groupByColumn(view);
  const summable = (field: string) => field !== key?.field && field !== group?.field
    && activeColumns(view).every((c) => c.field !== field || TOTAL_AGGREGATIONS.has(c.aggregation));
  const plan: ClassTablePlan = { signature: [], latency: false, cpu: false };
  for (const [name, f] of read) {
    if (name === LATENCY_FIELD || CPU_FIELDS.has(name)) {
      if (!summable(name)) return undefined;
      if (name === LATENCY_FIELD) plan.latency = true; else plan.cpu = true;
      continue;
    }
    const column = f.groupRows ?? f.rowKeys;
    if (f.rowKey || f.rowSpecial || !column || !index.classCovers(column)) return undefined;
    if (!plan.signature.includes(column)) plan.signature.push(column);
  }
  if (plan.cpu) {
    // Rows with ticks and rows without have CPU cells of different kinds: never one slot.
    const ticks = index.values[PROCINFO_USER_TICKS]?.ids;
    if (!ticks || !index.classCovers(ticks) || !classTicks(index)) return undefined;
    if (!plan.signature.includes(ticks)) plan.signature.push(ticks);
  }
  return plan;
}

/** The counts of a window under a filter, with the latency and CPU totals worked out when first asked. */
export class WindowTally {
  readonly counts: ClassCounts;
  private latencySums: Float64Array | undefined;
  private cpuSums: CpuTotals | undefined;

  constructor(private readonly index: CaptureIndex, private readonly rows: TallyWindow, private readonly split: SplitPredicate) {
    this.counts = countClasses(index, rows, split);
  }

  latency(): Float64Array {
    return (this.latencySums ??= sumLatency(this.index, this.rows, this.split.byRow, this.counts));
  }

  /** CPU changes over every procinfo row counted (`shown`: only those of these classes, not kept). */
  cpu(shown?: Uint8Array): CpuTotals {
    const ticks = classTicks(this.index)!;
    if (shown) return sumCpu(this.index, this.rows, this.split.byRow, ticks, shown);
    return (this.cpuSums ??= sumCpu(this.index, this.rows, this.split.byRow, ticks,
      Uint8Array.from(this.counts.accepted, (a, k) => (a === 1 && ticks.usr[k] === ticks.usr[k] ? 1 : 0))));
  }
}

export interface TablePass { classPlan?: ClassTablePlan; agg: ViewAggregator; setRow(row: number): void }

/** Whether the table, shown a row of class `k`, reads its CPU columns. */
function readsCpu(p: TablePass, counts: ClassCounts, k: number): boolean {
  p.setRow(counts.first[k]);
  return p.agg.readsAny(CPU_FIELDS);
}

/**
 * Folds a table from the kept tally of its window and the user's filter, when the view's own
 * filter is decided per class and, for CPU columns, when for each thread the table is shown
 * all or none of the procinfo rows counted (then the changes in ticks are the kept ones);
 * false when the table must count the window itself (foldOwnTally).
 */
export function foldFromShared(index: CaptureIndex, p: TablePass, shared: WindowTally, view: SplitPredicate): boolean {
  if (view.byRow) return false;
  const plan = p.classPlan!;
  const c = shared.counts;
  const accept = (k: number) => !view.byClass || view.byClass(c.first[k]);
  if (plan.cpu) {
    const ticks = classTicks(index)!;
    const shownByThread = new Int8Array(ticks.threads).fill(-1);
    for (const k of c.order) {
      if (ticks.usr[k] !== ticks.usr[k]) continue;
      const shown = accept(k) && readsCpu(p, c, k) ? 1 : 0;
      const t = ticks.thread[k];
      if (shownByThread[t] === -1) shownByThread[t] = shown;
      else if (shownByThread[t] !== shown) return false;
    }
  }
  foldTally(p, c, plan.latency ? shared.latency() : undefined, plan.cpu ? shared.cpu() : undefined, accept);
  return true;
}

/** Folds a table from its own count of the window, under both the user's and the view's filter. */
export function foldOwnTally(index: CaptureIndex, p: TablePass, rows: TallyWindow, split: SplitPredicate): void {
  const plan = p.classPlan!;
  const own = new WindowTally(index, rows, split);
  const c = own.counts;
  let cpu: CpuTotals | undefined;
  if (plan.cpu) {
    const ticks = classTicks(index)!;
    const shown = new Uint8Array(c.count.length);
    for (const k of c.order) if (ticks.usr[k] === ticks.usr[k] && readsCpu(p, c, k)) shown[k] = 1;
    cpu = own.cpu(shown);
  }
  foldTally(p, c, plan.latency ? own.latency() : undefined, cpu);
}

/**
 * Folds counts into a table: classes with the same cells merge into one signature slot (in the
 * order of their first rows), and each slot is folded once with its count and totals.
 */
function foldTally(p: TablePass, c: ClassCounts, latency: Float64Array | undefined, cpu: CpuTotals | undefined, acceptClass?: (k: number) => boolean): void {
  const sig = new SignatureTable({ arrays: p.classPlan!.signature, parts: [], special: [] });
  const slotOf = new Int32Array(c.order.length).fill(-1);
  for (let i = 0; i < c.order.length; i++) {
    const k = c.order[i];
    if (acceptClass && !acceptClass(k)) continue;
    slotOf[i] = sig.addRun(c.first[k], c.count[k], c.last[k]);
  }
  const perSlot = (perClass: Float64Array | undefined) => {
    if (!perClass) return undefined;
    const out = new Float64Array(sig.size);
    for (let i = 0; i < c.order.length; i++) if (slotOf[i] >= 0) out[slotOf[i]] += perClass[c.order[i]];
    return out;
  };
  const lat = perSlot(latency);
  const tot = perSlot(cpu?.tot);
  const usr = perSlot(cpu?.usr);
  const sys = perSlot(cpu?.sys);
  const totals = new Map<string, number>();
  for (let slot = 0; slot < sig.size; slot++) {
    if (lat) totals.set(LATENCY_FIELD, lat[slot]);
    if (tot) { totals.set('thread.cpu', tot[slot]); totals.set('thread.cpu.user', usr![slot]); totals.set('thread.cpu.system', sys![slot]); }
    p.setRow(sig.firstRow[slot]);
    p.agg.addTimes(sig.count[slot], sig.lastRow[slot], totals);
  }
}
