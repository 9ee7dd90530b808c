/**
 * Free-text search (plain or regular expression) over anything shown as text: the rows of a
 * view, the lines of the events list, stream payloads. It returns every match position,
 * never a capped sample, so the app can jump from one match to the next and show "k of n".
 */
import { renderPayload, type StreamMode } from './render';
import type { StreamOperation } from './types';

export interface SearchQuery {
  text: string;
  regex?: boolean;
  caseSensitive?: boolean;
}

/** One match: which row (or operation), which cell of it, and where in that cell's text. */
export interface SearchMatch {
  row: number;
  column: number;
  start: number;
  end: number;
}

export class SearchError extends Error {
  constructor(message: string) { super(message); this.name = 'SearchError'; }
}

/**
 * What the engine's message says is wrong with an expression, without its rendering of the
 * expression as JavaScript source with flags (`Invalid regular expression: /(/gi: Unterminated
 * group` → `unterminated group`): the user typed `(`, not `/(/gi`.
 */
function whatIsWrong(message: string): string {
  const line = message.split('\n')[0];
  const reason = line.startsWith('Invalid regular expression: ') ? line.slice(line.lastIndexOf(': ') + 2) : line;
  return reason.charAt(0).toLowerCase() + reason.slice(1);
}

/** A reusable matcher; throws SearchError (one line) for an empty query or a bad expression. */
export function compileSearch(q: SearchQuery): (text: string) => Array<[number, number]> {
  if (q.text === '') throw new SearchError('empty search text');
  let re: RegExp;
  const flags = q.caseSensitive ? 'g' : 'gi';
  if (q.regex) {
    try { re = new RegExp(q.text, flags); } catch (e) {
      throw new SearchError(`bad regular expression '${q.text}': ${whatIsWrong((e as Error).message)}`);
    }
  } else {
    re = new RegExp(q.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), flags);
  }
  return (text: string) => {
    const out: Array<[number, number]> = [];
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      // A pattern that can match nothing (a*) must still move on.
      if (m[0].length === 0) { re.lastIndex++; continue; }
      out.push([m.index, m.index + m[0].length]);
    }
    return out;
  };
}

type Cell = string | number | null | undefined;

/** Every match in rows of cells (a view window, the events list); a row may be one string. */
export function searchRows(rows: Iterable<readonly Cell[] | string>, q: SearchQuery, firstRow = 0): SearchMatch[] {
  const match = compileSearch(q);
  const out: SearchMatch[] = [];
  let row = firstRow;
  for (const r of rows) {
    const cells = typeof r === 'string' ? [r] : r;
    for (let column = 0; column < cells.length; column++) {
      const cell = cells[column];
      if (cell === null || cell === undefined) continue;
      for (const [start, end] of match(String(cell))) out.push({ row, column, start, end });
    }
    row++;
  }
  return out;
}

/**
 * Every match in stream payloads as rendered in `mode` (positions refer to that rendering);
 * column 0 is the payload, column 1 the operation's header text (process and fd name).
 */
export function searchStreams(ops: readonly StreamOperation[], q: SearchQuery, mode: StreamMode = 'dotted'): SearchMatch[] {
  const match = compileSearch(q);
  const out: SearchMatch[] = [];
  ops.forEach((op, row) => {
    for (const [start, end] of match(renderPayload(op.data, mode))) out.push({ row, column: 0, start, end });
    for (const [start, end] of match(`${op.procName} ${op.fdName}`)) out.push({ row, column: 1, start, end });
  });
  return out;
}

/** The match to jump to from `current` (a row), forwards or backwards, wrapping around. */
export function nextMatch(matches: readonly SearchMatch[], currentRow: number, backwards = false): number {
  if (matches.length === 0) return -1;
  if (!backwards) {
    const i = matches.findIndex((m) => m.row > currentRow);
    return i >= 0 ? i : 0;
  }
  for (let i = matches.length - 1; i >= 0; i--) if (matches[i].row < currentRow) return i;
  return matches.length - 1;
}
