/**
 * The exact commands that reproduce a finding, for the report: `syscope` (and, where sysdig
 * shows the same thing, `sysdig`) invocations on the capture. Arguments are POSIX-shell
 * quoted, since filters and keys carry capture text that may hold quotes, `$` or backticks.
 */
import type { Bookmark, InvestigationStep } from './schema';

/** One word for a POSIX shell: unchanged when it is plainly safe, else single-quoted. */
export function shellQuote(word: string): string {
  if (word !== '' && /^[A-Za-z0-9_./:=@%+,-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

export function shellCommand(words: readonly string[]): string {
  return words.map(shellQuote).join(' ');
}

/** Where a reproduced stream export writes, for steps and bookmarks alike. */
const STREAM_FILE = 'stream.txt';

function windowArgs(w: { from: string; to: string } | undefined, fromName: string, toName: string): string[] {
  return w ? [fromName, w.from, toName, w.to] : [];
}

/** Both filters, as the app combines a user filter with a drill-down filter. */
export function andFilters(...parts: Array<string | undefined>): string {
  const kept = parts.map((p) => p?.trim() ?? '').filter(Boolean);
  if (kept.length <= 1) return kept[0] ?? '';
  return kept.map((p) => `(${p})`).join(' and ');
}

/** Time window as a filter clause (inclusive bounds, as the views apply it). */
function windowFilter(w: { from: string; to: string } | undefined): string {
  return w ? `evt.rawtime >= ${w.from} and evt.rawtime <= ${w.to}` : '';
}

export function stepCommands(capture: string, step: InvestigationStep): string[] {
  const filter = andFilters(step.filter, step.trail[step.trail.length - 1]?.filter);
  const words = (f: string) => (f ? [f] : []);
  switch (step.viewId) {
    case 'overview':
      return [shellCommand(['syscope', 'tiles', capture, ...(filter ? ['--filter', filter] : []), ...windowArgs(step.window, '--from', '--to')])];
    case 'events':
      return [shellCommand(['syscope', 'events', capture, ...words(filter), ...windowArgs(step.window, '--from-time', '--to-time')])];
    case 'streams': {
      const f = andFilters(filter, windowFilter(step.window));
      const mode = step.mode && step.mode !== 'dotted' ? ['--mode', step.mode] : [];
      const out = [shellCommand(['syscope', 'streams', capture, ...words(f), ...(step.follow ? ['--follow', step.follow] : []), ...mode])];
      // Into a file, as a stream bookmark's evidence reproduces it: the streams line above prints it.
      if (step.follow) out.push(shellCommand(['syscope', 'export', capture, 'stream', '--follow', step.follow, '--format', 'text', '-o', STREAM_FILE, ...words(f)]));
      return out;
    }
    case 'tree':
      return [shellCommand(['syscope', 'tree', capture, ...words(filter)])];
  }
  const out = [shellCommand(['syscope', 'view', capture, step.viewId, ...(filter ? ['--filter', filter] : []), ...windowArgs(step.window, '--from', '--to')])];
  const events = andFilters(filter, windowFilter(step.window));
  if (events) out.push(shellCommand(['syscope', 'dump', capture, events]));
  return out;
}

/** The filter that selects a view row's events: the table's filter and the row's key. */
export function rowEventsFilter(keyField: string | undefined, bookmark: Extract<Bookmark, { kind: 'row' }>): string {
  const key = keyField ? `${keyField}="${bookmark.key.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"` : '';
  return andFilters(bookmark.filter, windowFilter(bookmark.window), key);
}

export function bookmarkCommands(capture: string, b: Bookmark, keyField?: string): string[] {
  switch (b.kind) {
    case 'event': {
      const f = `evt.num=${b.evtNum}`;
      return [shellCommand(['syscope', 'dump', capture, f]), shellCommand(['syscope', 'events', capture, f, '--json']), shellCommand(['sysdig', '-r', capture, f])];
    }
    case 'stream': {
      const out = [shellCommand(['syscope', 'streams', capture, `evt.num=${b.evtNum}`, '--mode', 'printable'])];
      if (b.streamKey) {
        out.push(shellCommand(['syscope', 'streams', capture, '--follow', b.streamKey]));
        out.push(shellCommand(['syscope', 'export', capture, 'stream', '--follow', b.streamKey, '--format', 'text', '-o', STREAM_FILE]));
      }
      out.push(shellCommand(['sysdig', '-r', capture, '-A', `evt.num=${b.evtNum}`]));
      return out;
    }
    case 'row': {
      const out = [shellCommand(['syscope', 'view', capture, b.viewId, ...(b.filter ? ['--filter', b.filter] : []), ...windowArgs(b.window, '--from', '--to')])];
      const events = rowEventsFilter(keyField, b);
      if (events) out.push(shellCommand(['syscope', 'dump', capture, events]));
      return out;
    }
  }
}
