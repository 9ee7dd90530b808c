/**
 * The one line a listing command prints when its page is empty and nothing follows, so that an
 * answer of nothing reads as an answer (view says "(0 of 0 rows)"; events and streams printed
 * nothing at all, which looks like a command that did not run). It goes to stderr, beside the
 * "(more … use --from N)" line: stdout stays the data, and with --json an empty stream of JSON
 * lines, which is valid.
 */

/** What narrowed the list, as the user gave it. */
export interface ListConditions {
  filter?: string;
  follow?: string;
  fromEvtNum?: number;
  fromTime?: string;
  toTime?: string;
  search?: string;
}

/** `(no events match: proc.name=nosuch, from #5)`; `(no events)` when nothing narrowed the list. */
export function nothingMatchedLine(what: 'events' | 'reads or writes', c: ListConditions): string {
  const parts: string[] = [];
  if (c.follow !== undefined) parts.push(`following ${c.follow}`);
  if (c.filter) parts.push(c.filter);
  if (c.fromEvtNum !== undefined) parts.push(`from #${c.fromEvtNum}`);
  if (c.fromTime !== undefined) parts.push(`from ${c.fromTime}`);
  if (c.toTime !== undefined) parts.push(`to ${c.toTime}`);
  if (c.search !== undefined) parts.push(`searching '${c.search}'`);
  return parts.length === 0 ? `(no ${what})` : `(no ${what} match: ${parts.join(', ')})`;
}
