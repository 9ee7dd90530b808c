/**
 * Filters over index rows answered once per tuple instead of once per row. A filter whose fields
 * all belong to one group of the index (proc.name and container.id: the thread group; evt.type:
 * the event group) gives the same answer for every row with the same tuple of that group, so
 * the answer is remembered per tuple (a thread group holds a few thousand tuples for millions
 * of rows). Fields are recognised by the row-id array the index resolvers attach to them.
 */
import { compileFilter, type CompiledFilter, type Predicate } from './compile';
import type { FieldResolver, ResolvedField } from './resolver';
import type { ValueIds } from '../index/valueColumns';

/** A field read from a grouped index column: the group's row → tuple ids and its tuple count. */
export interface GroupedField { groupRows?: ValueIds; groupTuples?: number }

export interface GroupMemo {
  /** The resolver to compile with (it notes the fields the filter reads). */
  resolver: FieldResolver<number>;
  /** `predicate` answering from memory for event rows (< `rows`) when every field read was of one group. */
  wrap(predicate: Predicate<number>): Predicate<number>;
}

export function groupMemo(resolver: FieldResolver<number>, rows: number): GroupMemo {
  let group: ValueIds | undefined;
  let tuples = 0;
  let mixed = false;
  return {
    resolver: (name, arg) => {
      const r = resolver(name, arg);
      if (r && !('error' in r)) {
        const g = (r as ResolvedField<number> & GroupedField);
        if (!g.groupRows || g.groupTuples === undefined) mixed = true;
        else if (group === undefined) { group = g.groupRows; tuples = g.groupTuples; }
        else if (group !== g.groupRows) mixed = true;
      }
      return r;
    },
    wrap: (predicate) => {
      if (mixed || !group) return predicate;
      const ids = group;
      // 0: not asked yet, 1: matches, 2: does not.
      const memo = new Uint8Array(tuples);
      return (row) => {
        if (row >= rows) return predicate(row);
        const t = ids[row];
        let m = memo[t];
        if (m === 0) memo[t] = m = predicate(row) ? 1 : 2;
        return m === 1;
      };
    },
  };
}

/** `text` compiled over index rows through `resolver`, answered per group tuple where it can be. */
export function compileOverRows(text: string, resolver: FieldResolver<number>, rows: number): CompiledFilter<number> {
  const memo = groupMemo(resolver, rows);
  const c = compileFilter(text, memo.resolver);
  return c.ok ? { ...c, predicate: memo.wrap(c.predicate) } : c;
}
