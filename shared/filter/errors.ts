/** Filter errors people can act on: what went wrong, where, and (when we can tell) what they meant. */

export interface FilterError {
  /** One line, e.g. "expected a value after 'proc.name =' at column 13". */
  message: string;
  /** 0-based offset in the filter text the message points at. */
  offset: number;
  /** Characters to underline (at least 1). */
  length: number;
  /** A replacement the user probably meant (a field name), when there is one. */
  suggestion?: string;
}

export type FilterResult<T> = { ok: true; value: T } | { ok: false; error: FilterError };

/** 1-based line and column of an offset (CR, LF and CRLF end lines). */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) { line++; lineStart = i + 1; }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Human form of a position for messages: "column 7", or "line 2, column 7" for multi-line filters. */
export function describePosition(text: string, offset: number): string {
  const { line, column } = lineAndColumn(text, offset);
  return /[\r\n]/.test(text) ? `line ${line}, column ${column}` : `column ${column}`;
}

/**
 * The message, the offending line of the filter, and carets under the problem:
 *
 *   filter error: expected a value after 'proc.name =' at column 13
 *     proc.name =
 *                 ^
 */
export function formatFilterError(text: string, error: FilterError): string {
  const { line } = lineAndColumn(text, error.offset);
  const lines = text.split(/\r\n|\r|\n/);
  const src = lines[line - 1] ?? '';
  const { column } = lineAndColumn(text, error.offset);
  const width = Math.max(1, Math.min(error.length, src.length - column + 1));
  const pad = src.slice(0, column - 1).replace(/[^\t]/g, ' ');
  return `filter error: ${error.message}\n  ${src.replace(/[\b]/g, ' ')}\n  ${pad}${'^'.repeat(width)}`;
}
