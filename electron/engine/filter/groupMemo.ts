/**
 * Filters over index rows answered once per row class or group tuple instead of once per row.
 * A filter whose fields row classes decide (everything but time and latency: rowClasses.ts)
 * gives the same answer for every row of a class, so the answer is remembered per class (about
 * 7,000 classes for 16 M rows of the bench capture). Without classes, a filter whose fields all
 * belong to one group (proc.name and container.id: the thread group) is remembered per tuple of
 * that group. Fields are recognised by the row-id array the index resolvers attach to them.
 */
import { compileFilter, compileFilterAst, type CompiledFilter, type Predicate } from './compile';
import type { FilterNode } from '../../../shared/filter';
import type { FieldResolver, ResolvedField } from './resolver';
import type { ValueIds } from '../index/valueColumns';
import type { CaptureIndex } from '../index/eventIndex';

/**
 * What a field read from the index tells about how its value varies by row: a grouped field
 * its group's row → tuple ids and its tuple count; a per-row column (fd.num, thread.tid...) the
 * column itself, when the value is equal for two rows exactly when the column is.
 */
export interface GroupedField { groupRows?: ValueIds; groupTuples?: number; rowKeys?: ArrayLike<number> }

/** What the memo needs of the index: its event rows and their classes. */
export type IndexRows = Pick<CaptureIndex, 'events' | 'classes' | 'classCovers'>;

export interface GroupMemo {
  /** The resolver to compile with (it notes the fields the filter reads). */
  resolver: FieldResolver<number>;
  /** `predicate` answering from memory for event rows when every field read allows it. */
  wrap(predicate: Predicate<number>): Predicate<number>;
  /** Whether every field read so far is one row classes decide. */
  byClass(): boolean;
}

/**
 * Remembers a filter's answer per row class when every field it reads is one row classes
 * decide (rowClasses.ts), else per tuple when every field is of one group, else not at all.
 */
export function groupMemo(resolver: FieldResolver<number>, index: IndexRows): GroupMemo {
  const rows = index.events;
  let group: ValueIds | undefined;
  let tuples = 0;
  let mixed = false;
  let byClass = index.classes !== undefined;
  return {
    resolver: (name, arg) => {
      const r = resolver(name, arg);
      if (r && !('error' in r)) {
        const g = (r as ResolvedField<number> & GroupedField);
        if (!index.classCovers(g.groupRows ?? g.rowKeys)) byClass = false;
        if (!g.groupRows || g.groupTuples === undefined) mixed = true;
        else if (group === undefined) { group = g.groupRows; tuples = g.groupTuples; }
        else if (group !== g.groupRows) mixed = true;
      }
      return r;
    },
    wrap: (predicate) => {
      let ids: ArrayLike<number>;
      let memo: Uint8Array;
      if (byClass && index.classes) {
        ids = index.classes.ids;
        memo = new Uint8Array(index.classes.firstRow.length);
      } else if (!mixed && group) {
        ids = group;
        memo = new Uint8Array(tuples);
      } else return predicate;
      // 0: not asked yet, 1: matches, 2: does not.
      const answer = (row: number): boolean => {
        if (row >= rows) return predicate(row);
        const t = ids[row];
        let m = memo[t];
        if (m === 0) memo[t] = m = predicate(row) ? 1 : 2;
        return m === 1;
      };
      return answer;
    },
    byClass: () => byClass && index.classes !== undefined,
  };
}

/**
 * A filter over index rows split for loops over many rows: `byClass` answers alike for every
 * row of a class (ask it once per class), `byRow` must be asked per row; a row matches when
 * both do (an absent part matches everything).
 */
export interface SplitPredicate { byClass?: Predicate<number>; byRow?: Predicate<number> }
export type RowPredicate = Predicate<number> & { split?: SplitPredicate };

/** The parts of `p` (a predicate from compileOverRows, or any other: then all per row). */
export function splitOf(p: RowPredicate | undefined): SplitPredicate {
  return p ? p.split ?? { byRow: p } : {};
}

/**
 * Per row class of `index`, 1 where `p` matches, when the classes decide `p` alone (it has no
 * per-row part); else undefined.
 */
export function classMatches(index: IndexRows, p: RowPredicate): Uint8Array | undefined {
  const classes = index.classes;
  const split = p.split;
  if (!classes || !split || split.byRow) return undefined;
  const mask = new Uint8Array(classes.firstRow.length);
  for (let k = 0; k < mask.length; k++) if (!split.byClass || split.byClass(classes.firstRow[k])) mask[k] = 1;
  return mask;
}

/** Both filters' parts: a row matches when both filters do. */
export function bothSplits(a: SplitPredicate, b: SplitPredicate): SplitPredicate {
  const and = (x?: Predicate<number>, y?: Predicate<number>) => (x && y ? (r: number) => x(r) && y(r) : x ?? y);
  return { byClass: and(a.byClass, b.byClass), byRow: and(a.byRow, b.byRow) };
}

/**
 * `text` compiled over the rows of `index` through `resolver`, answered per class or group tuple
 * where it can be. With row classes, the terms of a top-level `and` are compiled apart, so
 * that those row classes decide are asked once per class even when others read the time or
 * the latency (the split is attached to the predicate).
 */
export function compileOverRows(text: string, resolver: FieldResolver<number>, index: IndexRows): CompiledFilter<number> {
  const whole = compileMemo(text, resolver, index);
  if (!whole.ok || !index.classes) return whole.compiled;
  const predicate: RowPredicate = whole.compiled.predicate;
  if (whole.byClass) predicate.split = { byClass: predicate };
  else {
    const ast = whole.compiled.ast;
    const terms = ast.kind === 'and' ? ast.children : [ast];
    const parts = terms.map((t) => compileMemo(t, resolver, index));
    // Every term compiles when the whole does; if one did not, the whole is asked per row.
    if (parts.some((p) => !p.ok)) return whole.compiled;
    const pick = (byClass: boolean) => {
      const ps = parts.filter((p) => p.ok && p.byClass === byClass).map((p) => (p.compiled as { predicate: Predicate<number> }).predicate);
      return ps.length === 0 ? undefined : ps.reduce((x, y) => (r: number) => x(r) && y(r));
    };
    predicate.split = { byClass: pick(true), byRow: pick(false) };
  }
  return whole.compiled;
}

function compileMemo(source: string | FilterNode, resolver: FieldResolver<number>, index: IndexRows) {
  const memo = groupMemo(resolver, index);
  const c = typeof source === 'string' ? compileFilter(source, memo.resolver) : compileFilterAst(source, memo.resolver);
  if (!c.ok) return { ok: false as const, compiled: c, byClass: false };
  return { ok: true as const, compiled: { ...c, predicate: memo.wrap(c.predicate) }, byClass: memo.byClass() };
}
