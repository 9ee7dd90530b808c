/**
 * `syscope count <capture> [FILTER] [--no-cache]`: how many events match a filter. The events
 * counted are those `sysdig -r F FILTER` would print. When the capture's index is in the cache
 * and records the filter's fields, the count comes from it (index/countFromIndex.ts); otherwise
 * from one streaming pass with the compiled filter. No index is built here: that is
 * `syscope index`'s job. The filter benchmark times the pass (`--no-cache`) beside `sysdig -q`.
 */
import type { Command } from '../main';
import { UsageError } from '../../engine/evidence/commandLine';
import { readCapture } from '../../engine/capture';
import type { ReadSummary } from '../../engine/capture/types';
import { compileFilter, type Predicate } from '../../engine/filter/compile';
import type { EventContext } from '../../engine/inspector/eventContext';
import { fieldResolver } from '../../engine/fields/registry';
import { Inspector } from '../../engine/inspector/inspector';
import { checkFilter } from '../../../shared/filter/validate';
import { formatFilterError } from '../../../shared/filter/errors';
import { fileIdentity, IndexCache } from '../../engine/index/cache';
import { countFromIndex } from '../../engine/index/countFromIndex';
import { captureProblemLine, inputFileProblem } from '../inputFile';
import { emptyCaptureProblem } from '../emptyCapture';
import { reportDamage } from '../captureDamage';

const USAGE = 'usage: syscope count <capture> [FILTER] [--no-cache]';

export const command: Command = {
  summary: 'number of events matching a filter (from the cached index, else one streaming pass)',
  usage: USAGE,
  options: { valued: [], flags: ['--no-cache'] },
  async run(args) {
    // Words after `--` are filter words even when they look like options (as the other commands take them).
    const end = args.indexOf('--');
    const options = end < 0 ? args : args.slice(0, end);
    const noCache = options.includes('--no-cache');
    const [file, ...rest] = [...options.filter((a) => a !== '--no-cache'), ...(end < 0 ? [] : args.slice(end + 1))];
    if (!file) throw new UsageError('no capture file given');
    if (file.startsWith('-')) throw new UsageError(`unknown option '${file}'`);
    const problem = inputFileProblem(file, 'capture file');
    if (problem) { console.error(`syscope count: ${file}: ${problem}`); return 1; }
    const empty = await emptyCaptureProblem(file);
    if (empty) { console.error(`syscope count: ${file}: ${empty}`); return 1; }
    const filter = rest.join(' ').trim();
    let predicate: Predicate<EventContext> | undefined;
    if (filter) {
      const checked = checkFilter(filter);
      if (!checked.ok) { console.error(`syscope count: ${formatFilterError(filter, checked.error)}`); return 2; }
      const compiled = compileFilter(filter, fieldResolver);
      if (!compiled.ok) { console.error(`syscope count: ${formatFilterError(filter, compiled.error)}`); return 2; }
      predicate = compiled.predicate;
    }
    const indexed = noCache ? undefined : await countFromCachedIndex(file, filter);
    if (indexed !== undefined) {
      console.log(indexed.count);
      console.error('(counted from the cached index)');
      return reportDamage('count', file, indexed.warnings);
    }
    let n = 0;
    const inspector = predicate
      ? new Inspector((ctx) => { if (predicate!(ctx)) n++; })
      : new Inspector(() => { n++; });
    let summary: ReadSummary;
    try {
      summary = await readCapture(file, inspector, { layout: 'file' });
    } catch (e) {
      console.error(`syscope count: ${captureProblemLine(String((e as Error).message), file)}`);
      return 1;
    }
    console.log(n);
    return reportDamage('count', file, summary.warnings);
  },
};

/** The count from the capture's cached index, with the reader's warnings it keeps; undefined when there is none or it cannot decide the filter. */
async function countFromCachedIndex(file: string, filter: string): Promise<{ count: number; warnings: readonly string[] } | undefined> {
  try {
    const { index } = await new IndexCache().load(fileIdentity(file));
    const count = index ? countFromIndex(index, filter) : undefined;
    return count === undefined ? undefined : { count, warnings: index!.meta.warnings };
  } catch {
    return undefined; // an unreadable cache is no reason not to count: the pass answers
  }
}
