import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileSearch, nextMatch, searchRows, searchStreams, SearchError } from './search';
import type { StreamOperation } from './types';

test('plain search is case-insensitive by default and treats regex characters literally', () => {
  const m = compileSearch({ text: 'a.b' });
  assert.deepEqual(m('A.B axb a.b'), [[0, 3], [8, 11]]);
  assert.deepEqual(compileSearch({ text: 'a.b', caseSensitive: true })('A.B a.b'), [[4, 7]]);
});

test('regular expressions find every match, including overlapping-free repeats', () => {
  assert.deepEqual(compileSearch({ text: '\\d+', regex: true })('pid 12 and 345'), [[4, 6], [11, 14]]);
  assert.deepEqual(compileSearch({ text: 'x*', regex: true })('axxb'), [[1, 3]]);
});

test('a bad expression or empty text is a one-line SearchError', () => {
  assert.throws(() => compileSearch({ text: '(', regex: true }), (e: unknown) => e instanceof SearchError && !e.message.includes('\n'));
  // Said as typed, not as JavaScript source with flags (QA 20: "/(/gi: Unterminated group").
  assert.throws(() => compileSearch({ text: '(', regex: true }), { message: "bad regular expression '(': unterminated group" });
  assert.throws(() => compileSearch({ text: 'a/b: [', regex: true }), { message: "bad regular expression 'a/b: [': unterminated character class" });
  assert.throws(() => compileSearch({ text: '' }), SearchError);
});

test('searchRows reports row, column and offsets for every match without a cap', () => {
  const rows: Array<Array<string | number | null>> = [];
  for (let i = 0; i < 5000; i++) rows.push([i, 'nginx', null]);
  rows.push([5000, 'curl', 'GET nginx']);
  const matches = searchRows(rows, { text: 'nginx' });
  assert.equal(matches.length, 5001);
  assert.deepEqual(matches[5000], { row: 5000, column: 2, start: 4, end: 9 });
  assert.deepEqual(searchRows(['one line', 'two lines'], { text: 'line' }, 10).map((m) => m.row), [10, 11]);
});

test('searchStreams finds text in the rendered payload and in the header', () => {
  const data = new TextEncoder().encode('GET /index.html HTTP/1.1\r\n');
  const op = { procName: 'nginx', fdName: '/var/log/x.log', data, length: data.length } as StreamOperation;
  assert.deepEqual(searchStreams([op, op], { text: 'HTTP/1.1..' }).map((m) => [m.row, m.column, m.start]), [[0, 0, 16], [1, 0, 16]]);
  assert.deepEqual(searchStreams([op], { text: 'x.log' }).map((m) => m.column), [1]);
});

test('nextMatch moves forward and backward from the current row and wraps around', () => {
  const ms = [{ row: 2 }, { row: 5 }, { row: 9 }].map((m) => ({ ...m, column: 0, start: 0, end: 1 }));
  assert.equal(nextMatch(ms, 2), 1);
  assert.equal(nextMatch(ms, 9), 0);
  assert.equal(nextMatch(ms, 5, true), 0);
  assert.equal(nextMatch(ms, 2, true), 2);
  assert.equal(nextMatch([], 0), -1);
});
