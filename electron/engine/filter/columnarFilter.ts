/**
 * Filters answered from the capture index instead of a re-read: the same compiler (compile.ts),
 * given a resolver whose "event" is an index row number and whose fields read the index's
 * columns. Since the compiler, the operators and the recorded values are the same as on a
 * re-scan, the matching rows are the same. A filter naming a field the index does not hold
 * compiles to `{ unsupported }`, and the caller falls back to a re-scan.
 */
import type { CaptureIndex } from '../index/eventIndex';
import { DIR_ENTER } from '../index/eventIndex';
import type { Predicate } from './compile';
import { exactRowTs, hasAmbiguousTimes } from '../views/indexedRows';
import { zeroTimeRows } from '../index/windowRows';
import type { FieldResolver, ResolvedField } from './resolver';
import { valueReader } from '../index/valueColumns';
import { compileOverRows, type GroupedField, type RowPredicate } from './groupMemo';

/** `field`, noted as equal for two rows exactly when `column` is (groupMemo.ts). */
function keyed(field: ResolvedField<number>, column: ArrayLike<number>): ResolvedField<number> {
  return Object.assign(field, { rowKeys: column } satisfies GroupedField);
}

/** Fields read from the index's core columns (exact copies of what the resolver returns). */
function coreField(index: CaptureIndex, name: string): ResolvedField<number> | undefined {
  const c = index.cols;
  switch (name) {
    case 'evt.dir': return keyed({ type: 'CHARBUF', get: (row) => (c.dir[row] === DIR_ENTER ? '>' : '<') }, c.dir);
    case 'evt.cpu': return keyed({ type: 'INT16', get: (row) => c.cpu[row] }, c.cpu);
    case 'thread.tid': return keyed({ type: 'INT64', get: (row) => c.tid[row] }, c.tid);
    case 'evt.latency': return { type: 'RELTIME', get: (row) => BigInt(c.latency[row]) };
    case 'evt.rawtime': {
      if (hasAmbiguousTimes(index)) return undefined;
      const zero = zeroTimeRows(index);
      return { type: 'ABSTIME', get: (row) => exactRowTs(index, zero, row) };
    }
    default: return undefined;
  }
}

/** A resolver over index rows; undefined for fields the index does not hold. */
export function columnResolver(index: CaptureIndex): FieldResolver<number> {
  const core = new Map<string, ResolvedField<number> | undefined>();
  return (name, arg) => {
    if (arg !== undefined) return undefined;
    const recorded = index.values[name];
    if (recorded) {
      const field: ResolvedField<number> & GroupedField = { type: recorded.type, multi: recorded.multi, get: valueReader(recorded) };
      if (recorded.tuples) { field.groupRows = recorded.ids; field.groupTuples = recorded.tuples.length; } else field.rowKeys = recorded.ids;
      return field;
    }
    if (!core.has(name)) core.set(name, coreField(index, name));
    return core.get(name);
  };
}

export type ColumnarFilter = { ok: true; predicate: Predicate<number> } | { ok: false; reason: string };

/**
 * Compiles `text` over index rows. Callers check the text with the real resolver first (that
 * decides whether it is valid at all); failing here means a field the index does not hold.
 */
export function compileColumnar(index: CaptureIndex, text: string): ColumnarFilter {
  const c = compileOverRows(text, columnResolver(index), index);
  if (c.ok) return { ok: true, predicate: c.predicate };
  return { ok: false, reason: c.error.message };
}

/** Rows matching a compiled columnar predicate, within rows [from, to). */
export function columnarMask(index: CaptureIndex, predicate: Predicate<number>, from = 0, to = index.events): Uint8Array {
  const mask = new Uint8Array(index.events);
  const split = (predicate as RowPredicate).split;
  const classes = index.classes;
  if (!split || !classes) {
    for (let row = from; row < to; row++) if (predicate(row)) mask[row] = 1;
    return mask;
  }
  // The class part asked once per class, in a loop without a call per row where it is all.
  const { byClass, byRow } = split;
  const ids = classes.ids;
  const answer = new Uint8Array(classes.firstRow.length);
  for (let row = from; row < to; row++) {
    const k = ids[row];
    let a = answer[k];
    if (a === 0) answer[k] = a = !byClass || byClass(row) ? 2 : 1;
    if (a === 2 && (!byRow || byRow(row))) mask[row] = 1;
  }
  return mask;
}
