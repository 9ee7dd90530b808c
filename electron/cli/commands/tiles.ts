/**
 * `syscope tiles <capture> [--samples N] [--filter F] [--from T --to T] [--json] [--no-cache]`:
 * the overview tiles (total, max, series) of a capture.
 */
import type { Command } from '../main';
import { tileIgnoresFilter } from '../../../shared/tiles/filterScope';
import { CaptureSession } from '../../engine/api/captureSession';
import { engineResolver } from '../../engine/api/engineResolver';
import { parseArgs, timeWindow, wholeNumber } from './view';
import { UsageError } from '../../engine/evidence/commandLine';
import { timeBounds } from '../timeWindow';
import { requireCaptureFile } from '../inputFile';
import { requireCaptureHoldsEvents } from '../emptyCapture';
import { TIME_WINDOW_HELP } from '../helpText';
import { requireValidFilter } from '../filterCheck';
import { reportDamage } from '../captureDamage';
import { inDisplayOrder } from '../../../shared/tiles/displayOrder';

const USAGE = 'usage: syscope tiles <capture> [--samples N] [--filter F] [--from T --to T] [--json] [--no-cache]';

export const command: Command = {
  summary: 'the overview tiles of a capture (totals, peaks, series)',
  usage: `${USAGE}\n  --json: one JSON document (an array of the tiles)\n${TIME_WINDOW_HELP}\n  Running Processes and Running Containers count what is alive in the window; a view's rows, what has events in it`,
  options: { valued: ['--samples', '--filter', '--from', '--to'], flags: ['--json', '--no-cache'] },
  async run(args) {
    const a = parseArgs(args, ['samples', 'filter', 'from', 'to'], ['json', 'no-cache'], USAGE);
    if (a.positional.length !== 1) throw new UsageError(a.positional.length === 0 ? 'no capture file given' : 'one capture at a time');
    const samples = wholeNumber(a.values.samples, '--samples') ?? 40;
    if (samples < 1 || samples > 100_000) throw new UsageError('--samples must be between 1 and 100000');
    const bounds = await timeBounds(a.positional[0], a.values.from, a.values.to);
    requireValidFilter(a.values.filter);
    requireCaptureFile(a.positional[0]);
    await requireCaptureHoldsEvents(a.positional[0]);
    const session = await CaptureSession.open(a.positional[0], { resolver: engineResolver(), cache: a.flags.has('no-cache') ? null : undefined });
    // In the Overview page's order, as its CSV export lists them.
    const tiles = inDisplayOrder(await session.tiles({ samples, filter: a.values.filter, window: timeWindow(bounds, session) }));
    if (a.flags.has('json')) {
      console.log(JSON.stringify(tiles));
      return reportDamage('tiles', a.positional[0], session.index.meta.warnings);
    }
    let category = '';
    for (const t of tiles) {
      if (t.category !== category) console.log(`${(category = t.category)}`);
      const unfiltered = a.values.filter && tileIgnoresFilter(t.id) ? '   (not narrowed by --filter)' : '';
      console.log(`  ${t.title.padEnd(34)} ${String(Math.round(t.total * 100) / 100).padStart(12)}   max ${Math.round(t.max * 100) / 100}${unfiltered}`);
    }
    return reportDamage('tiles', a.positional[0], session.index.meta.warnings);
  },
};
