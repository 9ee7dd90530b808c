/**
 * `syscope view <capture> <viewId> [options]`: one of csysdig's views over a capture, as a
 * table or JSON, from the same engine code the app uses (in this process, no worker).
 *   --filter F       user filter (filter language)       --from T / --to T     time window (ns or UTC time)
 *   --sort COLUMN[:asc|:desc]  sort column (title) and direction (desc; --asc / --desc also set it)
 *   --offset N       first row (0)                       --limit N             rows (all)
 *   --json           machine-readable output             --no-cache            do not use the index cache
 *   syscope view --list [--json]   lists the views
 */
import type { Command } from '../main';
import { allViews, findView, visibleColumns } from '../../../shared/views/catalog';
import { CaptureSession } from '../../engine/api/captureSession';
import { engineResolver } from '../../engine/api/engineResolver';
import { UsageError } from '../../engine/evidence/commandLine';
import { timeBounds } from '../timeWindow';
import { requireCaptureFile } from '../inputFile';
import { requireCaptureHoldsEvents } from '../emptyCapture';
import { TIME_WINDOW_HELP } from '../helpText';
import { requireValidFilter } from '../filterCheck';
import { reportDamage } from '../captureDamage';
import { requireKnownView } from '../knownView';

const USAGE = 'usage: syscope view <capture> <viewId> [--filter F] [--sort COL[:asc|desc]] [--desc|--asc] [--offset N] [--limit N] [--from T --to T] [--json] [--no-cache] | syscope view --list [--json]';

export interface ParsedArgs { positional: string[]; values: Record<string, string>; flags: Set<string> }

/** Splits `args` into positionals, `--name value` options and `--flag` switches. */
export function parseArgs(args: string[], valued: string[], switches: string[], usage: string): ParsedArgs {
  const out: ParsedArgs = { positional: [], values: {}, flags: new Set() };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith('--')) { out.positional.push(a); continue; }
    const name = a.slice(2);
    if (switches.includes(name)) out.flags.add(name);
    else if (valued.includes(name)) {
      if (i + 1 >= args.length) throw new UsageError(`${a} needs a value (${usage})`);
      out.values[name] = args[++i];
    } else throw new UsageError(`unknown option '${a}' (${usage})`);
  }
  return out;
}

/** A count option (--limit, --offset, --samples), refused in the words every command uses (QA 20: two wordings). */
export function wholeNumber(s: string | undefined, what: string): number | undefined {
  if (s === undefined) return undefined;
  if (!/^\d+$/.test(s)) throw new UsageError(`${what} must be a non-negative integer (got '${s}')`);
  return Number(s);
}

/** The window a query takes: the bounds given, the capture's own first and last times for the others. */
export function timeWindow(b: { from?: bigint; to?: bigint }, session: CaptureSession) {
  if (b.from === undefined && b.to === undefined) return undefined;
  return { from: b.from?.toString() ?? session.index.meta.firstTs, to: b.to?.toString() ?? session.index.meta.lastTs };
}

function render(cols: string[], rows: Array<Array<string | number | null>>): string {
  const cells = rows.map((r) => r.map((c) => (c === null ? '' : typeof c === 'number' && !Number.isInteger(c) ? c.toFixed(2) : String(c))));
  const widths = cols.map((c, i) => Math.min(60, Math.max(c.length, ...cells.map((r) => r[i].length))));
  const line = (r: string[]) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]))).join('  ');
  return [line(cols), ...cells.map(line)].join('\n');
}

/** `COLUMN`, `COLUMN:asc` or `COLUMN:desc` (descending unless told otherwise, as csysdig sorts). */
/**
 * `--sort COL[:asc|desc]` as the view's own column name: in any case (the table prints `PID`, a
 * user types `pid`); a column it lacks is refused with the columns it has, and a direction other
 * than asc or desc as such, not as a column (QA 20).
 */
export function sortOf(spec: string | undefined, ascFlag: boolean, viewId: string): { column: string; descending: boolean } | undefined {
  if (spec === undefined) return undefined;
  const names = visibleColumns(findView(viewId)!).map((c) => c.name);
  const named = (word: string) => names.find((n) => n.toLowerCase() === word.trim().toLowerCase());
  const whole = named(spec);
  if (whole) return { column: whole, descending: !ascFlag };
  const colon = spec.lastIndexOf(':');
  const column = colon < 0 ? undefined : named(spec.slice(0, colon));
  const direction = spec.slice(colon + 1).trim().toLowerCase();
  if (column && (direction === 'asc' || direction === 'desc')) return { column, descending: direction === 'desc' };
  if (column) throw new UsageError(`--sort ${spec}: the direction after ':' is asc or desc (got '${spec.slice(colon + 1)}')`);
  const list = names.map((n) => `'${n}'`).join(', ');
  if (spec.trim() === '') throw new UsageError(`--sort needs a column of view '${viewId}' (one of ${list})`);
  throw new UsageError(`view '${viewId}' has no column '${colon < 0 ? spec : spec.slice(0, colon)}' (its columns: ${list})`);
}

export const command: Command = {
  summary: 'a csysdig view over a capture, as a table (syscope view --list lists the views)',
  usage: `${USAGE}\n  --json: one JSON document (columns, rows, totalRows); with --list, one JSON array of the views\n${TIME_WINDOW_HELP}\n  a row needs events in the window (the Running Processes tile also counts processes alive in it without any)`,
  options: {
    valued: ['--filter', '--sort', '--offset', '--limit', '--from', '--to'],
    flags: ['--desc', '--asc', '--json', '--no-cache', '--list'],
  },
  async run(args) {
    const a = parseArgs(args, ['filter', 'sort', 'offset', 'limit', 'from', 'to'], ['desc', 'asc', 'json', 'no-cache', 'list'], USAGE);
    if (a.flags.has('list')) {
      if (a.flags.has('json')) {
        console.log(JSON.stringify(allViews().map((v) => ({ id: v.id, name: v.name, description: v.description, drillTarget: !v.tags.includes('wsysdig') }))));
      } else {
        for (const v of allViews()) console.log(`${v.id.padEnd(22)} ${v.name}${v.tags.includes('wsysdig') ? '' : ' (drill target)'}`);
      }
      return 0;
    }
    if (a.positional.length === 0) throw new UsageError('no capture file given');
    if (a.positional.length === 1) throw new UsageError('which view? (syscope view --list shows them)');
    if (a.positional.length > 2) throw new UsageError(`one capture and one view (got '${a.positional.slice(2).join(' ')}' too)`);
    const [path, viewId] = a.positional;
    requireKnownView(viewId);
    // --from/--to as `events` takes them, checked before the capture is read.
    const bounds = await timeBounds(path, a.values.from, a.values.to);
    requireValidFilter(a.values.filter);
    requireCaptureFile(path);
    await requireCaptureHoldsEvents(path);
    const session = await CaptureSession.open(path, { resolver: engineResolver(), cache: a.flags.has('no-cache') ? null : undefined });
    const w = await session.view({
      viewId, filter: a.values.filter, window: timeWindow(bounds, session),
      sort: sortOf(a.values.sort, a.flags.has('asc'), viewId),
      offset: wholeNumber(a.values.offset, '--offset') ?? 0, limit: wholeNumber(a.values.limit, '--limit') ?? Number.MAX_SAFE_INTEGER,
    });
    if (a.flags.has('json')) console.log(JSON.stringify(w));
    else console.log(`${render(w.columns.map((c) => c.title), w.rows)}\n(${w.rows.length} of ${w.totalRows} rows)`);
    return reportDamage('view', path, session.index.meta.warnings);
  },
};
