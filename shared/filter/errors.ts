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
 * One line, as every bad input gets: the message, with where the problem is when the message
 * does not say it already.
 *
 *   filter error: expected a value after 'proc.name =' at column 12, found the end of the filter
 *   filter error at column 1: unknown field 'proc.nme'; did you mean 'proc.name'?
 */
export function formatFilterError(text: string, error: FilterError): string {
  const message = error.message.split(/\r\n|\r|\n/)[0];
  if (/\bcolumn \d/.test(message)) return `filter error: ${message}`;
  return `filter error at ${describePosition(text, error.offset)}: ${message}`;
}
