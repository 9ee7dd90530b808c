import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileFilter } from './compile';
import { groupMemo, type GroupedField } from './groupMemo';
import type { FieldResolver, ResolvedField } from './resolver';

/** 1,000 rows: a thread group of 3 tuples (names) and a per-row field (sizes). */
const rows = 1000;
const threadIds = new Uint8Array(rows).map((_, i) => i % 3);
const names = ['bash', 'nginx', 'curl'];
const resolver: FieldResolver<number> = (name) => {
  if (name === 'proc.name') {
    const f: ResolvedField<number> & GroupedField = { type: 'CHARBUF', get: (row) => names[threadIds[row]], groupRows: threadIds, groupTuples: 3 };
    return f;
  }
  if (name === 'evt.buflen') return { type: 'UINT64', get: (row) => row };
  return undefined;
};

function counted(text: string): { answers: boolean[]; asked: number } {
  const memo = groupMemo(resolver, rows);
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
