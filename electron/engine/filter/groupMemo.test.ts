import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileFilter } from './compile';
import { compileOverRows, groupMemo, type GroupedField, type RowPredicate } from './groupMemo';
import type { FieldResolver, ResolvedField } from './resolver';
import { computeRowClasses } from '../index/rowClasses';

/** 1,000 rows: a thread group of 3 tuples (names) and a per-row field (sizes). */
const rows = 1000;
const threadIds = new Uint8Array(rows).map((_, i) => i % 3);
const names = ['bash', 'nginx', 'curl'];
const resolver: FieldResolver<number> = (name) => {
  if (name === 'proc.name') {
    const f: ResolvedField<number> & GroupedField = { type: 'CHARBUF', get: (row) => names[threadIds[row]], groupRows: threadIds, groupTuples: 3 };
    return f;
  }
  if (name === 'fd.num') {
    const f: ResolvedField<number> & GroupedField = { type: 'INT64', get: (row) => fds[row], rowKeys: fds };
    return f;
  }
  if (name === 'evt.buflen') return { type: 'UINT64', get: (row) => row };
  return undefined;
};
/** A per-row column that row classes cover, with the thread group: 3 × 4 classes. */
const fds = new Int32Array(rows).map((_, i) => i % 4);
const classes = computeRowClasses([threadIds, fds], rows)!;
const covered = new Set<ArrayLike<number>>([threadIds, fds]);
const noClasses = { events: rows, classes: undefined, classCovers: () => false };
const withClasses = { events: rows, classes, classCovers: (c: ArrayLike<number> | undefined) => c !== undefined && covered.has(c) };

function counted(text: string, index: Parameters<typeof groupMemo>[1] = noClasses): { answers: boolean[]; asked: number } {
  const memo = groupMemo(resolver, index);
  const c = compileFilter(text, memo.resolver);
  assert.ok(c.ok, text);
  let asked = 0;
  const inner = c.predicate;
  const p = memo.wrap((row) => { asked++; return inner(row); });
  const answers = Array.from({ length: rows }, (_, row) => p(row));
  return { answers, asked };
}

test('a filter on one group\'s fields is asked once per tuple and answers as the row predicate does', () => {
  const { answers, asked } = counted('proc.name=nginx or proc.name startswith cu');
  assert.equal(asked, 3);
  assert.deepEqual(answers, Array.from({ length: rows }, (_, row) => row % 3 !== 0));
});

test('a filter that also reads a per-row field is asked for every row', () => {
  const { answers, asked } = counted('proc.name=nginx and evt.buflen>500');
  assert.equal(asked, rows);
  assert.deepEqual(answers, Array.from({ length: rows }, (_, row) => row % 3 === 1 && row > 500));
});

test('a filter over fields row classes cover is asked once per class, across groups', () => {
  const { answers, asked } = counted('proc.name=nginx and fd.num>1', withClasses);
  assert.equal(asked, 12);
  assert.deepEqual(answers, Array.from({ length: rows }, (_, row) => row % 3 === 1 && row % 4 > 1));
});

test('with row classes, a filter reading a field they do not cover is still asked per row', () => {
  const { asked } = counted('fd.num>1 and evt.buflen>500', withClasses);
  assert.equal(asked, rows);
});

test('a top-level and is split: the terms row classes decide asked per class, the rest per row', () => {
  const c = compileOverRows('fd.num>1 and evt.buflen>500 and proc.name!=bash', resolver, withClasses);
  assert.ok(c.ok);
  const split = (c.predicate as RowPredicate).split!;
  assert.ok(split.byClass && split.byRow);
  for (let row = 0; row < rows; row++) {
    const both: boolean = split.byClass!(row) && split.byRow!(row);
    assert.equal(both, c.predicate(row), `row ${row}`);
    assert.equal(both, row % 4 > 1 && row > 500 && row % 3 !== 0, `row ${row}`);
  }
  const whole = compileOverRows('fd.num>1 or evt.buflen>500', resolver, withClasses);
  assert.ok(whole.ok);
  assert.deepEqual((whole.predicate as RowPredicate).split, { byClass: undefined, byRow: (whole.predicate as RowPredicate).split!.byRow });
});
